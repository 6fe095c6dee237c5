package io.imgedge.config;

/**
 * A configuration value is missing, unknown or malformed. The message names the key, where the
 * value came from, and the form that is accepted, so an operator can fix it without reading code.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Where to read about every key. */
  static final String DOCS = "see README.md#configuration";

  /** Creates an exception with a complete, operator-facing message. */
  public ConfigException(String message) {
    super(message);
  }

  /** Like {@link #invalid} for a secret: the value is not repeated. */
  static ConfigException invalidSecret(Setting setting, String expected) {
    return new ConfigException(
        "invalid value for '%s' (%s): the value is hidden; expected %s; %s"
            .formatted(setting.key(), setting.source(), expected, DOCS));
  }

  static ConfigException invalid(Setting setting, String expected) {
    return new ConfigException(
        "invalid value for '%s' (%s): \"%s\"; expected %s; %s"
            .formatted(setting.key(), setting.source(), setting.value(), expected, DOCS));
  }
}
