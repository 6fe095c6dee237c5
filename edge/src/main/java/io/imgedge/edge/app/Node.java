package io.imgedge.edge.app;

import com.github.benmanes.caffeine.cache.Ticker;
import io.imgedge.cache.Cacheable;
import io.imgedge.cache.FreshnessRules;
import io.imgedge.cache.LocalTier;
import io.imgedge.cache.LowerTier;
import io.imgedge.cache.Time;
import io.imgedge.cache.cluster.ClusterMember;
import io.imgedge.cache.disk.DiskCodec;
import io.imgedge.cache.disk.DiskStatus;
import io.imgedge.cache.disk.DiskStore;
import io.imgedge.config.CacheConfig;
import io.imgedge.config.ImgedgeConfig;
import io.imgedge.config.LogConfig;
import io.imgedge.config.NodeConfig.Role;
import io.imgedge.config.OriginConfig;
import io.imgedge.config.ShieldConfig;
import io.imgedge.config.TlsConfig;
import io.imgedge.edge.admin.AdminHandlers;
import io.imgedge.edge.admin.PurgeHandler;
import io.imgedge.edge.admin.StatusCollector;
import io.imgedge.edge.admin.StatusHandler;
import io.imgedge.edge.front.PublicListener;
import io.imgedge.edge.http.AccessLog;
import io.imgedge.edge.http.AccessLogHandler;
import io.imgedge.edge.http.ClientAddresses;
import io.imgedge.edge.http.EdgeEndpoint;
import io.imgedge.edge.http.ErrorMappingHandler;
import io.imgedge.edge.http.ErrorResponder;
import io.imgedge.edge.http.ExactPaths;
import io.imgedge.edge.http.ImageHandler;
import io.imgedge.edge.http.IndexHandler;
import io.imgedge.edge.http.IoBufferPool;
import io.imgedge.edge.http.LateHandler;
import io.imgedge.edge.http.ListenerSettings;
import io.imgedge.edge.http.MetricsHandler;
import io.imgedge.edge.http.Overlays;
import io.imgedge.edge.http.PlaygroundHandler;
import io.imgedge.edge.http.RequestMetrics;
import io.imgedge.edge.image.HttpShieldClient;
import io.imgedge.edge.image.ImageService;
import io.imgedge.edge.image.KeyOwners;
import io.imgedge.edge.image.Purger;
import io.imgedge.edge.image.ShieldClient;
import io.imgedge.edge.image.TopSources;
import io.imgedge.edge.security.UrlSigner;
import io.imgedge.edge.tls.ServerCertificates;
import io.imgedge.edge.tls.TlsFileException;
import io.imgedge.shield.Derivative;
import io.imgedge.shield.DerivativeKey;
import io.imgedge.shield.Shield;
import io.imgedge.shield.SourceCache;
import io.imgedge.shield.SourceId;
import io.imgedge.shield.SourceObject;
import io.imgedge.shield.TransformPool;
import io.imgedge.shield.VariantBudget;
import io.imgedge.shield.YieldPolicy;
import io.imgedge.shield.disk.DiskCodecs;
import io.imgedge.shield.endpoint.ShieldEndpoint;
import io.imgedge.shield.origin.AddressGuard;
import io.imgedge.shield.origin.AddressResolver;
import io.imgedge.shield.origin.FolderOrigin;
import io.imgedge.shield.origin.HttpOrigin;
import io.imgedge.shield.origin.OriginClient;
import io.imgedge.shield.origin.OriginRouter;
import io.imgedge.shield.origin.SamplesOrigin;
import io.imgedge.shield.origin.SourceFactory;
import io.imgedge.shield.wire.PurgeCommand;
import io.imgedge.shield.wire.ShieldPeers;
import io.imgedge.shield.wire.WireClient;
import io.imgedge.transform.ImageLimits;
import io.imgedge.transform.MemoryBudget;
import io.imgedge.transform.Transformer;
import io.imgedge.transform.codec.Encoders;
import io.imgedge.transform.codec.Ffmpeg;
import io.imgedge.transform.codec.ImageDecoder;
import io.imgedge.transform.codec.NativeCodecs;
import io.imgedge.transform.resize.ConvolutionResizer;
import io.imgedge.transform.resize.IdleHelper;
import io.imgedge.transform.spec.TransformDefaults;
import io.imgedge.transform.spec.TransformSpecParser;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * One imgedge node in its role: all-in-one (edge and shield in one JVM, a cluster of one), edge (an
 * edge cluster calling the shield tier over HTTP), or shield. This is the only place where objects
 * are wired together; everything else receives what it needs through its constructor.
 */
