package io.imgedge.cache.disk;

import io.imgedge.cache.Freshness;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The format of one object's file: a fixed prefix (magic and version, the header's length and its
 * CRC32C), the header (key, body length, body CRC32C, freshness, ETag, the codec's metadata,
 * surrogate keys) and the body. A file is valid only if both checksums match, its key is the one
 * asked for and its length is exactly prefix + header + body: a torn, truncated, misplaced or
 * flipped file fails one of them.
 *
 * <pre>
 * 0   "IMGDISK" 0x01        magic and format version
 * 8   int   header length   (H, at most 1 MiB)
 * 12  int   header CRC32C   (over the H bytes that follow)
 * 16  header: int key length, key, long body length, int body CRC32C,
 *             freshness (received at: long seconds, int nanos; initial age, lifetime,
 *             stale-while-revalidate, stale-if-error: long seconds, int nanos each; byte storable),
 *             ETag, int metadata length, metadata, surrogate keys (int count, strings)
 * 16+H body
 * </pre>
 *
 * Numbers are big-endian; strings are an int length and UTF-8.
 */
final class ObjectFile {
  static final byte[] MAGIC = {'I', 'M', 'G', 'D', 'I', 'S', 'K', 1};
  static final int PREFIX = 16;
  static final int MAX_HEADER = 1 << 20;

  private ObjectFile() {}

  /**
   * An object file's header.
   *
   * @param key the key's bytes
   * @param bodyLength the body's length
   * @param bodyCrc the body's CRC32C
   * @param freshness the value's freshness
   * @param etag its ETag
   * @param metadata its codec's metadata
   * @param surrogateKeys its surrogate keys
   * @param headerLength the header's length in the file
   */
  record Header(
      byte[] key,
      long bodyLength,
      int bodyCrc,
      Freshness freshness,
      String etag,
      byte[] metadata,
      List<String> surrogateKeys,
      int headerLength) {

    /** The length the file must have. */
    long fileLength() {
      return PREFIX + headerLength + bodyLength;
    }
  }

  /** The file's length for an object, before writing it. */
  static long lengthOf(byte[] key, DiskObject object) {
    return PREFIX + header(key, object).length + (long) object.body().length;
  }

  /** Writes an object to a new, empty file; returns the file's length. */
  static long write(FileChannel channel, byte[] key, DiskObject object) throws IOException {
    byte[] header = header(key, object);
    ByteBuffer prefix = ByteBuffer.allocate(PREFIX);
    prefix.put(MAGIC).putInt(header.length).putInt(crc(header)).flip();
    ByteBuffer[] parts = {prefix, ByteBuffer.wrap(header), ByteBuffer.wrap(object.body())};
    long length = PREFIX + header.length + (long) object.body().length;
    long written = 0;
    while (written < length) {
      written += channel.write(parts);
    }
    return length;
  }

  private static byte[] header(byte[] key, DiskObject object) {
    Freshness f = object.freshness();
    Fields.Writer w =
        Fields.writer().bytes(key).longValue(object.body().length).intValue(crc(object.body()));
    instant(w, f.receivedAt());
    duration(w, f.initialAge());
    duration(w, f.lifetime());
    duration(w, f.staleWhileRevalidate());
    duration(w, f.staleIfError());
    return w.intValue(f.storable() ? 1 : 0)
        .string(object.etag())
        .bytes(object.metadata())
        .strings(object.surrogateKeys())
        .toByteArray();
  }

  /**
   * Reads and checks a file's prefix and header (not its body).
   *
   * @throws CorruptObjectException if the file fails a check
   */
  static Header readHeader(FileChannel channel) throws IOException {
    long size = channel.size();
    if (size < PREFIX) {
      throw new CorruptObjectException("shorter than its prefix (" + size + " bytes)");
    }
    ByteBuffer prefix = readFully(channel, 0, PREFIX);
    byte[] magic = new byte[MAGIC.length];
    prefix.get(magic);
    if (!Arrays.equals(magic, MAGIC)) {
      throw new CorruptObjectException("not an object file of this version (bad magic)");
    }
    int headerLength = prefix.getInt();
    int headerCrc = prefix.getInt();
    if (headerLength < 0 || headerLength > MAX_HEADER || PREFIX + (long) headerLength > size) {
      throw new CorruptObjectException("header length " + headerLength + " in " + size + " bytes");
    }
    byte[] header = readFully(channel, PREFIX, headerLength).array();
    if (crc(header) != headerCrc) {
      throw new CorruptObjectException("header checksum mismatch");
    }
    Header h = parse(header);
    if (h.fileLength() != size) {
      throw new CorruptObjectException(
          "length " + size + " where the header says " + h.fileLength());
    }
    return h;
  }

  /**
   * Reads a whole object, checking its header, its key and its body's checksum.
   *
   * @throws CorruptObjectException if the file fails a check or holds another key
   */
  static DiskObject read(FileChannel channel, byte[] expectedKey) throws IOException {
    Header h = readHeader(channel);
    if (!Arrays.equals(h.key(), expectedKey)) {
      throw new CorruptObjectException("holds another key");
    }
    if (h.bodyLength() > Integer.MAX_VALUE - 16) {
      throw new CorruptObjectException("body of " + h.bodyLength() + " bytes");
    }
    byte[] body = readFully(channel, PREFIX + h.headerLength(), (int) h.bodyLength()).array();
    if (crc(body) != h.bodyCrc()) {
      throw new CorruptObjectException("body checksum mismatch");
    }
    return new DiskObject(h.freshness(), h.etag(), h.metadata(), h.surrogateKeys(), body);
  }

  private static Header parse(byte[] header) throws CorruptObjectException {
    try {
      Fields.Reader r = Fields.reader(header);
      byte[] key = r.bytes();
      long bodyLength = r.longValue();
      int bodyCrc = r.intValue();
      Freshness freshness =
          new Freshness(
              instant(r), duration(r), duration(r), duration(r), duration(r), r.intValue() == 1);
      String etag = r.string();
      byte[] metadata = r.bytes();
      List<String> surrogateKeys = r.strings();
      r.end();
      if (bodyLength < 0) {
        throw new CorruptObjectException("body length " + bodyLength);
      }
      return new Header(
          key, bodyLength, bodyCrc, freshness, etag, metadata, surrogateKeys, header.length);
    } catch (CorruptObjectException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new CorruptObjectException("unreadable header: " + e.getMessage());
    }
  }

  private static void instant(Fields.Writer w, Instant t) {
    w.longValue(t.getEpochSecond()).intValue(t.getNano());
  }

  private static Instant instant(Fields.Reader r) throws IOException {
    return Instant.ofEpochSecond(r.longValue(), r.intValue());
  }

  private static void duration(Fields.Writer w, Duration d) {
    w.longValue(d.getSeconds()).intValue(d.getNano());
  }

  private static Duration duration(Fields.Reader r) throws IOException {
    return Duration.ofSeconds(r.longValue(), r.intValue());
  }

  private static ByteBuffer readFully(FileChannel channel, long position, int length)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    long at = position;
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, at);
      if (n < 0) {
        throw new EOFException("file ends at " + at);
      }
      at += n;
    }
    return buffer.flip();
  }

  static int crc(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    return (int) crc.getValue();
  }
}
