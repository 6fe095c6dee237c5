package io.imgedge.cache.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.config.ClusterConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Key ownership, as properties: every node computes the same owner for every key. Edges route by
 * the Hazelcast partition owner (checked on three real members over loopback); shields, and edges
 * choosing a shield, by {@link Rendezvous} over node URLs (checked for any node set, in any order).
 */
@Tag("integration")
class OwnershipProperties {
  private static final List<ClusterMember> MEMBERS = new ArrayList<>();

  @BeforeContainer
  static void startThreeMembers() {
    ClusterConfig config =
        new ClusterConfig(
            "test-ownership-" + UUID.randomUUID(),
            "127.0.0.1",
            5860,
            List.of("127.0.0.1:5860", "127.0.0.1:5861", "127.0.0.1:5862"),
            Duration.ofSeconds(5));
    for (int i = 0; i < 3; i++) {
      MEMBERS.add(ClusterMember.join(config, "http://127.0.0.1:" + (2001 + i)));
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline
        && !MEMBERS.stream().allMatch(m -> m.members().size() == 3 && m.isClusterSafe())) {
      Thread.onSpinWait();
    }
    assertThat(MEMBERS).allSatisfy(m -> assertThat(m.members()).hasSize(3));
  }

  @AfterContainer
  static void stop() {
    MEMBERS.forEach(ClusterMember::close);
    MEMBERS.clear();
  }

  /** Cache keys as edges build them, and any other string (Unicode, empty, very long). */
  @Provide
  Arbitrary<String> keys() {
    Arbitrary<String> derivative =
        Arbitraries.strings()
            .alpha()
            .numeric()
            .withChars("/-_.")
            .ofMinLength(1)
            .ofMaxLength(60)
            .flatMap(
                path ->
                    Arbitraries.integers()
                        .between(1, 8192)
                        .map(w -> "photos:/" + path + "?width=" + w + "&format=webp"));
    return Arbitraries.oneOf(derivative, Arbitraries.strings().ofMaxLength(300));
  }

  @Property(tries = 500)
  void everyMember_computesTheSameHazelcastOwner(@ForAll("keys") String key) {
    var owner = MEMBERS.get(0).ownerOf(key);
    assertThat(owner).as("partitions are assigned").isNotNull();
    for (ClusterMember m : MEMBERS) {
      assertThat(m.ownerOf(key)).as("owner seen by %s", m.self()).isEqualTo(owner);
      assertThat(m.ownsOrUnknown(key)).isEqualTo(m.self().equals(owner));
    }
  }

  @Provide
  Arbitrary<List<String>> nodeUrls() {
    return Arbitraries.integers()
        .between(1, 65535)
        .map(p -> "http://127.0.0.1:" + p)
        .list()
        .ofMinSize(1)
        .ofMaxSize(16)
        .uniqueElements();
  }

  @Property(tries = 1000)
  void rendezvous_everyNodeComputesTheSameOrder_whateverTheOrderItKnowsTheNodesIn(
      @ForAll("keys") String key, @ForAll("nodeUrls") List<String> nodes, @ForAll Random random) {
    List<String> shuffled = new ArrayList<>(nodes);
    Collections.shuffle(shuffled, random);
    List<String> ranked = Rendezvous.rank(key, nodes, Function.identity());
    assertThat(Rendezvous.rank(key, shuffled, Function.identity())).isEqualTo(ranked);
    assertThat(ranked).containsExactlyInAnyOrderElementsOf(nodes);
  }

  @Property(tries = 1000)
  void rendezvous_whenANodeLeaves_onlyItsKeysMove_toTheirSecondChoice(
      @ForAll("keys") String key, @ForAll("nodeUrls") List<String> nodes, @ForAll Random random) {
    if (nodes.size() < 2) {
      return;
    }
    List<String> ranked = Rendezvous.rank(key, nodes, Function.identity());
    String leaving = nodes.get(random.nextInt(nodes.size()));
    List<String> rest = new ArrayList<>(nodes);
    rest.remove(leaving);
    List<String> after = Rendezvous.rank(key, rest, Function.identity());
    List<String> expected = new ArrayList<>(ranked);
    expected.remove(leaving);
    assertThat(after).as("the others keep their order").isEqualTo(expected);
  }
}
