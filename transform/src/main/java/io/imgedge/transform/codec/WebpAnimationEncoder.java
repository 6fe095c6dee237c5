package io.imgedge.transform.codec;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes an animated WebP: libwebp (through webp-imageio, which has no animation API) encodes each
 * frame as a still image, and this class muxes the frames' bitstream chunks ({@code ALPH}, {@code
 * VP8 }, {@code VP8L}) into {@code ANMF} chunks after {@code VP8X} and {@code ANIM}, as the WebP
 * container specification describes. Frames are complete pictures at (0, 0), written without
 * blending and without disposal, so each replaces the previous one.
 */
final class WebpAnimationEncoder implements AnimationEncoder {
  private static final int ANIMATION_FLAG = 0x02;
  private static final int ALPHA_FLAG = 0x10;
  private static final int NO_BLEND = 0x02;

  private final ImageEncoder still;
  private final EncodeOptions options;
  private final int loopCount;
  private final ByteArrayOutputStream frames = new ByteArrayOutputStream();
  private int width;
  private int height;
  private boolean alpha;

  /**
   * @param still the still WebP encoder
   * @param options quality and lossless mode for every frame
   * @param loopCount how many times to play, 0 = forever
   */
  WebpAnimationEncoder(ImageEncoder still, EncodeOptions options, int loopCount) {
    this.still = still;
    this.options = options;
    this.loopCount = Math.max(0, Math.min(0xFFFF, loopCount));
  }

  @Override
  public void add(BufferedImage frame, int delayMillis) {
    width = Math.max(width, frame.getWidth());
    height = Math.max(height, frame.getHeight());
    alpha |= frame.getColorModel().hasAlpha();
    byte[] encoded = still.encode(frame, options);
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    ByteBuffer header = le(16);
    putU24(header, 0);
    putU24(header, 0);
    putU24(header, frame.getWidth() - 1);
    putU24(header, frame.getHeight() - 1);
    putU24(header, Math.max(0, Math.min(0xFFFFFF, delayMillis)));
    header.put((byte) NO_BLEND);
    data.writeBytes(header.array());
    copyBitstream(encoded, data);
    chunk(frames, "ANMF", data.toByteArray());
  }

  /** Copies the ALPH, VP8 and VP8L chunks of a still WebP. */
  private static void copyBitstream(byte[] webp, ByteArrayOutputStream to) {
    int at = 12;
    while (at + 8 <= webp.length) {
      String type = new String(webp, at, 4, StandardCharsets.US_ASCII);
      int size = ByteBuffer.wrap(webp, at + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
      int padded = size + (size & 1);
      if (type.equals("ALPH") || type.equals("VP8 ") || type.equals("VP8L")) {
        to.write(webp, at, 8 + padded);
      }
      at += 8 + padded;
    }
  }

  @Override
  public byte[] finish() {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
    ByteBuffer vp8x = le(10);
    vp8x.put((byte) (ANIMATION_FLAG | (alpha ? ALPHA_FLAG : 0))).put(new byte[3]);
    putU24(vp8x, width - 1);
    putU24(vp8x, height - 1);
    chunk(body, "VP8X", vp8x.array());
    ByteBuffer anim = le(6);
    anim.putInt(0).putShort((short) loopCount);
    chunk(body, "ANIM", anim.array());
    body.writeBytes(frames.toByteArray());
    ByteArrayOutputStream riff = new ByteArrayOutputStream();
    riff.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
    riff.writeBytes(le(4).putInt(body.size()).array());
    riff.writeBytes(body.toByteArray());
    return riff.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream to, String type, byte[] data) {
    to.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
    to.writeBytes(le(4).putInt(data.length).array());
    to.writeBytes(data);
    if ((data.length & 1) != 0) {
      to.write(0);
    }
  }

  private static ByteBuffer le(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static void putU24(ByteBuffer b, int v) {
    b.put((byte) (v & 0xFF)).put((byte) (v >> 8 & 0xFF)).put((byte) (v >> 16 & 0xFF));
  }
}
