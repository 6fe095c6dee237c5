package io.imgedge.transform.probe;

import static io.imgedge.transform.testing.ExifBlock.BYTE;
import static io.imgedge.transform.testing.ExifBlock.LONG;
import static io.imgedge.transform.testing.ExifBlock.ORIENTATION;
import static io.imgedge.transform.testing.ExifBlock.SBYTE;
import static io.imgedge.transform.testing.ExifBlock.SHORT;
import static io.imgedge.transform.testing.ExifBlock.SLONG;
import static io.imgedge.transform.testing.ExifBlock.SSHORT;
import static io.imgedge.transform.testing.ExifBlock.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.transform.spec.Orientation;
import io.imgedge.transform.testing.ExifBlock;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ExifOrientation} on hand-built TIFF structures, in both byte orders (issue 14). */
class ExifOrientationTest {
  private static final ByteOrder[] ORDERS = {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN};

  private static Orientation read(byte[] tiff) {
    return ExifOrientation.read(tiff, 0, tiff.length);
  }

  private static Orientation read(ExifBlock block) {
    return read(block.tiff());
  }

  static List<Arguments> integerTypesBothOrdersEveryValue() {
    List<Arguments> all = new ArrayList<>();
    for (int type : new int[] {BYTE, SHORT, LONG, SBYTE, SSHORT, SLONG}) {
      for (ByteOrder order : ORDERS) {
        for (Orientation o : Orientation.values()) {
          all.add(Arguments.of(type, order, o));
        }
      }
    }
    return all;
  }

  @ParameterizedTest(name = "type {0}, {1}, {2}")
  @MethodSource("integerTypesBothOrdersEveryValue")
  void read_anyIntegerType_givesTheOrientation(int type, ByteOrder order, Orientation o) {
    byte[] tiff = ExifBlock.of(order).ifd0(entry(ORIENTATION, type, o.exifValue())).tiff();
    assertThat(read(tiff)).isEqualTo(o);
  }

  @Test
  void read_longAsPanasonicWritesIt_isRotated() {
    for (ByteOrder order : ORDERS) {
      assertThat(read(ExifBlock.of(order).ifd0(entry(ORIENTATION, LONG, 6))))
          .as("%s", order)
          .isEqualTo(Orientation.ROTATE_90);
    }
  }

  @Test
  void read_severalValues_firstCounts_inlineOrBehindAnOffset() {
    for (ByteOrder order : ORDERS) {
      assertThat(read(ExifBlock.of(order).ifd0(entry(ORIENTATION, SHORT, 8, 3))))
          .as("two SHORTs fit in the entry: %s", order)
          .isEqualTo(Orientation.ROTATE_270);
      assertThat(read(ExifBlock.of(order).ifd0(entry(ORIENTATION, LONG, 8, 3))))
          .as("two LONGs are stored at an offset: %s", order)
          .isEqualTo(Orientation.ROTATE_270);
      assertThat(read(ExifBlock.of(order).ifd0(entry(ORIENTATION, BYTE, 5, 1, 1, 1, 1))))
          .as("five BYTEs are stored at an offset: %s", order)
          .isEqualTo(Orientation.TRANSPOSE);
    }
  }

  @Test
  void read_otherTypesAndNoValue_areIgnored() {
    for (ByteOrder order : ORDERS) {
      for (int type :
          new int[] {ExifBlock.ASCII, ExifBlock.RATIONAL, ExifBlock.UNDEFINED, 11, 12, 0, 99}) {
        assertThat(read(ExifBlock.of(order).ifd0(new ExifBlock.Entry(ORIENTATION, type, 1, 6))))
            .as("type %d, %s", type, order)
            .isEqualTo(Orientation.NORMAL);
      }
      assertThat(read(ExifBlock.of(order).ifd0(new ExifBlock.Entry(ORIENTATION, SHORT, 0, 6))))
          .as("count 0")
          .isEqualTo(Orientation.NORMAL);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 9, 0x10006, 0x60000, 0xFFFF_FFFAL, -6})
  void read_valuesOutside1To8_areNormal(long value) {
    for (ByteOrder order : ORDERS) {
      for (int type : new int[] {LONG, SLONG}) {
        assertThat(read(ExifBlock.of(order).ifd0(entry(ORIENTATION, type, value))))
            .as("%d as type %d, %s", value, type, order)
            .isEqualTo(Orientation.NORMAL);
      }
    }
    assertThat(read(ExifBlock.of(ByteOrder.BIG_ENDIAN).ifd0(entry(ORIENTATION, SSHORT, -2))))
        .isEqualTo(Orientation.NORMAL);
    assertThat(read(ExifBlock.of(ByteOrder.BIG_ENDIAN).ifd0(entry(ORIENTATION, SBYTE, -2))))
        .isEqualTo(Orientation.NORMAL);
  }

