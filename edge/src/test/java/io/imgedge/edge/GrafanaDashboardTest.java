package io.imgedge.edge;

import static io.imgedge.edge.testing.TestNodes.admin;
import static io.imgedge.edge.testing.TestNodes.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.edge.app.Node;
import io.imgedge.edge.testing.TestNodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana dashboard in ops/grafana asks only for metrics that nodes publish (a node with a disk
 * tier, for its panels).
 */
@Tag("integration")
class GrafanaDashboardTest {
  private static final Pattern METRIC =
      Pattern.compile("\\b((?:imgedge|cache|jvm|process)_[a-z_]+)\\{");

  /** Published only by cluster edges and shields, or on the first stale answer or GC pause. */
  private static final Set<String> LATER =
      Set.of(
          "imgedge_shield_requests_total",
          "imgedge_edge_stale_total",
          "imgedge_shield_forwarded_total",
          "jvm_gc_pause_seconds_sum");

  @Test
  void everyMetricOfTheDashboard_isPublishedByANode(@TempDir Path dir) throws Exception {
    String dashboard = Files.readString(root().resolve("ops/grafana/imgedge.json"));
    Set<String> used = new TreeSet<>();
    Matcher m = METRIC.matcher(dashboard);
    while (m.find()) {
      used.add(m.group(1));
    }
    assertThat(used).hasSizeGreaterThan(15);
    try (Node node =
        TestNodes.start(
            null,
            Map.of(
                "log.access",
                "json",
                "log.access-file",
                dir.resolve("a.log").toString(),
                "cache.disk.path",
                dir.resolve("disk").toString()))) {
      get(node, "/photo.jpg?width=64");
      get(node, "/photo.jpg?width=64");
      String metrics = admin(node, "/metrics").body();
      for (String name : used) {
        if (!LATER.contains(name)) {
          assertThat(metrics).as("published: " + name).containsPattern("(?m)^" + name + "[{ ]");
        }
      }
    }
  }

  private static Path root() {
    Path here = Path.of("").toAbsolutePath();
    return Files.exists(here.resolve("ops")) ? here : here.getParent();
  }
}
