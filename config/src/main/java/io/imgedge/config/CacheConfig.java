package io.imgedge.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Cache sizes and the freshness rules used when an origin (or its configuration) says nothing.
 *
 * @param edgeMaxBytes bytes of derivatives an edge keeps in memory ({@code cache.edge-max-bytes})
 * @param sourceMaxBytes bytes of original images a shield keeps ({@code cache.source-max-bytes})
 * @param shieldMaxBytes bytes of derivatives a shield keeps ({@code cache.shield-max-bytes})
 * @param defaultTtl freshness lifetime when the origin sends no Cache-Control or Expires ({@code
 *     cache.default-ttl})
 * @param staleWhileRevalidate how long a stale object is still served while one refresh runs in the
 *     background, when the origin says nothing (RFC 5861) ({@code cache.stale-while-revalidate})
 * @param staleIfError how long a stale object is served when the origin or the shield fails, when
 *     the origin says nothing (RFC 5861) ({@code cache.stale-if-error})
 * @param keepStale how long stale sources are kept for revalidation with a conditional request
 *     ({@code cache.keep-stale})
 * @param negativeTtl how long an origin's "not found" and a failed render are remembered, so that
 *     repeated requests for them cost nothing ({@code cache.negative-ttl}; 0 disables)
 * @param originFailureTtl how long any other origin failure (an error status, a timeout, a body
 *     that never ends, a refused address) is remembered and answered at once, so that a failing
 *     source costs one attempt per period, not one per request ({@code cache.origin-failure-ttl}; 0
 *     disables)
 * @param disk the disk tier ({@code cache.disk.*}; off unless {@code cache.disk.path} is set)
 */
public record CacheConfig(
    long edgeMaxBytes,
    long sourceMaxBytes,
    long shieldMaxBytes,
    Duration defaultTtl,
    Duration staleWhileRevalidate,
    Duration staleIfError,
    Duration keepStale,
    Duration negativeTtl,
    Duration originFailureTtl,
    Disk disk) {

  /**
   * The disk tier: objects kept in files under {@code path}, so that a restarted node answers from
   * disk instead of sending its whole working set back to the origins. Each tier has its share of
   * {@code maxBytes}, in its own folder: a shield (or an all-in-one node) keeps originals in {@code
   * source/} ({@link #SOURCE_SHARE_PERCENT} %) and derivatives in {@code shield/} (the rest); an
   * edge keeps its derivatives in {@code edge/} (all of it).
   *
   * @param path the folder, made if missing, or null: no disk tier ({@code cache.disk.path})
   * @param maxBytes the most bytes the tiers' files take together ({@code cache.disk.max-bytes})
   * @param timeout how long a request waits for a disk read before going on without it; a disk that
   *     keeps being this slow turns its tier off ({@code cache.disk.timeout})
   */
  public record Disk(@Nullable Path path, long maxBytes, Duration timeout) {
    /** The originals' share of {@code maxBytes} at a shield, in percent. */
    public static final int SOURCE_SHARE_PERCENT = 50;

    /** Whether the disk tier is on. */
    public boolean enabled() {
      return path != null;
    }

    /** The bytes of originals a shield keeps on disk. */
    public long sourceBytes() {
      return maxBytes * SOURCE_SHARE_PERCENT / 100;
    }

    /** The bytes of derivatives a shield keeps on disk. */
    public long shieldBytes() {
      return maxBytes - sourceBytes();
    }

    /** The bytes of derivatives an edge keeps on disk. */
    public long edgeBytes() {
      return maxBytes;
    }

    static Disk from(Settings s) {
      long maxBytes = s.bytes("cache.disk.max-bytes", 1L << 20);
      Duration timeout = s.duration("cache.disk.timeout", Duration.ofMillis(1));
      if (s.isEmpty("cache.disk.path")) {
        return new Disk(null, maxBytes, timeout);
      }
      Path path = Path.of(s.string("cache.disk.path")).toAbsolutePath().normalize();
      if (Files.exists(path) && !Files.isDirectory(path)) {
        throw ConfigException.invalid(
            s.raw("cache.disk.path"), "a folder (this path is a file), or empty for no disk tier");
      }
      return new Disk(path, maxBytes, timeout);
    }
  }

  static CacheConfig from(Settings s, MemoryPlan plan) {
    return new CacheConfig(
        s.isEmpty("cache.edge-max-bytes") ? plan.edgeCache() : s.bytes("cache.edge-max-bytes", 0),
        s.isEmpty("cache.source-max-bytes")
            ? plan.sourceCache()
            : s.bytes("cache.source-max-bytes", 0),
        s.isEmpty("cache.shield-max-bytes")
            ? plan.shieldCache()
            : s.bytes("cache.shield-max-bytes", 0),
        s.duration("cache.default-ttl", Duration.ZERO),
        s.duration("cache.stale-while-revalidate", Duration.ZERO),
        s.duration("cache.stale-if-error", Duration.ZERO),
        s.duration("cache.keep-stale", Duration.ZERO),
        s.duration("cache.negative-ttl", Duration.ZERO),
        s.duration("cache.origin-failure-ttl", Duration.ZERO),
        Disk.from(s));
  }
}
