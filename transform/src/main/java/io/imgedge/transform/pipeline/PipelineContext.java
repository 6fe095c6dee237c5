package io.imgedge.transform.pipeline;

import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.codec.EncodeOptions;
import io.imgedge.transform.color.EmbeddedProfile;
import io.imgedge.transform.probe.ImageHeader;
import io.imgedge.transform.spec.TransformSpec;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The state of one render as it moves through the pipeline: the image so far, and what was
 * decided before decoding (the plan, the output format and its options).
 */
public final class PipelineContext {
  private final TransformSpec spec;
  private final ImageHeader header;
  private final ResizePlan plan;
  private final ImageFormat output;
  private final EncodeOptions encodeOptions;
  private final long deadlineNanos;
  private final LongSupplier nanoTime;
  private final List<String> warnings = new ArrayList<>();
  private BufferedImage image;
  private @Nullable EmbeddedProfile pendingProfile;
  private byte @Nullable [] encoded;
  private double decodeScale = 1;

  /**
   * @param image the decoded source, a pipeline image type
   * @param pendingProfile a profile the pixels are still in, or null for sRGB
   * @param spec what was asked for
   * @param header what the source is
   * @param plan the geometry, computed from the header
   * @param output the output format
   * @param encodeOptions quality and JPEG mode
   * @param deadlineNanos when to give up, on the {@code nanoTime} clock
   * @param nanoTime the clock
   */
  public PipelineContext(
      BufferedImage image,
      @Nullable EmbeddedProfile pendingProfile,
      TransformSpec spec,
      ImageHeader header,
      ResizePlan plan,
      ImageFormat output,
      EncodeOptions encodeOptions,
      long deadlineNanos,
      LongSupplier nanoTime) {
    this.image = image;
    this.pendingProfile = pendingProfile;
    this.spec = spec;
    this.header = header;
    this.plan = plan;
    this.output = output;
    this.encodeOptions = encodeOptions;
    this.deadlineNanos = deadlineNanos;
    this.nanoTime = nanoTime;
    warnings.addAll(plan.warnings());
  }

  public BufferedImage image() {
    return image;
  }

  /** Replaces the image; steps call this with their result. */
  public void image(BufferedImage next) {
    this.image = next;
  }

  public @Nullable EmbeddedProfile pendingProfile() {
    return pendingProfile;
  }

  /** Marks the pixels as sRGB after the profile has been applied. */
  public void profileApplied() {
    this.pendingProfile = null;
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

  public TransformSpec spec() {
    return spec;
  }

  public ImageHeader header() {
    return header;
  }

  public ResizePlan plan() {
    return plan;
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

  boolean deadlinePassed() {
    return nanoTime.getAsLong() - deadlineNanos > 0;
  }
}
