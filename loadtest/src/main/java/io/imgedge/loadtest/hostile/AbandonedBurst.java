package io.imgedge.loadtest.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Phase A: a burst of expensive requests from clients that leave. Each client opens a raw socket,
 * sends its GET and reads nothing; at the leave time (a scheduler's task, not a sleep) each one
 * looks at what has already arrived, without waiting, and closes its socket. A fixed time after the
 * clients have left, one ordinary miss is asked by a patient client (its status and time), and the
 * node's CPU time (utime + stime) is read from when that answer came to a window later.
 */
final class AbandonedBurst {
  /**
   * A kind of expensive request.
   *
   * @param name its name in the report
   * @param template the request with {@code %d} for its blur, e.g. {@code
   *     /tiny.png?width=8192&...&blur=%d&...}
   * @param firstBlur the first request's blur; each next one adds 1, so that every request is a
   *     different derivative
   */
  record Variant(String name, String template, int firstBlur) {
    String url(int i) {
      return String.format(java.util.Locale.ROOT, template, firstBlur + i);
    }

    /** The URL with the blur values spelt {@code 900..929}. */
    String pattern(int count) {
      return template.replace("%d", firstBlur + ".." + (firstBlur + count - 1));
    }
  }

  /**
   * What one burst gave.
   *
   * @param variant the requests
   * @param sent requests sent (sockets opened and written)
   * @param openFailures clients that could not connect or send
   * @param answered answers that had arrived when the clients left (read from what was there,
   *     without waiting)
   * @param abandoned clients that had received nothing when they left
   * @param cpuBurst the node's CPU seconds from the burst to the leave
   * @param atLeave the node's gauges just before the clients left
   * @param afterLeave the node's gauges one second after they left
   * @param cpuLeaveToMiss the node's CPU seconds from the leave until the ordinary miss was sent
   * @param leaveToMissSeconds how long that was
   * @param miss the ordinary miss
   * @param cpuWindow the node's CPU seconds over the window after the miss was answered
   * @param windowSeconds how long the window was
   * @param counts the node's own counts over the whole burst (answers by status, transforms by
   *     result)
   */
  record Result(
      Variant variant,
      int sent,
      List<String> openFailures,
      List<Reply> answered,
      int abandoned,
      double cpuBurst,
      NodeMetrics atLeave,
      NodeMetrics afterLeave,
      double cpuLeaveToMiss,
      double leaveToMissSeconds,
      Reply miss,
      double cpuWindow,
      double windowSeconds,
      NodeMetrics counts) {

    /** Answers before the leave, by status. */
    Map<String, Long> answeredByStatus() {
      Map<String, Long> out = new TreeMap<>();
      answered.forEach(r -> out.merge(r.statusText(), 1L, Long::sum));
      return out;
    }

    long refused() {
      return answered.stream().filter(r -> r.status() >= 400 && r.status() < 500).count();
    }

    /**
     * The burst's renders that ran to the end (the node's {@code result="ok"} transforms but the
     * ordinary miss's).
     */
    long rendersCompleted() {
      return Math.max(
          0, counts.transforms().getOrDefault("ok", 0L) - (miss.status() == 200 ? 1 : 0));
    }

    /**
     * The burst's renders that ended without an image: stopped when their client left, or refused
     * by a limit.
     */
    long rendersEnded() {
      return counts.transforms().getOrDefault("error", 0L);
    }

    /**
     * The burst's requests whose render never started (dropped from the queue when their client
     * left).
     */
    long rendersNeverStarted() {
      return Math.max(0, sent - rendersCompleted() - rendersEnded());
    }
  }

  private record Leave(
      NodeMetrics node, List<Reply> answered, int abandoned, long at, double cpu) {}

  private record Miss(double cpu, long sent, Reply reply) {}

  private record Asked(Socket socket, String url) {}

  private final URI node;
  private final URI admin;
  private final long pid;
  private final Client client;
  private final ScheduledExecutorService scheduler;

  AbandonedBurst(URI node, URI admin, long pid, Client client, ScheduledExecutorService scheduler) {
    this.node = node;
    this.admin = admin;
    this.pid = pid;
    this.client = client;
    this.scheduler = scheduler;
  }

  /**
   * One burst of {@code count} requests: the clients leave at {@code leave}, the ordinary miss
   * {@code missPath} is asked {@code missAfter} later, and the CPU window lasts {@code window}.
   */
  Result run(
      Variant variant,
      int count,
      Duration leave,
      Duration missAfter,
      String missPath,
      Duration window)
      throws Exception {
    NodeMetrics before = scrape();
    double cpu0 = ProcStats.cpuSeconds(pid);
    long t0 = System.nanoTime();
    List<Asked> sockets = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      try {
        sockets.add(new Asked(ask(variant.url(i)), variant.url(i)));
      } catch (IOException e) {
        failures.add(variant.url(i) + ": " + e);
      }
    }
    Leave left = at(t0, leave, () -> leave(sockets));
    NodeMetrics afterLeave =
        scheduler.schedule(this::scrape, 1, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS);
    Miss miss =
        at(
            left.at(),
            missAfter,
            () -> {
              double cpu = ProcStats.cpuSeconds(pid);
              long sent = System.nanoTime();
              return new Miss(cpu, sent, client.get(missPath, Duration.ofSeconds(30)));
            });
    double windowStart = ProcStats.cpuSeconds(pid);
    long answeredAt = System.nanoTime();
    double windowEnd = at(answeredAt, window, () -> ProcStats.cpuSeconds(pid));
    double windowSeconds = (System.nanoTime() - answeredAt) / 1e9;
    NodeMetrics after = scrape();
    return new Result(
        variant,
        sockets.size(),
        failures,
        left.answered(),
        left.abandoned(),
        left.cpu() - cpu0,
        left.node(),
        afterLeave,
        miss.cpu() - left.cpu(),
        (miss.sent() - left.at()) / 1e9,
        miss.reply(),
        windowEnd - windowStart,
        windowSeconds,
        after.since(before));
  }

  /** Runs {@code task} on the scheduler at {@code start + delay} and waits for it. */
  private <T> T at(long start, Duration delay, Supplier<T> task) throws Exception {
    long wait = Math.max(0, start + delay.toNanos() - System.nanoTime());
    return scheduler
        .schedule(task::get, wait, TimeUnit.NANOSECONDS)
        .get(delay.toSeconds() + 120, TimeUnit.SECONDS);
  }

  /** A client that asks and will not read: a raw socket with the request written. */
  private Socket ask(String path) throws IOException {
    Socket s = new Socket();
    try {
      s.connect(new InetSocketAddress(node.getHost(), node.getPort()), 5_000);
      s.getOutputStream()
          .write(
              ("GET "
                      + path
                      + " HTTP/1.1\r\nHost: "
                      + node.getHost()
                      + ":"
                      + node.getPort()
                      + "\r\nAccept: image/webp,image/png,*/*;q=0.8\r\nUser-Agent: imgedge-loadtest-hostile\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      return s;
    } catch (IOException e) {
      s.close();
      throw e;
    }
  }

  /**
   * The node's gauges are read; then every client looks at what has arrived (without waiting for
   * more) and hangs up.
   */
  private Leave leave(List<Asked> sockets) {
    NodeMetrics node = scrape();
    List<Reply> answered = new ArrayList<>();
    int abandoned = 0;
    for (Asked a : sockets) {
      Reply r = peek(a.socket(), a.url());
      if (r == null) {
        abandoned++;
      } else {
        answered.add(r);
      }
      try {
        a.socket().close();
      } catch (IOException e) {
        // gone already
      }
    }
    return new Leave(node, answered, abandoned, System.nanoTime(), ProcStats.cpuSeconds(pid));
  }

  /** The answer's start, if bytes have arrived; null when nothing has. Never blocks. */
  private static @Nullable Reply peek(Socket s, String url) {
    try {
      InputStream in = s.getInputStream();
      int available = in.available();
      if (available <= 0) {
        return null;
      }
      byte[] bytes = in.readNBytes(Math.min(available, 1 << 16));
      String text = new String(bytes, StandardCharsets.ISO_8859_1);
      int eol = text.indexOf("\r\n");
      String[] first = (eol < 0 ? text : text.substring(0, eol)).split(" ", 3);
      int status =
          first.length >= 2 && first[1].matches("\\d{3}") ? Integer.parseInt(first[1]) : -1;
      int split = text.indexOf("\r\n\r\n");
      String headers = split < 0 ? text : text.substring(0, split);
      String body =
          split < 0
              ? ""
              : new String(bytes, split + 4, bytes.length - split - 4, StandardCharsets.UTF_8);
      String type = header(headers, "content-type");
      return new Reply(
          url,
          status,
          -1,
          type,
          bytes.length,
          status / 100 == 2 ? "" : body.strip(),
          header(headers, "x-cache"));
    } catch (IOException e) {
      return Reply.failed(url, -1, e);
    }
  }

  private static String header(String headers, String name) {
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
        return line.substring(colon + 1).trim();
      }
    }
    return "";
  }

  private NodeMetrics scrape() {
    return NodeMetrics.parse(Client.metrics(client.http(), admin));
  }
}
