package io.imgedge.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every scalar configuration key and its default, in one place. A key missing here is unknown. The
 * README's configuration table lists the same keys.
 */
final class Defaults {
  static final Map<String, String> VALUES = build();

  private Defaults() {}

  private static Map<String, String> build() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("node.public-bind", "0.0.0.0");
    d.put("node.public-port", "8080");
    d.put("node.admin-bind", "127.0.0.1");
    d.put("node.admin-port", "8081");
    d.put("node.role", "all-in-one");
    d.put("node.internal-bind", "127.0.0.1");
    d.put("node.internal-port", "8082");
    d.put("node.internal-url", "");
    d.put("node.memory", "");
    d.put("node.h2c", "false");
    d.put("node.drain", "10s");
    d.put("node.drain-delay", "0s");

    d.put("tls.cert", "");
    d.put("tls.key", "");
    d.put("tls.reload-check", "5s");

    d.put("admin.token", "");
    d.put("security.signing-keys", "");
    d.put("security.trusted-proxies", "");
    d.put("security.trust-overlay-header", "false");

    d.put("cache.edge-max-bytes", "");
    d.put("cache.source-max-bytes", "");
    d.put("cache.shield-max-bytes", "");
    d.put("cache.default-ttl", "1h");
    d.put("cache.stale-while-revalidate", "0s");
    d.put("cache.stale-if-error", "0s");
    d.put("cache.keep-stale", "1h");
    d.put("cache.negative-ttl", "10s");
    d.put("cache.origin-failure-ttl", "2s");
    d.put("cache.disk.path", "");
    d.put("cache.disk.max-bytes", "1GiB");
    d.put("cache.disk.timeout", "500ms");

    d.put("limits.max-input-bytes", "50MB");
    d.put("limits.max-input-width", "12000");
    d.put("limits.max-input-height", "12000");
    d.put("limits.max-output-width", "8192");
    d.put("limits.max-output-height", "8192");
    d.put("limits.max-frames", "1000");
    d.put(
        "limits.transform-concurrency", String.valueOf(Runtime.getRuntime().availableProcessors()));
    d.put("limits.transform-queue", "64");
    d.put("limits.request-timeout", "30s");
    d.put("limits.derivatives-per-source-per-minute", "100");
    d.put("limits.yield-queue-depth", "8");
    d.put("limits.yield-max-age", "10s");
    d.put("limits.max-decode-pixels", "300000000");
    d.put("limits.max-render-memory", "");

    d.put("transform.jpeg-quality", "85");
    d.put("transform.webp-quality", "85");
    d.put("transform.jpeg-type", "auto");
    d.put("transform.resize-filter", "lanczos3");
    d.put("transform.upscale", "false");
    d.put("transform.avif-quality", String.valueOf(TransformConfig.DEFAULT_AVIF_QUALITY));
    d.put("transform.jxl-quality", String.valueOf(TransformConfig.DEFAULT_JXL_QUALITY));
    d.put("transform.client-hints", "false");
    d.put("transform.ffmpeg", TransformConfig.DEFAULT_FFMPEG);

    d.put("fetch.connect-timeout", "2s");
    d.put("fetch.header-timeout", "10s");
    d.put("fetch.read-timeout", "10s");
    d.put("fetch.total-timeout", "30s");

    d.put("cluster.name", "imgedge");
    d.put("cluster.bind", "127.0.0.1");
    d.put("cluster.port", "5701");
    d.put("cluster.members", "127.0.0.1");
    d.put("cluster.discovery", "static");
    d.put("cluster.dns.name", "");
    d.put("cluster.dns.port", "0");
    d.put("cluster.peer-timeout", "10s");
    d.put("cluster.heartbeat", "2s");
    d.put("cluster.failure-timeout", "15s");
    d.put("cluster.merge-delay", "30s");

    d.put("shield.fallback", "origin");
    d.put("shield.timeout", "30s");

    d.put("log.access", "off");
    d.put("log.access-file", "");
    return Map.copyOf(d);
  }
}
