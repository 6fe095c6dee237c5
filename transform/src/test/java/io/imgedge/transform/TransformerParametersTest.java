package io.imgedge.transform;

import static io.imgedge.transform.testing.ImageAssertions.assertThatImage;
import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.transform.metadata.CopyrightMetadata;
import io.imgedge.transform.testing.ImageBytes;
import io.imgedge.transform.testing.Rgb;
import io.imgedge.transform.testing.TestImages;
import io.imgedge.transform.testing.TestTransformer;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The output parameters end to end: png8, webpll/webply, quality fallback, metadata=copyright,
 * order.
 */
class TransformerParametersTest {
  private static final String ACCEPT_WEBP = "image/webp,*/*";
  private final TestTransformer transformer = TestTransformer.withFastlyDefaults();

  @Test
  void png8_isAPalettePng_keepingTransparency() {
    RenderResult r = transformer.render(TestImages.resource("png-palette-trns.png"), "format=png8");
    assertThat(ImageBytes.pngChunkTypes(r.bytes())).contains("PLTE", "tRNS");
    BufferedImage decoded = TestImages.decode(r.bytes());
    assertThat(decoded.getColorModel()).isInstanceOf(IndexColorModel.class);
    assertThatImage(decoded).hasTransparentPixels();
  }

  @Test
  void webpll_isLossless_webplyIsLossy() {
    byte[] source = TestImages.png(CropSource.image());
    RenderResult lossless = transformer.render(source, "format=webpll");
    assertThat(ImageBytes.webpChunkTypes(lossless.bytes())).contains("VP8L");
    assertThatImage(lossless.bytes()).hasSamePixelsAs(CropSource.image());
    assertThat(ImageBytes.webpChunkTypes(transformer.render(source, "format=webply").bytes()))
        .contains("VP8 ");
  }

  @Test
  void qualityOnly_servesTheSource_whenReencodingIsLarger() {
    byte[] tiny = TestImages.encode(TestImages.solid(8, 8, 0xFF336699), "jpeg");
    RenderResult r = transformer.render(tiny, "quality=100");
    assertThat(r.bytes()).isSameAs(tiny);
    assertThat(r.warnings()).anyMatch(w -> w.contains("larger than the source"));
    assertThat(transformer.render(tiny, "quality=100&width=8").bytes()).isNotSameAs(tiny);
    assertThat(transformer.render(tiny, "quality=5").bytes().length).isLessThan(tiny.length);
  }

  @Test
  void metadataCopyright_keepsTheRightsFields_jpegToJpeg_only() {
    byte[] source = TestImages.encode(TestImages.horizontalGradient(32, 16), "jpeg");
    source = withExif(source);
    byte[] xmp =
        ("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><rdf:RDF><rdf:Description><dc:rights><rdf:Alt>"
                + "<rdf:li xml:lang=\"x-default\">(c) Example</rdf:li></rdf:Alt></dc:rights><tiff:Make>Cam</tiff:Make>"
                + "</rdf:Description></rdf:RDF></x:xmpmeta>")
            .getBytes(StandardCharsets.UTF_8);
    source = ImageBytes.withJpegSegment(source, ImageBytes.APP1, xmp);

    RenderResult kept = transformer.render(source, "width=16&metadata=copyright");
    CopyrightMetadata m = CopyrightMetadata.read(kept.bytes());
    assertThat(m.exifText(0x8298)).isEqualTo("(c) Example Ltd");
    assertThat(m.exifText(0x013B)).isEqualTo("A. Photographer");
    assertThat(m.exifText(0x010F)).as("Make is not a rights field").isNull();
    assertThat(m.xmpProperties())
        .singleElement()
        .asString()
        .contains("(c) Example")
        .doesNotContain("Make");
    assertThat(CopyrightMetadata.read(transformer.render(source, "width=16").bytes()).isEmpty())
        .isTrue();
    RenderResult png = transformer.render(source, "width=16&metadata=copyright&format=png");
    assertThat(png.warnings()).anyMatch(w -> w.contains("JPEG to JPEG"));
  }

  @Test
  void parameterOrder_neverMatters_andStepsRunInFastlysOrder() {
    byte[] source = TestImages.png(CropSource.image());
    RenderResult a = transformer.render(source, "blur=1&width=20&brightness=10&crop=1:1&pad=2");
    RenderResult b = transformer.render(source, "pad=2&crop=1:1&brightness=10&width=20&blur=1");
    assertThat(a.bytes()).isEqualTo(b.bytes());
    assertThatImage(a.bytes()).as("crop 1:1, resize to 20, then pad 2").hasSize(24, 24);
  }

  @Test
  void bgColor_fillsPadAndFlattens_andFormatAutoPrefersPngForBw() {
    RenderResult r =
        transformer.render(
            TestImages.resource("gif-transparent.gif"), "pad=5&bg-color=ff0000&format=jpg");
    assertThatImage(r.bytes()).hasColorCloseTo(1, 1, new Rgb(255, 0, 0), 8);
    assertThat(
            transformer
                .render(TestImages.resource("icc-adobergb-small.jpg"), "bw=atkinson&format=auto")
                .format())
        .isEqualTo(ImageFormat.PNG);
    assertThat(
            ImageBytes.webpChunkTypes(
                transformer
                    .render(
                        TestImages.resource("icc-adobergb-small.jpg"),
                        "bw=atkinson&format=auto",
                        ACCEPT_WEBP)
                    .bytes()))
        .contains("VP8L");
  }

  private static byte[] withExif(byte[] jpeg) {
    byte[] copyright = "(c) Example Ltd\0".getBytes(StandardCharsets.ISO_8859_1);
    byte[] artist = "A. Photographer\0".getBytes(StandardCharsets.ISO_8859_1);
    var b = java.nio.ByteBuffer.allocate(6 + 8 + 2 + 36 + 4 + 64).order(ByteOrder.LITTLE_ENDIAN);
    b.put("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1))
        .put((byte) 'I')
        .put((byte) 'I')
        .putShort((short) 42)
        .putInt(8);
    b.putShort((short) 3);
    b.putShort((short) 0x010F)
        .putShort((short) 2)
        .putInt(4)
        .put("Cam\0".getBytes(StandardCharsets.ISO_8859_1));
    b.putShort((short) 0x013B).putShort((short) 2).putInt(artist.length).putInt(8 + 2 + 36 + 4);
    b.putShort((short) 0x8298)
        .putShort((short) 2)
        .putInt(copyright.length)
        .putInt(8 + 2 + 36 + 4 + artist.length);
    b.putInt(0).put(artist).put(copyright);
    return ImageBytes.withJpegSegment(
        jpeg, ImageBytes.APP1, Arrays.copyOf(b.array(), b.position()));
  }

  /** A small opaque test picture with edges and colours. */
  static final class CropSource {
    static BufferedImage image() {
      int[] px = new int[40 * 30];
      for (int i = 0; i < px.length; i++) {
        int x = i % 40;
        int y = i / 40;
        px[i] = 0xFF000000 | (x * 6) << 16 | (y * 8) << 8 | ((x / 5 + y / 5) % 2 == 0 ? 200 : 40);
      }
      return TestImages.of(40, 30, false, px);
    }
  }
}
