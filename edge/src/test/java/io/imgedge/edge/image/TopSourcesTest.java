package io.imgedge.edge.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopSourcesTest {

  @Test
  void top_ordersByRequests_thenByName() {
    TopSources top = new TopSources(100);
    for (String s : new String[] {"/b", "/a", "/b", "/c", "/b", "/a"}) {
      top.record(s);
    }
    assertThat(top.top(2))
        .containsExactly(new TopSources.Entry("/b", 3), new TopSources.Entry("/a", 2));
  }

  @Test
  void record_whenFull_forgetsTheLessRequestedHalf_andKeepsThePopular() {
    TopSources top = new TopSources(10);
    for (int i = 0; i < 50; i++) {
      top.record("/hot");
    }
    for (int i = 0; i < 1000; i++) {
      top.record("/cold-" + i);
    }
    assertThat(top.top(1)).containsExactly(new TopSources.Entry("/hot", 50));
    assertThat(top.top(100)).hasSizeLessThanOrEqualTo(10);
  }
}
