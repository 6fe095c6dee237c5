package io.imgedge.transform.spec;

import java.util.Locale;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * Which modern image formats a client's {@code Accept} header names explicitly, with a quality
 * above zero: AVIF, JPEG XL and WebP. Wildcards ({@code *}{@code /*}, {@code image/*}) count for
 * none of them: browsers that decode these formats announce them by name, and a client that only
 * says {@code *}{@code /*} may well be a script that cannot show them.
 *
 * @param avif {@code image/avif} is accepted
 * @param jxl {@code image/jxl} is accepted
 * @param webp {@code image/webp} is accepted
 */
public record AcceptedFormats(boolean avif, boolean jxl, boolean webp) {
  /** A client that names none of them. */
  public static final AcceptedFormats NONE = new AcceptedFormats(false, false, false);

  /** Reads an {@code Accept} header (null or empty: none). */
  public static AcceptedFormats of(@Nullable String acceptHeader) {
    if (acceptHeader == null || acceptHeader.isEmpty()) {
      return NONE;
    }
    boolean avif = false;
    boolean jxl = false;
    boolean webp = false;
    for (String range : acceptHeader.toLowerCase(Locale.ROOT).split(",")) {
      String[] parts = range.split(";");
      String type = parts[0].trim();
      boolean named =
          type.equals("image/avif") || type.equals("image/jxl") || type.equals("image/webp");
      if (!named || qualityOf(parts) <= 0) {
        continue;
      }
      switch (type) {
        case "image/avif" -> avif = true;
        case "image/jxl" -> jxl = true;
        default -> webp = true;
      }
    }
    return new AcceptedFormats(avif, jxl, webp);
  }

  /** Whether the client named AVIF or JPEG XL, so that {@code format=auto} has more than WebP. */
  public boolean anyBeyondWebp() {
    return avif || jxl;
  }

  /** Whether the client names a target's format ({@link OutputTarget#AVIF} or a WebP target). */
  public boolean accepts(OutputTarget target) {
    return switch (target) {
      case AVIF -> avif;
      case JXL, PROGRESSIVE_JXL -> jxl;
      case WEBP, WEBP_LOSSY, WEBP_LOSSLESS -> webp;
      default -> false;
    };
  }

  /** A short token for keys and the wire: {@code avif.jxl.webp}, {@code webp}, or {@code none}. */
  public String token() {
    StringJoiner j = new StringJoiner(".");
    if (avif) {
      j.add("avif");
    }
    if (jxl) {
      j.add("jxl");
    }
    if (webp) {
      j.add("webp");
    }
    return j.length() == 0 ? "none" : j.toString();
  }

  /** The formats a {@link #token()} names; unknown names are ignored. */
  public static AcceptedFormats fromToken(@Nullable String token) {
    if (token == null) {
      return NONE;
    }
    boolean avif = false;
    boolean jxl = false;
    boolean webp = false;
    for (String t : token.split("\\.")) {
      switch (t) {
        case "avif" -> avif = true;
        case "jxl" -> jxl = true;
        case "webp" -> webp = true;
        default -> {}
      }
    }
    return new AcceptedFormats(avif, jxl, webp);
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
