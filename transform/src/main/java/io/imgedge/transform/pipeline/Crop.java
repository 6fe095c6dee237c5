package io.imgedge.transform.pipeline;

import io.imgedge.transform.ops.Saliency;
import java.awt.Point;
import java.awt.Rectangle;

/**
 * Keeps the {@code crop=} region of the trimmed image. With {@code smart}, the region's size comes
 * from the layout and its position from the content ({@link Saliency}); the window chosen on an
 * animation's first frame is kept for the others, so the crop does not jump.
 */
public final class Crop implements Step {
  @Override
  public void apply(PipelineContext context) {
    var crop = context.spec().cropping().crop();
    if (crop == null) {
      return; // nothing to cut (and the image may have been shrunk on decode)
    }
    Rectangle r = context.layout().crop();
    if (crop.smart()) {
      Point corner = context.smartCrop();
      if (corner == null) {
        corner = Saliency.bestWindow(context.image(), r.width, r.height);
        context.smartCrop(corner);
      }
      r = new Rectangle(corner.x, corner.y, r.width, r.height);
    }
    context.image(Crops.crop(context.image(), r));
  }
}
