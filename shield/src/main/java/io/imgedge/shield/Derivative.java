package io.imgedge.shield;

import io.imgedge.cache.Cacheable;
import io.imgedge.cache.Freshness;
import io.imgedge.transform.ImageFormat;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A rendered derivative with everything needed to answer for it.
 *
 * @param bytes the encoded image
 * @param format its format
 * @param etag its strong ETag, quoted
 * @param lastModified its source's Last-Modified, or null
 * @param freshness its source's freshness: a derivative is as fresh as what it was made from
 * @param info the info header value (input and output size, dimensions, format)
 * @param warnings non-fatal adjustments, for a warning header
 */
public record Derivative(
    byte[] bytes,
    ImageFormat format,
    String etag,
    @Nullable Instant lastModified,
    Freshness freshness,
    String info,
    List<String> warnings)
    implements Cacheable {

  /** Copies the warnings. */
  public Derivative {
    warnings = List.copyOf(warnings);
  }

  @Override
  public long sizeInBytes() {
    return bytes.length + 512L;
  }
}
