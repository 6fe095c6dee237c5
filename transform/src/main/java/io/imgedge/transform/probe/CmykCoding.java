package io.imgedge.transform.probe;

/** How a four-component JPEG stores its ink values (from its Adobe APP14 segment, if any). */
public enum CmykCoding {
  /** No Adobe segment: the samples are ink amounts, 0 = no ink. */
  PLAIN,
  /** Adobe transform 0: CMYK stored inverted, 255 = no ink. */
  ADOBE_INVERTED,
  /** Adobe transform 2: YCCK, the CMY inks coded as YCbCr and K stored inverted. */
  ADOBE_YCCK
}
