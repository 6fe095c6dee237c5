package io.imgedge.config;

/**
 * The admin API's access.
 *
 * @param token the bearer token that authorises purges ({@code admin.token}); empty disables the
 *     purge API. Set it through the environment ({@code IMGEDGE_ADMIN_TOKEN}) rather than in a
 *     file.
 */
public record AdminConfig(String token) {

  /** Whether purging is enabled. */
  public boolean purgeEnabled() {
    return !token.isEmpty();
  }

  @Override
  public String toString() {
    return "AdminConfig[token=" + (token.isEmpty() ? "none" : "****") + "]";
  }

  static AdminConfig from(Settings s) {
    String token = s.string("admin.token");
    if (!token.isEmpty() && token.length() < 16) {
      throw ConfigException.invalidSecret(
          s.raw("admin.token"), "a token of at least 16 characters, or empty to disable purging");
    }
    return new AdminConfig(token);
  }
}
