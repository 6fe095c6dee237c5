package io.imgedge.edge.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imgedge.cache.Freshness;
import io.imgedge.cache.LocalTier;
import io.imgedge.cache.testing.FakeClock;
import io.imgedge.shield.Derivative;
import io.imgedge.shield.DerivativeKey;
import io.imgedge.shield.DerivativeRequest;
import io.imgedge.shield.OriginException;
import io.imgedge.shield.RemoteException;
import io.imgedge.shield.SourceId;
import io.imgedge.shield.origin.OriginRouter;
import io.imgedge.shield.wire.PurgeCommand;
import io.imgedge.shield.wire.WireClient;
import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.spec.FormatNegotiation;
import io.imgedge.transform.spec.TransformDefaults;
import io.imgedge.transform.spec.TransformSpec;
import io.imgedge.transform.spec.TransformSpecParser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The edge's decisions (hit, miss, stale while revalidating, stale on error and with every shield
 * down, 304 from metadata, purges) on plain objects: a scripted shield, a fake clock, no node, no
 * server, no sleep.
 */
class ImageServiceTest {
  private final FakeClock clock = new FakeClock();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final TransformSpecParser parser = new TransformSpecParser(TransformDefaults.FASTLY);
  private final SourceId photo = new SourceId("site", "photo.jpg");
  private final Deque<Supplier<CompletableFuture<Derivative>>> answers = new ArrayDeque<>();
  private @Nullable DerivativeMetadata known;
  private int renders;

