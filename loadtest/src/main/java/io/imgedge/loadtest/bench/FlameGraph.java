package io.imgedge.loadtest.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import org.jspecify.annotations.Nullable;

/**
 * A flame graph of the CPU samples of a JFR recording (issue 15: the cache-hit path), drawn as a
 * self-contained SVG, with the same stacks as folded text beside it.
 *
 * <p>What is read: the recording's {@code jdk.ExecutionSample} events (a thread running Java code)
 * and, when the recording has them, its {@code jdk.NativeMethodSample} events (a thread in a native
 * method: a socket read or write, {@code epoll_wait}). The leaf frame of a native sample gets the
 * suffix {@code _[n]} and the native colour. A native sample of a thread waiting for work ({@link
 * #IDLE}: {@code EPoll.wait} and the like) is left out unless asked for, and counted ({@link
 * #idleSamples()}): JFR takes one native sample per period, from the threads in native code in
 * turn, so every idle selector thread of the process would otherwise take as many samples as a busy
 * one. (For the same reason the native part of a graph is not to scale with the Java part: the Java
 * sampler takes several threads per period.) With a thread pattern, only samples of threads whose
 * name (Java name, else OS name) matches it as a whole count, for example {@code XNIO-.*I/O.*} for
 * Undertow's IO threads. A stack JFR cut at its depth limit starts with a {@code [truncated]}
 * frame, so that such stacks stay together and are seen.
 *
 * <p>A frame is {@code class.method} with every package segment but the last shortened to its first
 * letter ({@code io.undertow.server.protocol.http.HttpReadListener} becomes {@code
 * i.u.s.p.http.HttpReadListener}), and the address of a hidden class dropped ({@code
 * Foo$$Lambda/0x0000...}, in JFR {@code Foo$$Lambda.0x0000...}, becomes {@code Foo$$Lambda}).
 *
 * <p>The SVG: the root at the bottom, each frame a rectangle as wide as its share of the samples,
 * children in name order (as Brendan Gregg's flamegraph.pl orders them: a flame graph's x axis is
 * not time), a {@code <title>} per frame with its name, samples and percentage (a browser shows it
 * as a tooltip when the SVG is opened on its own), colours by kind ({@link Kind}) with a shade
 * taken from the name, and a heading with the title, the recording's description and the total.
 * Siblings narrower than the minimum share (by default 0.1 % of all samples) are merged into one
 * grey frame when together they reach it, and left out otherwise, with what they called. The folded
 * text has one {@code frame;frame;frame count} line per distinct stack, root first, in name order,
 * for flamegraph.pl, speedscope and the like; its counts sum to {@link #samples()}. The output
 * depends only on the recording and the options.
 *
 * <p>No dependency beyond the JDK: {@code jdk.jfr.consumer} reads the recording.
 */
public final class FlameGraph {
  /** Siblings below this share of all samples are merged or left out of the SVG: 0.1 %. */
  public static final double DEFAULT_MIN_SHARE = 0.001;

  /** The suffix of the leaf frame of a {@code jdk.NativeMethodSample}. */
  public static final String NATIVE_SUFFIX = "_[n]";

  /**
   * Native methods where a thread waits for work rather than does it: a native sample whose leaf is
   * one of these is idle.
   */
  public static final Set<String> IDLE =
      Set.of(
          "sun.nio.ch.EPoll.wait",
          "sun.nio.ch.KQueue.poll",
          "sun.nio.ch.WEPoll.wait",
          "sun.nio.ch.Net.poll",
          "java.lang.Object.wait0",
          "java.lang.Thread.sleep0",
          "java.lang.Thread.sleepNanos0",
          "jdk.internal.misc.Unsafe.park");

  static final String TRUNCATED = "[truncated]";
  private static final String ROOT_NAME = "all";
  private static final Pattern HIDDEN_CLASS_ADDRESS = Pattern.compile("[./]0x[0-9a-fA-F]+$");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  // The SVG's geometry, in pixels.
  private static final int WIDTH = 1200;
  private static final int PAD = 10;
  private static final int FRAME_HEIGHT = 16;
  private static final int FONT_SIZE = 11;
  private static final double CHAR_WIDTH = 0.6 * FONT_SIZE; // monospace
  private static final int HEADING_HEIGHT = 92;

