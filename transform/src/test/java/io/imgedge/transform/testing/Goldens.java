package io.imgedge.transform.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Golden perceptual hashes in a test resource ({@code goldens/<name>.properties}, key = case, value
 * = 16 hex digits). A missing or differing hash fails the test, unless the build runs with {@code
 * -Dimgedge.goldens.update=true} (like imgproxy's {@code TEST_CREATE_MISSING_HASHES}): then the
 * hashes are written to {@code src/test/resources/goldens/} of the module and the test passes.
 * Review the diff of that file before committing it.
 */
public final class Goldens {
  /** The system property that regenerates golden files. */
  public static final String UPDATE_PROPERTY = "imgedge.goldens.update";

  private final String name;
  private final Map<String, String> hashes = new TreeMap<>();
  private final Map<String, String> updated = new TreeMap<>();

  private Goldens(String name) {
    this.name = name;
    Properties p = new Properties();
    try (InputStream in = Goldens.class.getResourceAsStream("/goldens/" + name + ".properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    p.forEach((k, v) -> hashes.put((String) k, (String) v));
  }

  /** The golden file {@code goldens/<name>.properties} on the test class path. */
  public static Goldens load(String name) {
    return new Goldens(name);
  }

  /** Whether this run regenerates goldens. */
  public static boolean updating() {
    return Boolean.getBoolean(UPDATE_PROPERTY);
  }

  /**
   * Checks a hash against the golden within {@code maxDistance} bits (or records it when updating).
   */
  public synchronized void check(String key, long hash, int maxDistance) {
    String hex = String.format("%016x", hash);
    if (updating()) {
      updated.put(key, hex);
      save();
      return;
    }
    String golden = hashes.get(key);
    if (golden == null) {
      fail(
          "no golden hash for %s in goldens/%s.properties (actual %s); run with -D%s=true to create it",
          key, name, hex, UPDATE_PROPERTY);
    }
    int d = PerceptualHash.distance(Long.parseUnsignedLong(golden, 16), hash);
    if (d > maxDistance) {
      fail(
          "%s: perceptual hash %s differs from the golden %s by %d bits (at most %d); if the change is "
              + "intended, run with -D%s=true and review the diff",
          key, hex, golden, d, maxDistance, UPDATE_PROPERTY);
    }
  }

  private void save() {
    Map<String, String> all = new TreeMap<>(hashes);
    all.putAll(updated);
    StringBuilder text =
        new StringBuilder(
            "# Perceptual hashes (dHash) of rendered test images; regenerate with -D"
                + UPDATE_PROPERTY
                + "=true\n");
    all.forEach(
        (k, v) ->
            text.append(k.replace(" ", "\\ ").replace("=", "\\=").replace(":", "\\:"))
                .append('=')
                .append(v)
                .append('\n'));
    try {
      Path dir = Path.of("src", "test", "resources", "goldens");
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(name + ".properties"), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
