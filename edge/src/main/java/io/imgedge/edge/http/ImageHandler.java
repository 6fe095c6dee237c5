package io.imgedge.edge.http;

import io.imgedge.shield.Problem;

import io.imgedge.cache.Freshness;
import io.imgedge.cache.HttpFreshness;
import io.imgedge.edge.image.ConditionalRequest;
import io.imgedge.edge.image.DerivativeMetadata;
import io.imgedge.edge.image.ImageService;
import io.imgedge.edge.image.Served;
import io.imgedge.shield.Derivative;
import io.imgedge.shield.DerivativeRequest;
import io.imgedge.shield.origin.OriginRouter;
import io.imgedge.transform.spec.FormatNegotiation;
import io.imgedge.transform.spec.TransformDefaults;
import io.imgedge.transform.spec.TransformSpec;
import io.imgedge.transform.spec.TransformSpecParser;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import io.imgedge.edge.security.UrlSigner;
import org.jspecify.annotations.Nullable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Answers {@code GET|HEAD /<path>?<IO params>}. On the IO thread it does the cheap part (route the
 * path, parse the spec, negotiate the format: any error is a 4xx at once); then it waits for the
 * image on a virtual thread, never on an IO thread, up to the request deadline, and writes the
 * image (200) or a 304 with ETag, Cache-Control, Age, Last-Modified, Vary and the info header. The
 * warning header joins what parsing ignored or replaced (computed per request, never cached) with
 * what the render adjusted.
 */
public final class ImageHandler implements HttpHandler {
  /** Longest path and query accepted; longer gets 414. */
  static final int MAX_URL = 4096;
  private final ImageService service;
  private final TransformSpecParser parser;
  private final TransformDefaults defaults;
  private final ExecutorService waiters;
  private final ErrorResponder errors;
  private final Clock clock;
  private final Duration timeout;
  private final @Nullable UrlSigner signer;
  private final Set<String> signedOrigins;

  /**
   * @param service serves derivatives
   * @param defaults the transform defaults (part of every key)
   * @param waiters where requests wait for their image (virtual threads)
   * @param errors writes error responses
   * @param clock the wall clock, for Age
   * @param timeout the request deadline; past it the answer is 504
   * @param signer verifies signed URLs, or null if no signing keys are configured
   * @param signedOrigins the origins whose URLs must be signed
   */
  public ImageHandler(ImageService service, TransformDefaults defaults, ExecutorService waiters,
      ErrorResponder errors, Clock clock, Duration timeout, @Nullable UrlSigner signer, Set<String> signedOrigins) {
    this.service = service;
    this.parser = new TransformSpecParser(defaults);
    this.defaults = defaults;
    this.waiters = waiters;
    this.errors = errors;
    this.clock = clock;
    this.timeout = timeout;
    this.signer = signer;
    this.signedOrigins = Set.copyOf(signedOrigins);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    if (!exchange.getRequestMethod().equals(Methods.GET) && !exchange.getRequestMethod().equals(Methods.HEAD)) {
      errors.send(exchange, Problem.METHOD_NOT_ALLOWED);
      return;
    }
    HeaderMap in = exchange.getRequestHeaders();
    if (exchange.getRequestURI().length() + exchange.getQueryString().length() > MAX_URL) {
      errors.send(exchange, Problem.URI_TOO_LONG);
      return;
    }
    OriginRouter.Routed route = service.route(exchange.getHostName(), exchange.getRequestPath());
    if (signedOrigins.contains(route.id().origin()) && !signatureValid(exchange)) {
      return;
    }
    TransformSpecParser.Parsed parsed = parser.parseWithWarnings(exchange.getQueryString());
    TransformSpec spec = parsed.spec();
    var negotiated = FormatNegotiation.negotiate(spec, in.getFirst(Headers.ACCEPT));
    DerivativeRequest request = new DerivativeRequest(route.id(), spec, negotiated, defaults);
    ConditionalRequest conditional =
        new ConditionalRequest(in.getFirst(Headers.IF_NONE_MATCH), in.getFirst(Headers.IF_MODIFIED_SINCE));
    exchange.dispatch(waiters, () -> respond(exchange, route, request, conditional, parsed.warnings()));
  }

