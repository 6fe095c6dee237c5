package io.imgedge.transform.pipeline;

import io.imgedge.transform.codec.DecodedImage;
import io.imgedge.transform.color.SrgbConversion;
import io.imgedge.transform.color.SrgbImages;
import io.imgedge.transform.ops.Composite;
import io.imgedge.transform.resize.Resizer;
import io.imgedge.transform.spec.Orientation;
import io.imgedge.transform.spec.Overlay;
import java.awt.image.BufferedImage;

/**
 * Composites the overlay ({@code X-Fastly-Imageopto-Overlay}, or the origin's watermark) over the
 * finished image, after the adjustments and before encoding, as Fastly orders it: scaled with the
 * request's resampler (linear light, alpha premultiplied), placed by {@link OverlayPlacement},
 * blended in linear light ({@link Composite}). The scaled overlay is kept for the next frames of an
 * animation.
 */
public final class ApplyOverlay implements Step {
  private final Resizer resizer;

  /**
   * @param resizer the resampler that scales the overlay
   */
  public ApplyOverlay(Resizer resizer) {
    this.resizer = resizer;
  }

  @Override
  public void apply(PipelineContext context) {
    Overlay overlay = context.spec().overlay();
    BufferedImage source = context.overlay();
    if (overlay == null || source == null) {
      return;
    }
    BufferedImage image = context.image();
    OverlayPlacement at =
        OverlayPlacement.of(
            overlay, image.getWidth(), image.getHeight(), source.getWidth(), source.getHeight());
    BufferedImage tile = context.overlayTile();
    if (tile == null || tile.getWidth() != at.width() || tile.getHeight() != at.height()) {
      tile =
          at.width() == source.getWidth() && at.height() == source.getHeight()
              ? source
              : resizer.resize(source, at.width(), at.height(), context.plan().filter());
      context.overlayTile(tile);
    }
    context.image(Composite.over(image, tile, at.x(), at.y(), at.stepX(), at.stepY()));
  }

  /**
   * A decoded overlay image made ready for compositing, as a source is made ready for the pipeline:
   * converted to sRGB from its embedded profile, turned upright by its EXIF orientation, with an
   * alpha channel ({@code TYPE_INT_ARGB}, opaque where the image has none).
   */
  public static BufferedImage prepare(DecodedImage decoded, Orientation orientation) {
    SrgbConversion pending = decoded.pending();
    BufferedImage srgb = pending == null ? decoded.image() : pending.toSrgb(decoded.image());
    BufferedImage upright = Orientations.apply(srgb, orientation);
    if (upright.getColorModel().hasAlpha()) {
      return upright;
    }
    BufferedImage argb = SrgbImages.blank(upright.getWidth(), upright.getHeight(), true);
    int[] src = SrgbImages.pixels(upright);
    int[] dst = SrgbImages.pixels(argb);
    for (int i = 0; i < src.length; i++) {
      dst[i] = src[i] | 0xFF000000;
    }
    return argb;
  }
}