public final class Node implements AutoCloseable {
  private static final Logger LOG = System.getLogger(Node.class.getName());
  private static final String PURGE_TOPIC = Purger.TOPIC;

  private final ImgedgeConfig config;
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
  private final Clock clock;
  private final Ticker ticker;
  private final Deque<AutoCloseable> closeables = new ArrayDeque<>();
  private final LateHandler internalHandler = new LateHandler();
  private @Nullable Undertow internalServer;
  private @Nullable GracefulShutdownHandler internalChain;
  private @Nullable GracefulShutdownHandler publicChain;
  private @Nullable PublicListener publicFront;
  private @Nullable Undertow publicServer;
  private @Nullable ServerCertificates certificates;
  private @Nullable Undertow adminServer;
  private @Nullable ClusterMember cluster;
  private @Nullable OriginRouter origins;
  private @Nullable TransformPool pool;
  private final TopSources topSources = new TopSources(4096);
  private final List<DiskStore<?, ?>> disks = new ArrayList<>();
  private volatile boolean ready;
  private volatile boolean closed;

  private Node(ImgedgeConfig config, Time time) {
    this.config = config;
    this.clock = time.clock();
    this.ticker = time.ticker();
    bindJvmMetrics();
  }

  /** Builds and starts a node in its configured role; it serves until {@link #close()}. */
  public static Node start(ImgedgeConfig config) {
    return start(config, Time.system());
  }

  /**
   * Builds and starts a node that reads time from {@code time} (tests hand in a fake one and
   * advance it instead of sleeping).
   */
  public static Node start(ImgedgeConfig config, Time time) {
    Node node = new Node(config, time);
    try {
      switch (config.node().role()) {
        case ALL_IN_ONE -> node.assembleAllInOne();
        case EDGE -> node.assembleEdge();
        case SHIELD -> node.assembleShield();
      }
    } catch (RuntimeException e) {
      node.close();
      throw e;
    }
    node.bindClusterMetrics();
    node.ready = true;
    LOG.log(Level.INFO, node.describe());
    node.logMemory();
    return node;
  }

  private void assembleAllInOne() {
    cluster = closing(ClusterMember.standalone(config.cluster()));
    Shield shield = shield(0, true);
    LocalShieldClient shields = new LocalShieldClient(shield);
    ImageService service = imageService(shields);
    startPublicAndAdmin(service, new Purger(service, cluster, shields));
  }

  private void assembleEdge() {
    URI self = startInternal();
    cluster = closing(ClusterMember.join(config.cluster(), self.toString()));
    ShieldClient fallback =
        config.shield().fallback() == ShieldConfig.Fallback.ORIGIN
            ? new LocalShieldClient(shield(0, false))
            : null;
    WireClient wire = closing(new WireClient(Duration.ofSeconds(2), clock));
    ShieldClient shields =
        new HttpShieldClient(origins(), config.shield(), wire, fallback, registry);
    ImageService service = imageService(shields);
    internalHandler.set(
        new EdgeEndpoint(service, io, clock, config.limits().requestTimeout()).routes());
    startPublicAndAdmin(service, new Purger(service, cluster, shields));
  }

