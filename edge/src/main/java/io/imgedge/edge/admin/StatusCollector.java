package io.imgedge.edge.admin;

import io.imgedge.cache.cluster.ClusterMember;
import io.imgedge.cache.disk.DiskStatus;
import io.imgedge.config.LimitsConfig;
import io.imgedge.edge.image.TopSources;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Gathers a node's {@link NodeStatus} from its parts: the cluster membership, the meter registry
 * (cache tiers, requests, fetches, transforms, the transform queue), the top sources and the
 * limits.
 */
public final class StatusCollector implements Supplier<NodeStatus> {
  private final String role;
  private final Supplier<String> description;
  private final BooleanSupplier ready;
  private final @Nullable ClusterMember cluster;
  private final MeterRegistry registry;
  private final @Nullable TopSources topSources;
  private final LimitsConfig limits;
  private final boolean renders;
  private final Clock clock;
  private final Supplier<List<DiskStatus>> disks;
  private final Instant started;

  /**
   * @param role the node's role
   * @param description the node's start-up line
   * @param ready whether it takes traffic
   * @param cluster its cluster membership, or null before it has one
   * @param registry its meters
   * @param topSources its request counts per source, or null (shields)
   * @param limits the limits in force
   * @param renders whether this node renders (its transform queue is then shown, from the {@code
   *     imgedge.transform.active} and {@code imgedge.transform.queued} gauges)
   * @param clock the wall clock
   * @param disks the disk tiers' states, now
   */
  public StatusCollector(
      String role,
      Supplier<String> description,
      BooleanSupplier ready,
      @Nullable ClusterMember cluster,
      MeterRegistry registry,
      @Nullable TopSources topSources,
      LimitsConfig limits,
      boolean renders,
      Clock clock,
      Supplier<List<DiskStatus>> disks) {
    this.role = role;
    this.description = description;
    this.ready = ready;
    this.cluster = cluster;
    this.registry = registry;
    this.topSources = topSources;
    this.limits = limits;
    this.renders = renders;
    this.clock = clock;
    this.disks = disks;
    this.started = clock.instant();
  }

  @Override
  public NodeStatus get() {
    String version = StatusCollector.class.getPackage().getImplementationVersion();
    NodeStatus.Queue queue =
        !renders
            ? null
            : new NodeStatus.Queue(
                limits.transformConcurrency(),
                limits.transformQueue(),
                (int) gauge("imgedge.transform.active"),
                (int) gauge("imgedge.transform.queued"));
    return new NodeStatus(
        role,
        version == null ? "dev" : version,
        description.get(),
        Duration.between(started, clock.instant()),
        ready.getAsBoolean(),
        members(),
        tiers(),
        topSources == null ? List.of() : topSources.top(10),
        limits(),
        queue,
        counters(),
        codecs(),
        disks.get());
  }

  /** The codecs named by the {@code imgedge.codec.info} gauge's tags, where this node renders. */
  private Map<String, String> codecs() {
    var gauge = registry.find("imgedge.codec.info").gauge();
    Map<String, String> codecs = new java.util.TreeMap<>();
    if (gauge != null) {
      gauge.getId().getTags().forEach(t -> codecs.put(t.getKey(), t.getValue()));
    }
    return codecs;
  }

  private List<NodeStatus.Member> members() {
    if (cluster == null || !cluster.isRunning()) {
      return List.of();
    }
    Map<com.hazelcast.cluster.Member, Integer> owned = cluster.partitionsOwned();
    int partitions = Math.max(1, owned.values().stream().mapToInt(Integer::intValue).sum());
    List<NodeStatus.Member> members = new ArrayList<>();
    for (var m : cluster.members()) {
      String url = ClusterMember.internalUrlOf(m);
      members.add(
          new NodeStatus.Member(
              m.getAddress().toString(),
              url == null ? "" : url,
              m.localMember(),
              owned.getOrDefault(m, 0) / (double) partitions));
    }
    return members;
  }

  private double gauge(String name) {
    var g = registry.find(name).gauge();
    return g == null ? 0 : g.value();
  }

  private List<NodeStatus.Tier> tiers() {
    List<NodeStatus.Tier> tiers = new ArrayList<>();
    double edgeHits = count("imgedge.edge.cache", "result", "hit");
    double edgeAll =
        edgeHits
            + count("imgedge.edge.cache", "result", "stale")
            + count("imgedge.edge.cache", "result", "miss");
    if (edgeAll > 0 || registry.find("imgedge.edge.cache").counter() != null) {
      tiers.add(new NodeStatus.Tier("edge", (long) edgeHits, (long) (edgeAll - edgeHits)));
    }
    for (String cache : List.of("shield", "source")) {
      if (registry.find("cache.gets").tag("cache", cache).meter() != null && !role.equals("edge")) {
        tiers.add(
            new NodeStatus.Tier(cache, (long) gets(cache, "hit"), (long) gets(cache, "miss")));
      }
    }
    return tiers;
  }

  private double gets(String cache, String result) {
    return registry
            .find("cache.gets")
            .tags("cache", cache, "result", result)
            .functionCounters()
            .stream()
            .mapToDouble(FunctionCounter::count)
            .sum()
        + registry.find("cache.gets").tags("cache", cache, "result", result).counters().stream()
            .mapToDouble(Counter::count)
            .sum();
  }

  private double count(String name, String tag, String value) {
    return registry.find(name).tag(tag, value).counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  private Map<String, String> limits() {
    Map<String, String> l = new LinkedHashMap<>();
    l.put("max-input-bytes", String.valueOf(limits.maxInputBytes()));
    l.put("max-input", limits.maxInputWidth() + "x" + limits.maxInputHeight());
    l.put("max-output", limits.maxOutputWidth() + "x" + limits.maxOutputHeight());
    l.put("max-frames", String.valueOf(limits.maxFrames()));
    l.put("transform-concurrency", String.valueOf(limits.transformConcurrency()));
    l.put("transform-queue", String.valueOf(limits.transformQueue()));
    l.put("request-timeout", limits.requestTimeout().toString());
    return l;
  }

  private Map<String, Long> counters() {
    Map<String, Long> c = new LinkedHashMap<>();
    c.put("image requests", requests("image", 0, 999));
    c.put("image errors (5xx)", requests("image", 500, 599));
    c.put(
        "origin fetches",
        Math.round(
            registry.find("imgedge.origin.fetches").counters().stream()
                .mapToDouble(Counter::count)
                .sum()));
    c.put(
        "transforms",
        registry.find("imgedge.transform").timers().stream().mapToLong(Timer::count).sum());
    return c;
  }

  private long requests(String route, int from, int to) {
    return registry.find("imgedge.requests").tag("route", route).timers().stream()
        .filter(
            t -> {
              int status = Integer.parseInt(t.getId().getTag("status"));
              return status >= from && status <= to;
            })
        .mapToLong(Timer::count)
        .sum();
  }
}
