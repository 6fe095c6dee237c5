package io.imgedge.transform.pipeline;

import io.imgedge.transform.ops.Tone;
import io.imgedge.transform.spec.Adjustments;

/** Applies {@code brightness}, {@code contrast} and {@code saturation} ({@link Tone}). */
public final class AdjustTone implements Step {
  @Override
  public void apply(PipelineContext context) {
    Adjustments a = context.spec().adjustments();
    if (a.changesTone()) {
      context.image(Tone.adjust(context.image(), a.brightness(), a.contrast(), a.saturation()));
    }
  }
}
