package io.imgedge.cache.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import io.imgedge.config.ClusterConfig;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClusterMemberTest {

  private static ClusterConfig loopback() {
    return new ClusterConfig(
        "test-" + UUID.randomUUID(),
        "127.0.0.1",
        5801,
        List.of("127.0.0.1"),
        java.time.Duration.ofSeconds(5));
  }

  @Test
  void config_neverUsesMulticastOrAutoDetection() {
    Config c = ClusterMember.hazelcastConfig(loopback());
    var join = c.getNetworkConfig().getJoin();
    assertThat(join.getMulticastConfig().isEnabled()).isFalse();
    assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
    assertThat(join.getTcpIpConfig().isEnabled()).isTrue();
    assertThat(join.getTcpIpConfig().getMembers()).containsExactly("127.0.0.1");
    assertThat(c.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
    assertThat(c.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("127.0.0.1");
  }

  @Test
  void config_carriesFailureDetectionAndMergeDelay() {
    ClusterConfig fast =
        new ClusterConfig(
            "test-" + UUID.randomUUID(),
            "127.0.0.1",
            5801,
            List.of("127.0.0.1"),
            java.time.Duration.ofSeconds(5),
            java.time.Duration.ofSeconds(1),
            java.time.Duration.ofSeconds(4),
            java.time.Duration.ofSeconds(7));
    Config c = ClusterMember.hazelcastConfig(fast);
    assertThat(c.getProperty("hazelcast.heartbeat.interval.seconds")).isEqualTo("1");
    assertThat(c.getProperty("hazelcast.max.no.heartbeat.seconds")).isEqualTo("4");
    assertThat(c.getProperty("hazelcast.merge.first.run.delay.seconds")).isEqualTo("7");
    assertThat(c.getProperty("hazelcast.merge.next.run.delay.seconds")).isEqualTo("7");
  }

  @Test
  void oneMember_ownsEveryKey() {
    try (ClusterMember member = ClusterMember.join(loopback(), "http://127.0.0.1:1")) {
      assertThat(member.members()).hasSize(1);
      assertThat(member.self().getAddress().getHost()).isEqualTo("127.0.0.1");
      for (int i = 0; i < 100; i++) {
        assertThat(member.ownsOrUnknown("key-" + i)).isTrue();
      }
      assertThat(member.describe()).contains("1 member(s)");
    }
  }

  @Test
  void standalone_formsAClusterOfOne_withoutJoining() {
    try (ClusterMember member = ClusterMember.standalone(loopback())) {
      assertThat(member.members()).containsExactly(member.self());
      assertThat(member.ownsOrUnknown("any-key")).isTrue();
      assertThat(member.describe()).contains("1 member(s)");
    }
  }
}