  private void assembleShield() {
    URI self = startInternal();
    cluster = closing(ClusterMember.join(config.cluster(), self.toString()));
    Shield shield = shield(config.cache().shieldMaxBytes(), true);
    ClusterMember members = cluster;
    members.subscribe(
        PURGE_TOPIC,
        text -> {
          PurgeCommand command = PurgeCommand.decode(text);
          if (command != null) {
            LocalShieldClient.apply(shield, command);
          }
        });
    WireClient wire = closing(new WireClient(Duration.ofSeconds(2), clock));
    internalHandler.set(
        new ShieldEndpoint(
                shield,
                new ShieldPeers(members, self),
                wire,
                config.limits().requestTimeout(),
                clock,
                io,
                c -> members.publish(PURGE_TOPIC, c.encode()),
                registry)
            .routes());
    adminServer =
        started(
            server(
                config.node().adminBind(),
                config.node().adminPort(),
                new MetricsHandler(
                    "admin",
                    registry,
                    AdminHandlers.routes(registry, this::isReady, null, status(null)))),
            "admin",
            config.node().adminBind(),
            config.node().adminPort());
  }

  private ImageService imageService(ShieldClient shields) {
    boolean staleWhenShieldsDown =
        config.node().role() == Role.EDGE
            && config.shield().fallback() == ShieldConfig.Fallback.STALE;
    LocalTier<DerivativeKey, Derivative> edge =
        new LocalTier<>(
            "edge",
            config.cache().edgeMaxBytes(),
            staleWhenShieldsDown ? config.cache().keepStale() : Duration.ZERO,
            DerivativeKey::groups,
            ticker,
            // maintenance on the calling thread: read buffers drained on the hit path cost less
            // than a virtual thread started (and its carriers woken) for each drain
            Runnable::run,
            registry);
    WireClient peers = closing(new WireClient(Duration.ofSeconds(1), clock));
    LowerTier<DerivativeKey, Derivative> edgeDisk =
        config.node().role() == Role.EDGE
            ? disk(
                "edge",
                config.cache().disk().edgeBytes(),
                staleWhenShieldsDown ? config.cache().keepStale() : Duration.ZERO,
                DiskCodecs.derivatives())
            : LowerTier.none(); // all-in-one: its shield's tiers are on disk
    return new ImageService(
        edge,
        edgeDisk,
        KeyOwners.of(Objects.requireNonNull(cluster, "joined before the image service")),
        shields,
        peers,
        config.cluster().peerTimeout(),
        staleWhenShieldsDown,
        clock,
        registry);
  }

