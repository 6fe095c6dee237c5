package io.imgedge.transform.codec.avif;

/**
 * How to encode an AVIF with libavif 0.11 and aom. The quantizers are AV1's 0-63 scale (0 is the
 * best quality; 0 for both bounds of a plane is lossless, given 4:4:4): a fixed quantizer is {@code
 * min == max}.
 *
 * @param speed aom's speed, 0 (slowest, smallest) to 10 (fastest)
 * @param subsampling chroma subsampling: {@code 420} or {@code 444}
 * @param maxThreads at most this many threads at work in one encode (1 or more; aom uses more only
 *     for tiled or large images)
 * @param minQuantizer the colour planes' lowest quantizer, 0-63
 * @param maxQuantizer the colour planes' highest quantizer, {@code minQuantizer}-63
 * @param minQuantizerAlpha the alpha plane's lowest quantizer, 0-63
 * @param maxQuantizerAlpha the alpha plane's highest quantizer, {@code minQuantizerAlpha}-63
 */
public record AvifSettings(
    int speed,
    int subsampling,
    int maxThreads,
    int minQuantizer,
    int maxQuantizer,
    int minQuantizerAlpha,
    int maxQuantizerAlpha) {

  /** 4:2:0: chroma at half the resolution in both directions. */
  public static final int YUV420 = 420;

  /** 4:4:4: full-resolution chroma. */
  public static final int YUV444 = 444;

  /**
   * The alpha plane's quantizer in {@link #forQuality}: near-lossless, whatever the colour's.
   * Chosen by measurement ({@code AvifMeasurements}: the 720x588 sharp photo under an elliptical
   * mask, speed 8, 4:2:0, colour quantizer 25, 39-43 KB in all): a lossless alpha plane (0) cost
   * 17.8 KB with a 40-pixel soft edge and 6.6 KB with a hard one; quantizer 5 cost 3.2 KB and 3.7
   * KB, with a mean alpha error of 0.09 and 0.006 levels and at most 11 and 6 levels on single edge
   * pixels; 10 saved little more (2.5 KB, 3.2 KB) for errors up to 15, and 20 rang at the hard edge
   * (63).
   */
  public static final int ALPHA_QUANTIZER = 5;

  private static final int WORST_QUANTIZER = 63;

  /** Checks the ranges. */
  public AvifSettings {
    if (speed < 0 || speed > 10) {
      throw new IllegalArgumentException("the speed must be 0-10: " + speed);
    }
    if (subsampling != YUV420 && subsampling != YUV444) {
      throw new IllegalArgumentException("the subsampling must be 420 or 444: " + subsampling);
    }
    if (maxThreads < 1) {
      throw new IllegalArgumentException("at least one thread: " + maxThreads);
    }
    checkQuantizers(minQuantizer, maxQuantizer, "colour");
    checkQuantizers(minQuantizerAlpha, maxQuantizerAlpha, "alpha");
  }

  /**
   * Settings for a quality of 1-100 (the {@code quality} parameter): a fixed colour quantizer of
   * {@link #quantizer(int)}, and a near-lossless alpha plane ({@link #ALPHA_QUANTIZER}).
   *
   * @param quality 1 (smallest) to 100 (best)
   */
  public static AvifSettings forQuality(int quality, int speed, int subsampling, int maxThreads) {
    int q = quantizer(quality);
    return new AvifSettings(speed, subsampling, maxThreads, q, q, ALPHA_QUANTIZER, ALPHA_QUANTIZER);
  }

  /**
   * The AV1 quantizer for a quality of 1-100: libavif 1.x's own mapping, {@code round((100 -
   * quality) * 63 / 100)} (quality 60 is quantizer 25, 80 is 13, 100 is 0). libavif 0.11 has no
   * quality setting. This is the one place to re-tune the scale by measurement.
   */
  public static int quantizer(int quality) {
    if (quality < 1 || quality > 100) {
      throw new IllegalArgumentException("the quality must be 1-100: " + quality);
    }
    return ((100 - quality) * WORST_QUANTIZER + 50) / 100;
  }

  /** Whether chroma is subsampled 4:2:0. */
  public boolean subsampled() {
    return subsampling == YUV420;
  }

  private static void checkQuantizers(int min, int max, String plane) {
    if (min < 0 || max > WORST_QUANTIZER || min > max) {
      throw new IllegalArgumentException(
          "the " + plane + " quantizers must be 0 <= min <= max <= 63: " + min + ", " + max);
    }
  }
}
