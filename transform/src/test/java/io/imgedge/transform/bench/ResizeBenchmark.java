package io.imgedge.transform.bench;

import io.imgedge.transform.ImageLimits;
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
 * Resizing the photo to 720x588 with Lanczos-3, from full size (2725x2225) and from the 1/2-scale
 * decode (1363x1113), in sRGB-encoded values and in linear light.
 *
 * {@snippet :
 * ./mvnw -B -q -pl transform -am -Pjmh test -Djmh.args="ResizeBenchmark -f 1 -wi 3 -i 5"
 * }
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ResizeBenchmark {
  @Param({"1", "2"})
  public int decodedAt;

  @Param({"false", "true"})
  public boolean linearLight;

  private BufferedImage image;
  private ConvolutionResizer resizer;

  @Setup
  public void setUp() {
    byte[] source = BenchInput.bytes();
    var header = new HeaderProbe(ImageLimits.FASTLY).probe(source, null);
    image = new ImageDecoder(NativeCodecs.load()).decode(source, header, decodedAt).image();
    resizer = new ConvolutionResizer(linearLight, null);
  }

  @Benchmark
  public BufferedImage lanczos3() {
    return resizer.resize(image, 720, 588, ResizeFilter.LANCZOS3);
  }
}
