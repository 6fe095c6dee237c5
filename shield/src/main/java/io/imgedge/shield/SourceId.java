package io.imgedge.shield;

/**
 * Identifies one source image: the origin it comes from and its path within that origin.
 *
 * @param origin the configured origin's name
 * @param path the path within the origin, decoded, without a leading {@code /}
 */
public record SourceId(String origin, String path) {

  /** A stable string form, used in cache keys and ETags: {@code origin:path}. */
  public String key() {
    return origin + ":" + path;
  }

  @Override
  public String toString() {
    return key();
  }
}
