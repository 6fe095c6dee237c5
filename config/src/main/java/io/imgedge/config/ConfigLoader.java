package io.imgedge.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a node's configuration from its three sources, in increasing precedence: the YAML file,
 * environment variables {@code IMGEDGE_<KEY>} (the key upper-cased, with {@code .} and {@code -} as
 * {@code _}, e.g. {@code IMGEDGE_CACHE_EDGE_MAX_BYTES}), and command-line flags.
 *
 * <p>Unknown keys are errors, so that a typo never silently falls back to a default.
 */
public final class ConfigLoader {
  private static final String ORIGINS = "origins";
  private static final String SHIELD_POPS = "shield-pops";
  private static final Set<String> ORIGIN_KEYS =
      Set.of(
          "name",
          "path-prefix",
          "type",
          "folder",
          "url",
          "host",
          "shield",
          "allow-private",
          "signed",
          "redirect-hosts",
          "overlay",
          "default-ttl",
          "override-ttl",
          "stale-while-revalidate",
          "stale-if-error");

  private ConfigLoader() {}

  /**
   * Loads and validates a configuration.
   *
   * @param file the YAML file, or null for none
   * @param env the process environment (only {@code IMGEDGE_*} variables are read)
   * @param flags what the command line set
   * @throws ConfigException on any unknown key or invalid value
   */
  public static ImgedgeConfig load(
      @Nullable Path file, Map<String, String> env, CommandLineOverrides flags) {
    Map<String, Object> yaml = file == null ? Map.of() : readYaml(file);
    Map<String, Setting> merged = new LinkedHashMap<>();
    Defaults.VALUES.forEach((k, v) -> merged.put(k, new Setting(k, v, "default")));
    String fileSource = file == null ? "" : "file " + file;
    flatten("", yaml, merged, fileSource);
    applyEnvironment(env, merged);
    flags.settings().forEach((k, v) -> put(merged, new Setting(k, v, "command line")));
    Settings settings = new Settings(merged);
    List<OriginConfig> origins =
        flags.origin() != null
            ? List.of(OriginConfig.fromCommandLine(flags.origin()))
            : readOrigins(yaml.get(ORIGINS), fileSource);
    ShieldConfig shield =
        ShieldConfig.from(settings, ShieldPops.read(yaml.get(SHIELD_POPS), fileSource));
    NodeConfig node = NodeConfig.from(settings);
    ImgedgeConfig config =
        new ImgedgeConfig(
            node,
            origins,
            CacheConfig.from(settings, node.memory()),
            LimitsConfig.from(settings, node.memory()),
            TransformConfig.from(settings),
            FetchConfig.from(settings),
            ClusterConfig.from(settings),
            shield,
            AdminConfig.from(settings),
            SecurityConfig.from(settings),
            LogConfig.from(settings),
            TlsConfig.from(settings));
    checkConsistency(config);
    return config;
  }

  /**
   * Rules that span sections: an edge has shields to call; an origin's POP exists; signed origins
   * have keys.
   */
  private static void checkConsistency(ImgedgeConfig c) {
    for (OriginConfig o : c.origins()) {
      if (o.signed() && c.security().signingKeys().isEmpty()) {
        throw new ConfigException(
            "origin '%s' requires signed URLs, but 'security.signing-keys' is empty; %s"
                .formatted(o.name(), ConfigException.DOCS));
      }
    }
    if (c.node().role() == NodeConfig.Role.EDGE && c.shield().pops().isEmpty()) {
      throw new ConfigException(
          "an edge node needs at least one shield POP: add 'shield-pops' (a map "
              + "of POP name to the shield nodes' internal URLs); "
              + ConfigException.DOCS);
    }
    checkCachesFit(c);
    for (OriginConfig o : c.origins()) {
      if (o.shield() != null && !c.shield().pops().containsKey(o.shield())) {
        throw new ConfigException(
            "origin '%s' names shield POP '%s', but 'shield-pops' defines only %s; %s"
                .formatted(o.name(), o.shield(), c.shield().pops().keySet(), ConfigException.DOCS));
      }
    }
  }

