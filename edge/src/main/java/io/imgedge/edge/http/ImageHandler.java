package io.imgedge.edge.http;

import io.imgedge.cache.Freshness;
import io.imgedge.edge.image.ConditionalRequest;
import io.imgedge.edge.image.DerivativeMetadata;
import io.imgedge.edge.image.ImageService;
import io.imgedge.edge.image.Served;
import io.imgedge.edge.image.TopSources;
import io.imgedge.edge.security.UrlSigner;
import io.imgedge.shield.Derivative;
import io.imgedge.shield.DerivativeRequest;
import io.imgedge.shield.Problem;
import io.imgedge.shield.origin.OriginRouter;
import io.imgedge.transform.spec.FormatNegotiation;
import io.imgedge.transform.spec.Overlay;
import io.imgedge.transform.spec.TransformDefaults;
import io.imgedge.transform.spec.TransformSpecParser;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Answers {@code GET|HEAD /<path>?<IO params>}. On the IO thread it does the cheap part (route the
 * path, parse the spec, negotiate the format: any error is a 4xx at once); then it waits for the
 * image on a virtual thread, never on an IO thread, up to the request deadline, and writes the
 * image (200) or a 304 with ETag, Cache-Control, Age, Last-Modified, Vary and the info header. The
 * warning header joins what parsing ignored or replaced (computed per request, never cached) with
 * what the render adjusted.
 *
 * <p>The hit path stays on the IO thread: a repeated request line skips routing and parsing (a
 * bounded memo; signatures are still checked on every request), a fresh copy in memory is written
 * at once without dispatching, from a direct buffer with precomputed header values.
 */
public final class ImageHandler implements HttpHandler {
  /**
   * The status recorded (never sent) for a request whose client hung up before its answer, as
   * nginx's 499 "client closed request": no dashboard counts it as a success.
   */
  static final int CLIENT_CLOSED_REQUEST = 499;

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
  private static final io.undertow.util.AttachmentKey<java.util.Set<CompletableFuture<?>>> WAITING =
      io.undertow.util.AttachmentKey.create(java.util.Set.class);

  /** How often a waiting request checks that its client is still there. */
  private static final long PROBE_MILLIS = 200;

  private final ClientHints hints;
  private final ParsedRequests parsedRequests = new ParsedRequests(10_000);
  private final PreparedResponses preparedResponses;
  private final TopSources topSources;
  private final Overlays overlays;

  /**
   * @param service serves derivatives
   * @param defaults the transform defaults (part of every key)
   * @param waiters where requests wait for their image (virtual threads)
   * @param errors writes error responses
   * @param clock the wall clock, for Age
   * @param timeout the request deadline; past it the answer is 504
   * @param signer verifies signed URLs, or null if no signing keys are configured
   * @param signedOrigins the origins whose URLs must be signed
   * @param clientHints whether client hints fill in what a URL leaves open ({@code
   *     transform.client-hints})
   * @param maxOutputWidth the widest output allowed, which caps a width hint
   * @param preparedBytes image bytes kept in direct buffers for the hit path (from node.memory)
   * @param topSources counts each request answered with an image or a 304 by its path (a refused
   *     path, a 404 or a bad parameter is not a source)
   * @param overlays which overlay (watermark) a request gets: trusted header or origin setting
   */
  public ImageHandler(
      ImageService service,
      TransformDefaults defaults,
      ExecutorService waiters,
      ErrorResponder errors,
      Clock clock,
      Duration timeout,
      @Nullable UrlSigner signer,
      Set<String> signedOrigins,
      boolean clientHints,
      int maxOutputWidth,
      long preparedBytes,
      TopSources topSources,
      Overlays overlays) {
    this.service = service;
    this.parser = new TransformSpecParser(defaults);
    this.defaults = defaults;
    this.waiters = waiters;
    this.errors = errors;
    this.clock = clock;
    this.timeout = timeout;
    this.signer = signer;
    this.signedOrigins = Set.copyOf(signedOrigins);
    this.hints = new ClientHints(clientHints, maxOutputWidth);
    this.preparedResponses = new PreparedResponses(preparedBytes);
    this.topSources = topSources;
    this.overlays = overlays;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    if (!exchange.getRequestMethod().equals(Methods.GET)
        && !exchange.getRequestMethod().equals(Methods.HEAD)) {
      errors.send(exchange, Problem.METHOD_NOT_ALLOWED);
      return;
    }
    if (exchange.getRequestURI().length() + exchange.getQueryString().length() > MAX_URL) {
      errors.send(exchange, Problem.URI_TOO_LONG);
      return;
    }
    HeaderMap in = exchange.getRequestHeaders();
    ParsedRequests.Parsed parsed = parsed(exchange, in);
    if (parsed == null) {
      return; // refused: bad signature
    }
    DerivativeRequest request = parsed.request();
    ConditionalRequest conditional =
        new ConditionalRequest(
            in.getFirst(Headers.IF_NONE_MATCH), in.getFirst(Headers.IF_MODIFIED_SINCE));
    Served hit = service.hit(parsed.key(), conditional);
    if (hit != null) {
      write(exchange, hit, parsed); // from memory: no need to leave the IO thread
      return;
    }
    exchange.dispatch(waiters, () -> respond(exchange, parsed, conditional));
  }

