package io.imgedge.transform.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.zip.Deflater;

/**
 * Writes PNGs sample by sample, in any colour type and bit depth, with whatever {@code PLTE} and
 * {@code tRNS} a test needs, including ones encoders never write (palette indices beyond the
 * palette, a {@code tRNS} longer than its palette, a grey key outside the bit depth). Rows are
 * unfiltered and not interlaced; chunks carry correct CRCs.
 *
 * {@snippet :
 * byte[] png = RawPng.gray(4, 4, 1, 0, 5, 10, 15).trns(0, 5).bytes(); // 4-bit grey, 5 transparent
 * }
 */
public final class RawPng {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

  private final int colorType;
  private final int bitDepth;
  private final int width;
  private final int height;
  private final int[] samples;
  private byte[] plte = new byte[0];
  private byte[] trns = new byte[0];
  private boolean trnsBeforePlte;

  private RawPng(int colorType, int bitDepth, int width, int height, int[] samples) {
    int channels =
        switch (colorType) {
          case 2 -> 3;
          case 4 -> 2;
          case 6 -> 4;
          default -> 1;
        };
    if (samples.length != width * height * channels) {
      throw new IllegalArgumentException(
          "%dx%d needs %d samples, not %d"
              .formatted(width, height, width * height * channels, samples.length));
    }
    this.colorType = colorType;
    this.bitDepth = bitDepth;
    this.width = width;
    this.height = height;
    this.samples = samples.clone();
  }

  /** Greyscale (colour type 0), one sample per pixel, row by row. */
  public static RawPng gray(int bitDepth, int width, int height, int... samples) {
    return new RawPng(0, bitDepth, width, height, samples);
  }

  /** Truecolour (colour type 2), three samples per pixel (R, G, B), row by row. */
  public static RawPng rgb(int bitDepth, int width, int height, int... samples) {
    return new RawPng(2, bitDepth, width, height, samples);
  }

  /** Truecolour with alpha (colour type 6), four samples per pixel (R, G, B, A), row by row. */
  public static RawPng rgba(int bitDepth, int width, int height, int... samples) {
    return new RawPng(6, bitDepth, width, height, samples);
  }

  /** Greyscale with alpha (colour type 4), two samples per pixel (grey, alpha), row by row. */
  public static RawPng grayAlpha(int bitDepth, int width, int height, int... samples) {
    return new RawPng(4, bitDepth, width, height, samples);
  }

  /** A {@code PLTE} chunk in any colour type (suggested for truecolour, an error for grey). */
  public RawPng plte(int... palette) {
    ByteBuffer b = ByteBuffer.allocate(3 * palette.length);
    for (int rgb : palette) {
      b.put((byte) (rgb >> 16)).put((byte) (rgb >> 8)).put((byte) rgb);
    }
    plte = b.array();
    return this;
  }

  /**
   * Indexed colour (colour type 3) with this palette ({@code 0xRRGGBB} per entry) and these
   * indices, which may exceed it.
   */
  public static RawPng palette(int bitDepth, int[] palette, int width, int height, int... indices) {
    return new RawPng(3, bitDepth, width, height, indices).plte(palette);
  }

  /**
   * A {@code tRNS} chunk of 16-bit values: the grey key (one value) or the RGB key (three), as the
   * chunk stores them, whatever the bit depth.
   */
  public RawPng trns(int... key) {
    ByteBuffer b = ByteBuffer.allocate(2 * key.length);
    for (int v : key) {
      b.putShort((short) v);
    }
    trns = b.array();
    return this;
  }

  /** A palette image's {@code tRNS} chunk: one alpha byte per entry, from the first. */
  public RawPng paletteAlpha(int... alpha) {
    trns = new byte[alpha.length];
    for (int i = 0; i < alpha.length; i++) {
      trns[i] = (byte) alpha[i];
    }
    return this;
  }

  /** Writes {@code tRNS} before {@code PLTE}, out of the order PNG requires. */
  public RawPng trnsBeforePlte() {
    trnsBeforePlte = true;
    return this;
  }

  /** The PNG file. */
  public byte[] bytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(SIGNATURE);
    ByteBuffer ihdr =
        ByteBuffer.allocate(13)
            .putInt(width)
            .putInt(height)
            .put((byte) bitDepth)
            .put((byte) colorType)
            .put((byte) 0)
            .put((byte) 0)
            .put((byte) 0);
    out.writeBytes(ImageBytes.pngChunk("IHDR", ihdr.array()));
    if (trnsBeforePlte && trns.length > 0) {
      out.writeBytes(ImageBytes.pngChunk("tRNS", trns));
    }
    if (plte.length > 0) {
      out.writeBytes(ImageBytes.pngChunk("PLTE", plte));
    }
    if (!trnsBeforePlte && trns.length > 0) {
      out.writeBytes(ImageBytes.pngChunk("tRNS", trns));
    }
    out.writeBytes(ImageBytes.pngChunk("IDAT", deflate(rows())));
    out.writeBytes(ImageBytes.pngChunk("IEND", new byte[0]));
    return out.toByteArray();
  }

  /** Filter byte 0 then the row's samples, packed from the most significant bit. */
  private byte[] rows() {
    int perRow = samples.length / height;
    int rowBytes = (perRow * bitDepth + 7) / 8;
    byte[] raw = new byte[height * (1 + rowBytes)];
    for (int y = 0; y < height; y++) {
      int rowAt = y * (1 + rowBytes) + 1;
      for (int i = 0; i < perRow; i++) {
        int v = samples[y * perRow + i];
        if (bitDepth == 16) {
          raw[rowAt + 2 * i] = (byte) (v >> 8);
          raw[rowAt + 2 * i + 1] = (byte) v;
        } else if (bitDepth == 8) {
          raw[rowAt + i] = (byte) v;
        } else {
          int bit = i * bitDepth;
          int shift = 8 - bitDepth - bit % 8;
          raw[rowAt + bit / 8] |= (byte) ((v & ((1 << bitDepth) - 1)) << shift);
        }
      }
    }
    return raw;
  }

  private static byte[] deflate(byte[] data) {
    Deflater deflater = new Deflater();
    try {
      deflater.setInput(data);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }
}
