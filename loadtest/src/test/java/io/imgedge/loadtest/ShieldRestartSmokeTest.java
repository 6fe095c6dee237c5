package io.imgedge.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short, bounded run of {@code shield-restart} end to end (a shield and an edge process from the
 * jar, the origin simulator, the open-model load, a SIGKILL and a restart, the report): three small
 * originals, one width, a second of load before the kill and two after, the disk pass only. The
 * figure of record comes from the command itself (README: The disk tier); here, besides the
 * report's shape, a restarted shield with its disk tier must cost the origin nothing.
 */
@Tag("integration")
class ShieldRestartSmokeTest {

  @Test
  void aTinyRun_restartsTheShieldFromDisk_withoutOriginRequests(@TempDir Path dir)
      throws Exception {
    Path jar = Path.of(System.getProperty("imgedge.jar", "../edge/target/imgedge.jar"));
    Assumptions.assumeTrue(
        Files.exists(jar), "the imgedge jar is built by the reactor before this module's tests");
    Path out = dir.resolve("out");
    int code =
        LoadTestMain.commandLine()
            .execute(
                "shield-restart",
                "--sources",
                "3",
                "--image-width",
                "320",
                "--widths",
                "100",
                "--formats",
                "jpg",
                "--rate",
                "10",
                "--before",
                "1",
                "--after",
                "2",
                "--node-memory",
                "256",
                "--skip-memory-pass",
                "--out",
                out.toString(),
                "--work",
                dir.resolve("work").toString());

    String report = Files.readString(out.resolve("report.md"));
    String raw = Files.readString(out.resolve("raw.txt"));
    assertThat(report)
        .contains("## Verdicts", "## Figures", "## How it is measured", "| figure | disk tier |");
    assertThat(raw).contains("PASS pass=disk_tier", "WINDOW pass=disk_tier window=after");
    assertThat(raw).containsPattern("PASS pass=disk_tier .* originDown=0 originAfter=0 ");
    assertThat(report).contains("**PASS** 1.");
    assertThat(code).as("0 when both verdicts pass; report:\n" + report).isZero();
  }
}
