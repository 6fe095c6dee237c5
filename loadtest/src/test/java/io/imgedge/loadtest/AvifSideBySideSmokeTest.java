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
 * A short, bounded run of {@code avif-side-by-side} end to end (the photo origin, a real imgedge
 * node, ipx where Node.js is installed, the decoders, the report): one round of half a second per
 * contender, no warm-up. The figures of record come from the command itself (README: Side by side).
 * It checks the report's shape, not the figures: every contender has a row, a row answered in
 * another format than the one asked for is flagged, every criterion has a verdict.
 */
@Tag("integration")
class AvifSideBySideSmokeTest {
  private static final List<String> IMGEDGE =
      List.of("imgedge-avif", "imgedge-jpeg", "imgedge-jxl");
  private static final List<String> IPX = List.of("ipx-avif-q60", "ipx-avif");

  @Test
  void aTinyRun_reportsEveryContender_andNeverCallsAnotherFormatAvif(@TempDir Path dir)
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
    Path out = dir.resolve("out");
    int code =
        LoadTestMain.commandLine()
            .execute(
                "avif-side-by-side",
                "--rounds",
                "1",
                "--seconds",
                "0.5",
                "--warm-up",
                "0",
                "--input",
                photo.toString(),
                "--out",
                out.toString(),
                "--work",
                dir.resolve("work").toString());

    assertThat(code)
        .as("0 when every criterion passed, 1 otherwise; 2 is a usage error")
        .isIn(0, 1);
    String report = Files.readString(out.resolve("report.md"));
    String raw = Files.readString(out.resolve("raw.txt"));
    for (String name : IMGEDGE) {
      String row = row(report, name);
      assertThat(row).doesNotContain("not run");
      assertThat(raw).contains("ROUND contender=" + name + " round=1 ");
    }
    assertThat(row(report, "imgedge-jpeg")).contains("| JPEG | image/jpeg |");
    assertThat(report)
        .contains("imgedge: ")
        .contains("every request was a miss")
        .doesNotContain("NOT every request");
    for (String name : IPX) {
      String row = row(report, name);
      if (row.contains(
          "not run")) { // no Node.js, or ipx could not be installed: said so, and its criteria not
        // measured
        assertThat(report).contains("`" + name + "`").contains("ipx did not start");
      } else {
        assertThat(row).contains("| AVIF | image/avif |");
        assertThat(raw).contains("ROUND contender=" + name + " round=1 ");
      }
    }
    // an answer in another format than the one asked for is flagged, never counted as that format
    for (String name : List.of("imgedge-avif", "ipx-avif-q60", "ipx-avif")) {
      String row = row(report, name);
      if (!row.contains("not run") && !row.contains("| AVIF | image/avif |")) {
        assertThat(row).contains("**(not AVIF)**");
        assertThat(report).doesNotContain("**PASS** AVIF");
      }
    }
    Matcher verdicts =
        Pattern.compile("^- \\*\\*(PASS|FAIL|NOT MEASURED)\\*\\* ", Pattern.MULTILINE)
            .matcher(report);
    int n = 0;
    while (verdicts.find()) {
      n++;
    }
    assertThat(n).as("a verdict for each of the seven criteria").isEqualTo(7);
  }

  private static String row(String report, String name) {
    return report
        .lines()
        .filter(l -> l.startsWith("| " + name + " |"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row for " + name + " in\n" + report));
  }
}
