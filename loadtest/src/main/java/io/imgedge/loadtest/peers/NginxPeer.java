package io.imgedge.loadtest.peers;

import io.imgedge.loadtest.gatling.UrlStyle;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * nginx in one of two roles: {@code nginx-static} serves a file (the same bytes imgedge serves from
 * memory: the ceiling for cache hits), {@code nginx-image_filter} resizes what it proxies from the
 * origin with the image_filter module (libgd), without a cache.
 */
public final class NginxPeer implements Peer {
  private static final Path FILTER_MODULE =
      Path.of("/usr/lib/nginx/modules/ngx_http_image_filter_module.so");

  /** The role. */
  public enum Mode {
    STATIC,
    FILTER
  }

  private final Mode mode;
  private final Process process;
  private final int port;

  private NginxPeer(Mode mode, Process process, int port) {
    this.mode = mode;
    this.process = process;
    this.port = port;
  }

  /**
   * Starts nginx with its own configuration under {@code dir}.
   *
   * @param mode the role
   * @param root the folder served (STATIC)
   * @param origin the origin to proxy (FILTER)
   */
  public static NginxPeer start(Mode mode, Path root, URI origin, Path dir)
      throws IOException, InterruptedException {
    Path nginx = Processes.which("nginx", "/usr/sbin/nginx");
    if (nginx == null) {
      throw new IOException("nginx is not installed (Debian: apt-get install nginx)");
    }
    if (mode == Mode.FILTER && !Files.exists(FILTER_MODULE)) {
      throw new IOException(
          "the image_filter module is not installed (Debian: apt-get install libnginx-mod-http-image-filter)");
    }
    Path prefix =
        Files.createDirectories(
            dir.resolve("nginx-" + mode.name().toLowerCase(java.util.Locale.ROOT)));
    Files.createDirectories(prefix.resolve("tmp"));
    int port = Processes.freePort();
    Path conf =
        Files.writeString(prefix.resolve("nginx.conf"), config(mode, port, root, origin, prefix));
    Path log = prefix.resolve("stdout.log");
    Process p =
        Processes.start(
            List.of(nginx.toString(), "-p", prefix.toString(), "-c", conf.toString()), prefix, log);
    Processes.awaitPort(p, port, Duration.ofSeconds(20), log);
    return new NginxPeer(mode, p, port);
  }

  static String config(Mode mode, int port, Path root, URI origin, Path prefix) {
    String location =
        mode == Mode.STATIC
            ? "root " + root + ";"
            : """
          location ~ ^/resize/(\\d+)(/.*)$ {
                proxy_pass http://origin$2;
                proxy_http_version 1.1;
                proxy_set_header Connection "";
                image_filter resize $1 -;
                image_filter_buffer 32M;
                image_filter_jpeg_quality 85;
              }""";
    return """
        %s
        worker_processes 2;
        daemon off;
        pid %s/nginx.pid;
        error_log %s/error.log warn;
        events { worker_connections 4096; }
        http {
          access_log off;
          sendfile on;
          tcp_nopush on;
          keepalive_requests 1000000;
          types { image/jpeg jpg; image/webp webp; image/png png; }
          client_body_temp_path %s/tmp; proxy_temp_path %s/tmp; fastcgi_temp_path %s/tmp;
          uwsgi_temp_path %s/tmp; scgi_temp_path %s/tmp;
          upstream origin { server %s:%d; keepalive 32; }
          server {
            listen 127.0.0.1:%d;
            %s
          }
        }
        """
        .formatted(
            mode == Mode.FILTER ? "load_module " + FILTER_MODULE + ";" : "",
            prefix,
            prefix,
            prefix,
            prefix,
            prefix,
            prefix,
            prefix,
            origin.getHost(),
            origin.getPort(),
            port,
            location);
  }

  @Override
  public String name() {
    return mode == Mode.STATIC ? "nginx-static" : "nginx-image_filter";
  }

  @Override
  public UrlStyle style() {
    return UrlStyle.NGINX_FILTER;
  }

  @Override
  public URI url() {
    return URI.create("http://127.0.0.1:" + port);
  }

  @Override
  public OptionalLong transforms() {
    return OptionalLong
        .empty(); // nginx counts nothing; without a cache, every proxied answer is resized
  }

  @Override
  public String note() {
    return mode == Mode.STATIC
        ? "nginx-static: nginx "
            + NginxVersion.get()
            + ", 2 workers, sendfile, serving the derivative imgedge made as a file"
        : "nginx-image_filter: nginx "
            + NginxVersion.get()
            + " image_filter (libgd), 2 workers, proxying the origin"
            + " without a cache (every request is a fetch and a resize); it cannot convert formats, so it"
            + " answers in the source's format (JPEG)";
  }

  @Override
  public void close() {
    Processes.stop(process);
  }

  /** nginx's version, from {@code nginx -v}. */
  static final class NginxVersion {
    private NginxVersion() {}

    static String get() {
      try {
        Process p = new ProcessBuilder("nginx", "-v").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        return out.contains("/") ? out.substring(out.indexOf('/') + 1).split(" ")[0] : out;
      } catch (IOException e) {
        return "?";
      }
    }
  }
}
