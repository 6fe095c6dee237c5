package io.imgedge.transform.pipeline;

import io.imgedge.transform.ops.BlackAndWhite;
import io.imgedge.transform.spec.BlackWhite;

/**
 * Applies {@code bw=} ({@link BlackAndWhite}): the last pixel step, after blur, so the output is
 * truly 1-bit (Fastly's list of steps does not place it; nothing after it may blend pixels).
 */
public final class Bw implements Step {
  @Override
  public void apply(PipelineContext context) {
    switch (context.spec().adjustments().bw()) {
      case null -> {}
      case BlackWhite.Threshold(int luminance) ->
          context.image(BlackAndWhite.threshold(context.image(), luminance));
      case BlackWhite.Atkinson a -> context.image(BlackAndWhite.atkinson(context.image()));
    }
  }
}
