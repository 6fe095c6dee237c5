package io.imgedge.cache.disk;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Length-prefixed fields for {@link DiskCodec}s: keys and metadata are written with a {@link
 * Writer} and read back, in the same order, with a {@link Reader}, which refuses anything
 * truncated, oversized or left over.
 */
public final class Fields {
  private static final int NULL = -1;

  private Fields() {}

  /** A new writer. */
  public static Writer writer() {
    return new Writer();
  }

  /** A reader of what a writer wrote. */
  public static Reader reader(byte[] bytes) {
    return new Reader(bytes);
  }

  /** Writes fields into bytes. */
  public static final class Writer {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(128);

    private Writer() {}

    /** A string (UTF-8, length first). */
    public Writer string(String value) {
      byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
      intValue(utf8.length);
      out.writeBytes(utf8);
      return this;
    }

    /** A string or null. */
    public Writer nullableString(@Nullable String value) {
      return value == null ? intValue(NULL) : string(value);
    }

    /** Raw bytes (length first). */
    public Writer bytes(byte[] value) {
      intValue(value.length);
      out.writeBytes(value);
      return this;
    }

    /** A list of strings. */
    public Writer strings(List<String> values) {
      intValue(values.size());
      values.forEach(this::string);
      return this;
    }

    /** A 32-bit number. */
    public Writer intValue(int value) {
      out.writeBytes(ByteBuffer.allocate(4).putInt(value).array());
      return this;
    }

    /** A 64-bit number. */
    public Writer longValue(long value) {
      out.writeBytes(ByteBuffer.allocate(8).putLong(value).array());
      return this;
    }

    /** What was written. */
    public byte[] toByteArray() {
      return out.toByteArray();
    }
  }

  /** Reads fields back; every read fails with an {@link IOException} on malformed bytes. */
  public static final class Reader {
    private final ByteBuffer in;

    private Reader(byte[] bytes) {
      this.in = ByteBuffer.wrap(bytes);
    }

    /** A string. */
    public String string() throws IOException {
      String s = nullableString();
      if (s == null) {
        throw new IOException("a string expected, null found");
      }
      return s;
    }

    /** A string or null. */
    public @Nullable String nullableString() throws IOException {
      int length = intValue();
      if (length == NULL) {
        return null;
      }
      if (length < 0 || length > in.remaining()) {
        throw new EOFException("a string of " + length + " bytes, " + in.remaining() + " left");
      }
      byte[] utf8 = new byte[length];
      in.get(utf8);
      return new String(utf8, StandardCharsets.UTF_8);
    }

    /** Raw bytes. */
    public byte[] bytes() throws IOException {
      int length = intValue();
      if (length < 0 || length > in.remaining()) {
        throw new EOFException("" + length + " bytes expected, " + in.remaining() + " left");
      }
      byte[] value = new byte[length];
      in.get(value);
      return value;
    }

    /** A list of strings. */
    public List<String> strings() throws IOException {
      int n = intValue();
      if (n < 0 || n > in.remaining() / 4) {
        throw new EOFException("a list of " + n + " strings, " + in.remaining() + " bytes left");
      }
      List<String> values = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        values.add(string());
      }
      return values;
    }

    /** A 32-bit number. */
    public int intValue() throws IOException {
      try {
        return in.getInt();
      } catch (BufferUnderflowException e) {
        throw new EOFException("a number expected, " + in.remaining() + " bytes left");
      }
    }

    /** A 64-bit number. */
    public long longValue() throws IOException {
      try {
        return in.getLong();
      } catch (BufferUnderflowException e) {
        throw new EOFException("a number expected, " + in.remaining() + " bytes left");
      }
    }

    /**
     * Checks that everything was read.
     *
     * @throws IOException if bytes are left over
     */
    public void end() throws IOException {
      if (in.hasRemaining()) {
        throw new IOException(in.remaining() + " bytes left over");
      }
    }
  }
}
