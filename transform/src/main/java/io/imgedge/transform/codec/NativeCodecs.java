package io.imgedge.transform.codec;

import io.imgedge.transform.codec.turbo.TurboJpeg;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import org.jspecify.annotations.Nullable;

/**
 * Which native codecs this process uses. {@link #load()} binds libjpeg-turbo (Debian's {@code
 * libturbojpeg0}) through the FFM API and logs one line saying which JPEG codec is active; when the
 * library is absent, JPEG goes through the pure-Java path (ImageIO with TwelveMonkeys). Create one
 * at start-up and hand it to {@link ImageDecoder} and {@link Encoders}; {@link #none()} forces the
 * pure-Java path (tests, comparisons).
 */
public final class NativeCodecs {
  /** {@link #jpegCodec()} when libjpeg-turbo is not used. */
  public static final String IMAGEIO = "ImageIO";

  private static final Logger LOG = System.getLogger(NativeCodecs.class.getName());

  private final @Nullable TurboJpeg turbo;

  private NativeCodecs(@Nullable TurboJpeg turbo) {
    this.turbo = turbo;
  }

  /** Binds libjpeg-turbo if it is installed, else the pure-Java path; logs which, once. */
  public static NativeCodecs load() {
    return load(TurboJpeg.DEFAULT_LIBRARY);
  }

  /** Binds this TurboJPEG library (a soname or path) if it loads, else the pure-Java path. */
  public static NativeCodecs load(String library) {
    return load(library, true);
  }

  /** As {@link #load()}, logging only at DEBUG: for codecs made outside the composition root. */
  static NativeCodecs loadQuietly() {
    return load(TurboJpeg.DEFAULT_LIBRARY, false);
  }

  private static NativeCodecs load(String library, boolean announce) {
    try {
      NativeCodecs codecs = new NativeCodecs(TurboJpeg.load(library));
      LOG.log(announce ? Level.INFO : Level.DEBUG, "JPEG codec: " + codecs.jpegCodec());
      return codecs;
    } catch (RuntimeException | LinkageError e) {
      LOG.log(announce ? Level.WARNING : Level.DEBUG, "JPEG codec: " + IMAGEIO
          + " (pure Java, slower): " + library + " did not load (" + e.getMessage()
          + "); install libturbojpeg0 for libjpeg-turbo");
      return none();
    }
  }

  /** The pure-Java path only. */
  public static NativeCodecs none() {
    return new NativeCodecs(null);
  }

  /**
   * The active JPEG codec, for logs and metrics: {@code "libjpeg-turbo 2.1.5 (FFM)"} or {@code
   * "ImageIO"}.
   */
  public String jpegCodec() {
    return turbo == null ? IMAGEIO : turbo.version() + " (FFM)";
  }

  /** Whether libjpeg-turbo is in use. */
  public boolean turboJpeg() {
    return turbo != null;
  }

  @Nullable TurboJpeg turbo() {
    return turbo;
  }

  @Override
  public String toString() {
    return "NativeCodecs[jpeg=" + jpegCodec() + "]";
  }
}
