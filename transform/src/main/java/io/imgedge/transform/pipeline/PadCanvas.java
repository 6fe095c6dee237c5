package io.imgedge.transform.pipeline;

import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.spec.Rgba;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/**
 * Places the resized image on its final canvas ({@code pad=} or {@code canvas=}), filled with
 * {@code bg-color}; without one, transparent when the image has alpha and the output keeps it, as
 * Fastly does, else white.
 */
public final class PadCanvas implements Step {
  @Override
  public void apply(PipelineContext context) {
    Layout layout = context.layout();
    BufferedImage image = context.image();
    Rectangle at = layout.placement();
    if (layout.width() == image.getWidth()
        && layout.height() == image.getHeight()
        && at.x == 0
        && at.y == 0) {
      return;
    }
    context.image(
        Crops.embed(image, layout.width(), layout.height(), at.x, at.y, fill(context, image)));
  }

  static int fill(PipelineContext context, BufferedImage image) {
    Rgba bg = context.spec().bgColor();
    if (bg != null) {
      return bg.argb();
    }
    boolean keepsAlpha = context.output() != ImageFormat.JPEG;
    return image.getColorModel().hasAlpha() && keepsAlpha ? 0 : Rgba.WHITE.argb();
  }
}
