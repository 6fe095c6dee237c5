package io.imgedge.loadtest.metrics;

import io.imgedge.loadtest.cluster.ClusterNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A scrape of every node's {@code /metrics}, and the figures a load report needs from it: hit ratio
 * per tier, origin fetches, transforms, requests, errors and latency percentiles (from the {@code
 * imgedge_requests_seconds} histogram, merged over the edges).
 */
public final class ClusterMetrics {
  private final Map<ClusterNode, List<Sample>> scraped;

  ClusterMetrics(Map<ClusterNode, List<Sample>> scraped) {
    this.scraped = Map.copyOf(scraped);
  }

  /** Scrapes every node now. */
  public static ClusterMetrics scrape(List<ClusterNode> nodes)
      throws IOException, InterruptedException {
    Map<ClusterNode, List<Sample>> scraped = new LinkedHashMap<>();
    try (HttpClient client =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
      for (ClusterNode n : nodes) {
        try {
          HttpResponse<String> r =
              client.send(
                  HttpRequest.newBuilder(URI.create(n.admin() + "/metrics"))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          scraped.put(n, PrometheusText.parse(r.body()));
        } catch (IOException e) {
          scraped.put(n, List.of()); // a node killed on purpose has nothing to say
        }
      }
    }
    return new ClusterMetrics(scraped);
  }

  /** The sum of a metric over the nodes that match. */
  public double sum(Predicate<ClusterNode> nodes, String name, Predicate<Sample> which) {
    return scraped.entrySet().stream()
        .filter(e -> nodes.test(e.getKey()))
        .flatMap(e -> e.getValue().stream())
        .filter(s -> s.name().equals(name) && which.test(s))
        .mapToDouble(Sample::value)
        .sum();
  }

  /** The sum of a metric over every node, by the value of one label. */
  public Map<String, Double> sumBy(String name, String label) {
    Map<String, Double> by = new TreeMap<>();
    scraped
        .values()
        .forEach(
            samples ->
                samples.stream()
                    .filter(s -> s.name().equals(name))
                    .forEach(s -> by.merge(s.label(label), s.value(), Double::sum)));
    return by;
  }

  /** Origin fetches (every result), over every node. */
  public long originFetches() {
    return Math.round(sum(n -> true, "imgedge_origin_fetches_total", s -> true));
  }

  /** Transforms (every result), over every node. */
  public long transforms() {
    return Math.round(sum(n -> true, "imgedge_transform_seconds_count", s -> true));
  }

  /** Image requests answered by the edges. */
  public long requests() {
    return Math.round(
        sum(
            ClusterNode::isEdge,
            "imgedge_requests_seconds_count",
            s -> s.label("route").equals("image")));
  }

  /** Image requests answered with a status in [from, to]. */
  public long requestsWithStatus(int from, int to) {
    return Math.round(
        sum(
            ClusterNode::isEdge,
            "imgedge_requests_seconds_count",
            s -> {
              if (!s.label("route").equals("image")) {
                return false;
              }
              int status = Integer.parseInt(s.label("status"));
              return status >= from && status <= to;
            }));
  }

  /** The share of edge answers from memory ({@code imgedge_edge_cache_total{result="hit"}}). */
  public double edgeHitRatio() {
    double hits =
        sum(ClusterNode::isEdge, "imgedge_edge_cache_total", s -> s.label("result").equals("hit"));
    double all = sum(ClusterNode::isEdge, "imgedge_edge_cache_total", s -> true);
    return all == 0 ? 0 : hits / all;
  }

  /** The hit ratio of a Caffeine tier on the shields ({@code source} or {@code shield}). */
  public double shieldTierHitRatio(String cache) {
    double hits =
        sum(
            n -> !n.isEdge(),
            "cache_gets_total",
            s -> s.label("cache").equals(cache) && s.label("result").equals("hit"));
    double all = sum(n -> !n.isEdge(), "cache_gets_total", s -> s.label("cache").equals(cache));
    return all == 0 ? 0 : hits / all;
  }

  /** A latency quantile (0-1) of image requests in milliseconds, from the merged histogram. */
  public double latencyMillis(double q) {
    TreeMap<Double, Double> buckets = new TreeMap<>();
    scraped.forEach(
        (n, samples) ->
            samples.stream()
                .filter(
                    s ->
                        n.isEdge()
                            && s.name().equals("imgedge_requests_seconds_bucket")
                            && s.label("route").equals("image"))
                .forEach(s -> buckets.merge(le(s.label("le")), s.value(), Double::sum)));
    return Histograms.quantile(buckets, q) * 1000;
  }

  private static double le(String le) {
    return le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
  }
}