  /**
   * A shield.
   *
   * @param derivativeBytes the memory its derivatives may take
   * @param onDisk whether its tiers have a disk tier below memory (with {@code cache.disk.path};
   *     not for an edge's fallback shield)
   */
  private Shield shield(long derivativeBytes, boolean onDisk) {
    TransformDefaults defaults = TransformDefaults.from(config.transform());
    NativeCodecs natives = NativeCodecs.load(); // logs the codec in use per format, once
    Ffmpeg ffmpeg = Ffmpeg.locate(config.transform().ffmpeg()); // logs what writes MP4, or why not
    TransformPool pool =
        closing(
            new TransformPool(
                config.limits().transformConcurrency(), config.limits().transformQueue()));
    MemoryBudget renderMemory = new MemoryBudget(config.node().memory().renderBudget());
    Gauge.builder("imgedge.render.memory.taken", renderMemory, MemoryBudget::takenBytes)
        .baseUnit("bytes")
        .description("Memory the renders running now have taken of their budget (from node.memory)")
        .register(registry);
    Transformer transformer =
        new Transformer(
            ImageLimits.from(config.limits()),
            defaults,
            new ImageDecoder(natives),
            new Encoders(natives, ffmpeg),
            new ConvolutionResizer(false, resizeHelper(pool)),
            System::nanoTime,
            renderMemory);
    Gauge.Builder<?> codecs =
        Gauge.builder("imgedge.codec.info", () -> 1)
            .description(
                "The codecs in use (1 per node): jpeg names libjpeg-turbo or ImageIO, avif and jxl"
                    + " the native library or 'not installed' (then served as WebP, and such sources refused),"
                    + " webp the WebP decoder (libwebp or ImageIO), mp4 the ffmpeg program or"
                    + " 'unavailable' (then format=mp4 keeps the animation's format)");
    natives.describe().forEach(codecs::tag);
    codecs.tag("mp4", Ffmpeg.describe(ffmpeg));
    codecs.register(registry);
    if (this.pool == null) {
      this.pool = pool;
      Gauge.builder("imgedge.transform.active", pool, TransformPool::active)
          .description("Transforms running now")
          .register(registry);
      Gauge.builder("imgedge.transform.queued", pool, TransformPool::queued)
          .description("Transforms waiting for a slot (limits.transform-queue)")
          .register(registry);
    }
    LocalTier<SourceId, SourceObject> sources =
        new LocalTier<>(
            "source",
            config.cache().sourceMaxBytes(),
            config.cache().keepStale(),
            ticker,
            io,
            registry);
    LocalTier<Shield.Rendition, Derivative> derivatives =
        new LocalTier<>(
            "shield",
            derivativeBytes,
            config.cache().keepStale(),
            Shield.Rendition::groups,
            ticker,
            io,
            registry);
    CacheConfig.Disk disk = config.cache().disk();
    Duration keepStale = config.cache().keepStale();
    return new Shield(
        origins(),
        new SourceCache(
            sources,
            onDisk
                ? disk("source", disk.sourceBytes(), keepStale, DiskCodecs.sources())
                : LowerTier.none(),
            clock,
            config.cache().negativeTtl(),
            config.cache().originFailureTtl(),
            registry),
        derivatives,
        onDisk
            ? disk("shield", disk.shieldBytes(), keepStale, DiskCodecs.renditions())
            : LowerTier.none(),
        transformer,
        pool,
        config.limits().requestTimeout(),
        new VariantBudget(config.limits().derivativesPerSourcePerMinute(), clock),
        config.cache().negativeTtl(),
        registry,
        new YieldPolicy(config.limits().yieldQueueDepth(), config.limits().yieldMaxAge()),
        clock);
  }

  /**
   * A tier's disk tier, in its own folder under {@code cache.disk.path}, or none when the path is
   * not set. It is closed (its waiting writes done) after the servers stop.
   */
  private <K, V extends Cacheable> LowerTier<K, V> disk(
      String tier, long share, Duration keepStale, DiskCodec<K, V> codec) {
    CacheConfig.Disk disk = config.cache().disk();
    java.nio.file.Path path = disk.path();
    if (path == null) {
      return LowerTier.none();
    }
    DiskStore<K, V> store =
        closing(
            new DiskStore<>(
                tier,
                path.resolve(tier),
                share,
                disk.timeout(),
                keepStale,
                codec,
                clock,
                registry));
    disks.add(store);
    return store;
  }

  /** The disk tiers' states now, for {@code /status}. */
  private List<DiskStatus> diskStatus() {
    return disks.stream().map(DiskStore::status).toList();
  }

  private OriginRouter origins() {
    if (origins == null) {
      origins = closing(new OriginRouter(config.origins(), this::originClient));
    }
    return origins;
  }

  private OriginClient originClient(OriginConfig origin) {
    OriginConfig.TtlRules r = origin.freshness();
    var c = config.cache();
    FreshnessRules rules =
        new FreshnessRules(
            r.defaultTtl() != null ? r.defaultTtl() : c.defaultTtl(),
            r.overrideTtl(),
            r.staleWhileRevalidate() != null ? r.staleWhileRevalidate() : c.staleWhileRevalidate(),
            r.staleIfError() != null ? r.staleIfError() : c.staleIfError());
    SourceFactory sources = new SourceFactory(clock, rules);
    long maxBytes = config.limits().maxInputBytes();
    return switch (origin.kind()) {
      case SAMPLES -> new SamplesOrigin(sources, Instant.now(clock));
      case FOLDER ->
          new FolderOrigin(
              Objects.requireNonNull(origin.folder(), "a folder origin has a folder"),
              maxBytes,
              sources,
              io);
      case HTTP ->
          new HttpOrigin(
              Objects.requireNonNull(origin.baseUrl(), "an HTTP origin has a base URL"),
              config.fetch(),
              maxBytes,
              sources,
              new AddressGuard(AddressResolver.SYSTEM),
              origin.allowPrivate(),
              origin.redirectHosts(),
              System::nanoTime);
    };
  }

