package io.imgedge.transform.probe;

import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.ImageLimits;
import io.imgedge.transform.ImageTooLargeException;
import io.imgedge.transform.InvalidImageException;
import io.imgedge.transform.UnsupportedImageException;
import io.imgedge.transform.probe.AvifTracks.Track;
import io.imgedge.transform.probe.HeifMeta.Item;
import io.imgedge.transform.probe.HeifMeta.ItemBytes;
import io.imgedge.transform.probe.HeifMeta.Property;
import io.imgedge.transform.probe.IsoBoxes.Box;
import io.imgedge.transform.spec.Orientation;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads an AVIF (AV1 in HEIF, ISO/IEC 23008-12 and the AVIF specification, MIAF constraints) the
 * way libavif 0.11 will decode it, and checks every size it will decode against the limits: the box
 * tree ({@link IsoBoxes}), the {@code ftyp} brands, the {@code meta} items ({@link HeifMeta}) and,
 * for image sequences, the {@code moov} tracks ({@link AvifTracks}).
 *
 * <p>Which image is described follows libavif's {@code AVIF_DECODER_SOURCE_AUTO}: the tracks when
 * the major brand is {@code avis} (or is neither {@code avif} nor {@code avis} and there are
 * tracks), else the primary item. The primary item must be {@code av01}, or a {@code grid} of
 * {@code av01} tiles; HEIC ({@code hvc1}) and other codings are refused by name. Its size is the
 * {@code ispe} property (the grid's output size), as stored, before any rotation; each AV1
 * bitstream's sequence header must not declare a larger frame than that (the AV1 decoder allocates
 * for the sequence header, whatever {@code ispe} says). Alpha is an {@code auxl} item whose {@code
 * auxC} names alpha, or an {@code auxl} track.
 *
 * <p>Orientation: {@code irot} and {@code imir} of the primary item, when present, are turned into
 * the equivalent EXIF orientation and win over the Exif item's (MIAF makes the Exif orientation
 * informative then; libavif and browsers apply {@code irot}/{@code imir} only). They are applied
 * rotation first, then mirror, whatever their order in {@code ipma}: MIAF (ISO/IEC 23000-22,
 * 7.3.6.7) requires that order of the associations, and libavif and Chrome always apply them so.
 * The mirror's bit is read as libavif 0.11 reads it, as HEIF's amended {@code mode}: 0 exchanges
 * top and bottom (EXIF 4), 1 exchanges left and right (EXIF 2). (The first edition of HEIF called
 * the field {@code axis} and described 0 as a vertical axis, the opposite; libavif and Chrome
 * follow the amendment.) Without them, the orientation of the Exif item that describes the primary
 * item ({@code cdsc}) is used. The decoder (libavif) returns the stored pixels; the pipeline
 * orients them.
 */
final class AvifScanner {
  /**
   * Most tiles in a grid image. libavif 0.11 runs one AV1 decoder per tile; 1024 cover a
   * 12000x12000 image in 512-pixel tiles (576) with room to spare.
   */
  static final int MAX_GRID_TILES = 1024;

  /**
   * Most bytes of an item searched for its AV1 sequence header (libavif searches 4 KB for its
   * colour information); an item of several extents is joined up to this many bytes.
   */
  private static final int AV1_HEADER_SEARCH = 16 * 1024;

  /** Most bytes of an Exif item read for its orientation. */
  private static final int MAX_EXIF_BYTES = 1 << 20;

  private static final String FILE = "the AVIF file";
  private static final Set<String> ALPHA_URNS =
      Set.of("urn:mpeg:mpegB:cicp:systems:auxiliary:alpha", "urn:mpeg:hevc:2015:auxid:1");

  private AvifScanner() {}

  /** What the colour source (item or track) says, before it becomes a header. */
  private record Image(
      long width,
      long height,
      int frames,
      int bitDepth,
      boolean alpha,
      List<Property> properties,
      @Nullable Orientation exif) {}

