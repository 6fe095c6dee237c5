package io.imgedge.transform.testing;

import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.ImageLimits;
import io.imgedge.transform.RenderResult;
import io.imgedge.transform.Transformer;
import io.imgedge.transform.codec.Encoders;
import io.imgedge.transform.codec.ImageDecoder;
import io.imgedge.transform.resize.ConvolutionResizer;
import io.imgedge.transform.spec.FormatNegotiation;
import io.imgedge.transform.spec.TransformDefaults;
import io.imgedge.transform.spec.TransformSpec;
import io.imgedge.transform.spec.TransformSpecParser;
import java.awt.image.BufferedImage;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Renders through a real {@link Transformer} the way a request does: parse the query, negotiate the
 * format against an {@code Accept} header, render. The decoders and encoders (whose construction
 * loads and self-tests the native WebP library) are created once per JVM and shared.
 *
 * {@snippet :
 * RenderResult r = TestTransformer.withFastlyDefaults().render(source, "width=300&format=png");
 * }
 */
public final class TestTransformer {
  /** The render budget: generous, as tests make no timing assertions. */
  public static final Duration BUDGET = Duration.ofMinutes(1);

  private static @Nullable TestTransformer fastly;

  private final Transformer transformer;
  private final TransformSpecParser parser;

  /**
   * A renderer with these limits and defaults, the production codecs and the convolution resizer.
   */
  public TestTransformer(ImageLimits limits, TransformDefaults defaults) {
    Codecs codecs = Codecs.shared();
    this.transformer =
        new Transformer(
            limits,
            defaults,
            codecs.decoder,
            codecs.encoders,
            new ConvolutionResizer(),
            System::nanoTime);
    this.parser = new TransformSpecParser(defaults);
  }

  /**
   * A renderer with Fastly's limits and defaults and the codecs {@code natives} provides, e.g.
   * {@code NativeCodecs.none()} for the pure-Java path.
   */
  public TestTransformer(io.imgedge.transform.codec.NativeCodecs natives) {
    this.transformer =
        new Transformer(
            ImageLimits.FASTLY,
            TransformDefaults.FASTLY,
            new ImageDecoder(natives),
            new Encoders(natives),
            new ConvolutionResizer(),
            System::nanoTime);
    this.parser = new TransformSpecParser(TransformDefaults.FASTLY);
  }

  /** The shared renderer with Fastly's limits and defaults. */
  public static synchronized TestTransformer withFastlyDefaults() {
    if (fastly == null) {
      fastly = new TestTransformer(ImageLimits.FASTLY, TransformDefaults.FASTLY);
    }
    return fastly;
  }

  /** The transformer itself. */
  public Transformer transformer() {
    return transformer;
  }

  /** The parser for this renderer's defaults. */
  public TransformSpecParser parser() {
    return parser;
  }

  /** Renders for a client that sends no {@code Accept} header, with no declared source type. */
  public RenderResult render(byte[] source, String query) {
    return render(source, null, query, null);
  }

  /** Renders for a client that sends this {@code Accept} header (or none, if null). */
  public RenderResult render(byte[] source, String query, @Nullable String accept) {
    return render(source, null, query, accept);
  }

  /**
   * Renders a source whose origin declared a format (or null for none) for a client with this
   * {@code Accept} header (or none).
   */
  public RenderResult render(
      byte[] source, @Nullable ImageFormat declared, String query, @Nullable String accept) {
    TransformSpec spec = parser.parse(query);
    return transformer.render(
        source, declared, spec, FormatNegotiation.negotiate(spec, accept), BUDGET);
  }

  /** Renders and decodes the output with {@link TestImages#decode}. */
  public BufferedImage renderImage(byte[] source, String query) {
    return TestImages.decode(render(source, query).bytes());
  }

  private static final class Codecs {
    private static @Nullable Codecs shared;

    final ImageDecoder decoder = new ImageDecoder();
    final Encoders encoders = new Encoders();

    static synchronized Codecs shared() {
      if (shared == null) {
        shared = new Codecs();
      }
      return shared;
    }
  }
}