  private void startPublicAndAdmin(ImageService service, Purger purger) {
    RequestMetrics imageMetrics = new RequestMetrics("image", registry);
    ImageHandler images = imageHandler(service);
    GracefulShutdownHandler chain =
        new GracefulShutdownHandler(publicHandlers(images, imageMetrics));
    publicChain = chain;
    String bind = config.node().publicBind();
    int port = config.node().publicPort();
    if (config.tls().enabled() || config.node().h2c()) {
      // HTTPS (HTTP/2 by ALPN) or h2c: Undertow's own listener, every request through the chain
      publicServer = started(publicServer(chain), "public", bind, port);
    } else {
      // The hit front answers repeated hits at the socket; an access log, which must see every
      // request in the chain, turns it off.
      boolean front = config.log().access() == LogConfig.Access.OFF;
      PublicListener listener;
      try {
        listener =
            PublicListener.start(
                bind, port, chain, front ? images::encodedHit : null, imageMetrics, registry);
      } catch (RuntimeException e) {
        throw startFailure(e, "public", bind, port);
      }
      closeables.push(listener::close);
      publicFront = listener;
    }
    HttpHandler purge = new PurgeHandler(config.admin().token(), service, purger, io);
    adminServer =
        started(
            server(
                config.node().adminBind(),
                config.node().adminPort(),
                new MetricsHandler(
                    "admin",
                    registry,
                    AdminHandlers.routes(registry, this::isReady, purge, status(topSources)))),
            "admin",
            config.node().adminBind(),
            config.node().adminPort());
  }

  /** The status page, gathering what it shows on each request. */
  private HttpHandler status(@Nullable TopSources top) {
    String role = config.node().role().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    return new StatusHandler(
        new StatusCollector(
            role,
            this::describe,
            this::isReady,
            cluster,
            registry,
            top,
            config.limits(),
            pool != null,
            clock,
            this::diskStatus));
  }

  private ImageHandler imageHandler(ImageService service) {
    UrlSigner signer =
        config.security().signingKeys().isEmpty()
            ? null
            : new UrlSigner(config.security().keyBytes());
    Set<String> signed =
        config.origins().stream()
            .filter(OriginConfig::signed)
            .map(OriginConfig::name)
            .collect(java.util.stream.Collectors.toSet());
    return new ImageHandler(
        service,
        TransformDefaults.from(config.transform()),
        io,
        new ErrorResponder(),
        clock,
        config.limits().requestTimeout(),
        signer,
        signed,
        config.transform().clientHints(),
        config.limits().maxOutputWidth(),
        config.node().memory().directBuffers() * 3 / 4,
        topSources,
        Overlays.from(
            config.security().trustOverlayHeader(),
            config.origins(),
            new TransformSpecParser(TransformDefaults.from(config.transform()))));
  }

  private HttpHandler publicHandlers(ImageHandler images, RequestMetrics metrics) {
    ErrorResponder errors = new ErrorResponder();
    List<String> samples =
        config.origins().stream()
                .anyMatch(o -> o.kind() == OriginConfig.Kind.SAMPLES && o.pathPrefix().equals("/"))
            ? SamplesOrigin.SAMPLES
            : List.of();
    HttpHandler routes =
        new ExactPaths(images)
            .add("/", new IndexHandler(samples))
            .add("/playground", new PlaygroundHandler(samples));
    HttpHandler chain = new ErrorMappingHandler(errors, routes);
    if (config.log().access() == LogConfig.Access.JSON) {
      AccessLog log = closing(AccessLog.to(config.log().accessFile()));
      FunctionCounter.builder("imgedge.access.log.dropped", log, AccessLog::dropped)
          .description("Access log lines dropped because the writer could not keep up")
          .register(registry);
      chain =
          new AccessLogHandler(
              log, clock, new ClientAddresses(config.security().trustedProxies()), chain);
    }
    return new MetricsHandler(metrics, chain);
  }

