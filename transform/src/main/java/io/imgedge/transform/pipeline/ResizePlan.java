package io.imgedge.transform.pipeline;

import io.imgedge.transform.ImageLimits;
import io.imgedge.transform.spec.Fit;
import io.imgedge.transform.spec.ResizeFilter;
import io.imgedge.transform.spec.TransformDefaults;
import io.imgedge.transform.spec.TransformSpec;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The geometry of a render, computed from the spec and the source's (oriented) size before anything
 * is decoded: which region of the source is used and the output size.
 *
 * <p>Fastly's rules: with only a width or a height the other follows the aspect ratio; with both
 * and no {@code fit} the image is stretched to exactly that size; {@code fit=bounds} fits inside,
 * {@code cover} covers, {@code crop} covers and crops the centre. Without upscaling no side grows
 * beyond the source. Output beyond the limits is scaled down to fit, with a warning.
 *
 * @param region the part of the (oriented) source that is used
 * @param width output width
 * @param height output height
 * @param filter the resampling filter
 * @param warnings non-fatal adjustments made
 */
public record ResizePlan(
    Rectangle region, int width, int height, ResizeFilter filter, List<String> warnings) {

  /** Copies the warnings. */
  public ResizePlan {
    warnings = List.copyOf(warnings);
  }

  /** Whether the plan changes the image at all. */
  public boolean resizes(int sourceWidth, int sourceHeight) {
    return region.x != 0
        || region.y != 0
        || region.width != sourceWidth
        || region.height != sourceHeight
        || width != region.width
        || height != region.height;
  }

  /**
   * How much smaller than the source the decoder may deliver the image (shrink-on-load): the factor
   * by which the region shrinks to the output, the smaller of the two axes; 1 when the image is not
   * shrunk or the filter is nearest-neighbour (whose samples must be source pixels).
   */
  public double maxDecodeShrink() {
    if (filter == ResizeFilter.NEAREST) {
      return 1;
    }
    return Math.max(1, Math.min((double) region.width / width, (double) region.height / height));
  }

  /**
   * The region on an image decoded at {@code scale} of the source's size (the region itself at
   * scale 1), exactly: fractional edges are kept for the resampler, and the region is kept inside
   * the image.
   */
  public Rectangle2D.Double regionAt(double scale, int imageW, int imageH) {
    double x = Math.min(region.x * scale, imageW - 1);
    double y = Math.min(region.y * scale, imageH - 1);
    double w = Math.min(region.width * scale, imageW - x);
    double h = Math.min(region.height * scale, imageH - y);
    return new Rectangle2D.Double(
        x, y, Math.max(w, Math.min(1, imageW - x)), Math.max(h, Math.min(1, imageH - y)));
  }

  /**
   * Computes the plan.
   *
   * @param srcW source width after orientation
   * @param srcH source height after orientation
   */
  public static ResizePlan compute(
      TransformSpec spec, int srcW, int srcH, TransformDefaults defaults, ImageLimits limits) {
    boolean upscale = spec.upscale() != null ? spec.upscale() : defaults.upscale();
    ResizeFilter filter =
        spec.resizeFilter() != null ? spec.resizeFilter() : defaults.resizeFilter();
    Double tw = spec.width() == null ? null : spec.width().resolve(srcW) * spec.dpr();
    Double th = spec.height() == null ? null : spec.height().resolve(srcH) * spec.dpr();
    Rectangle full = new Rectangle(0, 0, srcW, srcH);
    double[] size;
    Rectangle region = full;
    if (tw == null && th == null) {
      size = new double[] {srcW, srcH};
    } else if (tw == null || th == null) {
      double s = tw != null ? tw / srcW : Objects.requireNonNull(th, "width or height") / srcH;
      s = upscale ? s : Math.min(s, 1);
      size = new double[] {srcW * s, srcH * s};
    } else if (spec.fit() == null) {
      size = new double[] {upscale ? tw : Math.min(tw, srcW), upscale ? th : Math.min(th, srcH)};
    } else if (spec.fit() == Fit.CROP) {
      return cropPlan(tw, th, srcW, srcH, upscale, filter, limits);
    } else {
      double sx = tw / srcW;
      double sy = th / srcH;
      double s = spec.fit() == Fit.BOUNDS ? Math.min(sx, sy) : Math.max(sx, sy);
      s = upscale ? s : Math.min(s, 1);
      size = new double[] {srcW * s, srcH * s};
    }
    return withinLimits(region, size[0], size[1], filter, limits, new ArrayList<>());
  }

  /** Covers the box, then keeps the centre: crop the source to the box's aspect, then scale. */
  private static ResizePlan cropPlan(
      double tw,
      double th,
      int srcW,
      int srcH,
      boolean upscale,
      ResizeFilter filter,
      ImageLimits limits) {
    double s = Math.max(tw / srcW, th / srcH);
    if (!upscale && s > 1) {
      s = 1;
    }
    double boxW = Math.min(tw, srcW * s);
    double boxH = Math.min(th, srcH * s);
    int regionW = clampSide((int) Math.round(boxW / s), srcW);
    int regionH = clampSide((int) Math.round(boxH / s), srcH);
    Rectangle region = new Rectangle((srcW - regionW) / 2, (srcH - regionH) / 2, regionW, regionH);
    return withinLimits(region, boxW, boxH, filter, limits, new ArrayList<>());
  }

  private static ResizePlan withinLimits(
      Rectangle region,
      double w,
      double h,
      ResizeFilter filter,
      ImageLimits limits,
      List<String> warnings) {
    double shrink =
        Math.min(1, Math.min(limits.maxOutputWidth() / w, limits.maxOutputHeight() / h));
    if (shrink < 1) {
      warnings.add(
          "output size %dx%d exceeds the %dx%d limit and was scaled down to fit"
              .formatted(
                  Math.round(w), Math.round(h), limits.maxOutputWidth(), limits.maxOutputHeight()));
    }
    int width = clampSide((int) Math.round(w * shrink), limits.maxOutputWidth());
    int height = clampSide((int) Math.round(h * shrink), limits.maxOutputHeight());
    return new ResizePlan(region, width, height, filter, warnings);
  }

  private static int clampSide(int value, int max) {
    return Math.max(1, Math.min(value, max));
  }
}
