package io.imgedge.cache.disk;

import java.io.IOException;
import java.nio.file.Path;

/** An object file whose contents fail a check: it is dropped, never served. */
final class CorruptObjectException extends IOException {
  private static final long serialVersionUID = 1L;

  CorruptObjectException(String why) {
    super(why);
  }

  CorruptObjectException(Path file, String why) {
    super(file + ": " + why);
  }
}
