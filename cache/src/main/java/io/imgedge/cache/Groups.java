package io.imgedge.cache;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a tier's group function returns for a key that belongs to several groups at once: a
 * derivative of one source with an overlay made of another is purged with either. Any other value a
 * group function returns is a single group.
 *
 * @param members the groups, at least one
 */
public record Groups(List<Object> members) {
  /** Copies the groups. */
  public Groups {
    members = List.copyOf(members);
    if (members.isEmpty()) {
      throw new IllegalArgumentException("a key belongs to at least one group");
    }
  }

  /** The groups a group function's value names. */
  public static List<Object> of(Object value) {
    return value instanceof Groups g ? g.members() : List.of(value);
  }

  /** Whether a group function's value (one group, or {@link Groups}) includes {@code group}. */
  public static boolean matches(@Nullable Object value, Object group) {
    return value != null
        && (value instanceof Groups g ? g.members().contains(group) : group.equals(value));
  }
}
