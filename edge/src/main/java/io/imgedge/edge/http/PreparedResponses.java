package io.imgedge.edge.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.imgedge.cache.Freshness;
import io.imgedge.cache.HttpFreshness;
import io.imgedge.shield.Derivative;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What the hit path would otherwise recompute for every response of a derivative: its bytes in a
 * direct buffer (the socket write then needs no copy from the heap), its {@code Last-Modified} and
 * {@code Cache-Control} values. Kept per derivative object (weak identity keys: an entry goes when
 * the edge cache drops its derivative), bounded in bytes. A 304 needs no bytes, only the header
 * values, which it finds formatted here too (an HTTP date costs more to format than the rest of a
 * 304 to answer).
 */
final class PreparedResponses {
  /** How many distinct dates and max-ages are kept formatted; past it the memo starts over. */
  private static final int MAX_VALUES = 4096;

  private static final String NO_STORE = "private, no-store";

  private final Cache<Derivative, Prepared> prepared;
  private final Map<Instant, String> dates = new ConcurrentHashMap<>();
  private final Map<Long, String> cacheControls = new ConcurrentHashMap<>();

  /**
   * A derivative's precomputed response parts.
   *
   * @param body the image bytes, read-only and direct; send a {@link ByteBuffer#duplicate()}
   * @param lastModified the {@code Last-Modified} value, or null
   * @param cacheControl the {@code Cache-Control} value
   */
  record Prepared(ByteBuffer body, @Nullable String lastModified, String cacheControl) {}

  /**
   * @param maxBytes the most image bytes kept in direct buffers
   */
  PreparedResponses(long maxBytes) {
    this.prepared =
        Caffeine.newBuilder()
            .weakKeys()
            .maximumWeight(maxBytes)
            .weigher((Derivative d, Prepared p) -> p.body().capacity())
            .executor(Runnable::run)
            .build();
  }

  /** The prepared parts of a derivative, made on its first hit. */
  Prepared of(Derivative d) {
    Prepared p = prepared.getIfPresent(d);
    return p != null ? p : prepared.get(d, this::prepare);
  }

  /** An instant as an HTTP date (IMF-fixdate), formatted once. */
  String httpDate(Instant instant) {
    return remembered(dates, instant, HttpFreshness::format);
  }

  /** The {@code Cache-Control} value of an answer with this freshness, built once per max-age. */
  String cacheControl(Freshness freshness) {
    return freshness.storable()
        ? remembered(cacheControls, freshness.maxAgeSeconds(), age -> "public, max-age=" + age)
        : NO_STORE;
  }

  /** A value from a bounded memo: past {@value #MAX_VALUES} entries it starts over. */
  private static <K> String remembered(Map<K, String> memo, K key, Function<K, String> make) {
    String value = memo.get(key);
    if (value == null) {
      if (memo.size() >= MAX_VALUES) {
        memo.clear();
      }
      value = make.apply(key);
      memo.put(key, value);
    }
    return value;
  }

  private Prepared prepare(Derivative d) {
    ByteBuffer body =
        ByteBuffer.allocateDirect(d.bytes().length).put(d.bytes()).flip().asReadOnlyBuffer();
    String lastModified = d.lastModified() == null ? null : httpDate(d.lastModified());
    return new Prepared(body, lastModified, cacheControl(d.freshness()));
  }
}
