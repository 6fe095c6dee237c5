package io.imgedge.transform;

/** A query parameter has a value imgedge does not accept: HTTP 400, naming what it accepts. */
public final class InvalidParameterException extends TransformException {
  private static final long serialVersionUID = 1L;

  private final String parameter;

  /**
   * @param parameter the query parameter, e.g. {@code width}
   * @param value the value given
   * @param accepted what the parameter accepts, e.g. {@code "pixels from 1 to 8192"}
   */
  public InvalidParameterException(String parameter, String value, String accepted) {
    super(
        "invalid value for '%s': \"%s\"; %s accepts %s"
            .formatted(parameter, abbreviate(value), parameter, accepted));
    this.parameter = parameter;
  }

  /** The query parameter at fault. */
  public String parameter() {
    return parameter;
  }

  @Override
  public int status() {
    return 400;
  }

  @Override
  public String errorId() {
    return "IMGEDGE-0101";
  }

  private static String abbreviate(String value) {
    String printable = value.replaceAll("[^\\x20-\\x7e]", "?");
    return printable.length() <= 64 ? printable : printable.substring(0, 61) + "...";
  }
}
