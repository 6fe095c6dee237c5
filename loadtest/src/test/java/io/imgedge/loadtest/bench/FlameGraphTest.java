package io.imgedge.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Selector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import jdk.jfr.Recording;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * {@link FlameGraph} on a recording made here: a thread burns CPU in {@link #burnForTheFlameGraph}
 * for about a second while JFR samples every millisecond.
 */
class FlameGraphTest {
  private static final String BURNER = "flame-graph-test-burner";
  private static final String BURN_FRAME = "FlameGraphTest.burnForTheFlameGraph";
  private static final String WAITER = "flame-graph-test-waiter";

  @TempDir static Path dir;
  private static Path jfr;
  private static volatile long sink;

  @BeforeAll
  static void record() throws Exception {
    jfr = dir.resolve("burn.jfr");
    try (Recording recording = new Recording()) {
      recording.setName("flame-graph-test");
      recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
      recording.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(10));
      recording.enable("jdk.ActiveRecording").with("period", "everyChunk"); // its name
      try (Selector selector = Selector.open()) {
        Thread waiter = new Thread(() -> waitInTheSelector(selector), WAITER);
        waiter.start();
        recording.start();
        Thread burner = new Thread(() -> burnForTheFlameGraph(1_000), BURNER);
        burner.start();
        burner.join();
        recording.stop();
        selector.wakeup();
        waiter.join();
      }
      recording.dump(jfr);
    }
  }

  /** Waits in the selector (a native method: {@code EPoll.wait} on Linux) until woken. */
  private static void waitInTheSelector(Selector selector) {
    try {
      selector.select(10_000);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Spins for {@code millis} on arithmetic the JIT cannot drop. */
  private static void burnForTheFlameGraph(long millis) {
    long end = System.nanoTime() + millis * 1_000_000;
    long x = 0x9E3779B97F4A7C15L;
    while (System.nanoTime() < end) {
      for (int i = 0; i < 10_000; i++) {
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
      }
    }
    sink = x;
  }

  @Test
  void theBurningMethod_hasMostOfTheSamples_andTheFoldedLinesSumToThem() throws Exception {
    FlameGraph graph = FlameGraph.read(jfr, null);

    assertThat(graph.samples()).isGreaterThan(50);
    long sum = 0;
    for (String line : graph.foldedText().split("\n")) {
      assertThat(line).matches("\\S.* \\d+");
      sum += Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
    }
    assertThat(sum).isEqualTo(graph.samples());
    assertThat(share(graph, BURN_FRAME)).isGreaterThan(0.5);
    assertThat(graph.topSelf(1).getFirst().getKey()).endsWith(BURN_FRAME);
    assertThat(graph.folded().keySet())
        .anyMatch(s -> s.startsWith("j.lang.Thread.run;") && s.contains(BURN_FRAME));
  }

  @Test
  void theSvg_isWellFormed_andItsTitlesGiveTheBurningMethodsShare() throws Exception {
    FlameGraph graph = FlameGraph.read(jfr, null);
    FlameGraph.Written written = graph.write(dir.resolve("out"), "burn", "a <test> & title", 0.001);

    Document svg =
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(written.svg().toFile());
    assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
    String heading = svg.getElementsByTagName("text").item(0).getTextContent();
    assertThat(heading).isEqualTo("a <test> & title");
    assertThat(svg.getElementsByTagName("text").item(1).getTextContent())
        .contains("burn.jfr (recording flame-graph-test)");
    assertThat(svg.getElementsByTagName("text").item(2).getTextContent())
        .startsWith(String.format(java.util.Locale.ROOT, "%,d samples", graph.samples()));
    List<String> titles = titles(svg);
    assertThat(titles.getFirst()).startsWith("all: ").contains("(100.00 %)");
    Pattern burn =
        Pattern.compile(
            "^\\S*\\." + Pattern.quote(BURN_FRAME) + ": [\\d,]+ samples? \\((\\d+\\.\\d\\d) %\\)");
    double percent =
        titles.stream()
            .map(burn::matcher)
            .filter(Matcher::lookingAt)
            .mapToDouble(m -> Double.parseDouble(m.group(1)))
            .sum();
    assertThat(percent).isBetween(50.0, 100.0);
    assertThat(Files.readString(written.folded())).isEqualTo(graph.foldedText());
  }

  @Test
  void theThreadFilter_keepsOnlyTheMatchingThreads() throws Exception {
    FlameGraph burner = FlameGraph.read(jfr, Pattern.compile(BURNER));
    FlameGraph none = FlameGraph.read(jfr, Pattern.compile("no such thread"));
    FlameGraph partial = FlameGraph.read(jfr, Pattern.compile("flame-graph")); // a whole match
    FlameGraph burnerAndWaiter = FlameGraph.read(jfr, Pattern.compile("flame-graph-test-.*"), true);

    assertThat(burner.samples()).isPositive();
    assertThat(burnerAndWaiter.nativeSamples()).isPositive();
    assertThat(burnerAndWaiter.executionSamples()).isEqualTo(burner.executionSamples());
    assertThat(share(burner, BURN_FRAME)).isGreaterThan(0.9);
    assertThat(burner.description()).contains("threads matching " + BURNER);
    assertThat(none.samples()).isZero();
    assertThat(partial.samples()).isZero();
    DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(none.write(dir.resolve("none"), "none", null, 0.001).svg().toFile());
  }

  @Test
  void nativeSamples_ofAThreadWaitingForWork_areLeftOutAsIdle_unlessKept() throws Exception {
    Pattern waiter = Pattern.compile(WAITER);
    FlameGraph idleLeftOut = FlameGraph.read(jfr, waiter);
    FlameGraph idleKept = FlameGraph.read(jfr, waiter, true);

    assertThat(idleLeftOut.idleSamples()).isPositive();
    assertThat(idleLeftOut.nativeSamples()).isZero();
    assertThat(idleKept.idleSamples()).isZero();
    assertThat(idleKept.nativeSamples()).isEqualTo(idleLeftOut.idleSamples());
    assertThat(idleKept.folded().keySet())
        .isNotEmpty()
        .allMatch(s -> s.matches(".*\\.(EPoll\\.wait|KQueue\\.poll|WEPoll\\.wait)_\\[n\\]"));
    String svg = idleKept.svg("kept", FlameGraph.DEFAULT_MIN_SHARE);
    assertThat(svg)
        .contains("wait_[n]: ")
        .contains(
            FlameGraph.colour(FlameGraph.Kind.NATIVE, idleKept.topSelf(1).getFirst().getKey()));
  }

  @Test
  void theSameRecording_givesTheSameBytes_andAHigherMinimumDrawsFewerFrames() throws Exception {
    String a = FlameGraph.read(jfr, null).svg(null, FlameGraph.DEFAULT_MIN_SHARE);
    String b = FlameGraph.read(jfr, null).svg(null, FlameGraph.DEFAULT_MIN_SHARE);
    String coarse = FlameGraph.read(jfr, null).svg(null, 0.2);

    assertThat(a).isEqualTo(b);
    assertThat(count(coarse, "<g>")).isLessThanOrEqualTo(count(a, "<g>"));
    assertThat(coarse).contains(BURN_FRAME);
  }

  @Test
  void frameNames_shortenThePackage_andDropAHiddenClassesAddress() {
    assertThat(
            FlameGraph.frameName(
                "io.undertow.server.protocol.http.HttpReadListener",
                "handleEventWithNoRunningRequest"))
        .isEqualTo("i.u.s.p.http.HttpReadListener.handleEventWithNoRunningRequest");
    assertThat(FlameGraph.frameName("io.imgedge.edge.front.FrontConnection$Reader", "<init>"))
        .isEqualTo("i.i.e.front.FrontConnection$Reader.<init>");
    assertThat(FlameGraph.frameName("a.B$$Lambda/0x000001f2a4c3b0", "run"))
        .isEqualTo("a.B$$Lambda.run");
    assertThat(
            FlameGraph.frameName(
                "io.imgedge.edge.front.FrontConnection$$Lambda.0x000000007653e218", "handleEvent"))
        .isEqualTo("i.i.e.front.FrontConnection$$Lambda.handleEvent");
    assertThat(FlameGraph.frameName("Top", "main")).isEqualTo("Top.main");
    assertThat(FlameGraph.Kind.of("org.xnio.nio.WorkerThread")).isEqualTo(FlameGraph.Kind.SERVER);
    assertThat(FlameGraph.Kind.of("sun.nio.ch.IOUtil")).isEqualTo(FlameGraph.Kind.JDK);
    assertThat(FlameGraph.Kind.of("io.micrometer.core.instrument.Timer"))
        .isEqualTo(FlameGraph.Kind.LIBRARY);
    assertThat(FlameGraph.colour(FlameGraph.Kind.IMGEDGE, "x"))
        .isEqualTo(FlameGraph.colour(FlameGraph.Kind.IMGEDGE, "x"))
        .isNotEqualTo(FlameGraph.colour(FlameGraph.Kind.JDK, "x"));
  }

  private static double share(FlameGraph graph, String frame) {
    long with =
        graph.folded().entrySet().stream()
            .filter(e -> e.getKey().contains(frame))
            .mapToLong(e -> e.getValue())
            .sum();
    return (double) with / graph.samples();
  }

  private static List<String> titles(Document svg) {
    NodeList nodes = svg.getElementsByTagName("title");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent());
    }
    return out;
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