  /** Starts the internal port and returns the URL the other nodes use to reach it. */
  private URI startInternal() {
    internalChain =
        new GracefulShutdownHandler(new MetricsHandler("internal", registry, internalHandler));
    internalServer =
        started(
            server(config.node().internalBind(), config.node().internalPort(), internalChain),
            "internal",
            config.node().internalBind(),
            config.node().internalPort());
    String url = config.node().internalUrl();
    return URI.create(
        url.isEmpty()
            ? "http://" + config.node().internalBind() + ":" + port(internalServer)
            : url);
  }

  /** Whether the node takes traffic (false from the moment it starts to close). */
  public boolean isReady() {
    return ready && cluster != null && cluster.isRunning();
  }

  /** Says how node.memory is shared out, and warns when the JVM's heap does not match the plan. */
  private void logMemory() {
    var plan = config.node().memory();
    long heap = Runtime.getRuntime().maxMemory();
    LOG.log(
        Level.INFO,
        "memory: node.memory %d MiB; heap %d MiB (planned %d); caches: edge %d, source %d, shield %d MiB; renders %d MiB"
            .formatted(
                plan.total() >> 20,
                heap >> 20,
                plan.heap() >> 20,
                config.cache().edgeMaxBytes() >> 20,
                config.cache().sourceMaxBytes() >> 20,
                config.cache().shieldMaxBytes() >> 20,
                plan.renderBudget() >> 20));
    if (!disks.isEmpty()) {
      LOG.log(
          Level.INFO,
          "disk: %s, cache.disk.max-bytes %d MiB: %s"
              .formatted(
                  config.cache().disk().path(),
                  config.cache().disk().maxBytes() >> 20,
                  String.join(
                      ", ",
                      diskStatus().stream()
                          .map(d -> d.tier() + " " + (d.maxBytes() >> 20) + " MiB")
                          .toList())));
    }
    if (heap > plan.heap() * 5 / 4) {
      LOG.log(
          Level.WARNING,
          "the heap ("
              + (heap >> 20)
              + " MiB) is larger than node.memory plans ("
              + (plan.heap() >> 20)
              + " MiB): start through ./imgedge, or with "
              + plan.jvmOptions());
    }
  }

  /** The one start-up line: the role, where the node listens and what it serves. */
  public String describe() {
    String role = config.node().role().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    StringBuilder s = new StringBuilder("imgedge " + role);
    if (publicServer != null || publicFront != null) {
      s.append(config.tls().enabled() ? " listening on https://" : " listening on http://")
          .append(config.node().publicBind())
          .append(':')
          .append(publicPort());
    }
    if (internalServer != null) {
      s.append(" internal http://")
          .append(config.node().internalBind())
          .append(':')
          .append(internalPort());
    }
    s.append(" (admin http://")
        .append(config.node().adminBind())
        .append(':')
        .append(adminPort())
        .append(')');
    if (config.node().role() != Role.EDGE) {
      s.append(", serving ").append(String.join("; ", origins().describe().values()));
    } else {
      s.append(", shields ").append(config.shield().pops());
    }
    return s.toString();
  }

  /** The public port actually bound, or -1 for a shield node. */
  public int publicPort() {
    return publicFront != null
        ? publicFront.port()
        : publicServer == null ? -1 : port(publicServer);
  }

  /** The admin port actually bound. */
  public int adminPort() {
    return port(Objects.requireNonNull(adminServer, "every role starts an admin server"));
  }

