package io.imgedge.config;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What command-line flags set; they win over the file and the environment.
 *
 * @param settings dotted keys to raw values, e.g. {@code node.public-port -> 9090}
 * @param origin an {@code --origin} folder or URL that replaces the configured origins, or null
 */
public record CommandLineOverrides(Map<String, String> settings, @Nullable String origin) {

  /** No flags given. */
  public static final CommandLineOverrides NONE = new CommandLineOverrides(Map.of(), null);

  /** Copies the settings. */
  public CommandLineOverrides {
    settings = Map.copyOf(settings);
  }
}
