package io.imgedge.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How a node's memory ({@code node.memory}) is shared out: the launcher sizes the heap and the
 * direct buffers from it, and the caches and the renders' budget come out of the heap. One number
 * for an operator to set (or none: a container's memory limit, else {@value #DEFAULT_MIB} MiB).
 *
 * <table>
 *   <caption>The shares</caption>
 *   <tr><th>part</th><th>share</th><th>at 768 MiB</th></tr>
 *   <tr><td>heap ({@code -Xmx})</td><td>60 % of node.memory</td><td>460 MiB</td></tr>
 *   <tr><td>direct buffers (the hit path's prepared answers)</td><td>1/12, at most 64 MiB</td><td>64 MiB</td></tr>
 *   <tr><td>outside the heap (metaspace, threads, native codecs)</td><td>the rest</td><td>244 MiB</td></tr>
 *   <tr><td>edge cache</td><td>15 % of the heap</td><td>69 MiB</td></tr>
 *   <tr><td>source cache</td><td>12 % of the heap</td><td>55 MiB</td></tr>
 *   <tr><td>shield cache</td><td>8 % of the heap</td><td>36 MiB</td></tr>
 *   <tr><td>renders, all together (and one render at most)</td><td>45 % of the heap</td><td>207 MiB</td></tr>
 *   <tr><td>everything else in the heap</td><td>20 %</td><td>92 MiB</td></tr>
 * </table>
 *
 * @param total node.memory
 * @param heap the heap the JVM is given
 * @param directBuffers the direct buffers the JVM may allocate
 * @param edgeCache the edge cache's default size
 * @param sourceCache the source cache's default size
 * @param shieldCache the shield cache's default size
 * @param renderBudget what all renders may hold at once
 */
public record MemoryPlan(
    long total,
    long heap,
    long directBuffers,
    long edgeCache,
    long sourceCache,
    long shieldCache,
    long renderBudget) {

  /** node.memory when neither the operator nor a container says: 768 MiB. */
  public static final long DEFAULT_MIB = 768;

  /** The least node.memory a node runs in. */
  public static final long MIN_BYTES = 256L << 20;

  private static final long MAX_DIRECT = 64L << 20;

  /** The plan for {@code total} bytes. */
  public static MemoryPlan of(long total) {
    long heap = total * 60 / 100;
    return new MemoryPlan(
        total,
        heap,
        Math.min(MAX_DIRECT, total / 12),
        heap * 15 / 100,
        heap * 12 / 100,
        heap * 8 / 100,
        heap * 45 / 100);
  }

  /**
   * node.memory when it is not set: the memory limit of the container (cgroup v2 {@code memory.max}
   * or v1 {@code memory.limit_in_bytes}) if there is one, else {@value #DEFAULT_MIB} MiB.
   */
  public static long detectTotal() {
    for (String file :
        new String[] {"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"}) {
      long limit = read(Path.of(file));
      if (limit > 0 && limit < (1L << 50)) {
        return Math.max(MIN_BYTES, limit);
      }
    }
    return DEFAULT_MIB << 20;
  }

  private static long read(Path file) {
    try {
      String text = Files.readString(file).trim().toLowerCase(Locale.ROOT);
      return text.equals("max") ? -1 : Long.parseLong(text);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * The most the caches a node keeps may hold together when set by hand: the plan's cache shares
   * (35 % of the heap) and its reserve (20 %), i.e. the heap less the renders' budget.
   */
  public long cacheShare() {
    return heap * 55 / 100;
  }

  /** The node.memory whose {@link #cacheShare()} holds {@code cacheBytes} of caches. */
  public static long totalFor(long cacheBytes) {
    return cacheBytes * 100 / 55 * 100 / 60;
  }

  /** The JVM options the launcher starts the node with. */
  public String jvmOptions() {
    return "-Xmx" + (heap >> 20) + "m -XX:MaxDirectMemorySize=" + (directBuffers >> 20) + "m";
  }
}
