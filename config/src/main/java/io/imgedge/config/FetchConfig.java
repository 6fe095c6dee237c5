package io.imgedge.config;

import java.time.Duration;

/**
 * Timeouts for fetching a source from an HTTP origin. A fetch that exceeds any of them fails with
 * 504 and nothing is cached.
 *
 * @param connectTimeout to open the TCP (and TLS) connection ({@code fetch.connect-timeout})
 * @param headerTimeout from sending the request to the end of the response headers ({@code
 *     fetch.header-timeout})
 * @param readTimeout longest pause between two chunks of the body ({@code fetch.read-timeout})
 * @param totalTimeout the whole fetch, body included ({@code fetch.total-timeout})
 */
public record FetchConfig(
    Duration connectTimeout, Duration headerTimeout, Duration readTimeout, Duration totalTimeout) {

  static FetchConfig from(Settings s) {
    Duration min = Duration.ofMillis(1);
    return new FetchConfig(
        s.duration("fetch.connect-timeout", min),
        s.duration("fetch.header-timeout", min),
        s.duration("fetch.read-timeout", min),
        s.duration("fetch.total-timeout", min));
  }
}
