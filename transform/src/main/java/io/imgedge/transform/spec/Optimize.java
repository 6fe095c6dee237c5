package io.imgedge.transform.spec;

/**
 * Automatic quality ({@code optimize=}) for JPEG and WebP, used when no {@code quality} is given.
 * Like Fastly's, the mapping is subject to change (it is part of the pipeline version).
 */
public enum Optimize {
  /** Close to the source: quality 90. */
  LOW(90),
  /** Quality 80. */
  MEDIUM(80),
  /** Smallest files, minor artifacts: quality 65. */
  HIGH(65);

  private final int quality;

  Optimize(int quality) {
    this.quality = quality;
  }

  /** The quality this level encodes with. */
  public int quality() {
    return quality;
  }

  /** The canonical name. */
  public String canonical() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
