package io.imgedge.edge.http;

import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * An answer from memory, encoded for the wire by the hit front.
 *
 * @param status 200 or 304
 * @param head the status line and every header line that is the same from request to request (each
 *     ending in CRLF); the front adds {@code Age} (unless {@code age} is negative), {@code Date}
 *     and the blank line
 * @param age the {@code Age} in seconds, or -1 for none
 * @param body the body to send (a buffer of its own, positioned at 0), or null (a 304, a HEAD)
 */
public record EncodedHit(int status, byte[] head, long age, @Nullable ByteBuffer body) {

  /** The body bytes this answer sends. */
  public int bodyBytes() {
    return body == null ? 0 : body.remaining();
  }
}
