package io.imgedge.transform.pipeline;

/** Cuts the fixed edges of {@code trim=} (CSS-style sides) from the precropped image. */
public final class Trim implements Step {
  @Override
  public void apply(PipelineContext context) {
    context.image(Crops.crop(context.image(), context.layout().trim()));
  }
}
