package io.imgedge.transform.pipeline;

import static io.imgedge.transform.testing.ImageAssertions.assertThatImage;

import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.spec.Orientation;
import io.imgedge.transform.spec.TransformDefaults;
import io.imgedge.transform.spec.TransformSpecParser;
import io.imgedge.transform.testing.TestImages;
import org.junit.jupiter.api.Test;

class PadCanvasTest {
  private final TransformSpecParser parser = new TransformSpecParser(TransformDefaults.FASTLY);

  @Test
  void pad_addsWhite_aroundAnOpaqueImage() {
    var context =
        Contexts.of(
            TestImages.solid(10, 10, 0xFF102030),
            parser.parse("pad=1,2,3,4"),
            Orientation.NORMAL,
            ImageFormat.JPEG);
    new PadCanvas().apply(context);
    assertThatImage(context.image())
        .hasSize(16, 14)
        .hasArgbAt(0, 0, 0xFFFFFFFF)
        .hasArgbAt(4, 1, 0xFF102030)
        .hasArgbAt(13, 10, 0xFF102030)
        .hasArgbAt(14, 11, 0xFFFFFFFF);
  }

  @Test
  void pad_isTransparent_forAlphaInAndOut_andBgColorWins() {
    var transparent =
        Contexts.of(
            TestImages.solid(4, 4, 0x80FF0000),
            parser.parse("pad=2"),
            Orientation.NORMAL,
            ImageFormat.PNG);
    new PadCanvas().apply(transparent);
    assertThatImage(transparent.image())
        .hasSize(8, 8)
        .hasArgbAt(0, 0, 0)
        .hasArgbAt(2, 2, 0x80FF0000);
    var coloured =
        Contexts.of(
            TestImages.solid(4, 4, 0xFF000000),
            parser.parse("pad=2&bg-color=00ff00"),
            Orientation.NORMAL,
            ImageFormat.PNG);
    new PadCanvas().apply(coloured);
    assertThatImage(coloured.image()).hasArgbAt(0, 0, 0xFF00FF00);
  }

  @Test
  void canvas_placesTheImage_andCutsWhatDoesNotFit() {
    var context =
        Contexts.of(
            TestImages.solid(10, 10, 0xFF000000),
            parser.parse("canvas=6,20,x0,y0"),
            Orientation.NORMAL,
            ImageFormat.PNG);
    new PadCanvas().apply(context);
    assertThatImage(context.image())
        .hasSize(6, 20)
        .hasArgbAt(5, 9, 0xFF000000)
        .hasArgbAt(5, 10, 0xFFFFFFFF);
  }
}
