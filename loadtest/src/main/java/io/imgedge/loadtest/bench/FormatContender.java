package io.imgedge.loadtest.bench;

import io.imgedge.loadtest.origin.PhotoOrigin;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the AVIF side-by-side: a server and how it is asked for the task (cover crop to width
 * x height, in one format), and the format its answer must be to count as that format.
 *
 * @param name the row's name, e.g. {@code imgedge-avif}
 * @param server {@code imgedge} or {@code ipx}
 * @param expected what the answer must be (by its bytes)
 * @param spec imgedge's query string, or ipx's modifiers
 * @param description what the row is, for the report
 */
record FormatContender(
    String name, String server, Signature expected, String spec, String description) {
  static final String IMGEDGE = "imgedge";
  static final String IPX = "ipx";

  /** Every contender the scenario knows, by name, for {@code width} x {@code height}. */
  static Map<String, FormatContender> all(int width, int height) {
    String crop = "width=" + width + "&height=" + height + "&fit=crop";
    String cover = "s_" + width + "x" + height + ",fit_cover";
    Map<String, FormatContender> all = new LinkedHashMap<>();
    for (FormatContender c :
        List.of(
            new FormatContender(
                "imgedge-avif",
                IMGEDGE,
                Signature.AVIF,
                crop + "&format=avif",
                "imgedge, format=avif at its default AVIF quality (no quality parameter)"),
            new FormatContender(
                "imgedge-jpeg",
                IMGEDGE,
                Signature.JPEG,
                crop + "&format=jpg",
                "imgedge, format=jpg at its default JPEG quality"),
            new FormatContender(
                "imgedge-jxl",
                IMGEDGE,
                Signature.JXL,
                crop + "&format=jxl",
                "imgedge, format=jxl at its default JPEG XL quality"),
            new FormatContender(
                "imgedge-webp",
                IMGEDGE,
                Signature.WEBP,
                crop + "&format=webp",
                "imgedge, format=webp at its default WebP quality"),
            new FormatContender(
                "ipx-avif-q60",
                IPX,
                Signature.AVIF,
                cover + ",f_avif,q_60",
                "ipx (sharp), f_avif,q_60"),
            new FormatContender(
                "ipx-avif",
                IPX,
                Signature.AVIF,
                cover + ",f_avif",
                "ipx (sharp), f_avif at sharp's default AVIF quality (50)"),
            new FormatContender(
                "ipx-jpeg",
                IPX,
                Signature.JPEG,
                cover + ",f_jpeg",
                "ipx (sharp), f_jpeg at sharp's default JPEG quality (80)"))) {
      all.put(c.name(), c);
    }
    return all;
  }

  /** The contenders a default run measures. */
  static final List<String> DEFAULT =
      List.of("imgedge-avif", "imgedge-jpeg", "imgedge-jxl", "ipx-avif-q60", "ipx-avif");

  /**
   * The request for the photo's name {@code n}, sent to {@code base}, which fetches from {@code
   * origin}.
   */
  URI url(URI base, URI origin, long n) {
    String source = PhotoOrigin.path(server, n);
    if (server.equals(IMGEDGE)) {
      return URI.create(base + source + "?" + spec);
    }
    return URI.create(
        base + "/" + spec + "/" + URLEncoder.encode(origin + source, StandardCharsets.UTF_8));
  }

  /** The request as a pattern for the report, {@code N} standing for the name's number. */
  String pattern() {
    String source = PhotoOrigin.path(server, 0).replace("000000", "N");
    return server.equals(IMGEDGE)
        ? source + "?" + spec
        : "/" + spec + "/<url-encoded http://127.0.0.1:ORIGIN" + source + ">";
  }
}
