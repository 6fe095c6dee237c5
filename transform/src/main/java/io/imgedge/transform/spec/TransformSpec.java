package io.imgedge.transform.spec;

import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * The canonical description of one derivative of a source image: what the Fastly IO query
 * parameters asked for, with aliases resolved, no-ops removed and values equal to the service's
 * defaults dropped. Two URLs that must produce the same bytes produce equal specs, whatever their
 * parameter order; {@link #canonical()} is their common query string and is part of the cache key.
 *
 * <p>The parameters are grouped in the order Fastly applies them: {@link Cropping} (trim-color,
 * precrop, trim, crop), {@link Sizing} (orient, then the resize), {@link Framing} (pad, canvas,
 * bg-color), {@link Adjustments} (brightness, contrast, saturation, sharpen, blur, bw) and {@link
 * Output} (frame, metadata, format, auto, optimize, quality), with an {@link Overlay} composited
 * after the adjustments and before encoding. The overlay never comes from a request's query: the
 * edge adds it from the trusted {@code X-Fastly-Imageopto-Overlay} header or the origin's
 * configuration ({@link #withOverlay}); being part of the spec, it is part of the key and ETag.
 *
 * <p>Create one with {@link TransformSpecParser}; {@code parser.parse(spec.canonical())} returns an
 * equal spec.
 *
 * @param cropping what is cut before resizing
 * @param sizing orientation and resize
 * @param framing pad, canvas and background
 * @param adjustments tone and detail
 * @param output the encoding
 * @param overlay the image composited over the result, or null
 */
public record TransformSpec(
    Cropping cropping,
    Sizing sizing,
    Framing framing,
    Adjustments adjustments,
    Output output,
    @Nullable Overlay overlay) {

  /** No parameters: the source re-encoded with the service defaults. */
  public static final TransformSpec NONE =
      new TransformSpec(Cropping.NONE, Sizing.NONE, Framing.NONE, Adjustments.NONE, Output.NONE);

  /** A spec without an overlay. */
  public TransformSpec(
      Cropping cropping, Sizing sizing, Framing framing, Adjustments adjustments, Output output) {
    this(cropping, sizing, framing, adjustments, output, null);
  }

  /** The same spec with this overlay (null for none), replacing any it had. */
  public TransformSpec withOverlay(@Nullable Overlay overlay) {
    return new TransformSpec(cropping, sizing, framing, adjustments, output, overlay);
  }

  /** A spec with only an output, for tests and callers that only choose a format. */
  public static TransformSpec of(Output output) {
    return new TransformSpec(Cropping.NONE, Sizing.NONE, Framing.NONE, Adjustments.NONE, output);
  }

  /** Requested width, or null. */
  public @Nullable Length width() {
    return sizing.width();
  }

  /** Requested height, or null. */
  public @Nullable Length height() {
    return sizing.height();
  }

  /** The device pixel ratio in thousandths. */
  public int dprMilli() {
    return sizing.dprMilli();
  }

  /** The device pixel ratio, 1 to 10. */
  public double dpr() {
    return sizing.dprMilli() / 1000.0;
  }

  /** How both sides are fitted, or null. */
  public @Nullable Fit fit() {
    return sizing.fit();
  }

  /** An explicit rotation or flip, or null. */
  public @Nullable Orientation orient() {
    return sizing.orient();
  }

  /** The resampling filter, or null for the default. */
  public @Nullable ResizeFilter resizeFilter() {
    return sizing.resizeFilter();
  }

  /** Whether upscaling is allowed, or null for the default. */
  public @Nullable Boolean upscale() {
    return sizing.upscale();
  }

  /** The background colour, or null. */
  public @Nullable Rgba bgColor() {
    return framing.bgColor();
  }

  /** The {@code format=} target, or null for the source's. */
  public @Nullable OutputTarget format() {
    return output.format();
  }

  /** Lossy quality, or null for the default. */
  public @Nullable Integer quality() {
    return output.quality();
  }

  /** Quality when negotiation picks WebP, or null. */
  public @Nullable Integer webpQuality() {
    return output.webpQuality();
  }

  /** The {@code auto=} formats in order of preference, or none. */
  public java.util.List<OutputTarget> auto() {
    return output.auto();
  }

  /**
   * Whether the spec asks for nothing but (at most) a quality: then, as Fastly does, the source is
   * served when re-encoding would make it larger.
   */
  public boolean onlyQuality() {
    return overlay == null
        && cropping.equals(Cropping.NONE)
        && sizing.equals(Sizing.NONE)
        && framing.equals(Framing.NONE)
        && adjustments.equals(Adjustments.NONE)
        && output.equals(
            new Output(
                false,
                false,
                null,
                java.util.List.of(),
                null,
                output.quality(),
                output.webpQuality(),
                H264.DEFAULT));
  }

  /**
   * The canonical query string, parameters in a fixed order, e.g. {@code
   * width=400&height=300&fit=crop&format=webp}. Empty for {@link #NONE}.
   */
  public String canonical() {
    StringJoiner q = new StringJoiner("&");
    cropping.canonical(q);
    sizing.canonical(q);
    framing.canonical(q);
    adjustments.canonical(q);
    if (overlay != null) {
      overlay.canonical(q);
    }
    output.canonical(q);
    return q.toString();
  }

  @Override
  public String toString() {
    String c = canonical();
    return "TransformSpec[" + (c.isEmpty() ? "none" : c) + "]";
  }
}
