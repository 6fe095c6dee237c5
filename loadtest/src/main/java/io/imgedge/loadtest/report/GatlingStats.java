package io.imgedge.loadtest.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client's view of a run, read from a Gatling HTML report's statistics table: requests,
 * failures, throughput and the percentiles configured when it ran (50, 90, 99, 99.9).
 *
 * @param requests requests sent
 * @param failed requests that failed their checks (status) or got no answer
 * @param meanPerSecond mean requests per second
 * @param p50 median response time, ms
 * @param p90 90th percentile, ms
 * @param p99 99th percentile, ms
 * @param p999 99.9th percentile, ms
 * @param max the longest, ms
 */
public record GatlingStats(
    long requests,
    long failed,
    double meanPerSecond,
    double p50,
    double p90,
    double p99,
    double p999,
    double max) {
  private static final Pattern CELL = Pattern.compile("class=\"value [^\"]*col-(\\d+)\">([^<]*)<");

  /**
   * Reads the "All Requests" row of a report's statistics table ({@code index.html}): total, OK,
   * KO, % KO, count per second, min, the four percentiles, max, mean, standard deviation.
   */
  public static GatlingStats read(Path report) throws IOException {
    String html = Files.readString(report.resolve("index.html"));
    int all = html.indexOf("All Requests");
    if (all < 0) {
      throw new IOException("no statistics in " + report.resolve("index.html"));
    }
    Map<Integer, Double> cells = new HashMap<>();
    Matcher m = CELL.matcher(html);
    m.region(all, html.length());
    while (m.find() && !cells.containsKey(Integer.parseInt(m.group(1)))) {
      cells.put(Integer.parseInt(m.group(1)), number(m.group(2)));
    }
    return new GatlingStats(
        cells.getOrDefault(2, 0.0).longValue(),
        cells.getOrDefault(4, 0.0).longValue(),
        cells.getOrDefault(6, Double.NaN),
        cells.getOrDefault(8, Double.NaN),
        cells.getOrDefault(9, Double.NaN),
        cells.getOrDefault(10, Double.NaN),
        cells.getOrDefault(11, Double.NaN),
        cells.getOrDefault(12, Double.NaN));
  }

  private static double number(String text) {
    try {
      return Double.parseDouble(text.replace(",", "").trim());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
