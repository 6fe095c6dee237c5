package io.imgedge.edge.http;

import io.undertow.connector.ByteBufferPool;
import io.undertow.connector.PooledByteBuffer;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The buffers Undertow reads requests into and writes response headers from. Undertow's own pool
 * finds its per-thread cache through a synchronized map on every allocation and release (about 5 %
 * of a cache hit's CPU in a profile of the hit path); this one keeps a few buffers per platform
 * thread in a plain {@link ThreadLocal} (the IO threads, which do nearly all of it), and the rest
 * in one lock-free queue, bounded. Virtual threads use only the shared queue. A buffer that no
 * queue has room for is left to the garbage collector.
 */
public final class IoBufferPool implements ByteBufferPool {
  /** Undertow's default for a heap over 128 MiB: 16 KiB less room for the TLS record overhead. */
  public static final int DEFAULT_BUFFER_SIZE = 16 * 1024 - 20;

  private static final int PER_THREAD = 8;
  private static final int SHARED = 64;

  private final boolean direct;
  private final int bufferSize;
  private final ThreadLocal<ArrayDeque<ByteBuffer>> local =
      ThreadLocal.withInitial(ArrayDeque::new);
  private final ConcurrentLinkedQueue<ByteBuffer> shared = new ConcurrentLinkedQueue<>();
  private final AtomicInteger sharedCount = new AtomicInteger();
  private final ByteBufferPool arrayBacked;

  /**
   * @param direct whether the buffers are direct (for socket IO without a copy)
   * @param bufferSize the size of each buffer in bytes
   */
  public IoBufferPool(boolean direct, int bufferSize) {
    this.direct = direct;
    this.bufferSize = bufferSize;
    this.arrayBacked = direct ? new IoBufferPool(false, bufferSize) : this;
  }

  @Override
  public PooledByteBuffer allocate() {
    ByteBuffer buffer = null;
    if (!Thread.currentThread().isVirtual()) {
      buffer = local.get().pollFirst();
    }
    if (buffer == null) {
      buffer = shared.poll();
      if (buffer != null) {
        sharedCount.decrementAndGet();
      }
    }
    if (buffer == null) {
      buffer = direct ? ByteBuffer.allocateDirect(bufferSize) : ByteBuffer.allocate(bufferSize);
    }
    return new Pooled(buffer.clear());
  }

  private void release(ByteBuffer buffer) {
    if (!Thread.currentThread().isVirtual()) {
      ArrayDeque<ByteBuffer> mine = local.get();
      if (mine.size() < PER_THREAD) {
        mine.addFirst(buffer);
        return;
      }
    }
    if (sharedCount.incrementAndGet() <= SHARED) {
      shared.offer(buffer);
    } else {
      sharedCount.decrementAndGet();
    }
  }

  @Override
  public ByteBufferPool getArrayBackedPool() {
    return arrayBacked;
  }

  @Override
  public void close() {
    shared.clear();
    sharedCount.set(0);
  }

  @Override
  public int getBufferSize() {
    return bufferSize;
  }

  @Override
  public boolean isDirect() {
    return direct;
  }

  /** One buffer lent out; closing it (once) gives it back. */
  private final class Pooled implements PooledByteBuffer {
    private final ByteBuffer buffer;
    private boolean open = true;

    Pooled(ByteBuffer buffer) {
      this.buffer = buffer;
    }

    @Override
    public ByteBuffer getBuffer() {
      if (!open) {
        throw new IllegalStateException("buffer already given back");
      }
      return buffer;
    }

    @Override
    public void close() {
      if (open) {
        open = false;
        release(buffer);
      }
    }

    @Override
    public boolean isOpen() {
      return open;
    }

    @Override
    public String toString() {
      return "IoBufferPool.Pooled[" + buffer + "]";
    }
  }
}
