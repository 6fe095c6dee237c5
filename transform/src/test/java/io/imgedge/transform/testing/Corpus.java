package io.imgedge.transform.testing;

import static org.assertj.core.api.Assertions.fail;

import java.awt.Dimension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared test corpus: real images made by other projects, in {@code ../shared/corpus/} beside
 * the checkout, with a {@code MANIFEST.tsv} that says what each exercises and what to expect.
 *
 * <p>The folder is found through the system property {@value #SHARED_DIR_PROPERTY} (set by surefire
 * to {@code ${maven.multiModuleProjectDirectory}/../shared}), or else by looking for {@code
 * shared/corpus} above the working directory. Test classes that use it are annotated {@link
 * RequiresCorpus} (or call {@link #assumeAvailable()}): where the corpus is missing they are
 * skipped, except on CI (environment variable {@code CI=true}), where they fail.
 *
 * <p>Tests that must pass anywhere use {@link TestImages#resource} instead.
 */
public final class Corpus {
  /** The system property naming the shared folder that holds {@code corpus/}. */
  public static final String SHARED_DIR_PROPERTY = "imgedge.shared.dir";

  private static final Pattern DIMENSIONS = Pattern.compile("(\\d+)x(\\d+)");

  private Corpus() {}

  /** The corpus folder, if it exists. */
  public static Optional<Path> directory() {
    String shared = System.getProperty(SHARED_DIR_PROPERTY);
    if (shared != null) {
      Path corpus = Path.of(shared, "corpus");
      return Files.isRegularFile(corpus.resolve("MANIFEST.tsv"))
          ? Optional.of(corpus.normalize())
          : Optional.empty();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path corpus = dir.resolve("shared").resolve("corpus");
      if (Files.isRegularFile(corpus.resolve("MANIFEST.tsv"))) {
        return Optional.of(corpus);
      }
    }
    return Optional.empty();
  }

  /**
   * Skips the calling test (or class, from {@code @BeforeAll}) when the corpus is missing; on CI
   * ({@code CI=true}) fails instead, with a message saying where it was looked for.
   */
  public static void assumeAvailable() {
    if (directory().isPresent()) {
      return;
    }
    if (isCi()) {
      fail("the shared test corpus is required on CI but missing: " + whyMissing());
    }
    Assumptions.abort("the shared test corpus is not available: " + whyMissing());
  }

  /**
   * Whether this is a CI run (environment variable {@code CI=true}), where the corpus must exist.
   */
  static boolean isCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** Where the corpus was looked for, for skip and failure messages. */
  static String whyMissing() {
    String shared = System.getProperty(SHARED_DIR_PROPERTY);
    return shared == null
        ? "system property "
            + SHARED_DIR_PROPERTY
            + " is not set and there is no shared/corpus above "
            + Path.of("").toAbsolutePath()
        : "there is no corpus/MANIFEST.tsv in " + SHARED_DIR_PROPERTY + "=" + shared;
  }

  /** The corpus folder; see {@link #assumeAvailable()}. */
  public static Path requireDirectory() {
    assumeAvailable();
    return directory().orElseThrow();
  }

  /** The path of one corpus file, e.g. {@code path("orient-landscape-6.jpg")}. */
  public static Path path(String file) {
    return requireDirectory().resolve(file);
  }

  /**
   * The bytes of one corpus file.
   *
   * @throws AssertionError if the corpus has no such file
   */
  public static byte[] bytes(String file) {
    Path path = path(file);
    if (!Files.isRegularFile(path)) {
      return fail("the corpus has no file %s (in %s)", file, path.getParent());
    }
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The names of the corpus files whose name starts with {@code prefix}, sorted. */
  public static List<String> files(String prefix) {
    return manifest().keySet().stream().filter(f -> f.startsWith(prefix)).sorted().toList();
  }

  /** Every manifest entry by file name, in manifest order. */
  public static Map<String, Entry> manifest() {
    return ManifestHolder.load();
  }

  /**
   * The manifest entry of one file.
   *
   * @throws AssertionError if the manifest does not list it
   */
  public static Entry entry(String file) {
    Entry e = manifest().get(file);
    return e != null ? e : fail("MANIFEST.tsv does not list %s", file);
  }

  private static final class ManifestHolder {
    private static @Nullable Map<String, Entry> manifest;

    static synchronized Map<String, Entry> load() {
      if (manifest == null) {
        manifest = parse(requireDirectory().resolve("MANIFEST.tsv"));
      }
      return manifest;
    }

    private static Map<String, Entry> parse(Path file) {
      Map<String, Entry> entries = new LinkedHashMap<>();
      try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
        lines
            .skip(1)
            .filter(l -> !l.isBlank())
            .forEach(
                line -> {
                  String[] f = line.split("\t", -1);
                  if (f.length < 10) {
                    throw new IllegalStateException("malformed MANIFEST.tsv line: " + line);
                  }
                  entries.put(
                      f[0],
                      new Entry(
                          f[0],
                          Long.parseLong(f[1]),
                          f[2],
                          f[3],
                          f[4],
                          f[5],
                          f[6],
                          f[7],
                          f[8],
                          f[9]));
                });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return Collections.unmodifiableMap(entries);
    }
  }

  /**
   * One line of {@code MANIFEST.tsv}.
   *
   * @param file the file name
   * @param bytes its size
   * @param sha256Prefix the first 16 hex digits of its SHA-256
   * @param sourceRepo the GitHub repository it was copied from
   * @param sourcePath its path there
   * @param sourceCommit the commit it was copied at
   * @param license the source repository's licence
   * @param exercises what the file exercises
   * @param properties the detected properties, {@code key=value} pairs separated by {@code "; "}
   * @param expected the expected behaviour, free text
   */
  public record Entry(
      String file,
      long bytes,
      String sha256Prefix,
      String sourceRepo,
      String sourcePath,
      String sourceCommit,
      String license,
      String exercises,
      String properties,
      String expected) {

    /** One detected property, e.g. {@code property("format")} gives {@code JPEG}. */
    public Optional<String> property(String key) {
      for (String pair : properties.split("; ")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).equals(key)) {
          return Optional.of(pair.substring(eq + 1));
        }
      }
      return Optional.empty();
    }

    /** The stored dimensions ({@code dims=WxH}), before any EXIF orientation. */
    public Optional<Dimension> dimensions() {
      return property("dims")
          .map(DIMENSIONS::matcher)
          .filter(Matcher::matches)
          .map(m -> new Dimension(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
    }

    /** The EXIF orientation ({@code exif_orientation=N}), or 1 if none is listed. */
    public int exifOrientation() {
      return property("exif_orientation").map(Integer::parseInt).orElse(1);
    }
  }
}
