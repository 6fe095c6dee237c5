package io.imgedge.shield.origin;

import io.imgedge.shield.OriginException;
import io.imgedge.transform.ImageTooLargeException;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Collects a response body up to a size cap, cutting it (and the connection) when it grows past the
 * cap, when no bytes arrive for the idle timeout, or when the whole fetch passes its deadline.
 */
final class LimitedBody implements BodySubscriber<byte[]> {
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final ByteArrayOutputStream buffer;
  private final long maxBytes;
  private final long idleNanos;
  private final long deadlineNanos;
  private final LongSupplier nanoTime;
  private final ScheduledFuture<?> watchdog;
  private volatile Flow.@Nullable Subscription subscription;
  private volatile long lastProgress;

  LimitedBody(
      long maxBytes,
      long declaredLength,
      Duration idle,
      long deadlineNanos,
      ScheduledExecutorService scheduler,
      LongSupplier nanoTime) {
    this.maxBytes = maxBytes;
    this.buffer =
        new ByteArrayOutputStream((int) Math.max(8192, Math.min(declaredLength, maxBytes)));
    this.idleNanos = idle.toNanos();
    this.deadlineNanos = deadlineNanos;
    this.nanoTime = nanoTime;
    this.lastProgress = nanoTime.getAsLong();
    long period = Math.max(10, Math.min(idle.toMillis(), 1000) / 4);
    this.watchdog =
        scheduler.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
    result.whenComplete((b, e) -> watchdog.cancel(false));
  }

  private void check() {
    long now = nanoTime.getAsLong();
    if (now - deadlineNanos > 0) {
      fail(
          new OriginException(
              OriginException.Kind.TIMEOUT, "the origin did not send the image in time"));
    } else if (now - lastProgress > idleNanos) {
      fail(
          new OriginException(
              OriginException.Kind.TIMEOUT, "the origin stalled while sending the image"));
    }
  }

  private void fail(RuntimeException error) {
    if (result.completeExceptionally(error)) {
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
    }
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    this.subscription = s;
    if (result.isDone()) {
      s.cancel();
    } else {
      s.request(Long.MAX_VALUE);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    lastProgress = nanoTime.getAsLong();
    synchronized (buffer) {
      for (ByteBuffer item : items) {
        if (buffer.size() + item.remaining() > maxBytes) {
          fail(
              new ImageTooLargeException(
                  "the source image is larger than %d bytes, the largest accepted"
                      .formatted(maxBytes)));
          return;
        }
        byte[] chunk = new byte[item.remaining()];
        item.get(chunk);
        buffer.write(chunk, 0, chunk.length);
      }
    }
  }

  @Override
  public void onError(Throwable error) {
    result.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    synchronized (buffer) {
      result.complete(buffer.toByteArray());
    }
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }
}
