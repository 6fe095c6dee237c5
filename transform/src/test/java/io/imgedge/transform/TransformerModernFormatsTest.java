package io.imgedge.transform;

import static io.imgedge.transform.testing.ImageAssertions.assertThatImage;
import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.transform.codec.NativeCodecs;
import io.imgedge.transform.testing.Corpus;
import io.imgedge.transform.testing.ModernImages;
import io.imgedge.transform.testing.Pixels;
import io.imgedge.transform.testing.RequiresCorpus;
import io.imgedge.transform.testing.TestImages;
import io.imgedge.transform.testing.TestTransformer;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** AVIF and JPEG XL output, and {@code format=auto}'s choice per image, through the Transformer. */
@RequiresCorpus
class TransformerModernFormatsTest {
  private static final String CHROME =
      "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8";
  private static final String JXL_ONLY = "image/jxl,image/*;q=0.8";

  private final TestTransformer transformer = TestTransformer.withFastlyDefaults();
  private final byte[] photo = Corpus.bytes("perf-2725x2225.jpg");

  private RenderResult render(byte[] source, String query, String accept) {
    return transformer.render(source, query, accept);
  }

  private BufferedImage reference(String query) {
    return TestImages.decode(render(photo, query + "&format=png", null).bytes());
  }

  @Test
  void formatAvif_isAnAvifOfTheRequestedSize_closeToTheLosslessRender() {
    RenderResult r = render(photo, "width=400&format=avif", null);
    assertThat(r.format()).isEqualTo(ImageFormat.AVIF);
    assertThat(ImageFormat.sniff(r.bytes())).isEqualTo(ImageFormat.AVIF);
    BufferedImage avif = ModernImages.avif(r.bytes());
    assertThatImage(avif).hasSize(400, 327);
    assertThat(Pixels.rmsePercent(avif, reference("width=400"))).isLessThan(3.0);
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void avifQuality_changesTheSize() {
    int low = render(photo, "width=400&format=avif&quality=30", null).bytes().length;
    int high = render(photo, "width=400&format=avif&quality=90", null).bytes().length;
    assertThat(low).isLessThan(high / 3);
  }

  @Test
  void formatAvif_keepsAlpha() {
    RenderResult r = render(TestImages.resource("webp-lossy-alpha.webp"), "format=avif", null);
    BufferedImage avif = ModernImages.avif(r.bytes());
    assertThat(avif.getColorModel().hasAlpha()).isTrue();
    assertThat(Pixels.alphaCounts(avif).transparent()).isPositive();
  }

  @Test
  void formatJxl_isAJpegXl_andQuality100IsLossless() {
    RenderResult lossy = render(photo, "width=300&format=jxl", null);
    assertThat(lossy.format()).isEqualTo(ImageFormat.JXL);
    assertThat(ImageFormat.sniff(lossy.bytes())).isEqualTo(ImageFormat.JXL);
    assertThat(Pixels.rmsePercent(ModernImages.jxl(lossy.bytes()), reference("width=300")))
        .isLessThan(3.0);

    RenderResult lossless = render(photo, "width=300&format=jxl&quality=100", null);
    assertThat(Pixels.argb(ModernImages.jxl(lossless.bytes())))
        .as("quality=100 is lossless")
        .isEqualTo(Pixels.argb(reference("width=300")));
  }

  @Test
  void formatPjxl_isAProgressiveJpegXl_ofTheSameImage() {
    RenderResult plain = render(photo, "width=300&format=jxl", null);
    RenderResult progressive = render(photo, "width=300&format=pjpegxl", null);
    assertThat(progressive.format()).isEqualTo(ImageFormat.JXL);
    assertThat(progressive.bytes()).isNotEqualTo(plain.bytes());
    assertThat(
            Pixels.rmsePercent(
                ModernImages.jxl(progressive.bytes()), ModernImages.jxl(plain.bytes())))
        .isLessThan(1.5);
  }

  @Test
  void formatAvif_ofAnAnimation_keepsTheFirstFrame_withAWarning() {
    RenderResult r = render(TestImages.resource("gif-animated.gif"), "format=avif", null);
    assertThat(r.format()).isEqualTo(ImageFormat.AVIF);
    assertThat(r.warnings()).anyMatch(w -> w.contains("only the first frame"));
  }

  @Test
  void formatAuto_choosesPerImage() {
    assertThat(render(photo, "width=400&format=auto", CHROME).format()).isEqualTo(ImageFormat.AVIF);
    assertThat(render(photo, "width=400&format=auto", JXL_ONLY).format())
        .isEqualTo(ImageFormat.JXL);
    assertThat(render(photo, "width=40&format=auto", CHROME).format())
        .as("a tiny output: AVIF's container costs more than it saves")
        .isEqualTo(ImageFormat.WEBP);
    assertThat(render(TestImages.resource("gif-animated.gif"), "format=auto", CHROME).format())
        .as("an animation stays animated")
        .isEqualTo(ImageFormat.WEBP);
    assertThat(render(photo, "width=400&bw=atkinson&format=auto", CHROME).format())
        .as("1-bit goes lossless")
        .isEqualTo(ImageFormat.WEBP);
    assertThat(render(photo, "width=40&format=auto", "image/avif").format())
        .as("tiny, and no WebP: JPEG")
        .isEqualTo(ImageFormat.JPEG);
    assertThat(render(photo, "width=40&format=auto", "image/avif,image/jxl,image/webp").format())
        .as("tiny skips AVIF only")
        .isEqualTo(ImageFormat.JXL);
    assertThat(render(photo, "width=60&format=auto", CHROME).format())
        .as("past the measured crossing, AVIF")
        .isEqualTo(ImageFormat.AVIF);
  }

  @Test
  void withoutTheNativeLibraries_avifAndJxlAreServedAsWebp_withAWarning() {
    TestTransformer pureJava = new TestTransformer(NativeCodecs.none());
    for (String format : new String[] {"avif", "jxl"}) {
      RenderResult r = pureJava.render(photo, "width=200&format=" + format, null);
      assertThat(r.format()).isEqualTo(ImageFormat.WEBP);
      assertThat(r.warnings()).anyMatch(w -> w.contains("not available on this node"));
    }
    assertThat(pureJava.render(photo, "width=400&format=auto", CHROME).format())
        .as("format=auto picks what this node has")
        .isEqualTo(ImageFormat.WEBP);
  }
}
