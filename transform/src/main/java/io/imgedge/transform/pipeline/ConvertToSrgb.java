package io.imgedge.transform.pipeline;

import io.imgedge.transform.color.SrgbConversion;

/**
 * Applies the conversion to sRGB the decoder left (an embedded profile; a JPEG's YCbCr values on
 * the pure-Java path). It runs after resizing, when there are fewest pixels to convert.
 */
public final class ConvertToSrgb implements Step {
  @Override
  public void apply(PipelineContext context) {
    SrgbConversion conversion = context.pendingConversion();
    if (conversion != null) {
      context.image(conversion.toSrgb(context.image()));
      context.conversionApplied();
    }
  }
}
