package io.imgedge.transform;

import io.imgedge.transform.color.DeepImages;
import io.imgedge.transform.pipeline.Layout;
import io.imgedge.transform.probe.ImageHeader;
import io.imgedge.transform.spec.TransformSpec;

/**
 * What a render will cost, estimated from the source's header and the layout, before anything is
 * decoded: how many pixels it decodes (every frame of an animation is composited on the whole
 * canvas), and the most memory it holds at once (the decoded frame in the decoder's and the
 * pipeline's layouts, then the output image and what the steps and the encoder need beside it). The
 * byte figures per pixel are measured upper bounds for this code's decoders and steps; they are
 * meant to refuse what cannot fit and to share a memory budget, not to account for every byte.
 *
 * @param decodedPixels pixels decoded over the whole render (frames x canvas for an animation)
 * @param peakBytes the most memory the render holds at once
 */
public record RenderCost(long decodedPixels, long peakBytes) {
  /** The pipeline's own image: one {@code int} per pixel. */
  private static final int PIPELINE = 4;

  /** A blur or unsharp mask: four planes of ints and a scratch plane beside the image. */
  private static final int FILTERS = 20;

  /** Encoders' copies (RGB or YUV planes, their own buffers): measured at most this per pixel. */
  private static final int ENCODE = 12;

  /**
   * Estimates a render.
   *
   * @param header the source's header
   * @param layout the geometry (its size is one output frame's)
   * @param spec what is asked for
   * @param frames the frames rendered (1 unless the output keeps an animation)
   * @param decodeScale the scale the source is decoded at (1, or 1/2, 1/4, 1/8 for a JPEG shrunk on
   *     load)
   */
  public static RenderCost estimate(
      ImageHeader header, Layout layout, TransformSpec spec, int frames, double decodeScale) {
    long frame =
        (long) Math.ceil(header.width() * decodeScale)
            * (long) Math.ceil(header.height() * decodeScale);
    long decoded = frame * Math.max(1, frames);
    long decoding =
        frame * (decoderBytesPerPixel(header) + (frames > 1 ? PIPELINE : 0))
            + (sixteenBitImageIo(header) ? DeepImages.WORKSPACE_BYTES : 0);
    long out = (long) layout.width() * layout.height();
    boolean filtered = spec.adjustments().blur() != null || spec.adjustments().sharpen() != null;
    long rendering = frame * PIPELINE + out * (PIPELINE + (filtered ? FILTERS : PIPELINE) + ENCODE);
    return new RenderCost(decoded, Math.max(decoding, rendering));
  }

  /**
   * What a decoder holds per pixel of the frame it decodes: its own raster and the pipeline's copy
   * (16-bit PNG and TIFF keep shorts, 32-bit TIFF floats or ints; ImageIO paths keep bytes;
   * libjpeg-turbo, libavif and libjxl hand over ints with a native buffer of about the same size).
   * A 16-bit PNG or TIFF with a profile is converted to sRGB between the two, a row or a strip of
   * rows at a time: a megabyte more, whatever the image's size ({@link
   * DeepImages#WORKSPACE_BYTES}).
   */
  private static int decoderBytesPerPixel(ImageHeader header) {
    int channels = header.hasAlpha() ? 4 : 3;
    int sampleBytes =
        header.bitDepth() > 16 && header.format() == ImageFormat.TIFF
            ? 4 // float
            : header.bitDepth() > 8 ? 2 : 1;
    return PIPELINE + Math.max(PIPELINE, channels * sampleBytes);
  }

  /** A 16-bit PNG or TIFF, which {@link DeepImages} converts if it has a profile. */
  private static boolean sixteenBitImageIo(ImageHeader header) {
    return header.bitDepth() > 8
        && (header.format() == ImageFormat.PNG || header.format() == ImageFormat.TIFF);
  }

  /**
   * This cost with an overlay's beside it: its decode (its header's pixels, in the decoder's and
   * the pipeline's layouts) and, held with the output image, the overlay scaled to {@code
   * tilePixels} and the composited copy of the output.
   *
   * @param overlay the overlay image's header
   * @param tilePixels the pixels of the overlay as scaled onto the output
   * @param outputPixels the pixels of one output frame
   */
  public RenderCost withOverlay(ImageHeader overlay, long tilePixels, long outputPixels) {
    long frame = (long) overlay.width() * overlay.height();
    long held = frame * PIPELINE + tilePixels * PIPELINE + outputPixels * PIPELINE;
    return new RenderCost(
        decodedPixels + frame,
        Math.max(peakBytes + held, frame * decoderBytesPerPixel(overlay) + peakBytes));
  }
}
