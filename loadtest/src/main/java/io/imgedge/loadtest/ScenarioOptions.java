package io.imgedge.loadtest;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The workload options every scenario command shares (picocli mixin). */
final class ScenarioOptions {
  @Option(
      names = "--sources",
      defaultValue = "20",
      description = "Distinct source images (default 20).")
  int sources;

  @Option(
      names = "--widths",
      split = ",",
      defaultValue = "320,480,640,864,1280",
      description = "Widths asked for (default 320,480,640,864,1280).")
  List<Integer> widths;

  @Option(
      names = "--formats",
      split = ",",
      defaultValue = "jpg,webp",
      description = "Formats asked for (default jpg,webp).")
  List<String> formats;

  @Option(
      names = "--zipf-s",
      defaultValue = "1.0",
      description = "Zipf exponent of popularity (default 1.0).")
  double zipfS;

  @Option(
      names = "--rate",
      defaultValue = "15",
      description = "Arrivals per second, open model (default 15).")
  double rate;

  @Option(
      names = "--duration",
      defaultValue = "30",
      description = "Seconds of arrivals (default 30, at most 1800).")
  int duration;

  @Option(
      names = "--seed",
      defaultValue = "7",
      description = "Seed of the catalogue and the draws (default 7).")
  long seed;

  @Option(
      names = "--origin-latency",
      defaultValue = "20",
      description = "Origin latency in ms (default 20).")
  long originLatencyMs;

  @Option(
      names = "--origin-errors",
      defaultValue = "0",
      description = "Share of origin answers that are 500s (default 0).")
  double originErrors;

  @Option(
      names = "--source-width",
      defaultValue = "1600",
      description = "Width of the origin's images (default 1600).")
  int sourceWidth;

  @Option(
      names = "--out",
      description = "Report folder (default loadtest/reports/<scenario>-<time>).")
  @Nullable Path out;

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "%d sources x widths %s x formats %s, Zipf s=%.2f, %.0f arrivals/s for %d s",
        sources,
        widths,
        formats,
        zipfS,
        rate,
        duration);
  }
}
