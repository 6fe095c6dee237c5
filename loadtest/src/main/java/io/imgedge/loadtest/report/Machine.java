package io.imgedge.loadtest.report;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/** A one-line description of the machine a run was measured on. */
public final class Machine {
  private Machine() {}

  /** e.g. {@code 2 cores, 24 GiB, Linux 6.1 amd64, Temurin 25.0.1}. */
  public static String describe() {
    long bytes = 0;
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      bytes = os.getTotalMemorySize();
    }
    return String.format(
        Locale.ROOT,
        "%d cores, %.0f GiB, %s %s %s, %s %s",
        Runtime.getRuntime().availableProcessors(),
        bytes / (1024.0 * 1024 * 1024),
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("os.arch"),
        System.getProperty("java.vendor.version", System.getProperty("java.vendor")),
        System.getProperty("java.version"));
  }
}
