package io.imgedge.loadtest;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./imgedge loadtest closed}: runs a bounded closed-loop load against a running node on
 * loopback and prints the report.
 *
 * <p>Example: {@code ./imgedge loadtest closed --target http://127.0.0.1:8080 --concurrency 16
 * --duration 10s /photo.jpg?width=200 /photo.jpg?width=400&format=auto}
 */
@Command(
    name = "closed",
    mixinStandardHelpOptions = true,
    description =
        "Closed-loop load against an imgedge node on loopback; prints throughput, latency and hit ratio.")
final class ClosedLoopCommand implements Callable<Integer> {
  @Option(
      names = "--target",
      defaultValue = "http://127.0.0.1:8080",
      description = "Base URL (loopback only).")
  URI target;

  @Option(
      names = "--concurrency",
      defaultValue = "16",
      description = "Requests in flight (default 16).")
  int concurrency;

  @Option(
      names = "--warm-up",
      defaultValue = "2s",
      description = "Warm-up, not measured (default 2s).")
  String warmUp;

  @Option(names = "--duration", defaultValue = "10s", description = "Measured time (default 10s).")
  String duration;

  @Option(
      names = "--max-requests",
      defaultValue = "10000000",
      description = "Stop after this many measured requests.")
  long maxRequests;

  @CommandLine.Parameters(
      paramLabel = "PATH",
      arity = "1..*",
      description = "Paths with queries, requested round robin.")
  List<String> paths;

  @Override
  public Integer call() throws InterruptedException {
    LoadPlan plan =
        new LoadPlan(target, paths, concurrency, seconds(warmUp), seconds(duration), maxRequests);
    System.out.println(
        "load: "
            + plan.concurrency()
            + " in flight, "
            + plan.duration().toSeconds()
            + " s, "
            + plan.target()
            + " "
            + plan.paths());
    LoadReport report = new LoadGenerator(plan).run();
    System.out.print(report.summary());
    return report.errors() == 0 ? 0 : 1;
  }

  private static Duration seconds(String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    if (t.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
    }
    return Duration.ofSeconds(Long.parseLong(t.endsWith("s") ? t.substring(0, t.length() - 1) : t));
  }
}
