package io.imgedge.loadtest.gatling;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a Gatling simulation runs, passed from the command that starts it as system properties
 * ({@code imgedge.lt.*}): the targets (loopback only), how URLs are spelled, the Zipf catalogue,
 * the open-model arrival rate or a burst, the bounded duration, and the purge storm's settings.
 *
 * @param targets base URLs, one per edge (or one server); requests are spread over them
 * @param style how the server under test spells a derivative
 * @param origin the origin's base URL (ipx names sources by URL)
 * @param sources how many sources
 * @param widths widths asked for
 * @param formats formats asked for
 * @param zipfS the Zipf exponent
 * @param seed fixes the catalogue and the draws
 * @param rate arrivals per second (open model), 0 for none
 * @param durationSeconds how long arrivals go on
 * @param burst users arriving at once at the start (cold stampede), 0 for none
 * @param hot derivatives the burst asks for (the most popular ones)
 * @param requestLog where the distinct requests sent are written at the end
 * @param admins admin URLs of the edges (purge storm), empty for none
 * @param token the admin token
 * @param purgeRate purges per second (purge storm)
 */
public record Workload(
    List<String> targets,
    UrlStyle style,
    String origin,
    int sources,
    List<Integer> widths,
    List<String> formats,
    double zipfS,
    long seed,
    double rate,
    int durationSeconds,
    int burst,
    int hot,
    Path requestLog,
    List<String> admins,
    String token,
    double purgeRate) {

  private static final String P = "imgedge.lt.";

  /** Checks bounds: loopback only, bounded duration and counts. */
  public Workload {
    targets = List.copyOf(targets);
    widths = List.copyOf(widths);
    formats = List.copyOf(formats);
    admins = List.copyOf(admins);
    if (durationSeconds < 1 || durationSeconds > 1800) {
      throw new IllegalArgumentException("duration must be 1 s to 30 min");
    }
    if (rate < 0
        || rate > 20_000
        || burst < 0
        || burst > 20_000
        || purgeRate < 0
        || purgeRate > 1000) {
      throw new IllegalArgumentException("rate, burst or purge rate out of bounds");
    }
    targets.forEach(t -> requireLoopback(URI.create(t)));
    admins.forEach(t -> requireLoopback(URI.create(t)));
    requireLoopback(URI.create(origin));
  }

  /** The catalogue this workload draws from. */
  public ZipfCatalog catalog() {
    return new ZipfCatalog(sources, widths, formats, zipfS, seed);
  }

  /** The request path of a derivative in this workload's style. */
  public String path(ZipfCatalog.Item item) {
    return style.path("/img/" + item.source() + ".jpg", origin, item.width(), item.format());
  }

  /** As system properties, for the simulation's JVM. */
  public Map<String, String> toProperties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put(P + "targets", String.join(",", targets));
    p.put(P + "style", style.name());
    p.put(P + "origin", origin);
    p.put(P + "sources", String.valueOf(sources));
    p.put(P + "widths", String.join(",", widths.stream().map(String::valueOf).toList()));
    p.put(P + "formats", String.join(",", formats));
    p.put(P + "zipf-s", String.valueOf(zipfS));
    p.put(P + "seed", String.valueOf(seed));
    p.put(P + "rate", String.valueOf(rate));
    p.put(P + "duration", String.valueOf(durationSeconds));
    p.put(P + "burst", String.valueOf(burst));
    p.put(P + "hot", String.valueOf(hot));
    p.put(P + "request-log", requestLog.toString());
    p.put(P + "admins", String.join(",", admins));
    p.put(P + "token", token);
    p.put(P + "purge-rate", String.valueOf(purgeRate));
    return p;
  }

  /** Reads the workload from system properties (in the simulation's JVM). */
  public static Workload fromProperties(Function<String, String> props) {
    Function<String, String> get =
        k -> {
          String v = props.apply(P + k);
          if (v == null) {
            throw new IllegalArgumentException("missing system property " + P + k);
          }
          return v;
        };
    return new Workload(
        list(get.apply("targets")),
        UrlStyle.parse(get.apply("style")),
        get.apply("origin"),
        Integer.parseInt(get.apply("sources")),
        list(get.apply("widths")).stream().map(Integer::valueOf).toList(),
        list(get.apply("formats")),
        Double.parseDouble(get.apply("zipf-s")),
        Long.parseLong(get.apply("seed")),
        Double.parseDouble(get.apply("rate")),
        Integer.parseInt(get.apply("duration")),
        Integer.parseInt(get.apply("burst")),
        Integer.parseInt(get.apply("hot")),
        Path.of(get.apply("request-log")),
        list(get.apply("admins")),
        get.apply("token"),
        Double.parseDouble(get.apply("purge-rate")));
  }

  private static List<String> list(String csv) {
    return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /** Refuses any address outside 127.0.0.0/8 and ::1. */
  public static void requireLoopback(URI target) {
    try {
      for (InetAddress a : InetAddress.getAllByName(target.getHost())) {
        if (!a.isLoopbackAddress()) {
          throw new IllegalArgumentException(
              "load tests target loopback only; "
                  + target.getHost()
                  + " resolves to "
                  + a.getHostAddress());
        }
      }
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("unknown host " + target.getHost(), e);
    }
  }
}
