package io.imgedge.edge.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.undertow.connector.PooledByteBuffer;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class IoBufferPoolTest {

  @Test
  void aBufferGivenBack_isLentAgainOnTheSameThread_cleared() {
    IoBufferPool pool = new IoBufferPool(true, 1024);
    PooledByteBuffer first = pool.allocate();
    ByteBuffer lent = first.getBuffer();
    lent.put((byte) 7);
    first.close();
    PooledByteBuffer again = pool.allocate();
    assertThat(again.getBuffer()).isSameAs(lent);
    assertThat(again.getBuffer().position()).isZero();
    assertThat(again.getBuffer().limit()).isEqualTo(1024);
    assertThat(again.getBuffer().isDirect()).isTrue();
  }

  @Test
  void closingTwice_givesBackOnce_andABufferGivenBackCannotBeUsed() {
    IoBufferPool pool = new IoBufferPool(true, 64);
    PooledByteBuffer pooled = pool.allocate();
    pooled.close();
    pooled.close();
    assertThat(pooled.isOpen()).isFalse();
    assertThatThrownBy(pooled::getBuffer).isInstanceOf(IllegalStateException.class);
    PooledByteBuffer a = pool.allocate();
    PooledByteBuffer b = pool.allocate();
    assertThat(a.getBuffer())
        .isNotSameAs(b.getBuffer()); // the one given back is lent once, not twice
  }

  @Test
  void aBufferGivenBackOnAVirtualThread_goesToTheSharedQueue() throws Exception {
    IoBufferPool pool = new IoBufferPool(false, 64);
    AtomicReference<ByteBuffer> released = new AtomicReference<>();
    Thread.ofVirtual()
        .start(
            () -> {
              PooledByteBuffer p = pool.allocate();
              released.set(p.getBuffer());
              p.close();
            })
        .join();
    AtomicReference<ByteBuffer> taken = new AtomicReference<>();
    Thread.ofPlatform().start(() -> taken.set(pool.allocate().getBuffer())).join();
    assertThat(taken.get()).isSameAs(released.get());
  }

  @Test
  void theArrayBackedPool_ofADirectPool_lendsHeapBuffers() {
    IoBufferPool pool = new IoBufferPool(true, 128);
    assertThat(pool.isDirect()).isTrue();
    assertThat(pool.getBufferSize()).isEqualTo(128);
    assertThat(pool.getArrayBackedPool().isDirect()).isFalse();
    assertThat(pool.getArrayBackedPool().allocate().getBuffer().hasArray()).isTrue();
  }
}
