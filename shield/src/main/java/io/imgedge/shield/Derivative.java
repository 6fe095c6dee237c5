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
 * @param sourceValidator the validator of the source version it was rendered from
 * @param surrogateKeys the source's surrogate keys, for purges
 */
public record Derivative(
    byte[] bytes,
    ImageFormat format,
    String etag,
    @Nullable Instant lastModified,
    Freshness freshness,
    String info,
    List<String> warnings,
    String sourceValidator,
    List<String> surrogateKeys)
    implements Cacheable {

  /** Copies the lists. */
  public Derivative {
    warnings = List.copyOf(warnings);
    surrogateKeys = List.copyOf(surrogateKeys);
  }

  /** The same bytes with new freshness (its source was revalidated). */
  public Derivative withFreshness(Freshness refreshed) {
    return new Derivative(bytes, format, etag, lastModified, refreshed, info, warnings, sourceValidator,
        surrogateKeys);
  }

  /**
   * The same bytes standing in for another derivative (a WebP for an AVIF while the node is busy):
   * short-lived, with a warning added.
   */
  public Derivative standingIn(Freshness shortLived, String warning) {
    List<String> more = new java.util.ArrayList<>(warnings);
    more.add(warning);
    return new Derivative(bytes, format, etag, lastModified, shortLived, info, more, sourceValidator,
        surrogateKeys);
  }

  @Override
  public long sizeInBytes() {
    return bytes.length + 512L;
  }
}
