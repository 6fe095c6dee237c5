package io.imgedge.transform.issues;

import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.transform.ImageLimits;
import io.imgedge.transform.codec.ImageDecoder;
import io.imgedge.transform.codec.NativeCodecs;
import io.imgedge.transform.probe.HeaderProbe;
import io.imgedge.transform.probe.ImageHeader;
import io.imgedge.transform.testing.GifWriter;
import io.imgedge.transform.testing.GifWriter.Codes;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, the GIF part: LZW streams with many clear codes, double clear codes, or a table that
 * fills up without one; colour indices past the colour table; plain-text extensions; LZW data that
 * ends before the frame is full. Each GIF is built code by code ({@link GifWriter}), goes through
 * the probe and the production decoder, and its pixels are compared with what browsers show
 * (Chromium's Wuffs-based decoder): the indices the codes stand for, transparent where an index is
 * past the colour table or where the data never reached.
 */
class Issue14GifTest {
  private static final ImageDecoder DECODER = new ImageDecoder(NativeCodecs.none());
  private static final HeaderProbe PROBE = new HeaderProbe(ImageLimits.FASTLY);

  /** Black, red, green, blue. */
  private static final int[] FOUR = {0x000000, 0xFF0000, 0x00FF00, 0x0000FF};

  private static final int BLACK = 0xFF000000;
  private static final int WHITE = 0xFFFFFFFF;
  private static final int RED = 0xFFFF0000;
  private static final int GREEN = 0xFF00FF00;
  private static final int BLUE = 0xFF0000FF;
  private static final int TRANSPARENT = 0;

  @Test
  void manyClearCodes_everyFewCodes_decodeAsWithout() {
    int[] indices = pattern(24 * 16, 4);
    for (int every : new int[] {1, 2, 3, 5, 9, 14, 30}) {
      Codes codes = Codes.compress(2, indices, every);
      byte[] gif = still(24, 16, codes);

      assertThat(pixels(gif))
          .as("a clear code after every %d codes", every)
          .containsExactly(argb(indices));
    }
  }

  @Test
  void manyClearCodes_beforeEveryPixel_andBeforeTheEndCode() {
    int[] indices = pattern(7 * 5, 4);
    Codes codes = new Codes(2);
    for (int index : indices) {
      codes.clear().literals(index);
    }
    byte[] gif = still(7, 5, codes.clear().end());

    assertThat(pixels(gif)).containsExactly(argb(indices));
  }

  @Test
  void doubleClearCodes_areOneReset_notAPixel() {
    Codes codes = new Codes(2).clear().clear().literals(1, 2, 3);
    codes.code(codes.nextCode()); // 3, 3 (the previous string and its first index again)
    codes.clear().clear().clear().literals(0, 1).code(6); // 6 = 0, 1
    codes.clear().clear().literals(2).end();
    byte[] gif = still(11, 1, codes);

    assertThat(codes.decoded()).containsExactly(1, 2, 3, 3, 3, 0, 1, 0, 1, 2);
    assertThat(pixels(gif))
        .containsExactly(RED, GREEN, BLUE, BLUE, BLUE, BLACK, RED, BLACK, RED, GREEN, TRANSPARENT);
  }

  @Test
  void fullTableWithoutClearCode_keepsDecodingWithTheFullTable() {
    int width = 200;
    int height = 160;
    int[] indices = noise(width * height, 4, 14);
    Codes codes = Codes.compress(2, indices, 0);
    assertThat(codes.nextCode()).as("the table filled up").isEqualTo(4096);
    assertThat(codes.width()).isEqualTo(12);
    assertThat(codes.fullTableCodes()).as("codes after it filled").isGreaterThan(1000);

    assertThat(pixels(still(width, height, codes))).containsExactly(argb(indices));
  }

  @Test
  void fullTableWithoutClearCode_thenTableCodesAndAClearCode() {
    Codes codes = new Codes(2).clear();
    int[] first = pattern(4096 - 6 + 1, 4); // one code per free code, and the first adds none
    codes.literals(first);
    assertThat(codes.nextCode()).isEqualTo(4096);
    // 6 = first[0..1], 4095 = first[4089..4090], 4000 = first[3994..3995]
    codes.literals(3, 2, 1).code(6).code(4095).code(4000);
    codes.clear().literals(2, 2).code(6).end(); // 6 = 2, 2 again after the clear
    int[] expected =
        IntStream.concat(
                Arrays.stream(first),
                IntStream.of(
                    3,
                    2,
                    1,
                    first[0],
                    first[1],
                    first[4089],
                    first[4090],
                    first[3994],
                    first[3995],
                    2,
                    2,
                    2,
                    2))
            .toArray();
    assertThat(codes.decoded()).containsExactly(expected);
    byte[] gif = still(expected.length, 1, codes);

    assertThat(pixels(gif)).containsExactly(argb(expected));
  }

  @Test
  void colourIndexPastTheTable_isTransparent() {
    byte[] gif =
        GifWriter.canvas(4, 2)
            .globalPalette(0x000000, 0xFFFFFF)
            .image(
                new Rectangle(0, 0, 4, 2),
                new Codes(2).clear().literals(0, 1, 2, 3, 3, 2, 1, 0).end())
            .bytes();

    assertThat(pixels(gif))
        .containsExactly(
            BLACK, WHITE, TRANSPARENT, TRANSPARENT, TRANSPARENT, TRANSPARENT, WHITE, BLACK);
  }

  @Test
  void colourIndexPastALocalTable_isTransparent_evenWithALargerGlobalTable() {
    byte[] gif =
        GifWriter.canvas(8, 1)
            .globalPalette(FOUR)
            .image(
                new Rectangle(0, 0, 8, 1),
                new int[] {0xFFFFFF, 0x00FF00},
                false,
                new Codes(3).clear().literals(0, 1, 2, 3, 4, 5, 6, 7).end())
            .bytes();

    assertThat(pixels(gif))
        .containsExactly(
            WHITE,
            GREEN,
            TRANSPARENT,
            TRANSPARENT,
            TRANSPARENT,
            TRANSPARENT,
            TRANSPARENT,
            TRANSPARENT);
  }

  @Test
  void plainTextExtension_isNotRendered_andTheGraphicControlBeforeItAppliesToTheImage() {
    byte[] gif =
        GifWriter.canvas(3, 2)
            .globalPalette(FOUR)
            .graphicControl(0, 0, 3)
            .plainText(new Rectangle(0, 0, 3, 2), "Hello, GIF")
            .extension(0xFE, "a comment".getBytes(StandardCharsets.US_ASCII))
            .extension(0x2A, new byte[] {1, 2, 3}) // unknown
            .image(new Rectangle(0, 0, 3, 2), new Codes(2).clear().literals(0, 1, 2, 3, 2, 1).end())
            .bytes();

    assertThat(pixels(gif)).containsExactly(BLACK, RED, GREEN, TRANSPARENT, GREEN, RED);
  }

  @Test
  void plainTextExtension_emptyOrOddSized_isSkippedByItsSubBlocks() {
    byte[] text = "text".getBytes(StandardCharsets.US_ASCII);
    byte[][][] extensions = {{}, {new byte[12]}, {{1, 2, 3, 4}, text}, {new byte[13], text, text}};
    for (byte[][] subBlocks : extensions) {
      byte[] gif =
          GifWriter.canvas(2, 1)
              .globalPalette(FOUR)
              .extension(0x01, subBlocks)
              .image(new Rectangle(0, 0, 2, 1), new Codes(2).clear().literals(3, 1).end())
              .bytes();

      assertThat(pixels(gif)).as("%d sub-blocks", subBlocks.length).containsExactly(BLUE, RED);
    }
  }

  @Test
  void lzwDataInSubBlocksOfAnySize_decodesTheSame() {
    int[] indices = pattern(32 * 32, 4);
    Codes codes = Codes.compress(2, indices, 0);
    for (int size : new int[] {1, 2, 3, 4, 7, 100, 254}) {
      byte[] gif =
          GifWriter.canvas(32, 32)
              .globalPalette(FOUR)
              .subBlockSize(size)
              .image(new Rectangle(0, 0, 32, 32), codes)
              .bytes();

      assertThat(pixels(gif)).as("sub-blocks of %d bytes", size).containsExactly(argb(indices));
    }
  }

  @Test
  void truncatedData_keepsTheRowsDecoded_andTheRestIsTransparent() {
    int[] indices = pattern(10 * 6, 4);
    Codes codes = Codes.compress(2, indices, 0);
    codes.cut(codes.bytes().length / 2); // no end code: the data just stops
    int[] decoded = codes.decoded();
    assertThat(decoded.length).isBetween(10, 50);
    int[] expected = new int[60];
    System.arraycopy(argb(decoded), 0, expected, 0, decoded.length);

    assertThat(pixels(still(10, 6, codes))).containsExactly(expected);
  }

  @Test
  void earlyEndCode_leavesTheRestTransparent_evenWhenIndexZeroIsOpaque() {
    Codes codes = new Codes(2).clear().literals(1, 2, 3, 1, 2).end().literals(3, 3, 3, 3);
    int[] expected = {RED, GREEN, BLUE, RED, GREEN, 0, 0, 0, 0};

    assertThat(pixels(still(3, 3, codes))).containsExactly(expected);
  }

  @Test
  void truncatedInterlacedData_keepsTheRowsOfTheFirstPasses() {
    int[] fileOrder = {0, 8, 4, 2, 6, 1, 3, 5, 7}; // the rows of passes 1 to 4
    Codes codes = new Codes(2).clear();
    for (int row : fileOrder) {
      codes.repeat(1 + row % 3, 4);
    }
    codes.cut(codes.bytes().length * 5 / 9);
    int[] decoded = codes.decoded();
    assertThat(decoded.length).as("some rows and part of one").isBetween(9, 27);
    byte[] gif =
        GifWriter.canvas(4, 9)
            .globalPalette(FOUR)
            .image(new Rectangle(0, 0, 4, 9), null, true, codes)
            .bytes();
    int[] expected = new int[36];
    for (int i = 0; i < decoded.length; i++) {
      expected[fileOrder[i / 4] * 4 + i % 4] = 0xFF000000 | FOUR[decoded[i]];
    }

    assertThat(pixels(gif)).containsExactly(expected);
  }

  @Test
  void codePastTheNextFreeCode_stopsTheFrame_keepingWhatCameBefore() {
    Codes codes = new Codes(2).clear().literals(1, 2, 3);
    codes.code(codes.nextCode() + 1).literals(1, 1, 1).end();
    assertThat(codes.decoded()).containsExactly(1, 2, 3);

    assertThat(pixels(still(6, 1, codes))).containsExactly(RED, GREEN, BLUE, 0, 0, 0);
  }

  @Test
  void tableCodeRightAfterAClearCode_stopsTheFrame() {
    Codes codes = new Codes(2).clear().literals(1, 2).clear().code(6).literals(3, 3).end();

    assertThat(pixels(still(4, 1, codes))).containsExactly(RED, GREEN, 0, 0);
  }

  /** A GIF of one frame that fills the canvas, with {@link #FOUR} as its global table. */
  private static byte[] still(int width, int height, Codes codes) {
    return GifWriter.canvas(width, height)
        .globalPalette(FOUR)
        .image(new Rectangle(0, 0, width, height), codes)
        .bytes();
  }

  private static int[] pixels(byte[] gif) {
    ImageHeader header = PROBE.probe(gif, null);
    BufferedImage image = DECODER.decode(gif, header).image();
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }

  /** Opaque colours of {@link #FOUR}. */
  private static int[] argb(int[] indices) {
    return Arrays.stream(indices).map(i -> 0xFF000000 | FOUR[i]).toArray();
  }

  /** A deterministic pattern with runs and repeats, which LZW compresses. */
  private static int[] pattern(int length, int colours) {
    return IntStream.range(0, length).map(i -> (i * 5 + i / 7) % colours).toArray();
  }

  /** Seeded noise, which keeps LZW strings short, so the table fills up soon. */
  private static int[] noise(int length, int colours, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    return IntStream.range(0, length).map(i -> random.nextInt(colours)).toArray();
  }
}
