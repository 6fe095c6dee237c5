package io.imgedge.transform.probe;

import io.imgedge.transform.InvalidImageException;
import io.imgedge.transform.probe.IsoBoxes.Box;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The items of a HEIF {@code meta} box (ISO/IEC 23008-12): {@code hdlr}, {@code pitm}, {@code
 * iinf}/{@code infe}, {@code iloc}, {@code iref}, {@code idat} and {@code iprp} (the {@code ipco}
 * property list and its {@code ipma} associations), checked as libavif checks them, plus the bounds
 * on item counts that keep a hostile file from making the probe slow or large.
 */
final class HeifMeta {
  /**
   * Most items (iinf entries, iloc and ipma entries) and most item references (all {@code iref}
   * boxes together) in one file: a grid at {@link AvifScanner#MAX_GRID_TILES} tiles with an alpha
   * grid of as many needs about 2,050 of each.
   */
  static final int MAX_ITEMS = 4096;

  /**
   * Most extents of one item. Encoders write one per item, or a few; libheif allows 32. Without a
   * bound, an {@code iloc} box with 0-byte offset and length fields would describe billions of
   * extents in a few bytes.
   */
  static final int MAX_EXTENTS = 64;

  /** The property types libavif 0.11 understands; an item that needs another one is skipped. */
  private static final Set<String> SUPPORTED_PROPERTIES =
      Set.of(
          "ispe", "auxC", "colr", "av1C", "pasp", "clap", "irot", "imir", "pixi", "a1op", "lsel",
          "a1lx");

  private static final String FILE = "the AVIF file";

  /** One item of the meta box. */
  static final class Item {
    final int id;
    final String type;
    final int protection;
    boolean located;
    boolean inIdat;
    long[] extents =
        new long[0]; // offset, length pairs; a length of 0 runs to the end of the source
    final List<Integer> properties = new ArrayList<>();
    @Nullable String unsupportedEssential;
    boolean associated;
    int auxFor;
    int descriptionFor;
    final List<Integer> derivedFrom = new ArrayList<>();

    Item(int id, String type, int protection) {
      this.id = id;
      this.type = type;
      this.protection = protection;
    }

    /** Whether iloc gave it any bytes. */
    boolean hasData() {
      return located && extents.length > 0;
    }
  }

  /**
   * An item property from {@code ipco} (or an {@code av01} sample entry), parsed as libavif does.
   */
  sealed interface Property {
    /** Image spatial extents: the stored size. */
    record Ispe(long width, long height) implements Property {}

    /** Pixel information: bits per channel. */
    record Pixi(int[] depths) implements Property {}

    /** AV1 codec configuration; {@code configObus} is where its optional OBUs lie in the file. */
    record Av1C(int depth, int configObusFrom, int configObusTo) implements Property {}

    /** Colour information: either an ICC profile (its bytes' range) or an nclx description. */
    record Colr(@Nullable Cicp nclx, int iccFrom, int iccTo) implements Property {}

    /** Rotation by {@code angle} times 90 degrees anticlockwise. */
    record Irot(int angle) implements Property {}

    /** Mirroring: 0 exchanges top and bottom, 1 left and right (libavif 0.11's {@code mode}). */
    record Imir(int mode) implements Property {}

    /** Auxiliary type, e.g. the alpha URN. */
    record AuxC(String auxType) implements Property {}

    /** Any other property, kept by type. */
    record Other(String type) implements Property {}
  }

  final Map<Integer, Item> items = new LinkedHashMap<>();
  final List<Property> properties = new ArrayList<>();
  int primary;
  private @Nullable Box idat;
  private final byte[] d;

  private HeifMeta(byte[] d) {
    this.d = d;
  }

