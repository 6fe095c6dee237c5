package io.imgedge.transform.resize;

/**
 * One 8-bit plane of an image (the Y, Cb or Cr of a YCbCr JPEG): {@code width} x {@code height}
 * samples that count, row after row {@code stride} apart (the array may hold padding beyond them).
 *
 * @param samples the samples, unsigned
 * @param width samples per row that belong to the image
 * @param height rows that belong to the image
 * @param stride distance between rows in {@code samples}
 */
public record Plane(byte[] samples, int width, int height, int stride) {
  /** Checks the sizes. */
  public Plane {
    if (width < 1
        || height < 1
        || stride < width
        || (long) stride * (height - 1) + width > samples.length) {
      throw new IllegalArgumentException(
          "a plane of "
              + width
              + "x"
              + height
              + " (stride "
              + stride
              + ") does not fit "
              + samples.length
              + " samples");
    }
  }
}
