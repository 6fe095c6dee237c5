package io.imgedge.transform.probe;

import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.ImageLimits;
import io.imgedge.transform.InvalidImageException;
import io.imgedge.transform.UnsupportedImageException;
import io.imgedge.transform.probe.IsoBoxes.Box;
import io.imgedge.transform.spec.Orientation;
import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a JPEG XL image (ISO/IEC 18181-1 codestream, 18181-2 file format), bare ({@code FF 0A}) or
 * in its container ({@code JXL }, {@code ftyp}, then the codestream whole in {@code jxlc} or split
 * over numbered {@code jxlp} parts, beside {@code Exif}, {@code jbrd} (JPEG reconstruction), {@code
 * brob} (Brotli-compressed metadata) and other boxes, all validated as {@link IsoBoxes} does).
 *
 * <p>From the codestream it reads the SizeHeader (width, height, or a height and a fixed aspect
 * ratio) and the start of the ImageMetadata: orientation (as EXIF numbers it), the intrinsic size,
 * preview and animation headers (passed over), the bit depth and the extra channels (an alpha one
 * means alpha). Bits are read least-significant first, as the codestream stores them. It stops
 * before the colour encoding: an embedded ICC profile is entropy-coded, so {@code iccProfile} is
 * null and the decoder takes the colours from libjxl.
 *
 * <p>What it cannot tell cheaply: the number of frames of an animation (each frame would have to be
 * parsed, after a possibly entropy-coded ICC profile), reported as 2; whether a bare codestream is
 * cut short after its headers (only the decoder finds out); the sizes of individual frames and
 * layers, which may differ from the image's (libjxl composites them onto the image). The
 * orientation of a container's Exif box is ignored: the codestream's is authoritative (18181-2),
 * and libjxl applies the codestream's unless asked to keep the stored orientation, which the
 * decoder must ask for, since the pipeline orients by this header.
 */
final class JxlScanner {
  /**
   * Most extra channels: the Main profile's level 5 allows 4 (ISO/IEC 18181-2), as FFmpeg's header
   * check does; libjxl keeps a full plane per channel, so thousands (12 bits allow 4097) would
   * multiply the memory an image of accepted size needs.
   */
  static final int MAX_EXTRA_CHANNELS = 4;

  /** Most bytes of a split codestream joined to read its headers (they take a few hundred). */
  private static final int HEADER_BYTES = 64 * 1024;

  private static final String FILE = "the JPEG XL file";
  private static final String HEADER = "the JPEG XL header";
  private static final int ALPHA = 0;
  private static final int SPOT_COLOR = 2;
  private static final int CFA = 5;
  private static final Set<String> NOT_IN_BROB =
      Set.of("JXL ", "ftyp", "jxlp", "jxlc", "jxli", "jxll", "brob");

  private JxlScanner() {}

  /** The codestream's bytes: one range, or its parts joined (cut at {@link #HEADER_BYTES}). */
  private record Codestream(byte[] data, int from, int to) {}

  /** Reads the headers; the image size is checked against {@code limits} as soon as it is read. */
  static ImageHeader scan(byte[] d, ImageLimits limits) {
    if ((d[0] & 0xFF) == 0xFF) {
      return header(d, new Codestream(d, 0, d.length), limits);
    }
    List<Box> top = new ArrayList<>();
    IsoBoxes boxes = IsoBoxes.read(d, FILE, false, top);
    Box cut = boxes.truncated();
    if (cut != null && cut.payloadSize() < 4) {
      boxes.checkComplete(); // too little of the last box to read its first field
    }
    List<Box> parts = codestreamBoxes(d, top);
    if (parts.isEmpty()) {
      boxes.checkComplete();
      throw new InvalidImageException(FILE + " has no codestream ('jxlc' or 'jxlp' box)");
    }
    ImageHeader header = header(d, codestream(d, parts), limits);
    boxes.checkComplete();
    Box last = parts.getLast();
    if (last.type().equals("jxlp") && (Bytes.u32be(d, last.payload(), FILE) & 0x8000_0000L) == 0) {
      throw new InvalidImageException(
          FILE + " is truncated: its last codestream part ('jxlp') is missing");
    }
    return header;
  }

