package io.imgedge.transform.pipeline;

import io.imgedge.transform.codec.Encoders;

/**
 * Encodes the final image to the output format ({@code format}, {@code quality}, {@code optimize});
 * for an animation, adds the frame to the animation instead.
 */
public final class Encode implements Step {
  private final Encoders encoders;

  /**
   * @param encoders the encoders
   */
  public Encode(Encoders encoders) {
    this.encoders = encoders;
  }

  @Override
  public void apply(PipelineContext context) {
    var animation = context.animation();
    if (animation != null) {
      context.timeEncode(() -> animation.add(context.image(), context.frameDelayMillis()));
    } else {
      context.timeEncode(
          () ->
              context.encoded(
                  encoders.encode(context.image(), context.output(), context.encodeOptions())));
    }
  }
}
