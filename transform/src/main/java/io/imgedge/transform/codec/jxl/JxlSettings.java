package io.imgedge.transform.codec.jxl;

/**
 * How to encode JPEG XL.
 *
 * @param distance the Butteraugli distance libjxl aims at (lower is better: 1.0 is "visually
 *     lossless"), from 0 to {@value #MAX_DISTANCE}; 0 means mathematically lossless (modular mode,
 *     {@code JxlEncoderSetFrameLossless}), anything else lossy in the XYB colour space
 * @param effort libjxl's effort (speed tier), 1 (fastest) to 9 (slowest): {@code
 *     JXL_ENC_FRAME_SETTING_EFFORT}, cjxl's {@code -e}; cjxl's default is 7
 * @param progressive encoded for progressive display, as cjxl's {@code -p} does: a progressive DC
 *     and quantised progressive AC passes ({@code PROGRESSIVE_DC}, {@code QPROGRESSIVE_AC}), and
 *     responsive modular data for lossless
 */
public record JxlSettings(float distance, int effort, boolean progressive) {
  /** The largest distance libjxl 0.7 accepts ({@code JxlEncoderSetFrameDistance} refuses more). */
  public static final float MAX_DISTANCE = 25;

  /** Validates the settings. */
  public JxlSettings {
    if (!(distance >= 0 && distance <= MAX_DISTANCE)) {
      throw new IllegalArgumentException(
          "the distance must be 0 to " + MAX_DISTANCE + ": " + distance);
    }
    if (effort < 1 || effort > 9) {
      throw new IllegalArgumentException("the effort must be 1 to 9: " + effort);
    }
  }

  /** Settings for a sequential (not progressive) image. */
  public JxlSettings(float distance, int effort) {
    this(distance, effort, false);
  }

  /** The same settings, encoded for progressive display. */
  public JxlSettings progressively() {
    return new JxlSettings(distance, effort, true);
  }

  /** Mathematically lossless at this effort. */
  public static JxlSettings lossless(int effort) {
    return new JxlSettings(0, effort);
  }

  /**
   * The settings cjxl 0.7 uses for {@code -q quality}: lossless at 100, else {@link
   * #distanceForQuality the distance cjxl maps the quality to}.
   *
   * @param quality 1 to 100; "roughly libjpeg's quality", as cjxl documents it
   * @param effort 1 to 9
   */
  public static JxlSettings forQuality(int quality, int effort) {
    return new JxlSettings(distanceForQuality(quality), effort);
  }

  /**
   * cjxl 0.7's quality-to-distance mapping ({@code tools/cjxl_main.cc} of libjxl 0.7, confirmed
   * against the installed {@code cjxl -q}, which prints d2.350 for q75, d6.592 for q29, d12.650 for
   * q10): 0 (lossless) at 100; {@code 0.1 + (100 - q) * 0.09} from 30 up; {@code 6.4 + 2.5^((30 -
   * q) / 5) / 6.25} below. Below quality 5 that formula passes libjxl's maximum (cjxl 0.7 then
   * fails); here it is capped at {@value #MAX_DISTANCE}. (libjxl 0.8 changed the part below 30 to a
   * quadratic; 30 and up is the same.)
   */
  public static float distanceForQuality(int quality) {
    if (quality < 1 || quality > 100) {
      throw new IllegalArgumentException("the quality must be 1 to 100: " + quality);
    }
    if (quality == 100) {
      return 0;
    }
    double distance =
        quality >= 30
            ? 0.1 + (100 - quality) * 0.09
            : 6.4 + Math.pow(2.5, (30 - quality) / 5.0) / 6.25;
    return (float) Math.min(distance, MAX_DISTANCE);
  }

  /** Whether this is lossless (distance 0). */
  public boolean lossless() {
    return distance == 0;
  }
}
