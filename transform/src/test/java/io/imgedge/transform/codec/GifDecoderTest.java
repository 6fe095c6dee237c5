package io.imgedge.transform.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.imgedge.transform.Deadline;
import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.ImageLimits;
import io.imgedge.transform.InvalidImageException;
import io.imgedge.transform.RenderScope;
import io.imgedge.transform.TransformTimeoutException;
import io.imgedge.transform.color.SrgbImages;
import io.imgedge.transform.probe.FrameTable;
import io.imgedge.transform.probe.HeaderProbe;
import io.imgedge.transform.probe.ImageHeader;
import io.imgedge.transform.testing.GifWriter;
import io.imgedge.transform.testing.GifWriter.Codes;
import io.imgedge.transform.testing.TestImages;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link GifDecoder} through {@link ImageDecoder}: well-formed GIFs decode exactly as the JDK's
 * reader decodes them (transparent pixels compared by their alpha only: the JDK keeps the palette's
 * colour, Chromium and this decoder give transparent black); the structure of frames (interlacing,
 * local tables, transparency, offsets, disposal); limits and the deadline. The broken streams of
 * issue 14 are in {@code Issue14GifTest}.
 */
class GifDecoderTest {
  private static final ImageDecoder DECODER = new ImageDecoder(NativeCodecs.none());
  private static final HeaderProbe PROBE = new HeaderProbe(ImageLimits.FASTLY);
  private static final int[] FOUR = {0x000000, 0xFF0000, 0x00FF00, 0x0000FF};

  @Test
  void decoderName_isGifDecoder() {
    assertThat(DECODER.decoderName(ImageFormat.GIF)).isEqualTo(GifDecoder.class.getName());
  }

  @ParameterizedTest
  @ValueSource(strings = {"gif-transparent.gif", "gif-animated.gif"})
  void decode_bundledGifs_matchTheJdkReader(String file) throws IOException {
    byte[] gif = TestImages.resource(file);
    assertSamePixels(decode(gif), onCanvas(gif, jdkFrame(gif, 0)));
  }

  /**
   * The JDK writes interlaced GIFs. Its reader loses rows of interlaced frames less than 5 rows
   * high (it does not skip an empty pass), which {@link
   * #decode_interlaced_isTheSameImageAsNotInterlaced_forEveryHeight} covers: not compared here.
   */
  @Test
  void decode_gifsTheJdkWrites_interlacedWithManyColours_matchTheJdkReader() throws IOException {
    SplittableRandom random = new SplittableRandom(7);
    for (int[] size : new int[][] {{1, 5}, {6, 5}, {17, 9}, {64, 33}, {255, 7}, {3, 100}}) {
      BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
      for (int y = 0; y < size[1]; y++) {
        for (int x = 0; x < size[0]; x++) {
          image.setRGB(x, y, (x * 37 + y * 11) % 5 == 0 ? random.nextInt(0x1000000) : 0x336699);
        }
      }
      byte[] gif = TestImages.encode(image, "gif");

      assertSamePixels(decode(gif), jdkFrame(gif, 0));
    }
  }

  @Test
  void frames_animatedGif_matchTheJdkReaderFrameByFrame() throws IOException {
    byte[] gif = TestImages.resource("gif-animated.gif");
    ImageHeader header = PROBE.probe(gif, null);
    ImageReader jdk = jdkReader(gif);
    try (AnimationFrames ours = DECODER.frames(gif, header);
        CoalescedFrames theirs =
            new CoalescedFrames(
                CoalescedFrames.of(jdk),
                FrameTable.scan(gif, ImageFormat.GIF),
                header.width(),
                header.height())) {
      int count = 0;
      while (ours.hasNext()) {
        assertSamePixels(ours.next(), theirs.next());
        count++;
      }
      assertThat(count).isEqualTo(30);
      assertThat(theirs.hasNext()).isFalse();
    }
  }

