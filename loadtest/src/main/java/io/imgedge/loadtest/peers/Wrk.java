package io.imgedge.loadtest.peers;

import io.imgedge.loadtest.gatling.Workload;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The hit-path measurement: {@code wrk} with a fixed number of connections on one URL, for a
 * bounded time, on loopback only.
 */
public final class Wrk {
  private final String binary;

  private Wrk(String binary) {
    this.binary = binary;
  }

  /** wrk, or null when it is not installed. */
  public static @Nullable Wrk find() {
    var p = Processes.which("wrk");
    return p == null ? null : new Wrk(p.toString());
  }

  /**
   * One run's result.
   *
   * @param requestsPerSecond requests per second
   * @param p50 median latency, ms
   * @param p99 99th percentile latency, ms
   * @param errors socket errors and non-2xx/3xx answers
   */
  public record Result(double requestsPerSecond, double p50, double p99, long errors) {}

  /** Runs wrk ({@code threads} threads, {@code connections} connections) for {@code seconds}. */
  public Result run(URI url, int threads, int connections, int seconds)
      throws IOException, InterruptedException {
    Workload.requireLoopback(url);
    Process p =
        new ProcessBuilder(
                List.of(
                    binary,
                    "-t" + threads,
                    "-c" + connections,
                    "-d" + seconds + "s",
                    "--latency",
                    url.toString()))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(seconds + 30L, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("wrk did not stop");
    }
    return parse(out);
  }

  static Result parse(String out) {
    return new Result(
        number(out, "Requests/sec:\\s+([0-9.]+)"),
        millis(out, "50%"),
        millis(out, "99%"),
        (long) (number(out, "Non-2xx or 3xx responses:\\s+(\\d+)") + errors(out)));
  }

  private static long errors(String out) {
    Matcher m =
        Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
            .matcher(out);
    return m.find()
        ? Long.parseLong(m.group(1))
            + Long.parseLong(m.group(2))
            + Long.parseLong(m.group(3))
            + Long.parseLong(m.group(4))
        : 0;
  }

  private static double millis(String out, String percentile) {
    Matcher m =
        Pattern.compile("\\s" + Pattern.quote(percentile) + "\\s+([0-9.]+)(us|ms|s)").matcher(out);
    if (!m.find()) {
      return Double.NaN;
    }
    double v = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> v / 1000;
      case "s" -> v * 1000;
      default -> v;
    };
  }

  private static double number(String out, String regex) {
    Matcher m = Pattern.compile(regex).matcher(out);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }
}
