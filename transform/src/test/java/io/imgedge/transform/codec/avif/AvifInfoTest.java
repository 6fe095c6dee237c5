package io.imgedge.transform.codec.avif;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AvifInfoTest {

  /**
   * The rows with no mirror or with mode 0 are what avifenc 0.11 writes for JPEGs with EXIF
   * orientations 1-8 (checked on the corpus' orient-landscape-N.jpg: 2 -> imir 1, 3 -> irot 2, 4 ->
   * imir 0, 5 -> irot 1 + imir 0, 6 -> irot 3, 7 -> irot 3 + imir 0, 8 -> irot 1); the mode-1 rows
   * with a rotation are the same transforms written the other way.
   */
  @ParameterizedTest(name = "irot {0}, imir {1} -> EXIF {2}")
  @CsvSource({
    "-1, -1, 1",
    "-1, 1, 2",
    "2, -1, 3",
    "-1, 0, 4",
    "1, 0, 5",
    "3, -1, 6",
    "3, 0, 7",
    "1, -1, 8",
    "0, -1, 1",
    "1, 1, 7",
    "2, 1, 4",
    "3, 1, 5",
    "2, 0, 2",
    "0, 0, 4"
  })
  void exifOrientation_followsHeifOrder_rotationThenMirror(int irot, int imir, int exif) {
    int flags = (irot >= 0 ? AvifInfo.IROT : 0) | (imir >= 0 ? AvifInfo.IMIR : 0);
    AvifInfo info =
        new AvifInfo(
            10,
            20,
            8,
            3,
            false,
            null,
            1,
            13,
            1,
            true,
            flags | AvifInfo.PASP,
            Math.max(irot, 0),
            imir,
            null,
            1);
    assertThat(info.exifOrientation()).isEqualTo(exif);
  }
}
