package io.imgedge.transform.testing;

import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Test images: the small files bundled with this module's test resources (under {@code images/},
 * listed in {@code THIRD-PARTY-NOTICES.md}), synthetic images built in code, and decoding and
 * encoding with plain ImageIO (an oracle independent of imgedge's own codecs).
 */
public final class TestImages {
  /** The class-path folder that holds the bundled images. */
  public static final String RESOURCE_FOLDER = "/images/";

  private TestImages() {}

  /**
   * The bytes of a bundled test image, e.g. {@code resource("icc-adobergb-small.jpg")}.
   *
   * @throws AssertionError if there is no such resource
   */
  public static byte[] resource(String name) {
    try (InputStream in = TestImages.class.getResourceAsStream(RESOURCE_FOLDER + name)) {
      if (in == null) {
        return fail("no test image %s%s on the class path", RESOURCE_FOLDER, name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Decodes encoded bytes with whatever ImageIO reader claims them (the JDK's, TwelveMonkeys',
   * webp-imageio's). For JPEG this gives the raw samples: no EXIF orientation is applied.
   *
   * @throws AssertionError if no reader recognises the bytes
   */
  public static BufferedImage decode(byte[] encoded) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(encoded));
      if (image == null) {
        return fail("no ImageIO reader recognises these %d bytes", encoded.length);
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Encodes with the first ImageIO writer for a format name such as {@code png}, no metadata. */
  public static byte[] encode(BufferedImage image, String formatName) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, formatName, out)) {
        return fail("no ImageIO writer for %s and image type %d", formatName, image.getType());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A complete progressive JPEG of an image (JDK writer). */
  public static byte[] progressiveJpeg(BufferedImage image) {
    javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var stream = new javax.imageio.stream.MemoryCacheImageOutputStream(out)) {
      javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
      param.setProgressiveMode(javax.imageio.ImageWriteParam.MODE_DEFAULT);
      writer.setOutput(stream);
      writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    byte[] bytes = out.toByteArray();
    if (!ImageBytes.jpegMarkers(bytes).contains(ImageBytes.SOF2)) {
      return fail("the JDK wrote no progressive frame");
    }
    return bytes;
  }

  /** A lossless PNG of an image. */
  public static byte[] png(BufferedImage image) {
    return encode(image, "png");
  }

  /**
   * An image of the pipeline's types from packed pixels, row by row: {@code TYPE_INT_ARGB} if
   * {@code alpha}, else {@code TYPE_INT_RGB}.
   */
  public static BufferedImage of(int width, int height, boolean alpha, int... argb) {
    if (argb.length != width * height) {
      throw new IllegalArgumentException(
          "%d pixels for a %dx%d image".formatted(argb.length, width, height));
    }
    BufferedImage image =
        new BufferedImage(
            width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, width, height, argb, 0, width);
    return image;
  }

  /** A single-colour image; {@code TYPE_INT_ARGB} unless the colour is opaque. */
  public static BufferedImage solid(int width, int height, int argb) {
    int[] pixels = new int[width * height];
    java.util.Arrays.fill(pixels, argb);
    return of(width, height, argb >>> 24 != 0xFF, pixels);
  }

  /**
   * A checkerboard of single pixels, {@code first} at (0,0); {@code TYPE_INT_ARGB} unless both
   * colours are opaque.
   */
  public static BufferedImage checkerboard(int width, int height, int first, int second) {
    int[] pixels = new int[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        pixels[y * width + x] = (x + y) % 2 == 0 ? first : second;
      }
    }
    return of(width, height, first >>> 24 != 0xFF || second >>> 24 != 0xFF, pixels);
  }

  /** An opaque gray ramp from black on the left to white on the right, the same on every row. */
  public static BufferedImage horizontalGradient(int width, int height) {
    int[] pixels = new int[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int v = width == 1 ? 0 : (int) Math.round(255.0 * x / (width - 1));
        pixels[y * width + x] = 0xFF000000 | v << 16 | v << 8 | v;
      }
    }
    return of(width, height, false, pixels);
  }

  /**
   * A reference downscale by an integer factor: each output pixel is the plain mean of a {@code
   * factor} x {@code factor} block (a box filter), alpha ignored, any remainder dropped. Meant for
   * opaque images, as an oracle independent of imgedge's resizers.
   */
  public static BufferedImage boxDownscale(BufferedImage image, int factor) {
    int w = image.getWidth() / factor;
    int h = image.getHeight() / factor;
    int[] out = new int[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        Rgb mean = Pixels.boxMean(image, x * factor, y * factor, factor, factor);
        out[y * w + x] = 0xFF000000 | mean.red() << 16 | mean.green() << 8 | mean.blue();
      }
    }
    return of(w, h, false, out);
  }

  /**
   * An independent reference for EXIF orientation, written from the EXIF 2.3 table of what the
   * stored 0th row and 0th column show once upright (1 top/left, 2 top/right, 3 bottom/right, 4
   * bottom/left, 5 left/top, 6 right/top, 7 right/bottom, 8 left/bottom), not from rotations.
   * Returns the upright image, same alpha-ness, every pixel value kept.
   *
   * @param exif the orientation tag, 1 to 8
   */
  public static BufferedImage upright(BufferedImage stored, int exif) {
    String[] rowColumn = EXIF_TABLE[exif].split("/");
    String row0 = rowColumn[0];
    String col0 = rowColumn[1];
    int w = stored.getWidth();
    int h = stored.getHeight();
    boolean rowsStayRows = row0.equals("top") || row0.equals("bottom");
    int outW = rowsStayRows ? w : h;
    int outH = rowsStayRows ? h : w;
    int[] out = new int[outW * outH];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int dx;
        int dy;
        if (rowsStayRows) {
          dy = row0.equals("top") ? y : h - 1 - y;
          dx = col0.equals("left") ? x : w - 1 - x;
        } else {
          dx = row0.equals("left") ? y : h - 1 - y;
          dy = col0.equals("top") ? x : w - 1 - x;
        }
        out[dy * outW + dx] = stored.getRGB(x, y);
      }
    }
    return of(outW, outH, stored.getColorModel().hasAlpha(), out);
  }

  /** EXIF orientation to what the stored 0th row / 0th column show. */
  private static final String[] EXIF_TABLE = {
    "",
    "top/left",
    "top/right",
    "bottom/right",
    "bottom/left",
    "left/top",
    "right/top",
    "right/bottom",
    "left/bottom"
  };
}
