package io.imgedge.transform.spec;

import java.util.List;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * How the result is encoded: {@code frame}, {@code metadata}, {@code format}, {@code auto}, {@code
 * optimize} and {@code quality}.
 *
 * @param firstFrame {@code frame=1}: only the first frame of an animation
 * @param keepCopyright {@code metadata=copyright}: JPEG to JPEG keeps the copyright fields
 * @param format the {@code format=} target ({@link OutputTarget#AUTO} for {@code format=auto}), or
 *     null for the source's format; never {@link OutputTarget#SOURCE}
 * @param auto {@code auto=}: the formats to negotiate, in order of preference ({@link
 *     OutputTarget#AVIF}, {@link OutputTarget#WEBP}), none repeated; empty when not given
 * @param optimize automatic quality, or null; dropped when {@code quality} is given
 * @param quality lossy quality 1-100, or null for the service default
 * @param webpQuality quality when negotiation picks WebP ({@code quality=q,qwebp}), or null
 * @param h264 the H.264 profile and level of {@code format=mp4} ({@link H264#DEFAULT} for any other
 *     format)
 */
public record Output(
    boolean firstFrame,
    boolean keepCopyright,
    @Nullable OutputTarget format,
    List<OutputTarget> auto,
    @Nullable Optimize optimize,
    @Nullable Integer quality,
    @Nullable Integer webpQuality,
    H264 h264) {
  /** The source's format, the default quality. */
  public static final Output NONE =
      new Output(false, false, null, List.of(), null, null, null, H264.DEFAULT);

  /** Without {@code profile}/{@code level}: any format but MP4. */
  public Output(
      boolean firstFrame,
      boolean keepCopyright,
      @Nullable OutputTarget format,
      List<OutputTarget> auto,
      @Nullable Optimize optimize,
      @Nullable Integer quality,
      @Nullable Integer webpQuality) {
    this(firstFrame, keepCopyright, format, auto, optimize, quality, webpQuality, H264.DEFAULT);
  }

  /** Checks the invariants the parser establishes. */
  public Output {
    if (format == OutputTarget.SOURCE) {
      throw new IllegalArgumentException("format is null, not SOURCE, when not given");
    }
    auto = List.copyOf(auto);
    for (OutputTarget t : auto) {
      if (t != OutputTarget.AVIF && t != OutputTarget.WEBP) {
        throw new IllegalArgumentException("auto= negotiates avif and webp only: " + t);
      }
    }
    if (optimize != null && quality != null) {
      throw new IllegalArgumentException("quality overrides optimize, which is then null");
    }
    if (format != OutputTarget.MP4 && !h264.equals(H264.DEFAULT)) {
      throw new IllegalArgumentException("profile and level are for format=mp4 only");
    }
  }

  void canonical(StringJoiner q) {
    if (firstFrame) {
      q.add("frame=1");
    }
    if (keepCopyright) {
      q.add("metadata=copyright");
    }
    if (format != null) {
      q.add("format=" + TransformSpecParser.formatName(format));
    }
    h264.canonical(q);
    if (!auto.isEmpty()) {
      StringJoiner names = new StringJoiner(",", "auto=", "");
      auto.forEach(t -> names.add(t.token()));
      q.add(names.toString());
    }
    if (optimize != null) {
      q.add("optimize=" + optimize.canonical());
    }
    if (quality != null || webpQuality != null) {
      q.add(
          "quality="
              + (quality == null ? "" : quality)
              + (webpQuality == null ? "" : "," + webpQuality));
    }
  }
}
