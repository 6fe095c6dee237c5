package io.imgedge.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short, bounded run of {@code hostile} end to end (two real node processes, raw-socket clients
 * that hang up, the hostile images, sharp's task, /proc sampling, the report): bursts of 3, half a
 * second for each wait, one second of sharp's task, a small admitted size. The figures of record
 * come from the command itself (README: Load testing). It checks the report's shape, not the
 * figures: every phase of both passes is there, every criterion has a verdict.
 */
@Tag("integration")
class HostileSmokeTest {
  private static final List<String> IMAGES =
      List.of(
          "bomb-webp-50-frames-12000x12000.webp",
          "bomb-gif-12000-canvas-1000-frames.gif",
          "bomb-png-16bit-12000x12000.png");

  @Test
  void aTinyRun_reportsEveryPhaseOfBothNodes_andAVerdictPerCriterion(@TempDir Path dir)
      throws Exception {
    Path jar = Path.of(System.getProperty("imgedge.jar", "../edge/target/imgedge.jar"));
    Assumptions.assumeTrue(
        Files.exists(jar), "the imgedge jar is built by the reactor before this module's tests");
    Path photo =
        Path.of(
            System.getProperty("imgedge.shared.dir", "../../shared"),
            "corpus",
            "perf-2725x2225.jpg");
    if (!Files.isRegularFile(photo)) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("the shared test corpus is required on CI but missing: " + photo.toAbsolutePath());
      }
      Assumptions.abort("the shared test corpus is not available: " + photo.toAbsolutePath());
    }
    Path root = Path.of(System.getProperty("imgedge.root", ".."));
    Path out = dir.resolve("out");
    int code =
        LoadTestMain.commandLine()
            .execute(
                "hostile",
                "--burst",
                "3",
                "--leave",
                "0.5",
                "--miss-after",
                "0.5",
                "--cpu-window",
                "0.5",
                "--sharp-seconds",
                "1",
                "--admitted-size",
                "256",
                "--input",
                photo.toString(),
                "--images",
                root.resolve("edge/src/test/resources/hostile").toString(),
                "--out",
                out.toString(),
                "--work",
                dir.resolve("work").toString());

    assertThat(code)
        .as("0 when every criterion passed, 1 otherwise; 2 is a usage error")
        .isIn(0, 1);
    String report = Files.readString(out.resolve("report.md"));
    String raw = Files.readString(out.resolve("raw.txt"));
    assertThat(report)
        .contains(
            "## Verdicts",
            "## Pass 1: default node",
            "## Pass 2: node.memory 1GiB",
            "## How it is measured");
    for (String pass : List.of("## Pass 1: default node", "## Pass 2: node.memory 1GiB")) {
      String section = section(report, pass);
      assertThat(section)
          .contains(
              "### Phase A: abandoned bursts",
              "### Phase B: bombs",
              "### Phase C: sharp's task",
              "### Memory",
              "Peak RSS (VmHWM at the end): **",
              "### Responses by status",
              "| the clients | ");
      assertThat(rows(section, "| 8192x8192 (the issue's) |")).isEqualTo(1);
      assertThat(rows(section, "| 256x256 (admitted) |")).isEqualTo(1);
      for (String image : IMAGES) {
        assertThat(rows(section, "| " + image + " |")).as(image).isEqualTo(3);
      }
    }
    assertThat(section(report, "## Pass 1: default node")).contains("| MISS x");
    assertThat(section(report, "## Pass 2: node.memory 1GiB")).contains("Not run on this node.");
    assertThat(raw)
        .contains(
            "BURST pass=default_node variant=8192x8192",
            "BURST pass=node.memory_1GiB variant=256x256",
            "BOMB pass=default_node url=/bomb-png-16bit",
            "SHARP pass=default_node",
            "PASS pass=node.memory_1GiB",
            "RSS pass=default_node");
    Matcher verdicts =
        Pattern.compile("^- \\*\\*(PASS|FAIL|NOT MEASURED)\\*\\* [1-5]\\. ", Pattern.MULTILINE)
            .matcher(report);
    int n = 0;
    while (verdicts.find()) {
      n++;
    }
    assertThat(n)
        .as("a verdict for each of the four criteria and the scenario's own check")
        .isEqualTo(5);
    assertThat(report).doesNotContain("NOT MEASURED");
  }

  private static String section(String report, String title) {
    int start = report.indexOf(title);
    assertThat(start).as(title).isNotNegative();
    int end = report.indexOf("\n## ", start + title.length());
    return report.substring(start, end < 0 ? report.length() : end);
  }

  private static long rows(String section, String prefix) {
    return section.lines().filter(l -> l.startsWith(prefix)).count();
  }
}
