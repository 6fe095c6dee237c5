package io.imgedge.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One origin: where the source images under a path prefix come from.
 *
 * <p>A request for {@code /photos/cat.jpg} is served by the origin with the longest matching {@code
 * path-prefix}; the rest of the path is looked up in that origin (for a prefix of {@code /photos/},
 * {@code cat.jpg}).
 *
 * @param name a name for logs and metrics
 * @param pathPrefix the public path prefix, starting and ending with {@code /}
 * @param kind where the images are
 * @param folder for {@link Kind#FOLDER}: the folder (no request can escape it)
 * @param baseUrl for {@link Kind#HTTP}: the base URL the remaining path is appended to
 * @param host the request Host this origin serves (without port), or null for any host
 * @param shield the shield POP that protects this origin, or null for the first POP
 * @param freshness this origin's TTL rules
 * @param allowPrivate whether an HTTP origin may be on a private, loopback or link-local address
 *     ({@code allow-private}; off by default, so that no configuration mistake or DNS answer can
 *     turn imgedge into a proxy into a private network; on for an {@code --origin} given on the
 *     command line)
 * @param signed whether requests for this origin's images must carry a valid signature ({@code
 *     signed}; see {@code security.signing-keys})
 * @param redirectHosts the other hosts an HTTP origin may redirect to ({@code redirect-hosts});
 *     redirects are followed to the origin's own host only otherwise, whatever {@code
 *     allow-private} says, and every hop is still checked by the address guard
 * @param overlay a watermark composited over every image this origin serves ({@code overlay}, the
 *     syntax of the {@code X-Fastly-Imageopto-Overlay} header, e.g. {@code
 *     overlay=/logo.png&overlay-align=bottom,right&overlay-width=0.2}; the path is within this
 *     origin), or null for none
 */
public record OriginConfig(
    String name,
    String pathPrefix,
    Kind kind,
    @Nullable Path folder,
    @Nullable URI baseUrl,
    @Nullable String host,
    @Nullable String shield,
    TtlRules freshness,
    boolean allowPrivate,
    boolean signed,
    java.util.List<String> redirectHosts,
    @Nullable String overlay) {

  /** An origin without a watermark. */
  public OriginConfig(
      String name,
      String pathPrefix,
      Kind kind,
      @Nullable Path folder,
      @Nullable URI baseUrl,
      @Nullable String host,
      @Nullable String shield,
      TtlRules freshness,
      boolean allowPrivate,
      boolean signed,
      java.util.List<String> redirectHosts) {
    this(
        name,
        pathPrefix,
        kind,
        folder,
        baseUrl,
        host,
        shield,
        freshness,
        allowPrivate,
        signed,
        redirectHosts,
        null);
  }

  /** The same origin with this watermark ({@code overlay}), or none for null. */
  public OriginConfig withOverlay(@Nullable String overlay) {
    return new OriginConfig(
        name,
        pathPrefix,
        kind,
        folder,
        baseUrl,
        host,
        shield,
        freshness,
        allowPrivate,
        signed,
        redirectHosts,
        overlay);
  }

  /** An origin that redirects to its own host only. */
  public OriginConfig(
      String name,
      String pathPrefix,
      Kind kind,
      @Nullable Path folder,
      @Nullable URI baseUrl,
      @Nullable String host,
      @Nullable String shield,
      TtlRules freshness,
      boolean allowPrivate,
      boolean signed) {
    this(
        name,
        pathPrefix,
        kind,
        folder,
        baseUrl,
        host,
        shield,
        freshness,
        allowPrivate,
        signed,
        java.util.List.of());
  }

  /** Copies the list; host names are compared in lower case. */
  public OriginConfig {
    redirectHosts = redirectHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
  }

  /**
   * How long this origin's images stay fresh. Each null value falls back to the {@code cache.*}
   * default.
   *
   * @param defaultTtl lifetime when the origin's responses say nothing ({@code default-ttl})
   * @param overrideTtl a lifetime that replaces whatever the origin says ({@code override-ttl})
   * @param staleWhileRevalidate RFC 5861 window when the origin says nothing ({@code
   *     stale-while-revalidate})
   * @param staleIfError RFC 5861 window when the origin says nothing ({@code stale-if-error})
   */
  public record TtlRules(
      @Nullable Duration defaultTtl,
      @Nullable Duration overrideTtl,
      @Nullable Duration staleWhileRevalidate,
      @Nullable Duration staleIfError) {

    /** No rules of its own: the node's defaults apply. */
    public static final TtlRules DEFAULTS = new TtlRules(null, null, null, null);
  }

  /** Where an origin's images are. */
  public enum Kind {
    /** The sample images bundled with imgedge. */
    SAMPLES,
    /** A local folder. */
    FOLDER,
    /** An HTTP(S) server. */
    HTTP
  }

  /** The origin serving the bundled sample images at {@code /}. */
  public static OriginConfig samples() {
    return new OriginConfig(
        "samples", "/", Kind.SAMPLES, null, null, null, null, TtlRules.DEFAULTS, false, false);
  }

  /**
   * The origin a command-line {@code --origin} names: an {@code http(s)://} base URL or a folder.
   *
   * @throws ConfigException if it is neither an HTTP URL nor an existing folder
   */
  public static OriginConfig fromCommandLine(String target) {
    Setting setting = new Setting("--origin", target, "command line");
    String lower = target.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      return new OriginConfig(
          "origin",
          "/",
          Kind.HTTP,
          null,
          Settings.httpUri(setting),
          null,
          null,
          TtlRules.DEFAULTS,
          true,
          false);
    }
    return new OriginConfig(
        "origin",
        "/",
        Kind.FOLDER,
        existingFolder(setting),
        null,
        null,
        null,
        TtlRules.DEFAULTS,
        false,
        false);
  }

  static Path existingFolder(Setting setting) {
    Path folder = Path.of(setting.value().trim()).toAbsolutePath().normalize();
    if (!folder.toFile().isDirectory()) {
      throw ConfigException.invalid(setting, "an existing folder or an http(s):// URL");
    }
    return folder;
  }

  /** Describes the origin for the start-up log line. */
  public String describe() {
    return switch (kind) {
          case SAMPLES -> "bundled sample images";
          case FOLDER -> "folder " + folder;
          case HTTP -> String.valueOf(baseUrl);
        }
        + (host == null ? "" : " for host " + host)
        + (pathPrefix.equals("/") ? "" : " at " + pathPrefix);
  }
}
