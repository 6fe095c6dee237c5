package io.imgedge.edge.admin;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The status as JSON, written by hand (the edge has no JSON library, and needs none for this). */
final class StatusJson {
  private StatusJson() {}

  static String render(NodeStatus s) {
    StringBuilder j = new StringBuilder("{");
    str(j, "role", s.role()).append(',');
    str(j, "version", s.version()).append(',');
    str(j, "description", s.description()).append(',');
    j.append("\"uptime_seconds\":").append(s.uptime().toSeconds()).append(',');
    j.append("\"ready\":").append(s.ready()).append(',');
    list(
            j,
            "members",
            s.members(),
            m ->
                obj(
                    b -> {
                      str(b, "address", m.address()).append(',');
                      str(b, "internal_url", m.internalUrl()).append(',');
                      b.append("\"self\":")
                          .append(m.self())
                          .append(",\"share\":")
                          .append(num(m.share()));
                    }))
        .append(',');
    list(
            j,
            "tiers",
            s.tiers(),
            t ->
                obj(
                    b -> {
                      str(b, "name", t.name())
                          .append(",\"hits\":")
                          .append(t.hits())
                          .append(",\"misses\":")
                          .append(t.misses())
                          .append(",\"hit_ratio\":")
                          .append(num(t.ratio()));
                    }))
        .append(',');
    list(
            j,
            "top_sources",
            s.topSources(),
            e ->
                obj(
                    b ->
                        str(b, "source", e.source()).append(",\"requests\":").append(e.requests())))
        .append(',');
    map(j, "limits", s.limits(), v -> quote(v)).append(',');
    j.append("\"queue\":");
    var queue = s.queue();
    j.append(
            queue == null
                ? "null"
                : obj(
                    b ->
                        b.append("\"concurrency\":")
                            .append(queue.concurrency())
                            .append(",\"capacity\":")
                            .append(queue.capacity())
                            .append(",\"active\":")
                            .append(queue.active())
                            .append(",\"queued\":")
                            .append(queue.queued())))
        .append(',');
    map(j, "counters", s.counters(), String::valueOf).append(',');
    map(j, "codecs", s.codecs(), v -> quote(v)).append(',');
    list(
        j,
        "disk",
        s.disks(),
        d ->
            obj(
                b -> {
                  str(b, "tier", d.tier()).append(',');
                  str(b, "state", d.state()).append(',');
                  b.append("\"reason\":")
                      .append(d.reason() == null ? "null" : quote(d.reason()))
                      .append(",\"index_progress\":")
                      .append(num(d.loadProgress()))
                      .append(",\"index_load_seconds\":")
                      .append(d.loadTime() == null ? "null" : num(d.loadTime().toMillis() / 1e3))
                      .append(",\"objects\":")
                      .append(d.objects())
                      .append(",\"bytes\":")
                      .append(d.bytes())
                      .append(",\"max_bytes\":")
                      .append(d.maxBytes())
                      .append(",\"pending_writes\":")
                      .append(d.pendingWrites());
                }));
    return j.append("}\n").toString();
  }

  private static <T> StringBuilder list(
      StringBuilder j, String name, List<T> items, Function<T, String> item) {
    j.append('"').append(name).append("\":[");
    for (int i = 0; i < items.size(); i++) {
      j.append(i == 0 ? "" : ",").append(item.apply(items.get(i)));
    }
    return j.append(']');
  }

  private static <V> StringBuilder map(
      StringBuilder j, String name, Map<String, V> m, Function<V, String> value) {
    j.append('"').append(name).append("\":{");
    boolean first = true;
    for (var e : new java.util.TreeMap<>(m).entrySet()) {
      j.append(first ? "" : ",")
          .append(quote(e.getKey()))
          .append(':')
          .append(value.apply(e.getValue()));
      first = false;
    }
    return j.append('}');
  }

  private static String obj(java.util.function.Consumer<StringBuilder> fields) {
    StringBuilder b = new StringBuilder("{");
    fields.accept(b);
    return b.append('}').toString();
  }

  private static StringBuilder str(StringBuilder j, String name, String value) {
    return j.append('"').append(name).append("\":").append(quote(value));
  }

  static String quote(String value) {
    StringBuilder q = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        default ->
            q.append(c < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return q.append('"').toString();
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
