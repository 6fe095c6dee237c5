package io.imgedge.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How edges reach the shield tier.
 *
 * @param pops shield POPs by name, each a list of shield nodes' internal URLs ({@code shield-pops}
 *     in YAML); origins name the POP that protects them, by default the first
 * @param fallback what an edge does when every shield node of a POP is down ({@code
 *     shield.fallback})
 * @param timeout how long an edge waits for a shield node before trying the next ({@code
 *     shield.timeout})
 */
public record ShieldConfig(Map<String, List<URI>> pops, Fallback fallback, Duration timeout) {

  /** What an edge does when no shield answers. */
  public enum Fallback {
    /** Fetch the origin and render at the edge (the work is still done, if not once). */
    ORIGIN,
    /** Serve a stale copy if the edge has one, else 503. */
    STALE,
    /** Answer 503. */
    ERROR
  }

  /** Copies the map and lists. */
  public ShieldConfig {
    pops = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pops));
  }

  /** The nodes of a POP, or of the first POP for a null name; empty if there are no POPs. */
  public List<URI> nodes(@Nullable String pop) {
    if (pop != null) {
      return pops.getOrDefault(pop, List.of());
    }
    return pops.isEmpty() ? List.of() : pops.values().iterator().next();
  }

  static ShieldConfig from(Settings s, Map<String, List<URI>> pops) {
    return new ShieldConfig(
        pops,
        s.choice("shield.fallback", Fallback.class),
        s.duration("shield.timeout", Duration.ofMillis(10)));
  }
}
