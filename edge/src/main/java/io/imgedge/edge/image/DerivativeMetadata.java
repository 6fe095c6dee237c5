package io.imgedge.edge.image;

import io.imgedge.cache.Freshness;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What is needed to answer a conditional request with 304 without the derivative's bytes.
 *
 * @param etag the strong ETag, quoted
 * @param lastModified the source's Last-Modified, or null
 * @param freshness the source's freshness
 */
public record DerivativeMetadata(
    String etag, @Nullable Instant lastModified, Freshness freshness) {}
