package io.imgedge.transform.codec.turbo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds the version of the loaded libjpeg-turbo. The TurboJPEG 2.x API has no version function, so
 * this reads the library file the process mapped (from {@code /proc/self/maps}) for libjpeg's
 * version message, {@code "libjpeg-turbo version 2.1.5 (build ...)"}.
 */
final class LibraryVersion {
  private static final Pattern VERSION =
      Pattern.compile("libjpeg-turbo version ([0-9]+\\.[0-9]+(?:\\.[0-9]+)?)");
  private static final long MAX_LIBRARY_BYTES = 32 << 20;

  private LibraryVersion() {}

  /** {@code libjpeg-turbo 2.1.5}, or {@code libjpeg-turbo 2.x} if the file cannot be read. */
  static String describe(String library) {
    String stem = Path.of(library).getFileName().toString().replaceAll("\\.so.*$", "");
    try {
      for (String line :
          Files.readAllLines(Path.of("/proc/self/maps"), StandardCharsets.US_ASCII)) {
        int slash = line.indexOf('/');
        if (slash >= 0 && line.contains(stem + ".so")) {
          String found = versionIn(Path.of(line.substring(slash).trim()));
          if (found != null) {
            return "libjpeg-turbo " + found;
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or unreadable: the generic name will do
    }
    return "libjpeg-turbo 2.x";
  }

  private static @Nullable String versionIn(Path file) throws IOException {
    if (Files.size(file) > MAX_LIBRARY_BYTES) {
      return null;
    }
    String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    Matcher m = VERSION.matcher(text);
    return m.find() ? m.group(1) : null;
  }
}
