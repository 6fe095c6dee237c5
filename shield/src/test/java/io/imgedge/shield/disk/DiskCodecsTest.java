package io.imgedge.shield.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imgedge.cache.Freshness;
import io.imgedge.cache.disk.DiskCodec;
import io.imgedge.cache.disk.DiskObject;
import io.imgedge.shield.Derivative;
import io.imgedge.shield.DerivativeKey;
import io.imgedge.shield.Shield;
import io.imgedge.shield.SourceId;
import io.imgedge.shield.SourceObject;
import io.imgedge.transform.ImageFormat;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiskCodecsTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:15:30.123456789Z");
  private static final Freshness FRESHNESS =
      new Freshness(
          NOW,
          Duration.ofSeconds(3),
          Duration.ofHours(1),
          Duration.ofMinutes(1),
          Duration.ofDays(1),
          true);
  private static final SourceId ID = new SourceId("site", "photos/cat é.jpg");
  private static final DerivativeKey KEY =
      new DerivativeKey(ID, "width=200&fit=crop", "webp~", 7, "1a2b3c4d");

  @Test
  void sources_roundTrip() throws IOException {
    SourceObject s =
        new SourceObject(
            ID,
            new byte[] {1, 2, 3},
            ImageFormat.JPEG,
            "etag:\"v1\"",
            NOW,
            FRESHNESS,
            new SourceObject.Revalidation("\"v1\"", "Sun, 01 Mar 2026 10:15:30 GMT"),
            List.of("a", "b"));
    DiskCodec<SourceId, SourceObject> codec = DiskCodecs.sources();
    assertThat(codec.decodeKey(codec.encodeKey(ID))).isEqualTo(ID);
    assertThat(codec.groupOf(ID)).isEqualTo(ID);
    SourceObject back = codec.decode(ID, codec.encode(s));
    assertThat(back.bytes()).isEqualTo(s.bytes());
    assertThat(back).usingRecursiveComparison().ignoringFields("bytes").isEqualTo(s);

    SourceObject bare =
        new SourceObject(
            ID,
            new byte[0],
            null,
            "sha256:00",
            null,
            FRESHNESS,
            SourceObject.Revalidation.NONE,
            List.of());
    assertThat(codec.decode(ID, codec.encode(bare))).usingRecursiveComparison().isEqualTo(bare);
  }

  @Test
  void renditionsAndDerivatives_roundTrip() throws IOException {
    Derivative d =
        new Derivative(
            new byte[] {9, 8, 7},
            ImageFormat.WEBP,
            "\"e1\"",
            NOW,
            FRESHNESS,
            "input 10x10",
            List.of("upscale off"),
            "etag:\"v1\"",
            List.of("k"));
    Shield.Rendition rendition = new Shield.Rendition(KEY, "etag:\"v1\"");
    DiskCodec<Shield.Rendition, Derivative> renditions = DiskCodecs.renditions();
    assertThat(renditions.decodeKey(renditions.encodeKey(rendition))).isEqualTo(rendition);
    assertThat(renditions.groupOf(rendition)).isEqualTo(ID);
    Derivative back = renditions.decode(rendition, renditions.encode(d));
    assertThat(back.bytes()).isEqualTo(d.bytes());
    assertThat(back).usingRecursiveComparison().ignoringFields("bytes").isEqualTo(d);

    DiskCodec<DerivativeKey, Derivative> derivatives = DiskCodecs.derivatives();
    assertThat(derivatives.decodeKey(derivatives.encodeKey(KEY))).isEqualTo(KEY);
    assertThat(derivatives.groupOf(KEY)).isEqualTo(ID);
  }

  @Test
  void aKeyOfAnotherTier_orTruncated_isRefused() {
    byte[] source = DiskCodecs.sources().encodeKey(ID);
    byte[] derivative = DiskCodecs.derivatives().encodeKey(KEY);
    assertThatThrownBy(() -> DiskCodecs.renditions().decodeKey(derivative))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("derivative/1");
    assertThatThrownBy(() -> DiskCodecs.derivatives().decodeKey(source))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(
            () ->
                DiskCodecs.sources().decodeKey(java.util.Arrays.copyOf(source, source.length - 1)))
        .isInstanceOf(IOException.class);
    assertThat(DiskCodecs.renditions().encodeKey(new Shield.Rendition(KEY, "v1")))
        .isNotEqualTo(DiskCodecs.renditions().encodeKey(new Shield.Rendition(KEY, "v2")));
  }

  @Test
  void anUnknownFormat_isRefused() {
    DiskObject o =
        new DiskObject(
            FRESHNESS,
            "\"e\"",
            io.imgedge.cache.disk.Fields.writer()
                .string("HEIC")
                .nullableString(null)
                .string("")
                .strings(List.of())
                .string("v")
                .intValue(0)
                .toByteArray(),
            List.of(),
            new byte[0]);
    assertThatThrownBy(() -> DiskCodecs.derivatives().decode(KEY, o))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("HEIC");
  }
}
