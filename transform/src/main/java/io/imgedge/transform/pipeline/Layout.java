package io.imgedge.transform.pipeline;

import io.imgedge.transform.ImageLimits;
import io.imgedge.transform.InvalidParameterException;
import io.imgedge.transform.spec.Canvas;
import io.imgedge.transform.spec.Length;
import io.imgedge.transform.spec.Position;
import io.imgedge.transform.spec.Region;
import io.imgedge.transform.spec.Sides;
import io.imgedge.transform.spec.Size;
import io.imgedge.transform.spec.TransformDefaults;
import io.imgedge.transform.spec.TransformSpec;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The whole geometry of a render, in Fastly's order, computed from the spec and the upright source
 * size before anything is decoded: precrop, trim and crop (each a rectangle in the image the step
 * before left), the resize ({@link ResizePlan}, after {@code orient}), and pad or canvas. The
 * output limits apply to the final canvas and, for animations, to the sum of the frames' areas; a
 * larger result is scaled down to fit, with a warning. {@code trim-color} depends on the pixels, so
 * its step computes the layout again from the trimmed size, still before resizing.
 *
 * @param precrop the part of the upright source kept by {@code precrop}
 * @param trim the part of the precropped image kept by {@code trim}
 * @param crop the part of the trimmed image kept by {@code crop} (centred when {@code smart}: the
 *     step places it by content)
 * @param resize the resize of the cropped, oriented image
 * @param placement where the resized image sits on the final canvas
 * @param width the final width
 * @param height the final height
 * @param warnings non-fatal adjustments made
 */
