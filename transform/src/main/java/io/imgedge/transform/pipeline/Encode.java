package io.imgedge.transform.pipeline;

import io.imgedge.transform.codec.Encoders;

/** Encodes the final image to the output format ({@code format}, {@code quality}); always last. */
public final class Encode implements Step {
  private final Encoders encoders;

  /** @param encoders the encoders */
  public Encode(Encoders encoders) {
    this.encoders = encoders;
  }

  @Override
  public void apply(PipelineContext context) {
    context.encoded(encoders.encode(context.image(), context.output(), context.encodeOptions()));
  }
}
