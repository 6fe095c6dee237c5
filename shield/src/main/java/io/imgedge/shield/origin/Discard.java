package io.imgedge.shield.origin;

import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** A body subscriber that reads nothing: it cancels the body at once (closing the connection). */
final class Discard implements BodySubscriber<byte[]> {
  private final CompletableFuture<byte[]> result;

  private Discard(CompletableFuture<byte[]> result) {
    this.result = result;
  }

  static Discard withResult(byte[] value) {
    return new Discard(CompletableFuture.completedFuture(value));
  }

  static Discard withError(RuntimeException error) {
    return new Discard(CompletableFuture.failedFuture(error));
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    subscription.cancel();
  }

  @Override
  public void onNext(List<ByteBuffer> item) {}

  @Override
  public void onError(Throwable throwable) {}

  @Override
  public void onComplete() {}

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }
}
