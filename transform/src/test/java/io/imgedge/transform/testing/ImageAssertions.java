package io.imgedge.transform.testing;

import java.awt.image.BufferedImage;

/**
 * Entry points for AssertJ assertions on images, e.g.
 *
 * {@snippet :
 * assertThatImage(rendered)
 *     .hasSize(45, 100)
 *     .hasBoxMeanCloseTo(29, 54, 1, 1, new Rgb(0, 102, 209), 6);
 * }
 */
public final class ImageAssertions {
  private ImageAssertions() {}

  /** Assertions on a decoded image. */
  public static ImageAssert assertThatImage(BufferedImage actual) {
    return new ImageAssert(actual);
  }

  /** Assertions on encoded bytes, decoded with {@link TestImages#decode}. */
  public static ImageAssert assertThatImage(byte[] encoded) {
    return new ImageAssert(TestImages.decode(encoded));
  }
}
