package io.imgedge.transform.codec;

import io.imgedge.transform.codec.avif.LibAvif;
import io.imgedge.transform.codec.jxl.LibJxl;
import io.imgedge.transform.codec.turbo.TurboJpeg;
import io.imgedge.transform.codec.webp.LibWebp;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Which native codecs this process uses, bound through the FFM API: libjpeg-turbo (Debian's {@code
 * libturbojpeg0}) for JPEG, libavif (Debian's {@code libavif15}, with aom and dav1d) for AVIF and
 * libjxl (Debian's {@code libjxl0.7}) for JPEG XL, and libwebp (Debian's {@code libwebp7} and
 * {@code libwebpdemux2}) for decoding WebP. {@link #load()} binds each one that is installed and
 * logs one line per format saying which codec is active or what happens without it: JPEG and WebP
 * decoding fall back to the pure-Java path (ImageIO with TwelveMonkeys); AVIF and JPEG XL output is
 * served as WebP, with a warning, and such sources are refused (415). (WebP is encoded by
 * webp-imageio's own bundled libwebp either way.) Create one at start-up and hand it to {@link
 * ImageDecoder} and {@link Encoders}; {@link #none()} binds nothing (the pure-Java path, for tests
 * and comparisons).
 */
public final class NativeCodecs {
  /** {@link #jpegCodec()} when libjpeg-turbo is not used. */
  public static final String IMAGEIO = "ImageIO";

  /** What {@link #describe()} says of a format whose library is missing. */
  public static final String NOT_INSTALLED = "not installed";

  private static final Logger LOG = System.getLogger(NativeCodecs.class.getName());

  private final @Nullable TurboJpeg turbo;
  private final @Nullable LibAvif avif;
  private final @Nullable LibJxl jxl;
  private final @Nullable LibWebp webp;

  private NativeCodecs(
      @Nullable TurboJpeg turbo,
      @Nullable LibAvif avif,
      @Nullable LibJxl jxl,
      @Nullable LibWebp webp) {
    this.turbo = turbo;
    this.avif = avif;
    this.jxl = jxl;
    this.webp = webp;
  }

  /** Binds every native codec that is installed; logs, once per format, which codec is active. */
  public static NativeCodecs load() {
    return load(TurboJpeg.DEFAULT_LIBRARY);
  }

  /**
   * Binds this TurboJPEG library (a soname or path) if it loads, and the other codecs if they are
   * installed.
   */
  public static NativeCodecs load(String turboLibrary) {
    return load(turboLibrary, true);
  }

  /** As {@link #load()}, logging only at DEBUG: for codecs made outside the composition root. */
  static NativeCodecs loadQuietly() {
    return load(TurboJpeg.DEFAULT_LIBRARY, false);
  }

  private static NativeCodecs load(String turboLibrary, boolean announce) {
    return load(turboLibrary, LibWebp.DEFAULT_LIBRARY, announce);
  }

  /** As {@link #load(String)}, with this libwebp (a soname or path): for tests of the fallback. */
  static NativeCodecs load(String turboLibrary, String webpLibrary, boolean announce) {
    TurboJpeg turbo =
        bind(
            "JPEG codec",
            turboLibrary,
            TurboJpeg::load,
            TurboJpeg::version,
            IMAGEIO + " (pure Java, slower); install libturbojpeg0 for libjpeg-turbo",
            announce);
    LibAvif avif =
        bind(
            "AVIF codec",
            LibAvif.DEFAULT_LIBRARY,
            LibAvif::load,
            LibAvif::version,
            "none: AVIF output is served as WebP and AVIF sources are refused; install libavif15",
            announce);
    LibJxl jxl =
        bind(
            "JPEG XL codec",
            LibJxl.DEFAULT_LIBRARY,
            LibJxl::load,
            LibJxl::version,
            "none: JPEG XL output is served as WebP and JPEG XL sources are refused; install libjxl0.7",
            announce);
    LibWebp webp =
        bind(
            "WebP decoder",
            webpLibrary,
            l -> LibWebp.load(l, LibWebp.DEFAULT_DEMUX_LIBRARY),
            LibWebp::version,
            IMAGEIO
                + " (TwelveMonkeys, pure Java: lossy chroma is upsampled without"
                + " libwebp's interpolation, 2-3 levels of 255 off dwebp); install libwebp7 and libwebpdemux2",
            announce);
    return new NativeCodecs(turbo, avif, jxl, webp);
  }

  private static <T> @Nullable T bind(
      String what,
      String library,
      Function<String, T> loader,
      Function<T, String> version,
      String fallback,
      boolean announce) {
    try {
      T codec = loader.apply(library);
      LOG.log(announce ? Level.INFO : Level.DEBUG, what + ": " + version.apply(codec) + " (FFM)");
      return codec;
    } catch (RuntimeException | LinkageError e) {
      LOG.log(
          announce ? Level.WARNING : Level.DEBUG,
          what + ": " + fallback + " (" + library + " did not load: " + e.getMessage() + ")");
      return null;
    }
  }

  /** No native codec: the pure-Java path only (no AVIF, no JPEG XL). */
  public static NativeCodecs none() {
    return new NativeCodecs(null, null, null, null);
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

  /** Whether libavif is in use (AVIF is read and written). */
  public boolean avif() {
    return avif != null;
  }

  /** Whether libjxl is in use (JPEG XL is read and written). */
  public boolean jxl() {
    return jxl != null;
  }

  /** Whether libwebp decodes WebP (else TwelveMonkeys' ImageIO reader does). */
  public boolean webp() {
    return webp != null;
  }

  /**
   * The codec per format that depends on a native library, for the start-up log, {@code /status}
   * and metrics: e.g. {@code jpeg=libjpeg-turbo 2.1.5 (FFM)}, {@code avif=not installed}; {@code
   * webp} names the WebP decoder ({@code libwebp 1.2.4 (FFM)} or {@code ImageIO}).
   */
  public Map<String, String> describe() {
    Map<String, String> codecs = new LinkedHashMap<>();
    codecs.put("jpeg", jpegCodec());
    codecs.put("avif", avif == null ? NOT_INSTALLED : shortVersion(avif.version()) + " (FFM)");
    codecs.put("jxl", jxl == null ? NOT_INSTALLED : jxl.version() + " (FFM)");
    codecs.put("webp", webp == null ? IMAGEIO : webp.version() + " (FFM)");
    return codecs;
  }

  /** {@code "libavif 0.11.1"} of {@code "libavif 0.11.1 (dav1d [dec]:1.0.0, ...)"}. */
  private static String shortVersion(String version) {
    int paren = version.indexOf(" (");
    return paren < 0 ? version : version.substring(0, paren);
  }

  @Nullable TurboJpeg turbo() {
    return turbo;
  }

  @Nullable LibAvif libAvif() {
    return avif;
  }

  @Nullable LibJxl libJxl() {
    return jxl;
  }

  @Nullable LibWebp libWebp() {
    return webp;
  }

  @Override
  public String toString() {
    return "NativeCodecs" + describe();
  }
}
