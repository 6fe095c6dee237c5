package io.imgedge.transform.pipeline;

import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.InvalidParameterException;
import io.imgedge.transform.color.SrgbConversion;
import io.imgedge.transform.ops.Borders;
import java.awt.Rectangle;

/**
 * Removes a uniform border ({@code trim-color=}), first of Fastly's steps, then lays the rest of
 * the render out again from the trimmed size (still before anything is resized). As Fastly's, it
 * works on non-GIF, still sources only; a trim that leaves nothing is an error.
 */
public final class TrimColor implements Step {
  @Override
  public void apply(PipelineContext context) {
    var trim = context.spec().cropping().trimColor();
    if (trim == null
        || context.header().format() == ImageFormat.GIF
        || context.animation() != null) {
      if (trim != null && context.smartCrop() == null && !context.warnings().contains(IGNORED)) {
        context.warnings().add(IGNORED);
      }
      return;
    }
    SrgbConversion conversion = context.pendingConversion();
    if (conversion != null) {
      context.image(conversion.toSrgb(context.image()));
      context.conversionApplied();
    }
    Integer color = trim.color() == null ? null : trim.color().argb();
    Rectangle content =
        Borders.content(context.image(), color, Math.round(trim.thresholdMilli() * 255 / 1000f));
    if (content == null) {
      throw new InvalidParameterException(
          "trim-color",
          trim.canonical(),
          "a colour and threshold that leave some of the image (this one would trim it to 0x0)");
    }
    context.image(Crops.crop(context.image(), content));
    context.relayout(content.width, content.height);
  }

  private static final String IGNORED =
      "trim-color works on still, non-GIF images only and was ignored";
}