  /** What a frame belongs to, for its colour. */
  public enum Kind {
    /** imgedge's own code ({@code io.imgedge}). */
    IMGEDGE("imgedge", 110),
    /** The JDK ({@code java}, {@code javax}, {@code jdk}, {@code sun}, {@code com.sun}). */
    JDK("JDK", 35),
    /** The HTTP server: Undertow, XNIO and JBoss's helpers. */
    SERVER("Undertow / XNIO", 205),
    /** Any other library (Micrometer, Caffeine, ...). */
    LIBRARY("other libraries", 280),
    /** The leaf of a native-method sample. */
    NATIVE("native method", 0),
    /** The root, {@code [truncated]}, and merged small frames. */
    MARKER("", -1);

    private final String label;
    private final int hue;

    Kind(String label, int hue) {
      this.label = label;
      this.hue = hue;
    }

    /** The kind of a frame of class {@code className} (a binary name). */
    static Kind of(String className) {
      if (className.startsWith("io.imgedge.")) {
        return IMGEDGE;
      }
      if (className.startsWith("io.undertow.")
          || className.startsWith("org.xnio.")
          || className.startsWith("org.jboss.")) {
        return SERVER;
      }
      if (className.startsWith("java.")
          || className.startsWith("javax.")
          || className.startsWith("jdk.")
          || className.startsWith("sun.")
          || className.startsWith("com.sun.")) {
        return JDK;
      }
      return LIBRARY;
    }
  }

  /** A frame of the merged stacks: its samples including callees, and its own. */
  private static final class Node {
    final String name;
    final Map<String, Node> children = new TreeMap<>();
    long total;
    long self;

    Node(String name) {
      this.name = name;
    }
  }

  /** The files {@link #write} wrote. */
  public record Written(Path svg, Path folded) {}

  private final String source;
  private final @Nullable Pattern threads;
  private final boolean keepIdle;
  private final Node root = new Node(ROOT_NAME);
  private final SortedMap<String, Long> folded = new TreeMap<>();
  private final Map<String, Kind> kinds = new HashMap<>();
  private final Set<String> recordings = new LinkedHashSet<>();
  private long executionSamples;
  private long nativeSamples;
  private long idleSamples;
  private @Nullable Instant first;
  private @Nullable Instant last;

  private FlameGraph(String source, @Nullable Pattern threads, boolean keepIdle) {
    this.source = source;
    this.threads = threads;
    this.keepIdle = keepIdle;
    kinds.put(ROOT_NAME, Kind.MARKER);
    kinds.put(TRUNCATED, Kind.MARKER);
  }

  /**
   * Reads the samples of the recording {@code jfr}, idle native samples left out.
   *
   * @param threads when not null, only samples of threads whose name matches it as a whole
   */
  public static FlameGraph read(Path jfr, @Nullable Pattern threads) throws IOException {
    return read(jfr, threads, false);
  }

  /**
   * Reads the samples of the recording {@code jfr}.
   *
   * @param threads when not null, only samples of threads whose name matches it as a whole
   * @param keepIdle whether native samples in {@link #IDLE} methods count
   */
  public static FlameGraph read(Path jfr, @Nullable Pattern threads, boolean keepIdle)
      throws IOException {
    FlameGraph graph = new FlameGraph(String.valueOf(jfr.getFileName()), threads, keepIdle);
    try (RecordingFile file = new RecordingFile(jfr)) {
      while (file.hasMoreEvents()) {
        graph.accept(file.readEvent());
      }
    }
    return graph;
  }

  private void accept(RecordedEvent event) {
    String type = event.getEventType().getName();
    if (type.equals("jdk.ActiveRecording") && event.hasField("name")) {
      recordings.add(String.valueOf(event.getString("name")));
      return;
    }
    boolean isNative = type.equals("jdk.NativeMethodSample");
    if (!isNative && !type.equals("jdk.ExecutionSample")) {
      return;
    }
    RecordedStackTrace stack = event.getStackTrace();
    if (stack == null || stack.getFrames().isEmpty() || !threadMatches(event)) {
      return;
    }
    List<RecordedFrame> frames = stack.getFrames(); // leaf first
    if (isNative && !keepIdle && isIdle(frames.getFirst().getMethod())) {
      idleSamples++;
      return;
    }
    List<String> names = new ArrayList<>(frames.size() + 1);
    if (stack.isTruncated()) {
      names.add(TRUNCATED);
    }
    for (int i = frames.size() - 1; i >= 0; i--) {
      RecordedMethod method = frames.get(i).getMethod();
      String className = method.getType().getName();
      String name = frameName(className, method.getName());
      Kind kind = Kind.of(className);
      if (isNative && i == 0) {
        name += NATIVE_SUFFIX;
        kind = Kind.NATIVE;
      }
      kinds.putIfAbsent(name, kind);
      names.add(name);
    }
    add(names);
    if (isNative) {
      nativeSamples++;
    } else {
      executionSamples++;
    }
    Instant t = event.getStartTime();
    if (first == null || t.isBefore(first)) {
      first = t;
    }
    if (last == null || t.isAfter(last)) {
      last = t;
    }
  }

