package io.imgedge.transform.pipeline;

import io.imgedge.transform.ops.GaussianBlur;

/** Applies {@code blur=}, a Gaussian blur ({@link GaussianBlur}). */
public final class Blur implements Step {
  @Override
  public void apply(PipelineContext context) {
    var b = context.spec().adjustments().blur();
    if (b != null) {
      double sigma = b.sigma(context.image().getWidth(), context.image().getHeight());
      if (sigma >= 0.1) {
        context.image(GaussianBlur.blur(context.image(), sigma));
      }
    }
  }
}
