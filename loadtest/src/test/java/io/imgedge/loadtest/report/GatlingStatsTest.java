package io.imgedge.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatlingStatsTest {

  @Test
  void read_takesTheAllRequestsRowOfTheStatisticsTable(@TempDir Path report) throws IOException {
    try (InputStream row = getClass().getResourceAsStream("gatling-row.html")) {
      Files.writeString(
          report.resolve("index.html"),
          "<html><table>"
              + new String(row.readAllBytes())
              + "<tr><td class=\"value total col-2\">999</td></tr></table></html>");
    }
    GatlingStats stats = GatlingStats.read(report);
    assertThat(stats.requests()).isEqualTo(450);
    assertThat(stats.failed()).isZero();
    assertThat(stats.meanPerSecond()).isEqualTo(15);
    assertThat(stats.p50()).isEqualTo(133);
    assertThat(stats.p90()).isEqualTo(7783);
    assertThat(stats.p99()).isEqualTo(9596);
    assertThat(stats.p999()).isEqualTo(10378);
    assertThat(stats.max()).isEqualTo(10378);
  }

  @Test
  void read_withoutStatistics_fails(@TempDir Path report) throws IOException {
    Files.writeString(report.resolve("index.html"), "<html></html>");
    assertThatThrownBy(() -> GatlingStats.read(report)).hasMessageContaining("no statistics");
  }
}
