package io.imgedge.transform.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.TransformException;
import io.imgedge.transform.codec.AnimationFrames;
import io.imgedge.transform.codec.DecodedImage;
import io.imgedge.transform.codec.ImageDecoder;
import io.imgedge.transform.codec.NativeCodecs;
import io.imgedge.transform.probe.HeaderProbe;
import io.imgedge.transform.probe.ImageHeader;
import io.imgedge.transform.testing.GifFixtures;
import io.imgedge.transform.testing.TestImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the GIF decoder ({@code GifDecoder} and its LZW) behind the probe: whatever the probe
 * accepts as GIF is decoded as a still and as an animation, frame by frame. Any input is pictures
 * of the probed size or a {@link TransformException} (4xx: nothing the client sent may cause a
 * 5xx); no other exception, hang or out-of-memory may escape. Seeds are the GIFs of {@link
 * GifFixtures} (issue 14's odd streams), checked in under {@code GifDecodeFuzzTestInputs/} and run
 * in every test run; {@link #mutations_ofValidGifs_areImagesOrA4xx_quickly()} also runs a fixed set
 * of random mutations of them in every run, without Jazzer.
 */
class GifDecodeFuzzTest {
  private static final HeaderProbe PROBE = new HeaderProbe(ImageFrontFuzzTest.LIMITS);
  private static final ImageDecoder DECODER = new ImageDecoder(NativeCodecs.none());
  private static final String SEEDS =
      "/io/imgedge/transform/fuzz/GifDecodeFuzzTestInputs/decode_anyGifBytes_isAnImageOrA4xx/";

  /** Set to {@code true} to write the seeds again from {@link GifFixtures}. */
  private static final String WRITE_SEEDS = "imgedge.gif.seeds.write";

  @FuzzTest(maxDuration = "10m")
  void decode_anyGifBytes_isAnImageOrA4xx(byte[] data) {
    check(data);
  }

  /** Whether the data was decoded (else it was refused, or not a GIF). */
  private static boolean check(byte[] data) {
    ImageHeader header;
    try {
      header = PROBE.probe(data, null);
    } catch (TransformException e) {
      assertThat(e.status()).isBetween(400, 499);
      return false;
    }
    if (header.format() != ImageFormat.GIF) {
      return false; // the image front target covers the other formats
    }
    try {
      DecodedImage still = DECODER.decode(data, header);
      assertThat(still.image().getWidth()).isEqualTo(header.width());
      assertThat(still.image().getHeight()).isEqualTo(header.height());
      try (AnimationFrames frames = DECODER.frames(data, header)) {
        while (frames.hasNext()) {
          BufferedImage frame = frames.next();
          assertThat(frame.getWidth()).isEqualTo(header.width());
          assertThat(frame.getHeight()).isEqualTo(header.height());
        }
      }
      return true;
    } catch (TransformException e) {
      assertThat(e.status()).isBetween(400, 499);
      return false;
    }
  }

  @Test
  void mutations_ofValidGifs_areImagesOrA4xx_quickly() {
    List<byte[]> seeds = new ArrayList<>(GifFixtures.all().values());
    seeds.add(TestImages.resource("gif-transparent.gif"));
    seeds.add(TestImages.resource("gif-animated.gif"));
    SplittableRandom random = new SplittableRandom(14);
    int decoded = 0;
    for (int i = 0; i < 3000; i++) {
      byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), random);
      long start = System.nanoTime();
      try {
        decoded += check(input) ? 1 : 0;
      } catch (RuntimeException | AssertionError e) {
        throw new AssertionError("mutation " + i + ": " + Arrays.toString(input), e);
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(millis).as("mutation %d took %d ms", i, millis).isLessThan(2_000);
    }
    assertThat(decoded)
        .as("mutations the probe let through to the decoder")
        .isGreaterThan(800); // 970 with this seed
  }

  @Test
  void seeds_areTheFixturesOfGifFixtures() throws IOException {
    Map<String, byte[]> fixtures = GifFixtures.all();
    if (Boolean.getBoolean(WRITE_SEEDS)) {
      Path dir = Path.of("src/test/resources" + SEEDS);
      Files.createDirectories(dir);
      for (var e : fixtures.entrySet()) {
        Files.write(dir.resolve(e.getKey()), e.getValue());
      }
    }
    for (var e : fixtures.entrySet()) {
      try (InputStream in = GifDecodeFuzzTest.class.getResourceAsStream(SEEDS + e.getKey())) {
        if (in == null) {
          fail("seed %s is missing: run this test with -D%s=true", e.getKey(), WRITE_SEEDS);
          return;
        }
        assertThat(in.readAllBytes())
            .as("%s (regenerate with -D%s=true)", e.getKey(), WRITE_SEEDS)
            .isEqualTo(e.getValue());
      }
    }
  }

  /**
   * One to four random edits: mostly flipped or replaced bytes (which the probe lets through when
   * they fall in LZW data or colour tables), sometimes an inserted or deleted byte or a cut.
   */
  private static byte[] mutate(byte[] seed, SplittableRandom random) {
    byte[] d = seed.clone();
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits && d.length > 0; e++) {
      int at = random.nextInt(d.length);
      switch (random.nextInt(10)) {
        case 0, 1, 2, 3 -> d[at] ^= (byte) (1 << random.nextInt(8));
        case 4, 5, 6 -> d[at] = (byte) random.nextInt(256);
        case 7 -> {
          byte[] longer = new byte[d.length + 1];
          System.arraycopy(d, 0, longer, 0, at);
          longer[at] = (byte) random.nextInt(256);
          System.arraycopy(d, at, longer, at + 1, d.length - at);
          d = longer;
        }
        case 8 -> {
          byte[] shorter = new byte[d.length - 1];
          System.arraycopy(d, 0, shorter, 0, at);
          System.arraycopy(d, at + 1, shorter, at, d.length - at - 1);
          d = shorter;
        }
        default -> d = Arrays.copyOf(d, at);
      }
    }
    return d;
  }
}
