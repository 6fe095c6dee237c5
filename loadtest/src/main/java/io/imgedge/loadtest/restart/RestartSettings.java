package io.imgedge.loadtest.restart;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link ShieldRestartScenario} runs.
 *
 * @param sources originals the origin simulator serves
 * @param imageWidth their width in pixels
 * @param widths the widths asked for
 * @param formats the formats asked for ({@code jpg}, {@code webp}, ...)
 * @param rate requests a second (open model: arrivals do not wait for answers)
 * @param before seconds of load before the shield is killed
 * @param after seconds of load after the new shield is ready
 * @param graceful stop the shield with SIGTERM (it drains) instead of SIGKILL
 * @param memoryPass also run the same with memory only, for comparison
 * @param nodeMemoryMib the shield's and the edge's {@code node.memory}, in MiB
 * @param diskMaxBytes the shield's {@code cache.disk.max-bytes}
 * @param out where report.md and raw.txt go
 * @param work where the nodes' configurations, logs and disk go
 * @param command the command line, for the report
 */
public record RestartSettings(
    int sources,
    int imageWidth,
    List<Integer> widths,
    List<String> formats,
    double rate,
    Duration before,
    Duration after,
    boolean graceful,
    boolean memoryPass,
    int nodeMemoryMib,
    String diskMaxBytes,
    Path out,
    Path work,
    String command) {

  /** Copies the lists. */
  public RestartSettings {
    widths = List.copyOf(widths);
    formats = List.copyOf(formats);
  }

  /** Every derivative of the working set, as request paths. */
  List<String> paths() {
    List<String> paths = new ArrayList<>();
    for (int s = 0; s < sources; s++) {
      for (int w : widths) {
        for (String f : formats) {
          paths.add("/img/" + s + ".jpg?width=" + w + "&format=" + f);
        }
      }
    }
    return paths;
  }
}
