package io.imgedge.transform.pipeline;

import io.imgedge.transform.ops.UnsharpMask;

/** Applies {@code sharpen=a,r,t}, an unsharp mask ({@link UnsharpMask}). */
public final class Sharpen implements Step {
  @Override
  public void apply(PipelineContext context) {
    var s = context.spec().adjustments().sharpen();
    if (s != null) {
      context.image(
          UnsharpMask.sharpen(
              context.image(), s.amountMilli() / 1000.0, s.radiusMilli() / 1000.0, s.threshold()));
    }
  }
}