  /**
   * Reads an AVIF; sizes are checked against {@code limits} as soon as they are read, so a file
   * that is too large is refused as such before anything else is read from it, even when cut.
   */
  static ImageHeader scan(byte[] d, ImageLimits limits) {
    List<Box> top = new ArrayList<>();
    IsoBoxes boxes = IsoBoxes.read(d, FILE, true, top);
    Box ftyp = unique(top, "ftyp");
    Box meta = unique(top, "meta");
    Box moov = unique(top, "moov");
    Box cut = boxes.truncated();
    if (cut != null && (cut == ftyp || cut == meta || cut == moov)) {
      boxes.checkComplete();
    }
    if (ftyp == null || ftyp != top.getFirst()) {
      throw new InvalidImageException(FILE + " does not start with an 'ftyp' box");
    }
    String major = brands(d, ftyp, meta, moov);
    HeifMeta items = meta == null ? null : HeifMeta.parse(d, meta);
    List<Track> tracks = moov == null ? List.of() : AvifTracks.parse(d, moov);
    boolean fromTracks = major.equals("avis") || (!major.equals("avif") && !tracks.isEmpty());
    Image image = fromTracks ? sequence(d, tracks, items, limits) : primary(d, items, limits);
    boxes.checkComplete();
    if (items != null) {
      items.checkExtents();
    }
    return header(d, image);
  }

  private static @Nullable Box unique(List<Box> top, String type) {
    Box found = null;
    for (Box b : top) {
      if (b.type().equals(type)) {
        if (found != null) {
          throw new InvalidImageException(FILE + " has more than one '" + type + "' box");
        }
        found = b;
      }
    }
    return found;
  }

  /**
   * Checks {@code ftyp}: an {@code avif} brand needs a {@code meta} box, an {@code avis} brand a
   * {@code moov} box (as libavif requires).
   *
   * @return the major brand
   */
  private static String brands(byte[] d, Box ftyp, @Nullable Box meta, @Nullable Box moov) {
    BoxFields f = new BoxFields(d, ftyp, FILE + "'s 'ftyp' box");
    String major = f.fourCc();
    f.u32(); // minor version
    if (f.remaining() % 4 != 0) {
      throw new InvalidImageException(FILE + "'s 'ftyp' box has a partial compatible brand");
    }
    boolean avif = major.equals("avif");
    boolean avis = major.equals("avis");
    for (int at = f.position(); at < ftyp.end(); at += 4) {
      int last = aviBrand(d, at);
      avif |= last == 'f';
      avis |= last == 's';
    }
    if (avif && meta == null) {
      throw new InvalidImageException(
          FILE + " has the 'avif' brand but no 'meta' box (truncated?)");
    }
    if (avis && moov == null) {
      throw new InvalidImageException(
          FILE + " has the 'avis' brand but no 'moov' box (truncated?)");
    }
    return major;
  }

  /** The last letter of a brand {@code avi?} at {@code at}, or 0 if it is not one. */
  private static int aviBrand(byte[] d, int at) {
    return d[at] == 'a' && d[at + 1] == 'v' && d[at + 2] == 'i' ? d[at + 3] : 0;
  }

  // ---------------------------------------------------------------- the primary item

  private static Image primary(byte[] d, @Nullable HeifMeta m, ImageLimits limits) {
    if (m == null) {
      throw new InvalidImageException(FILE + " has no 'meta' box");
    }
    Item item = primaryItem(m);
    List<Property> props = m.properties(item);
    Property.Ispe ispe =
        required(find(props, Property.Ispe.class), "the AVIF image", "'ispe' (size)");
    limits.checkInputSize("the AVIF image", ispe.width(), ispe.height());
    int depth =
        item.type.equals("grid")
            ? grid(d, m, item, ispe, "the AVIF grid", limits)
            : av1Item(d, m, item, props, ispe, "the AVIF image");
    Item alpha = alphaItem(m, item);
    if (alpha != null) {
      alpha(d, m, alpha, ispe, limits);
    }
    return new Image(
        ispe.width(), ispe.height(), 1, depth, alpha != null, props, exifOrientation(d, m, item));
  }

