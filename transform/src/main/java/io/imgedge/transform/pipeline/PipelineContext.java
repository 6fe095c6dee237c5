package io.imgedge.transform.pipeline;

import io.imgedge.transform.Deadline;
import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.codec.AnimationEncoder;
import io.imgedge.transform.codec.EncodeOptions;
import io.imgedge.transform.color.SrgbConversion;
import io.imgedge.transform.probe.ImageHeader;
import io.imgedge.transform.spec.TransformSpec;
import java.awt.Point;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The state of one render as it moves through the pipeline: the image so far, and what was decided
 * before decoding (the plan, the output format and its options).
 */
public final class PipelineContext {
  private final TransformSpec spec;
  private final ImageHeader header;
  private Layout layout;
  private final BiFunction<Integer, Integer, Layout> relayout;
  private final ImageFormat output;
  private final EncodeOptions encodeOptions;
  private final Deadline deadline;
  private final LongSupplier nanoTime;
  private final List<String> warnings = new ArrayList<>();
  private BufferedImage image;
  private @Nullable SrgbConversion pendingConversion;
  private byte @Nullable [] encoded;
  private long encodeNanos;
  private @Nullable AnimationEncoder animation;
  private int frameDelayMillis;
  private @Nullable Point smartCrop;
  private double decodeScale = 1;
  private @Nullable BufferedImage overlay;
  private @Nullable BufferedImage overlayTile;

  /**
   * @param image the decoded source, a pipeline image type
   * @param pendingConversion the conversion to sRGB still to apply, or null if the pixels are sRGB
   * @param spec what was asked for
   * @param header what the source is
   * @param layout the geometry, computed from the header
   * @param relayout computes the layout again for another upright source size (after {@code
   *     trim-color})
   * @param output the output format
   * @param encodeOptions quality and JPEG mode
   * @param deadline when to give up (time up, or nobody waits any more)
   * @param nanoTime the clock encode times are measured on
   */
  public PipelineContext(
      BufferedImage image,
      @Nullable SrgbConversion pendingConversion,
      TransformSpec spec,
      ImageHeader header,
      Layout layout,
      BiFunction<Integer, Integer, Layout> relayout,
      ImageFormat output,
      EncodeOptions encodeOptions,
      Deadline deadline,
      LongSupplier nanoTime) {
    this.image = image;
    this.pendingConversion = pendingConversion;
    this.spec = spec;
    this.header = header;
    this.layout = layout;
    this.relayout = relayout;
    this.output = output;
    this.encodeOptions = encodeOptions;
    this.deadline = deadline;
    this.nanoTime = nanoTime;
    warnings.addAll(layout.warnings());
  }

  public BufferedImage image() {
    return image;
  }

  /** Replaces the image; steps call this with their result. */
  public void image(BufferedImage next) {
    this.image = next;
  }

  /** The conversion to sRGB the pixels still need (applied after the resize), or null. */
  public @Nullable SrgbConversion pendingConversion() {
    return pendingConversion;
  }

  /** Marks the pixels as sRGB after the pending conversion has been applied. */
  public void conversionApplied() {
    this.pendingConversion = null;
  }

  /**
   * The size of the decoded pixels relative to the source the plan refers to: 1, or the DCT scale
   * of a JPEG shrunk on load (1/2, 1/4, 1/8).
   */
  public double decodeScale() {
    return decodeScale;
  }

  /** Sets the decode scale (the decoder's choice). */
  public void decodeScale(double scale) {
    if (!(scale > 0 && scale <= 1)) {
      throw new IllegalArgumentException("a decode scale is in (0, 1]: " + scale);
    }
    this.decodeScale = scale;
  }

  /** The overlay image (upright, sRGB, straight alpha), or null when the spec has none. */
  public @Nullable BufferedImage overlay() {
    return overlay;
  }

  /** Sets the decoded overlay image {@link ApplyOverlay} composites. */
  public void overlay(BufferedImage image) {
    this.overlay = image;
    this.overlayTile = null;
  }

  /** The overlay scaled for the last frame, kept for the next frames of an animation; or null. */
  @Nullable BufferedImage overlayTile() {
    return overlayTile;
  }

  void overlayTile(BufferedImage tile) {
    this.overlayTile = tile;
  }

  public TransformSpec spec() {
    return spec;
  }

  public ImageHeader header() {
    return header;
  }

  /** The resize of the current layout. */
  public ResizePlan plan() {
    return layout.resize();
  }

  /** The geometry of every step. */
  public Layout layout() {
    return layout;
  }

  /** Computes the layout again for a new upright source size ({@code trim-color} changed it). */
  public void relayout(int width, int height) {
    this.layout = relayout.apply(width, height);
    for (String w : layout.warnings()) {
      if (!warnings.contains(w)) {
        warnings.add(w);
      }
    }
  }

  /** Where an animation's frames go, or null for a still image. */
  public @Nullable AnimationEncoder animation() {
    return animation;
  }

  /**
   * Starts the next frame of an animation: its pixels (in {@code profile}, or sRGB if null) and how
   * long it shows; the steps then run again on it, and {@link Encode} adds it to {@code encoder}.
   */
  public void nextFrame(
      AnimationEncoder encoder,
      BufferedImage frame,
      @Nullable SrgbConversion profile,
      int delayMillis) {
    this.animation = encoder;
    this.image = frame;
    this.pendingConversion = profile;
    this.frameDelayMillis = delayMillis;
  }

  /** How long the current frame shows, in milliseconds. */
  public int frameDelayMillis() {
    return frameDelayMillis;
  }

  /** The window a smart crop chose on the first frame, reused for the others; or null. */
  public @Nullable Point smartCrop() {
    return smartCrop;
  }

  /** Remembers the window a smart crop chose. */
  public void smartCrop(Point corner) {
    this.smartCrop = corner;
  }

  public ImageFormat output() {
    return output;
  }

  public EncodeOptions encodeOptions() {
    return encodeOptions;
  }

  /** Non-fatal notes for the client, e.g. a clamped size. */
  public List<String> warnings() {
    return warnings;
  }

  /** The encoded output, once the last step has run. */
  public byte[] encoded() {
    if (encoded == null) {
      throw new IllegalStateException("the pipeline has not encoded the image");
    }
    return encoded;
  }

  void encoded(byte[] bytes) {
    this.encoded = bytes;
  }

  /** The time the Encode step has taken so far (every frame's, for an animation). */
  public long encodeNanos() {
    return encodeNanos;
  }

  /** Runs an encoding step and adds its time to {@link #encodeNanos()}. */
  void timeEncode(Runnable encode) {
    long start = nanoTime.getAsLong();
    encode.run();
    encodeNanos += nanoTime.getAsLong() - start;
  }

  /** Stops the render before {@code step} if its time is up or nobody waits for it any more. */
  void checkpoint(String step) {
    deadline.check(step);
  }
}
