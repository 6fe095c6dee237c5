package io.imgedge.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code shield-pops}: a YAML map from POP name to the internal URLs of its shield nodes,
 * e.g. {@code shield-pops: {us-east: [http://10.0.0.5:8082, http://10.0.0.6:8082]}}.
 */
final class ShieldPops {
  private ShieldPops() {}

  static Map<String, List<URI>> read(@Nullable Object raw, String source) {
    Map<String, List<URI>> pops = new LinkedHashMap<>();
    if (raw == null) {
      return pops;
    }
    if (!(raw instanceof Map<?, ?> map)) {
      throw new ConfigException(
          "'shield-pops' ("
              + source
              + ") must map POP names to lists of "
              + "shield URLs; "
              + ConfigException.DOCS);
    }
    map.forEach(
        (name, nodes) -> pops.put(String.valueOf(name), urls(String.valueOf(name), nodes, source)));
    return pops;
  }

  private static List<URI> urls(String pop, Object nodes, String source) {
    List<?> list = nodes instanceof List<?> l ? l : List.of(String.valueOf(nodes).split(","));
    List<URI> urls = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      urls.add(
          Settings.httpUri(
              new Setting(
                  "shield-pops." + pop + "[" + i + "]",
                  String.valueOf(list.get(i)).trim(),
                  source)));
    }
    if (urls.isEmpty()) {
      throw new ConfigException(
          "shield POP '" + pop + "' (" + source + ") has no nodes; " + ConfigException.DOCS);
    }
    return List.copyOf(urls);
  }
}