  /** The internal port actually bound, or -1 for the all-in-one node. */
  public int internalPort() {
    return internalServer == null ? -1 : port(internalServer);
  }

  /** The node's metrics, for tests and the admin port. */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /**
   * Threads that take bands of rows of a large resize while it is the only transform running, so
   * that a render alone on the node uses the idle cores (one fewer than there are cores; none on
   * one core). Measured side by side on the sharp task it lifts one render at a time by 10 to 20 %.
   */
  private @Nullable IdleHelper resizeHelper(TransformPool pool) {
    int cores = Runtime.getRuntime().availableProcessors();
    if (cores < 2) {
      return null;
    }
    var threads =
        closing(
            java.util.concurrent.Executors.newFixedThreadPool(
                cores - 1, Thread.ofPlatform().name("resize-helper-", 0).daemon(true).factory()));
    return new IdleHelper(threads, pool::active);
  }

  private <T extends AutoCloseable> T closing(T resource) {
    closeables.push(resource);
    return resource;
  }

  private Undertow started(Undertow server, String port, String bind, int number) {
    try {
      server.start();
    } catch (RuntimeException e) {
      throw startFailure(e, port, bind, number);
    }
    closeables.push(server::stop);
    return server;
  }

  /**
   * A listener that cannot start, said in one line naming the port and the setting that chooses it.
   */
  private static RuntimeException startFailure(
      RuntimeException e, String port, String bind, int number) {
    String setting =
        switch (port) {
          case "public" -> "node.public-port, --port";
          case "admin" -> "node.admin-port, --admin-port";
          default -> "node.internal-port, --internal-port";
        };
    String bindSetting = "node." + port + "-bind";
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof java.net.BindException b) {
        String why = String.valueOf(b.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return new StartupException(
            why.contains("in use")
                ? "the %s port %d on %s is in use by another program (%s): choose another port or stop that program"
                    .formatted(port, number, bind, setting)
                : "cannot listen on %s port %d at %s: %s (%s, %s)"
                    .formatted(port, number, bind, b.getMessage(), setting, bindSetting),
            e);
      }
    }
    return e;
  }

  private static int port(Undertow server) {
    return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
  }

  /**
   * The public port: plain HTTP/1.1 as every other port (with HTTP/2 cleartext only when {@code
   * node.h2c} says so), or, with {@code tls.cert} and {@code tls.key}, HTTPS only, with HTTP/2 and
   * HTTP/1.1 offered by ALPN and the certificate reloaded when its files change.
   */
  private Undertow publicServer(HttpHandler handler) {
    String bind = config.node().publicBind();
    int port = config.node().publicPort();
    TlsConfig tls = config.tls();
    if (!tls.enabled()) {
      if (!config.node().h2c()) {
        return server(bind, port, handler);
      }
      return builder(handler)
          .addHttpListener(port, bind)
          .setServerOption(UndertowOptions.ENABLE_HTTP2, true)
          .build();
    }
    try {
      certificates =
          closing(
              new ServerCertificates(
                  Objects.requireNonNull(tls.cert()),
                  Objects.requireNonNull(tls.key()),
                  tls.reloadCheck()));
    } catch (TlsFileException e) {
      throw new StartupException(
          "cannot start TLS on the public port: " + e.getMessage() + " (tls.cert, tls.key)", e);
    }
    FunctionCounter.builder("imgedge.tls.reloads", certificates, ServerCertificates::reloads)
        .tag("result", "ok")
        .description("Certificate pairs taken into use after their files changed")
        .register(registry);
    FunctionCounter.builder("imgedge.tls.reloads", certificates, ServerCertificates::refusals)
        .tag("result", "refused")
        .description(
            "Changed certificate files refused (unreadable, or key and certificate not a pair)")
        .register(registry);
    return builder(handler)
        .addHttpsListener(port, bind, certificates.context())
        .setServerOption(UndertowOptions.ENABLE_HTTP2, true)
        .build();
  }

  /** The public port's certificates, or null without TLS. */
  public @Nullable ServerCertificates certificates() {
    return certificates;
  }

  private static Undertow.Builder builder(HttpHandler handler) {
    return Undertow.builder()
        .setIoThreads(ListenerSettings.ioThreads())
        .setWorkerThreads(ListenerSettings.WORKER_THREADS)
        .setByteBufferPool(new IoBufferPool(true, IoBufferPool.DEFAULT_BUFFER_SIZE))
        .setServerOption(UndertowOptions.MAX_HEADER_SIZE, ListenerSettings.MAX_HEADER_SIZE)
        .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, ListenerSettings.MAX_ENTITY_SIZE)
        .setHandler(handler);
  }

  private static Undertow server(String bind, int port, HttpHandler handler) {
    return builder(handler).addHttpListener(port, bind).build();
  }

  private void bindClusterMetrics() {
    ClusterMember members = cluster;
    if (members == null) {
      return;
    }
    Gauge.builder("imgedge.cluster.members", members, m -> m.isRunning() ? m.members().size() : 0)
        .description("Members of this node's cluster (POP), this one included")
        .register(registry);
    Gauge.builder(
            "imgedge.cluster.partitions.owned",
            members,
            m -> m.isRunning() ? m.partitionsOwned().getOrDefault(m.self(), 0) : 0)
        .description("Partitions (shares of the key space) this node owns")
        .register(registry);
  }

  private void bindJvmMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** Stops a port taking requests and waits for those in flight, until the deadline. */
  private static int drain(@Nullable GracefulShutdownHandler chain, long deadline) {
    if (chain == null) {
      return 0;
    }
    chain.shutdown();
    try {
      long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
      if (!chain.awaitShutdown(left)) {
        LOG.log(Level.WARNING, "stopping with requests still in flight after node.drain");
        return 1;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Stops at once, as a crashed process would: no draining, and the cluster is left without a
   * goodbye (the other members notice through their failure detector or closed connections). Used
   * by fault tests; operators stop nodes with {@link #close()}.
   */
  public void halt() {
    ready = false;
    if (cluster != null) {
      cluster.terminate();
    }
    stop(Duration.ZERO);
  }

  /**
   * Stops as a rolling restart needs it, each step bounded: readiness goes false at once (load
   * balancers and probes stop sending); for {@code node.drain-delay} the node still serves what
   * arrives; then the public port turns new requests away and those in flight finish (within {@code
   * node.drain}); then the node leaves its cluster gracefully, so that the partitions it owned move
   * to the others while its internal port still answers what peers send it meanwhile; then the
   * internal port drains too, and everything stops in the reverse order it was started.
   */
  @Override
  public void close() {
    stop(config.node().drainDelay());
  }

  private void stop(Duration delay) {
    if (closed) {
      return;
    }
    closed = true;
    long start = System.nanoTime();
    ready = false;
    if (!delay.isZero()) {
      LOG.log(Level.INFO, "stopping: not ready; still serving for node.drain-delay " + delay);
      sleep(delay);
    }
    long deadline = System.nanoTime() + config.node().drain().toNanos();
    if (publicFront != null) {
      publicFront.drain(); // from now on the chain, which refuses new work, sees every request
    }
    int unfinished = drain(publicChain, deadline);
    if (cluster != null && cluster.isRunning()) {
      cluster.close(); // graceful: ownership moves before this member goes
    }
    unfinished += drain(internalChain, deadline);
    LOG.log(
        Level.INFO,
        "stopping: drained and left the cluster in %d ms%s"
            .formatted(
                (System.nanoTime() - start) / 1_000_000,
                unfinished > 0 ? "; requests still in flight after node.drain were cut" : ""));
    while (!closeables.isEmpty()) {
      try {
        closeables.pop().close();
      } catch (Exception e) {
        LOG.log(Level.WARNING, "while stopping: " + e);
      }
    }
    io.close();
    registry.close();
  }
}
