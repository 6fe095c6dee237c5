package io.imgedge.loadtest.hostile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Phase B: the hostile images of issue 13 (edge/src/test/resources/hostile), each asked in a few
 * ways by a patient client: status, time and the node's message. The issue allows the animated WebP
 * and the GIF's canvas a 4xx within 2 s, and the 16-bit PNG a 200 or a 4xx within 5 s.
 */
final class Bombs {
  /** The images' file names. */
  static final String WEBP = "bomb-webp-50-frames-12000x12000.webp";

  static final String GIF = "bomb-gif-12000-canvas-1000-frames.gif";
  static final String PNG = "bomb-png-16bit-12000x12000.png";
  static final List<String> IMAGES = List.of(WEBP, GIF, PNG);

  /** How each is asked. */
  static final List<String> QUERIES = List.of("width=100", "frame=1", "format=png");

  /**
   * One request for a bomb.
   *
   * @param image the file
   * @param reply the answer
   */
  record Row(String image, Reply reply) {
    /** The animated and canvas bombs must be refused; the PNG may be rendered. */
    boolean mayRender() {
      return image.equals(PNG);
    }

    /** What the issue allows, in ms: 2 s for the animated and canvas bombs, 5 s for the PNG. */
    long allowedMillis() {
      return mayRender() ? 5_000 : 2_000;
    }

    boolean meets() {
      boolean status =
          reply.status() >= 400 && reply.status() < 500 || mayRender() && reply.status() == 200;
      return status && reply.millis() >= 0 && reply.millis() <= allowedMillis();
    }

    String expected() {
      return (mayRender() ? "200 or 4xx" : "4xx") + " within " + allowedMillis() / 1000 + " s";
    }
  }

  private Bombs() {}

  static List<Row> run(Client client) {
    List<Row> rows = new ArrayList<>();
    for (String image : IMAGES) {
      for (String query : QUERIES) {
        rows.add(new Row(image, client.get("/" + image + "?" + query, Duration.ofSeconds(40))));
      }
    }
    return rows;
  }
}
