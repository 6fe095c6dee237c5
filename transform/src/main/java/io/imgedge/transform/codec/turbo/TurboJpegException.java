package io.imgedge.transform.codec.turbo;

/**
 * A TurboJPEG call failed or warned. Warnings (e.g. "Premature end of JPEG file") abort the decode
 * as errors do: the caller decides what the image is worth.
 */
public final class TurboJpegException extends Exception {
  private final boolean warning;

  TurboJpegException(String message, boolean warning) {
    super(message);
    this.warning = warning;
  }

  /** Whether libjpeg only warned (the data is damaged or truncated, not unreadable). */
  public boolean warning() {
    return warning;
  }
}
