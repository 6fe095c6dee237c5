package io.imgedge.loadtest;

import io.imgedge.loadtest.origin.OriginKnobs;
import io.imgedge.loadtest.origin.OriginSimulator;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./imgedge loadtest origin}: runs the origin simulator alone on loopback, for a bounded
 * time.
 */
@Command(
    name = "origin",
    mixinStandardHelpOptions = true,
    description =
        "Run the origin simulator on 127.0.0.1 (GET /img/<i>.jpg, GET /__stats) for a bounded time.")
final class OriginCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "0", description = "Port (default: any free one).")
  int port;

  @Option(names = "--sources", defaultValue = "20", description = "Images served (default 20).")
  int sources;

  @Option(names = "--width", defaultValue = "1600", description = "Image width (default 1600).")
  int width;

  @Option(names = "--latency", defaultValue = "20", description = "Latency in ms (default 20).")
  long latency;

  @Option(
      names = "--jitter",
      defaultValue = "0",
      description = "Random extra latency up to this many ms.")
  long jitter;

  @Option(names = "--errors", defaultValue = "0", description = "Share of 500 answers, 0 to 1.")
  double errors;

  @Option(names = "--no-validators", description = "Send no ETag/Last-Modified, never 304.")
  boolean noValidators;

  @Option(
      names = "--max-age",
      defaultValue = "3600",
      description = "Cache-Control max-age (default 3600).")
  long maxAge;

  @Option(
      names = "--for",
      defaultValue = "600",
      description = "Seconds to run before stopping (default 600).")
  long seconds;

  @Override
  public Integer call() throws InterruptedException {
    OriginKnobs knobs =
        new OriginKnobs(
            sources,
            width,
            Duration.ofMillis(latency),
            Duration.ofMillis(jitter),
            errors,
            !noValidators,
            maxAge,
            42);
    try (OriginSimulator origin = OriginSimulator.start(knobs, port)) {
      System.out.println(
          "origin simulator on "
              + origin.url()
              + " ("
              + sources
              + " images at /img/<i>.jpg, stats at /__stats) for "
              + seconds
              + " s");
      TimeUnit.SECONDS.sleep(Math.min(seconds, 3600));
    }
    return 0;
  }
}
