package io.imgedge.edge.packaged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import io.imgedge.edge.packaged.Readme.Command;
import io.imgedge.edge.testing.TestCertificates;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: every command block of README.md is run as a reader would run it, from the repository
 * root through the launcher, and what its comments promise is checked. Ports become free loopback
 * ports (through the {@code IMGEDGE_NODE_*} variables, or the flag's value when the line gives one)
 * and {@code ~} a scratch home; nothing else is changed. A command the README gains without a rule
 * here fails {@link #everyCommandBlock()}: add a rule that runs it.
 *
 * <p>What cannot run here is checked instead, and says why: {@code apt-get} (needs the network and
 * root: {@code .ci/run} must install the same packages), {@code docker} (no container engine), the
 * load scenarios and benchmarks that take minutes (the loadtest module's ReadmeLoadtestCommandsTest
 * parses them; ScenarioSmokeTest runs each scenario briefly), JMH and the OCI build (their profiles
 * must exist), and {@code ./imgedge test} (this run: {@code .ci/run} must end with it).
 */
@Tag("packaged")
class ReadmeCommandsTest {
  private static final Path ROOT =
      Path.of(System.getProperty("imgedge.root.dir", "..")).toAbsolutePath().normalize();
  private static final Path SAMPLES = ROOT.resolve("shield/src/main/resources/samples");
  private static final String TOKEN = "readme-admin-token-" + Long.toHexString(System.nanoTime());
  private static final Pattern LISTENING =
      Pattern.compile(
          "imgedge all-in-one listening on http://127\\.0\\.0\\.1:(\\d+) \\(admin http://127\\.0\\.0\\.1:(\\d+)\\)");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final HttpClient PATIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

  private static Readme readme;
  private static Launched node;
  private static String readyLine;
  private static int port;
  private static int adminPort;
  @TempDir static Path work;

  /**
   * The README's {@code ./imgedge run}, started once: the curl lines and the URL tables talk to it.
   */
  @BeforeAll
  static void startTheNodeTheReadmeTalksTo() throws Exception {
    readme = Readme.load(ROOT.resolve("README.md"));
    node = launch("imgedge run", List.of("run"), Map.of());
    Matcher m = node.awaitLine(LISTENING, Launched.seconds(180));
    readyLine = m.group();
    port = Integer.parseInt(m.group(1));
    adminPort = Integer.parseInt(m.group(2));
  }

  @AfterAll
  static void stopIt() throws Exception {
    if (node != null) {
      node.close();
    }
    if (tlsNode != null) {
      tlsNode.close();
    }
  }

  @Test
  void theReadyLine_isTheOneTheReadmeQuotes() {
    String quoted = readme.readyLine();
    // The README shows the default addresses; this node was given loopback and free ports.
    String pattern =
        Pattern.quote(quoted)
            .replaceAll("0\\.0\\.0\\.0|127\\.0\\.0\\.1", "\\\\E[\\\\d.]+\\\\Q")
            .replaceAll(":\\d+", "\\\\E:\\\\d+\\\\Q");
    String line =
        node.output().lines().filter(l -> l.contains(" listening on ")).findFirst().orElseThrow();
    assertThat(line).as("the node's ready line").containsPattern(pattern);
    assertThat(readyLine).isNotEmpty();
  }

  @TestFactory
  Stream<DynamicTest> everyCommandBlock() {
    return readme.commands().stream().map(c -> dynamicTest(c.toString(), () -> rule(c).run(c)));
  }

  /**
   * Each URL of the "URL examples" and "Supported parameters" tables answers 200 with an image (or,
   * for {@code format=mp4}, a video).
   */
  @TestFactory
  Stream<DynamicTest> everyUrlExample() {
    return readme.tableUrls().stream()
        .map(
            url ->
                dynamicTest(
                    url,
                    () -> {
                      HttpResponse<byte[]> r = get(url, Map.of());
                      assertThat(r.statusCode())
                          .as(url + ": " + new String(r.body(), StandardCharsets.UTF_8))
                          .isEqualTo(200);
                      String type = r.headers().firstValue("Content-Type").orElse("");
                      assertThat(type).matches("image/.+|video/mp4"); // format=mp4: video
                      UrlClaims.check(url, r);
                    }));
  }

  // ---- the rules: which README lines run how ----

  private interface Runner {
    void run(Command c) throws Exception;
  }

  private record Rule(Pattern pattern, Runner runner) {}

  private static final List<Rule> RULES =
      List.of(
          new Rule(
              Pattern.compile("^apt-get install (.+)$"), ReadmeCommandsTest::ciInstallsThePackages),
          new Rule(Pattern.compile("^\\./imgedge run$"), c -> theNodeIsReady()),
          new Rule(Pattern.compile("^\\./imgedge run .+$"), ReadmeCommandsTest::runWithOptions),
          new Rule(Pattern.compile("^\\./imgedge test$"), c -> ciRunsThisCommand(c.text())),
          new Rule(Pattern.compile("^\\./imgedge cluster .+$"), ReadmeCommandsTest::localCluster),
          new Rule(
              Pattern.compile("^\\./imgedge shield --config shield\\.yaml$"),
              ReadmeCommandsTest::shieldPop),
          new Rule(
              Pattern.compile("^\\./imgedge edge --config edge\\.yaml$"),
              ReadmeCommandsTest::edgePop),
          new Rule(
              Pattern.compile("^IMGEDGE_TLS_CERT=\\S+ IMGEDGE_TLS_KEY=\\S+ \\./imgedge run$"),
              ReadmeCommandsTest::tlsRun),
          new Rule(Pattern.compile("^curl --http2 -k .+$"), ReadmeCommandsTest::tlsCurl),
          new Rule(Pattern.compile("^curl .+$"), ReadmeCommandsTest::curl),
          new Rule(Pattern.compile("^kubectl .+$"), ReadmeCommandsTest::kubectl),
          new Rule(Pattern.compile("^JAZZER_FUZZ=1 \\./mvnw .+$"), ReadmeCommandsTest::fuzzBriefly),
          new Rule(
              Pattern.compile("^\\./mvnw .* -P(jmh|oci) .+$"),
              ReadmeCommandsTest::mavenProfileExists),
          new Rule(
              Pattern.compile("^\\./imgedge loadtest .+$"),
              ReadmeCommandsTest::checkedByTheLoadtestModule),
          new Rule(
              Pattern.compile("^loadtest/bench/side-by-side\\.sh$"),
              c -> executableScript("loadtest/bench/side-by-side.sh")),
          new Rule(
              Pattern.compile("^loadtest/bench/hit-vs-nginx\\.sh$"),
              ReadmeCommandsTest::hitVsNginxBriefly),
          new Rule(
              Pattern.compile("^loadtest/bench/hit-profile\\.sh$"),
              ReadmeCommandsTest::hitProfileScript),
          new Rule(
              Pattern.compile("^docker (load|run) .+$"),
              c -> assertThat(ROOT.resolve("edge/pom.xml")).content().contains("<id>oci</id>")));

  private static Runner rule(Command c) {
    return RULES.stream()
        .filter(r -> r.pattern().matcher(c.text()).matches())
        .findFirst()
        .map(Rule::runner)
        .orElseGet(
            () ->
                x -> fail(c + "\nno rule in ReadmeCommandsTest runs this README command: add one"));
  }

  // ---- set-up and CI ----

  private static void ciInstallsThePackages(Command c) throws IOException {
    String ci = Files.readString(ROOT.resolve(".ci/run"));
    for (String pkg : c.text().substring("apt-get install ".length()).trim().split("\\s+")) {
      assertThat(ci).as(".ci/run installs " + pkg).contains(pkg);
    }
  }

  private static void ciRunsThisCommand(String command) throws IOException {
    List<String> lines =
        Files.readAllLines(ROOT.resolve(".ci/run")).stream()
            .filter(l -> !l.isBlank() && !l.startsWith("#"))
            .toList();
    assertThat(lines.getLast()).as("the last thing .ci/run does").isEqualTo(command);
  }

  // ---- nodes ----

  private static void theNodeIsReady() throws Exception {
    assertThat(node.isAlive()).isTrue();
    assertThat(admin("/health/ready").statusCode()).isEqualTo(200);
  }

  /**
   * {@code ./imgedge run --origin DIR}, {@code --origin URL --port P --admin-port A}, {@code
   * --config FILE}.
   */
  private static void runWithOptions(Command c) throws Exception {
    Path home = Files.createDirectories(work.resolve("home-" + c.line()));
    List<String> args =
        new ArrayList<>(Arrays.asList(c.text().substring("./imgedge ".length()).split("\\s+")));
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.startsWith("~/")) {
        Path folder = Files.createDirectories(home.resolve(a.substring(2)));
        Files.copy(SAMPLES.resolve("photo.jpg"), folder.resolve("holiday.jpg"));
        args.set(i, folder.toString());
      } else if ((a.equals("--port") || a.equals("--admin-port")) && i + 1 < args.size()) {
        args.set(i + 1, String.valueOf(freePort()));
      }
    }
    try (Launched other = launch(c.toString(), args, Map.of("HOME", home.toString()))) {
      Matcher m =
          other.awaitLine(
              Pattern.compile(
                  "listening on http://127\\.0\\.0\\.1:(\\d+) \\(admin http://127\\.0\\.0\\.1:(\\d+)\\), serving (.*)$"),
              Launched.seconds(180));
      int otherPort = Integer.parseInt(m.group(1));
      String serving = m.group(3);
      int origin = args.indexOf("--origin");
      if (origin >= 0 && args.get(origin + 1).startsWith("http")) {
        assertThat(serving).isEqualTo(args.get(origin + 1));
      } else if (origin >= 0) {
        assertThat(get(otherPort, "/holiday.jpg?width=100", Map.of()).statusCode()).isEqualTo(200);
      } else {
        // config/examples/all-in-one.yaml: its folder origin under /static/, the samples at /
        assertThat(get(otherPort, "/static/photo.jpg?width=100", Map.of()).statusCode())
            .isEqualTo(200);
        assertThat(get(otherPort, "/logo.png?width=100", Map.of()).statusCode()).isEqualTo(200);
      }
      int p = args.indexOf("--port");
      if (p >= 0) {
        assertThat(otherPort)
            .as("the port the line gives")
            .isEqualTo(Integer.parseInt(args.get(p + 1)));
      }
    }
  }

  /**
   * {@code ./imgedge cluster --edges N --shields M [--origin DIR|URL]}: prints a line per node, as
   * the block shows.
   */
  private static void localCluster(Command c) throws Exception {
    String line = c.text().replaceAll("\\s*\\[[^]]*]", "");
    List<String> args = Arrays.asList(line.substring("./imgedge ".length()).split("\\s+"));
    int edges = Integer.parseInt(args.get(args.indexOf("--edges") + 1));
    int shields = Integer.parseInt(args.get(args.indexOf("--shields") + 1));
    try (Launched cluster = launch(c.toString(), args, Map.of())) {
      List<Pattern> shown =
          c.output().stream()
              .filter(o -> !o.equals("..."))
              .map(
                  o ->
                      Pattern.compile(
                          "^" + Pattern.quote(o).replaceAll(":\\d+", "\\\\E:\\\\d+\\\\Q") + "$"))
              .toList();
      assertThat(shown).as("the block shows the lines it prints").isNotEmpty();
      for (Pattern p : shown) {
        cluster.awaitLine(p, Launched.seconds(240));
      }
      cluster.awaitLine(Pattern.compile("^purge token"), Launched.seconds(240));
      List<String> edgeUrls =
          cluster
              .output()
              .lines()
              .filter(l -> l.startsWith("edge http://"))
              .map(l -> l.split(" ")[1])
              .toList();
      assertThat(edgeUrls).hasSize(edges);
      assertThat(cluster.output().lines().filter(l -> l.startsWith("shield http://")))
          .hasSize(shields);
      List<String> etags = new ArrayList<>();
      for (String edge : edgeUrls) {
        // five JVMs have just started on this machine's two cores: give the first answer time
        HttpResponse<byte[]> r =
            PATIENT.send(
                HttpRequest.newBuilder(URI.create(edge + "/photo.jpg?width=120"))
                    .timeout(Duration.ofSeconds(60))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        etags.add(r.headers().firstValue("ETag").orElseThrow());
      }
      assertThat(etags)
          .as("one rendering, the same ETag at every edge")
          .containsOnly(etags.getFirst());
    }
  }

  private static Launched shield;
  private static HttpServer origin;
  private static int shieldInternal;

  /**
   * {@code ./imgedge shield --config shield.yaml}: shield.yaml is config/examples/shield-pop.yaml
   * moved to loopback (addresses, ports, a local HTTP origin instead of images.example.com).
   */
  private static void shieldPop(Command c) throws Exception {
    Path originDir = Files.createDirectories(work.resolve("origin/uploads"));
    Files.copy(SAMPLES.resolve("photo.jpg"), originDir.resolve("photo.jpg"));
    origin =
        SimpleFileServer.createFileServer(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            work.resolve("origin"),
            SimpleFileServer.OutputLevel.NONE);
    origin.start();
    shieldInternal = freePort();
    int shieldAdmin = freePort();
    String yaml =
        onLoopback(Files.readString(ROOT.resolve("config/examples/shield-pop.yaml")))
            .replace("10.0.2.21:8082", "127.0.0.1:" + shieldInternal)
            .replace("internal-port: 8082", "internal-port: " + shieldInternal)
            .replace("admin-port: 8081", "admin-port: " + shieldAdmin)
            .replace("port: 5701", "port: " + freePort());
    Path file = Files.writeString(work.resolve("shield.yaml"), yaml);
    shield = launch(c.toString(), List.of("shield", "--config", file.toString()), Map.of());
    awaitReady(shield, shieldAdmin);
  }

  /**
   * {@code ./imgedge edge --config edge.yaml}: config/examples/edge-pop.yaml on loopback, in front
   * of the shield above.
   */
  private static void edgePop(Command c) throws Exception {
    assertThat(shield).as("the README starts the shield first").isNotNull();
    try (Launched s = shield) {
      int edgePublic = freePort();
      int edgeAdmin = freePort();
      int edgeInternal = freePort();
      String yaml =
          onLoopback(Files.readString(ROOT.resolve("config/examples/edge-pop.yaml")))
              .replace("10.0.2.21:8082", "127.0.0.1:" + shieldInternal)
              .replace("10.0.1.11:8082", "127.0.0.1:" + edgeInternal)
              .replace("internal-port: 8082", "internal-port: " + edgeInternal)
              .replace("public-port: 8080", "public-port: " + edgePublic)
              .replace("admin-port: 8081", "admin-port: " + edgeAdmin)
              .replace("port: 5701", "port: " + freePort());
      Path file = Files.writeString(work.resolve("edge.yaml"), yaml);
      try (Launched edge =
          launch(c.toString(), List.of("edge", "--config", file.toString()), Map.of())) {
        awaitReady(edge, edgeAdmin);
        CurlResult r =
            curlRun(
                List.of(
                    "curl",
                    "-s",
                    "-D",
                    "-",
                    "-o",
                    work.resolve("pop.jpg").toString(),
                    "-H",
                    "Host: img.example.com",
                    "http://127.0.0.1:" + edgePublic + "/photo.jpg?width=300"));
        assertThat(r.stdout())
            .as(edge.output())
            .startsWith("HTTP/1.1 200")
            .containsIgnoringCase("content-type: image/jpeg");
        assertThat(ImageIO.read(work.resolve("pop.jpg").toFile()).getWidth()).isEqualTo(300);
      }
    } finally {
      shield = null;
      origin.stop(0);
    }
  }

  /**
   * An example configuration moved to loopback: every address, its members, a private origin
   * allowed.
   */
  private static String onLoopback(String yaml) {
    return yaml.replaceAll("(?m)^(\\s*)members: \\[.*]", "$1members: [127.0.0.1]")
        .replaceAll(", http://10\\.0\\.2\\.22:8082", "")
        .replaceAll(
            "(?m)^(\\s*)name: imgedge-",
            "$1name: readme-" + Long.toHexString(System.nanoTime()) + "-imgedge-")
        .replaceAll(
            "(?m)^(\\s*)url: https://images\\.example\\.com/uploads(.*)$",
            "$1url: http://127.0.0.1:"
                + origin.getAddress().getPort()
                + "/uploads$2\n$1allow-private: true")
        .replace("0.0.0.0", "127.0.0.1")
        .replaceAll("(internal-bind|bind): 10\\.0\\.\\d+\\.\\d+", "$1: 127.0.0.1");
  }

  /**
   * Waits for the node's start-up line (printed once it serves), then for its admin port to say
   * ready.
   */
  private static void awaitReady(Launched process, int admin) throws Exception {
    process.awaitLine(
        Pattern.compile("imgedge (shield|edge) .*\\(admin http://127\\.0\\.0\\.1:" + admin + "\\)"),
        Launched.seconds(180));
    io.imgedge.edge.testing.Await.until(
        process + " answers /health/ready with 200",
        () -> {
          try {
            return HTTP.send(
                        HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + admin + "/health/ready"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                        HttpResponse.BodyHandlers.discarding())
                    .statusCode()
                == 200;
          } catch (IOException e) {
            return false;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
          }
        });
  }

  // ---- curl ----

  private record CurlResult(int exit, String stdout) {}

  /**
   * A curl line as written (the README's ports replaced by this node's), then what its comment
   * promises.
   */
  private static Launched tlsNode;

  private static int tlsPort;

  /**
   * {@code IMGEDGE_TLS_CERT=... IMGEDGE_TLS_KEY=... ./imgedge run}: with a certificate and key made
   * here by keytool, through the launcher; the node says it listens on https.
   */
  private static void tlsRun(Command c) throws Exception {
    Path dir = Files.createDirectories(work.resolve("tls"));
    TestCertificates.Pair pair = TestCertificates.create(dir, "readme", "EC");
    tlsNode =
        launch(
            c.toString(),
            List.of("run"),
            Map.of(
                "IMGEDGE_TLS_CERT", pair.cert().toString(),
                "IMGEDGE_TLS_KEY", pair.key().toString()));
    Matcher m =
        tlsNode.awaitLine(
            Pattern.compile("listening on https://127\\.0\\.0\\.1:(\\d+) "), Launched.seconds(180));
    tlsPort = Integer.parseInt(m.group(1));
  }

  /**
   * {@code curl --http2 -k https://...}: against the TLS node, the status line the comment says.
   */
  private static void tlsCurl(Command c) throws Exception {
    assertThat(tlsNode).as("the TLS node the line before starts").isNotNull();
    String line = c.text().replaceAll("127\\.0\\.0\\.1:8080", "127.0.0.1:" + tlsPort);
    CurlResult r = curlRun(new ProcessBuilder("bash", "-c", line));
    assertThat(r.exit()).as(line + "\n" + r.stdout()).isZero();
    assertThat(c.comment()).as(c + ": say in a comment what the reader sees").isNotEmpty();
    assertThat(r.stdout()).as(line).startsWith(c.comment().trim());
  }

  /**
   * {@code kubectl ...}: no Kubernetes here; KubernetesManifestsTest validates ops/k8s. What a line
   * names must be what the manifests use: the kustomization it applies, the namespace, the secret.
   */
  private static void kubectl(Command c) throws IOException {
    Path k8s = ROOT.resolve("ops/k8s");
    String manifests;
    try (var files = Files.list(k8s)) {
      StringBuilder all = new StringBuilder();
      for (Path f : files.toList()) {
        all.append(Files.readString(f));
      }
      manifests = all.toString();
    }
    Matcher apply = Pattern.compile("apply -k (\\S+)").matcher(c.text());
    if (apply.find()) {
      assertThat(ROOT.resolve(apply.group(1)).resolve("kustomization.yaml")).exists();
    }
    Matcher namespace = Pattern.compile("(?:create namespace|-n) (\\S+)").matcher(c.text());
    while (namespace.find()) {
      assertThat(manifests).contains("namespace: " + namespace.group(1));
    }
    Matcher secret = Pattern.compile("create secret generic (\\S+)").matcher(c.text());
    if (secret.find()) {
      assertThat(manifests).contains("name: " + secret.group(1));
    }
  }

  private static void curl(Command c) throws Exception {
    Path dir = Files.createDirectories(work.resolve("curl"));
    String line =
        c.text()
            .replaceAll("(localhost|127\\.0\\.0\\.1):8080", "127.0.0.1:" + port)
            .replaceAll("(localhost|127\\.0\\.0\\.1):8081", "127.0.0.1:" + adminPort);
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", line).directory(dir.toFile());
    pb.environment().put("IMGEDGE_ADMIN_TOKEN", TOKEN);
    CurlResult r = curlRun(pb);
    assertThat(r.exit()).as(line + "\n" + r.stdout()).isZero();
    assertThat(c.comment()).as(c + ": say in a comment what the reader sees").isNotEmpty();
    CurlClaims.check(c, line, r.stdout(), dir);
  }

  private static CurlResult curlRun(List<String> command) throws Exception {
    return curlRun(new ProcessBuilder(command));
  }

  private static CurlResult curlRun(ProcessBuilder pb) throws Exception {
    Process p = pb.redirectErrorStream(true).start();
    CompletableFuture<String> out =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
              } catch (IOException e) {
                return e.toString();
              }
            });
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("timed out: " + pb.command());
    }
    return new CurlResult(p.exitValue(), out.get(10, TimeUnit.SECONDS));
  }

  /**
   * What a curl line's comment promises: a status, a media type, a width, a header, or printed
   * text.
   */
  private static final class CurlClaims {
    private static final Pattern STATUS = Pattern.compile("^(\\d{3})\\b");
    private static final Pattern TYPE = Pattern.compile("\\b(image/[\\w+.-]+|video/mp4)");
    private static final Pattern WIDE = Pattern.compile("\\b(\\d+) px wide");
    private static final Pattern HEADER = Pattern.compile("^([A-Za-z-]+): (\\S+)$");
    private static final Pattern OUTPUT_FILE = Pattern.compile("-o (\\S+)");

    static void check(Command c, String line, String stdout, Path dir) throws IOException {
      String claim = c.comment();
      boolean checked = false;
      if (claim.startsWith("prints ")) {
        assertThat(stdout).contains(claim.substring("prints ".length()));
        return;
      }
      Matcher header = HEADER.matcher(claim);
      if (header.matches()) {
        assertThat(stdout)
            .as(line)
            .containsPattern(
                "(?im)^"
                    + Pattern.quote(header.group(1))
                    + ": "
                    + Pattern.quote(header.group(2))
                    + "\\s*$");
        return;
      }
      Matcher status = STATUS.matcher(claim);
      if (status.find()) {
        assertThat(stdout).as(line).startsWith("HTTP/1.1 " + status.group(1));
        checked = true;
      }
      Matcher type = TYPE.matcher(claim);
      if (type.find()) {
        assertThat(stdout)
            .as(line)
            .containsPattern("(?im)^content-type: " + Pattern.quote(type.group(1)) + "\\s*$");
        checked = true;
      }
      Matcher wide = WIDE.matcher(claim);
      if (wide.find()) {
        Matcher file = OUTPUT_FILE.matcher(line);
        assertThat(file.find()).as(line + " saves the image (-o)").isTrue();
        BufferedImage image = ImageIO.read(dir.resolve(file.group(1)).toFile());
        assertThat(image).as("the saved image decodes").isNotNull();
        assertThat(image.getWidth()).isEqualTo(Integer.parseInt(wide.group(1)));
        checked = true;
      }
      assertThat(checked)
          .as(c + ": the comment '" + claim + "' says nothing this test can check")
          .isTrue();
    }
  }

  // ---- build, benchmark and load commands ----

  /**
   * {@code JAZZER_FUZZ=1 ./mvnw ...}: run as written, for 5 s ({@code JAZZER_MAX_DURATION}, as the
   * README says), by the Maven wrapper with the PATH this test has (on this machine kind its {@code
   * java} is 17, so the wrapper must find the JDK 25 itself).
   */
  private static void fuzzBriefly(Command c) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder("bash", "-c", c.text() + " -B -q").directory(ROOT.toFile());
    pb.environment().remove("JAVA_HOME");
    pb.environment().put("JAZZER_MAX_DURATION", "5s");
    pb.environment().remove("MAVEN_OPTS");
    CurlResult r = curlRun(pb, 600);
    assertThat(r.exit()).as(c + "\n" + tail(r.stdout())).isZero();
  }

  private static CurlResult curlRun(ProcessBuilder pb, int seconds) throws Exception {
    Process p = pb.redirectErrorStream(true).start();
    CompletableFuture<String> out =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
              } catch (IOException e) {
                return e.toString();
              }
            });
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("timed out after " + seconds + " s: " + pb.command());
    }
    return new CurlResult(p.exitValue(), out.get(10, TimeUnit.SECONDS));
  }

  /**
   * {@code -Pjmh} runs take 2 to 5 minutes and {@code -Poci} rebuilds the jar the other tests run
   * from; neither runs here: the profile they name must exist in the module they name.
   */
  private static void mavenProfileExists(Command c) throws IOException {
    Matcher m = Pattern.compile("-P(\\w+) ").matcher(c.text());
    assertThat(m.find()).isTrue();
    String module = c.text().replaceAll(".*-pl (\\w+).*", "$1");
    assertThat(ROOT.resolve(module + "/pom.xml")).content().contains("<id>" + m.group(1) + "</id>");
  }

  /**
   * The loadtest module builds after this one, and the launcher would build it (and the jar these
   * tests run) on first use: its own ReadmeLoadtestCommandsTest parses these lines and runs the
   * {@code --help} ones.
   */
  private static void checkedByTheLoadtestModule(Command c) {
    assertThat(
            ROOT.resolve(
                "loadtest/src/test/java/io/imgedge/loadtest/ReadmeLoadtestCommandsTest.java"))
        .exists();
  }

  /**
   * Issue 15's hit-path comparison, one round of one second per answer instead of three of eight:
   * it must start the node and nginx, check both answer 304 to their ETags, and print the three
   * ratios.
   */
  private static void hitVsNginxBriefly(Command c) throws Exception {
    int port = freePortWithNeighbours();
    ProcessBuilder pb =
        new ProcessBuilder("bash", "-c", c.text() + " --rounds 1 --duration 1 --port " + port)
            .directory(ROOT.toFile());
    CurlResult r = curlRun(pb, 300);
    assertThat(r.exit()).as(c + "\n" + tail(r.stdout())).isZero();
    assertThat(r.stdout())
        .containsPattern("(?m)^large +\\d+ +\\d+ +\\d+\\.\\d\\dx$")
        .containsPattern("(?m)^small +\\d+ +\\d+ +\\d+\\.\\d\\dx$")
        .containsPattern("(?m)^304 +\\d+ +\\d+ +\\d+\\.\\d\\dx$");
  }

  /**
   * Issue 15's flame graphs of the hit path: the script runs the loadtest module's {@code flame}
   * command, which the launcher would build from here (see {@link #checkedByTheLoadtestModule});
   * the script must be executable and its JFR settings beside it.
   */
  private static void hitProfileScript(Command c) {
    executableScript("loadtest/bench/hit-profile.sh");
    assertThat(ROOT.resolve("loadtest/bench/hit-profile.jfc"))
        .content()
        .contains("jdk.ExecutionSample", "jdk.NativeMethodSample");
  }

  /** A free port whose next two and tenth neighbours are free too (hit-vs-nginx.sh uses them). */
  private static int freePortWithNeighbours() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int port = freePort();
      if (port < 65500 && bindable(port + 1) && bindable(port + 2) && bindable(port + 10)) {
        return port;
      }
    }
    throw new IOException("no free port with free neighbours");
  }

  private static boolean bindable(int port) {
    try (var s = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void executableScript(String path) {
    assertThat(ROOT.resolve(path)).isExecutable();
  }

  // ---- helpers ----

  /**
   * Starts a README command through the launcher, on loopback and free ports unless its
   * configuration file says.
   */
  private static Launched launch(String name, List<String> args, Map<String, String> env)
      throws IOException {
    ProcessBuilder pb = new ProcessBuilder(launcherCommand(args)).directory(ROOT.toFile());
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().put("IMGEDGE_ADMIN_TOKEN", TOKEN);
    pb.environment().putAll(env);
    if (args.contains("--config") && !args.getFirst().equals("run")) {
      return Launched.start(name, pb); // shield.yaml and edge.yaml give their own loopback ports
    }
    pb.environment().put("IMGEDGE_NODE_PUBLIC_BIND", "127.0.0.1");
    pb.environment().put("IMGEDGE_NODE_PUBLIC_PORT", "0");
    pb.environment().put("IMGEDGE_NODE_ADMIN_PORT", "0");
    pb.environment().put("IMGEDGE_NODE_INTERNAL_BIND", "127.0.0.1");
    pb.environment().put("IMGEDGE_NODE_INTERNAL_PORT", "0");
    return Launched.start(name, pb);
  }

  private static List<String> launcherCommand(List<String> args) {
    List<String> command =
        new ArrayList<>(List.of("/bin/bash", ROOT.resolve("imgedge").toString()));
    command.addAll(args);
    return command;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static HttpResponse<byte[]> get(String pathAndQuery, Map<String, String> headers)
      throws Exception {
    return get(port, pathAndQuery, headers);
  }

  private static HttpResponse<byte[]> get(int to, String pathAndQuery, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to + pathAndQuery))
            .timeout(Duration.ofSeconds(60));
    headers.forEach(b::header);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static HttpResponse<String> admin(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String tail(String output) {
    List<String> lines = output.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }
}
