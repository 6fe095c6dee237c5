package io.imgedge.config;

import java.util.List;

/**
 * The whole, validated configuration of one node. Built by {@link ConfigLoader}; immutable.
 *
 * @param node listening addresses and ports
 * @param origins where source images come from, longest path prefix first
 * @param cache cache sizes and default freshness
 * @param limits image limits and admission control
 * @param transform service-wide transform defaults
 * @param fetch origin fetch timeouts
 * @param cluster Hazelcast membership
 * @param shield how edges reach the shield tier
 * @param admin the admin API's access
 * @param security request security (signed URLs)
 * @param log request logging
 * @param tls TLS on the public port
 */
public record ImgedgeConfig(
    NodeConfig node,
    List<OriginConfig> origins,
    CacheConfig cache,
    LimitsConfig limits,
    TransformConfig transform,
    FetchConfig fetch,
    ClusterConfig cluster,
    ShieldConfig shield,
    AdminConfig admin,
    SecurityConfig security,
    LogConfig log,
    TlsConfig tls) {

  /** Copies the origin list. */
  public ImgedgeConfig {
    origins = List.copyOf(origins);
  }

  /** The embedded default: no file, no environment, the bundled samples as the only origin. */
  public static ImgedgeConfig defaults() {
    return ConfigLoader.load(null, java.util.Map.of(), CommandLineOverrides.NONE);
  }
}
