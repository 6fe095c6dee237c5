package io.imgedge.transform.pipeline;

import io.imgedge.transform.color.SrgbConversion;
import io.imgedge.transform.resize.Resizer;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/**
 * Crops to the plan's region and resamples to its size ({@code width}, {@code height}, {@code fit},
 * {@code dpr}, {@code resize-filter}). When the decoder shrank the image on load, the region is
 * mapped exactly (fractional edges included) onto the smaller image. A conversion to sRGB the
 * decoder left waits until after the resize, unless the resampler works in linear light.
 */
public final class Resize implements Step {
  private final Resizer resizer;

  /**
   * @param resizer the resampler
   */
  public Resize(Resizer resizer) {
    this.resizer = resizer;
  }

  @Override
  public void apply(PipelineContext context) {
    SrgbConversion pending = context.pendingConversion();
    if (pending != null && !resizer.resamplesStoredValues()) {
      context.image(pending.toSrgb(context.image()));
      context.conversionApplied();
    }
    BufferedImage image = context.image();
    ResizePlan plan = context.plan();
    Rectangle2D.Double r =
        plan.regionAt(context.decodeScale(), image.getWidth(), image.getHeight());
    boolean whole =
        r.x == 0 && r.y == 0 && r.width == image.getWidth() && r.height == image.getHeight();
    if (whole && plan.width() == image.getWidth() && plan.height() == image.getHeight()) {
      return;
    }
    context.image(resizer.resize(image, r, plan.width(), plan.height(), plan.filter()));
  }
}
