package io.imgedge.transform.bench;

import io.imgedge.transform.ImageLimits;
import io.imgedge.transform.codec.ImageDecoder;
import io.imgedge.transform.codec.NativeCodecs;
import io.imgedge.transform.probe.HeaderProbe;
import io.imgedge.transform.probe.ImageHeader;
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
 * Decoding the photo: libjpeg-turbo at full size and shrunk on load (1/2, 1/4, 1/8), and ImageIO.
 *
 * {@snippet :
 * ./mvnw -B -q -pl transform -am -Pjmh test -Djmh.args="DecodeBenchmark -f 1 -wi 3 -i 5"
 * }
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DecodeBenchmark {
  @Param({"turbo", "imageio"})
  public String codec;

  @Param({"1", "2", "4", "8"})
  public int shrink;

  private byte[] source;
  private ImageHeader header;
  private ImageDecoder decoder;

  @Setup
  public void setUp() {
    source = BenchInput.bytes();
    header = new HeaderProbe(ImageLimits.FASTLY).probe(source, null);
    decoder = new ImageDecoder(codec.equals("turbo") ? NativeCodecs.load() : NativeCodecs.none());
  }

  @Benchmark
  public BufferedImage decode() {
    return decoder.decode(source, header, shrink).image();
  }
}
