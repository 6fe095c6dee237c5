package io.imgedge.loadtest.restart;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What one pass measured: the load's requests by when they started (before the kill, while the
 * shield was down or starting, after it was ready), the origin's requests in the same windows, and
 * the shield's own figures before the kill and at the end.
 *
 * @param name the pass ({@code disk tier}, {@code memory only})
 * @param disk whether the shield had its disk tier
 * @param derivatives the working set's derivatives
 * @param sources the working set's sources
 * @param warmUp the warm-up's answers by status
 * @param shieldBefore the first shield's figures before the kill
 * @param shieldAfter the new shield's figures at the end
 * @param outcomes every request of the load
 * @param loadStart when the load started ({@link System#nanoTime()})
 * @param kill when the shield was killed
 * @param ready when the new shield was ready
 * @param end when the load ended
 * @param originBefore origin requests (200 and 304) from the load's start to the kill
 * @param originDown origin requests from the kill to the new shield's readiness
 * @param originAfter origin requests from its readiness to the end
 * @param sourcesFetchedAfterKill sources the origin sent again after the kill
 */
record PassResult(
    String name,
    boolean disk,
    int derivatives,
    int sources,
    Map<Integer, Long> warmUp,
    Map<String, Double> shieldBefore,
    Map<String, Double> shieldAfter,
    List<OpenLoad.Outcome> outcomes,
    long loadStart,
    long kill,
    long ready,
    long end,
    long originBefore,
    long originDown,
    long originAfter,
    int sourcesFetchedAfterKill) {

  /** Copies the collections. */
  PassResult {
    warmUp = Map.copyOf(warmUp);
    shieldBefore = Map.copyOf(shieldBefore);
    shieldAfter = Map.copyOf(shieldAfter);
    outcomes = List.copyOf(outcomes);
  }

  List<OpenLoad.Outcome> before() {
    return window(o -> o.start() < kill);
  }

  List<OpenLoad.Outcome> down() {
    return window(o -> o.start() >= kill && o.start() < ready);
  }

  List<OpenLoad.Outcome> after() {
    return window(o -> o.start() >= ready);
  }

  /** Requests started after the kill (while down and after ready). */
  List<OpenLoad.Outcome> afterKill() {
    return window(o -> o.start() >= kill);
  }

  private List<OpenLoad.Outcome> window(Predicate<OpenLoad.Outcome> in) {
    return outcomes.stream().filter(in).toList();
  }

  /** Origin requests from the kill to the end. */
  long originAfterKill() {
    return originDown + originAfter;
  }

  /** Requests started after the kill and answered 200. */
  long okAfterKill() {
    return afterKill().stream().filter(o -> o.status() == 200).count();
  }

  /** Origin requests after the kill, as a share of the requests answered 200 after it. */
  double fetchShare() {
    long ok = okAfterKill();
    return ok == 0 ? Double.NaN : originAfterKill() / (double) ok;
  }

  /** Seconds from the kill to the new shield's readiness. */
  double restartSeconds() {
    return (ready - kill) / 1e9;
  }

  static Map<Integer, Long> statuses(List<OpenLoad.Outcome> outcomes) {
    Map<Integer, Long> byStatus = new TreeMap<>();
    outcomes.forEach(o -> byStatus.merge(o.status(), 1L, Long::sum));
    return byStatus;
  }

  /** The {@code q} quantile of the latencies, in ms (NaN for none). */
  static double quantile(List<OpenLoad.Outcome> outcomes, double q) {
    double[] ms = outcomes.stream().mapToDouble(OpenLoad.Outcome::millis).sorted().toArray();
    if (ms.length == 0) {
      return Double.NaN;
    }
    return ms[(int) Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)];
  }

  /** A figure of the new shield's, 0 when absent. */
  double after(String key) {
    return shieldAfter.getOrDefault(key, 0.0);
  }

  /** A figure of the first shield's, 0 when absent. */
  double before(String key) {
    return shieldBefore.getOrDefault(key, 0.0);
  }

  @Override
  public String toString() {
    return name + " " + Arrays.toString(new long[] {originBefore, originDown, originAfter});
  }
}
