package io.imgedge.edge;

import com.github.benmanes.caffeine.cache.Ticker;
import io.imgedge.cache.LocalTier;
import io.imgedge.cache.cluster.ClusterMember;
import io.imgedge.config.ImgedgeConfig;
import io.imgedge.config.OriginConfig;
import io.imgedge.edge.admin.AdminHandlers;
import io.imgedge.edge.http.ErrorMappingHandler;
import io.imgedge.edge.http.ErrorResponder;
import io.imgedge.edge.http.ImageHandler;
import io.imgedge.edge.http.IndexHandler;
import io.imgedge.edge.http.MetricsHandler;
import io.imgedge.edge.image.ImageService;
import io.imgedge.edge.image.LocalShieldClient;
import io.imgedge.shield.Derivative;
import io.imgedge.shield.Shield;
import io.imgedge.shield.SourceCache;
import io.imgedge.shield.SourceId;
import io.imgedge.shield.SourceObject;
import io.imgedge.shield.TransformPool;
import io.imgedge.shield.origin.FolderOrigin;
import io.imgedge.shield.origin.HttpOrigin;
import io.imgedge.shield.origin.OriginClient;
import io.imgedge.shield.origin.OriginRouter;
import io.imgedge.shield.origin.SamplesOrigin;
import io.imgedge.shield.origin.SourceFactory;
import io.imgedge.transform.ImageLimits;
import io.imgedge.transform.Transformer;
import io.imgedge.transform.codec.Encoders;
import io.imgedge.transform.codec.ImageDecoder;
import io.imgedge.transform.codec.NativeCodecs;
import io.imgedge.transform.resize.ConvolutionResizer;
import io.imgedge.transform.spec.TransformDefaults;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One all-in-one imgedge node: edge and shield in one JVM, in a one-member cluster. This is the
 * only place where objects are wired together; everything else receives what it needs through
 * its constructor.
 */
public final class Node implements AutoCloseable {
  private static final Logger LOG = System.getLogger(Node.class.getName());

  private final ImgedgeConfig config;
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
  private final Clock clock = Clock.systemUTC();
  private final ClusterMember cluster;
  private final OriginRouter origins;
  private final TransformPool pool;
  private final Transformer transformer;
  private final GracefulShutdownHandler publicChain;
  private final Undertow publicServer;
  private final Undertow adminServer;
  private volatile boolean ready;

  private Node(ImgedgeConfig config) {
    this.config = config;
    bindJvmMetrics();
    TransformDefaults defaults = TransformDefaults.from(config.transform());
    NativeCodecs natives = NativeCodecs.load(); // logs the JPEG codec in use, once
    this.transformer = new Transformer(ImageLimits.from(config.limits()), defaults,
        new ImageDecoder(natives), new Encoders(natives), new ConvolutionResizer(), System::nanoTime);
    this.origins = new OriginRouter(config.origins(), this::originClient);
    this.pool = new TransformPool(config.limits().transformConcurrency(), config.limits().transformQueue());
    this.cluster = ClusterMember.standalone(config.cluster());
    ImageService service = new ImageService(edgeTier(), cluster, new LocalShieldClient(shield()), clock, registry);
    this.publicChain = new GracefulShutdownHandler(publicHandlers(service, defaults));
    this.publicServer = server(config.node().publicBind(), config.node().publicPort(), publicChain);
    this.adminServer = server(config.node().adminBind(), config.node().adminPort(),
        new MetricsHandler("admin", registry, AdminHandlers.routes(registry, () -> ready && cluster.isRunning())));
  }

  /** Builds and starts a node; it serves until {@link #close()}. */
  public static Node start(ImgedgeConfig config) {
    Node node = new Node(config);
    try {
      node.publicServer.start();
      node.adminServer.start();
    } catch (RuntimeException e) {
      node.close();
      throw e;
    }
    node.ready = true;
    LOG.log(Level.INFO, node.describe());
    return node;
  }

  /** The one start-up line: where the node listens and what it serves. */
  public String describe() {
    return "imgedge listening on http://%s:%d (admin http://%s:%d), serving %s".formatted(
        config.node().publicBind(), publicPort(), config.node().adminBind(), adminPort(),
        String.join("; ", origins.describe().values()));
  }

  /** The public port actually bound (useful when configured as 0). */
  public int publicPort() {
    return ((InetSocketAddress) publicServer.getListenerInfo().get(0).getAddress()).getPort();
  }

  /** The admin port actually bound. */
  public int adminPort() {
    return ((InetSocketAddress) adminServer.getListenerInfo().get(0).getAddress()).getPort();
  }

  /** The node's metrics, for tests and the admin port. */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  private Shield shield() {
    LocalTier<SourceId, SourceObject> sources = new LocalTier<>("source", config.cache().sourceMaxBytes(),
        Ticker.systemTicker(), io, registry);
    return new Shield(origins, new SourceCache(sources, clock, registry), transformer, pool,
        config.limits().requestTimeout(), registry);
  }

  private LocalTier<String, Derivative> edgeTier() {
    return new LocalTier<>("edge", config.cache().edgeMaxBytes(), Ticker.systemTicker(), io, registry);
  }

  private HttpHandler publicHandlers(ImageService service, TransformDefaults defaults) {
    ErrorResponder errors = new ErrorResponder();
    ImageHandler images = new ImageHandler(service, defaults, io, errors, clock, config.limits().requestTimeout());
    List<String> samples = config.origins().stream()
        .anyMatch(o -> o.kind() == OriginConfig.Kind.SAMPLES && o.pathPrefix().equals("/"))
        ? SamplesOrigin.SAMPLES : List.of();
    HttpHandler routes = Handlers.path(images).addExactPath("/", new IndexHandler(samples));
    return new MetricsHandler("image", registry, new ErrorMappingHandler(errors, routes));
  }

  private OriginClient originClient(OriginConfig origin) {
    Duration ttl = origin.defaultTtl() != null ? origin.defaultTtl() : config.cache().defaultTtl();
    SourceFactory sources = new SourceFactory(clock, ttl);
    long maxBytes = config.limits().maxInputBytes();
    return switch (origin.kind()) {
      case SAMPLES -> new SamplesOrigin(sources, Instant.now(clock));
      case FOLDER -> new FolderOrigin(origin.folder(), maxBytes, sources, io);
      case HTTP -> new HttpOrigin(origin.baseUrl(), config.fetch(), maxBytes, sources, System::nanoTime);
    };
  }

  private static Undertow server(String bind, int port, HttpHandler handler) {
    return Undertow.builder()
        .addHttpListener(port, bind)
        .setIoThreads(Math.max(2, Runtime.getRuntime().availableProcessors()))
        .setWorkerThreads(8)
        .setServerOption(UndertowOptions.MAX_HEADER_SIZE, 16 * 1024)
        .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, 64L * 1024)
        .setHandler(handler)
        .build();
  }

  private void bindJvmMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** Stops taking requests, lets those in flight finish (up to 10 s), then stops everything. */
  @Override
  public void close() {
    ready = false;
    publicChain.shutdown();
    try {
      publicChain.awaitShutdown(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    publicServer.stop();
    adminServer.stop();
    pool.close();
    origins.close();
    cluster.close();
    io.close();
    registry.close();
  }
}
