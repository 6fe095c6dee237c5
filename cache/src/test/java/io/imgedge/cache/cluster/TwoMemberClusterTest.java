package io.imgedge.cache.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.config.ClusterConfig;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Two real members on loopback: they agree on ownership, see each other's URLs, share topics. */
@Tag("integration")
class TwoMemberClusterTest {
  static ClusterMember a;
  static ClusterMember b;

  @BeforeAll
  static void start() {
    ClusterConfig config =
        new ClusterConfig(
            "test-" + UUID.randomUUID(),
            "127.0.0.1",
            5830,
            List.of("127.0.0.1"),
            Duration.ofSeconds(5));
    a = ClusterMember.join(config, "http://127.0.0.1:1001");
    b = ClusterMember.join(config, "http://127.0.0.1:1002");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while ((a.members().size() < 2
            || b.members().size() < 2
            || !a.isClusterSafe()
            || !b.isClusterSafe())
        && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
  }

  @AfterAll
  static void stop() {
    b.close();
    a.close();
  }

  @Test
  void members_agreeOnEveryOwner_andSplitTheKeys() {
    assertThat(a.members()).hasSize(2);
    assertThat(a.ownerOf("first")).as("partitions are assigned at join").isNotNull();
    int ownedByA = 0;
    for (int i = 0; i < 500; i++) {
      String key = "k" + i;
      assertThat(a.ownerOf(key)).isEqualTo(b.ownerOf(key));
      ownedByA += a.ownsOrUnknown(key) ? 1 : 0;
    }
    assertThat(ownedByA).isBetween(150, 350);
  }

  @Test
  void members_publishTheirInternalUrls() {
    assertThat(a.members())
        .extracting(ClusterMember::internalUrlOf)
        .containsExactlyInAnyOrder("http://127.0.0.1:1001", "http://127.0.0.1:1002");
  }

  @Test
  void topic_reachesEveryMember() throws InterruptedException {
    List<String> gotA = new CopyOnWriteArrayList<>();
    List<String> gotB = new CopyOnWriteArrayList<>();
    a.subscribe("purge-test", gotA::add);
    b.subscribe("purge-test", gotB::add);
    b.publish("purge-test", "source:x");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while ((gotA.isEmpty() || gotB.isEmpty()) && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10)); // awaiting delivery, not time
    }
    assertThat(gotA).containsExactly("source:x");
    assertThat(gotB).containsExactly("source:x");
  }
}
