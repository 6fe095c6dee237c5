package io.imgedge.transform.spec;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Resolves {@code format=auto} and {@code auto=webp} against a client's {@code Accept} header.
 *
 * <p>Only an explicit {@code image/webp} with a non-zero quality counts as WebP support ({@code
 * *}{@code /*} and {@code image/*} do not), as browsers that decode WebP announce it explicitly.
 */
public final class FormatNegotiation {
  private FormatNegotiation() {}

  /**
   * The outcome of negotiation.
   *
   * @param target the output target, part of the cache key
   * @param webpNegotiated WebP was picked because the client accepts it (so {@code quality}'s
   *     second value applies)
   * @param variesOnAccept the response depends on {@code Accept} and must say {@code Vary: Accept}
   */
  public record Negotiated(OutputTarget target, boolean webpNegotiated, boolean variesOnAccept) {}

  /** Chooses the output target for a spec and a client. */
  public static Negotiated negotiate(TransformSpec spec, @Nullable String acceptHeader) {
    boolean webp = acceptsWebp(acceptHeader);
    if (spec.format() == OutputTarget.AUTO) {
      return webp
          ? new Negotiated(OutputTarget.WEBP, true, true)
          : new Negotiated(OutputTarget.AUTO, false, true);
    }
    OutputTarget explicit = spec.format() == null ? OutputTarget.SOURCE : spec.format();
    if (spec.autoWebp()) {
      return webp
          ? new Negotiated(OutputTarget.WEBP, true, true)
          : new Negotiated(explicit, false, true);
    }
    return new Negotiated(explicit, false, false);
  }

  /** Whether an {@code Accept} header lists {@code image/webp} with a quality above zero. */
  public static boolean acceptsWebp(@Nullable String acceptHeader) {
    if (acceptHeader == null) {
      return false;
    }
    for (String range : acceptHeader.toLowerCase(Locale.ROOT).split(",")) {
      String[] parts = range.split(";");
      if (!parts[0].trim().equals("image/webp")) {
        continue;
      }
      if (qualityOf(parts) > 0) {
        return true;
      }
    }
    return false;
  }

  private static double qualityOf(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim();
      if (p.startsWith("q=")) {
        try {
          return Double.parseDouble(p.substring(2).trim());
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }
}