  /** Parses a top-level {@code meta} box. */
  static HeifMeta parse(byte[] d, Box meta) {
    HeifMeta m = new HeifMeta(d);
    if (new BoxFields(d, meta, FILE + "'s 'meta' box").version() != 0) {
      throw new InvalidImageException(FILE + "'s 'meta' box has an unsupported version");
    }
    if (meta.children().isEmpty() || !meta.children().getFirst().type().equals("hdlr")) {
      throw new InvalidImageException(
          FILE + "'s 'meta' box does not start with a handler ('hdlr') box");
    }
    handler(d, meta.children().getFirst());
    Map<String, Box> unique = new LinkedHashMap<>();
    for (Box b : meta.children()) {
      if (Set.of("hdlr", "iloc", "pitm", "idat", "iprp", "iinf", "iref").contains(b.type())
          && unique.putIfAbsent(b.type(), b) != null) {
        throw new InvalidImageException(
            FILE + "'s 'meta' box has more than one '" + b.type() + "' box");
      }
    }
    m.idat = unique.get("idat");
    if (unique.containsKey("iinf")) {
      m.itemInfo(unique.get("iinf"));
    }
    if (unique.containsKey("pitm")) {
      BoxFields f = new BoxFields(d, unique.get("pitm"), FILE + "'s 'pitm' box");
      m.primary = (int) Math.min(Integer.MAX_VALUE, f.id(f.version()));
    }
    if (unique.containsKey("iloc")) {
      m.locations(unique.get("iloc"));
    }
    if (unique.containsKey("iref")) {
      m.references(unique.get("iref"));
    }
    if (unique.containsKey("iprp")) {
      m.itemProperties(unique.get("iprp"));
    }
    return m;
  }

  private static void handler(byte[] d, Box hdlr) {
    BoxFields f = new BoxFields(d, hdlr, FILE + "'s 'hdlr' box");
    f.version();
    f.u32(); // pre_defined
    String handler = f.fourCc();
    if (!handler.equals("pict")) {
      throw new InvalidImageException(
          FILE + "'s 'meta' box has handler '" + handler + "', not 'pict' (images)");
    }
  }

  private void itemInfo(Box iinf) {
    BoxFields f = new BoxFields(d, iinf, FILE + "'s 'iinf' box");
    int version = f.version();
    if (version > 1) {
      throw new InvalidImageException(FILE + "'s 'iinf' box has an unsupported version " + version);
    }
    long count = f.id(version);
    if (count > MAX_ITEMS) {
      throw new InvalidImageException(
          "%s declares %d items; the most accepted is %d".formatted(FILE, count, MAX_ITEMS));
    }
    if (iinf.children().size() < count) {
      throw new InvalidImageException(
          "%s's 'iinf' box declares %d items but holds %d"
              .formatted(FILE, count, iinf.children().size()));
    }
    for (Box infe : iinf.children().subList(0, (int) count)) {
      if (!infe.type().equals("infe")) {
        throw new InvalidImageException(
            FILE + "'s 'iinf' box holds a '" + infe.type() + "' box, not 'infe'");
      }
      itemInfoEntry(infe);
    }
  }

  private void itemInfoEntry(Box infe) {
    BoxFields f = new BoxFields(d, infe, FILE + "'s 'infe' box");
    int version = f.version();
    if (version != 2 && version != 3) {
      throw new InvalidImageException(
          FILE + "'s 'infe' box has version " + version + "; HEIF items need version 2 or 3");
    }
    long id = version == 2 ? f.u16() : f.u32();
    int protection = f.u16();
    String type = f.fourCc();
    if (id == 0 || id > Integer.MAX_VALUE) {
      throw new InvalidImageException(FILE + " has an item with the invalid id " + id);
    }
    if (items.putIfAbsent((int) id, new Item((int) id, type, protection)) != null) {
      throw new InvalidImageException(FILE + " describes item " + id + " twice");
    }
  }