  /**
   * Checks the container's boxes in order and returns those holding the codestream: one {@code
   * jxlc}, or {@code jxlp} parts numbered from 0, the last one flagged, nothing after it.
   */
  private static List<Box> codestreamBoxes(byte[] d, List<Box> top) {
    if (top.size() < 2
        || !top.get(0).type().equals("JXL ")
        || top.get(0).payloadSize() != 4
        || !top.get(1).type().equals("ftyp")) {
      throw new InvalidImageException(FILE + " does not start with its signature and 'ftyp' boxes");
    }
    BoxFields ftyp = new BoxFields(d, top.get(1), FILE + "'s 'ftyp' box");
    if (!ftyp.fourCc().equals("jxl ")) {
      throw new InvalidImageException(FILE + "'s 'ftyp' box does not name the 'jxl ' brand");
    }
    List<Box> parts = new ArrayList<>();
    boolean whole = false;
    boolean ended = false;
    for (Box b : top.subList(2, top.size())) {
      switch (b.type()) {
        case "JXL ", "ftyp" ->
            throw new InvalidImageException(FILE + " has a second '" + b.type() + "' box");
        case "jxll" -> level(d, b, !parts.isEmpty());
        case "jxlc" -> {
          if (!parts.isEmpty()) {
            throw new InvalidImageException(FILE + " has more than one codestream box");
          }
          whole = true;
          parts.add(b);
        }
        case "jxlp" -> {
          if (whole || ended) {
            throw new InvalidImageException(
                FILE + " has a codestream part ('jxlp') after its codestream ended");
          }
          long index = new BoxFields(d, b, FILE + "'s 'jxlp' box").u32();
          if ((index & 0x7FFF_FFFFL) != parts.size()) {
            throw new InvalidImageException(FILE + "'s codestream parts ('jxlp') are out of order");
          }
          ended = (index & 0x8000_0000L) != 0;
          parts.add(b);
        }
        case "brob" -> {
          String inner = new BoxFields(d, b, FILE + "'s 'brob' box").fourCc();
          if (NOT_IN_BROB.contains(inner)) {
            throw new InvalidImageException(
                FILE + " has a Brotli-compressed '" + inner + "' box, which is not allowed");
          }
        }
        default -> {}
      }
    }
    return parts;
  }

  /** {@code jxll}: codestream level 5 or 10, before the codestream. */
  private static void level(byte[] d, Box b, boolean afterCodestream) {
    int level = new BoxFields(d, b, FILE + "'s 'jxll' box").u8();
    if (afterCodestream || (level != 5 && level != 10)) {
      throw new InvalidImageException(
          FILE + "'s level box ('jxll') is misplaced or names level " + level);
    }
  }

  private static Codestream codestream(byte[] d, List<Box> parts) {
    if (parts.size() == 1) {
      Box b = parts.getFirst();
      int from = b.payload() + (b.type().equals("jxlp") ? 4 : 0);
      return new Codestream(d, from, b.end());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Box b : parts) {
      int n = Math.min(b.payloadSize() - 4, HEADER_BYTES - out.size());
      out.write(d, b.payload() + 4, n);
    }
    byte[] joined = out.toByteArray();
    return new Codestream(joined, 0, joined.length);
  }

  // ---------------------------------------------------------------- the codestream

  private static ImageHeader header(byte[] d, Codestream cs, ImageLimits limits) {
    if (cs.to() - cs.from() < 2
        || (cs.data()[cs.from()] & 0xFF) != 0xFF
        || cs.data()[cs.from() + 1] != 0x0A) {
      throw new InvalidImageException(
          FILE + "'s codestream does not start with the JPEG XL signature");
    }
    Bits b = new Bits(cs.data(), cs.from() + 2, cs.to());
    long[] size = sizeHeader(b);
    limits.checkInputSize("the JPEG XL image", size[0], size[1]);
    Metadata m = metadata(b);
    int w = (int) size[0];
    int h = (int) size[1];
    return new ImageHeader(
        ImageFormat.JXL,
        w,
        h,
        m.animated ? 2 : 1,
        Orientation.fromExif(m.orientation),
        null,
        m.alpha,
        false,
        null,
        new Rectangle(0, 0, w, h),
        d.length,
        false,
        false,
        m.bitDepth,
        null);
  }

  /** SizeHeader: {@code {width, height}}. */
  private static long[] sizeHeader(Bits b) {
    boolean small = b.bool();
    long height = small ? (b.bits(5) + 1) * 8 : b.u32(1, 9, 1, 13, 1, 18, 1, 30);
    int ratio = (int) b.bits(3);
    long width;
    if (ratio != 0) {
      width = height * RATIOS[ratio][0] / RATIOS[ratio][1];
    } else {
      width = small ? (b.bits(5) + 1) * 8 : b.u32(1, 9, 1, 13, 1, 18, 1, 30);
    }
    return new long[] {width, height};
  }

  /** The fixed aspect ratios (width : height) of SizeHeader's {@code ratio} 1 to 7. */
  private static final long[][] RATIOS = {
    {0, 1}, {1, 1}, {12, 10}, {4, 3}, {3, 2}, {16, 9}, {5, 4}, {2, 1}
  };

  /** What the probe needs from ImageMetadata. */
  private static final class Metadata {
    int orientation = 1;
    boolean animated;
    int bitDepth = 8;
    boolean alpha;
  }

