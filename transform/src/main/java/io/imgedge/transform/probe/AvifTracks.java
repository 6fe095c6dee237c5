package io.imgedge.transform.probe;

import io.imgedge.transform.InvalidImageException;
import io.imgedge.transform.probe.HeifMeta.Property;
import io.imgedge.transform.probe.IsoBoxes.Box;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The tracks of an AVIF image sequence's {@code moov} box (ISO/IEC 14496-12 {@code trak}: {@code
 * tkhd}, {@code tref}, and the sample table {@code mdia/minf/stbl} with {@code stsd}, {@code
 * stsz}/{@code stz2}, {@code stco}/{@code co64} and {@code stsc}), read as libavif 0.11 reads them.
 * Nothing is allocated per sample: counts and the first sample are all the probe needs.
 */
final class AvifTracks {
  private static final String FILE = "the AVIF file";

  private AvifTracks() {}

  /**
   * One track.
   *
   * @param id its track_ID (0 if it has no {@code tkhd}: libavif skips it)
   * @param width its width from {@code tkhd} (16.16 fixed point, integer part)
   * @param height its height
   * @param auxFor the track it is auxiliary to (an {@code auxl} track reference), or 0
   * @param entry its {@code av01} sample entry, or null
   * @param entryWidth the sample entry's width
   * @param entryHeight the sample entry's height
   * @param properties the boxes of the {@code av01} sample entry, parsed as item properties
   * @param samples the sample (frame) count
   * @param chunks the chunk count
   * @param firstSample where the first sample starts in the file (the first chunk's offset)
   * @param firstSampleSize its size
   */
  record Track(
      int id,
      int width,
      int height,
      int auxFor,
      @Nullable Box entry,
      int entryWidth,
      int entryHeight,
      List<Property> properties,
      long samples,
      long chunks,
      long firstSample,
      long firstSampleSize) {}

  /** Reads every {@code trak} of a {@code moov}. */
  static List<Track> parse(byte[] d, Box moov) {
    List<Track> tracks = new ArrayList<>();
    for (Box trak : moov.children()) {
      if (trak.type().equals("trak")) {
        tracks.add(track(d, trak));
      }
    }
    return tracks;
  }

  private static Track track(byte[] d, Box trak) {
    Box tkhd = trak.child("tkhd");
    int[] header = tkhd == null ? new int[3] : trackHeader(d, tkhd);
    Box tref = trak.child("tref");
    Box auxl = tref == null ? null : tref.child("auxl");
    int auxFor =
        auxl == null
            ? 0
            : (int)
                Math.min(
                    Integer.MAX_VALUE,
                    new BoxFields(d, auxl, FILE + "'s 'auxl' track reference").u32());
    Box stbl = sampleTable(trak);
    if (stbl == null) {
      return new Track(header[0], header[1], header[2], auxFor, null, 0, 0, List.of(), 0, 0, 0, 0);
    }
    Box entry = av01Entry(d, stbl);
    long[] sizes = sampleSizes(d, stbl);
    long[] chunks = chunkOffsets(d, stbl);
    checkSampleToChunk(d, stbl);
    List<Property> properties = new ArrayList<>();
    int entryWidth = 0;
    int entryHeight = 0;
    if (entry != null) {
      entryWidth = Bytes.u16be(d, entry.payload() + 24, FILE);
      entryHeight = Bytes.u16be(d, entry.payload() + 26, FILE);
      for (Box b : entry.children()) {
        properties.add(HeifMeta.property(d, b));
      }
    }
    return new Track(
        header[0],
        header[1],
        header[2],
        auxFor,
        entry,
        entryWidth,
        entryHeight,
        List.copyOf(properties),
        sizes[0],
        chunks[0],
        chunks[1],
        sizes[1]);
  }

  /** {@code tkhd}: track_ID, and width and height (16.16 fixed point). */
  private static int[] trackHeader(byte[] d, Box tkhd) {
    String what = FILE + "'s 'tkhd' box";
    BoxFields f = new BoxFields(d, tkhd, what);
    int version = f.version();
    if (version > 1) {
      throw new InvalidImageException(what + " has an unsupported version " + version);
    }
    f.skip(version == 1 ? 16 : 8); // creation and modification times
    long id = f.u32();
    f.skip(
        4
            + (version == 1 ? 8 : 4)
            + 52); // reserved, duration, reserved, layer, group, volume, matrix
    long width = f.u32() >>> 16;
    long height = f.u32() >>> 16;
    if (width == 0 || height == 0) {
      throw new InvalidImageException(
          "%s's track %d has no size (%dx%d)".formatted(FILE, id, width, height));
    }
    return new int[] {(int) Math.min(id, Integer.MAX_VALUE), (int) width, (int) height};
  }