  @Test
  void read_valueOffsetOutsideTheBlock_isNormal() {
    for (ByteOrder order : ORDERS) {
      byte[] tiff = ExifBlock.of(order).ifd0(entry(ORIENTATION, LONG, 6, 6)).tiff();
      byte[] cut =
          java.util.Arrays.copyOf(tiff, tiff.length - 6); // the values, behind an offset, are cut
      assertThat(ExifOrientation.read(cut, 0, cut.length))
          .as("%s", order)
          .isEqualTo(Orientation.NORMAL);
    }
  }

  @Test
  void read_onlyInTheExifSubIfd_isUsed_asChromiumDoes() {
    for (ByteOrder order : ORDERS) {
      assertThat(read(ExifBlock.of(order).exifIfd(entry(ORIENTATION, SHORT, 6))))
          .as("%s", order)
          .isEqualTo(Orientation.ROTATE_90);
      assertThat(
              read(
                  ExifBlock.of(order)
                      .ifd0(entry(ORIENTATION, SHORT, 3))
                      .exifIfd(entry(ORIENTATION, SHORT, 6))))
          .as("IFD0 wins: %s", order)
          .isEqualTo(Orientation.ROTATE_180);
      assertThat(
              read(
                  ExifBlock.of(order)
                      .ifd0(entry(ORIENTATION, SHORT, 0))
                      .exifIfd(entry(ORIENTATION, LONG, 6))))
          .as("an unusable IFD0 value is no orientation: %s", order)
          .isEqualTo(Orientation.ROTATE_90);
    }
  }

  @Test
  void read_onlyInIfd1_isIgnored_itIsTheThumbnails() {
    for (ByteOrder order : ORDERS) {
      assertThat(read(ExifBlock.of(order).ifd1(entry(ORIENTATION, SHORT, 6))))
          .as("%s", order)
          .isEqualTo(Orientation.NORMAL);
      assertThat(
              read(
                  ExifBlock.of(order)
                      .ifd0(entry(ORIENTATION, LONG, 8))
                      .ifd1(entry(ORIENTATION, SHORT, 6))))
          .as("%s", order)
          .isEqualTo(Orientation.ROTATE_270);
    }
  }

  @Test
  void read_exifPointerOutsideTheBlockOrToItself_isNormalNotFatal() {
    for (ByteOrder order : ORDERS) {
      byte[] tiff =
          ExifBlock.of(order)
              .exifIfd(entry(0x9000, ExifBlock.UNDEFINED, '0', '2', '3', '0'))
              .tiff();
      // IFD0 holds one entry, the pointer: its value field is at 8 + 2 + 8.
      for (int target : new int[] {0x7FFF_FFF0, 8, 0, 3}) {
        byte[] bad = tiff.clone();
        java.nio.ByteBuffer.wrap(bad).order(order).putInt(18, target);
        assertThat(ExifOrientation.read(bad, 0, bad.length))
            .as("%s -> %d", order, target)
            .isEqualTo(Orientation.NORMAL);
      }
    }
  }

  @Test
  void readExifBlock_withOrWithoutThePrefix() {
    ExifBlock block = ExifBlock.of(ByteOrder.LITTLE_ENDIAN).ifd0(entry(ORIENTATION, SLONG, 7));
    byte[] app1 = block.app1();
    byte[] tiff = block.tiff();
    assertThat(ExifOrientation.readExifBlock(app1, 0, app1.length))
        .isEqualTo(Orientation.TRANSVERSE);
    assertThat(ExifOrientation.readExifBlock(tiff, 0, tiff.length))
        .isEqualTo(Orientation.TRANSVERSE);
  }

  @Test
  void read_atAnOffsetInALargerArray_usesOffsetsFromTheTiffHeader() {
    byte[] tiff =
        ExifBlock.of(ByteOrder.BIG_ENDIAN)
            .ifd0(entry(ORIENTATION, LONG, 2, 2))
            .exifIfd(entry(ORIENTATION, SHORT, 4))
            .tiff();
    byte[] inside = new byte[tiff.length + 40];
    System.arraycopy(tiff, 0, inside, 17, tiff.length);
    assertThat(ExifOrientation.read(inside, 17, 17 + tiff.length))
        .isEqualTo(Orientation.FLIP_HORIZONTAL);
  }
}
