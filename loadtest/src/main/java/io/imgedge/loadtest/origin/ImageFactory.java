package io.imgedge.loadtest.origin;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Makes the origin's images: a photo-like JPEG per index (a gradient, soft shapes and a label, so
 * that it compresses like a photograph and every index differs), the same bytes for the same index
 * and seed.
 */
final class ImageFactory {
  private final int width;
  private final int height;
  private final long seed;

  ImageFactory(int width, int height, long seed) {
    this.width = width;
    this.height = height;
    this.seed = seed;
  }

  /** The JPEG of image {@code index}. */
  byte[] jpeg(int index) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    SplittableRandom random = new SplittableRandom(seed * 31 + index);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setPaint(new GradientPaint(0, 0, color(random), width, height, color(random)));
      g.fillRect(0, 0, width, height);
      for (int i = 0; i < 40; i++) {
        g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 90));
        int r = width / 30 + random.nextInt(width / 6);
        g.fillOval(random.nextInt(width) - r / 2, random.nextInt(height) - r / 2, r, r);
      }
      noise(img, random);
      g.setColor(Color.WHITE);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, height / 8)));
      g.drawString("#" + index, width / 20, height - height / 10);
    } finally {
      g.dispose();
    }
    return encode(img);
  }

  private static Color color(SplittableRandom random) {
    return new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256));
  }

  /** Fine grain, as in a photograph, so that sizes are realistic. */
  private static void noise(BufferedImage img, SplittableRandom random) {
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) {
        int rgb = img.getRGB(x, y);
        int d = random.nextInt(17) - 8;
        int r = clamp(((rgb >> 16) & 0xff) + d);
        int gr = clamp(((rgb >> 8) & 0xff) + d);
        int b = clamp((rgb & 0xff) + d);
        img.setRGB(x, y, (r << 16) | (gr << 8) | b);
      }
    }
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }

  private static byte[] encode(BufferedImage img) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.9f);
      writer.setOutput(stream);
      writer.write(null, new IIOImage(img, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
