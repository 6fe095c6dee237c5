package io.imgedge.edge.tls;

import java.nio.file.Path;

/** A certificate or key file that cannot be used: the message names the file and what is wrong. */
public final class TlsFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The file and what is wrong with it. */
  public TlsFileException(Path file, String problem) {
    super(file + ": " + problem);
  }
}
