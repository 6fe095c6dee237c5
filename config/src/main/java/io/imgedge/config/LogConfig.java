package io.imgedge.config;

/**
 * Request logging.
 *
 * @param access how each public request is logged ({@code log.access}): {@code off}, or {@code
 *     json} for one JSON object per line
 * @param accessFile where access lines go ({@code log.access-file}); empty for standard output
 */
public record LogConfig(Access access, String accessFile) {

  /** The access log format. */
  public enum Access {
    /** No access log. */
    OFF,
    /** One JSON object per request, one per line. */
    JSON
  }

  static LogConfig from(Settings s) {
    return new LogConfig(s.choice("log.access", Access.class), s.string("log.access-file"));
  }
}
