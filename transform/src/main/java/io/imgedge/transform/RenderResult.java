package io.imgedge.transform;

import io.imgedge.transform.probe.ImageHeader;
import java.util.List;

/**
 * A rendered derivative and what it was made from.
 *
 * @param bytes the encoded image
 * @param format its format
 * @param width its width
 * @param height its height
 * @param source the source's header
 * @param warnings non-fatal adjustments (e.g. a size clamped to the output limit)
 * @param encodeNanos the time spent encoding (every frame of an animation), for per-format metrics
 */
public record RenderResult(
    byte[] bytes,
    ImageFormat format,
    int width,
    int height,
    ImageHeader source,
    List<String> warnings,
    long encodeNanos) {

  /** Copies the warnings. */
  public RenderResult {
    warnings = List.copyOf(warnings);
  }

  /**
   * The info line in the form of Fastly's {@code Fastly-IO-Info}: input and output size in bytes,
   * dimensions and format, e.g. {@code ifsz=829183 idim=2725x2225 ifmt=jpeg ofsz=61240 odim=720x588
   * ofmt=jpeg}.
   */
  public String info() {
    return "ifsz=%d idim=%dx%d ifmt=%s ofsz=%d odim=%dx%d ofmt=%s"
        .formatted(
            source.bytes(),
            source.width(),
            source.height(),
            source.format().shortName(),
            bytes.length,
            width,
            height,
            format.shortName());
  }
}
