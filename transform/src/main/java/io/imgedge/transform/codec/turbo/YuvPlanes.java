package io.imgedge.transform.codec.turbo;

/**
 * An image as TurboJPEG's planes: Y, Cb and Cr, 8 bits per sample, each plane row after row with
 * its width as stride. The luma plane may be one sample wider or taller than the image (padded to
 * whole chroma samples, as {@code tjPlaneWidth} sizes it); chroma planes are smaller by the
 * subsampling factors.
 *
 * @param width image width
 * @param height image height
 * @param subsampling TurboJPEG's {@code TJSAMP_*} constant
 * @param planes Y, Cb, Cr
 * @param widths each plane's width (its stride)
 * @param heights each plane's height
 */
public record YuvPlanes(
    int width, int height, int subsampling, byte[][] planes, int[] widths, int[] heights) {}