  private final ShieldClient shield =
      new ShieldClient() {
        @Override
        public OriginRouter.Routed route(@Nullable String host, String path) {
          throw new UnsupportedOperationException();
        }

        @Override
        public OriginRouter.Routed route(SourceId id) {
          throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Derivative> render(
            OriginRouter.Routed route, DerivativeRequest request) {
          renders++;
          return answers.isEmpty()
              ? CompletableFuture.failedFuture(new IllegalStateException("no answer scripted"))
              : answers.pop().get();
        }

        @Override
        public Optional<DerivativeMetadata> metadataIfKnown(DerivativeRequest request) {
          return Optional.ofNullable(known);
        }

        @Override
        public CompletableFuture<Void> purge(PurgeCommand command) {
          return CompletableFuture.completedFuture(null);
        }
      };

  private ImageService service(boolean staleWhenShieldsDown) {
    return new ImageService(
        new LocalTier<>(
            "edge",
            1 << 20,
            Duration.ofHours(1),
            DerivativeKey::source,
            clock.ticker(),
            Runnable::run,
            registry),
        KeyOwners.alone(),
        shield,
        new WireClient(Duration.ofSeconds(1), clock),
        Duration.ofSeconds(1),
        staleWhenShieldsDown,
        clock,
        registry);
  }

  private DerivativeRequest request(String query) {
    TransformSpec spec = parser.parse(query);
    return new DerivativeRequest(
        photo, spec, FormatNegotiation.negotiate(spec, null), TransformDefaults.FASTLY);
  }

  private Derivative derivative(String etag, Freshness freshness) {
    return new Derivative(
        new byte[] {1, 2, 3},
        ImageFormat.JPEG,
        etag,
        null,
        freshness,
        "info",
        List.of(),
        "\"v1\"",
        List.of("shoes"));
  }

  private void answer(Derivative d) {
    answers.add(() -> CompletableFuture.completedFuture(d));
  }

  private void fail(Throwable e) {
    answers.add(() -> CompletableFuture.failedFuture(e));
  }

  private Served serve(ImageService service, String query, ConditionalRequest conditional) {
    OriginRouter.Routed route =
        new OriginRouter.Routed(
            photo,
            (id, previous) -> {
              throw new UnsupportedOperationException();
            });
    return service.serve(route, request(query), conditional).join();
  }

  private static Served.Source source(Served s) {
    return switch (s) {
      case Served.Image i -> i.source();
      case Served.NotModified n -> n.source();
    };
  }

  private Freshness fresh(long seconds, long swr, long sie) {
    return new Freshness(
        clock.instant(),
        Duration.ZERO,
        Duration.ofSeconds(seconds),
        Duration.ofSeconds(swr),
        Duration.ofSeconds(sie),
        true);
  }

  @Test
  void missThenHit_andAConditionalHitIs304() {
    ImageService service = service(false);
    answer(derivative("\"e1\"", fresh(60, 0, 0)));
    assertThat(source(serve(service, "width=100", ConditionalRequest.NONE)))
        .isEqualTo(Served.Source.MISS);
    DerivativeKey key = request("width=100").key();
    assertThat(service.hit(key, ConditionalRequest.NONE)).isInstanceOf(Served.Image.class);
    assertThat(service.hit(key, new ConditionalRequest("\"e1\"", null)))
        .isInstanceOf(Served.NotModified.class);
    assertThat(renders).isEqualTo(1);
  }

  @Test
  void staleWhileRevalidate_answersStale_andRefreshesOnce() {
    ImageService service = service(false);
    answer(derivative("\"old\"", fresh(60, 30, 0)));
    serve(service, "width=100", ConditionalRequest.NONE);
    clock.advance(Duration.ofSeconds(70));
    CompletableFuture<Derivative> refresh = new CompletableFuture<>();
    answers.add(() -> refresh);
    assertThat(source(serve(service, "width=100", ConditionalRequest.NONE)))
        .isEqualTo(Served.Source.STALE);
    assertThat(source(serve(service, "width=100", ConditionalRequest.NONE)))
        .isEqualTo(Served.Source.STALE);
    assertThat(renders).as("one refresh").isEqualTo(2);
    refresh.complete(derivative("\"new\"", fresh(60, 30, 0)));
    assertThat(service.hit(request("width=100").key(), ConditionalRequest.NONE)).isNotNull();
    assertThat(registry.counter("imgedge.edge.stale", "reason", "while_revalidate").count())
        .isEqualTo(2);
  }

  @Test
  void shieldFails_staleIfErrorServes_elseTheErrorPassesOn() {
    ImageService service = service(false);
    answer(derivative("\"old\"", fresh(1, 0, 10)));
    serve(service, "width=100", ConditionalRequest.NONE);
    clock.advance(Duration.ofSeconds(5));
    fail(new OriginException(OriginException.Kind.UNAVAILABLE, "origin down"));
    assertThat(source(serve(service, "width=100", ConditionalRequest.NONE)))
        .isEqualTo(Served.Source.STALE);
    clock.advance(Duration.ofSeconds(10));
    fail(new OriginException(OriginException.Kind.UNAVAILABLE, "origin down"));
    assertThatThrownBy(() -> serve(service, "width=100", ConditionalRequest.NONE))
        .hasMessageContaining("origin down");
  }

  @Test
  void everyShieldDown_withFallbackStale_servesAnyStaleCopy() {
    ImageService service = service(true);
    answer(derivative("\"old\"", fresh(1, 0, 0)));
    serve(service, "width=100", ConditionalRequest.NONE);
    clock.advance(Duration.ofMinutes(30));
    fail(new RemoteException(503, "IMGEDGE-0504", "no shield answered"));
    assertThat(source(serve(service, "width=100", ConditionalRequest.NONE)))
        .isEqualTo(Served.Source.STALE);
    assertThat(registry.counter("imgedge.edge.stale", "reason", "shields_down").count())
        .isEqualTo(1);
    fail(new OriginException(OriginException.Kind.UNAVAILABLE, "another failure"));
    assertThatThrownBy(() -> serve(service, "width=100", ConditionalRequest.NONE))
        .hasMessageContaining("another failure");
  }

  @Test
  void conditionalMiss_thatMatchesWhatTheShieldKnows_is304WithoutRendering() {
    ImageService service = service(false);
    known = new DerivativeMetadata("\"e9\"", null, fresh(60, 0, 0));
    Served s = serve(service, "width=120", new ConditionalRequest("\"e9\"", null));
    assertThat(s).isInstanceOf(Served.NotModified.class);
    assertThat(renders).isZero();
    answer(derivative("\"e9\"", fresh(60, 0, 0)));
    assertThat(serve(service, "width=120", new ConditionalRequest("\"other\"", null)))
        .isInstanceOf(Served.Image.class);
  }

  @Test
  void purgeBySourceOrSurrogateKey_forgetsWhatMatches() {
    ImageService service = service(false);
    answer(derivative("\"a\"", fresh(60, 0, 0)));
    answer(derivative("\"b\"", fresh(60, 0, 0)));
    serve(service, "width=100", ConditionalRequest.NONE);
    serve(service, "width=200", ConditionalRequest.NONE);
    service.purge(new PurgeCommand.SurrogateKey("shoes"));
    assertThat(service.hit(request("width=100").key(), ConditionalRequest.NONE)).isNull();
    answer(derivative("\"c\"", fresh(60, 0, 0)));
    serve(service, "width=100", ConditionalRequest.NONE);
    service.purge(new PurgeCommand.Source(photo));
    assertThat(service.hit(request("width=100").key(), ConditionalRequest.NONE)).isNull();
    assertThat(registry.counter("imgedge.edge.purges").count()).isEqualTo(2);
  }

  @Test
  void notStorableAnswers_areNotKept() {
    ImageService service = service(false);
    answer(derivative("\"p\"", Freshness.notStorable(clock.instant())));
    serve(service, "width=100", ConditionalRequest.NONE);
    assertThat(service.hit(request("width=100").key(), ConditionalRequest.NONE)).isNull();
  }
}