  private static Item primaryItem(HeifMeta m) {
    if (m.primary == 0) {
      throw new InvalidImageException(FILE + " has no primary item ('pitm' box)");
    }
    Item item = m.items.get(m.primary);
    if (item == null) {
      throw new InvalidImageException(
          FILE + "'s primary item " + m.primary + " is not described ('infe')");
    }
    if (!item.type.equals("av01") && !item.type.equals("grid")) {
      throw new UnsupportedImageException(
          FILE
              + "'s primary item is coded as "
              + coding(item.type)
              + ", which is not supported: only AV1 ('av01') images and grids of them are");
    }
    usable(item, "primary item");
    return item;
  }

  /** Refuses an item libavif would skip or cannot read. */
  private static void usable(Item item, String role) {
    if (item.protection != 0) {
      throw new UnsupportedImageException(
          FILE + "'s " + role + " is encrypted, which is not supported");
    }
    if (item.unsupportedEssential != null) {
      throw new UnsupportedImageException(
          "%s's %s requires the property '%s', which is not supported"
              .formatted(FILE, role, item.unsupportedEssential));
    }
    if (!item.hasData()) {
      throw new InvalidImageException(FILE + "'s " + role + " has no data ('iloc')");
    }
  }

  /**
   * An {@code av01} item: its configuration, its pixi (which must agree, as libavif checks) and its
   * AV1 sequence header, which must not declare frames larger than the item's size.
   *
   * @return the bit depth
   */
  private static int av1Item(
      byte[] d, HeifMeta m, Item item, List<Property> props, Property.Ispe ispe, String what) {
    Property.Av1C av1c =
        required(find(props, Property.Av1C.class), what, "AV1 configuration ('av1C')");
    Property.Pixi pixi = find(props, Property.Pixi.class);
    if (pixi != null) {
      for (int depth : pixi.depths()) {
        if (depth != av1c.depth()) {
          throw new InvalidImageException(
              "%s's bit depth is %d in 'pixi' but %d in 'av1C'"
                  .formatted(what, depth, av1c.depth()));
        }
      }
    }
    ItemBytes bytes = m.bytes(item, AV1_HEADER_SEARCH, what + "'s data");
    Av1SequenceHeader seq = sequenceHeader(d, bytes.data(), bytes.from(), bytes.to(), av1c, what);
    if (seq.maxWidth() > ispe.width() || seq.maxHeight() > ispe.height()) {
      throw new InvalidImageException(
          "%s's AV1 data codes frames of up to %dx%d, larger than its size %dx%d"
              .formatted(what, seq.maxWidth(), seq.maxHeight(), ispe.width(), ispe.height()));
    }
    return av1c.depth();
  }

  /** The sequence header in the data, or else in the configuration's OBUs; one there must be. */
  private static Av1SequenceHeader sequenceHeader(
      byte[] d, byte[] data, int from, int to, Property.Av1C av1c, String what) {
    Av1SequenceHeader seq = Av1SequenceHeader.find(data, from, to, what);
    if (seq == null) {
      seq = Av1SequenceHeader.find(d, av1c.configObusFrom(), av1c.configObusTo(), what);
    }
    if (seq == null) {
      throw new InvalidImageException(
          what + "'s AV1 data has no sequence header before its first frame");
    }
    return seq;
  }

  /**
   * A {@code grid} item: its ImageGrid data (rows, columns, output size), which must match its
   * {@code ispe}; its tiles ({@code dimg} references, in order), at most {@link #MAX_GRID_TILES},
   * all {@code av01} of one size within the limits, covering the output as HEIF and MIAF require.
   *
   * @return the bit depth of its tiles
   */
  private static int grid(
      byte[] d, HeifMeta m, Item grid, Property.Ispe ispe, String what, ImageLimits limits) {
    ItemBytes data = m.bytes(grid, 16, what + "'s data");
    BoxFields f = new BoxFields(data.data(), data.from(), data.to(), what + "'s ImageGrid data");
    if (f.u8() != 0) {
      throw new InvalidImageException(what + " has an unsupported ImageGrid version");
    }
    boolean wide = (f.u8() & 1) != 0;
    int rows = f.u8() + 1;
    int columns = f.u8() + 1;
    long width = wide ? f.u32() : f.u16();
    long height = wide ? f.u32() : f.u16();
    if (data.size() != (wide ? 12 : 8)) {
      throw new InvalidImageException(what + "'s ImageGrid data has " + data.size() + " bytes");
    }
    limits.checkInputSize(what, width, height);
    if (width != ispe.width() || height != ispe.height()) {
      throw new InvalidImageException(
          "%s is %dx%d in its ImageGrid but %dx%d in its 'ispe'"
              .formatted(what, width, height, ispe.width(), ispe.height()));
    }
    int tiles = rows * columns;
    if (tiles > MAX_GRID_TILES) {
      throw new ImageTooLargeException(
          "%s has %d tiles (%d columns, %d rows); the most accepted is %d"
              .formatted(what, tiles, columns, rows, MAX_GRID_TILES));
    }
    if (grid.derivedFrom.size() != tiles) {
      throw new InvalidImageException(
          "%s has %d cells but %d tiles ('dimg')".formatted(what, tiles, grid.derivedFrom.size()));
    }
    return tiles(d, m, grid, columns, rows, width, height, what, limits);
  }

