package io.imgedge.loadtest.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Parses the Prometheus text exposition format (what {@code /metrics} answers) into samples. */
public final class PrometheusText {
  private PrometheusText() {}

  /** Every sample of a scrape; comments and malformed lines are skipped. */
  public static List<Sample> parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      String l = line.trim();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      Sample s = line(l);
      if (s != null) {
        samples.add(s);
      }
    }
    return samples;
  }

  private static @Nullable Sample line(String l) {
    int brace = l.indexOf('{');
    int space = l.lastIndexOf(' ');
    if (space < 0) {
      return null;
    }
    String name = brace >= 0 && brace < space ? l.substring(0, brace) : l.substring(0, space);
    Map<String, String> labels =
        brace >= 0 && brace < space ? labels(l.substring(brace + 1, l.lastIndexOf('}'))) : Map.of();
    try {
      return new Sample(name.trim(), labels, Double.parseDouble(l.substring(space + 1).trim()));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Map<String, String> labels(String body) {
    Map<String, String> labels = new HashMap<>();
    int i = 0;
    while (i < body.length()) {
      int eq = body.indexOf('=', i);
      if (eq < 0 || eq + 1 >= body.length() || body.charAt(eq + 1) != '"') {
        break;
      }
      StringBuilder value = new StringBuilder();
      int j = eq + 2;
      for (; j < body.length() && body.charAt(j) != '"'; j++) {
        char c = body.charAt(j);
        if (c == '\\' && j + 1 < body.length()) {
          c = body.charAt(++j) == 'n' ? '\n' : body.charAt(j);
        }
        value.append(c);
      }
      labels.put(body.substring(i, eq).trim(), value.toString());
      i = j + 2;
    }
    return labels;
  }
}
