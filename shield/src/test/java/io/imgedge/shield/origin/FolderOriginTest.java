package io.imgedge.shield.origin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imgedge.shield.OriginException;
import io.imgedge.shield.SourceId;
import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.ImageTooLargeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderOriginTest {
  @TempDir Path dir;
  Path root;
  FolderOrigin origin;

  @BeforeEach
  void setUp() throws IOException {
    root = Files.createDirectory(dir.resolve("images"));
    Files.write(root.resolve("a.png"), new byte[] {1, 2, 3});
    Files.createDirectory(root.resolve("sub"));
    Files.write(root.resolve("sub/b.jpg"), new byte[] {4});
    Files.write(dir.resolve("secret.jpg"), new byte[] {9});
    origin =
        new FolderOrigin(
            root,
            10,
            new SourceFactory(
                Clock.systemUTC(), io.imgedge.cache.FreshnessRules.ttl(Duration.ofMinutes(5))),
            Runnable::run);
  }

  @Test
  void fetch_readsFilesAndDeclaresTheirType() {
    var source = origin.fetch(new SourceId("o", "sub/b.jpg"), null).join();
    assertThat(source.bytes()).containsExactly(4);
    assertThat(source.declared()).isEqualTo(ImageFormat.JPEG);
    assertThat(source.validator()).startsWith("sha256:");
    assertThat(source.lastModified()).isNotNull();
    assertThat(source.freshness().lifetime()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void fetch_missing_isNotFound() {
    assertStatus("nope.png", 404);
    assertStatus("sub", 404);
  }

  @Test
  void fetch_cannotEscapeTheFolder() {
    assertStatus("../secret.jpg", 404);
    assertStatus("sub/../../secret.jpg", 404);
  }

  @Test
  void fetch_symlinkOutOfTheFolder_isNotFound() throws IOException {
    Files.createSymbolicLink(root.resolve("link.jpg"), dir.resolve("secret.jpg"));
    assertStatus("link.jpg", 404);
  }

  @Test
  void fetch_tooLarge_isRefusedBeforeReading() throws IOException {
    Files.write(root.resolve("big.jpg"), new byte[11]);
    assertThatThrownBy(() -> origin.fetch(new SourceId("o", "big.jpg"), null).join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(ImageTooLargeException.class);
  }

  private void assertStatus(String path, int status) {
    assertThatThrownBy(() -> origin.fetch(new SourceId("o", path), null).join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            OriginException.class, e -> assertThat(e.status()).isEqualTo(status));
  }
}
