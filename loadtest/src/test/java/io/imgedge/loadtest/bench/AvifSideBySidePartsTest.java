package io.imgedge.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pieces of {@code avif-side-by-side} that decide what an answer is and whether a criterion
 * passed.
 */
class AvifSideBySidePartsTest {
  private static final byte[] AVIF = header("\0\0\0\u001cftypavif\0\0\0\0avifmif1miaf");
  private static final byte[] AVIF_COMPATIBLE = header("\0\0\0\u0018ftypmif1\0\0\0\0mif1avif");
  private static final byte[] HEIC = header("\0\0\0\u0018ftypheic\0\0\0\0mif1heic");
  private static final byte[] WEBP = header("RIFF\0\0\0\0WEBPVP8 ");
  private static final byte[] JXL = {(byte) 0xFF, 0x0A, 0, 0};
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0};

  @Test
  void signature_judgesTheBytes_notTheName() {
    assertThat(Signature.of(AVIF)).isEqualTo(Signature.AVIF);
    assertThat(Signature.of(AVIF_COMPATIBLE)).isEqualTo(Signature.AVIF);
    assertThat(Signature.of(HEIC)).isEqualTo(Signature.OTHER);
    assertThat(Signature.of(WEBP)).isEqualTo(Signature.WEBP);
    assertThat(Signature.of(JXL)).isEqualTo(Signature.JXL);
    assertThat(Signature.of(JPEG)).isEqualTo(Signature.JPEG);
    assertThat(Signature.ofMediaType("image/avif; charset=binary")).isEqualTo(Signature.AVIF);
    assertThat(answer("image/avif", WEBP).received()).isEqualTo("image/avif (bytes: WEBP)");
    assertThat(answer("image/webp", WEBP).received()).isEqualTo("image/webp");
  }

  @Test
  void aWebpAnsweredForAvif_failsTheAvifCriteria_withItsFiguresForInformationOnly() {
    List<FormatRow> rows =
        List.of(
            row("imgedge-avif", "image/webp", WEBP, 40_000, 0.97, 20, 20),
            row("imgedge-jpeg", "image/jpeg", JPEG, 80_000, 0.96, 30, 30),
            row("imgedge-jxl", "image/jxl", JXL, 70_000, 0.965, 10, 10),
            row("ipx-avif-q60", "image/avif", AVIF, 40_000, 0.95, 1, 1));
    AvifReport report = report(rows);

    assertThat(report.checksList()).hasSize(7);
    assertThat(report.checksList().subList(0, 5))
        .allSatisfy(
            c -> {
              assertThat(c.status()).isEqualTo(AvifReport.Status.FAIL);
              assertThat(c.detail()).startsWith("imgedge-avif answered image/webp, not AVIF");
            });
    assertThat(report.checksList().subList(5, 7))
        .extracting(AvifReport.Check::status)
        .containsOnly(AvifReport.Status.PASS);
    assertThat(report.allPassed()).isFalse();
    assertThat(report.table()).contains("| imgedge-avif | AVIF | image/webp **(not AVIF)** |");
  }

  @Test
  void realAvif_isJudgedOnTheNumbers() {
    List<FormatRow> rows =
        List.of(
            row("imgedge-avif", "image/avif", AVIF, 49_000, 0.955, 10, 12),
            row("imgedge-jpeg", "image/jpeg", JPEG, 80_000, 0.96, 30, 30),
            row("imgedge-jxl", "image/jxl", JXL, 81_000, 0.961, 10, 10),
            row("ipx-avif-q60", "image/avif", AVIF, 47_000, 0.956, 2, 2));
    List<AvifReport.Check> checks = report(rows).checksList();

    assertThat(checks)
        .extracting(AvifReport.Check::status)
        .containsExactly(
            AvifReport.Status.PASS, // 49000 <= 0.62 x 80000 = 49600
            AvifReport.Status.PASS, // 0.955 >= 0.96 - 0.01
            AvifReport.Status.PASS, // 49000 <= 1.05 x 47000 = 49350
            AvifReport.Status.PASS, // 0.955 >= 0.956 - 0.002
            AvifReport.Status.PASS, // rounds 10/2, 12/2: median 5.5x
            AvifReport.Status.FAIL, // 81000 > 80000
            AvifReport.Status.PASS);
    assertThat(checks.get(4).detail()).startsWith("5.50x (per round 5.00, 6.00;");
  }

  @Test
  void withoutIpx_itsCriteriaAreNotMeasured_andTheRunDoesNotPass() {
    FormatRow ipx = new FormatRow(FormatContender.all(720, 588).get("ipx-avif-q60"));
    ipx.skipped = "ipx did not start: Node.js is not installed";
    List<FormatRow> rows =
        List.of(
            row("imgedge-avif", "image/avif", AVIF, 49_000, 0.955, 10, 12),
            row("imgedge-jpeg", "image/jpeg", JPEG, 80_000, 0.96, 30, 30),
            ipx);
    AvifReport report = report(rows);

    assertThat(report.checksList().get(2).status()).isEqualTo(AvifReport.Status.NOT_MEASURED);
    assertThat(report.checksList().get(2).detail()).contains("Node.js is not installed");
    assertThat(report.checksList().get(5).detail()).contains("imgedge-jxl was not run");
    assertThat(report.allPassed()).isFalse();
    assertThat(report.table()).contains("| ipx-avif-q60 | AVIF | not run |");
  }

  @Test
  void contenders_askForTheCoverCropEachTheirOwnWay() {
    Map<String, FormatContender> all = FormatContender.all(720, 588);
    URI origin = URI.create("http://127.0.0.1:9000");
    assertThat(all.get("imgedge-avif").url(URI.create("http://127.0.0.1:8000"), origin, 42))
        .hasToString(
            "http://127.0.0.1:8000/p/imgedge-000042.jpg?width=720&height=588&fit=crop&format=avif");
    assertThat(all.get("ipx-avif-q60").url(URI.create("http://127.0.0.1:8001"), origin, 43))
        .hasToString(
            "http://127.0.0.1:8001/s_720x588,fit_cover,f_avif,q_60/http%3A%2F%2F127.0.0.1%3A9000%2Fp%2Fipx-000043.jpg");
    assertThat(FormatContender.DEFAULT).allSatisfy(name -> assertThat(all).containsKey(name));
  }

  @Test
  void coverReference_isTheStretchedOneWhenTheShapesAgree_andCropsTheCentreOtherwise() {
    BufferedImage src = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 20; y++) {
      for (int x = 0; x < 40; x++) {
        src.setRGB(x, y, x < 10 || x >= 30 ? 0xFF0000 : 0x00FF00);
      }
    }
    BufferedImage same = ReferenceResize.cover(src, 20, 10);
    BufferedImage stretched = ReferenceResize.lanczos3(src, 20, 10);
    assertThat(same.getRGB(0, 0, 20, 10, null, 0, 20))
        .isEqualTo(stretched.getRGB(0, 0, 20, 10, null, 0, 20));
    BufferedImage square =
        ReferenceResize.cover(
            src, 10, 10); // keeps x in [10, 30): green, red only at the edges' windows
    assertThat(square.getRGB(5, 5) & 0xFFFFFF).isEqualTo(0x00FF00);
  }

  @Test
  void avifdecDetails_areReadFromItsOutput() {
    assertThat(
            IndependentDecoders.avifDetails(
                """
        Image decoded: x.avif
         * Resolution     : 720x588
         * Bit Depth      : 8
         * Format         : YUV420
         * Range          : Full
        """))
        .isEqualTo("YUV420, 8-bit, full range");
  }

  @Test
  void djxl_decodesAJpegXl_toTheSamePixels(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(
        IndependentDecoders.which("cjxl") != null && IndependentDecoders.which("djxl") != null,
        "cjxl and djxl (libjxl-tools) are not installed");
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 48; y++) {
      for (int x = 0; x < 64; x++) {
        image.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | 128);
      }
    }
    Path png = dir.resolve("in.png");
    ImageIO.write(image, "png", png.toFile());
    Path jxl = dir.resolve("in.jxl");
    Process p =
        new ProcessBuilder("cjxl", png.toString(), jxl.toString(), "-d", "0")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("cjxl.log").toFile())
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).isTrue();
    byte[] bytes = Files.readAllBytes(jxl);
    assertThat(Signature.of(bytes)).isEqualTo(Signature.JXL);

    IndependentDecoders.Decoded d =
        new IndependentDecoders(dir).decode(bytes, Signature.JXL, "sample");
    assertThat(d.decoder()).startsWith("djxl");
    assertThat(Ssim.mean(image, d.image())).isGreaterThan(0.999);
  }

  @Test
  void inProcessReaders_areChosenByName_notByRegistrationOrder(@TempDir Path dir) throws Exception {
    BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", jpeg);
    assertThat(
            new IndependentDecoders(dir).decode(jpeg.toByteArray(), Signature.JPEG, "j").decoder())
        .isEqualTo("ImageIO com.sun.imageio.plugins.jpeg.JPEGImageReader");
    ByteArrayOutputStream webp = new ByteArrayOutputStream();
    Assumptions.assumeTrue(ImageIO.write(image, "webp", webp), "no WebP writer");
    assertThat(
            new IndependentDecoders(dir).decode(webp.toByteArray(), Signature.WEBP, "w").decoder())
        .isEqualTo("ImageIO com.luciad.imageio.webp.WebPReader");
  }

  private static AvifReport report(List<FormatRow> rows) {
    AvifSideBySide.Settings s =
        new AvifSideBySide.Settings(
            Path.of("photo.jpg"),
            720,
            588,
            2,
            10,
            3,
            rows.stream().map(FormatRow::name).toList(),
            Path.of("out"),
            Path.of("work"),
            "./imgedge loadtest avif-side-by-side",
            1);
    return new AvifReport(s, rows, Map.of(), List.of(), "", "0 0 0", "0 0 0", 1);
  }

  private static FormatRow row(
      String name, String contentType, byte[] bytes, int size, double ssim, double... perSecond) {
    FormatRow r = new FormatRow(FormatContender.all(720, 588).get(name));
    byte[] body = java.util.Arrays.copyOf(bytes, size);
    r.sample = answer(contentType, body);
    r.sniffed = Signature.of(body);
    r.received.put(r.sample.received(), 1L);
    r.ssim = ssim;
    r.width = 720;
    r.height = 588;
    for (double rps : perSecond) {
      r.rounds.add(
          new SerialMisses.Loop(Math.round(rps * 10), 0, 10, Double.NaN, Map.of(), Map.of()));
    }
    return r;
  }

  private static SerialMisses.Answer answer(String contentType, byte[] body) {
    return new SerialMisses.Answer(
        200, contentType, body, "", "MISS", URI.create("http://127.0.0.1/x"));
  }

  private static byte[] header(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(new byte[16]);
    return out.toByteArray();
  }
}
