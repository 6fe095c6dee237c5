package io.imgedge.cache.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RendezvousTest {
  private static final List<String> NODES = List.of("http://a:1", "http://b:1", "http://c:1");

  @Test
  void rank_isDeterministicAndAPermutation() {
    List<String> first = Rendezvous.rank("photos:cat.jpg", NODES, Function.identity());
    assertThat(first).containsExactlyInAnyOrderElementsOf(NODES);
    assertThat(
            Rendezvous.rank(
                "photos:cat.jpg",
                List.of("http://c:1", "http://a:1", "http://b:1"),
                Function.identity()))
        .isEqualTo(first);
  }

  @Test
  void removingANode_movesOnlyItsKeys_toTheirSecondChoice() {
    for (int i = 0; i < 2000; i++) {
      String key = "src:" + i;
      List<String> all = Rendezvous.rank(key, NODES, Function.identity());
      List<String> without =
          Rendezvous.rank(key, List.of("http://a:1", "http://c:1"), Function.identity());
      if (!all.get(0).equals("http://b:1")) {
        assertThat(without.get(0)).isEqualTo(all.get(0));
      } else {
        assertThat(without.get(0)).isEqualTo(all.get(1));
      }
    }
  }

  @Test
  void keys_spreadEvenly() {
    Map<String, Integer> homes = new HashMap<>();
    for (int i = 0; i < 30_000; i++) {
      homes.merge(
          Rendezvous.rank("img/" + i + ".jpg", NODES, Function.identity()).get(0), 1, Integer::sum);
    }
    assertThat(homes.values()).allSatisfy(n -> assertThat(n).isBetween(9_000, 11_000));
  }
}
