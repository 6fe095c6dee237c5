package io.imgedge.transform.probe;

import io.imgedge.transform.InvalidImageException;
import org.jspecify.annotations.Nullable;

/**
 * The largest frame an AV1 bitstream may code, from its sequence header OBU (AV1 specification
 * 5.5.1: {@code max_frame_width_minus_1}, {@code max_frame_height_minus_1}). Every frame of the
 * coded video sequence is at most this size, so it bounds what the AV1 decoder allocates whatever
 * the container's {@code ispe} or {@code tkhd} claims.
 *
 * @param maxWidth the widest frame
 * @param maxHeight the tallest frame
 */
record Av1SequenceHeader(int maxWidth, int maxHeight) {
  private static final int OBU_SEQUENCE_HEADER = 1;
  private static final int OBU_FRAME_HEADER = 3;
  private static final int OBU_FRAME = 6;

  /**
   * Most OBUs looked at before giving up: a sequence header comes first, after at most a temporal
   * delimiter and a little metadata; the bound keeps a hostile item of tiny OBUs cheap.
   */
  private static final int MAX_OBUS = 64;

  /**
   * Finds the sequence header among the OBUs (low-overhead bitstream format, each with its size
   * field or running to the end) in {@code [from, to)}, stopping at the first frame.
   *
   * @param what how messages name the data, e.g. "the AVIF's primary item"
   * @return the header, or null if there is none before the first frame, the end or the {@value
   *     #MAX_OBUS}th OBU
   */
  static @Nullable Av1SequenceHeader find(byte[] d, int from, int to, String what) {
    int at = from;
    for (int obus = 0; at < to && obus < MAX_OBUS; obus++) {
      int header = d[at] & 0xFF;
      if ((header & 0x80) != 0) {
        throw new InvalidImageException(
            what + " holds corrupt AV1 data (an OBU's forbidden bit is set)");
      }
      int type = (header >> 3) & 0x0F;
      boolean extension = (header & 0x04) != 0;
      boolean hasSize = (header & 0x02) != 0;
      int payload = at + 1 + (extension ? 1 : 0);
      long size;
      if (hasSize) {
        long[] leb = leb128(d, payload, to, what);
        size = leb[0];
        payload = (int) leb[1];
      } else {
        size = to - payload;
      }
      if (payload > to || size > to - payload) {
        throw new InvalidImageException(what + " holds AV1 data whose OBU runs past its end");
      }
      if (type == OBU_SEQUENCE_HEADER) {
        return parse(d, payload, (int) (payload + size), what);
      }
      if (type == OBU_FRAME_HEADER || type == OBU_FRAME) {
        return null;
      }
      at = (int) (payload + size);
    }
    return null;
  }

  /** An unsigned LEB128 value of up to 8 bytes; returns it and the offset after it. */
  private static long[] leb128(byte[] d, int at, int to, String what) {
    long value = 0;
    for (int i = 0; i < 8; i++) {
      if (at + i >= to) {
        throw new InvalidImageException(what + " holds truncated AV1 data (an OBU size)");
      }
      int b = d[at + i] & 0xFF;
      value |= (long) (b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) {
        return new long[] {value, at + i + 1};
      }
    }
    throw new InvalidImageException(
        what + " holds corrupt AV1 data (an OBU size longer than 8 bytes)");
  }

  private static Av1SequenceHeader parse(byte[] d, int from, int to, String what) {
    Bits b = new Bits(d, from, to, what);
    b.read(3); // seq_profile
    b.read(1); // still_picture
    boolean reduced = b.read(1) == 1;
    if (reduced) {
      b.read(5); // seq_level_idx[0]
    } else {
      boolean decoderModelInfo = false;
      int bufferDelayLength = 0;
      if (b.read(1) == 1) { // timing_info_present_flag
        b.read(32); // num_units_in_display_tick
        b.read(32); // time_scale
        if (b.read(1) == 1) { // equal_picture_interval
          b.uvlc(); // num_ticks_per_picture_minus_1
        }
        decoderModelInfo = b.read(1) == 1;
        if (decoderModelInfo) {
          bufferDelayLength = (int) b.read(5) + 1;
          b.read(32); // num_units_in_decoding_tick
          b.read(5); // buffer_removal_time_length_minus_1
          b.read(5); // frame_presentation_time_length_minus_1
        }
      }
      boolean initialDisplayDelay = b.read(1) == 1;
      int operatingPoints = (int) b.read(5) + 1;
      for (int i = 0; i < operatingPoints; i++) {
        b.read(12); // operating_point_idc
        if (b.read(5) > 7) { // seq_level_idx
          b.read(1); // seq_tier
        }
        if (decoderModelInfo && b.read(1) == 1) { // decoder_model_present_for_this_op
          b.read(bufferDelayLength); // decoder_buffer_delay
          b.read(bufferDelayLength); // encoder_buffer_delay
          b.read(1); // low_delay_mode_flag
        }
        if (initialDisplayDelay && b.read(1) == 1) {
          b.read(4); // initial_display_delay_minus_1
        }
      }
    }
    int widthBits = (int) b.read(4) + 1;
    int heightBits = (int) b.read(4) + 1;
    int width = (int) b.read(widthBits) + 1;
    int height = (int) b.read(heightBits) + 1;
    return new Av1SequenceHeader(width, height);
  }

  /** Most-significant-bit-first reads (AV1's f(n)); past the end means truncated. */
  private static final class Bits {
    private final byte[] d;
    private final long end;
    private final String what;
    private long bit;

    Bits(byte[] d, int from, int to, String what) {
      this.d = d;
      this.bit = (long) from * 8;
      this.end = (long) to * 8;
      this.what = what;
    }

    long read(int n) {
      if (bit + n > end) {
        throw new InvalidImageException(what + " holds a truncated AV1 sequence header");
      }
      long v = 0;
      for (int i = 0; i < n; i++, bit++) {
        v = (v << 1) | ((d[(int) (bit >> 3)] >> (7 - (bit & 7))) & 1);
      }
      return v;
    }

    /** uvlc(): leading zeros up to a one, then as many bits (none from 32 zeros on: saturated). */
    void uvlc() {
      long zeros = 0;
      while (read(1) == 0) {
        zeros++;
      }
      if (zeros < 32) {
        read((int) zeros);
      }
    }
  }
}
