package io.imgedge.transform.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.imgedge.transform.testing.GifWriter.Codes;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** {@link Lzw} on its own: why a stream stops, what it gave, and the sub-block reader. */
class LzwTest {
  private final Lzw lzw = new Lzw();

  @Test
  void decode_endCode_stopsWithWhatCameBefore() {
    Decoded d = decode(8, new Codes(8).clear().literals(200, 7, 255).end().literals(1));
    assertThat(d.end).isEqualTo(Lzw.End.END_CODE);
    assertThat(d.bytes).containsExactly(200, 7, 255);
  }

  @Test
  void decode_dataEndingWithoutEndCode_isDataEnded() {
    Codes codes = new Codes(2).clear().literals(1, 2, 3, 0);
    codes.cut(codes.bytes().length - 1);
    Decoded d = decode(2, codes);
    assertThat(d.end).isEqualTo(Lzw.End.DATA_ENDED);
    assertThat(d.bytes).containsExactly(codes.decoded());
  }

  @Test
  void decode_codePastTheNextFreeOne_isInvalid() {
    Codes codes = new Codes(3).clear().literals(5, 6);
    Decoded d = decode(3, codes.code(codes.nextCode() + 1).literals(1).end());
    assertThat(d.end).isEqualTo(Lzw.End.INVALID_CODE);
    assertThat(d.bytes).containsExactly(5, 6);
  }

  @Test
  void decode_nextFreeCode_isThePreviousStringAndItsFirstByte() {
    Codes codes = new Codes(2).clear().literals(1, 2);
    codes.code(codes.nextCode()).code(codes.nextCode()).end();
    assertThat(decode(2, codes).bytes).containsExactly(1, 2, 2, 2, 2, 2, 2);
  }

  @Test
  void decode_fullSink_stopsTheStream() {
    int[] taken = {0};
    Lzw.SubBlocks in = blocks(new Codes(2).clear().literals(1, 1, 1, 1, 1, 1).end().bytes());
    Lzw.End end = lzw.decode(in, 2, (bytes, count) -> (taken[0] += count) < 4);
    assertThat(end).isEqualTo(Lzw.End.SINK_FULL);
    assertThat(taken[0]).isEqualTo(4);
  }

  @Test
  void decode_literalWidthOutsideTwoToEight_isRefused() {
    for (int width : new int[] {0, 1, 9}) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> lzw.decode(blocks(new byte[0]), width, (b, c) -> true));
    }
  }

  @Test
  void subBlocks_readAcrossBlocks_stopAtTheTerminator_andSkipToTheEnd() {
    byte[] data = {9, 2, 10, 11, 1, 12, 0, 42};
    Lzw.SubBlocks in = new Lzw.SubBlocks(data, 1);
    assertThat(in.next()).isEqualTo(10);
    assertThat(in.next()).isEqualTo(11);
    assertThat(in.next()).isEqualTo(12);
    assertThat(in.next()).isEqualTo(-1);
    assertThat(in.skipToEnd()).isEqualTo(7);

    Lzw.SubBlocks partly = new Lzw.SubBlocks(data, 1);
    partly.next();
    assertThat(partly.skipToEnd()).as("from inside a block").isEqualTo(7);
    assertThat(new Lzw.SubBlocks(new byte[] {3, 1, 2}, 0).skipToEnd()).as("cut short").isEqualTo(3);
  }

  private Decoded decode(int literalWidth, Codes codes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Lzw.End end =
        lzw.decode(
            blocks(codes.bytes()),
            literalWidth,
            (bytes, count) -> {
              out.write(bytes, 0, count);
              return true;
            });
    int[] bytes = new int[out.size()];
    byte[] raw = out.toByteArray();
    for (int i = 0; i < raw.length; i++) {
      bytes[i] = raw[i] & 0xFF;
    }
    return new Decoded(end, bytes);
  }

  /** The data in sub-blocks of 255 bytes, with the terminator. */
  private static Lzw.SubBlocks blocks(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int at = 0; at < data.length; at += 255) {
      int n = Math.min(255, data.length - at);
      out.write(n);
      out.write(data, at, n);
    }
    out.write(0);
    return new Lzw.SubBlocks(out.toByteArray(), 0);
  }

  private record Decoded(Lzw.End end, int[] bytes) {}
}
