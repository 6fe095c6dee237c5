package io.imgedge.loadtest.bench;

import io.imgedge.transform.ImageLimits;
import io.imgedge.transform.Transformer;
import io.imgedge.transform.codec.Encoders;
import io.imgedge.transform.codec.ImageDecoder;
import io.imgedge.transform.codec.NativeCodecs;
import io.imgedge.transform.resize.ConvolutionResizer;
import io.imgedge.transform.resize.IdleHelper;
import io.imgedge.transform.resize.Resizer;
import io.imgedge.transform.spec.FormatNegotiation;
import io.imgedge.transform.spec.ResizeFilter;
import io.imgedge.transform.spec.TransformDefaults;
import io.imgedge.transform.spec.TransformSpec;
import io.imgedge.transform.spec.TransformSpecParser;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.imgscalr.Scalr;

/** One way of doing the benchmark task (decode, resize to a size, encode JPEG at a quality). */
interface Contender {
  /** Runs the task once; returns the encoded JPEG. */
  byte[] run(byte[] source);

  /**
   * imgedge's {@link Transformer}, with libjpeg-turbo or the pure-Java path, and the resize helper
   * threads lent as the node lends them (only while one render runs), or none.
   */
  static Contender imgedge(
      NativeCodecs natives,
      java.util.concurrent.@org.jspecify.annotations.Nullable Executor helper,
      int width,
      int height,
      int quality) {
    return imgedge(natives, helper, true, width, height, quality);
  }

  /**
   * As above; without {@code ycbcrLane} the resizer offers no plane resampler, so JPEG to JPEG goes
   * through the RGB pipeline as before the YCbCr lane (for before/after in one run).
   */
  static Contender imgedge(
      NativeCodecs natives,
      java.util.concurrent.@org.jspecify.annotations.Nullable Executor helper,
      boolean ycbcrLane,
      int width,
      int height,
      int quality) {
    java.util.concurrent.atomic.AtomicInteger renders =
        new java.util.concurrent.atomic.AtomicInteger();
    Resizer resizer =
        new ConvolutionResizer(false, helper == null ? null : new IdleHelper(helper, renders::get));
    Transformer transformer =
        new Transformer(
            ImageLimits.FASTLY,
            TransformDefaults.FASTLY,
            new ImageDecoder(natives),
            new Encoders(natives),
            ycbcrLane ? resizer : new RgbOnly(resizer),
            System::nanoTime);
    TransformSpec spec =
        new TransformSpecParser(TransformDefaults.FASTLY)
            .parse(
                "width=%d&height=%d&quality=%d&format=jpg&resize-filter=lanczos3"
                    .formatted(width, height, quality));
    var negotiated = FormatNegotiation.negotiate(spec, null);
    Duration budget = Duration.ofMinutes(1);
    return source -> {
      renders.incrementAndGet();
      try {
        return transformer.render(source, null, spec, negotiated, budget).bytes();
      } finally {
        renders.decrementAndGet();
      }
    };
  }

  /** A resizer of RGB images only: without planes to offer, the Transformer has no YCbCr lane. */
  final class RgbOnly implements Resizer {
    private final Resizer resizer;

    RgbOnly(Resizer resizer) {
      this.resizer = resizer;
    }

    @Override
    public BufferedImage resize(BufferedImage source, int width, int height, ResizeFilter filter) {
      return resizer.resize(source, width, height, filter);
    }

    @Override
    public BufferedImage resize(
        BufferedImage source, Rectangle2D region, int width, int height, ResizeFilter filter) {
      return resizer.resize(source, region, width, height, filter);
    }

    @Override
    public boolean resamplesStoredValues() {
      return resizer.resamplesStoredValues();
    }
  }

  /** The plain pipeline: ImageIO decode, imgscalr {@code QUALITY} resize, ImageIO JPEG encode. */
  static Contender imageIoImgscalr(int width, int height, int quality) {
    return source -> {
      try {
        BufferedImage full = ImageIO.read(new ByteArrayInputStream(source));
        BufferedImage small =
            Scalr.resize(full, Scalr.Method.QUALITY, Scalr.Mode.FIT_EXACT, width, height);
        return jpeg(small, quality);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  private static byte[] jpeg(BufferedImage image, int quality) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (var out = new MemoryCacheImageOutputStream(bytes)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality / 100f);
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
