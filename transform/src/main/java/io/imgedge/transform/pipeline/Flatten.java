package io.imgedge.transform.pipeline;

import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.color.SrgbImages;
import io.imgedge.transform.spec.Rgba;
import java.awt.image.BufferedImage;

/**
 * Composites transparency onto {@code bg-color}: always for formats without alpha (JPEG, MP4, onto
 * white unless a colour is given), and for other formats when {@code bg-color} is given.
 */
public final class Flatten implements Step {
  @Override
  public void apply(PipelineContext context) {
    BufferedImage image = context.image();
    Rgba bg = context.spec().bgColor();
    boolean outputHasNoAlpha =
        context.output() == ImageFormat.JPEG || context.output() == ImageFormat.MP4;
    if (!image.getColorModel().hasAlpha() || (bg == null && !outputHasNoAlpha)) {
      return;
    }
    Rgba background = bg == null ? Rgba.WHITE : bg;
    boolean opaque = outputHasNoAlpha || background.alpha() == 255;
    context.image(composite(image, background, opaque));
  }

  static BufferedImage composite(BufferedImage image, Rgba bg, boolean opaque) {
    int w = image.getWidth();
    int h = image.getHeight();
    BufferedImage out = SrgbImages.blank(w, h, !opaque);
    int[] src = SrgbImages.pixels(image);
    int[] dst = SrgbImages.pixels(out);
    int ba = opaque ? 255 : bg.alpha();
    for (int i = 0; i < src.length; i++) {
      dst[i] = over(src[i], bg, ba);
    }
    return out;
  }

  /** Porter-Duff source-over of a straight-alpha pixel onto a straight-alpha background. */
  private static int over(int p, Rgba bg, int ba) {
    int sa = p >>> 24;
    if (sa == 255) {
      return p;
    }
    int backWeight = ba * (255 - sa) / 255;
    int outA = sa + backWeight;
    if (outA == 0) {
      return 0;
    }
    int r = mix(p >> 16 & 0xFF, sa, bg.red(), backWeight, outA);
    int g = mix(p >> 8 & 0xFF, sa, bg.green(), backWeight, outA);
    int b = mix(p & 0xFF, sa, bg.blue(), backWeight, outA);
    return outA << 24 | r << 16 | g << 8 | b;
  }

  private static int mix(int c, int sa, int bc, int backWeight, int outA) {
    return (c * sa + bc * backWeight + outA / 2) / outA;
  }
}
