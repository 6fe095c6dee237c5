package io.imgedge.cache;

import java.util.List;

/** A value a {@link LocalTier} can hold: it knows its size and how long it stays fresh. */
public interface Cacheable {

  /** The bytes this value holds, for weighing; include the payload, not object overhead. */
  long sizeInBytes();

  /** How long it stays fresh, and whether it may be stored at all. */
  Freshness freshness();

  /** The origin's {@code Surrogate-Key}s it carries, for purges by surrogate key (none here). */
  default List<String> surrogateKeys() {
    return List.of();
  }
}
