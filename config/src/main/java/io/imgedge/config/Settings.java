package io.imgedge.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The merged scalar settings of a node (defaults, file, environment, flags) with typed readers.
 * Each reader validates and, on a bad value, throws a {@link ConfigException} naming the key.
 */
final class Settings {
  private static final Pattern SIZE =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(B|KB|KIB|K|MB|MIB|M|GB|GIB|G)?");
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(MS|S|M|H|D)");

  private final Map<String, Setting> values;

  Settings(Map<String, Setting> values) {
    this.values = Map.copyOf(values);
  }

  Setting raw(String key) {
    Setting setting = values.get(key);
    if (setting == null) {
      throw new IllegalStateException("no default for configuration key " + key);
    }
    return setting;
  }

  String string(String key) {
    return raw(key).value().trim();
  }

  /** Whether a key's value is empty (keys whose default is "derived" say so this way). */
  boolean isEmpty(String key) {
    return raw(key).value().isBlank();
  }

  /** A whole number of at least {@code min}. */
  long longValue(String key, long min) {
    Setting s = raw(key);
    try {
      long v = Long.parseLong(s.value().trim());
      if (v >= min) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below with the accepted range
    }
    throw ConfigException.invalid(s, "a whole number of at least " + min);
  }

  int integer(String key, int min, int max) {
    Setting s = raw(key);
    try {
      int v = Integer.parseInt(s.value().trim());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below with the accepted range
    }
    throw ConfigException.invalid(s, "an integer from " + min + " to " + max);
  }

  boolean bool(String key) {
    Setting s = raw(key);
    return switch (s.value().trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw ConfigException.invalid(s, "true or false");
    };
  }

  /**
   * A size in bytes: {@code 512}, {@code 64KB}, {@code 256MB}, {@code 1GiB} (KB = 1000, KiB =
   * 1024).
   */
  long bytes(String key, long min) {
    Setting s = raw(key);
    Matcher m = SIZE.matcher(s.value().trim().toUpperCase(Locale.ROOT));
    if (m.matches()) {
      double n = Double.parseDouble(m.group(1));
      long v = (long) (n * unit(m.group(2)));
      if (v >= min) {
        return v;
      }
    }
    throw ConfigException.invalid(s, "a size of at least " + min + " bytes, such as 64MB or 1GiB");
  }

  private static long unit(String u) {
    if (u == null) {
      return 1;
    }
    return switch (u) {
      case "B" -> 1;
      case "KB", "K" -> 1000;
      case "KIB" -> 1024;
      case "MB", "M" -> 1000L * 1000;
      case "MIB" -> 1024L * 1024;
      case "GB", "G" -> 1000L * 1000 * 1000;
      case "GIB" -> 1024L * 1024 * 1024;
      default -> throw new IllegalArgumentException(u);
    };
  }

  /** A duration: {@code 250ms}, {@code 5s}, {@code 10m}, {@code 1h}, {@code 7d}. */
  Duration duration(String key, Duration min) {
    Setting s = raw(key);
    Duration d = parseDuration(s.value());
    if (d == null || d.compareTo(min) < 0) {
      throw ConfigException.invalid(
          s, "a duration of at least " + min.toMillis() + "ms, such as 500ms, 5s, 10m, 1h or 7d");
    }
    return d;
  }

  static @Nullable Duration parseDuration(String text) {
    Matcher m = DURATION.matcher(text.trim().toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      return null;
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "MS" -> Duration.ofMillis(n);
      case "S" -> Duration.ofSeconds(n);
      case "M" -> Duration.ofMinutes(n);
      case "H" -> Duration.ofHours(n);
      case "D" -> Duration.ofDays(n);
      default -> null;
    };
  }

  <E extends Enum<E>> E choice(String key, Class<E> type) {
    Setting s = raw(key);
    String wanted = s.value().trim().toLowerCase(Locale.ROOT);
    StringBuilder accepted = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      String name = externalName(e);
      if (name.equals(wanted)) {
        return e;
      }
      accepted.append(accepted.isEmpty() ? "" : ", ").append(name);
    }
    throw ConfigException.invalid(s, "one of: " + accepted);
  }

  static String externalName(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static URI httpUri(Setting s) {
    try {
      URI uri = new URI(s.value().trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw ConfigException.invalid(s, "an http:// or https:// URL with a host");
  }
}