  private static boolean isIdle(RecordedMethod method) {
    return IDLE.contains(method.getType().getName() + "." + method.getName());
  }

  private boolean threadMatches(RecordedEvent event) {
    Pattern p = threads;
    if (p == null) {
      return true;
    }
    RecordedThread thread = event.getThread("sampledThread");
    if (thread == null) {
      return false;
    }
    String javaName = thread.getJavaName();
    String name = javaName != null ? javaName : thread.getOSName();
    return name != null && p.matcher(name).matches();
  }

  private void add(List<String> stack) {
    folded.merge(String.join(";", stack), 1L, Long::sum);
    Node node = root;
    node.total++;
    for (String name : stack) {
      node = node.children.computeIfAbsent(name, Node::new);
      node.total++;
    }
    node.self++;
  }

  /**
   * A frame's name: {@code class.method}, the class's package segments but the last shortened to
   * their first letter, a hidden class's address dropped, and no {@code ;} (the folded format's
   * separator).
   */
  static String frameName(String className, String method) {
    String cls = HIDDEN_CLASS_ADDRESS.matcher(className).replaceAll("");
    int lastDot = cls.lastIndexOf('.');
    StringBuilder out = new StringBuilder(cls.length() + method.length() + 1);
    if (lastDot >= 0) {
      String[] segments = cls.substring(0, lastDot).split("\\.");
      for (int i = 0; i < segments.length; i++) {
        String s = segments[i];
        out.append(i < segments.length - 1 && !s.isEmpty() ? s.substring(0, 1) : s).append('.');
      }
    }
    out.append(cls, lastDot + 1, cls.length()).append('.').append(method);
    return out.toString().replace(';', ':');
  }

  /** The samples counted: execution samples plus native ones, of the matching threads. */
  public long samples() {
    return executionSamples + nativeSamples;
  }

  /** The {@code jdk.ExecutionSample} events counted. */
  public long executionSamples() {
    return executionSamples;
  }

  /** The {@code jdk.NativeMethodSample} events counted. */
  public long nativeSamples() {
    return nativeSamples;
  }

  /** The native samples left out as idle ({@link #IDLE}); 0 when they were kept. */
  public long idleSamples() {
    return idleSamples;
  }

  /** Each distinct stack ({@code frame;frame;...}, root first) and its samples, in name order. */
  public SortedMap<String, Long> folded() {
    return Collections.unmodifiableSortedMap(folded);
  }

  /** The folded stacks as text: {@code frame;frame;frame count} lines, in name order. */
  public String foldedText() {
    StringBuilder out = new StringBuilder();
    folded.forEach((stack, n) -> out.append(stack).append(' ').append(n).append('\n'));
    return out.toString();
  }

  /** The {@code n} frames with the most samples of their own (leaf frames), most first. */
  public List<Map.Entry<String, Long>> topSelf(int n) {
    Map<String, Long> self = new TreeMap<>();
    folded.forEach((stack, count) -> self.merge(leaf(stack), count, Long::sum));
    return self.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(n)
        .map(e -> Map.entry(e.getKey(), e.getValue()))
        .toList();
  }

  private static String leaf(String stack) {
    return stack.substring(stack.lastIndexOf(';') + 1);
  }

  /**
   * What the heading says about the recording: its file and JFR recording names, when its samples
   * start, over how long, and which threads count.
   */
  public String description() {
    StringBuilder out = new StringBuilder(source);
    if (!recordings.isEmpty()) {
      out.append(" (recording ").append(String.join(", ", recordings)).append(')');
    }
    Instant from = first;
    Instant to = last;
    if (from != null && to != null) {
      out.append(", samples from ")
          .append(TIME.format(from))
          .append(String.format(Locale.ROOT, " over %.1f s", seconds(Duration.between(from, to))));
    }
    Pattern p = threads;
    out.append(p == null ? ", all threads" : ", threads matching " + p.pattern());
    return out.toString();
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }

