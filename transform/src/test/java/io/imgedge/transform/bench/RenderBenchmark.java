package io.imgedge.transform.bench;

import io.imgedge.transform.ImageLimits;
import io.imgedge.transform.Transformer;
import io.imgedge.transform.codec.Encoders;
import io.imgedge.transform.codec.ImageDecoder;
import io.imgedge.transform.codec.NativeCodecs;
import io.imgedge.transform.resize.ConvolutionResizer;
import io.imgedge.transform.spec.FormatNegotiation;
import io.imgedge.transform.spec.FormatNegotiation.Negotiated;
import io.imgedge.transform.spec.TransformDefaults;
import io.imgedge.transform.spec.TransformSpec;
import io.imgedge.transform.spec.TransformSpecParser;
import java.time.Duration;
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
 * The whole sharp task through {@link Transformer#render}: probe, decode, Lanczos-3 to 720x588,
 * JPEG q80. Run with {@code -t 2} for two in flight.
 *
 * {@snippet :
 * ./mvnw -B -q -pl transform -am -Pjmh test -Djmh.args="RenderBenchmark -f 1 -wi 3 -i 5 -t 1"
 * }
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RenderBenchmark {
  @Param({"turbo", "imageio"})
  public String codec;

  private byte[] source;
  private Transformer transformer;
  private TransformSpec spec;
  private Negotiated negotiated;

  @Setup
  public void setUp() {
    source = BenchInput.bytes();
    NativeCodecs natives = codec.equals("turbo") ? NativeCodecs.load() : NativeCodecs.none();
    transformer =
        new Transformer(
            ImageLimits.FASTLY,
            TransformDefaults.FASTLY,
            new ImageDecoder(natives),
            new Encoders(natives),
            new ConvolutionResizer(),
            System::nanoTime);
    spec =
        new TransformSpecParser(TransformDefaults.FASTLY).parse("width=720&height=588&quality=80");
    negotiated = FormatNegotiation.negotiate(spec, null);
  }

  @Benchmark
  public byte[] render() {
    return transformer.render(source, null, spec, negotiated, Duration.ofMinutes(1)).bytes();
  }
}
