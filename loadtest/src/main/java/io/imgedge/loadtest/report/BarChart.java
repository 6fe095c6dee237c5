package io.imgedge.loadtest.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A grouped bar chart drawn with java.awt and written as PNG: one group per category (server), one
 * bar per series, each bar labelled with its value.
 */
public final class BarChart {
  private static final Color[] COLORS = {
    new Color(0x2563eb),
    new Color(0xf59e0b),
    new Color(0x10b981),
    new Color(0xef4444),
    new Color(0x8b5cf6)
  };
  private static final int W = 960;
  private static final int H = 540;

  private final String title;
  private final String unit;
  private final List<String> categories;
  private final Map<String, double[]> series = new LinkedHashMap<>();

  /**
   * @param title the chart's title
   * @param unit the values' unit, shown on the axis
   * @param categories the groups, left to right
   */
  public BarChart(String title, String unit, List<String> categories) {
    this.title = title;
    this.unit = unit;
    this.categories = List.copyOf(categories);
  }

  /** Adds a series: one value per category (NaN for none). Returns this. */
  public BarChart series(String name, double... values) {
    series.put(name, values.clone());
    return this;
  }

  /** Draws the chart into a PNG file. */
  public void write(Path png) throws IOException {
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, W, H);
      draw(g);
    } finally {
      g.dispose();
    }
    ImageIO.write(img, "png", png.toFile());
  }

  private void draw(Graphics2D g) {
    int left = 90;
    int right = W - 30;
    int top = 70;
    int bottom = H - 80;
    double max =
        niceMax(
            series.values().stream()
                .flatMapToDouble(java.util.Arrays::stream)
                .filter(v -> !Double.isNaN(v))
                .max()
                .orElse(1));
    g.setColor(Color.DARK_GRAY);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
    g.drawString(title, left, 36);
    axes(g, left, right, top, bottom, max);
    bars(g, left, right, top, bottom, max);
    legend(g, left, 54);
  }

  private void axes(Graphics2D g, int left, int right, int top, int bottom, double max) {
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    for (int i = 0; i <= 5; i++) {
      int y = bottom - (bottom - top) * i / 5;
      g.setColor(new Color(0xe5e7eb));
      g.drawLine(left, y, right, y);
      g.setColor(Color.GRAY);
      String label = format(max * i / 5);
      g.drawString(label, left - 8 - g.getFontMetrics().stringWidth(label), y + 4);
    }
    g.setColor(Color.DARK_GRAY);
    g.setStroke(new BasicStroke(1.5f));
    g.drawLine(left, bottom, right, bottom);
    g.drawString(unit, 10, top - 10);
  }

  private void bars(Graphics2D g, int left, int right, int top, int bottom, double max) {
    int groupWidth = (right - left) / Math.max(1, categories.size());
    int barWidth = Math.max(8, (groupWidth - 40) / Math.max(1, series.size()));
    FontMetrics fm = g.getFontMetrics();
    for (int c = 0; c < categories.size(); c++) {
      int x0 = left + c * groupWidth + 20;
      int s = 0;
      for (double[] values : series.values()) {
        double v = c < values.length ? values[c] : Double.NaN;
        int x = x0 + s * barWidth;
        if (!Double.isNaN(v)) {
          int h = (int) Math.round((bottom - top) * Math.min(1, v / max));
          g.setColor(COLORS[s % COLORS.length]);
          g.fillRect(x, bottom - h, barWidth - 4, h);
          g.setColor(Color.DARK_GRAY);
          String label = format(v);
          g.drawString(label, x + (barWidth - 4 - fm.stringWidth(label)) / 2, bottom - h - 4);
        }
        s++;
      }
      g.setColor(Color.DARK_GRAY);
      String name = categories.get(c);
      g.drawString(
          name, left + c * groupWidth + (groupWidth - fm.stringWidth(name)) / 2, bottom + 20);
    }
  }

  private void legend(Graphics2D g, int x, int y) {
    int s = 0;
    for (String name : series.keySet()) {
      g.setColor(COLORS[s % COLORS.length]);
      g.fillRect(x, y - 10, 12, 12);
      g.setColor(Color.DARK_GRAY);
      g.drawString(name, x + 16, y);
      x += 24 + g.getFontMetrics().stringWidth(name);
      s++;
    }
  }

  static double niceMax(double max) {
    if (max <= 0) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * magnitude >= max * 1.1) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static String format(double v) {
    return v >= 100 || v == Math.rint(v)
        ? String.format(Locale.ROOT, "%,.0f", v)
        : String.format(Locale.ROOT, "%.1f", v);
  }
}
