package io.imgedge.loadtest.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One node's run: its memory, the phases' results, its memory use and its log.
 *
 * @param name e.g. {@code default node}
 * @param memory the {@code --memory} it was started with, or null for the node's default
 * @param jvmOptions the JVM options its memory implied
 * @param plan the node's own line about its memory plan
 * @param bursts phase A, one per variant
 * @param bombs phase B
 * @param sharp phase C, or null when this pass did not run it
 * @param vmHwmMib the node's peak RSS (VmHWM) at the end, in MiB (NaN when not read)
 * @param maxRssByPhase the largest VmRSS sample (every 200 ms) of each phase, in MiB
 * @param rssSamples how many samples were taken
 * @param outOfMemory the node's log lines that name OutOfMemoryError
 * @param insufficientMemory the node's log lines that name InsufficientMemoryException (a render
 *     refused 503)
 * @param nodeStatuses the node's own count of image answers by status over the pass
 * @param nodeTransforms the node's own count of transforms by result over the pass
 * @param diedEarly whether the node's process had exited before the end of the pass
 * @param seconds the pass's length, node start to stop
 */
record PassResult(
    String name,
    @Nullable String memory,
    List<String> jvmOptions,
    String plan,
    List<AbandonedBurst.Result> bursts,
    List<Bombs.Row> bombs,
    SharpTask.@Nullable Result sharp,
    double vmHwmMib,
    Map<String, Double> maxRssByPhase,
    long rssSamples,
    List<String> outOfMemory,
    List<String> insufficientMemory,
    Map<String, Long> nodeStatuses,
    Map<String, Long> nodeTransforms,
    boolean diedEarly,
    double seconds) {

  /**
   * Every answer of an attack the client saw: the burst answers that came before the clients left,
   * and the bombs.
   */
  List<Reply> attackReplies() {
    List<Reply> out = new ArrayList<>();
    bursts.forEach(b -> out.addAll(b.answered()));
    bombs.forEach(b -> out.add(b.reply()));
    return out;
  }

  /**
   * The ordinary requests' answers: the misses after the bursts (sharp's task is counted apart).
   */
  List<Reply> ordinaryReplies() {
    return bursts.stream().map(AbandonedBurst.Result::miss).toList();
  }

  /**
   * Every answer the clients saw, by status; the burst clients that left before an answer as "left
   * (no answer)".
   */
  Map<String, Long> clientStatuses() {
    Map<String, Long> out = new TreeMap<>();
    for (AbandonedBurst.Result b : bursts) {
      b.answered().forEach(r -> out.merge(r.statusText(), 1L, Long::sum));
      if (b.abandoned() > 0) {
        out.merge("left (no answer)", (long) b.abandoned(), Long::sum);
      }
      out.merge(b.miss().statusText(), 1L, Long::sum);
    }
    bombs.forEach(b -> out.merge(b.reply().statusText(), 1L, Long::sum));
    if (sharp != null) {
      sharp.statuses().forEach((k, v) -> out.merge(k, v, Long::sum));
    }
    return out;
  }

  /** The peak RSS sampled, the larger of VmHWM and the samples. */
  double maxRssSampled() {
    return maxRssByPhase.values().stream()
        .mapToDouble(Double::doubleValue)
        .max()
        .orElse(Double.NaN);
  }
}
