package io.imgedge.transform.pipeline;

import io.imgedge.transform.color.SrgbImages;
import io.imgedge.transform.resize.Resizer;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/**
 * Crops to the plan's region and resamples to its size ({@code width}, {@code height}, {@code
 * fit}, {@code dpr}, {@code resize-filter}). When the decoder shrank the image on load, the region
 * is mapped onto the smaller image first.
 */
public final class Resize implements Step {
  private final Resizer resizer;

  /** @param resizer the resampler */
  public Resize(Resizer resizer) {
    this.resizer = resizer;
  }

  @Override
  public void apply(PipelineContext context) {
    BufferedImage image = context.image();
    ResizePlan plan = context.plan();
    Rectangle r = plan.regionOn(image.getWidth(), image.getHeight(), sourceWidth(context),
        sourceHeight(context));
    boolean whole = r.x == 0 && r.y == 0 && r.width == image.getWidth() && r.height == image.getHeight();
    if (whole && plan.width() == r.width && plan.height() == r.height) {
      return;
    }
    BufferedImage region = crop(image, r);
    if (region.getWidth() != plan.width() || region.getHeight() != plan.height()) {
      region = resizer.resize(region, plan.width(), plan.height(), plan.filter());
    }
    context.image(region);
  }

  /** The source's width as the plan saw it: after the EXIF orientation and {@code orient}. */
  private static int sourceWidth(PipelineContext context) {
    var h = context.header();
    return swapped(context) ? h.orientedHeight() : h.orientedWidth();
  }

  private static int sourceHeight(PipelineContext context) {
    var h = context.header();
    return swapped(context) ? h.orientedWidth() : h.orientedHeight();
  }

  private static boolean swapped(PipelineContext context) {
    return context.spec().orient() != null && context.spec().orient().swapsAxes();
  }

  private static BufferedImage crop(BufferedImage image, Rectangle r) {
    if (r.x == 0 && r.y == 0 && r.width == image.getWidth() && r.height == image.getHeight()) {
      return image;
    }
    BufferedImage out = SrgbImages.blank(r.width, r.height, image.getColorModel().hasAlpha());
    int[] src = SrgbImages.pixels(image);
    int[] dst = SrgbImages.pixels(out);
    for (int y = 0; y < r.height; y++) {
      System.arraycopy(src, (r.y + y) * image.getWidth() + r.x, dst, y * r.width, r.width);
    }
    return out;
  }
}