  private void locations(Box iloc) {
    String what = FILE + "'s 'iloc' box";
    BoxFields f = new BoxFields(d, iloc, what);
    int version = f.version();
    if (version > 2) {
      throw new InvalidImageException(what + " has an unsupported version " + version);
    }
    int sizes = f.u8();
    int offsetSize = sizes >> 4;
    int lengthSize = sizes & 0x0F;
    int more = f.u8();
    int baseOffsetSize = more >> 4;
    int indexSize = version > 0 ? more & 0x0F : 0;
    long count = version < 2 ? f.u16() : f.u32();
    if (count > MAX_ITEMS) {
      throw new InvalidImageException(
          "%s locates %d items; the most accepted is %d".formatted(FILE, count, MAX_ITEMS));
    }
    for (long i = 0; i < count; i++) {
      long id = version < 2 ? f.u16() : f.u32();
      int method = version > 0 ? f.u16() & 0x0F : 0;
      f.u16(); // data_reference_index: ignored, as libavif does
      long base = f.unsigned(baseOffsetSize);
      int extentCount = f.u16();
      if (extentCount > MAX_EXTENTS) {
        throw new InvalidImageException(
            "%s's item %d has %d extents; the most accepted is %d"
                .formatted(FILE, id, extentCount, MAX_EXTENTS));
      }
      long[] extents = new long[2 * extentCount];
      for (int e = 0; e < extentCount; e++) {
        f.unsigned(indexSize); // extent_index: only meaningful for construction method 2
        long offset = f.unsigned(offsetSize);
        extents[2 * e] = offset > Long.MAX_VALUE - base ? Long.MAX_VALUE : base + offset;
        extents[2 * e + 1] = f.unsigned(lengthSize);
      }
      locate(id, method, extents);
    }
  }

  private void locate(long id, int method, long[] extents) {
    Item item = items.get((int) Math.min(id, Integer.MAX_VALUE));
    if (item == null) {
      return; // data of an undescribed item: never used
    }
    if (item.located) {
      throw new InvalidImageException(FILE + " locates item " + id + " twice");
    }
    if (method > 1) {
      throw new InvalidImageException(
          FILE
              + "'s item "
              + id
              + " uses iloc construction method "
              + method
              + ", which is not supported");
    }
    item.located = true;
    item.inIdat = method == 1;
    item.extents = extents;
  }

  private void references(Box iref) {
    int version = new BoxFields(d, iref, FILE + "'s 'iref' box").version();
    int total = 0;
    for (Box ref : iref.children()) {
      BoxFields f = new BoxFields(d, ref, FILE + "'s '" + ref.type() + "' reference");
      long from = f.id(version);
      int count = f.u16();
      total += count;
      if (total > MAX_ITEMS) {
        throw new InvalidImageException(
            "%s has more than %d item references".formatted(FILE, MAX_ITEMS));
      }
      for (int i = 0; i < count; i++) {
        reference(ref.type(), from, f.id(version));
      }
    }
  }

  /** Reads "{@code from} is a {@code type} of {@code to}", as libavif does. */
  private void reference(String type, long from, long to) {
    Item item = from > Integer.MAX_VALUE ? null : items.get((int) from);
    if (item == null || to == 0 || to > Integer.MAX_VALUE) {
      return;
    }
    switch (type) {
      case "auxl" -> item.auxFor = (int) to;
      case "cdsc" -> item.descriptionFor = (int) to;
      case "dimg" -> item.derivedFrom.add((int) to);
      default -> {}
    }
  }

  private void itemProperties(Box iprp) {
    List<Box> children = iprp.children();
    if (children.isEmpty() || !children.getFirst().type().equals("ipco")) {
      throw new InvalidImageException(FILE + "'s 'iprp' box does not start with an 'ipco' box");
    }
    for (Box property : children.getFirst().children()) {
      properties.add(property(d, property));
    }
    Set<Long> versionsAndFlags = new HashSet<>();
    for (Box ipma : children.subList(1, children.size())) {
      if (!ipma.type().equals("ipma")) {
        throw new InvalidImageException(
            FILE + "'s 'iprp' box holds a '" + ipma.type() + "' box, not 'ipma'");
      }
      associations(ipma, versionsAndFlags);
    }
  }

