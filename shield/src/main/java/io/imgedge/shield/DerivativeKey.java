package io.imgedge.shield;

import io.imgedge.cache.Groups;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Identifies one derivative: its source, the canonical spec, the negotiated output target, and the
 * pipeline version and defaults it is rendered with. Two requests with equal keys get the same
 * bytes on any node; a structured key cannot confuse two meanings (an object named {@code
 * q.png?.png} and an object {@code q.png} with a parameter), as a joined string could.
 *
 * @param source the source image
 * @param spec the canonical spec ({@code TransformSpec.canonical()})
 * @param target the negotiated target's token ({@code Negotiated.token()}, with {@code ~} when the
 *     WebP quality of {@code quality=q,qwebp} applies)
 * @param pipelineVersion {@code Transformer.PIPELINE_VERSION}
 * @param defaults {@code TransformDefaults.fingerprint()}
 */
public record DerivativeKey(
    SourceId source, String spec, String target, int pipelineVersion, String defaults) {

  /**
   * An unambiguous text form, for key ownership in the cluster and ETags: every part is
   * length-prefixed ({@code 4:site|9:photo.jpg|9:width=200|4:webp|2|8:1a2b3c4d}), so no choice of
   * names and parameters can make two keys' forms equal.
   */
  public String encoded() {
    StringBuilder b = new StringBuilder(64 + source.path().length() + spec.length());
    part(b, source.origin());
    part(b, source.path());
    part(b, spec);
    part(b, target);
    b.append(pipelineVersion).append('|');
    part(b, defaults);
    return b.toString();
  }

  /**
   * The source of the overlay the spec composites ({@code overlay=} in the canonical spec: a path
   * within the same origin), or null without one.
   */
  public @Nullable SourceId overlaySource() {
    if (!spec.contains("overlay=")) {
      return null;
    }
    for (String pair : spec.split("&")) {
      if (pair.startsWith("overlay=")) {
        String path =
            URLDecoder.decode(pair.substring("overlay=".length()), StandardCharsets.UTF_8);
        return new SourceId(source.origin(), path.startsWith("/") ? path.substring(1) : path);
      }
    }
    return null;
  }

  /**
   * The purge groups of this derivative: its source, and the overlay's source when it has one (a
   * purge of either forgets it).
   */
  public Object groups() {
    SourceId overlay = overlaySource();
    return overlay == null || overlay.equals(source)
        ? source
        : new Groups(List.of(source, overlay));
  }

  private static void part(StringBuilder b, String s) {
    b.append(s.getBytes(StandardCharsets.UTF_8).length).append(':').append(s).append('|');
  }

  @Override
  public String toString() {
    return source.key() + "?" + spec + "#" + target;
  }
}
