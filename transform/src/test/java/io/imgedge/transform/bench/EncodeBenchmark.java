package io.imgedge.transform.bench;

import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.ImageLimits;
import io.imgedge.transform.codec.EncodeOptions;
import io.imgedge.transform.codec.Encoders;
import io.imgedge.transform.codec.ImageDecoder;
import io.imgedge.transform.codec.NativeCodecs;
import io.imgedge.transform.probe.HeaderProbe;
import io.imgedge.transform.resize.ConvolutionResizer;
import io.imgedge.transform.spec.ResizeFilter;
import java.awt.image.BufferedImage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Encoding the 720x588 result at quality 80: JPEG with libjpeg-turbo and with the JDK writer, and
 * WebP with libwebp (webp-imageio).
 *
 * {@snippet :
 * ./mvnw -B -q -pl transform -am -Pjmh test -Djmh.args="EncodeBenchmark -f 1 -wi 3 -i 5"
 * }
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EncodeBenchmark {
  @Param({"jpeg-turbo", "jpeg-imageio", "webp"})
  public String encoder;

  private BufferedImage image;
  private Encoders encoders;
  private ImageFormat format;
  private final EncodeOptions q80 = new EncodeOptions(80, false);

  @Setup
  public void setUp() {
    byte[] source = BenchInput.bytes();
    var header = new HeaderProbe(ImageLimits.FASTLY).probe(source, null);
    BufferedImage decoded = new ImageDecoder(NativeCodecs.load()).decode(source, header, 2).image();
    image = new ConvolutionResizer().resize(decoded, 720, 588, ResizeFilter.LANCZOS3);
    encoders =
        new Encoders(encoder.equals("jpeg-turbo") ? NativeCodecs.load() : NativeCodecs.none());
    format = encoder.equals("webp") ? ImageFormat.WEBP : ImageFormat.JPEG;
  }

  @Benchmark
  public byte[] encode() {
    return encoders.encode(image, format, q80);
  }
}
