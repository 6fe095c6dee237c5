package io.imgedge.edge.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.imgedge.shield.DerivativeRequest;
import io.imgedge.shield.origin.OriginRouter;
import org.jspecify.annotations.Nullable;

/**
 * Remembers what recent request lines parsed to, so that a repeated request (the common case on
 * the hit path) skips routing, spec parsing, negotiation and building its cache key. The entry
 * depends only on (host, path, query, Accept), all part of the memo key; requests that fail to
 * parse throw and are not remembered.
 */
final class ParsedRequests {
  private final Cache<String, Parsed> parsed;

  /**
   * A parsed request.
   *
   * @param route the source it names
   * @param request the derivative it asks for
   * @param key the derivative's cache key
   */
  record Parsed(OriginRouter.Routed route, DerivativeRequest request, String key) {}

  /** Parses a request; throws on bad input. */
  @FunctionalInterface
  interface Parser {
    Parsed parse(@Nullable String host, String path, String query, @Nullable String accept);
  }

  /** @param maxEntries the most request lines remembered */
  ParsedRequests(long maxEntries) {
    this.parsed = Caffeine.newBuilder().maximumSize(maxEntries).executor(Runnable::run).build();
  }

  /** The remembered parse of a request, or a new one. */
  Parsed get(@Nullable String host, String path, String query, @Nullable String accept, Parser parser) {
    String memo = host + '\n' + path + '?' + query + '\n' + accept;
    Parsed p = parsed.getIfPresent(memo);
    if (p == null) {
      p = parser.parse(host, path, query, accept);
      parsed.put(memo, p);
    }
    return p;
  }
}
