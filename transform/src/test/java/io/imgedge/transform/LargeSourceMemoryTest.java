package io.imgedge.transform;

import static io.imgedge.transform.testing.ImageAssertions.assertThatImage;
import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.transform.codec.NativeCodecs;
import io.imgedge.transform.testing.LargeJpegs;
import io.imgedge.transform.testing.Rgb;
import io.imgedge.transform.testing.TestImages;
import io.imgedge.transform.testing.TestTransformer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's memory case: a 12000x12000 JPEG (the input limit) rendered 400 px wide is decoded at
 * 1/8 scale, so it needs tens of megabytes, not the 576 MB of its full pixels: it renders in a JVM
 * with {@code -Xmx512m}, and allocates little in this one.
 */
class LargeSourceMemoryTest {
  private static final int SIDE = 12_000;

  @Test
  void render12000Square_to400Wide_allocatesAFractionOfItsPixels() {
    byte[] jpeg = LargeJpegs.flatGray(SIDE, SIDE);
    TestTransformer turbo = new TestTransformer(NativeCodecs.load());
    turbo.render(jpeg, "width=400"); // warm up, so that class loading does not count
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    RenderResult result = turbo.render(jpeg, "width=400");
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(result.width()).isEqualTo(400);
    assertThat(result.height()).isEqualTo(400);
    assertThatImage(TestImages.decode(result.bytes())).hasMeanCloseTo(new Rgb(128, 128, 128), 2);
    assertThat(allocated).as("bytes allocated by one render").isLessThan(64L << 20);
  }

  @Test
  void render12000Square_to400Wide_completesWithHalfAGigabyteOfHeap(@TempDir Path dir)
      throws IOException, InterruptedException {
    Path source = dir.resolve("large.jpg");
    Files.write(source, LargeJpegs.flatGray(SIDE, SIDE));
    Path log = dir.resolve("child.log");
    Process child =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m",
                    "--enable-native-access=ALL-UNNAMED",
                    "-Djava.awt.headless=true",
                    "-cp",
                    System.getProperty("java.class.path"),
                    RenderOnce.class.getName(),
                    source.toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean done = child.waitFor(2, TimeUnit.MINUTES);
    if (!done) {
      child.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(done).as("finished in time: %s", output).isTrue();
    assertThat(child.exitValue()).as(output).isZero();
    assertThat(output).contains("rendered 400x400", "libjpeg-turbo");
  }

  /** The child JVM: renders the file 400 px wide with the production codecs. */
  public static final class RenderOnce {
    public static void main(String[] args) throws IOException {
      TestTransformer transformer = new TestTransformer(NativeCodecs.load());
      RenderResult r = transformer.render(Files.readAllBytes(Path.of(args[0])), "width=400");
      System.out.println(
          "rendered "
              + r.width()
              + "x"
              + r.height()
              + " with "
              + transformer.transformer().jpegCodec()
              + ", max heap "
              + Runtime.getRuntime().maxMemory());
    }
  }
}
