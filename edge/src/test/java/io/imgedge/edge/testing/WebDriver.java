package io.imgedge.edge.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A headless Chromium driven over the W3C WebDriver protocol (plain HTTP to the system's
 * chromedriver, no client library): start it, open a page, find and type into elements, run a
 * script, quit. Loopback only; a fresh profile in a temporary folder.
 */
public final class WebDriver implements AutoCloseable {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
  private static final List<String> ARGS =
      List.of(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--window-size=1280,900");

  private final Process driver;
  private final URI base;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String session;

  private WebDriver(Process driver, URI base, Path profile)
      throws IOException, InterruptedException {
    this.driver = driver;
    this.base = base;
    String args =
        String.join(",", ARGS.stream().map(a -> quote(a)).toList())
            + ","
            + quote("--user-data-dir=" + profile);
    String body =
        "{\"capabilities\":{\"alwaysMatch\":{\"browserName\":\"chrome\",\"goog:chromeOptions\":"
            + "{\"binary\":"
            + quote(CHROMIUM.toString())
            + ",\"args\":["
            + args
            + "]}}}}";
    this.session = find(call("POST", "/session", body), "\"sessionId\"\\s*:\\s*\"([^\"]+)\"");
  }

  /**
   * Starts chromedriver and a browser session; skips the test when Chromium or chromedriver is
   * missing on a developer's machine, and fails it on CI ({@code CI=true}), where .ci/run installs
   * them.
   */
  public static WebDriver start(Path profile) throws IOException, InterruptedException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String why =
          "Chromium and chromedriver are needed at "
              + CHROMIUM
              + " and "
              + CHROMEDRIVER
              + " (Debian: apt-get install chromium chromium-driver; .ci/run installs them)";
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException(why);
      }
      Assumptions.abort(why);
    }
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Process p =
        new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port, "--allowed-ips=127.0.0.1")
            .redirectErrorStream(true)
            .redirectOutput(profile.resolveSibling("chromedriver.log").toFile())
            .start();
    URI base = URI.create("http://127.0.0.1:" + port);
    awaitReady(p, base);
    try {
      return new WebDriver(p, base, profile);
    } catch (IOException | RuntimeException e) {
      p.destroyForcibly();
      throw e;
    }
  }

  private static void awaitReady(Process p, URI base) throws InterruptedException, IOException {
    HttpClient c = HttpClient.newHttpClient();
    for (int i = 0; i < 100; i++) {
      try {
        if (c.send(
                HttpRequest.newBuilder(base.resolve("/status")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body()
            .contains("\"ready\":true")) {
          return;
        }
      } catch (IOException e) {
        if (!p.isAlive()) {
          throw new IOException("chromedriver exited at start-up");
        }
      }
      Thread.sleep(100);
    }
    throw new IOException("chromedriver did not become ready");
  }

  /** Opens a page. */
  public void open(URI page) throws IOException, InterruptedException {
    call("POST", "/session/" + session + "/url", "{\"url\":" + quote(page.toString()) + "}");
  }

  /** The id of the element a CSS selector finds. */
  public String element(String css) throws IOException, InterruptedException {
    String r =
        call(
            "POST",
            "/session/" + session + "/element",
            "{\"using\":\"css selector\",\"value\":" + quote(css) + "}");
    return find(r, "\"" + ELEMENT + "\"\\s*:\\s*\"([^\"]+)\"");
  }

  /** Clears an input and types text into it, as a user would. */
  public void type(String element, String text) throws IOException, InterruptedException {
    call("POST", "/session/" + session + "/element/" + element + "/clear", "{}");
    call(
        "POST",
        "/session/" + session + "/element/" + element + "/value",
        "{\"text\":" + quote(text) + "}");
  }

  /** Runs a script in the page and returns its JSON result (the {@code value} member, as text). */
  public String script(String js) throws IOException, InterruptedException {
    String r =
        call(
            "POST",
            "/session/" + session + "/execute/sync",
            "{\"script\":" + quote(js) + ",\"args\":[]}");
    return find(r, "^\\{\\s*\"value\"\\s*:\\s*(.*)\\}\\s*$");
  }

  /** Polls a script until it returns {@code true}, up to a timeout; returns whether it did. */
  public boolean await(String js, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (script(js).trim().equals("true")) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  private String call(String method, String path, String body)
      throws IOException, InterruptedException {
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  private static String find(String text, String regex) throws IOException {
    Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
    if (!m.find()) {
      throw new IOException("unexpected WebDriver answer: " + text);
    }
    return m.group(1);
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @Override
  public void close() {
    try {
      call("DELETE", "/session/" + session, "");
    } catch (IOException | InterruptedException e) {
      // the browser goes with chromedriver below
    } finally {
      driver.destroy();
    }
  }
}
