package io.imgedge.cache.disk;

import io.imgedge.cache.Cacheable;
import io.imgedge.cache.Freshness;
import java.io.IOException;
import java.util.List;

/** A test value with a body, a name in its metadata, freshness and surrogate keys. */
record Blob(String name, byte[] bytes, Freshness freshness, List<String> surrogateKeys)
    implements Cacheable {

  @Override
  public long sizeInBytes() {
    return bytes.length + 64L;
  }

  /** Keys are {@code group/name}; a blob's group is what comes before the slash. */
  static final DiskCodec<String, Blob> CODEC =
      new DiskCodec<>() {
        @Override
        public byte[] encodeKey(String key) {
          return Fields.writer().string("blob").string(key).toByteArray();
        }

        @Override
        public String decodeKey(byte[] bytes) throws IOException {
          Fields.Reader r = Fields.reader(bytes);
          if (!r.string().equals("blob")) {
            throw new IOException("not a blob key");
          }
          String key = r.string();
          r.end();
          return key;
        }

        @Override
        public Object groupOf(String key) {
          int slash = key.indexOf('/');
          return slash < 0 ? key : key.substring(0, slash);
        }

        @Override
        public DiskObject encode(Blob value) {
          return new DiskObject(
              value.freshness(),
              "\"" + value.name() + "\"",
              Fields.writer().string(value.name()).toByteArray(),
              value.surrogateKeys(),
              value.bytes());
        }

        @Override
        public Blob decode(String key, DiskObject object) throws IOException {
          Fields.Reader r = Fields.reader(object.metadata());
          String name = r.string();
          r.end();
          return new Blob(name, object.body(), object.freshness(), object.surrogateKeys());
        }
      };
}