  private void associations(Box ipma, Set<Long> versionsAndFlags) {
    String what = FILE + "'s 'ipma' box";
    BoxFields f = new BoxFields(d, ipma, what);
    long versionAndFlags = f.u32();
    int version = (int) (versionAndFlags >>> 24);
    boolean wide = (versionAndFlags & 1) != 0;
    if (!versionsAndFlags.add(versionAndFlags)) {
      throw new InvalidImageException(FILE + " has two 'ipma' boxes of the same version and flags");
    }
    long count = f.u32();
    if (count > MAX_ITEMS) {
      throw new InvalidImageException(
          "%s associates properties with %d items; the most accepted is %d"
              .formatted(FILE, count, MAX_ITEMS));
    }
    long previous = 0;
    for (long i = 0; i < count; i++) {
      long id = f.id(version);
      if (id <= previous) {
        throw new InvalidImageException(what + " does not list its items in increasing order");
      }
      previous = id;
      Item item = id > Integer.MAX_VALUE ? null : items.get((int) id);
      if (item != null && item.associated) {
        throw new InvalidImageException(FILE + " associates properties with item " + id + " twice");
      }
      if (item != null) {
        item.associated = true;
      }
      int associationCount = f.u8();
      for (int a = 0; a < associationCount; a++) {
        int entry = wide ? f.u16() : f.u8();
        boolean essential = (entry & (wide ? 0x8000 : 0x80)) != 0;
        int index = entry & (wide ? 0x7FFF : 0x7F);
        associate(item, id, index, essential);
      }
    }
  }

  private void associate(@Nullable Item item, long id, int index, boolean essential) {
    if (index == 0) {
      return;
    }
    if (index > properties.size()) {
      throw new InvalidImageException(
          "%s gives item %d the property %d, but 'ipco' has only %d"
              .formatted(FILE, id, index, properties.size()));
    }
    if (item == null) {
      return;
    }
    String type = type(properties.get(index - 1));
    if (SUPPORTED_PROPERTIES.contains(type)) {
      item.properties.add(index - 1);
    } else if (essential && item.unsupportedEssential == null) {
      item.unsupportedEssential = type;
    }
  }

  /** The four-character type of a parsed property. */
  static String type(Property p) {
    return switch (p) {
      case Property.Ispe _ -> "ispe";
      case Property.Pixi _ -> "pixi";
      case Property.Av1C _ -> "av1C";
      case Property.Colr _ -> "colr";
      case Property.Irot _ -> "irot";
      case Property.Imir _ -> "imir";
      case Property.AuxC _ -> "auxC";
      case Property.Other o -> o.type();
    };
  }

  /** The properties associated with an item, in association order. */
  List<Property> properties(Item item) {
    List<Property> out = new ArrayList<>(item.properties.size());
    for (int index : item.properties) {
      out.add(properties.get(index));
    }
    return out;
  }

  /** Parses one property box, refusing what libavif refuses. */
  static Property property(byte[] d, Box b) {
    String what = FILE + "'s '" + b.type() + "' property";
    BoxFields f = new BoxFields(d, b, what);
    return switch (b.type()) {
      case "ispe" -> {
        fullBoxVersion0(f, what);
        yield new Property.Ispe(f.u32(), f.u32());
      }
      case "pixi" -> pixi(f, what);
      case "av1C" -> av1c(f, what);
      case "colr" -> colr(f);
      case "irot" -> new Property.Irot(reservedZero(f.u8(), 0xFC, what));
      case "imir" -> new Property.Imir(reservedZero(f.u8(), 0xFE, what));
      case "auxC" -> {
        fullBoxVersion0(f, what);
        yield new Property.AuxC(string(d, f.position(), b.end(), what));
      }
      case "pasp" -> fixed(f, 8, b.type());
      case "clap" -> fixed(f, 32, b.type());
      case "a1op" -> {
        if (f.u8() > 31) {
          throw new InvalidImageException(what + " selects an operating point above 31");
        }
        yield new Property.Other(b.type());
      }
      default -> new Property.Other(b.type());
    };
  }

  private static Property pixi(BoxFields f, String what) {
    fullBoxVersion0(f, what);
    int channels = f.u8();
    if (channels > 4) {
      throw new InvalidImageException(
          what + " describes " + channels + " channels; the most supported is 4");
    }
    int[] depths = new int[channels];
    for (int i = 0; i < channels; i++) {
      depths[i] = f.u8();
    }
    return new Property.Pixi(depths);
  }