  private static int tiles(
      byte[] d,
      HeifMeta m,
      Item grid,
      int columns,
      int rows,
      long width,
      long height,
      String what,
      ImageLimits limits) {
    Set<Integer> seen = new HashSet<>();
    Property.Ispe first = null;
    int depth = 0;
    for (int id : grid.derivedFrom) {
      Item tile = m.items.get(id);
      if (tile == null || !seen.add(id)) {
        throw new InvalidImageException(
            what
                + " refers to tile "
                + id
                + (tile == null ? ", which is not described" : " twice"));
      }
      if (!tile.type.equals("av01")) {
        throw new UnsupportedImageException(
            "%s has a tile coded as %s, which is not supported: only AV1 ('av01') tiles are"
                .formatted(what, coding(tile.type)));
      }
      usable(tile, "tile " + id);
      List<Property> props = m.properties(tile);
      Property.Ispe ispe =
          required(find(props, Property.Ispe.class), what + "'s tile " + id, "'ispe' (size)");
      if (first == null) {
        first = ispe;
        limits.checkInputSize("a tile of " + what, ispe.width(), ispe.height());
        checkCoverage(what, columns, rows, width, height, ispe);
      } else if (!ispe.equals(first)) {
        throw new InvalidImageException(what + "'s tiles are not all of one size");
      }
      depth = av1Item(d, m, tile, props, ispe, what + "'s tile " + id);
    }
    return depth;
  }

  /**
   * The tiles cover the output, and the last column and row reach into it (HEIF 6.6.2.3.1, MIAF
   * 7.3.11.4.2).
   */
  private static void checkCoverage(
      String what, int columns, int rows, long width, long height, Property.Ispe tile) {
    if (tile.width() * columns < width
        || tile.height() * rows < height
        || tile.width() * (columns - 1) >= width
        || tile.height() * (rows - 1) >= height) {
      throw new InvalidImageException(
          "%s's %d x %d tiles of %dx%d do not fit its %dx%d output"
              .formatted(what, columns, rows, tile.width(), tile.height(), width, height));
    }
  }

  /**
   * The first item that is an {@code auxl} alpha plane of the primary item, as libavif finds it.
   */
  private static @Nullable Item alphaItem(HeifMeta m, Item primary) {
    for (Item item : m.items.values()) {
      if ((item.type.equals("av01") || item.type.equals("grid"))
          && item.hasData()
          && item.unsupportedEssential == null
          && item.auxFor == primary.id) {
        Property.AuxC aux = find(m.properties(item), Property.AuxC.class);
        if (aux != null && ALPHA_URNS.contains(aux.auxType())) {
          return item;
        }
      }
    }
    return null;
  }

