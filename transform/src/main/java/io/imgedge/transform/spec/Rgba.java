package io.imgedge.transform.spec;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A colour with alpha, each channel 0-255 ({@code bg-color=}).
 *
 * @param red 0-255
 * @param green 0-255
 * @param blue 0-255
 * @param alpha 0 (transparent) to 255 (opaque)
 */
public record Rgba(int red, int green, int blue, int alpha) {
  /** What {@link #parse} accepts, for error messages. */
  public static final String ACCEPTED =
      "a hex colour (3 or 6 digits, e.g. f00 or ff0000), r,g,b with 0-255 each, or r,g,b,a with a from 0 to 1";

  /** Opaque white, the background Fastly flattens onto by default. */
  public static final Rgba WHITE = new Rgba(255, 255, 255, 255);

  private static final Pattern HEX = Pattern.compile("[0-9a-f]{3}|[0-9a-f]{6}");

  /** The colour as one ARGB int. */
  public int argb() {
    return alpha << 24 | red << 16 | green << 8 | blue;
  }

  /** Canonical form: eight lower-case hex digits, RRGGBBAA. */
  public String canonical() {
    return String.format(Locale.ROOT, "%02x%02x%02x%02x", red, green, blue, alpha);
  }

  /** Parses Fastly's colour syntax (and the canonical RRGGBBAA form), or returns null. */
  public static @Nullable Rgba parse(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (HEX.matcher(v).matches()) {
      String six =
          v.length() == 3
              ? ""
                  + v.charAt(0)
                  + v.charAt(0)
                  + v.charAt(1)
                  + v.charAt(1)
                  + v.charAt(2)
                  + v.charAt(2)
              : v;
      int rgb = Integer.parseInt(six, 16);
      return new Rgba(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF, 255);
    }
    if (v.matches("[0-9a-f]{8}")) {
      long rgba = Long.parseLong(v, 16);
      return new Rgba(
          (int) (rgba >> 24 & 0xFF),
          (int) (rgba >> 16 & 0xFF),
          (int) (rgba >> 8 & 0xFF),
          (int) (rgba & 0xFF));
    }
    return parseDecimal(v.split(",", -1));
  }

  private static @Nullable Rgba parseDecimal(String[] parts) {
    if (parts.length != 3 && parts.length != 4) {
      return null;
    }
    int[] rgb = new int[3];
    for (int i = 0; i < 3; i++) {
      if (!parts[i].trim().matches("\\d{1,3}")) {
        return null;
      }
      rgb[i] = Integer.parseInt(parts[i].trim());
      if (rgb[i] > 255) {
        return null;
      }
    }
    int alpha = 255;
    if (parts.length == 4) {
      String a = parts[3].trim();
      if (!a.matches("(0|1)(\\.\\d+)?|\\.\\d+")) {
        return null;
      }
      double fraction = Double.parseDouble(a);
      if (fraction > 1) {
        return null;
      }
      alpha = (int) Math.round(fraction * 255);
    }
    return new Rgba(rgb[0], rgb[1], rgb[2], alpha);
  }
}
