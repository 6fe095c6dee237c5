package io.imgedge.transform.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;

/**
 * Builds large baseline JPEGs without ever holding their pixels: a 16x16 mid-gray image is encoded
 * with the JDK writer (standard Huffman tables, 4:2:0), its frame header is given the large size,
 * and its scan is replaced by the one MCU every block of a flat mid-gray image codes to: DC
 * difference 0 and end-of-block for four luma and two chroma blocks, 32 bits. A 12000x12000 JPEG is
 * about 2 MB.
 */
public final class LargeJpegs {
  /** Y: 4 x ("00" DC 0, "1010" EOB), Cb: "00" "00", Cr: "00" "00". */
  private static final byte[] FLAT_MCU = {0x28, (byte) 0xA2, (byte) 0x8A, 0x00};

  private LargeJpegs() {}

  /** A flat mid-gray (128) baseline JPEG of this size (multiples of 16 decode exactly). */
  public static byte[] flatGray(int width, int height) {
    BufferedImage seed = TestImages.solid(16, 16, 0xFF808080);
    byte[] small = TestImages.encode(seed, "jpg");
    int sos = segment(small, 0xDA);
    int scanStart = sos + 2 + ((small[sos + 2] & 0xFF) << 8 | small[sos + 3] & 0xFF);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] head = java.util.Arrays.copyOf(small, scanStart);
    int sof = segment(head, 0xC0);
    head[sof + 5] = (byte) (height >> 8);
    head[sof + 6] = (byte) height;
    head[sof + 7] = (byte) (width >> 8);
    head[sof + 8] = (byte) width;
    out.writeBytes(head);
    long mcus = (long) ((width + 15) / 16) * ((height + 15) / 16);
    for (long i = 0; i < mcus; i++) {
      out.write(FLAT_MCU, 0, FLAT_MCU.length);
    }
    out.write(0xFF);
    out.write(0xD9);
    return out.toByteArray();
  }

  /** The offset of the first marker {@code 0xFF marker} after the SOI. */
  private static int segment(byte[] jpeg, int marker) {
    int at = 2;
    while (at + 3 < jpeg.length) {
      if ((jpeg[at] & 0xFF) != 0xFF) {
        throw new IllegalStateException("not at a marker: " + at);
      }
      if ((jpeg[at + 1] & 0xFF) == marker) {
        return at;
      }
      at += 2 + ((jpeg[at + 2] & 0xFF) << 8 | jpeg[at + 3] & 0xFF);
    }
    throw new IllegalStateException("no marker " + Integer.toHexString(marker));
  }
}
