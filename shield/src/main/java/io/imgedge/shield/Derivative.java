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
 * @param standIn a WebP standing in for an AVIF while the node was busy (see {@code YieldPolicy}):
 *     answered and cached downstream for its short freshness, never kept by the shield under the
 *     AVIF's key
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
    List<String> surrogateKeys,
    boolean standIn)
    implements Cacheable {

  /** A derivative rendered for its own key (not standing in for another). */
  public Derivative(
      byte[] bytes,
      ImageFormat format,
      String etag,
      @Nullable Instant lastModified,
      Freshness freshness,
      String info,
      List<String> warnings,
      String sourceValidator,
      List<String> surrogateKeys) {
    this(
        bytes,
        format,
        etag,
        lastModified,
        freshness,
        info,
        warnings,
        sourceValidator,
        surrogateKeys,
        false);
  }

  /** Copies the lists. */
  public Derivative {
    warnings = List.copyOf(warnings);
    surrogateKeys = List.copyOf(surrogateKeys);
  }

  /** The same bytes with new freshness (its source was revalidated). */
  public Derivative withFreshness(Freshness refreshed) {
    return new Derivative(
        bytes,
        format,
        etag,
        lastModified,
        refreshed,
        info,
        warnings,
        sourceValidator,
        surrogateKeys,
        standIn);
  }

  /**
   * The same bytes standing in for another derivative (a WebP for an AVIF while the node is busy):
   * short-lived, with a warning added.
   */
  public Derivative standingIn(Freshness shortLived, String warning) {
    List<String> more = new java.util.ArrayList<>(warnings);
    more.add(warning);
    return new Derivative(
        bytes,
        format,
        etag,
        lastModified,
        shortLived,
        info,
        more,
        sourceValidator,
        surrogateKeys,
        true);
  }

  @Override
  public long sizeInBytes() {
    return bytes.length + 512L;
  }
}
