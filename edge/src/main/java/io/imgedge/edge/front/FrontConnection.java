package io.imgedge.edge.front;

import io.imgedge.edge.http.EncodedHit;
import io.undertow.connector.PooledByteBuffer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.xnio.IoUtils;
import org.xnio.StreamConnection;
import org.xnio.XnioExecutor;
import org.xnio.conduits.ConduitStreamSinkChannel;
import org.xnio.conduits.ConduitStreamSourceChannel;

/**
 * One connection while the hit front has it: reads request heads, answers each from memory with one
 * gathering write (head and body), keeps an incomplete head until the rest arrives, waits for the
 * socket when an answer does not fit at once (reading nothing meanwhile), closes after the idle
 * time without a request, and hands the connection to the chain, with every byte not yet answered,
 * at the first request it cannot answer. Runs on the connection's IO thread only.
 */
final class FrontConnection {
  private static final byte[] AGE = "Age: ".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] CRLF = {'\r', '\n'};

  private final HitFront front;
  private final StreamConnection connection;
  private final ConduitStreamSourceChannel source;
  private final ConduitStreamSinkChannel sink;

  /** Bytes read and not yet answered, kept while the socket is busy or a head is incomplete. */
  private byte @Nullable [] carry;

  /** The parts of an answer not written yet, or null. */
  private ByteBuffer @Nullable [] pending;

  private int pendingStatus;
  private long pendingStart;
  private int pendingBody;
  private long lastActive;

  /** Handed to the chain or closed: nothing here touches the connection any more. */
  private boolean gone;

  private XnioExecutor.@Nullable Key idleTimer;

  /** The IO thread's scratch, looked up once (a connection stays on one IO thread). */
  private HitFront.@Nullable Scratch scratch;

  FrontConnection(HitFront front, StreamConnection connection) {
    this.front = front;
    this.connection = connection;
    this.source = connection.getSourceChannel();
    this.sink = connection.getSinkChannel();
  }

  void start() {
    source.setReadListener(ch -> readable());
    sink.setWriteListener(ch -> writable());
    lastActive = System.nanoTime();
    idleCheckIn(front.idleNanos());
    source.resumeReads();
  }

  private HitFront.Scratch scratch() {
    HitFront.Scratch s = scratch;
    if (s == null) {
      s = front.scratch();
      scratch = s;
    }
    return s;
  }

  private void readable() {
    HitFront.Scratch s = scratch();
    ByteBuffer in = s.in;
    in.clear();
    byte[] kept = carry;
    if (kept != null) {
      in.put(kept);
      carry = null;
    }
    int n;
    try {
      n = source.read(in);
    } catch (IOException e) {
      close();
      return;
    }
    if (n < 0) {
      close();
      return;
    }
    in.flip();
    if (n == 0) {
      keep(in);
      return;
    }
    lastActive = System.nanoTime();
    serve(in, s);
  }

  /**
   * Answers the complete requests in {@code in}, in order; keeps an incomplete one; hands the
   * connection off at the first the front cannot answer.
   */
  private void serve(ByteBuffer in, HitFront.Scratch s) {
    while (in.hasRemaining() && !gone) {
      long start = System.nanoTime();
      switch (s.head.parse(in)) {
        case INCOMPLETE -> {
          keep(in);
          return;
        }
        case CHAIN -> {
          handOff(in);
          return;
        }
        case ANSWERABLE -> {
          EncodedHit hit = front.answer(s.head.request());
          if (hit == null) {
            handOff(in);
            return;
          }
          in.position(in.position() + s.head.length());
          if (!write(hit, start, s)) {
            keep(in); // answered once the socket takes the rest
            if (!gone) {
              source.suspendReads();
              sink.resumeWrites();
            }
            return;
          }
        }
      }
    }
  }

  /** Writes an answer; false when part of it waits for the socket (or the connection failed). */
  private boolean write(EncodedHit hit, long start, HitFront.Scratch s) {
    byte[] head = hit.head();
    byte[] date = front.dateLine();
    int need = head.length + AGE.length + 20 + date.length + 2 * CRLF.length;
    ByteBuffer h = need <= s.out.capacity() ? s.out.clear() : ByteBuffer.allocate(need);
    h.put(head);
    if (hit.age() >= 0) {
      h.put(AGE);
      decimal(h, hit.age());
      h.put(CRLF);
    }
    h.put(date).put(CRLF).flip();
    ByteBuffer body = hit.body();
    int bodyBytes = hit.bodyBytes();
    try {
      if (body == null) {
        sink.write(h);
      } else {
        sink.write(new ByteBuffer[] {h, body}, 0, 2);
      }
    } catch (IOException e) {
      close();
      return false;
    }
    boolean headLeft = h.hasRemaining();
    if (!headLeft && (body == null || !body.hasRemaining())) {
      front.answered(hit.status(), System.nanoTime() - start, bodyBytes);
      return true;
    }
    ByteBuffer headRest = headLeft ? ByteBuffer.allocate(h.remaining()).put(h).flip() : null;
    pending =
        headRest == null
            ? new ByteBuffer[] {body}
            : body == null ? new ByteBuffer[] {headRest} : new ByteBuffer[] {headRest, body};
    pendingStatus = hit.status();
    pendingStart = start;
    pendingBody = bodyBytes;
    return false;
  }

  private void writable() {
    ByteBuffer[] parts = pending;
    if (gone || parts == null) {
      sink.suspendWrites();
      return;
    }
    try {
      sink.write(parts, 0, parts.length);
    } catch (IOException e) {
      close();
      return;
    }
    if (parts[parts.length - 1].hasRemaining()) {
      return; // called again when the socket takes more
    }
    pending = null;
    sink.suspendWrites();
    front.answered(pendingStatus, System.nanoTime() - pendingStart, pendingBody);
    lastActive = System.nanoTime();
    byte[] kept = carry;
    if (kept != null) {
      HitFront.Scratch s = scratch();
      carry = null;
      ByteBuffer in = s.in.clear().put(kept).flip();
      serve(in, s);
      if (gone || pending != null) {
        return;
      }
    }
    source.resumeReads();
  }

  /** Keeps the bytes of {@code in} not answered yet for the next read. */
  private void keep(ByteBuffer in) {
    if (in.hasRemaining()) {
      byte[] rest = new byte[in.remaining()];
      in.get(rest);
      carry = rest;
    }
  }

  /** Gives the connection to the chain, with the bytes of {@code in} not answered. */
  private void handOff(ByteBuffer in) {
    gone = true;
    cancelIdleCheck();
    source.suspendReads();
    sink.suspendWrites();
    source.setReadListener(null);
    sink.setWriteListener(null);
    PooledByteBuffer unread = null;
    if (in.hasRemaining()) {
      unread = front.pool().allocate();
      unread.getBuffer().clear().put(in).flip();
    }
    front.handOff(connection, unread);
  }

  private void close() {
    gone = true;
    cancelIdleCheck();
    IoUtils.safeClose(connection);
  }

  private void idleCheckIn(long nanos) {
    idleTimer = connection.getIoThread().executeAfter(this::idleCheck, nanos, TimeUnit.NANOSECONDS);
  }

  /** Closes a connection that has waited the idle time for a request; otherwise checks again. */
  private void idleCheck() {
    idleTimer = null;
    if (gone || !connection.isOpen()) {
      return;
    }
    long idle = System.nanoTime() - lastActive;
    if (pending == null && idle >= front.idleNanos()) {
      close();
      return;
    }
    idleCheckIn(pending != null ? front.idleNanos() : front.idleNanos() - idle);
  }

  private void cancelIdleCheck() {
    XnioExecutor.Key timer = idleTimer;
    if (timer != null) {
      timer.remove();
      idleTimer = null;
    }
  }

  /** Puts a non-negative number in decimal ASCII. */
  static void decimal(ByteBuffer out, long value) {
    if (value >= 10) {
      decimal(out, value / 10);
    }
    out.put((byte) ('0' + value % 10));
  }
}
