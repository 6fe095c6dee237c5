package io.imgedge.cache.disk;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.Locale;

/** What kind of fault a failed file operation was, by the operating system's message. */
enum Fault {
  /** No space left on the device, or over a quota: the tier shrinks. */
  FULL,
  /** The file system is mounted read-only: the tier turns off. */
  READ_ONLY,
  /** Not allowed: the tier turns off. */
  PERMISSION,
  /** Any other failure (an IO error): the tier turns off when it keeps happening. */
  IO;

  static Fault of(IOException e) {
    String message = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
    String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
    if (m.contains("no space left") || m.contains("quota exceeded")) {
      return FULL;
    }
    if (m.contains("read-only file system")) {
      return READ_ONLY;
    }
    if (e instanceof AccessDeniedException
        || m.contains("permission denied")
        || m.contains("operation not permitted")) {
      return PERMISSION;
    }
    return IO;
  }

  /** The {@code kind} tag of {@code imgedge.disk.errors}. */
  String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
