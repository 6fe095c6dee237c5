package io.imgedge.edge.front;

import io.imgedge.edge.http.EncodedHit;
import io.imgedge.edge.http.HitRequest;
import io.imgedge.edge.http.IoBufferPool;
import io.imgedge.edge.http.ListenerSettings;
import io.imgedge.edge.http.RequestMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.protocol.http.HttpOpenListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.xnio.ChannelListener;
import org.xnio.ChannelListeners;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.Xnio;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;

/**
 * The public port: an XNIO worker, Undertow's HTTP/1.1 listener running the handler chain, and the
 * {@link HitFront} before it (unless the chain must see every request: then connections go straight
 * to the chain). Set up as {@code Undertow.builder()} sets up a listener (the same worker, socket
 * and server options), which cannot put a reader of its own before the chain.
 */
public final class PublicListener implements AutoCloseable {
  /** Undertow's default {@code NO_REQUEST_TIMEOUT}: an idle connection is closed after it. */
  static final Duration IDLE = Duration.ofSeconds(60);

  private final XnioWorker worker;
  private final AcceptingChannel<StreamConnection> server;
  private final @Nullable HitFront front;

  private PublicListener(
      XnioWorker worker, AcceptingChannel<StreamConnection> server, @Nullable HitFront front) {
    this.worker = worker;
    this.server = server;
    this.front = front;
  }

  /**
   * Listens on {@code bind:port} (0: any free port).
   *
   * @param chain the handler chain
   * @param answers the chain's answers from memory, for the hit front; null to run no front (every
   *     request goes through the chain, e.g. when the access log must see each one)
   * @param metrics the route's request metrics, shared with the chain
   * @param registry where the front's counters go
   * @throws UncheckedIOException when the port cannot be bound (with the {@code BindException})
   */
  public static PublicListener start(
      String bind,
      int port,
      HttpHandler chain,
      @Nullable Function<HitRequest, @Nullable EncodedHit> answers,
      RequestMetrics metrics,
      MeterRegistry registry) {
    return start(bind, port, chain, answers, metrics, registry, IDLE);
  }

  /** As above, closing connections idle for {@code idle} (tests shorten it). */
  static PublicListener start(
      String bind,
      int port,
      HttpHandler chain,
      @Nullable Function<HitRequest, @Nullable EncodedHit> answers,
      RequestMetrics metrics,
      MeterRegistry registry,
      Duration idle) {
    int ioThreads = ListenerSettings.ioThreads();
    XnioWorker worker;
    try {
      worker =
          Xnio.getInstance(PublicListener.class.getClassLoader())
              .createWorker(
                  OptionMap.builder()
                      .set(Options.WORKER_IO_THREADS, ioThreads)
                      .set(Options.CONNECTION_HIGH_WATER, 1_000_000)
                      .set(Options.CONNECTION_LOW_WATER, 1_000_000)
                      .set(Options.WORKER_TASK_CORE_THREADS, ListenerSettings.WORKER_THREADS)
                      .set(Options.WORKER_TASK_MAX_THREADS, ListenerSettings.WORKER_THREADS)
                      .set(Options.TCP_NODELAY, true)
                      .set(Options.CORK, true)
                      .getMap());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    IoBufferPool pool = new IoBufferPool(true, IoBufferPool.DEFAULT_BUFFER_SIZE);
    HttpOpenListener http =
        new HttpOpenListener(
            pool,
            OptionMap.builder()
                .set(UndertowOptions.NO_REQUEST_TIMEOUT, (int) idle.toMillis())
                .set(UndertowOptions.MAX_HEADER_SIZE, ListenerSettings.MAX_HEADER_SIZE)
                .set(UndertowOptions.MAX_ENTITY_SIZE, ListenerSettings.MAX_ENTITY_SIZE)
                .getMap());
    http.setRootHandler(chain);
    HitFront front =
        answers == null ? null : new HitFront(answers, metrics, http, pool, idle, registry);
    ChannelListener<StreamConnection> open = front != null ? front : http;
    try {
      AcceptingChannel<StreamConnection> server =
          worker.createStreamConnectionServer(
              new InetSocketAddress(bind, port),
              ChannelListeners.openListenerAdapter(open),
              OptionMap.builder()
                  .set(Options.WORKER_IO_THREADS, ioThreads)
                  .set(Options.TCP_NODELAY, true)
                  .set(Options.REUSE_ADDRESSES, true)
                  .set(Options.BALANCING_TOKENS, 1)
                  .set(Options.BALANCING_CONNECTIONS, 2)
                  .set(Options.BACKLOG, 1000)
                  .getMap());
      server.resumeAccepts();
      return new PublicListener(worker, server, front);
    } catch (IOException e) {
      worker.shutdownNow();
      throw new UncheckedIOException(e);
    }
  }

  /** The port bound. */
  public int port() {
    return ((InetSocketAddress) server.getLocalAddress()).getPort();
  }

  /** Stops answering at the front: every request goes to the chain (which is draining). */
  public void drain() {
    if (front != null) {
      front.drain();
    }
  }

  /** Stops listening and closes every connection. */
  @Override
  public void close() {
    IoUtils.safeClose(server);
    worker.shutdownNow();
  }
}
