package io.imgedge.transform.pipeline;

/** Keeps the {@code precrop=} region of the upright source, before any other geometry. */
public final class PreCrop implements Step {
  @Override
  public void apply(PipelineContext context) {
    if (context.spec().cropping().precrop() == null) {
      return; // nothing to cut (and the image may have been shrunk on decode)
    }
    context.image(Crops.crop(context.image(), context.layout().precrop()));
  }
}