  /**
   * The flame graph as a self-contained SVG document.
   *
   * @param title the heading's first line; when null, the recording's file name
   * @param minShare siblings below this share of all samples are merged or left out (0 to 1)
   */
  public String svg(@Nullable String title, double minShare) {
    long all = samples();
    double minSamples = Math.max(minShare * all, Double.MIN_VALUE);
    int depth = drawnDepth(root, minSamples);
    int height = HEADING_HEIGHT + depth * FRAME_HEIGHT + PAD;
    StringBuilder svg = new StringBuilder(64 * 1024);
    svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n")
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append("\" font-family=\"DejaVu Sans Mono, Menlo, Consolas, monospace\" font-size=\"")
        .append(FONT_SIZE)
        .append("\">\n")
        .append("<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"#fdfdf8\"/>\n");
    String heading = title != null && !title.isBlank() ? title : source;
    text(svg, WIDTH / 2.0, 22, "middle", 16, heading);
    text(svg, WIDTH / 2.0, 40, "middle", FONT_SIZE, description());
    text(
        svg,
        WIDTH / 2.0,
        55,
        "middle",
        FONT_SIZE,
        String.format(
            Locale.ROOT,
            "%,d samples (%,d jdk.ExecutionSample, %,d jdk.NativeMethodSample%s)",
            all,
            executionSamples,
            nativeSamples,
            keepIdle
                ? ", idle ones included"
                : String.format(Locale.ROOT, "; %,d idle native ones left out", idleSamples)));
    legend(svg, minShare);
    if (all > 0) {
      double scale = (WIDTH - 2.0 * PAD) / all;
      draw(svg, root, 0, 0, height - PAD, scale, minSamples, all);
    } else {
      text(svg, WIDTH / 2.0, height - PAD - 4, "middle", FONT_SIZE, "no samples");
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static void legend(StringBuilder svg, double minShare) {
    double x = PAD;
    int y = 66;
    for (Kind k : Kind.values()) {
      if (k == Kind.MARKER) {
        continue;
      }
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>\n",
              x,
              y,
              colour(k, k.label)));
      text(svg, x + 16, y + 10, "start", FONT_SIZE, k.label);
      x += 16 + k.label.length() * CHAR_WIDTH + 18;
    }
    text(
        svg,
        WIDTH - PAD,
        y + 10,
        "end",
        FONT_SIZE,
        String.format(
            Locale.ROOT,
            "width = share of samples; x order = names, not time; frames under %s %% merged",
            trimmed(minShare * 100)));
  }

  private static String trimmed(double percent) {
    String s = String.format(Locale.ROOT, "%.3f", percent);
    return s.replaceAll("\\.?0+$", "");
  }

  /** The rows the SVG needs: the deepest chain of frames that are drawn. */
  private static int drawnDepth(Node node, double minSamples) {
    int d = 0;
    long small = 0;
    for (Node c : node.children.values()) {
      if (c.total >= minSamples) {
        d = Math.max(d, drawnDepth(c, minSamples));
      } else {
        small += c.total;
      }
    }
    if (small >= minSamples) {
      d = Math.max(d, 1);
    }
    return d + 1;
  }

  private void draw(
      StringBuilder svg,
      Node node,
      long offset,
      int level,
      int bottom,
      double scale,
      double minSamples,
      long all) {
    frame(
        svg,
        node.name,
        kinds.getOrDefault(node.name, Kind.MARKER),
        node.total,
        node.self,
        offset,
        level,
        bottom,
        scale,
        all);
    long x = offset;
    int smallFrames = 0;
    long small = 0;
    for (Node c : node.children.values()) {
      if (c.total >= minSamples) {
        draw(svg, c, x, level + 1, bottom, scale, minSamples, all);
        x += c.total;
      } else {
        smallFrames++;
        small += c.total;
      }
    }
    if (small >= minSamples) {
      String name =
          String.format(
              Locale.ROOT,
              "[%d frame%s, each under the minimum]",
              smallFrames,
              plural(smallFrames));
      frame(svg, name, Kind.MARKER, small, 0, x, level + 1, bottom, scale, all);
    }
  }

  private static String plural(int n) {
    return n == 1 ? "" : "s";
  }

  private static void frame(
      StringBuilder svg,
      String name,
      Kind kind,
      long total,
      long self,
      long offset,
      int level,
      int bottom,
      double scale,
      long all) {
    double x = PAD + offset * scale;
    double w = total * scale;
    double y = bottom - (level + 1) * FRAME_HEIGHT;
    String title =
        String.format(
            Locale.ROOT,
            "%s: %,d sample%s (%.2f %%)%s",
            name,
            total,
            total == 1 ? "" : "s",
            100.0 * total / all,
            self > 0 && self != total
                ? String.format(Locale.ROOT, ", %,d own (%.2f %%)", self, 100.0 * self / all)
                : "");
    svg.append("<g><title>").append(escape(title)).append("</title>");
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"%d\" rx=\"2\" fill=\"%s\"/>",
            x,
            y,
            Math.max(w - 0.5, 0.1),
            FRAME_HEIGHT - 1,
            colour(kind, name)));
    int chars = (int) ((w - 6) / CHAR_WIDTH);
    if (chars >= 3) {
      String label = name.length() <= chars ? name : name.substring(0, chars - 2) + "..";
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.2f\" y=\"%.1f\">%s</text>",
              x + 3,
              y + FRAME_HEIGHT - 4.5,
              escape(label)));
    }
    svg.append("</g>\n");
  }

  /** A line of text; one too long for the width is squeezed into it. */
  private static void text(
      StringBuilder svg, double x, double y, String anchor, int size, String content) {
    double room = WIDTH - 2.0 * PAD;
    String squeeze =
        content.length() * 0.6 * size > room
            ? String.format(
                Locale.ROOT, " textLength=\"%.0f\" lengthAdjust=\"spacingAndGlyphs\"", room)
            : "";
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\"%s>%s</text>\n",
            x,
            y,
            anchor,
            size,
            squeeze,
            escape(content)));
  }

  /** The fill of a frame: its kind's hue, a shade from its name (the same name, the same shade). */
  static String colour(Kind kind, String name) {
    if (kind == Kind.MARKER) {
      return "rgb(200,200,200)";
    }
    int h = name.hashCode();
    double saturation = 0.55 + ((h & 0xff) / 255.0) * 0.25;
    double lightness = 0.58 + (((h >>> 8) & 0xff) / 255.0) * 0.17;
    double hue = kind.hue + (((h >>> 16) & 0xff) / 255.0 - 0.5) * 16;
    return rgb(hue, saturation, lightness);
  }

  private static String rgb(double hue, double s, double l) {
    double c = (1 - Math.abs(2 * l - 1)) * s;
    double hp = ((hue % 360 + 360) % 360) / 60;
    double x = c * (1 - Math.abs(hp % 2 - 1));
    double[] rgb =
        switch ((int) hp) {
          case 0 -> new double[] {c, x, 0};
          case 1 -> new double[] {x, c, 0};
          case 2 -> new double[] {0, c, x};
          case 3 -> new double[] {0, x, c};
          case 4 -> new double[] {x, 0, c};
          default -> new double[] {c, 0, x};
        };
    double m = l - c / 2;
    return String.format(
        Locale.ROOT,
        "rgb(%d,%d,%d)",
        Math.round((rgb[0] + m) * 255),
        Math.round((rgb[1] + m) * 255),
        Math.round((rgb[2] + m) * 255));
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(ch < 0x20 && ch != '\t' ? '?' : ch);
      }
    }
    return out.toString();
  }

  /**
   * Writes {@code name.svg} and {@code name.folded.txt} into {@code dir} (created when missing).
   *
   * @param title the SVG heading's first line; when null, the recording's file name
   * @param minShare siblings below this share of all samples are merged or left out of the SVG
   */
  public Written write(Path dir, String name, @Nullable String title, double minShare)
      throws IOException {
    Files.createDirectories(dir);
    Path svgFile = dir.resolve(name + ".svg");
    Path foldedFile = dir.resolve(name + ".folded.txt");
    Files.writeString(svgFile, svg(title, minShare), StandardCharsets.UTF_8);
    Files.writeString(foldedFile, foldedText(), StandardCharsets.UTF_8);
    return new Written(svgFile, foldedFile);
  }
}