  /** ImageMetadata, up to and including the extra channels. */
  private static Metadata metadata(Bits b) {
    Metadata m = new Metadata();
    if (b.bool()) { // all_default: 8-bit, no extra channels, upright
      return m;
    }
    if (b.bool()) { // extra_fields
      m.orientation = 1 + (int) b.bits(3);
      if (b.bool()) { // have_intrinsic_size
        sizeHeader(b);
      }
      if (b.bool()) { // have_preview
        previewHeader(b);
      }
      m.animated = b.bool();
      if (m.animated) {
        b.u32(100, 0, 1000, 0, 1, 10, 1, 30); // tps_numerator
        b.u32(1, 0, 1001, 0, 1, 8, 1, 10); // tps_denominator
        b.u32(0, 0, 0, 3, 0, 16, 0, 32); // num_loops
        b.bool(); // have_timecodes
      }
    }
    m.bitDepth = bitDepth(b);
    b.bool(); // modular_16_bit_buffer_sufficient
    long channels = b.u32(0, 0, 1, 0, 2, 4, 1, 12);
    if (channels > MAX_EXTRA_CHANNELS) {
      throw new UnsupportedImageException(
          "the JPEG XL image has %d extra channels; the most supported is %d (level 5)"
              .formatted(channels, MAX_EXTRA_CHANNELS));
    }
    for (int i = 0; i < channels; i++) {
      m.alpha |= extraChannel(b);
    }
    return m;
  }

  private static void previewHeader(Bits b) {
    boolean div8 = b.bool();
    previewDimension(b, div8);
    if (b.bits(3) == 0) { // ratio
      previewDimension(b, div8);
    }
  }

  private static void previewDimension(Bits b, boolean div8) {
    if (div8) {
      b.u32(16, 0, 32, 0, 1, 5, 33, 9);
    } else {
      b.u32(1, 6, 65, 8, 321, 10, 1345, 12);
    }
  }

  /** BitDepth: bits per sample, checked as libjxl checks it. */
  private static int bitDepth(Bits b) {
    if (!b.bool()) {
      long bits = b.u32(8, 0, 10, 0, 12, 0, 1, 6);
      if (bits > 31) {
        throw new InvalidImageException(HEADER + " declares " + bits + " bits per sample");
      }
      return (int) bits;
    }
    long bits = b.u32(32, 0, 16, 0, 24, 0, 1, 6);
    long exponent = b.bits(4) + 1;
    long mantissa = bits - exponent - 1;
    if (exponent < 2 || exponent > 8 || mantissa < 2 || mantissa > 23) {
      throw new InvalidImageException(
          HEADER + " declares an impossible floating-point sample format");
    }
    return (int) bits;
  }

  /** ExtraChannelInfo; returns whether it is an alpha channel. */
  private static boolean extraChannel(Bits b) {
    if (b.bool()) { // all_default: 8-bit alpha
      return true;
    }
    long type = b.u32(0, 0, 1, 0, 2, 4, 18, 6);
    if (type > 6 && type != 16) {
      throw new InvalidImageException(HEADER + " has an extra channel of unknown type " + type);
    }
    bitDepth(b);
    b.u32(0, 0, 3, 0, 4, 0, 1, 3); // dim_shift
    long nameLength = b.u32(0, 0, 0, 4, 16, 5, 48, 10);
    b.skip(8 * nameLength);
    if (type == ALPHA) {
      b.bool(); // alpha_associated
    } else if (type == SPOT_COLOR) {
      b.skip(4 * 16);
    } else if (type == CFA) {
      b.u32(1, 0, 0, 2, 3, 4, 19, 8);
    }
    return type == ALPHA;
  }

  /** Least-significant-bit-first reads, with the codestream's U32 distributions. */
  private static final class Bits {
    private final byte[] d;
    private final long end;
    private long bit;

    Bits(byte[] d, int from, int to) {
      this.d = d;
      this.bit = (long) from * 8;
      this.end = (long) to * 8;
    }

    long bits(int n) {
      skipCheck(n);
      long v = 0;
      for (int i = 0; i < n; i++, bit++) {
        v |= (long) ((d[(int) (bit >> 3)] >> (bit & 7)) & 1) << i;
      }
      return v;
    }

    boolean bool() {
      return bits(1) == 1;
    }

    /**
     * U32: a 2-bit selector picks one of four distributions, each an offset plus a number of bits
     * (0 bits: a constant).
     */
    long u32(long o0, int n0, long o1, int n1, long o2, int n2, long o3, int n3) {
      return switch ((int) bits(2)) {
        case 0 -> o0 + bits(n0);
        case 1 -> o1 + bits(n1);
        case 2 -> o2 + bits(n2);
        default -> o3 + bits(n3);
      };
    }

    void skip(long n) {
      skipCheck(n);
      bit += n;
    }

    private void skipCheck(long n) {
      if (n > end - bit) {
        throw new InvalidImageException(HEADER + " is truncated");
      }
    }
  }
}
