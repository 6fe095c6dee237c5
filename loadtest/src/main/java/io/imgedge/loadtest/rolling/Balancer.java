package io.imgedge.loadtest.rolling;

import io.imgedge.loadtest.cluster.ClusterNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * A load balancer as a Kubernetes Service is one: it sends to the edges whose readiness probe last
 * answered 200, probing each every {@code period}, round robin among them. It never retries a
 * request: what fails, fails.
 */
final class Balancer implements AutoCloseable {
  private final List<ClusterNode> edges;
  private final Duration period;
  private final AtomicReference<List<ClusterNode>> inRotation;
  private final AtomicInteger next = new AtomicInteger();
  private final Thread prober;
  private volatile boolean running = true;

  Balancer(List<ClusterNode> edges, Duration period) {
    this.edges = List.copyOf(edges);
    this.period = period;
    this.inRotation = new AtomicReference<>(List.copyOf(edges));
    this.prober = Thread.ofVirtual().name("balancer-probe").start(this::probe);
  }

  private void probe() {
    while (running) {
      inRotation.set(edges.stream().filter(RollingCluster::ready).toList());
      try {
        Thread.sleep(period);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** The next edge in rotation, or null when none is ready. */
  @Nullable ClusterNode pick() {
    List<ClusterNode> ready = inRotation.get();
    if (ready.isEmpty()) {
      return null;
    }
    return ready.get(Math.floorMod(next.getAndIncrement(), ready.size()));
  }

  /** The edges in rotation now. */
  List<ClusterNode> inRotation() {
    return inRotation.get();
  }

  @Override
  public void close() {
    running = false;
    prober.interrupt();
  }
}
