package io.imgedge.loadtest;

import java.util.Locale;

/** The cluster scenarios. */
enum Scenario {
  /** A Zipf mix of sources x widths x formats at a constant arrival rate, from a cold start. */
  ZIPF,
  /** A burst of users at once on a few cold derivatives: each must be fetched and rendered once. */
  STAMPEDE,
  /** The Zipf mix while purges of popular sources arrive at the edges' admin ports. */
  PURGE_STORM,
  /** The Zipf mix while an edge and a shield are killed mid-run. */
  FAULT;

  /** The command's name, e.g. {@code purge-storm}. */
  String command() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
