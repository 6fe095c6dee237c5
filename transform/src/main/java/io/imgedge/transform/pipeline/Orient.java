package io.imgedge.transform.pipeline;

import io.imgedge.transform.spec.Orientation;

/** Applies {@code orient=}: a rotation or flip of the upright image. */
public final class Orient implements Step {
  @Override
  public void apply(PipelineContext context) {
    Orientation orient = context.spec().orient();
    if (orient != null) {
      context.image(Orientations.apply(context.image(), orient));
    }
  }
}
