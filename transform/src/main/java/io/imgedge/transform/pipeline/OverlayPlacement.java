package io.imgedge.transform.pipeline;

import io.imgedge.transform.spec.Length;
import io.imgedge.transform.spec.Overlay;
import io.imgedge.transform.spec.Sides;
import io.imgedge.transform.spec.TransformSpecParser;
import org.jspecify.annotations.Nullable;

/**
 * Where an {@link Overlay} goes on a base image: the size it is scaled to, the top left of the
 * aligned tile, and the steps between tiles (0 on an axis it does not repeat along). Computed from
 * the sizes alone, before anything is decoded.
 *
 * @param width the overlay's width on the base image
 * @param height its height
 * @param x the aligned tile's left edge
 * @param y its top edge
 * @param stepX the distance between tiles along a row, or 0
 * @param stepY the distance between tiles down a column, or 0
 */
public record OverlayPlacement(int width, int height, int x, int y, int stepX, int stepY) {
  /** The longest side an overlay is scaled to: the longest output side. */
  public static final int MAX_SIDE = TransformSpecParser.MAX_PIXELS;

  /**
   * Places an overlay of {@code overlayWidth} x {@code overlayHeight} (upright) on a base image.
   * Relative lengths are shares of the base image; one length given alone keeps the overlay's
   * aspect ratio; none keeps its natural size, shrunk (aspect kept) to fit inside the base image.
   * Neither side exceeds {@link #MAX_SIDE} (aspect kept).
   */
  public static OverlayPlacement of(
      Overlay overlay, int baseWidth, int baseHeight, int overlayWidth, int overlayHeight) {
    double[] size = size(overlay, baseWidth, baseHeight, overlayWidth, overlayHeight);
    int w = (int) Math.max(1, Math.round(size[0]));
    int h = (int) Math.max(1, Math.round(size[1]));
    Sides pad = overlay.pad();
    int[] p = pad == null ? new int[4] : pad.resolve(baseWidth, baseHeight); // t, r, b, l
    double x = overlay.horizontal().place(p[3], baseWidth - p[3] - p[1], w);
    double y = overlay.vertical().place(p[0], baseHeight - p[0] - p[2], h);
    return new OverlayPlacement(
        w,
        h,
        (int) Math.floor(x),
        (int) Math.floor(y),
        overlay.repeat().x() ? w + p[3] + p[1] : 0,
        overlay.repeat().y() ? h + p[0] + p[2] : 0);
  }

  private static double[] size(Overlay o, int baseW, int baseH, int ow, int oh) {
    @Nullable Length lw = o.width();
    @Nullable Length lh = o.height();
    double w;
    double h;
    if (lw != null && lh != null) {
      w = lw.resolve(baseW);
      h = lh.resolve(baseH);
    } else if (lw != null) {
      w = lw.resolve(baseW);
      h = w * oh / ow;
    } else if (lh != null) {
      h = lh.resolve(baseH);
      w = h * ow / oh;
    } else {
      double shrink = Math.min(1, Math.min(baseW / (double) ow, baseH / (double) oh));
      w = ow * shrink;
      h = oh * shrink;
    }
    double cap = MAX_SIDE;
    double over = Math.max(w / cap, h / cap);
    return over > 1 ? new double[] {w / over, h / over} : new double[] {w, h};
  }
}
