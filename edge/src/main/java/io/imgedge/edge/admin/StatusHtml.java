package io.imgedge.edge.admin;

import java.util.Locale;

/** The status as an HTML page that refreshes itself every 5 seconds. */
final class StatusHtml {
  private StatusHtml() {}

  static String render(NodeStatus s) {
    StringBuilder h =
        new StringBuilder(
            """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>imgedge status</title>
        <meta http-equiv="refresh" content="5">
        <style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:1.5rem auto;padding:0 1rem}
        table{border-collapse:collapse;margin:.5rem 0 1.2rem}td,th{border:1px solid #ddd;padding:.25rem .6rem;text-align:left}
        td.n{text-align:right}.ok{color:#15803d}.bad{color:#b91c1c}code{background:#f3f3f3;padding:0 .3rem}</style>
        </head><body>
        """);
    h.append("<h1>imgedge ")
        .append(esc(s.role()))
        .append(" <small>")
        .append(esc(s.version()))
        .append("</small></h1>\n");
    h.append("<p><code>")
        .append(esc(s.description()))
        .append("</code></p>\n<p>up ")
        .append(s.uptime().toSeconds())
        .append(" s, ")
        .append(s.ready() ? "<b class=ok>ready</b>" : "<b class=bad>not ready</b>")
        .append(
            " &middot; <a href=\"/status?format=json\">JSON</a> &middot; <a href=\"/metrics\">metrics</a></p>\n");
    members(h, s);
    tiers(h, s);
    h.append("<h2>Top sources</h2>\n<table><tr><th>source</th><th>requests</th></tr>\n");
    s.topSources()
        .forEach(
            e ->
                h.append("<tr><td>")
                    .append(esc(e.source()))
                    .append("</td><td class=n>")
                    .append(e.requests())
                    .append("</td></tr>\n"));
    h.append("</table>\n<h2>Limits and queue</h2>\n<table>\n");
    s.limits().forEach((k, v) -> row(h, k, v));
    if (s.queue() != null) {
      row(
          h,
          "transforms running / concurrency",
          s.queue().active() + " / " + s.queue().concurrency());
      row(h, "transforms waiting / queue", s.queue().queued() + " / " + s.queue().capacity());
    }
    h.append("</table>\n<h2>Codecs</h2>\n<table>\n");
    s.codecs().forEach((k, v) -> row(h, k, v));
    h.append("</table>\n");
    disks(h, s);
    h.append("<h2>Counters</h2>\n<table>\n");
    s.counters().forEach((k, v) -> row(h, k, String.valueOf(v)));
    return h.append("</table>\n</body></html>\n").toString();
  }

  private static void members(StringBuilder h, NodeStatus s) {
    h.append(
        "<h2>Cluster members</h2>\n<table><tr><th>member</th><th>internal URL</th><th>share of keys</th></tr>\n");
    s.members()
        .forEach(
            m ->
                h.append("<tr><td>")
                    .append(esc(m.address()))
                    .append(m.self() ? " (this node)" : "")
                    .append("</td><td>")
                    .append(esc(m.internalUrl()))
                    .append("</td><td class=n>")
                    .append(pct(m.share()))
                    .append("</td></tr>\n"));
    h.append("</table>\n");
  }

  private static void tiers(StringBuilder h, NodeStatus s) {
    h.append(
        "<h2>Cache tiers</h2>\n<table><tr><th>tier</th><th>hits</th><th>misses</th><th>hit ratio</th></tr>\n");
    s.tiers()
        .forEach(
            t ->
                h.append("<tr><td>")
                    .append(esc(t.name()))
                    .append("</td><td class=n>")
                    .append(t.hits())
                    .append("</td><td class=n>")
                    .append(t.misses())
                    .append("</td><td class=n>")
                    .append(pct(t.ratio()))
                    .append("</td></tr>\n"));
    h.append("</table>\n");
  }

  private static void disks(StringBuilder h, NodeStatus s) {
    if (s.disks().isEmpty()) {
      return;
    }
    h.append(
        "<h2>Disk tiers</h2>\n<table><tr><th>tier</th><th>state</th><th>index</th><th>objects</th>"
            + "<th>MiB / max</th><th>writes waiting</th></tr>\n");
    for (var d : s.disks()) {
      String index =
          d.loadTime() == null
              ? "loading " + pct(d.loadProgress())
              : String.format(Locale.ROOT, "loaded in %.1f s", d.loadTime().toMillis() / 1e3);
      h.append("<tr><td>")
          .append(esc(d.tier()))
          .append("</td><td>")
          .append(esc(d.reason() == null ? d.state() : d.state() + ": " + d.reason()))
          .append("</td><td>")
          .append(esc(index))
          .append("</td><td class=n>")
          .append(d.objects())
          .append("</td><td class=n>")
          .append(
              String.format(
                  Locale.ROOT, "%.1f / %.1f", d.bytes() / 1048576.0, d.maxBytes() / 1048576.0))
          .append("</td><td class=n>")
          .append(d.pendingWrites())
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static void row(StringBuilder h, String k, String v) {
    h.append("<tr><td>")
        .append(esc(k))
        .append("</td><td class=n>")
        .append(esc(v))
        .append("</td></tr>\n");
  }

  private static String pct(double ratio) {
    return String.format(Locale.ROOT, "%.1f %%", 100 * ratio);
  }

  static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
