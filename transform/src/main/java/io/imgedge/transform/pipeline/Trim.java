package io.imgedge.transform.pipeline;

/** Cuts the fixed edges of {@code trim=} (CSS-style sides) from the precropped image. */
public final class Trim implements Step {
  @Override
  public void apply(PipelineContext context) {
    if (context.spec().cropping().trim() == null) {
      return; // nothing to cut (and the image may have been shrunk on decode)
    }
    context.image(Crops.crop(context.image(), context.layout().trim()));
  }
}
