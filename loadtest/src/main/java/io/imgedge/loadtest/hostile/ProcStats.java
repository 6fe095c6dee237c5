package io.imgedge.loadtest.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's CPU time and memory from {@code /proc/<pid>/stat} and {@code /proc/<pid>/status}
 * (Linux).
 */
final class ProcStats {
  private ProcStats() {}

  private static final long CLOCK_TICKS = clockTicks();

  /**
   * User + system CPU seconds of the process so far (utime + stime, clock ticks to seconds), or
   * NaN.
   */
  static double cpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // after the command: state is field 3; utime and stime are fields 14 and 15
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) CLOCK_TICKS;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** The resident set size now ({@code VmRSS}) in KiB, or -1. */
  static long vmRssKib(long pid) {
    return status(pid, "VmRSS:");
  }

  /** The peak resident set size ({@code VmHWM}) in KiB, or -1. */
  static long vmHwmKib(long pid) {
    return status(pid, "VmHWM:");
  }

  private static long status(long pid, String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /** The clock ticks per second ({@code getconf CLK_TCK}), 100 when it cannot be asked. */
  static long clockTicks() {
    try {
      Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).strip();
      p.waitFor();
      return Long.parseLong(out);
    } catch (IOException | RuntimeException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }

  /** The load average (1, 5, 15 minutes), or {@code unknown}. */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
