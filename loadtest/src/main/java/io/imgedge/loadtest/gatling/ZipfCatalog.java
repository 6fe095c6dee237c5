package io.imgedge.loadtest.gatling;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * The derivatives a workload asks for (sources x widths x formats) and a Zipf(s) popularity over
 * them: the k-th most popular is asked for with probability proportional to 1/k^s. Which derivative
 * has which rank is a seeded shuffle, so popular ones spread over sources.
 */
public final class ZipfCatalog {
  /**
   * One derivative of the catalogue.
   *
   * @param source the source's index
   * @param width the width asked for
   * @param format the format asked for
   */
  public record Item(int source, int width, String format) {}

  private final List<Item> ranked;
  private final double[] cumulative;

  /**
   * @param sources how many sources
   * @param widths the widths asked for
   * @param formats the formats asked for
   * @param s the Zipf exponent (1.0 is typical of web traffic)
   * @param seed fixes the ranking
   */
  public ZipfCatalog(int sources, List<Integer> widths, List<String> formats, double s, long seed) {
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < sources; i++) {
      for (int w : widths) {
        for (String f : formats) {
          items.add(new Item(i, w, f));
        }
      }
    }
    Collections.shuffle(items, new Random(seed));
    this.ranked = List.copyOf(items);
    this.cumulative = new double[items.size()];
    double sum = 0;
    for (int k = 0; k < items.size(); k++) {
      sum += 1 / Math.pow(k + 1, s);
      cumulative[k] = sum;
    }
    for (int k = 0; k < cumulative.length; k++) {
      cumulative[k] /= sum;
    }
  }

  /** How many derivatives there are. */
  public int size() {
    return ranked.size();
  }

  /** The derivative of rank k (0 is the most popular). */
  public Item rank(int k) {
    return ranked.get(k);
  }

  /** Draws one derivative by popularity. */
  public Item draw(SplittableRandom random) {
    double u = random.nextDouble();
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] < u) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return ranked.get(lo);
  }
}