public record Layout(
    Rectangle precrop,
    Rectangle trim,
    Rectangle crop,
    ResizePlan resize,
    Rectangle placement,
    int width,
    int height,
    List<String> warnings) {

  /** Copies the warnings. */
  public Layout {
    warnings = List.copyOf(warnings);
  }

  /**
   * Computes the layout.
   *
   * @param srcW upright source width (after {@code trim-color}, when the step recomputes it)
   * @param srcH upright source height
   * @param frames frames in the output (1 for still output)
   * @throws InvalidParameterException if a region is out of bounds without {@code safe}, or a trim
   *     leaves nothing
   */
  public static Layout compute(
      TransformSpec spec,
      int srcW,
      int srcH,
      int frames,
      TransformDefaults defaults,
      ImageLimits limits) {
    Rectangle precrop = region(spec.cropping().precrop(), "precrop", srcW, srcH);
    Rectangle trim = trim(spec.cropping().trim(), precrop.width, precrop.height);
    Rectangle crop = region(spec.cropping().crop(), "crop", trim.width, trim.height);
    boolean swap = spec.orient() != null && spec.orient().swapsAxes();
    int w = swap ? crop.height : crop.width;
    int h = swap ? crop.width : crop.height;
    ResizePlan resize = ResizePlan.compute(spec, w, h, defaults, limits);
    Rectangle[] framed = frame(spec, resize.width(), resize.height());
    double shrink = shrink(framed[0], frames, limits);
    List<String> warnings = new ArrayList<>(resize.warnings());
    if (shrink < 1) {
      warnings.add(
          "output %dx%d%s exceeds the output limit and was scaled down to fit"
              .formatted(
                  framed[0].width, framed[0].height, frames > 1 ? " x " + frames + " frames" : ""));
    }
    for (int i = 0; i < 8 && shrink < 1; i++) { // pixel pads do not scale: shrink until it fits
      ImageLimits tighter =
          new ImageLimits(
              limits.maxInputBytes(),
              limits.maxInputWidth(),
              limits.maxInputHeight(),
              Math.max(1, (int) (resize.width() * shrink)),
              Math.max(1, (int) (resize.height() * shrink)),
              limits.maxFrames());
      resize = ResizePlan.compute(spec, w, h, defaults, tighter);
      framed = frame(spec, resize.width(), resize.height());
      shrink = shrink(framed[0], frames, limits);
    }
    if (shrink < 1) {
      throw new InvalidParameterException(
          spec.framing().canvas() != null ? "canvas" : "pad",
          spec.canonical(),
          "a border that fits the %dx%d output limit"
              .formatted(limits.maxOutputWidth(), limits.maxOutputHeight()));
    }
    return new Layout(
        precrop, trim, crop, resize, framed[1], framed[0].width, framed[0].height, warnings);
  }

  /** Whether a step's rectangle keeps the whole of an image of this size. */
  static boolean whole(Rectangle r, int w, int h) {
    return r.x == 0 && r.y == 0 && r.width == w && r.height == h;
  }

  private static double shrink(Rectangle canvas, int frames, ImageLimits limits) {
    double area = (double) limits.maxOutputWidth() * limits.maxOutputHeight();
    double s =
        Math.min(
            (double) limits.maxOutputWidth() / canvas.width,
            (double) limits.maxOutputHeight() / canvas.height);
    s = Math.min(s, Math.sqrt(area / ((double) frames * canvas.width * canvas.height)));
    return Math.min(1, s);
  }

  /** A crop region in an image of {@code w} x {@code h}, or the whole image for null. */
  static Rectangle region(@Nullable Region region, String name, int w, int h) {
    if (region == null) {
      return new Rectangle(0, 0, w, h);
    }
    double[] size = size(region.size(), w, h, true);
    int rw = Math.max(1, (int) Math.round(size[0]));
    int rh = Math.max(1, (int) Math.round(size[1]));
    Position p = region.position() == null ? Position.CENTRE : region.position();
    int x = (int) Math.round(Position.place(p.x(), w, rw));
    int y = (int) Math.round(Position.place(p.y(), h, rh));
    Rectangle r = new Rectangle(x, y, rw, rh);
    Rectangle bounds = new Rectangle(0, 0, w, h);
    if (bounds.contains(r)) {
      return r;
    }
    Rectangle inside = r.intersection(bounds);
    if (!region.safe() || inside.isEmpty()) {
      throw new InvalidParameterException(
          name,
          region.canonical(),
          "a region inside the %dx%d image (invalid crop, region out of bounds); add ,safe to keep the part inside"
              .formatted(w, h));
    }
    return inside;
  }

  /** A size in pixels: dimensions resolved on the image, or a ratio (inside it, or holding it). */
  private static double[] size(Size size, int w, int h, boolean inside) {
    return switch (size) {
      case Size.Dimensions(Length a, Length b) -> new double[] {a.resolve(w), b.resolve(h)};
      case Size.Ratio r ->
          (w / (double) h > r.value()) == inside
              ? new double[] {h * r.value(), h}
              : new double[] {w, w / r.value()};
    };
  }

  private static Rectangle trim(@Nullable Sides sides, int w, int h) {
    if (sides == null) {
      return new Rectangle(0, 0, w, h);
    }
    int[] t = sides.resolve(w, h);
    Rectangle r = new Rectangle(t[3], t[0], w - t[1] - t[3], h - t[0] - t[2]);
    if (r.width <= 0 || r.height <= 0) {
      throw new InvalidParameterException(
          "trim",
          sides.canonical(),
          "sides that leave at least one pixel of the %dx%d image".formatted(w, h));
    }
    return r;
  }

  /** {canvas (0, 0, W, H), placement of the image} for pad, canvas, or neither. */
  private static Rectangle[] frame(TransformSpec spec, int w, int h) {
    Sides pad = spec.framing().pad();
    Canvas canvas = spec.framing().canvas();
    if (canvas != null) {
      double[] size = size(canvas.size(), w, h, false);
      int cw = Math.max(1, (int) Math.round(size[0]));
      int ch = Math.max(1, (int) Math.round(size[1]));
      Position p = canvas.position() == null ? Position.CENTRE : canvas.position();
      int x = (int) Math.round(Position.place(p.x(), cw, w));
      int y = (int) Math.round(Position.place(p.y(), ch, h));
      return new Rectangle[] {new Rectangle(cw, ch), new Rectangle(x, y, w, h)};
    }
    if (pad != null) {
      int[] t = pad.resolve(w, h);
      return new Rectangle[] {
        new Rectangle(w + t[1] + t[3], h + t[0] + t[2]), new Rectangle(t[3], t[0], w, h)
      };
    }
    return new Rectangle[] {new Rectangle(w, h), new Rectangle(w, h)};
  }
}
