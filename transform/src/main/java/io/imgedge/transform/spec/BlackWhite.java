package io.imgedge.transform.spec;

/** True 1-bit black and white ({@code bw=}). */
public sealed interface BlackWhite {
  /** What the parser accepts, for error messages. */
  String ACCEPTED = "threshold, threshold,{luminance 0-100} or atkinson";

  /** The luminance cutoff when none is given (Fastly's default). */
  int DEFAULT_LUMINANCE = 49;

  /** The canonical form. */
  String canonical();

  /**
   * Pixels darker than a luminance cutoff become black, the others white.
   *
   * @param luminance the cutoff, 0-100; higher gives a darker image
   */
  record Threshold(int luminance) implements BlackWhite {
    @Override
    public String canonical() {
      return "threshold," + luminance;
    }
  }

  /** Atkinson error-diffusion dithering. */
  record Atkinson() implements BlackWhite {
    @Override
    public String canonical() {
      return "atkinson";
    }
  }
}
