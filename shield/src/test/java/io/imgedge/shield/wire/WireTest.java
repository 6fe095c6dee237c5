package io.imgedge.shield.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imgedge.cache.Freshness;
import io.imgedge.config.TransformConfig.JpegType;
import io.imgedge.shield.DerivativeRequest;
import io.imgedge.shield.OriginException;
import io.imgedge.shield.SourceId;
import io.imgedge.transform.spec.FormatNegotiation;
import io.imgedge.transform.spec.ResizeFilter;
import io.imgedge.transform.spec.TransformDefaults;
import io.imgedge.transform.spec.TransformSpecParser;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireTest {
  private static final TransformDefaults DEFAULTS =
      new TransformDefaults(70, 60, JpegType.PROGRESSIVE, ResizeFilter.BICUBIC, true);

  private static Map<String, String> decode(String query) {
    Map<String, String> out = new HashMap<>();
    for (String pair : query.split("&")) {
      String[] kv = pair.split("=", 2);
      out.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return out;
  }

  @Test
  void request_roundTrips_withTheSameKey() {
    var spec =
        new TransformSpecParser(DEFAULTS)
            .parse("width=300&height=200&fit=crop&format=auto&quality=80,70&bg-color=f00");
    var request =
        new DerivativeRequest(
            new SourceId("site", "photos/a b+c%.jpg"),
            spec,
            FormatNegotiation.negotiate(spec, "image/webp"),
            DEFAULTS);
    DerivativeRequest back = WireRequest.parse(decode(WireRequest.query(request)));
    assertThat(back).isEqualTo(request);
    assertThat(back.key()).isEqualTo(request.key());
    assertThat(back.etag("etag:\"x\"")).isEqualTo(request.etag("etag:\"x\""));
  }

  @Test
  void request_withAnOverlay_roundTrips_andItsKeyJoinsTheOverlaysGroup() {
    TransformSpecParser parser = new TransformSpecParser(DEFAULTS);
    var spec =
        parser
            .parse("width=300&format=png")
            .withOverlay(
                parser.parseOverlay(
                    "overlay=/brand/l%20o%26go.png&overlay-align=bottom,right&overlay-repeat=x"));
    var request =
        new DerivativeRequest(
            new SourceId("site", "photos/a.jpg"),
            spec,
            FormatNegotiation.negotiate(spec, null),
            DEFAULTS);
    DerivativeRequest back = WireRequest.parse(decode(WireRequest.query(request)));
    assertThat(back).isEqualTo(request);
    assertThat(back.key()).isEqualTo(request.key());
    assertThat(request.key().overlaySource()).isEqualTo(new SourceId("site", "brand/l o&go.png"));
    assertThat(request.key().groups())
        .isEqualTo(
            new io.imgedge.cache.Groups(
                java.util.List.of(
                    new SourceId("site", "photos/a.jpg"),
                    new SourceId("site", "brand/l o&go.png"))));
  }

  @Test
  void request_withMissingOrBadParameters_is400() {
    assertThatThrownBy(
            () -> WireRequest.parse(Map.of("origin", "o", "path", "p", "target", "jpeg")))
        .isInstanceOfSatisfying(OriginException.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessageContaining("'defaults'");
    assertThatThrownBy(
            () ->
                WireRequest.parse(
                    Map.of(
                        "origin",
                        "o",
                        "path",
                        "p",
                        "target",
                        "tiff",
                        "defaults",
                        "85,85,AUTO,lanczos3,false,60,80")))
        .hasMessageContaining("'target'");
  }

  @Test
  void freshness_travelsAsAnAge_soClocksNeedNotAgree() {
    Instant sent = Instant.parse("2026-11-22T12:00:00Z");
    Freshness f =
        new Freshness(
            sent.minusSeconds(30),
            Duration.ofSeconds(5),
            Duration.ofSeconds(600),
            Duration.ofSeconds(60),
            Duration.ofDays(1),
            true);
    String header = WireResponse.freshness(f, sent);
    Instant receivedOnASkewedClock = sent.plusSeconds(3600);
    Freshness back = WireResponse.freshness(header, receivedOnASkewedClock);
    assertThat(back.age(receivedOnASkewedClock)).hasSeconds(35);
    assertThat(back.lifetime()).hasSeconds(600);
    assertThat(back.staleWhileRevalidate()).hasSeconds(60);
    assertThat(back.staleIfError()).hasDays(1);
    assertThat(WireResponse.freshness("storable=0", sent).storable()).isFalse();
    assertThat(WireResponse.freshness("garbage", sent).storable()).isFalse();
  }

  @Test
  void purgeCommands_roundTrip_andRejectJunk() {
    for (PurgeCommand c :
        new PurgeCommand[] {
          new PurgeCommand.Source(new SourceId("site", "a/b:c.jpg")),
          new PurgeCommand.SurrogateKey("product-42"),
          new PurgeCommand.All()
        }) {
      assertThat(PurgeCommand.decode(c.encode())).isEqualTo(c);
    }
    assertThat(PurgeCommand.decode("source:nocolon")).isNull();
    assertThat(PurgeCommand.decode("key:")).isNull();
    assertThat(PurgeCommand.decode("everything")).isNull();
  }
}