  /**
   * The caches a node's role keeps must fit in its heap beside the renders: at most {@link
   * MemoryPlan#cacheShare()} of the heap node.memory gives (the plan's cache shares and its
   * reserve), or the first large image would run the node out of memory instead of evicting.
   */
  private static void checkCachesFit(ImgedgeConfig c) {
    CacheConfig caches = c.cache();
    long used =
        switch (c.node().role()) {
          case EDGE -> caches.edgeMaxBytes() + caches.sourceMaxBytes();
          case SHIELD -> caches.sourceMaxBytes() + caches.shieldMaxBytes();
          case ALL_IN_ONE ->
              caches.edgeMaxBytes() + caches.sourceMaxBytes() + caches.shieldMaxBytes();
        };
    MemoryPlan plan = c.node().memory();
    if (used > plan.cacheShare()) {
      throw new ConfigException(
          ("the caches this %s keeps (cache.*-max-bytes: %d MiB together) do not fit in "
                  + "node.memory %d MiB, whose heap (%d MiB) has room for %d MiB of caches beside the renders; raise "
                  + "node.memory (about %d MiB) or lower the caches; %s")
              .formatted(
                  c.node().role().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                  used >> 20,
                  plan.total() >> 20,
                  plan.heap() >> 20,
                  plan.cacheShare() >> 20,
                  MemoryPlan.totalFor(used) >> 20,
                  ConfigException.DOCS));
    }
  }

  private static Map<String, Object> readYaml(Path file) {
    try (Reader reader = Files.newBufferedReader(file)) {
      Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
      if (root == null) {
        return Map.of();
      }
      if (root instanceof Map<?, ?> map) {
        return stringKeys(map);
      }
      throw new ConfigException("configuration file " + file + " must be a YAML mapping");
    } catch (IOException e) {
      throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
    } catch (YAMLException e) {
      throw new ConfigException(
          "configuration file " + file + " is not valid YAML: " + e.getMessage());
    }
  }

