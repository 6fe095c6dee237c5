package io.imgedge.transform;

import io.imgedge.transform.probe.ImageHeader;
import io.imgedge.transform.spec.Orientation;
import io.imgedge.transform.spec.TransformSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Fastly's rule for {@code quality} alone: when a spec asks for nothing but a quality (or for
 * nothing, which is the same spec as the default quality) and the re-encoded image is larger than
 * the source, the source itself is served. Only where the source is what a browser shows as imgedge
 * would: same format, no EXIF rotation to apply, not CMYK.
 */
final class QualityFallback {
  private QualityFallback() {}

  static RenderResult apply(RenderResult rendered, byte[] source, TransformSpec spec) {
    ImageHeader h = rendered.source();
    boolean servable =
        spec.onlyQuality()
            && rendered.format() == h.format()
            && h.exifOrientation() == Orientation.NORMAL
            && h.cmyk() == null;
    if (!servable || rendered.bytes().length <= source.length) {
      return rendered;
    }
    List<String> warnings = new ArrayList<>(rendered.warnings());
    warnings.add(
        "the re-encoded image (%d bytes) was larger than the source, which is served as is"
            .formatted(rendered.bytes().length));
    return new RenderResult(
        source, h.format(), h.width(), h.height(), h, warnings, rendered.encodeNanos());
  }
}
