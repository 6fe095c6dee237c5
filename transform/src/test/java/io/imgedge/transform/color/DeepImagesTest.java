package io.imgedge.transform.color;

import static io.imgedge.transform.testing.ImageAssertions.assertThatImage;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Issue 14: 16-bit sources with a profile are converted before they are rounded to 8 bits. */
class DeepImagesTest {
  private static final byte[] LINEAR_RGB =
      ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
  private static final byte[] LINEAR_GRAY = ICC_Profile.getInstance(ColorSpace.CS_GRAY).getData();

  /** Linear 241/65535 is sRGB 12.1/255; rounded to 8 bits first it would be 0, sRGB 0. */
  private static final int DARK = 241;

  @Test
  void toSrgb_8bitSource_isNull_soItKeepsThePendingConversionAfterTheResize() {
    BufferedImage bgr = new BufferedImage(2, 2, BufferedImage.TYPE_3BYTE_BGR);
    assertThat(DeepImages.toSrgb(bgr, LINEAR_RGB)).isNull();
    assertThat(
            DeepImages.toSrgb(new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY), LINEAR_GRAY))
        .isNull();
  }

  @Test
  void toSrgb_16bitWithoutAProfileToApply_isNull() {
    BufferedImage rgb = image(srgb(), false, 1, 1, 100, 200, 300);
    assertThat(DeepImages.toSrgb(rgb, null)).as("no profile").isNull();
    assertThat(DeepImages.toSrgb(rgb, ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()))
        .as("sRGB")
        .isNull();
    assertThat(
            DeepImages.toSrgb(
                rgb, "not a profile".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
        .as("unreadable")
        .isNull();
    assertThat(DeepImages.toSrgb(rgb, LINEAR_GRAY)).as("a gray profile for RGB pixels").isNull();
    BufferedImage gray = new BufferedImage(1, 1, BufferedImage.TYPE_USHORT_GRAY);
    assertThat(DeepImages.toSrgb(gray, null))
        .as("the JDK's gray: sRGB-encoded gray, as today")
        .isNull();
  }

  @Test
  void toSrgb_12bitSamplesInShorts_isNull() {
    var model =
        new ComponentColorModel(
            srgb(),
            new int[] {12, 12, 12},
            false,
            false,
            Transparency.OPAQUE,
            DataBuffer.TYPE_USHORT);
    BufferedImage twelve =
        new BufferedImage(model, model.createCompatibleWritableRaster(1, 1), false, null);
    assertThat(DeepImages.toSrgb(twelve, LINEAR_RGB)).isNull();
  }

  @Test
  void toSrgb_linearRgba_convertsBeforeRoundingAndRoundsAlpha() {
    BufferedImage src =
        image(
            srgb(), true, 4, 1, DARK, DARK, DARK, 65535, 0, 0, 0, 32768, 65535, 65535, 65535, 257,
            0, 65535, 0, 0);

    BufferedImage out = DeepImages.toSrgb(src, LINEAR_RGB);

    assertThat(out).isNotNull();
    assertThat(out.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
    assertThat(out.getRGB(0, 0)).isEqualTo(0xFF0C0C0C);
    assertThat(out.getRGB(1, 0)).isEqualTo(0x80000000);
    assertThat(out.getRGB(2, 0)).isEqualTo(0x01FFFFFF);
    assertThat(out.getRGB(3, 0) >>> 24).isZero();
    assertThat(out.getRGB(3, 0) >> 8 & 0xFF).as("green").isEqualTo(255);
  }

  @Test
  void toSrgb_16bitGrayWithAGrayProfile_isConvertedAndNeutral() {
    var gray =
        new ComponentColorModel(
            ColorSpace.getInstance(ColorSpace.CS_GRAY),
            true,
            false,
            Transparency.TRANSLUCENT,
            DataBuffer.TYPE_USHORT);
    WritableRaster raster = gray.createCompatibleWritableRaster(2, 1);
    raster.setPixels(0, 0, 2, 1, new int[] {DARK, 65535, 65535, 0});
    BufferedImage src = new BufferedImage(gray, raster, false, null);

    BufferedImage out = DeepImages.toSrgb(src, LINEAR_GRAY);

    assertThat(out).isNotNull();
    assertThat(out.getRGB(0, 0)).isEqualTo(0xFF0C0C0C);
    assertThat(out.getRGB(1, 0)).isEqualTo(0x00FFFFFF);
    assertThatImage(out).isNeutralGray(0);
  }

  /** TwelveMonkeys reads a TIFF's profile into the colour model; no profile is passed then. */
  @Test
  void toSrgb_profileInTheColourModel_isApplied() {
    BufferedImage src =
        image(new ICC_ColorSpace(ICC_Profile.getInstance(LINEAR_RGB)), false, 1, 1, DARK, 0, 0);
    BufferedImage out = DeepImages.toSrgb(src, null);
    assertThat(out).isNotNull();
    assertThat(out.getRGB(0, 0)).isEqualTo(0xFF0C0000);
  }

  @Test
  void matrixShaper_refusesProfilesWithLookupTables() {
    assertThat(MatrixShaper.of(ICC_Profile.getInstance(ColorSpace.CS_PYCC))).isNull();
    assertThat(MatrixShaper.of(ICC_Profile.getInstance(LINEAR_RGB))).isNotNull();
  }

  /** The JDK's sRGB profile has a 1024-entry table curve: through it and back is the identity. */
  @Test
  void matrixShaper_tableCurve_srgbRoundTripsToTheRoundedValue() {
    MatrixShaper srgb =
        Objects.requireNonNull(MatrixShaper.of(ICC_Profile.getInstance(ColorSpace.CS_sRGB)));
    int[] samples = new int[256 * 3];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (i / 3) * 257;
    }
    BufferedImage src = image(srgb(), false, 256, 1, samples);
    int[] out = new int[256];
    srgb.convert(src.getRaster(), false, out);
    for (int x = 0; x < 256; x++) {
      assertThat((out[x] >> 16 & 0xFF) - x).as("red at %d", x).isBetween(-1, 1);
    }
  }

  /**
   * The floating-point path agrees with the JDK's colour engine within a level, here for a
   * parametric curve and a gamut wider than sRGB (clipped alike).
   */
  @Test
  void matrixShaper_agreesWithTheColourEngine() throws IOException {
    ICC_Profile prophoto = ICC_Profile.getInstance(resource("prophoto-para.icc"));
    MatrixShaper shaper = Objects.requireNonNull(MatrixShaper.of(prophoto));
    int w = 128;
    int h = 64;
    SplittableRandom random = new SplittableRandom(14);
    int[] samples = new int[w * h * 3];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = random.nextInt(i % 2 == 0 ? 65536 : 8192);
    }
    BufferedImage src = image(srgb(), false, w, h, samples);

    int[] fast = new int[w * h];
    shaper.convert(src.getRaster(), false, fast);
    BufferedImage engine =
        DeepImages.withColourEngine(src.getRaster(), new ICC_ColorSpace(prophoto), false);

    long sum = 0;
    for (int i = 0; i < fast.length; i++) {
      int e = engine.getRGB(i % w, i / w);
      for (int shift = 0; shift <= 16; shift += 8) {
        int d = Math.abs((fast[i] >> shift & 0xFF) - (e >> shift & 0xFF));
        assertThat(d).as("pixel %d", i).isLessThanOrEqualTo(1);
        sum += d;
      }
    }
    assertThat(sum / (3.0 * fast.length)).isLessThan(0.1);
  }

  @Test
  void encode_roundsLinearLightToTheNearestSrgbLevel() {
    for (int v = 0; v < 256; v++) {
      double e = v / 255.0;
      double linear = e <= 0.04045 ? e / 12.92 : Math.pow((e + 0.055) / 1.055, 2.4);
      assertThat(MatrixShaper.encode((float) linear)).as("level %d", v).isEqualTo(v);
    }
    assertThat(MatrixShaper.encode(-0.5f)).isZero();
    assertThat(MatrixShaper.encode(Float.NaN)).isZero();
    assertThat(MatrixShaper.encode(1.5f)).isEqualTo(255);
  }

  private static ColorSpace srgb() {
    return ColorSpace.getInstance(ColorSpace.CS_sRGB);
  }

  /** A 16-bit image in {@code space}, its samples given pixel by pixel. */
  private static BufferedImage image(
      ColorSpace space, boolean alpha, int w, int h, int... samples) {
    var model =
        new ComponentColorModel(
            space,
            alpha,
            false,
            alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE,
            DataBuffer.TYPE_USHORT);
    WritableRaster raster = model.createCompatibleWritableRaster(w, h);
    raster.setPixels(0, 0, w, h, samples);
    return new BufferedImage(model, raster, false, null);
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = DeepImagesTest.class.getResourceAsStream("/icc16/" + name)) {
      return Objects.requireNonNull(in, name).readAllBytes();
    }
  }
}
