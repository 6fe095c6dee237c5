package io.imgedge.transform.pipeline;

import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.ImageLimits;
import io.imgedge.transform.codec.EncodeOptions;
import io.imgedge.transform.probe.ImageHeader;
import io.imgedge.transform.spec.Orientation;
import io.imgedge.transform.spec.TransformDefaults;
import io.imgedge.transform.spec.TransformSpec;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.function.LongSupplier;

/** Builds pipeline contexts for step tests, as the Transformer would for a PNG source. */
final class Contexts {
  private Contexts() {}

  static PipelineContext of(
      BufferedImage image, TransformSpec spec, Orientation exif, ImageFormat output) {
    return of(image, spec, exif, output, Long.MAX_VALUE / 2, () -> 0L);
  }

  static PipelineContext of(
      BufferedImage image,
      TransformSpec spec,
      Orientation exif,
      ImageFormat output,
      long deadline,
      LongSupplier clock) {
    int w = image.getWidth();
    int h = image.getHeight();
    ImageHeader header =
        new ImageHeader(
            ImageFormat.PNG,
            w,
            h,
            1,
            exif,
            null,
            image.getColorModel().hasAlpha(),
            false,
            null,
            new Rectangle(0, 0, w, h),
            1000);
    java.util.function.BiFunction<Integer, Integer, Layout> planner =
        (pw, ph) -> Layout.compute(spec, pw, ph, 1, TransformDefaults.FASTLY, ImageLimits.FASTLY);
    Layout layout = planner.apply(header.orientedWidth(), header.orientedHeight());
    return new PipelineContext(
        image,
        null,
        spec,
        header,
        layout,
        planner,
        output,
        new EncodeOptions(85, false),
        io.imgedge.transform.Deadline.after(java.time.Duration.ofNanos(deadline), clock),
        clock);
  }
}
