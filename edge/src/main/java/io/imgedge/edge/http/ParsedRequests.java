package io.imgedge.edge.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.imgedge.shield.DerivativeKey;
import io.imgedge.shield.DerivativeRequest;
import io.imgedge.shield.origin.OriginRouter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Remembers what recent request lines parsed to, so that a repeated request (the common case on the
 * hit path) skips routing, spec parsing, negotiation and building its cache key. The entry depends
 * only on (host, decoded path, raw query, Accept, client hints, the trusted overlay header), each a
 * separate part of the memo key (a record, never a joined string: the object {@code q.png?.png} and
 * the object {@code q.png} with the query {@code .png?width=20} must not share an entry); requests
 * that fail to parse throw and are not remembered. Whatever else a request needs checking every
 * time (its signature) is not the memo's business.
 */
final class ParsedRequests {
  private final Cache<Memo, Parsed> parsed;

  /**
   * What a parse depends on.
   *
   * @param host the request's Host
   * @param path the decoded path
   * @param query the raw query string
   * @param accept the Accept header
   * @param hints the client hints that apply, or ""
   * @param overlay the trusted {@code X-Fastly-Imageopto-Overlay} header's value, or ""
   */
  record Memo(
      @Nullable String host,
      String path,
      String query,
      @Nullable String accept,
      String hints,
      String overlay) {}

  /**
   * A parsed request.
   *
   * @param route the source it names
   * @param path the decoded request path, as the status page's top sources count it
   * @param request the derivative it asks for
   * @param key the derivative's cache key
   * @param warnings what parsing ignored or replaced, for the warning header
   * @param vary the request headers the answer depends on ({@code Accept}, client hints), for the
   *     {@code Vary} header, or null
   * @param heads the encoded heads of its answers from memory, for the hit front
   */
  record Parsed(
      OriginRouter.Routed route,
      String path,
      DerivativeRequest request,
      DerivativeKey key,
      List<String> warnings,
      @Nullable String vary,
      EncodedHeads heads) {
    Parsed {
      warnings = List.copyOf(warnings);
    }

    Parsed(
        OriginRouter.Routed route,
        String path,
        DerivativeRequest request,
        DerivativeKey key,
        List<String> warnings,
        @Nullable String vary) {
      this(route, path, request, key, warnings, vary, new EncodedHeads());
    }
  }

  /**
   * @param maxEntries the most request lines remembered
   */
  ParsedRequests(long maxEntries) {
    this.parsed = Caffeine.newBuilder().maximumSize(maxEntries).executor(Runnable::run).build();
  }

  /** The memo key of a request: everything the parse depends on. */
  static Memo key(
      @Nullable String host,
      String path,
      String query,
      @Nullable String accept,
      String hints,
      String overlay) {
    return new Memo(host, path, query, accept, hints, overlay);
  }

  /** The remembered parse of a request line, or null. */
  @Nullable Parsed get(Memo key) {
    return parsed.getIfPresent(key);
  }

  /** Remembers a parse. */
  void put(Memo key, Parsed p) {
    parsed.put(key, p);
  }
}