  @Test
  void decode_interlaced_isTheSameImageAsNotInterlaced_forEveryHeight() {
    for (int height = 1; height <= 17; height++) {
      int[] indices = IntStream.range(0, 3 * height).map(i -> i / 3 % 4).toArray(); // row colours
      int[] fileOrder = interlacedRows(height);
      int[] interlaced = new int[indices.length];
      for (int i = 0; i < height; i++) {
        System.arraycopy(indices, 3 * fileOrder[i], interlaced, 3 * i, 3);
      }
      byte[] plain = still(3, height, null, false, Codes.compress(2, indices, 0));
      byte[] laced = still(3, height, null, true, Codes.compress(2, interlaced, 0));

      assertThat(argb(decode(laced))).as("height %d", height).containsExactly(argb(decode(plain)));
    }
  }

  @Test
  void decode_opaqueFrameFillingTheCanvas_isIntRgb_otherwiseIntArgb() {
    BufferedImage opaque =
        decode(still(2, 1, null, false, new Codes(2).clear().literals(1, 2).end()));
    assertThat(opaque.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    assertThat(argb(opaque)).containsExactly(0xFFFF0000, 0xFF00FF00);
    assertThat(SrgbImages.pixels(opaque))
        .as("no alpha bits left in an RGB image")
        .containsExactly(0xFF0000, 0xFF00);

    byte[] offset =
        GifWriter.canvas(3, 1)
            .globalPalette(FOUR)
            .image(new Rectangle(1, 0, 2, 1), new Codes(2).clear().literals(1, 2).end())
            .bytes();
    BufferedImage placed = decode(offset);
    assertThat(placed.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
    assertThat(argb(placed)).containsExactly(0, 0xFFFF0000, 0xFF00FF00);
  }

  @Test
  void decode_frameReachingPastTheCanvas_isClipped() {
    byte[] gif =
        GifWriter.canvas(3, 2)
            .globalPalette(FOUR)
            .image(
                new Rectangle(1, 1, 4, 3),
                new Codes(2).clear().literals(1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3).end())
            .bytes();

    assertThat(argb(decode(gif))).containsExactly(0, 0, 0, 0, 0xFFFF0000, 0xFF00FF00);
  }

  @Test
  void decode_noColourTable_isOpaqueBlack_butForTheTransparentIndex() {
    byte[] gif =
        GifWriter.canvas(4, 1)
            .graphicControl(0, 0, 2)
            .image(new Rectangle(0, 0, 4, 1), new Codes(2).clear().literals(0, 1, 2, 3).end())
            .bytes();

    assertThat(argb(decode(gif))).containsExactly(0xFF000000, 0xFF000000, 0, 0xFF000000);
  }

  @Test
  void decode_firstCodeNotAClearCode_andSurplusDataAfterTheLastPixel() {
    Codes codes = new Codes(2).literals(3, 2, 1, 0, 0, 0, 3, 3); // 4 pixels more than the frame
    assertThat(argb(decode(still(2, 2, null, false, codes))))
        .containsExactly(0xFF0000FF, 0xFF00FF00, 0xFFFF0000, 0xFF000000);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 9, 12})
  void decode_minimumCodeSizeOutsideTwoToEight_isInvalid(int literalWidth) {
    byte[] gif = still(1, 1, null, false, new Codes(2).clear().literals(1).end());
    gif[13 + 12 + 10] = (byte) literalWidth; // after the screen, the table and the descriptor

    var e = catchThrowableOfType(InvalidImageException.class, () -> decode(gif));
    assertThat(e.status()).isEqualTo(422);
    assertThat(e.getMessage()).contains("minimum code size is " + literalWidth);
  }

  @Test
  void frames_localTableAndTransparency_applyToTheirFrameOnly_andDisposalIsKept() {
    byte[] gif =
        GifWriter.canvas(3, 1)
            .globalPalette(FOUR)
            .graphicControl(0, 10, -1)
            .image(new Rectangle(0, 0, 3, 1), new Codes(2).clear().literals(1, 2, 3).end())
            .graphicControl(3, 10, 0) // restore previous; index 0 transparent
            .image(
                new Rectangle(0, 0, 2, 1),
                new int[] {0x000000, 0xFFFFFF},
                false,
                new Codes(2).clear().literals(0, 1).end())
            .graphicControl(2, 10, -1) // restore background
            .image(new Rectangle(2, 0, 1, 1), new Codes(2).clear().literals(0).end())
            .image(
                new Rectangle(9, 9, 1, 1), new Codes(2).clear().literals(0).end()) // off the canvas
            .bytes();

    List<int[]> frames = frames(gif);

    assertThat(frames).hasSize(4);
    assertThat(frames.get(0)).containsExactly(0xFFFF0000, 0xFF00FF00, 0xFF0000FF);
    assertThat(frames.get(1))
        .as("index 0 transparent: the red below shows; the local white")
        .containsExactly(0xFFFF0000, 0xFFFFFFFF, 0xFF0000FF);
    assertThat(frames.get(2))
        .as("frame 2 restored; index 0 of the global table, opaque")
        .containsExactly(0xFFFF0000, 0xFF00FF00, 0xFF000000);
    assertThat(frames.get(3))
        .as("frame 3's area cleared")
        .containsExactly(0xFFFF0000, 0xFF00FF00, 0);
  }

  @Test
  void decode_pastTheDeadline_stopsWithinTheFrame() {
    byte[] gif = still(64, 64, null, false, Codes.compress(2, new int[64 * 64], 0));
    ImageHeader header = PROBE.probe(gif, null);
    AtomicLong clock = new AtomicLong();
    Deadline deadline = Deadline.after(Duration.ofMillis(1), clock::get);
    clock.set(Duration.ofSeconds(1).toNanos());

    assertThat(
            catchThrowableOfType(
                TransformTimeoutException.class,
                () -> RenderScope.call(deadline, () -> DECODER.decode(gif, header))))
        .isNotNull();
  }

  /** The rows of an interlaced frame in the order its data holds them. */
  private static int[] interlacedRows(int height) {
    List<Integer> rows = new ArrayList<>();
    int[][] passes = {{0, 8}, {4, 8}, {2, 4}, {1, 2}};
    for (int[] pass : passes) {
      for (int y = pass[0]; y < height; y += pass[1]) {
        rows.add(y);
      }
    }
    return rows.stream().mapToInt(Integer::intValue).toArray();
  }

  private static byte[] still(
      int width, int height, int @Nullable [] local, boolean interlaced, Codes codes) {
    return GifWriter.canvas(width, height)
        .globalPalette(FOUR)
        .image(new Rectangle(0, 0, width, height), local, interlaced, codes)
        .bytes();
  }

  private static BufferedImage decode(byte[] gif) {
    return DECODER.decode(gif, PROBE.probe(gif, null)).image();
  }

  private static List<int[]> frames(byte[] gif) {
    List<int[]> out = new ArrayList<>();
    try (AnimationFrames frames = DECODER.frames(gif, PROBE.probe(gif, null))) {
      while (frames.hasNext()) {
        out.add(argb(frames.next()));
      }
    }
    return out;
  }

  private static int[] argb(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }

  /** Same size and pixels; a transparent pixel only needs to be transparent in both. */
  private static void assertSamePixels(BufferedImage actual, BufferedImage expected) {
    assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
    assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
    int[] a = argb(actual);
    int[] e = argb(expected);
    for (int i = 0; i < a.length; i++) {
      int want = e[i] >>> 24 == 0 ? 0 : e[i];
      int got = a[i] >>> 24 == 0 ? 0 : a[i];
      assertThat(got)
          .as("pixel (%d, %d)", i % actual.getWidth(), i / actual.getWidth())
          .isEqualTo(want);
    }
  }

  private static ImageReader jdkReader(byte[] gif) throws IOException {
    ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
    assertThat(reader.getClass().getName()).startsWith("com.sun.imageio.");
    reader.setInput(new MemoryCacheImageInputStream(new ByteArrayInputStream(gif)), false, true);
    return reader;
  }

  private static BufferedImage jdkFrame(byte[] gif, int index) throws IOException {
    ImageReader reader = jdkReader(gif);
    try {
      return reader.read(index);
    } finally {
      reader.dispose();
    }
  }

  /** A first frame placed on its canvas, as the old decoding path did. */
  private static BufferedImage onCanvas(byte[] gif, BufferedImage frame) {
    ImageHeader header = PROBE.probe(gif, null);
    BufferedImage canvas =
        new BufferedImage(header.width(), header.height(), BufferedImage.TYPE_INT_ARGB);
    canvas.createGraphics().drawImage(frame, header.firstFrame().x, header.firstFrame().y, null);
    return canvas;
  }
}