  /**
   * The request's route, spec and key, remembered per request line; the signature of a signed
   * origin's URL is checked every time (before any work: 403 and null when it fails).
   */
  private ParsedRequests.@Nullable Parsed parsed(HttpServerExchange exchange, HeaderMap in) {
    String accept = in.getFirst(Headers.ACCEPT);
    ParsedRequests.Memo memo =
        ParsedRequests.key(
            exchange.getHostName(),
            exchange.getRequestPath(),
            exchange.getQueryString(),
            accept,
            hints.memoKey(in),
            overlays.memoKey(in));
    ParsedRequests.Parsed parsed = parsedRequests.get(memo);
    OriginRouter.Routed route =
        parsed != null
            ? parsed.route()
            : service.route(exchange.getHostName(), exchange.getRequestPath());
    if (signedOrigins.contains(route.id().origin()) && !signatureValid(exchange)) {
      return null;
    }
    if (parsed == null) {
      parsed =
          parse(
              route,
              exchange.getRequestPath(),
              exchange.getQueryString(),
              accept,
              in,
              memo.overlay());
      parsedRequests.put(memo, parsed);
    }
    return parsed;
  }

  /**
   * Parses the spec (with the client hints that apply), negotiates the format and says what the
   * answer varies on (any error is a 4xx).
   */
  private ParsedRequests.Parsed parse(
      OriginRouter.Routed route,
      String path,
      String query,
      @Nullable String accept,
      HeaderMap in,
      String overlayHeader) {
    TransformSpecParser.Parsed parsed = parser.parseWithWarnings(query);
    ClientHints.Hinted hinted = hints.apply(query, parsed.spec(), in);
    if (!hinted.query().equals(query)) {
      parsed = parser.parseWithWarnings(hinted.query());
    }
    var spec = parsed.spec().withOverlay(overlays.overlayFor(route.id().origin(), overlayHeader));
    var negotiated = FormatNegotiation.negotiate(spec, accept);
    DerivativeRequest request = new DerivativeRequest(route.id(), spec, negotiated, defaults);
    String vary =
        negotiated.variesOnAccept()
            ? hinted.vary() == null ? "Accept" : "Accept, " + hinted.vary()
            : hinted.vary();
    if (overlays.trustsHeader()) { // the answer depends on the header: caches must tell them apart
      vary = vary == null ? Overlay.HEADER : vary + ", " + Overlay.HEADER;
    }
    return new ParsedRequests.Parsed(route, path, request, request.key(), parsed.warnings(), vary);
  }

  /**
   * Checks the URL's signature; on failure answers 403 and returns false. No work has been done.
   */
  private boolean signatureValid(HttpServerExchange exchange) {
    UrlSigner.Verdict verdict =
        signer == null
            ? UrlSigner.Verdict.INVALID
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

  /**
   * Waits for the image up to the request deadline. When the deadline passes, or the client goes
   * away first, this request gives up its claim on the work ({@code cancel}): a render that nobody
   * else waits for then stops, instead of running on for nobody.
   */
  private void respond(
      HttpServerExchange exchange, ParsedRequests.Parsed parsed, ConditionalRequest conditional) {
    CompletableFuture<Served> waiting =
        service.serve(parsed.route(), parsed.request(), conditional);
    java.util.Set<CompletableFuture<?>> pending = waitingOn(exchange);
    pending.add(waiting);
    try {
      Served served = await(exchange, waiting);
      if (served == null) {
        waiting.cancel(true); // the client hung up: nobody to answer
        exchange.setStatusCode(CLIENT_CLOSED_REQUEST); // what metrics and the access log record
        exchange.getConnection().close();
        return;
      }
      write(exchange, served, parsed);
    } catch (InterruptedException e) {
      waiting.cancel(true);
      Thread.currentThread().interrupt();
      errors.send(exchange, e);
    } catch (Exception e) {
      waiting.cancel(true);
      errors.send(exchange, e);
    } finally {
      pending.remove(waiting);
    }
  }

  /**
   * The image, or null if the client hung up first (checked every {@value #PROBE_MILLIS} ms).
   *
   * @throws TimeoutException past the request deadline
   */
  private @Nullable Served await(HttpServerExchange exchange, CompletableFuture<Served> waiting)
      throws InterruptedException, ExecutionException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      try {
        return waiting.get(
            Math.max(1, Math.min(PROBE_MILLIS, TimeUnit.NANOSECONDS.toMillis(left))),
            TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        if (System.nanoTime() - deadline >= 0) {
          throw e;
        }
        if (ClientGone.test(exchange)) {
          return null;
        }
      }
    }
  }