  /**
   * The alpha item: its size (the image's, if it has no {@code ispe}, as libavif allows when not
   * strict) must be the image's, within the limits, and its AV1 data no larger.
   */
  private static void alpha(
      byte[] d, HeifMeta m, Item alpha, Property.Ispe image, ImageLimits limits) {
    List<Property> props = m.properties(alpha);
    Property.Ispe ispe = find(props, Property.Ispe.class);
    ispe = ispe == null ? image : ispe;
    limits.checkInputSize("the AVIF's alpha plane", ispe.width(), ispe.height());
    if (!ispe.equals(image)) {
      throw new InvalidImageException(
          "%s's alpha plane is %dx%d but its image %dx%d"
              .formatted(FILE, ispe.width(), ispe.height(), image.width(), image.height()));
    }
    if (alpha.type.equals("grid")) {
      grid(d, m, alpha, ispe, "the AVIF alpha grid", limits);
    } else {
      av1Item(d, m, alpha, props, ispe, "the AVIF alpha plane");
    }
  }

  /**
   * The orientation of the first Exif item describing the primary item ({@code cdsc}), whose data
   * starts with the offset of its TIFF header; null if there is none, normal if it is malformed.
   */
  private static @Nullable Orientation exifOrientation(byte[] d, HeifMeta m, Item primary) {
    for (Item item : m.items.values()) {
      if (item.type.equals("Exif") && item.descriptionFor == primary.id && item.hasData()) {
        ItemBytes exif = m.bytes(item, MAX_EXIF_BYTES, "the AVIF's Exif item");
        if (exif.to() - exif.from() < 4) {
          return Orientation.NORMAL;
        }
        long offset = Bytes.u32be(exif.data(), exif.from(), "the AVIF's Exif item");
        if (offset > exif.to() - exif.from() - 4) {
          return Orientation.NORMAL;
        }
        return ExifOrientation.read(exif.data(), (int) (exif.from() + 4 + offset), exif.to());
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- image sequences

  /**
   * An image sequence, as libavif picks its tracks: the colour track is the first with a {@code
   * tkhd}, chunks and an {@code av01} sample entry that is not auxiliary; the alpha track an {@code
   * av01} track auxiliary to it. Its size is the colour track's {@code tkhd} size; every track's
   * size, every sample entry's, the first frame's AV1 sequence header and the primary item, if any,
   * are checked against the limits too, whichever the decoder picks.
   */
  private static Image sequence(
      byte[] d, List<Track> tracks, @Nullable HeifMeta m, ImageLimits limits) {
    Track colour = null;
    Track alpha = null;
    for (Track t : tracks) {
      if (t.id() != 0) {
        limits.checkInputSize("a track of the AVIF sequence", t.width(), t.height());
      }
      if (colour == null && decodable(t) && t.auxFor() == 0) {
        colour = t;
      }
    }
    if (colour == null) {
      throw new InvalidImageException(FILE + " has no AV1 colour track to decode");
    }
    for (Track t : tracks) {
      if (alpha == null && decodable(t) && t.auxFor() == colour.id()) {
        alpha = t;
      }
    }
    if (colour.samples() == 0) {
      throw new InvalidImageException(FILE + "'s sequence has no frames");
    }
    limits.checkFrames((int) Math.min(Integer.MAX_VALUE, colour.samples()));
    int depth = trackFrames(d, colour, "the AVIF sequence", limits);
    if (alpha != null) {
      trackFrames(d, alpha, "the AVIF sequence's alpha track", limits);
    }
    checkPrimaryItemSize(m, limits);
    return new Image(
        colour.width(),
        colour.height(),
        (int) colour.samples(),
        depth,
        alpha != null,
        colour.properties(),
        null);
  }

  private static boolean decodable(Track t) {
    return t.id() != 0 && t.chunks() > 0 && t.entry() != null;
  }

  /**
   * A track's sample entry size and its first frame's AV1 sequence header, against the limits.
   *
   * @return the bit depth
   */
  private static int trackFrames(byte[] d, Track t, String what, ImageLimits limits) {
    limits.checkInputSize("a frame of " + what, t.entryWidth(), t.entryHeight());
    Property.Av1C av1c =
        required(find(t.properties(), Property.Av1C.class), what, "AV1 configuration ('av1C')");
    long from = t.firstSample();
    long size = t.firstSampleSize();
    if (from > d.length || size > d.length - from) {
      throw new InvalidImageException(what + "'s first frame lies outside the file (truncated?)");
    }
    int to = (int) (from + Math.min(size, AV1_HEADER_SEARCH));
    Av1SequenceHeader seq = sequenceHeader(d, d, (int) from, to, av1c, what);
    limits.checkInputSize("the AV1 frames of " + what, seq.maxWidth(), seq.maxHeight());
    return av1c.depth();
  }

  /** An image sequence's primary item, if it has one, may be decoded too: its size is checked. */
  private static void checkPrimaryItemSize(@Nullable HeifMeta m, ImageLimits limits) {
    Item item = m == null ? null : m.items.get(m.primary);
    Property.Ispe ispe =
        m == null || item == null ? null : find(m.properties(item), Property.Ispe.class);
    if (ispe != null) {
      limits.checkInputSize("the AVIF's primary image", ispe.width(), ispe.height());
    }
  }

  // ---------------------------------------------------------------- the header

  private static ImageHeader header(byte[] d, Image image) {
    List<Property> props = image.properties();
    Cicp nclx = null;
    Property.Colr icc = null;
    for (Property p : props) {
      if (p instanceof Property.Colr colr) {
        if (colr.nclx() != null) {
          nclx = unique(nclx, colr.nclx(), "nclx");
        } else {
          icc = unique(icc, colr, "ICC");
        }
      }
    }
    Property.Irot irot = find(props, Property.Irot.class);
    Property.Imir imir = find(props, Property.Imir.class);
    Orientation orientation =
        irot != null || imir != null
            ? orientation(irot == null ? 0 : irot.angle(), imir == null ? -1 : imir.mode())
            : image.exif() != null ? image.exif() : Orientation.NORMAL;
    byte[] profile =
        icc == null ? null : java.util.Arrays.copyOfRange(d, icc.iccFrom(), icc.iccTo());
    int w = (int) image.width();
    int h = (int) image.height();
    return new ImageHeader(
        ImageFormat.AVIF,
        w,
        h,
        image.frames(),
        orientation,
        profile,
        image.alpha(),
        false,
        null,
        new Rectangle(0, 0, w, h),
        d.length,
        false,
        false,
        image.bitDepth(),
        nclx);
  }

  private static <T> T unique(@Nullable T seen, T next, String kind) {
    if (seen != null) {
      throw new InvalidImageException(
          FILE + "'s image has two '" + kind + "' colour boxes ('colr')");
    }
    return next;
  }

  /**
   * The EXIF orientation that displays what {@code irot} then {@code imir} display: a rotation by
   * {@code angle} x 90 degrees anticlockwise, then a mirror ({@code mirror} -1 for none, 0 top to
   * bottom, 1 left to right).
   */
  static Orientation orientation(int angle, int mirror) {
    int[] exif =
        switch (mirror) {
          case 0 -> new int[] {4, 5, 2, 7}; // rotate, then exchange top and bottom
          case 1 -> new int[] {2, 7, 4, 5}; // rotate, then exchange left and right
          default -> new int[] {1, 8, 3, 6}; // rotate only: 90 anticlockwise is EXIF 8
        };
    return Orientation.fromExif(exif[angle & 3]);
  }

  private static <T extends Property> @Nullable T find(List<Property> props, Class<T> type) {
    for (Property p : props) {
      if (type.isInstance(p)) {
        return type.cast(p);
      }
    }
    return null;
  }

  private static <T> T required(@Nullable T value, String what, String property) {
    if (value == null) {
      throw new InvalidImageException(what + " has no " + property + " property");
    }
    return value;
  }

  /** An item type as a person would know it. */
  private static String coding(String type) {
    String name =
        switch (type) {
          case "hvc1", "hev1" -> " (HEVC, as in HEIC)";
          case "avc1", "avc3" -> " (H.264)";
          case "vvc1", "vvi1" -> " (VVC)";
          case "jpeg" -> " (JPEG)";
          case "j2k1" -> " (JPEG 2000)";
          case "unci" -> " (uncompressed)";
          case "iden" -> " (an identity-derived image)";
          case "iovl" -> " (an overlay)";
          case "tmap" -> " (a tone-mapped derived image)";
          case "grid" -> " (a grid: grids of grids are not allowed)";
          default -> "";
        };
    return "'" + type + "'" + name;
  }
}
