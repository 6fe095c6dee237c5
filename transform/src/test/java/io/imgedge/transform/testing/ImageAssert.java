package io.imgedge.transform.testing;

import java.awt.image.BufferedImage;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link BufferedImage}; start with {@link
 * ImageAssertions#assertThatImage}.
 */
public final class ImageAssert extends AbstractAssert<ImageAssert, BufferedImage> {

  ImageAssert(BufferedImage actual) {
    super(actual, ImageAssert.class);
  }

  /** The image is {@code width} x {@code height}. */
  public ImageAssert hasSize(int width, int height) {
    isNotNull();
    if (actual.getWidth() != width || actual.getHeight() != height) {
      failWithMessage(
          "expected a %dx%d image but it is %dx%d",
          width, height, actual.getWidth(), actual.getHeight());
    }
    return this;
  }

  /** The image's colour model has an alpha channel. */
  public ImageAssert hasAlphaChannel() {
    isNotNull();
    if (!actual.getColorModel().hasAlpha()) {
      failWithMessage(
          "expected an alpha channel, but the image (type %d) has none", actual.getType());
    }
    return this;
  }

  /** The image's colour model has no alpha channel. */
  public ImageAssert hasNoAlphaChannel() {
    isNotNull();
    if (actual.getColorModel().hasAlpha()) {
      failWithMessage(
          "expected no alpha channel, but the image (type %d) has one", actual.getType());
    }
    return this;
  }

  /** Every pixel has alpha 255 (true of any image without an alpha channel). */
  public ImageAssert isOpaque() {
    isNotNull();
    Pixels.AlphaCounts counts = Pixels.alphaCounts(actual);
    if (counts.transparent() + counts.partial() > 0) {
      failWithMessage("expected an opaque image, but %s", counts);
    }
    return this;
  }

  /** Some pixels have alpha 0. */
  public ImageAssert hasTransparentPixels() {
    isNotNull();
    if (Pixels.alphaCounts(actual).transparent() == 0) {
      failWithMessage("expected some fully transparent pixels, but there are none");
    }
    return this;
  }

  /** Some pixels have an alpha strictly between 0 and 255. */
  public ImageAssert hasPartlyTransparentPixels() {
    isNotNull();
    if (Pixels.alphaCounts(actual).partial() == 0) {
      failWithMessage("expected some partly transparent pixels, but there are none");
    }
    return this;
  }

  /** The pixel at (x, y) is exactly this non-premultiplied ARGB value. */
  public ImageAssert hasArgbAt(int x, int y, int argb) {
    isNotNull();
    int p = actual.getRGB(x, y);
    if (p != argb) {
      failWithMessage("expected ARGB %08x at (%d,%d) but found %08x", argb, x, y, p);
    }
    return this;
  }

  /**
   * The mean colour of a box is within {@code tolerance} levels of {@code expected} per channel.
   */
  public ImageAssert hasBoxMeanCloseTo(
      int x, int y, int width, int height, Rgb expected, int tolerance) {
    isNotNull();
    Rgb mean = Pixels.boxMean(actual, x, y, width, height);
    if (!mean.isCloseTo(expected, tolerance)) {
      failWithMessage(
          "expected the %dx%d box at (%d,%d) to be %s within %d levels per channel, but it is %s",
          width, height, x, y, expected, tolerance, mean);
    }
    return this;
  }

  /** The colour of the pixel at (x, y) is within {@code tolerance} levels of {@code expected}. */
  public ImageAssert hasColorCloseTo(int x, int y, Rgb expected, int tolerance) {
    return hasBoxMeanCloseTo(x, y, 1, 1, expected, tolerance);
  }

  /** The mean colour of the whole image is within {@code tolerance} levels of {@code expected}. */
  public ImageAssert hasMeanCloseTo(Rgb expected, int tolerance) {
    isNotNull();
    return hasBoxMeanCloseTo(0, 0, actual.getWidth(), actual.getHeight(), expected, tolerance);
  }

  /** Every pixel is gray: its channels differ by at most {@code tolerance}. */
  public ImageAssert isNeutralGray(int tolerance) {
    isNotNull();
    for (int y = 0; y < actual.getHeight(); y++) {
      for (int x = 0; x < actual.getWidth(); x++) {
        Rgb c = Pixels.rgbAt(actual, x, y);
        if (!c.isNeutral(tolerance)) {
          failWithMessage(
              "expected neutral gray (channels within %d) but (%d,%d) is %s", tolerance, x, y, c);
        }
      }
    }
    return this;
  }

  /** Every pixel has the same ARGB value. */
  public ImageAssert isUniform() {
    isNotNull();
    int first = actual.getRGB(0, 0);
    for (int y = 0; y < actual.getHeight(); y++) {
      for (int x = 0; x < actual.getWidth(); x++) {
        if (actual.getRGB(x, y) != first) {
          failWithMessage(
              "expected a uniform image of %08x but (%d,%d) is %08x",
              first, x, y, actual.getRGB(x, y));
        }
      }
    }
    return this;
  }

  /** Same size and exactly the same non-premultiplied ARGB pixels as {@code expected}. */
  public ImageAssert hasSamePixelsAs(BufferedImage expected) {
    hasSize(expected.getWidth(), expected.getHeight());
    for (int y = 0; y < expected.getHeight(); y++) {
      for (int x = 0; x < expected.getWidth(); x++) {
        if (actual.getRGB(x, y) != expected.getRGB(x, y)) {
          failWithMessage(
              "pixel (%d,%d) is %08x, expected %08x",
              x, y, actual.getRGB(x, y), expected.getRGB(x, y));
        }
      }
    }
    return this;
  }

  /** Same size, and an RGB {@link Pixels#rmsePercent RMSE} of at most {@code maxPercent}. */
  public ImageAssert isCloseTo(BufferedImage expected, double maxPercent) {
    hasSize(expected.getWidth(), expected.getHeight());
    double rmse = Pixels.rmsePercent(actual, expected);
    if (rmse > maxPercent) {
      failWithMessage("expected an RMSE of at most %.2f%% but it is %.2f%%", maxPercent, rmse);
    }
    return this;
  }

  /** Same size, and an RGB {@link Pixels#rmsePercent RMSE} of at least {@code minPercent}. */
  public ImageAssert isNotCloseTo(BufferedImage other, double minPercent) {
    hasSize(other.getWidth(), other.getHeight());
    double rmse = Pixels.rmsePercent(actual, other);
    if (rmse < minPercent) {
      failWithMessage("expected an RMSE of at least %.2f%% but it is %.2f%%", minPercent, rmse);
    }
    return this;
  }
}
