package io.imgedge.edge.http;

import io.imgedge.edge.image.ConditionalRequest;
import org.jspecify.annotations.Nullable;

/**
 * What the hit front read off the wire for one {@code GET} or {@code HEAD}, as the handler chain
 * would see it.
 *
 * @param host the Host header without its port (as Undertow's {@code getHostName()})
 * @param path the request path (the front sends paths that need decoding to the chain)
 * @param query the raw query string, "" for none
 * @param accept the Accept header, or null
 * @param conditional the request's validators
 * @param head true for {@code HEAD}
 */
public record HitRequest(
    String host,
    String path,
    String query,
    @Nullable String accept,
    ConditionalRequest conditional,
    boolean head) {}
