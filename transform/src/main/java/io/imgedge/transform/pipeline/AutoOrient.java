package io.imgedge.transform.pipeline;

/** Applies the source's EXIF orientation, so that the image is upright (Fastly's default). */
public final class AutoOrient implements Step {
  @Override
  public void apply(PipelineContext context) {
    context.image(Orientations.apply(context.image(), context.header().exifOrientation()));
  }
}
