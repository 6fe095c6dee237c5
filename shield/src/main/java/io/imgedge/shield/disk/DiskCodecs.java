package io.imgedge.shield.disk;

import io.imgedge.cache.disk.DiskCodec;
import io.imgedge.cache.disk.DiskObject;
import io.imgedge.cache.disk.Fields;
import io.imgedge.shield.Derivative;
import io.imgedge.shield.DerivativeKey;
import io.imgedge.shield.Shield;
import io.imgedge.shield.SourceId;
import io.imgedge.shield.SourceObject;
import io.imgedge.transform.ImageFormat;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * The disk tier's codecs: a shield's sources (keyed by {@link SourceId}) and renditions (keyed by
 * {@link Shield.Rendition}: the derivative and its source's version), and an edge's derivatives
 * (keyed by {@link DerivativeKey}). Every key starts with its kind and a version, so a file of
 * another tier or an older layout is refused (and dropped), never misread; a derivative's key holds
 * the pipeline version and the transform defaults, so a file rendered by another pipeline is never
 * found. Each key's group is its source, for purges by source.
 */
public final class DiskCodecs {
  private static final String SOURCE = "source/1";
  private static final String RENDITION = "rendition/1";
  private static final String DERIVATIVE = "derivative/1";

  private DiskCodecs() {}

  /** Sources: the body, the origin's validators, freshness, declared format, surrogate keys. */
  public static DiskCodec<SourceId, SourceObject> sources() {
    return new DiskCodec<>() {
      @Override
      public byte[] encodeKey(SourceId key) {
        return source(Fields.writer().string(SOURCE), key).toByteArray();
      }

      @Override
      public SourceId decodeKey(byte[] bytes) throws IOException {
        Fields.Reader r = kind(bytes, SOURCE);
        SourceId id = source(r);
        r.end();
        return id;
      }

      @Override
      public Object groupOf(SourceId key) {
        return key;
      }

      @Override
      public DiskObject encode(SourceObject s) {
        byte[] metadata =
            Fields.writer()
                .nullableString(s.declared() == null ? null : s.declared().name())
                .nullableString(instant(s.lastModified()))
                .nullableString(s.revalidation().etag())
                .nullableString(s.revalidation().lastModified())
                .toByteArray();
        return new DiskObject(s.freshness(), s.validator(), metadata, s.surrogateKeys(), s.bytes());
      }

      @Override
      public SourceObject decode(SourceId key, DiskObject o) throws IOException {
        Fields.Reader r = Fields.reader(o.metadata());
        String declared = r.nullableString();
        Instant lastModified = instant(r.nullableString());
        var revalidation = new SourceObject.Revalidation(r.nullableString(), r.nullableString());
        r.end();
        return new SourceObject(
            key,
            o.body(),
            declared == null ? null : format(declared),
            o.etag(),
            lastModified,
            o.freshness(),
            revalidation,
            o.surrogateKeys());
      }
    };
  }

  /** A shield's renditions: a derivative of one version of its source. */
  public static DiskCodec<Shield.Rendition, Derivative> renditions() {
    return new DerivativeCodec<>() {
      @Override
      public byte[] encodeKey(Shield.Rendition key) {
        return derivativeKey(Fields.writer().string(RENDITION), key.key())
            .string(key.sourceValidator())
            .toByteArray();
      }

      @Override
      public Shield.Rendition decodeKey(byte[] bytes) throws IOException {
        Fields.Reader r = kind(bytes, RENDITION);
        Shield.Rendition rendition = new Shield.Rendition(derivativeKey(r), r.string());
        r.end();
        return rendition;
      }

      @Override
      public Object groupOf(Shield.Rendition key) {
        return key.key().groups();
      }
    };
  }

  /** An edge's derivatives. */
  public static DiskCodec<DerivativeKey, Derivative> derivatives() {
    return new DerivativeCodec<>() {
      @Override
      public byte[] encodeKey(DerivativeKey key) {
        return derivativeKey(Fields.writer().string(DERIVATIVE), key).toByteArray();
      }

      @Override
      public DerivativeKey decodeKey(byte[] bytes) throws IOException {
        Fields.Reader r = kind(bytes, DERIVATIVE);
        DerivativeKey key = derivativeKey(r);
        r.end();
        return key;
      }

      @Override
      public Object groupOf(DerivativeKey key) {
        return key.groups();
      }
    };
  }

  /** A derivative's value: its bytes and everything needed to answer for it. */
  private abstract static class DerivativeCodec<K> implements DiskCodec<K, Derivative> {
    @Override
    public DiskObject encode(Derivative d) {
      byte[] metadata =
          Fields.writer()
              .string(d.format().name())
              .nullableString(instant(d.lastModified()))
              .string(d.info())
              .strings(d.warnings())
              .string(d.sourceValidator())
              .intValue(d.standIn() ? 1 : 0)
              .toByteArray();
      return new DiskObject(d.freshness(), d.etag(), metadata, d.surrogateKeys(), d.bytes());
    }

    @Override
    public Derivative decode(K key, DiskObject o) throws IOException {
      Fields.Reader r = Fields.reader(o.metadata());
      ImageFormat format = format(r.string());
      Instant lastModified = instant(r.nullableString());
      String info = r.string();
      var warnings = r.strings();
      String sourceValidator = r.string();
      boolean standIn = r.intValue() == 1;
      r.end();
      return new Derivative(
          o.body(),
          format,
          o.etag(),
          lastModified,
          o.freshness(),
          info,
          warnings,
          sourceValidator,
          o.surrogateKeys(),
          standIn);
    }
  }

  private static Fields.Reader kind(byte[] bytes, String expected) throws IOException {
    Fields.Reader r = Fields.reader(bytes);
    String kind = r.string();
    if (!kind.equals(expected)) {
      throw new IOException("a key of kind '" + kind + "', not '" + expected + "'");
    }
    return r;
  }

  private static Fields.Writer source(Fields.Writer w, SourceId id) {
    return w.string(id.origin()).string(id.path());
  }

  private static SourceId source(Fields.Reader r) throws IOException {
    return new SourceId(r.string(), r.string());
  }

  private static Fields.Writer derivativeKey(Fields.Writer w, DerivativeKey k) {
    return source(w, k.source())
        .string(k.spec())
        .string(k.target())
        .intValue(k.pipelineVersion())
        .string(k.defaults());
  }

  private static DerivativeKey derivativeKey(Fields.Reader r) throws IOException {
    return new DerivativeKey(source(r), r.string(), r.string(), r.intValue(), r.string());
  }

  private static ImageFormat format(String name) throws IOException {
    try {
      return ImageFormat.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IOException("unknown image format " + name, e);
    }
  }

  private static @Nullable String instant(@Nullable Instant t) {
    return t == null ? null : t.toString();
  }

  private static @Nullable Instant instant(@Nullable String text) throws IOException {
    try {
      return text == null ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IOException("bad instant " + text, e);
    }
  }
}
