package io.imgedge.config;

/**
 * One raw configuration value together with where it came from, for error messages.
 *
 * @param key the dotted key, e.g. {@code cache.edge-max-bytes}
 * @param value the raw text of the value
 * @param source where the value came from: a file, an environment variable, a flag or a default
 */
record Setting(String key, String value, String source) {}