  private static Map<String, Object> stringKeys(Map<?, ?> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : v));
    return out;
  }

  private static void flatten(
      String prefix, Map<String, Object> map, Map<String, Setting> out, String source) {
    for (Map.Entry<String, Object> e : map.entrySet()) {
      String key = prefix + e.getKey();
      Object value = e.getValue();
      if (key.equals(ORIGINS) || key.equals(SHIELD_POPS)) {
        continue;
      }
      if (value instanceof Map<?, ?> nested) {
        flatten(key + ".", stringKeys(nested), out, source);
      } else if (value instanceof List<?> list) {
        put(
            out,
            new Setting(
                key, String.join(",", list.stream().map(String::valueOf).toList()), source));
      } else {
        put(out, new Setting(key, String.valueOf(value), source));
      }
    }
  }

  private static void put(Map<String, Setting> out, Setting setting) {
    if (!Defaults.VALUES.containsKey(setting.key())) {
      throw new ConfigException(
          "unknown configuration key '%s' (%s); known keys: %s; %s"
              .formatted(
                  setting.key(),
                  setting.source(),
                  new TreeSet<>(Defaults.VALUES.keySet()),
                  ConfigException.DOCS));
    }
    out.put(setting.key(), setting);
  }

  private static void applyEnvironment(Map<String, String> env, Map<String, Setting> out) {
    for (String key : Defaults.VALUES.keySet()) {
      String variable = environmentName(key);
      String value = env.get(variable);
      if (value != null) {
        put(out, new Setting(key, value, "environment variable " + variable));
      }
    }
  }

  /** Every scalar key there is (the YAML lists {@code origins} and {@code shield-pops} aside). */
  public static Set<String> keys() {
    return Defaults.VALUES.keySet();
  }

  /**
   * The environment variable that overrides a key: {@code cache.edge-max-bytes} → {@code
   * IMGEDGE_CACHE_EDGE_MAX_BYTES}.
   */
  public static String environmentName(String key) {
    return "IMGEDGE_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private static List<OriginConfig> readOrigins(@Nullable Object raw, String source) {
    if (raw == null) {
      return List.of(OriginConfig.samples());
    }
    if (!(raw instanceof List<?> list) || list.isEmpty()) {
      throw new ConfigException(
          "'origins' ("
              + source
              + ") must be a non-empty list of origins; "
              + ConfigException.DOCS);
    }
    List<OriginConfig> origins = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      origins.add(readOrigin(list.get(i), "origins[" + i + "]", source));
    }
    origins.sort((a, b) -> Integer.compare(b.pathPrefix().length(), a.pathPrefix().length()));
    return origins;
  }

  private static OriginConfig readOrigin(Object raw, String where, String source) {
    if (!(raw instanceof Map<?, ?> map)) {
      throw new ConfigException(
          where + " (" + source + ") must be a mapping; " + ConfigException.DOCS);
    }
    Map<String, Object> entry = stringKeys(map);
    for (String key : entry.keySet()) {
      if (!ORIGIN_KEYS.contains(key)) {
        throw new ConfigException(
            "unknown key '%s.%s' (%s); an origin accepts %s; %s"
                .formatted(where, key, source, new TreeSet<>(ORIGIN_KEYS), ConfigException.DOCS));
      }
    }
    OriginFields f = new OriginFields(entry, where, source);
    String prefix = f.prefix();
    OriginConfig.Kind kind = f.kind();
    var rules =
        new OriginConfig.TtlRules(
            f.duration("default-ttl"),
            f.duration("override-ttl"),
            f.duration("stale-while-revalidate"),
            f.duration("stale-if-error"));
    String host = f.optional("host");
    String shield = f.optional("shield");
    boolean allowPrivate = f.flag("allow-private");
    boolean signed = f.flag("signed");
    return originOf(f, prefix, kind, rules, host, shield, allowPrivate, signed)
        .withOverlay(f.optional("overlay"));
  }

  private static OriginConfig originOf(
      OriginFields f,
      String prefix,
      OriginConfig.Kind kind,
      OriginConfig.TtlRules rules,
      @Nullable String host,
      @Nullable String shield,
      boolean allowPrivate,
      boolean signed) {
    return switch (kind) {
      case SAMPLES ->
          new OriginConfig(f.name(), prefix, kind, null, null, host, shield, rules, false, signed);
      case FOLDER ->
          new OriginConfig(
              f.name(),
              prefix,
              kind,
              OriginConfig.existingFolder(f.required("folder")),
              null,
              host,
              shield,
              rules,
              false,
              signed);
      case HTTP ->
          new OriginConfig(
              f.name(),
              prefix,
              kind,
              null,
              Settings.httpUri(f.required("url")),
              host,
              shield,
              rules,
              allowPrivate,
              signed,
              f.list("redirect-hosts"));
    };
  }

  /** Reads the fields of one {@code origins[i]} entry, naming it in errors. */
  private record OriginFields(Map<String, Object> entry, String where, String source) {

    Setting required(String field) {
      Object v = entry.get(field);
      Setting s = new Setting(where + "." + field, v == null ? "" : String.valueOf(v), source);
      if (v == null || String.valueOf(v).isBlank()) {
        throw ConfigException.invalid(s, "a value (it is required for this origin type)");
      }
      return s;
    }

    String name() {
      Object v = entry.get("name");
      return v == null ? where : String.valueOf(v);
    }

    String prefix() {
      Object v = entry.get("path-prefix");
      String p = v == null ? "/" : String.valueOf(v).trim();
      if (!p.startsWith("/") || p.contains("..") || p.contains("?")) {
        throw ConfigException.invalid(
            new Setting(where + ".path-prefix", p, source),
            "a path starting with /, such as /photos/");
      }
      return p.endsWith("/") ? p : p + "/";
    }

    OriginConfig.Kind kind() {
      Setting s = required("type");
      for (OriginConfig.Kind k : OriginConfig.Kind.values()) {
        if (Settings.externalName(k).equals(s.value().trim().toLowerCase(Locale.ROOT))) {
          return k;
        }
      }
      throw ConfigException.invalid(s, "one of: samples, folder, http");
    }

    boolean flag(String field) {
      Object v = entry.get(field);
      if (v == null) {
        return false;
      }
      return switch (String.valueOf(v).trim().toLowerCase(Locale.ROOT)) {
        case "true", "yes", "on" -> true;
        case "false", "no", "off" -> false;
        default ->
            throw ConfigException.invalid(
                new Setting(where + "." + field, String.valueOf(v), source), "true or false");
      };
    }

    /** A list given as a YAML list or as comma-separated text; empty when absent. */
    java.util.List<String> list(String field) {
      Object v = entry.get(field);
      if (v == null) {
        return java.util.List.of();
      }
      java.util.stream.Stream<String> items =
          v instanceof java.util.List<?> l
              ? l.stream().map(String::valueOf)
              : java.util.Arrays.stream(String.valueOf(v).split(","));
      return items.map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    @Nullable String optional(String field) {
      Object v = entry.get(field);
      return v == null || String.valueOf(v).isBlank() ? null : String.valueOf(v).trim();
    }

    @Nullable Duration duration(String field) {
      Object v = entry.get(field);
      if (v == null) {
        return null;
      }
      Duration d = Settings.parseDuration(String.valueOf(v));
      if (d == null) {
        throw ConfigException.invalid(
            new Setting(where + "." + field, String.valueOf(v), source),
            "a duration such as 10m or 1h");
      }
      return d;
    }
  }
}
