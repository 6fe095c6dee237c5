package io.imgedge.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short, bounded run of each cluster scenario end to end (origin simulator, a real local cluster
 * of processes, Gatling in its own JVM, the report): small images, a few seconds of arrivals. The
 * figures of record come from the commands themselves (README: Load testing).
 */
@Tag("integration")
class ScenarioSmokeTest {
  private static final List<String> SMALL =
      List.of(
          "--sources",
          "3",
          "--widths",
          "64,96",
          "--formats",
          "jpg",
          "--source-width",
          "320",
          "--origin-latency",
          "5");

  private static int run(Path out, String... args) {
    Path jar = Path.of(System.getProperty("imgedge.jar", "../edge/target/imgedge.jar"));
    Assumptions.assumeTrue(
        Files.exists(jar), "the imgedge jar is built by the reactor before this module's tests");
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(SMALL);
    all.addAll(List.of("--out", out.toString()));
    return LoadTestMain.commandLine().execute(all.toArray(String[]::new));
  }

  @Test
  void zipf_coldStart_fetchesEachSourceAndRendersEachDerivativeOnce(@TempDir Path out)
      throws Exception {
    assertThat(run(out, "zipf", "--edges", "2", "--shields", "1", "--rate", "8", "--duration", "3"))
        .isZero();
    String report = Files.readString(out.resolve("report.md"));
    assertThat(report)
        .contains("## Client (Gatling)", "edge hit ratio", "exactly once", "**PASSED**")
        .doesNotContain("NOT once");
    assertThat(out.resolve("gatling")).isDirectory();
  }

  @Test
  void stampede_aBurstOnColdDerivatives_isServedWithOneTransformEach(@TempDir Path out)
      throws Exception {
    assertThat(
            run(out, "stampede", "--edges", "2", "--shields", "1", "--burst", "40", "--hot", "3"))
        .isZero();
    assertThat(Files.readString(out.resolve("report.md")))
        .contains(
            "a burst of 40 users at once",
            "| transforms vs distinct derivatives | 3 | 3 | exactly once |");
  }

  @Test
  void purgeStorm_purgesAtTheAdminPorts_withoutFailedRequests(@TempDir Path out) throws Exception {
    assertThat(
            run(
                out,
                "purge-storm",
                "--edges",
                "1",
                "--shields",
                "1",
                "--rate",
                "8",
                "--duration",
                "3",
                "--purge-rate",
                "2"))
        .isZero();
    assertThat(Files.readString(out.resolve("report.md")))
        .contains("purges/s", "informative", "**PASSED**");
  }

  @Test
  void fault_killsAnEdgeAndAShieldMidRun_andReportsIt(@TempDir Path out) throws Exception {
    run(out, "fault", "--edges", "2", "--shields", "2", "--rate", "8", "--duration", "4");
    assertThat(Files.readString(out.resolve("report.md")))
        .contains(
            "killed edge-1 (SIGKILL) at mid-run",
            "killed shield-0 (SIGKILL) at mid-run",
            "## Client (Gatling)");
  }
}
