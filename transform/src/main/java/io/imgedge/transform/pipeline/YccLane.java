package io.imgedge.transform.pipeline;

import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.codec.EncodeOptions;
import io.imgedge.transform.codec.YccJpeg;
import io.imgedge.transform.codec.turbo.JpegInfo;
import io.imgedge.transform.codec.turbo.YuvPlanes;
import io.imgedge.transform.probe.ImageHeader;
import io.imgedge.transform.resize.Plane;
import io.imgedge.transform.resize.PlaneResizer;
import io.imgedge.transform.spec.Adjustments;
import io.imgedge.transform.spec.Cropping;
import io.imgedge.transform.spec.Framing;
import io.imgedge.transform.spec.Orientation;
import io.imgedge.transform.spec.ResizeFilter;
import io.imgedge.transform.spec.TransformSpec;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The YCbCr lane: a JPEG that a render only resizes (width, height, dpr, fit, resize-filter) and
 * writes as JPEG again, the most common request a CDN sees, skips the RGB pipeline. Its planes are
 * decoded as stored (shrunk on load as the pipeline would), each resampled to the output's planes
 * with the pipeline's filter, and encoded without colour conversion; the luma is what the pipeline
 * gives, and the chroma is resampled once from its stored resolution to the output's instead of
 * being upsampled, resampled and subsampled again. Everything else (orientation, crops, trims, pad,
 * colour profiles other than sRGB, tone, sharpen, blur, other formats, nearest-neighbour) takes the
 * pipeline.
 */
public final class YccLane {
  private final YccJpeg codec;
  private final PlaneResizer resizer;
  private final LongSupplier nanoTime;

  /**
   * @param codec JPEG as planes
   * @param resizer the pipeline's resampler, on planes
   * @param nanoTime the clock encode time is measured with
   */
  public YccLane(YccJpeg codec, PlaneResizer resizer, LongSupplier nanoTime) {
    this.codec = codec;
    this.resizer = resizer;
    this.nanoTime = nanoTime;
  }

  /** A render done in the lane. */
  public record Result(byte[] bytes, int width, int height, long encodeNanos) {}

  /**
   * Whether the request is one this lane renders as the pipeline would: a still JPEG, upright, to
   * JPEG, with no step but the resize.
   */
  public static boolean applies(
      TransformSpec spec, ImageHeader header, Layout layout, ImageFormat output) {
    ResizePlan plan = layout.resize();
    return output == ImageFormat.JPEG
        && header.format() == ImageFormat.JPEG
        && header.frames() <= 1
        && header.cmyk() == null
        && header.exifOrientation() == Orientation.NORMAL
        && spec.orient() == null
        && spec.cropping().equals(Cropping.NONE)
        && spec.framing().equals(Framing.NONE)
        && spec.adjustments().equals(Adjustments.NONE)
        && spec.overlay() == null
        && plan.filter() != ResizeFilter.NEAREST
        && layout.placement().equals(new Rectangle(0, 0, layout.width(), layout.height()))
        && plan.width() == layout.width()
        && plan.height() == layout.height();
  }

  /**
   * Renders, or returns null when the source cannot take the lane after all (not YCbCr, a profile
   * to apply, damaged data): then the pipeline renders it.
   */
  public @Nullable Result render(
      byte[] source, ImageHeader header, Layout layout, EncodeOptions options) {
    JpegInfo info = codec.accepts(source, header);
    if (info == null) {
      return null;
    }
    ResizePlan plan = layout.resize();
    int eighths = YccJpeg.eighths(plan.maxDecodeShrink());
    YuvPlanes in = codec.decode(source, header, info, eighths);
    if (in == null) {
      return null;
    }
    int w = plan.width();
    int h = plan.height();
    YuvPlanes out = codec.blank(w, h);
    Rectangle2D.Double r = plan.regionAt(eighths / 8.0, in.width(), in.height());
    int cw = out.widths()[1];
    int ch = out.heights()[1];
    int cx = info.chromaX();
    int cy = info.chromaY();
    int sourceCw = (in.width() + cx - 1) / cx;
    int sourceCh = (in.height() + cy - 1) / cy;
    // Output chroma sample k is the mean of pixels 2k and 2k + 1 when the encoder subsamples RGB:
    // twice the luma's spacing, and on an odd side the last one pairs the last pixel with itself
    double sx = r.width / w;
    double sy = r.height / h;
    Rectangle2D.Double chroma =
        new Rectangle2D.Double(r.x / cx, r.y / cy, 2 * cw * sx / cx, 2 * ch * sy / cy);
    double lastX = (r.x + (w - 0.5) * sx) / cx;
    double lastY = (r.y + (h - 0.5) * sy) / cy;
    resizer.resize(
        List.of(
            new PlaneResizer.Job(plane(in, 0, in.width(), in.height()), r, whole(out, 0), w, h),
            new PlaneResizer.Job(
                plane(in, 1, sourceCw, sourceCh), chroma, whole(out, 1), cw, ch, lastX, lastY),
            new PlaneResizer.Job(
                plane(in, 2, sourceCw, sourceCh), chroma, whole(out, 2), cw, ch, lastX, lastY)),
        plan.filter());
    long start = nanoTime.getAsLong();
    byte[] bytes = codec.encode(out, options);
    return new Result(bytes, w, h, nanoTime.getAsLong() - start);
  }

  /**
   * Plane {@code c} of an output, padding included: the encoder reads a luma plane padded to whole
   * chroma samples, which the resampler fills by repeating the last column and row.
   */
  private static Plane whole(YuvPlanes image, int c) {
    return new Plane(image.planes()[c], image.widths()[c], image.heights()[c], image.widths()[c]);
  }

  /** Plane {@code c} of the image, of which {@code width} x {@code height} samples count. */
  private static Plane plane(YuvPlanes image, int c, int width, int height) {
    int stride = image.widths()[c];
    return new Plane(
        image.planes()[c], Math.min(width, stride), Math.min(height, image.heights()[c]), stride);
  }
}
