package io.imgedge.loadtest.report;

import io.imgedge.loadtest.peers.Wrk;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * One server's figures in the side-by-side run.
 *
 * @param name the server
 * @param note what it is and its caveats
 * @param zipf the client's view of the cold Zipf run, or null when it did not run it
 * @param asked distinct sources and derivatives the Zipf run asked for (0 when not run)
 * @param originFetches body fetches the origin saw during its Zipf run
 * @param transforms transforms it did in its Zipf run, when known
 * @param hitUrl the URL measured on the hit path
 * @param hitBytes the size of that answer
 * @param hitRuns each wrk round on the hit path
 */
public record PeerResult(
    String name,
    String note,
    @Nullable GatlingStats zipf,
    int[] asked,
    long originFetches,
    OptionalLong transforms,
    String hitUrl,
    long hitBytes,
    List<Wrk.Result> hitRuns) {

  /** The median requests per second over the hit-path rounds. */
  public double hitMedian() {
    return median(hitRuns.stream().mapToDouble(Wrk.Result::requestsPerSecond).toArray());
  }

  /** The median of the rounds' p99 latency. */
  public double hitP99Median() {
    return median(hitRuns.stream().mapToDouble(Wrk.Result::p99).toArray());
  }

  /** The median of the rounds' p50 latency. */
  public double hitP50Median() {
    return median(hitRuns.stream().mapToDouble(Wrk.Result::p50).toArray());
  }

  /** A copy with one more hit-path round. */
  public PeerResult withHitRun(Wrk.Result run) {
    List<Wrk.Result> runs = new ArrayList<>(hitRuns);
    runs.add(run);
    return new PeerResult(
        name, note, zipf, asked, originFetches, transforms, hitUrl, hitBytes, runs);
  }

  /** The median of some values (NaN for none). */
  public static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] v = values.clone();
    java.util.Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