  private static Property av1c(BoxFields f, String what) {
    f.need(4);
    if (f.u8() != 0x81) {
      throw new InvalidImageException(
          what + " has a wrong marker or version (not an AV1 configuration)");
    }
    f.u8(); // seq_profile, seq_level_idx_0
    int flags = f.u8();
    f.u8(); // initial presentation delay
    boolean highBitDepth = (flags & 0x40) != 0;
    boolean twelveBit = (flags & 0x20) != 0;
    int depth = twelveBit ? 12 : highBitDepth ? 10 : 8;
    return new Property.Av1C(depth, f.position(), f.position() + f.remaining());
  }

  private static Property colr(BoxFields f) {
    String colourType = f.fourCc();
    return switch (colourType) {
      case "prof", "rICC" -> new Property.Colr(null, f.position(), f.position() + f.remaining());
      case "nclx" -> {
        int primaries = f.u16();
        int transfer = f.u16();
        int matrix = f.u16();
        boolean full = (f.u8() & 0x80) != 0;
        yield new Property.Colr(new Cicp(primaries, transfer, matrix, full), 0, 0);
      }
      default -> new Property.Other("colr");
    };
  }

  private static Property fixed(BoxFields f, int size, String type) {
    f.need(size);
    return new Property.Other(type);
  }

  private static void fullBoxVersion0(BoxFields f, String what) {
    if (f.version() != 0) {
      throw new InvalidImageException(what + " has an unsupported version");
    }
  }

  private static int reservedZero(int value, int reserved, String what) {
    if ((value & reserved) != 0) {
      throw new InvalidImageException(what + " has reserved bits set");
    }
    return value;
  }

  /** A NUL-terminated string within {@code [from, to)}. */
  private static String string(byte[] d, int from, int to, String what) {
    for (int i = from; i < to; i++) {
      if (d[i] == 0) {
        return new String(d, from, i - from, java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    throw new InvalidImageException(what + " has a string without its terminating NUL");
  }

  /**
   * Where an item's bytes lie: one range of the file when it has a single extent, else a copy of
   * its extents joined, cut at {@code max} bytes.
   *
   * @return {@code {data, from, to}} as an {@link ItemBytes}
   */
  ItemBytes bytes(Item item, int max, String what) {
    int[] ranges = ranges(item, what);
    if (ranges.length == 2) {
      int to = (int) Math.min(ranges[1], (long) ranges[0] + max);
      return new ItemBytes(d, ranges[0], to, ranges[1] - ranges[0]);
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    long total = 0;
    for (int i = 0; i < ranges.length; i += 2) {
      total += ranges[i + 1] - ranges[i];
      int n = Math.min(ranges[i + 1] - ranges[i], max - out.size());
      out.write(d, ranges[i], n);
    }
    byte[] joined = out.toByteArray();
    return new ItemBytes(joined, 0, joined.length, total);
  }

  /**
   * An item's bytes.
   *
   * @param data the bytes (the file, or a joined copy)
   * @param from where they start in {@code data}
   * @param to where they end in {@code data} (at most the cap asked for)
   * @param size the item's whole size
   */
  record ItemBytes(byte[] data, int from, int to, long size) {}

  /** Checks that every located item lies within the file (or its 'idat' box). */
  void checkExtents() {
    for (Item item : items.values()) {
      if (item.located) {
        ranges(item, "item " + item.id + " ('" + item.type + "')");
      }
    }
  }

  /** The file ranges of an item's extents, {@code from, to} pairs. */
  private int[] ranges(Item item, String what) {
    int base = 0;
    int limit = d.length;
    if (item.inIdat) {
      if (idat == null) {
        throw new InvalidImageException(
            FILE + "'s " + what + " is stored in an 'idat' box it does not have");
      }
      base = idat.payload();
      limit = idat.end();
    }
    long source = limit - base;
    int[] ranges = new int[item.extents.length];
    for (int i = 0; i < item.extents.length; i += 2) {
      long offset = item.extents[i];
      long length = item.extents[i + 1] == 0 ? source - offset : item.extents[i + 1];
      if (offset > source || length > source - offset) {
        throw new InvalidImageException(
            "%s's %s lies outside %s"
                .formatted(FILE, what, item.inIdat ? "its 'idat' box" : "the file (truncated?)"));
      }
      ranges[i] = (int) (base + offset);
      ranges[i + 1] = (int) (base + offset + length);
    }
    return ranges;
  }
}
