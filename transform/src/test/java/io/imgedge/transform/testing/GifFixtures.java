package io.imgedge.transform.testing;

import io.imgedge.transform.testing.GifWriter.Codes;
import java.awt.Rectangle;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Small GIFs made by this project with {@link GifWriter}, one per odd case of issue 14 and a few
 * ordinary ones: the seeds of the GIF fuzz target (checked in under {@code
 * GifDecodeFuzzTestInputs/}, where {@code GifDecodeFuzzTest} checks they still match this class)
 * and the starting points of its mutation test.
 */
public final class GifFixtures {
  private static final int[] FOUR = {0x000000, 0xFF0000, 0x00FF00, 0x0000FF};

  private GifFixtures() {}

  /** Every fixture by file name, in a stable order. */
  public static Map<String, byte[]> all() {
    Map<String, byte[]> all = new LinkedHashMap<>();
    all.put("many-clear-codes-24x16.gif", still(24, 16, Codes.compress(2, pattern(24 * 16), 3)));
    all.put(
        "double-clear-codes-8x2.gif",
        still(
            8,
            2,
            new Codes(2)
                .clear()
                .clear()
                .literals(1, 2, 3)
                .clear()
                .clear()
                .clear()
                .literals(0, 1)
                .code(6)
                .clear()
                .clear()
                .repeat(2, 9)
                .end()));
    all.put("full-table-no-clear-128x40.gif", still(128, 40, fullTable(128 * 40)));
    all.put(
        "index-past-table-4x2.gif",
        GifWriter.canvas(4, 2)
            .globalPalette(0x000000, 0xFFFFFF)
            .image(
                new Rectangle(0, 0, 4, 2),
                new Codes(2).clear().literals(0, 1, 2, 3, 3, 2, 1, 0).end())
            .bytes());
    all.put(
        "plain-text-3x2.gif",
        GifWriter.canvas(3, 2)
            .globalPalette(FOUR)
            .graphicControl(0, 0, 3)
            .plainText(new Rectangle(0, 0, 3, 2), "Hello, GIF")
            .extension(0xFE, "comment".getBytes(StandardCharsets.US_ASCII))
            .extension(0x01)
            .image(new Rectangle(0, 0, 3, 2), new Codes(2).clear().literals(0, 1, 2, 3, 2, 1).end())
            .bytes());
    Codes cut = Codes.compress(2, pattern(10 * 6), 0);
    all.put("truncated-lzw-10x6.gif", still(10, 6, cut.cut(cut.bytes().length / 2)));
    Codes invalid = new Codes(2).clear().literals(1, 2, 3);
    all.put(
        "invalid-code-6x1.gif",
        still(6, 1, invalid.code(invalid.nextCode() + 1).literals(1, 1).end()));
    all.put("animation-interlaced-local-tables-5x5.gif", animation());
    return all;
  }

  private static byte[] still(int width, int height, Codes codes) {
    return GifWriter.canvas(width, height)
        .globalPalette(FOUR)
        .image(new Rectangle(0, 0, width, height), codes)
        .bytes();
  }

  /** Literals only: the table fills up after 4091 codes and the rest use 12 bits. */
  private static Codes fullTable(int pixels) {
    SplittableRandom random = new SplittableRandom(14);
    return new Codes(2)
        .clear()
        .literals(IntStream.range(0, pixels).map(i -> random.nextInt(4)).toArray())
        .end();
  }

  private static byte[] animation() {
    return GifWriter.canvas(5, 5)
        .globalPalette(FOUR)
        .loop(0)
        .graphicControl(1, 5, -1)
        .image(new Rectangle(0, 0, 5, 5), null, true, Codes.compress(2, pattern(25), 0))
        .graphicControl(3, 5, 0)
        .image(
            new Rectangle(1, 1, 3, 3),
            new int[] {0, 0xFFFFFF, 0x808080, 0xFFFF00},
            true,
            Codes.compress(2, pattern(9), 4))
        .graphicControl(2, 5, 1)
        .image(new Rectangle(3, 2, 4, 4), null, false, Codes.compress(2, pattern(16), 0))
        .bytes();
  }

  private static int[] pattern(int length) {
    return IntStream.range(0, length).map(i -> (i * 5 + i / 7) % 4).toArray();
  }
}
