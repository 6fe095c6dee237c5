package io.imgedge.transform.codec;

import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ImageWriterSpi;
import org.jspecify.annotations.Nullable;

/**
 * Chooses ImageIO plugins by provider class name instead of registry order, so that the same
 * decoder runs whatever order the class path (or a shaded jar) registers them in.
 */
final class Plugins {
  static {
    ImageIO.scanForPlugins();
  }

  private Plugins() {}

  /** The first reader for a format name whose provider class starts with a preferred prefix. */
  static @Nullable ImageReaderSpi reader(String formatName, List<String> preferredPrefixes) {
    return best(
        ImageIO.getImageReadersByFormatName(formatName),
        preferredPrefixes,
        ImageReader::getOriginatingProvider);
  }

  /** The first writer for a MIME type whose provider class starts with a preferred prefix. */
  static @Nullable ImageWriterSpi writer(String mimeType, List<String> preferredPrefixes) {
    return best(
        ImageIO.getImageWritersByMIMEType(mimeType),
        preferredPrefixes,
        ImageWriter::getOriginatingProvider);
  }

  private static <T, S> @Nullable S best(
      Iterator<T> candidates, List<String> prefixes, java.util.function.Function<T, S> spi) {
    List<S> all = new java.util.ArrayList<>();
    candidates.forEachRemaining(c -> all.add(spi.apply(c)));
    for (String prefix : prefixes) {
      for (S s : all) {
        if (s.getClass().getName().startsWith(prefix)) {
          return s;
        }
      }
    }
    return all.isEmpty() ? null : all.get(0);
  }

  /** Makes sure the registry has loaded every plugin on the class path. */
  static IIORegistry registry() {
    return IIORegistry.getDefaultInstance();
  }
}
