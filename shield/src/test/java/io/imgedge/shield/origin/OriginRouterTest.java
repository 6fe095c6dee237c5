package io.imgedge.shield.origin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imgedge.config.OriginConfig;
import io.imgedge.shield.OriginException;
import io.imgedge.shield.SourceId;
import io.imgedge.shield.SourceObject;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OriginRouterTest {
  private static final OriginClient NONE =
      (id, previous) -> CompletableFuture.<SourceObject>failedFuture(new AssertionError());

  private final OriginRouter router =
      new OriginRouter(
          List.of(
              new OriginConfig(
                  "site",
                  "/",
                  OriginConfig.Kind.HTTP,
                  null,
                  URI.create("http://127.0.0.1:1"),
                  null,
                  null,
                  OriginConfig.TtlRules.DEFAULTS,
                  true,
                  false),
              new OriginConfig(
                  "photos",
                  "/photos/",
                  OriginConfig.Kind.HTTP,
                  null,
                  URI.create("http://127.0.0.1:2"),
                  null,
                  null,
                  OriginConfig.TtlRules.DEFAULTS,
                  true,
                  false)),
          c -> NONE);

  @Test
  void route_longestPrefixWins() {
    assertThat(router.route("/photos/cat.jpg").id()).isEqualTo(new SourceId("photos", "cat.jpg"));
    assertThat(router.route("/logo.png").id()).isEqualTo(new SourceId("site", "logo.png"));
    assertThat(router.route("/photosx/a.jpg").id())
        .isEqualTo(new SourceId("site", "photosx/a.jpg"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/../etc/passwd",
        "/a/../../b.jpg",
        "/a/./b.jpg",
        "//b.jpg",
        "/a\\b.jpg",
        "/a\u0000.jpg",
        "",
        "relative.jpg",
        "/"
      })
  void route_invalidPath_is400(String path) {
    assertThatThrownBy(() -> router.route(path))
        .isInstanceOfSatisfying(OriginException.class, e -> assertThat(e.status()).isIn(400, 404));
  }

  @Test
  void route_dotDot_isInvalidNotNotFound() {
    assertThatThrownBy(() -> router.route("/photos/../x.jpg"))
        .isInstanceOfSatisfying(OriginException.class, e -> assertThat(e.status()).isEqualTo(400));
  }

  @Test
  void route_unservedPath_is404() {
    OriginRouter only =
        new OriginRouter(
            List.of(
                new OriginConfig(
                    "photos",
                    "/photos/",
                    OriginConfig.Kind.HTTP,
                    null,
                    URI.create("http://127.0.0.1:2"),
                    null,
                    null,
                    OriginConfig.TtlRules.DEFAULTS,
                    true,
                    false)),
            c -> NONE);
    assertThatThrownBy(() -> only.route("/other/x.jpg"))
        .isInstanceOfSatisfying(OriginException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void route_hostSpecificOriginsComeFirst() {
    OriginRouter hosts =
        new OriginRouter(
            List.of(
                new OriginConfig(
                    "any",
                    "/",
                    OriginConfig.Kind.HTTP,
                    null,
                    URI.create("http://127.0.0.1:1"),
                    null,
                    null,
                    OriginConfig.TtlRules.DEFAULTS,
                    true,
                    false),
                new OriginConfig(
                    "img",
                    "/",
                    OriginConfig.Kind.HTTP,
                    null,
                    URI.create("http://127.0.0.1:2"),
                    "img.example.com",
                    null,
                    OriginConfig.TtlRules.DEFAULTS,
                    true,
                    false)),
            c -> NONE);
    assertThat(hosts.route("IMG.example.com", "/a.jpg").id().origin()).isEqualTo("img");
    assertThat(hosts.route("other.example.com", "/a.jpg").id().origin()).isEqualTo("any");
    assertThat(hosts.route(null, "/a.jpg").id().origin()).isEqualTo("any");
    assertThat(hosts.route(new SourceId("img", "a.jpg")).id())
        .isEqualTo(new SourceId("img", "a.jpg"));
    assertThatThrownBy(() -> hosts.route(new SourceId("nope", "a.jpg")))
        .isInstanceOfSatisfying(OriginException.class, e -> assertThat(e.status()).isEqualTo(404));
  }
}