  /** Checks the URL's signature; on failure answers 403 and returns false. No work has been done. */
  private boolean signatureValid(HttpServerExchange exchange) {
    UrlSigner.Verdict verdict = signer == null ? UrlSigner.Verdict.INVALID
        : signer.verify(exchange.getRequestPath(), exchange.getQueryString(), clock.instant());
    switch (verdict) {
      case VALID -> {
        return true;
      }
      case EXPIRED -> errors.send(exchange, Problem.SIGNATURE_EXPIRED);
      default -> errors.send(exchange, Problem.SIGNATURE_INVALID);
    }
    return false;
  }

  private void respond(HttpServerExchange exchange, OriginRouter.Routed route, DerivativeRequest request,
      ConditionalRequest conditional, List<String> parseWarnings) {
    try {
      Served served = service.serve(route, request, conditional).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      boolean varies = request.negotiated().variesOnAccept();
      switch (served) {
        case Served.Image image -> image(exchange, image, varies, parseWarnings);
        case Served.NotModified nm -> notModified(exchange, nm, varies);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      errors.send(exchange, e);
    } catch (Exception e) {
      errors.send(exchange, e);
    }
  }

  private void image(HttpServerExchange exchange, Served.Image served, boolean varies, List<String> parseWarnings) {
    Derivative d = served.derivative();
    HeaderMap h = exchange.getResponseHeaders();
    h.put(Headers.CONTENT_TYPE, d.format().mediaType());
    validators(h, new DerivativeMetadata(d.etag(), d.lastModified(), d.freshness()), varies);
    h.put(ImgedgeHeaders.X_CACHE, served.source().name());
    h.put(ImgedgeHeaders.INFO, d.info());
    List<String> warnings = new ArrayList<>(parseWarnings);
    warnings.addAll(d.warnings());
    if (!warnings.isEmpty()) {
      h.put(ImgedgeHeaders.WARNING, ImgedgeHeaders.safe(String.join("; ", warnings)));
    }
    h.put(ImgedgeHeaders.SERVER_TIMING, served.source() != Served.Source.MISS
        ? "edge;desc=\"" + served.source().name().toLowerCase(Locale.ROOT) + "\""
        : String.format(Locale.ROOT, "edge;desc=\"miss\", upstream;dur=%.1f", served.waitMillis()));
    exchange.setResponseContentLength(d.bytes().length);
    if (exchange.getRequestMethod().equals(Methods.HEAD)) {
      exchange.endExchange();
    } else {
      exchange.getResponseSender().send(ByteBuffer.wrap(d.bytes()));
    }
  }

  private void notModified(HttpServerExchange exchange, Served.NotModified served, boolean varies) {
    exchange.setStatusCode(304);
    HeaderMap h = exchange.getResponseHeaders();
    validators(h, served.metadata(), varies);
    h.put(ImgedgeHeaders.X_CACHE, served.source().name());
    exchange.endExchange();
  }

  private void validators(HeaderMap h, DerivativeMetadata meta, boolean varies) {
    Freshness f = meta.freshness();
    Instant now = clock.instant();
    h.put(Headers.ETAG, meta.etag());
    if (meta.lastModified() != null) {
      h.put(Headers.LAST_MODIFIED, HttpFreshness.format(meta.lastModified()));
    }
    if (f.storable()) {
      h.put(Headers.CACHE_CONTROL, "public, max-age=" + f.maxAgeSeconds());
      h.put(Headers.AGE, Math.max(0, f.age(now).toSeconds()));
    } else {
      h.put(Headers.CACHE_CONTROL, "private, no-store");
    }
    if (varies) {
      h.put(Headers.VARY, "Accept");
    }
  }

  @Override
  public String toString() {
    return "Image";
  }
}
