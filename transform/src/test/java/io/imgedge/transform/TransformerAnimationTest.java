package io.imgedge.transform;

import static io.imgedge.transform.testing.ImageAssertions.assertThatImage;
import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.transform.probe.FrameTable;
import io.imgedge.transform.probe.HeaderProbe;
import io.imgedge.transform.testing.TestImages;
import io.imgedge.transform.testing.TestTransformer;
import org.junit.jupiter.api.Test;

/**
 * Animated GIF and WebP: resizing keeps every frame, its timing and the loop count; {@code frame=1}
 * and still formats keep the first frame. Frame tables of the output are read from its bytes
 * ({@link FrameTable}), frame pixels with a plain ImageIO reader.
 */
class TransformerAnimationTest {
  private final TestTransformer transformer = TestTransformer.withFastlyDefaults();
  private final byte[] gif = TestImages.resource("gif-animated.gif");
  private final byte[] webp = TestImages.resource("webp-animated.webp");

  @Test
  void gif_resizedToHalfWidth_isStillAnimated_withTheSameFramesAndTiming() {
    FrameTable source = FrameTable.scan(gif, ImageFormat.GIF);
    RenderResult r = transformer.render(gif, "width=0.5");

    assertThat(r.format()).isEqualTo(ImageFormat.GIF);
    assertThat(r.width()).isEqualTo(40);
    FrameTable out = FrameTable.scan(r.bytes(), ImageFormat.GIF);
    assertThat(out.frames()).hasSize(30).hasSameSizeAs(source.frames());
    assertThat(out.frames())
        .extracting(FrameTable.Frame::delayMillis)
        .containsExactlyElementsOf(
            source.frames().stream().map(FrameTable.Frame::delayMillis).toList());
    assertThat(out.loopCount()).isEqualTo(source.loopCount()).isZero();
    assertThat(new HeaderProbe(ImageLimits.FASTLY).probe(r.bytes(), ImageFormat.GIF).frames())
        .isEqualTo(30);
  }

  @Test
  void gif_frame1_givesOneFrame() {
    RenderResult r = transformer.render(gif, "width=40&frame=1");
    assertThat(FrameTable.scan(r.bytes(), ImageFormat.GIF).frames()).hasSize(1);
    assertThatImage(r.bytes()).hasSize(40, 40);
  }

  @Test
  void gif_toWebp_isAnAnimatedWebp_withTheSameTiming() {
    RenderResult r = transformer.render(gif, "width=40&format=webp");
    FrameTable out = FrameTable.scan(r.bytes(), ImageFormat.WEBP);
    assertThat(out.frames())
        .hasSize(30)
        .allMatch(f -> f.delayMillis() == 30 && f.bounds().width == 40);
    assertThat(out.loopCount()).isZero();
    assertThat(new HeaderProbe(ImageLimits.FASTLY).probe(r.bytes(), ImageFormat.WEBP).frames())
        .isEqualTo(30);
    assertThatImage(firstWebpFrame(r.bytes())).hasSize(40, 40).hasTransparentPixels();
  }

  /** The first frame with TwelveMonkeys' reader (webp-imageio's cannot read animations). */
  private static java.awt.image.BufferedImage firstWebpFrame(byte[] webp) {
    var readers = javax.imageio.ImageIO.getImageReadersByFormatName("webp");
    while (readers.hasNext()) {
      var reader = readers.next();
      if (reader.getClass().getName().startsWith("com.twelvemonkeys")) {
        try (var in =
            javax.imageio.ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(webp))) {
          reader.setInput(in);
          return reader.read(0);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        } finally {
          reader.dispose();
        }
      }
    }
    throw new AssertionError("no TwelveMonkeys WebP reader");
  }

  @Test
  void webp_animated_isCoalesced_andKeepsItsNineFramesAndDurations() {
    RenderResult r = transformer.render(webp, "width=40&format=gif");
    FrameTable out = FrameTable.scan(r.bytes(), ImageFormat.GIF);
    assertThat(out.frames())
        .extracting(FrameTable.Frame::delayMillis)
        .containsExactly(120, 120, 90, 120, 120, 90, 120, 90, 30);
    assertThat(out.frames()).allMatch(f -> f.bounds().width == 40 && f.bounds().height == 40);
    RenderResult still = transformer.render(webp, "format=png");
    assertThatImage(still.bytes())
        .as("the first frame, composited on the 80x80 canvas")
        .hasSize(80, 80)
        .hasTransparentPixels();
    assertThat(still.warnings()).anyMatch(w -> w.contains("first frame"));
  }

  @Test
  void animation_limitCountsEveryFrame() {
    var tight =
        new TestTransformer(
            new ImageLimits(50_000_000L, 12_000, 12_000, 100, 100, 1000),
            io.imgedge.transform.spec.TransformDefaults.FASTLY);
    RenderResult r = tight.render(gif, "format=gif");
    assertThat(30L * r.width() * r.height()).isLessThanOrEqualTo(100L * 100);
    assertThat(r.warnings()).anyMatch(w -> w.contains("30 frames"));
  }
}
