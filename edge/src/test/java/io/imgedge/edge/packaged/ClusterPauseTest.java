package io.imgedge.edge.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.edge.testing.FixedRateLoad;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An edge is paused with {@code SIGSTOP} past failure detection and resumed, under a fixed-rate
 * load, with every node its own process: one shield and three edges (one Hazelcast cluster, edge
 * cache off so every request goes through the key's owner).
 *
 * <p>While the edge is frozen its keys' requests wait {@code cluster.peer-timeout} for it and are
 * then done by the edge that got them; once the failure detector removes it, its keys move. When it
 * resumes, its Hazelcast member finds itself alone — a split brain, the two others on one side and
 * it on the other — and the split-brain merge brings it back. Pass: under 0.5% of requests fail,
 * each finishes within its deadline, and every body is byte-identical to the one served before the
 * fault (checked by hash). Requests go to the live edges only, as a load balancer's health check
 * would do.
 */
@Tag("packaged")
@Tag("slow")
class ClusterPauseTest {
  private static final Path ROOT =
      Path.of(System.getProperty("imgedge.root.dir", "..")).toAbsolutePath().normalize();
  private static final Duration DEADLINE = Duration.ofSeconds(6);
  private static final int RATE_PER_SECOND = 20;
  private static final List<String> PATHS =
      java.util.stream.IntStream.range(0, 24)
          .mapToObj(i -> "/photo.jpg?width=" + (96 + 8 * i))
          .toList();

  @TempDir Path dir;
  private final List<NodeProcess> nodes = new ArrayList<>();

  @AfterEach
  void stop() {
    nodes.forEach(NodeProcess::close);
  }

  @Test
  @Timeout(240)
  void edgePausedPastFailureDetection_andResumed_theClusterKeepsAnswering_andHeals()
      throws Exception {
    Path jar = ROOT.resolve("edge/target/imgedge.jar");
    assertThat(jar).exists();
    List<Integer> ports = NodeProcess.freePorts(15);
    int shieldInternal = ports.get(0);
    NodeProcess shield =
        NodeProcess.start(
            jar,
            dir,
            "shield",
            "shield",
            """
        node: {role: shield, internal-bind: 127.0.0.1, internal-port: %d, admin-port: %d}
        cluster: {name: shields-%s, bind: 127.0.0.1, port: %d, members: [127.0.0.1:%d]}
        origins: [{name: samples, type: samples}]
        """
                .formatted(
                    shieldInternal, ports.get(1), UUID.randomUUID(), ports.get(2), ports.get(2)),
            ports.get(1));
    nodes.add(shield);
    String clusterName = "edges-" + UUID.randomUUID();
    String members =
        java.util.stream.IntStream.range(0, 3)
            .mapToObj(i -> "127.0.0.1:" + ports.get(3 + 4 * i + 3))
            .collect(Collectors.joining(", "));
    List<String> publicUrls = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      int base = 3 + 4 * i;
      int publicPort = ports.get(base);
      int admin = ports.get(base + 1);
      nodes.add(
          NodeProcess.start(
              jar,
              dir,
              "edge-" + i,
              "edge",
              """
          node: {role: edge, public-bind: 127.0.0.1, public-port: %d, admin-port: %d, internal-bind: 127.0.0.1, internal-port: %d}
          cluster: {name: %s, bind: 127.0.0.1, port: %d, members: [%s],
                    peer-timeout: 1s, heartbeat: 1s, failure-timeout: 4s, merge-delay: 5s}
          cache: {edge-max-bytes: 0}
          limits: {request-timeout: 5s}
          shield-pops: {local: [http://127.0.0.1:%d]}
          origins: [{name: samples, type: samples}]
          """
                  .formatted(
                      publicPort,
                      admin,
                      ports.get(base + 2),
                      clusterName,
                      ports.get(base + 3),
                      members,
                      shieldInternal),
              admin));
      publicUrls.add("http://127.0.0.1:" + publicPort);
    }
    for (NodeProcess n : nodes) {
      n.awaitReady(Duration.ofSeconds(90));
    }
    List<NodeProcess> edges = nodes.subList(1, 4);
    NodeProcess.await(
        Duration.ofSeconds(60),
        () -> edges.stream().allMatch(e -> e.hasMembers(3)),
        "a cluster of 3 (members seen: "
            + edges.stream().map(e -> e.name() + "=" + e.members()).toList()
            + ")\n"
            + edges.get(0).log());

    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Map<String, String> expected = new HashMap<>();
    for (String path : PATHS) {
      HttpResponse<byte[]> r =
          client.send(request(publicUrls.get(0) + path), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      expected.put(path, FixedRateLoad.sha256(r.body()));
    }

    NodeProcess paused = edges.get(2);
    List<String> live = new CopyOnWriteArrayList<>(publicUrls.subList(0, 2));
    FixedRateLoad load =
        FixedRateLoad.start(
            RATE_PER_SECOND,
            DEADLINE,
            i -> live.get(i % live.size()) + PATHS.get(i % PATHS.size()),
            expected);
    try {
      Thread.sleep(3000);
      paused.pause();
      Duration detected =
          NodeProcess.await(
              Duration.ofSeconds(30),
              () -> edges.get(0).hasMembers(2) && edges.get(1).hasMembers(2),
              "the paused edge removed");
      Thread.sleep(2000);
      paused.resume();
      AtomicBoolean sawItselfAlone = new AtomicBoolean();
      Duration healed =
          NodeProcess.await(
              Duration.ofSeconds(90),
              () -> {
                if (paused.hasMembers(1)) {
                  sawItselfAlone.set(true);
                }
                return edges.stream().allMatch(e -> e.hasMembers(3));
              },
              "healed to 3 members:\n" + paused.log());
      live.add(publicUrls.get(2));
      Thread.sleep(4000);
      load.stop();

      System.out.printf(
          "pause: removed after %d ms; after resume the edge was alone: %s; healed after %d ms; %s%n",
          detected.toMillis(), sawItselfAlone.get(), healed.toMillis(), load.summary());
      load.assertHeld(RATE_PER_SECOND * 8, 5);
      assertThat(sawItselfAlone)
          .as("the resumed edge formed its own side (a split brain) before merging")
          .isTrue();
      HttpResponse<byte[]> fromResumed =
          client.send(
              request(publicUrls.get(2) + PATHS.get(0)), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(fromResumed.statusCode()).isEqualTo(200);
      assertThat(FixedRateLoad.sha256(fromResumed.body())).isEqualTo(expected.get(PATHS.get(0)));
    } finally {
      load.stop();
    }
  }

  private static HttpRequest request(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(DEADLINE).build();
  }
}
