package io.imgedge.transform.pipeline;

import io.imgedge.transform.color.SrgbImages;
import io.imgedge.transform.resize.Resizer;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/** Crops to the plan's region and resamples to its size ({@code width}, {@code height}, {@code fit}, {@code dpr}, {@code resize-filter}). */
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
    if (!plan.resizes(image.getWidth(), image.getHeight())) {
      return;
    }
    BufferedImage region = crop(image, plan.region());
    if (region.getWidth() != plan.width() || region.getHeight() != plan.height()) {
      region = resizer.resize(region, plan.width(), plan.height(), plan.filter());
    }
    context.image(region);
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
