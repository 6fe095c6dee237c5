package io.imgedge.loadtest.gatling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs {@link ImageSimulation} in its own JVM (Gatling's own heap and threads, apart from whatever
 * orchestrates the run), with the workload as system properties, and finds its HTML report.
 */
public final class GatlingRunner {
  private final String java;
  private final String classpath;
  private final List<String> jvmFlags;

  /**
   * @param java the java binary
   * @param classpath a class path holding Gatling and this module
   * @param jvmFlags module-access flags to pass on
   */
  public GatlingRunner(String java, String classpath, List<String> jvmFlags) {
    this.java = java;
    this.classpath = classpath;
    this.jvmFlags = List.copyOf(jvmFlags);
  }

  /** A runner for this JVM's own binary and class path. */
  public static GatlingRunner current() {
    return new GatlingRunner(
        ProcessHandle.current().info().command().orElse("java"),
        System.getProperty("java.class.path"),
        io.imgedge.loadtest.cluster.LocalCluster.jvmFlags());
  }

  /**
   * Runs the workload and returns the folder of its HTML report.
   *
   * @param workload what to run
   * @param results the folder Gatling writes its results under
   * @param description a line for the report
   * @param log where Gatling's console output goes
   */
  public Path run(Workload workload, Path results, String description, Path log)
      throws IOException, InterruptedException {
    Files.createDirectories(results);
    List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-XX:+UseParallelGC"));
    command.addAll(jvmFlags);
    workload.toProperties().forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.addAll(
        List.of(
            "-Dgatling.charting.indicators.percentile1=50",
            "-Dgatling.charting.indicators.percentile2=90",
            "-Dgatling.charting.indicators.percentile3=99",
            "-Dgatling.charting.indicators.percentile4=99.9",
            "-cp",
            classpath,
            "io.gatling.app.Gatling",
            "--simulation",
            ImageSimulation.class.getName(),
            "--results-folder",
            results.toString(),
            "--run-description",
            description,
            "--launcher",
            "imgedge"));
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Duration limit = Duration.ofSeconds(workload.durationSeconds() + 240L);
    if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("Gatling did not finish in " + limit + "; see " + log);
    }
    return latestReport(results)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Gatling wrote no report (exit " + p.exitValue() + "); see " + log));
  }

  private static Optional<Path> latestReport(Path results) throws IOException {
    try (Stream<Path> runs = Files.list(results)) {
      return runs.filter(d -> Files.exists(d.resolve("index.html")))
          .max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()));
    }
  }
}