  /**
   * What the requests of this exchange's connection wait for; when the connection closes (the
   * client has gone), all of it is given up. One close listener per connection, however many
   * requests it carries.
   */
  private static java.util.Set<CompletableFuture<?>> waitingOn(HttpServerExchange exchange) {
    var connection = exchange.getConnection();
    synchronized (connection) {
      java.util.Set<CompletableFuture<?>> pending = connection.getAttachment(WAITING);
      if (pending == null) {
        java.util.Set<CompletableFuture<?>> created =
            java.util.concurrent.ConcurrentHashMap.newKeySet();
        connection.putAttachment(WAITING, created);
        connection.addCloseListener(c -> created.forEach(f -> f.cancel(true)));
        pending = created;
      }
      return pending;
    }
  }

  private void write(HttpServerExchange exchange, Served served, ParsedRequests.Parsed parsed) {
    topSources.record(parsed.path());
    HeaderMap h = exchange.getResponseHeaders();
    switch (served) {
      case Served.Image image -> {
        Derivative d = image.derivative();
        PreparedResponses.Prepared prepared = preparedResponses.of(d);
        AnswerHeaders.image(h::put, image, prepared, parsed, hints.enabled());
        age(h, d.freshness());
        exchange.setResponseContentLength(d.bytes().length);
        if (exchange.getRequestMethod().equals(Methods.HEAD)) {
          exchange.endExchange();
        } else {
          exchange.getResponseSender().send(prepared.body().duplicate());
        }
      }
      case Served.NotModified nm -> {
        exchange.setStatusCode(304);
        AnswerHeaders.notModified(
            h::put, nm.metadata(), nm.source(), parsed, hints.enabled(), preparedResponses);
        age(h, nm.metadata().freshness());
        exchange.endExchange();
      }
    }
  }

  private void age(HeaderMap h, Freshness freshness) {
    long age = AnswerHeaders.age(freshness, clock.instant());
    if (age >= 0) {
      h.put(Headers.AGE, age);
    }
  }

  /**
   * The answer from memory to a request the hit front read off the wire, encoded for the wire, or
   * null when the handler chain must answer it: a request line not parsed before, a signed origin
   * (its signature is checked in the chain), client hints on, or nothing fresh in memory. The front
   * hands every request with an overlay header to the chain, and looks up the parse made without
   * one. A null counts nothing (the chain counts its own look); an answer counts as the chain would
   * count it (a hit, its source among the top sources).
   */
  public @Nullable EncodedHit encodedHit(HitRequest r) {
    if (hints.enabled()) {
      return null;
    }
    ParsedRequests.Parsed parsed =
        parsedRequests.get(ParsedRequests.key(r.host(), r.path(), r.query(), r.accept(), "", ""));
    if (parsed == null || signedOrigins.contains(parsed.route().id().origin())) {
      return null;
    }
    Served hit = service.hitIfHeld(parsed.key(), r.conditional());
    if (hit == null) {
      return null;
    }
    topSources.record(parsed.path());
    Instant now = clock.instant();
    return switch (hit) {
      case Served.Image image -> {
        Derivative d = image.derivative();
        PreparedResponses.Prepared prepared = preparedResponses.of(d);
        byte[] head =
            parsed
                .heads()
                .ok(
                    d.etag(),
                    d.lastModified(),
                    d.freshness(),
                    () ->
                        AnswerHeaders.encode(
                            "HTTP/1.1 200 OK",
                            out -> {
                              AnswerHeaders.image(out, image, prepared, parsed, false);
                              out.put(Headers.CONTENT_LENGTH, Integer.toString(d.bytes().length));
                              out.put(Headers.CONNECTION, "keep-alive");
                            }));
        yield new EncodedHit(
            200,
            head,
            AnswerHeaders.age(d.freshness(), now),
            r.head() ? null : prepared.body().duplicate());
      }
      case Served.NotModified nm -> {
        DerivativeMetadata meta = nm.metadata();
        byte[] head =
            parsed
                .heads()
                .notModified(
                    meta.etag(),
                    meta.lastModified(),
                    meta.freshness(),
                    () ->
                        AnswerHeaders.encode(
                            "HTTP/1.1 304 Not Modified",
                            out ->
                                AnswerHeaders.notModified(
                                    out, meta, nm.source(), parsed, false, preparedResponses)));
        yield new EncodedHit(304, head, AnswerHeaders.age(meta.freshness(), now), null);
      }
    };
  }

  @Override
  public String toString() {
    return "Image";
  }
}
