package io.imgedge.loadtest.origin;

import java.time.Duration;

/**
 * How the origin simulator behaves.
 *
 * @param sources how many distinct images it serves ({@code /img/0.jpg} to {@code /img/N-1.jpg})
 * @param width the width of every image in pixels (height is 2/3 of it)
 * @param latency how long each answer is delayed before its headers
 * @param jitter a random extra delay of up to this much
 * @param errorRate the share of requests answered 500 (0 to 1)
 * @param validators whether answers carry ETag and Last-Modified and 304s are given
 * @param maxAge the {@code Cache-Control: max-age} sent, in seconds
 * @param seed makes images, delays and errors repeatable
 */
public record OriginKnobs(
    int sources,
    int width,
    Duration latency,
    Duration jitter,
    double errorRate,
    boolean validators,
    long maxAge,
    long seed) {

  /** Checks the ranges. */
  public OriginKnobs {
    if (sources < 1 || sources > 100_000) {
      throw new IllegalArgumentException("sources must be 1 to 100000");
    }
    if (width < 16 || width > 8000) {
      throw new IllegalArgumentException("width must be 16 to 8000");
    }
    if (errorRate < 0 || errorRate > 1) {
      throw new IllegalArgumentException("error rate must be 0 to 1");
    }
    if (latency.isNegative() || jitter.isNegative()) {
      throw new IllegalArgumentException("latency and jitter must not be negative");
    }
  }

  /**
   * A well-behaved origin: {@code sources} images 1600 px wide, 5 ms away, no errors, validators
   * on.
   */
  public static OriginKnobs defaults(int sources) {
    return new OriginKnobs(sources, 1600, Duration.ofMillis(5), Duration.ZERO, 0, true, 3600, 42);
  }

  /** The height of every image. */
  public int height() {
    return width * 2 / 3;
  }
}