  private static @Nullable Box sampleTable(Box trak) {
    Box mdia = trak.child("mdia");
    Box minf = mdia == null ? null : mdia.child("minf");
    if (minf == null) {
      return null;
    }
    Box stbl = null;
    for (Box b : minf.children()) {
      if (b.type().equals("stbl")) {
        if (stbl != null) {
          throw new InvalidImageException(FILE + " has a track with two sample tables ('stbl')");
        }
        stbl = b;
      }
    }
    return stbl;
  }

  /** The first {@code av01} sample entry of {@code stsd}, or null. */
  private static @Nullable Box av01Entry(byte[] d, Box stbl) {
    Box stsd = stbl.child("stsd");
    if (stsd == null) {
      return null;
    }
    String what = FILE + "'s 'stsd' box";
    BoxFields f = new BoxFields(d, stsd, what);
    f.version();
    long count = f.u32();
    if (count > stsd.children().size()) {
      throw new InvalidImageException(
          "%s declares %d sample entries but holds %d"
              .formatted(what, count, stsd.children().size()));
    }
    for (Box entry : stsd.children().subList(0, (int) count)) {
      if (entry.type().equals("av01")) {
        return entry;
      }
    }
    return null;
  }

  /** The sample count ({@code stsz} or {@code stz2}) and the first sample's size. */
  private static long[] sampleSizes(byte[] d, Box stbl) {
    Box stsz = stbl.child("stsz");
    if (stsz != null) {
      BoxFields f = new BoxFields(d, stsz, FILE + "'s 'stsz' box");
      f.version();
      long size = f.u32();
      long count = f.u32();
      if (size == 0) {
        f.need(4 * count);
        return new long[] {count, count == 0 ? 0 : f.u32()};
      }
      return new long[] {count, size};
    }
    Box stz2 = stbl.child("stz2");
    if (stz2 != null) {
      BoxFields f = new BoxFields(d, stz2, FILE + "'s 'stz2' box");
      f.version();
      f.skip(3);
      int fieldSize = f.u8();
      long count = f.u32();
      if (fieldSize != 4 && fieldSize != 8 && fieldSize != 16) {
        throw new InvalidImageException(
            FILE + "'s 'stz2' box has a field size of " + fieldSize + " bits");
      }
      f.need((count * fieldSize + 7) / 8);
      long first =
          count == 0 ? 0 : fieldSize == 4 ? f.u8() >> 4 : fieldSize == 8 ? f.u8() : f.u16();
      return new long[] {count, first};
    }
    return new long[] {0, 0};
  }

  /** The chunk count ({@code stco} or {@code co64}) and the first chunk's offset. */
  private static long[] chunkOffsets(byte[] d, Box stbl) {
    boolean large = stbl.child("stco") == null;
    Box box = large ? stbl.child("co64") : stbl.child("stco");
    if (box == null) {
      return new long[] {0, 0};
    }
    BoxFields f = new BoxFields(d, box, FILE + "'s '" + box.type() + "' box");
    f.version();
    long count = f.u32();
    f.need(count * (large ? 8 : 4));
    long first = count == 0 ? 0 : f.unsigned(large ? 8 : 4);
    return new long[] {count, first};
  }

  /** {@code stsc}: chunks numbered from 1 and strictly increasing, as libavif requires. */
  private static void checkSampleToChunk(byte[] d, Box stbl) {
    Box stsc = stbl.child("stsc");
    if (stsc == null) {
      return;
    }
    String what = FILE + "'s 'stsc' box";
    BoxFields f = new BoxFields(d, stsc, what);
    f.version();
    long count = f.u32();
    f.need(12 * count);
    long previous = 0;
    for (long i = 0; i < count; i++) {
      long firstChunk = f.u32();
      f.skip(8);
      if (i == 0 ? firstChunk != 1 : firstChunk <= previous) {
        throw new InvalidImageException(
            what + " does not number its chunks from 1 in increasing order");
      }
      previous = firstChunk;
    }
  }
}
