package io.imgedge.loadtest.gatling;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * How each server under test spells "source i at width w in format f", so that one workload runs
 * against all of them.
 */
public enum UrlStyle {
  /** imgedge: the Fastly IO query API on the source's path. */
  IMGEDGE,
  /** ipx: {@code /w_W,f_F/<encoded source URL>}. */
  IPX,
  /**
   * nginx image_filter: {@code /resize/W/<source path>}; it cannot change formats, so f is ignored.
   */
  NGINX_FILTER;

  /**
   * The request path.
   *
   * @param sourcePath the source's path at the origin, e.g. {@code /img/3.jpg}
   * @param origin the origin's base URL, for styles that name the source by URL
   * @param width the width in pixels
   * @param format {@code jpg}, {@code webp} or {@code png}
   */
  public String path(String sourcePath, String origin, int width, String format) {
    return switch (this) {
      case IMGEDGE -> sourcePath + "?width=" + width + "&format=" + format;
      case IPX ->
          "/w_"
              + width
              + ",f_"
              + ipxFormat(format)
              + "/"
              + URLEncoder.encode(origin + sourcePath, StandardCharsets.UTF_8);
      case NGINX_FILTER -> "/resize/" + width + sourcePath;
    };
  }

  private static String ipxFormat(String format) {
    return format.equals("jpg") ? "jpeg" : format;
  }

  /**
   * The style named on a command line or in a property ({@code imgedge}, {@code ipx}, {@code
   * nginx-filter}).
   */
  public static UrlStyle parse(String name) {
    return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
