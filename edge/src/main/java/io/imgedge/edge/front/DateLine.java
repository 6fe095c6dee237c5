package io.imgedge.edge.front;

import io.imgedge.cache.HttpFreshness;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * The {@code Date} header line of this second ({@code "Date: Sun, 06 Dec 2026 05:04:38 GMT\r\n"}),
 * formatted once per second, as Undertow does for the chain's answers.
 */
final class DateLine {
  private record Line(long second, byte[] bytes) {}

  private final LongSupplier millis;
  private volatile Line line = new Line(Long.MIN_VALUE, new byte[0]);

  /**
   * @param millis the wall clock in milliseconds ({@code System::currentTimeMillis})
   */
  DateLine(LongSupplier millis) {
    this.millis = millis;
  }

  /** The line for now. */
  byte[] now() {
    long second = Math.floorDiv(millis.getAsLong(), 1000);
    Line l = line;
    if (l.second() != second) {
      String date = HttpFreshness.format(Instant.ofEpochSecond(second));
      l = new Line(second, ("Date: " + date + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      line = l;
    }
    return l.bytes();
  }
}
