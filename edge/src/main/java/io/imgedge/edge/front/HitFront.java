package io.imgedge.edge.front;

import io.imgedge.edge.http.EncodedHit;
import io.imgedge.edge.http.HitRequest;
import io.imgedge.edge.http.RequestMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.undertow.connector.ByteBufferPool;
import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.DelegateOpenListener;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;
import org.xnio.ChannelListener;
import org.xnio.StreamConnection;

/**
 * The first reader of every public connection: answers what it can from memory at the socket
 * ({@link FrontConnection}) and hands the connection to the handler chain ({@code chain},
 * Undertow's HTTP/1.1 listener) at the first request it cannot. While the node drains it answers
 * nothing: every connection and request goes to the chain, which refuses new work.
 */
public final class HitFront implements ChannelListener<StreamConnection> {
  private static final Logger LOG = Logger.getLogger(HitFront.class.getName());

  private final Function<HitRequest, @Nullable EncodedHit> answers;
  private final RequestMetrics metrics;
  private final DelegateOpenListener chain;
  private final ByteBufferPool pool;
  private final long idleNanos;
  private final DateLine date = new DateLine(System::currentTimeMillis);
  private final Counter answered;
  private final Counter handedOff;
  private final ThreadLocal<Scratch> scratch;
  private volatile boolean draining;

  /** What one IO thread reuses from request to request. */
  static final class Scratch {
    final ByteBuffer in;
    final ByteBuffer out = ByteBuffer.allocateDirect(8 * 1024);
    final RequestHead head = new RequestHead();

    Scratch(int inSize) {
      in = ByteBuffer.allocateDirect(inSize);
    }
  }

  /**
   * @param answers the chain's answer from memory to a request, or null to hand it to the chain
   *     ({@code ImageHandler::encodedHit})
   * @param metrics the public route's request metrics, which the chain records too
   * @param chain Undertow's HTTP/1.1 open listener, running the handler chain
   * @param pool the IO buffers (a hand-off carries the bytes read so far in one)
   * @param idle how long a connection may wait for its next request (Undertow's {@code
   *     NO_REQUEST_TIMEOUT})
   * @param registry where {@code imgedge.front.requests{outcome}} goes
   */
  public HitFront(
      Function<HitRequest, @Nullable EncodedHit> answers,
      RequestMetrics metrics,
      DelegateOpenListener chain,
      ByteBufferPool pool,
      Duration idle,
      MeterRegistry registry) {
    this.answers = answers;
    this.metrics = metrics;
    this.chain = chain;
    this.pool = pool;
    this.idleNanos = idle.toNanos();
    int inSize = pool.getBufferSize();
    if (inSize <= RequestHead.MAX_HEAD) {
      throw new IllegalArgumentException("IO buffers of " + inSize + " bytes are too small");
    }
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(inSize));
    this.answered = outcome(registry, "answered", "answered at the socket from memory");
    this.handedOff =
        outcome(registry, "handed-off", "handed to the handler chain with the connection");
  }

  private static Counter outcome(MeterRegistry registry, String outcome, String what) {
    return Counter.builder("imgedge.front.requests")
        .description("Requests the hit front read: answered at the socket, or handed to the chain")
        .tag("outcome", outcome)
        .register(registry);
  }

  @Override
  public void handleEvent(StreamConnection connection) {
    if (draining) {
      chain.handleEvent(connection, null);
      return;
    }
    new FrontConnection(this, connection).start();
  }

  /** From now on every connection and request goes to the chain (the node is stopping). */
  public void drain() {
    draining = true;
  }

  /** The chain's answer from memory, or null for a request the chain must answer. */
  @Nullable EncodedHit answer(HitRequest request) {
    if (draining) {
      return null;
    }
    try {
      return answers.apply(request);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "hit front: the chain will answer " + request.path(), e);
      return null;
    }
  }

  /** Counts an answer written in full. */
  void answered(int status, long nanos, long bodyBytes) {
    answered.increment();
    metrics.record(status, nanos, bodyBytes);
  }

  /** Gives a connection to the chain, with the bytes read and not answered (or null). */
  void handOff(StreamConnection connection, @Nullable PooledByteBuffer unread) {
    handedOff.increment();
    chain.handleEvent(connection, unread);
  }

  Scratch scratch() {
    return scratch.get();
  }

  ByteBufferPool pool() {
    return pool;
  }

  long idleNanos() {
    return idleNanos;
  }

  byte[] dateLine() {
    return date.now();
  }
}
