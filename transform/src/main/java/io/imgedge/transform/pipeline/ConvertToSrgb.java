package io.imgedge.transform.pipeline;

import io.imgedge.transform.color.EmbeddedProfile;

/**
 * Applies an embedded profile the decoder left (PNG, WebP), converting the pixels to sRGB. It runs
 * after resizing, when there are fewest pixels to convert.
 */
public final class ConvertToSrgb implements Step {
  @Override
  public void apply(PipelineContext context) {
    EmbeddedProfile profile = context.pendingProfile();
    if (profile != null) {
      context.image(profile.toSrgb(context.image()));
      context.profileApplied();
    }
  }
}
