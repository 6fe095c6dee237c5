package io.imgedge.transform.codec;

import io.imgedge.transform.RenderScope;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Makes what the JDK's {@code PNGImageReader} decodes agree with libpng, the decoder of Firefox, of
 * Chromium for most of its history and of most image tools, where the two differ. Browsers are the
 * reference: a PNG must look as it does in them.
 *
 * <ul>
 *   <li><b>Grey and RGB {@code tRNS} keys.</b> The JDK compares the key with samples it has already
 *       scaled to 8 bits, so a 1-, 2- or 4-bit grey image loses its transparency (except for key
 *       0); and it compares the whole 16-bit key with 8-bit samples, where libpng uses its low bits
 *       (a key beyond the bit depth is invalid: libpng warns and masks it to the bit depth). The
 *       alpha the JDK adds is computed again from the key.
 *   <li><b>Palette indices beyond {@code PLTE}</b> (an error the PNG specification leaves to the
 *       decoder): libpng, and so browsers, show them as opaque black (its palette has 256 entries,
 *       zero-filled, and alpha 255 beyond {@code tRNS}); Go's image/png does the same. The JDK pads
 *       the palette to a power of two with black and then repeats the last entry, so such pixels
 *       took a palette colour. They are rendered as browsers do, not refused: the image displays in
 *       every browser.
 *   <li><b>A palette {@code tRNS} with more entries than {@code PLTE}</b> is ignored as a whole, as
 *       libpng does ("invalid"); the JDK kept the entries its rounded-up palette holds. One shorter
 *       than the palette leaves the remaining entries opaque, as both do.
 * </ul>
 *
 * Chunks are read up to the first {@code IDAT}; the first {@code tRNS} counts (libpng ignores a
 * duplicate). The probe has checked the structure already, so anything unexpected leaves the image
 * as the JDK decoded it.
 *
 * <p>Before decoding, {@link #decodable} drops the {@code tRNS} chunks libpng ignores but the JDK
 * reader fails on (it leaves their data unread and then misreads the next chunk: a 422 for a file
 * browsers show): one in an image with an alpha channel, and a palette one before {@code PLTE}.
 */
final class PngSamples {
  private static final int GRAY = 0;
  private static final int RGB = 2;
  private static final int PALETTE = 3;
  private static final int GRAY_ALPHA = 4;
  private static final int RGB_ALPHA = 6;

  private PngSamples() {}

  /** The chunks that decide samples: IHDR's colour type and bit depth, PLTE, tRNS (or null). */
  private static final class Chunks {
    private final int colorType;
    private final int bitDepth;
    private final byte @Nullable [] plte;
    private final byte @Nullable [] trns;

    Chunks(int colorType, int bitDepth, byte @Nullable [] plte, byte @Nullable [] trns) {
      this.colorType = colorType;
      this.bitDepth = bitDepth;
      this.plte = plte;
      this.trns = trns;
    }

    int colorType() {
      return colorType;
    }

    int bitDepth() {
      return bitDepth;
    }

    byte @Nullable [] plte() {
      return plte;
    }

    byte @Nullable [] trns() {
      return trns;
    }
  }

  /**
   * The decoded image with libpng's alpha and palette, the same image if nothing differs.
   *
   * @param decoded what {@code PNGImageReader.read(0)} returned for {@code png}
   * @param png the PNG file, already probed
   */
  static BufferedImage likeLibpng(BufferedImage decoded, byte[] png) {
    Chunks chunks = chunks(png);
    if (chunks == null) {
      return decoded;
    }
    return switch (chunks.colorType()) {
      case GRAY, RGB -> chunks.trns() == null ? decoded : keyed(decoded, chunks);
      case PALETTE -> indexed(decoded, chunks);
      default -> decoded;
    };
  }

  /**
   * The PNG without the {@code tRNS} chunks that libpng ignores and the JDK reader cannot skip; the
   * same array if there are none (almost always).
   */
  static byte[] decodable(byte[] png) {
    if (png.length < 33) {
      return png;
    }
    int colorType = png[25] & 0xFF;
    boolean plte = false;
    ByteArrayOutputStream kept = null;
    int at = 8;
    while (at + 8 <= png.length) {
      long length = u32(png, at);
      String type = new String(png, at + 4, 4, StandardCharsets.ISO_8859_1);
      if (length > png.length - at - 12L || type.equals("IDAT")) {
        break;
      }
      int next = at + 12 + (int) length;
      boolean stray =
          type.equals("tRNS")
              && (colorType == GRAY_ALPHA
                  || colorType == RGB_ALPHA
                  || (colorType == PALETTE && !plte));
      plte |= type.equals("PLTE");
      if (stray && kept == null) {
        kept = new ByteArrayOutputStream(png.length);
        kept.write(png, 0, at);
      } else if (!stray && kept != null) {
        kept.write(png, at, next - at);
      }
      at = next;
    }
    if (kept == null) {
      return png;
    }
    kept.write(png, at, png.length - at);
    return kept.toByteArray();
  }

  /** IHDR, the first PLTE and the first valid tRNS before IDAT; null if IHDR cannot be read. */
  private static @Nullable Chunks chunks(byte[] d) {
    if (d.length < 33) {
      return null;
    }
    int colorType = d[25] & 0xFF;
    int bitDepth = d[24] & 0xFF;
    byte[] plte = null;
    byte[] trns = null;
    int at = 8;
    while (at + 8 <= d.length) {
      long length = u32(d, at);
      String type = new String(d, at + 4, 4, StandardCharsets.ISO_8859_1);
      if (length > d.length - at - 12L || type.equals("IDAT")) {
        break;
      }
      int data = at + 8;
      if (type.equals("PLTE") && plte == null) {
        plte = Arrays.copyOfRange(d, data, data + (int) length);
      } else if (type.equals("tRNS") && trns == null) {
        trns = validTrns(Arrays.copyOfRange(d, data, data + (int) length), colorType, plte);
      }
      at = data + (int) length + 4;
    }
    return new Chunks(colorType, bitDepth, plte, trns);
  }

  /** The tRNS data if libpng accepts it for this colour type and palette, else null. */
  private static byte @Nullable [] validTrns(byte[] trns, int colorType, byte @Nullable [] plte) {
    return switch (colorType) {
      case GRAY -> trns.length == 2 ? trns : null;
      case RGB -> trns.length == 6 ? trns : null;
      case PALETTE ->
          plte != null && trns.length > 0 && trns.length <= plte.length / 3 ? trns : null;
      default -> null;
    };
  }

  /**
   * A grey or RGB image with a key: the alpha band the JDK added, recomputed. The key is masked to
   * the bit depth, then scaled as the JDK scaled the samples (1, 2 and 4 bits become 8).
   */
  private static BufferedImage keyed(BufferedImage image, Chunks chunks) {
    byte[] trns = Objects.requireNonNull(chunks.trns());
    WritableRaster raster = image.getRaster();
    int colour = chunks.colorType() == GRAY ? 1 : 3;
    int bands = colour + 1;
    if (raster.getNumBands() != bands) {
      return image; // not the layout the JDK gives a keyed image
    }
    int bits = raster.getSampleModel().getSampleSize(0);
    int[] key = new int[colour];
    for (int b = 0; b < colour; b++) {
      key[b] =
          scaled(((trns[2 * b] & 0xFF) << 8) | (trns[2 * b + 1] & 0xFF), chunks.bitDepth(), bits);
    }
    int opaque = (1 << raster.getSampleModel().getSampleSize(colour)) - 1;
    int w = raster.getWidth();
    int[] row = new int[w * bands];
    for (int y = 0; y < raster.getHeight(); y++) {
      raster.getPixels(0, y, w, 1, row);
      for (int i = 0; i < row.length; i += bands) {
        boolean match =
            row[i] == key[0] && (colour == 1 || (row[i + 1] == key[1] && row[i + 2] == key[2]));
        row[i + colour] = match ? 0 : opaque;
      }
      raster.setPixels(0, y, w, 1, row);
      RenderScope.checkpoint();
    }
    return image;
  }

  /**
   * A key sample as the decoded raster holds it: masked to {@code depth}, scaled to {@code bits}.
   */
  private static int scaled(int key, int depth, int bits) {
    int max = (1 << depth) - 1;
    int value = key & max;
    if (bits == depth) {
      return value;
    }
    int maxOut = (1 << bits) - 1;
    return (value * maxOut + max / 2) / max; // PNGImageReader's own scaling
  }

  /**
   * A palette image with libpng's palette: PLTE's entries (at most 2^depth), then opaque black up
   * to 2^depth; alpha from a valid tRNS, 255 beyond it. The raster is kept, only the colour model
   * changes, and only if some entry differs from the JDK's.
   */
  private static BufferedImage indexed(BufferedImage image, Chunks chunks) {
    byte[] plte = chunks.plte();
    int depth = chunks.bitDepth();
    if (!(image.getColorModel() instanceof IndexColorModel jdk) || plte == null || depth > 8) {
      return image;
    }
    int size = 1 << depth;
    int entries = Math.min(plte.length / 3, size);
    byte[] r = new byte[size];
    byte[] g = new byte[size];
    byte[] b = new byte[size];
    for (int i = 0; i < entries; i++) {
      r[i] = plte[3 * i];
      g[i] = plte[3 * i + 1];
      b[i] = plte[3 * i + 2];
    }
    byte[] trns = chunks.trns();
    IndexColorModel libpng;
    if (trns == null) {
      libpng = new IndexColorModel(depth, size, r, g, b);
    } else {
      byte[] a = new byte[size];
      Arrays.fill(a, (byte) 0xFF);
      System.arraycopy(trns, 0, a, 0, Math.min(trns.length, entries));
      libpng = new IndexColorModel(depth, size, r, g, b, a);
    }
    if (sameColours(jdk, libpng) || !libpng.isCompatibleRaster(image.getRaster())) {
      return image;
    }
    return new BufferedImage(libpng, image.getRaster(), false, null);
  }

  private static boolean sameColours(IndexColorModel a, IndexColorModel b) {
    if (a.getMapSize() != b.getMapSize() || a.hasAlpha() != b.hasAlpha()) {
      return false;
    }
    for (int i = 0; i < a.getMapSize(); i++) {
      if (a.getRGB(i) != b.getRGB(i)) {
        return false;
      }
    }
    return true;
  }

  private static long u32(byte[] d, int at) {
    return ((d[at] & 0xFFL) << 24)
        | ((d[at + 1] & 0xFF) << 16)
        | ((d[at + 2] & 0xFF) << 8)
        | (d[at + 3] & 0xFF);
  }
}
