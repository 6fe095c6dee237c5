package io.imgedge.loadtest.peers;

import io.imgedge.loadtest.gatling.UrlStyle;
import java.net.URI;
import java.util.OptionalLong;

/** A server under test in the side-by-side comparison, running on loopback. */
public interface Peer extends AutoCloseable {

  /** Its name in the report, e.g. {@code imgedge}, {@code nginx-static}. */
  String name();

  /** How it spells a derivative. */
  UrlStyle style();

  /** Its base URL. */
  URI url();

  /** Transforms it has done so far, when it can tell. */
  OptionalLong transforms() throws Exception;

  /** What to say about it under the table (engine, version, caveats). */
  String note();

  /** The id of the server's process, when it is one process this JVM started (for its CPU time). */
  default OptionalLong pid() {
    return OptionalLong.empty();
  }

  @Override
  void close();
}
