package io.imgedge.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's rolling restart, short and bounded: 3 edges and 2 shields (real processes), a small
 * steady load through a balancer that follows readiness, every node stopped with SIGTERM and
 * started again in turn. The bar is the issue's: not one request fails. The figures of record come
 * from the command itself (README: Load testing).
 */
@Tag("integration")
class RollingRestartSmokeTest {

  @Test
  void everyNodeRestartedInTurn_underLoad_noRequestFails(@TempDir Path dir) throws Exception {
    Path jar = Path.of(System.getProperty("imgedge.jar", "../edge/target/imgedge.jar"));
    Assumptions.assumeTrue(
        Files.exists(jar), "the imgedge jar is built by the reactor before this module's tests");
    Path out = dir.resolve("out");
    long start = System.nanoTime();
    int code =
        LoadTestMain.commandLine()
            .execute(
                "rolling-restart",
                "--rate",
                "20",
                "--sources",
                "6",
                "--widths",
                "96",
                "--warm-up",
                "3",
                "--settle",
                "0",
                "--tail",
                "1",
                "--drain-delay",
                "1000",
                "--probe",
                "100",
                "--node-jvm",
                "-Xmx256m -XX:MaxDirectMemorySize=32m -XX:+UseSerialGC -XX:TieredStopAtLevel=1",
                "--out",
                out.toString(),
                "--work",
                dir.resolve("work").toString());
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    String report = Files.readString(out.resolve("report.md"));
    assertThat(report).contains("**Failed requests: 0**");
    assertThat(code).as(report).isZero();
    for (String node : new String[] {"shield-0", "shield-1", "edge-0", "edge-1", "edge-2"}) {
      assertThat(report).as("a step per node").containsPattern("(?m)^\\| " + node + " \\| ");
    }
    assertThat(report).doesNotContain("(killed)");
    assertThat(took).as("bounded for CI").isLessThan(Duration.ofSeconds(120));
  }
}
