package io.imgedge.transform.probe;

import io.imgedge.transform.InvalidImageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The box tree of an ISO base media file (ISO/IEC 14496-12: HEIF and AVIF, and the JPEG XL
 * container of ISO/IEC 18181-2), read once and validated strictly: every box lies within its parent
 * (a box that runs past the end of the file is noted as a truncation, see {@link #truncated}),
 * 64-bit {@code largesize} and {@code uuid} headers are understood, a size of 0 ("to the end of the
 * file") is allowed only for the last top-level box, containers nest at most {@link #MAX_DEPTH}
 * deep and a file holds at most {@link #MAX_BOXES} boxes. Only the container boxes the scanners
 * need are opened (see {@link #childrenOffset}); every other box is an opaque payload, so nothing
 * in it can loop or recurse. A box tree has no references between boxes, so it cannot loop.
 */
final class IsoBoxes {
  /**
   * Deepest nesting of container boxes. The deepest box a scanner reads is an AVIF sequence's
   * {@code moov/trak/mdia/minf/stbl/stsd/av01/av1C}, at depth 7 (top level is 0).
   */
  static final int MAX_DEPTH = 16;

  /**
   * Most boxes in one file (every level counted). A grid AVIF at {@link AvifScanner#MAX_GRID_TILES}
   * tiles, with an alpha grid of as many, needs one {@code infe} box per tile and a few dozen more.
   */
  static final int MAX_BOXES = 4096;

  /** Containers whose payload is a list of boxes, opened by {@link #childrenOffset}. */
  private static final Set<String> PLAIN_CONTAINERS =
      Set.of(
          "moov", "trak", "mdia", "minf", "stbl", "dinf", "edts", "mvex", "iprp", "ipco", "tref");

  /**
   * One box.
   *
   * @param type its four-character type
   * @param start offset of its header
   * @param payload offset of its payload (after the header)
   * @param end offset just past it
   * @param depth 0 at top level
   * @param children the boxes inside it, for the containers that are opened; empty otherwise
   */
  record Box(String type, int start, int payload, int end, int depth, List<Box> children) {
    int payloadSize() {
      return end - payload;
    }

    /** The first child of a type, or null. */
    @Nullable Box child(String childType) {
      for (Box b : children) {
        if (b.type.equals(childType)) {
          return b;
        }
      }
      return null;
    }
  }

  private final byte[] d;
  private final String file;
  private final boolean openContainers;
  private int boxes;
  private @Nullable Box truncated;
  private long declaredSize;

  private IsoBoxes(byte[] d, String file, boolean openContainers) {
    this.d = d;
    this.file = file;
    this.openContainers = openContainers;
  }

  /**
   * Reads the top-level boxes of a file and, when {@code openContainers}, the HEIF/ISOBMFF
   * containers inside them.
   *
   * @param file how messages name the file, e.g. "the AVIF file"
   */
  static IsoBoxes read(byte[] d, String file, boolean openContainers, List<Box> into) {
    IsoBoxes reader = new IsoBoxes(d, file, openContainers);
    into.addAll(reader.list(null, 0, d.length, 0));
    return reader;
  }

  /**
   * The last top-level box if it runs past the end of the data (its {@code end} clamped to the
   * data), or null. Scanners check the limits before they report the truncation, so that a cut
   * download of a too-large image is refused as too large.
   */
  @Nullable Box truncated() {
    return truncated;
  }

  /** Throws if the file was truncated. */
  void checkComplete() {
    if (truncated != null) {
      throw new InvalidImageException(
          "%s is truncated: its '%s' box declares %d bytes but only %d remain"
              .formatted(file, truncated.type(), declaredSize, d.length - truncated.start()));
    }
  }

  private List<Box> list(@Nullable Box parent, int from, int to, int depth) {
    if (depth > MAX_DEPTH) {
      throw new InvalidImageException(
          "%s nests boxes more than %d deep (in '%s')"
              .formatted(file, MAX_DEPTH, parent == null ? "" : parent.type()));
    }
    List<Box> out = new ArrayList<>();
    int at = from;
    while (at < to) {
      Box box = box(parent, at, to, depth);
      out.add(box);
      at = box.end();
    }
    return out;
  }

  private Box box(@Nullable Box parent, int at, int to, int depth) {
    if (++boxes > MAX_BOXES) {
      throw new InvalidImageException("%s has more than %d boxes".formatted(file, MAX_BOXES));
    }
    String where =
        parent == null
            ? "the end of the file"
            : "the end of its parent '" + parent.type() + "' box";
    if (to - at < 8) {
      throw new InvalidImageException(
          parent == null
              ? "%s ends inside a box header at byte %d (truncated?)".formatted(file, at)
              : "%s has %d stray bytes at the end of its '%s' box"
                  .formatted(file, to - at, parent.type()));
    }
    long size = Bytes.u32be(d, at, file);
    String type = Bytes.fourCc(d, at + 4, file);
    int header = 8;
    if (size == 1) {
      if (to - at < 16) {
        throw new InvalidImageException(
            "%s's '%s' box header runs past %s".formatted(file, type, where));
      }
      size = (Bytes.u32be(d, at + 8, file) << 32) | Bytes.u32be(d, at + 12, file);
      header = 16;
      if (size < 0) {
        size = Long.MAX_VALUE; // above 2^63: far past any parent
      }
    } else if (size == 0) {
      if (parent != null) {
        throw new InvalidImageException(
            "%s's '%s' box has size 0, which only the last top-level box may have"
                .formatted(file, type));
      }
      size = to - at;
    }
    if (type.equals("uuid")) {
      header += 16;
    }
    if (size < header) {
      throw new InvalidImageException(
          "%s's '%s' box declares %d bytes, less than its header".formatted(file, type, size));
    }
    boolean cut = size > to - at;
    if (cut && parent != null) {
      throw new InvalidImageException("%s's '%s' box runs past %s".formatted(file, type, where));
    }
    if (cut && to - at < header) {
      throw new InvalidImageException(
          "%s ends inside a box header at byte %d (truncated?)".formatted(file, at));
    }
    int end = cut ? to : (int) (at + size);
    int payload = at + header;
    if (cut) {
      declaredSize = size;
      truncated = new Box(type, at, payload, end, depth, List.of());
      return truncated; // a cut box is never opened
    }
    int offset = openContainers ? childrenOffset(parent, type, payload, end) : -1;
    List<Box> children = List.of();
    if (offset >= 0) {
      Box shell = new Box(type, at, payload, end, depth, children);
      children = List.copyOf(list(shell, payload + offset, end, depth + 1));
    }
    return new Box(type, at, payload, end, depth, children);
  }

  /**
   * Where the child boxes of a container start within its payload, or -1 for a box that is not
   * opened: plain containers at 0; the full boxes {@code meta} and {@code iref} after their version
   * and flags; {@code iinf} and {@code stsd} also after their entry count; an {@code av01} sample
   * entry (in {@code stsd}) after its 78 bytes of VisualSampleEntry fields.
   */
  private int childrenOffset(@Nullable Box parent, String type, int payload, int end) {
    String parentType = parent == null ? "" : parent.type();
    if (PLAIN_CONTAINERS.contains(type)) {
      return 0;
    }
    return switch (type) {
      case "meta", "iref" -> fits(type, payload, end, 4);
      case "stsd" -> fits(type, payload, end, 8);
      case "iinf" ->
          fits(type, payload, end, fits(type, payload, end, 4) > 0 && d[payload] == 0 ? 6 : 8);
      case "av01" -> parentType.equals("stsd") ? fits(type, payload, end, 78) : -1;
      default -> -1;
    };
  }

  private int fits(String type, int payload, int end, int offset) {
    if (end - payload < offset) {
      throw new InvalidImageException(
          "%s's '%s' box is too short (%d bytes)".formatted(file, type, end - payload));
    }
    return offset;
  }
}
