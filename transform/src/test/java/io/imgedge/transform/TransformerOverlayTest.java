package io.imgedge.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imgedge.transform.codec.Encoders;
import io.imgedge.transform.codec.ImageDecoder;
import io.imgedge.transform.resize.ConvolutionResizer;
import io.imgedge.transform.spec.FormatNegotiation;
import io.imgedge.transform.spec.TransformDefaults;
import io.imgedge.transform.spec.TransformSpec;
import io.imgedge.transform.spec.TransformSpecParser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Overlays through the whole render: decode, resize, composite, encode. */
class TransformerOverlayTest {
  private final TransformSpecParser parser = new TransformSpecParser(TransformDefaults.FASTLY);
  private final Transformer transformer =
      new Transformer(
          ImageLimits.FASTLY,
          TransformDefaults.FASTLY,
          new ImageDecoder(),
          new Encoders(),
          new ConvolutionResizer(),
          System::nanoTime);

  private static byte[] png(int w, int h, int argb, boolean alpha) throws IOException {
    BufferedImage img =
        new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, argb);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  private RenderResult render(String query, String overlay, byte[] overlayBytes)
      throws IOException {
    TransformSpec spec = parser.parse(query).withOverlay(parser.parseOverlay(overlay));
    return transformer.render(
        png(400, 200, 0x000000, false),
        ImageFormat.PNG,
        spec,
        FormatNegotiation.negotiate(spec, null),
        Deadline.after(Duration.ofMinutes(1), System::nanoTime),
        new OverlaySource(overlayBytes, ImageFormat.PNG));
  }

  @Test
  void render_compositesAfterTheResize() throws IOException {
    RenderResult r =
        render(
            "width=200&format=png",
            "overlay=/logo.png&overlay-align=bottom,right&overlay-width=0.1",
            png(50, 50, 0xFFFF0000, true));
    BufferedImage out = ImageIO.read(new ByteArrayInputStream(r.bytes()));
    assertThat(out.getWidth()).isEqualTo(200);
    // 10% of the 200-pixel output: a 20 x 20 red square in the corner
    assertThat(out.getRGB(199, 99) & 0xFFFFFF).isEqualTo(0xFF0000);
    assertThat(out.getRGB(181, 81) & 0xFFFFFF).isEqualTo(0xFF0000);
    assertThat(out.getRGB(178, 78) & 0xFFFFFF).isEqualTo(0x000000);
  }

  @Test
  void render_overlayOverTheLimits_isRefusedFromItsHeader() throws IOException {
    ImageLimits small = new ImageLimits(1_000_000, 100, 100, 8192, 8192, 1000);
    Transformer t =
        new Transformer(
            small,
            TransformDefaults.FASTLY,
            new ImageDecoder(),
            new Encoders(),
            new ConvolutionResizer(),
            System::nanoTime);
    TransformSpec spec = TransformSpec.NONE.withOverlay(parser.parseOverlay("overlay=/big.png"));
    byte[] big = png(300, 20, 0xFFFF0000, true);
    assertThatThrownBy(
            () ->
                t.render(
                    png(50, 50, 0, false),
                    ImageFormat.PNG,
                    spec,
                    FormatNegotiation.negotiate(spec, null),
                    Deadline.after(Duration.ofMinutes(1), System::nanoTime),
                    new OverlaySource(big, ImageFormat.PNG)))
        .isInstanceOf(ImageTooLargeException.class);
  }

  @Test
  void render_withoutTheOverlayImage_isAProgrammingError() {
    TransformSpec spec = TransformSpec.NONE.withOverlay(parser.parseOverlay("overlay=/o.png"));
    assertThatThrownBy(
            () ->
                transformer.render(
                    png(10, 10, 0, false),
                    ImageFormat.PNG,
                    spec,
                    FormatNegotiation.negotiate(spec, null),
                    Deadline.after(Duration.ofMinutes(1), System::nanoTime),
                    null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
