/**
 * Test support for image code, shared with other modules through this module's test-jar.
 *
 * <ul>
 *   <li>{@link io.imgedge.transform.testing.TestImages}: the small images bundled as test
 *       resources, synthetic images, decoding and encoding.
 *   <li>{@link io.imgedge.transform.testing.Corpus}: the shared test corpus ({@code
 *       ../shared/corpus}) and its manifest, skipped where absent and required on CI.
 *   <li>{@link io.imgedge.transform.testing.Pixels} and {@link io.imgedge.transform.testing.Rgb}:
 *       measurements such as the mean colour of a box and the RMSE between two images.
 *   <li>{@link io.imgedge.transform.testing.ImageAssertions}: AssertJ assertions on images.
 *   <li>{@link io.imgedge.transform.testing.ImageBytes}: the structure of encoded files (JPEG
 *       markers, PNG chunks, WebP chunks) and builders for hand-made edge cases.
 *   <li>{@link io.imgedge.transform.testing.ExifBlock}: EXIF/TIFF structures written by hand, in
 *       either byte order, with entries of any type in IFD0, the Exif sub-IFD or IFD1.
 *   <li>{@link io.imgedge.transform.testing.RawPng}: PNGs written sample by sample, in any colour
 *       type and bit depth, with any {@code PLTE} and {@code tRNS}.
 *   <li>{@link io.imgedge.transform.testing.TestTransformer}: rendering through a real {@link
 *       io.imgedge.transform.Transformer} with Fastly's defaults and limits.
 * </ul>
 */
@NullMarked
package io.imgedge.transform.testing;

import org.jspecify.annotations.NullMarked;
