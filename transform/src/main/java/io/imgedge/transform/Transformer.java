package io.imgedge.transform;

import io.imgedge.transform.codec.DecodedImage;
import io.imgedge.transform.codec.EncodeOptions;
import io.imgedge.transform.codec.Encoders;
import io.imgedge.transform.codec.ImageDecoder;
import io.imgedge.transform.pipeline.AutoOrient;
import io.imgedge.transform.pipeline.ConvertToSrgb;
import io.imgedge.transform.pipeline.Encode;
import io.imgedge.transform.pipeline.Flatten;
import io.imgedge.transform.pipeline.Orient;
import io.imgedge.transform.pipeline.Pipeline;
import io.imgedge.transform.pipeline.PipelineContext;
import io.imgedge.transform.pipeline.Resize;
import io.imgedge.transform.pipeline.ResizePlan;
import io.imgedge.transform.probe.HeaderProbe;
import io.imgedge.transform.probe.ImageHeader;
import io.imgedge.transform.resize.Resizer;
import io.imgedge.transform.spec.FormatNegotiation.Negotiated;
import io.imgedge.transform.spec.TransformDefaults;
import io.imgedge.transform.spec.TransformSpec;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Renders derivatives: probe the header against the limits, plan the geometry, decode, run the
 * pipeline, encode. Thread-safe; one instance serves the whole node.
 */
public final class Transformer {
  /**
   * Bumped whenever a change to the pipeline changes output bytes, so that caches and ETags never
   * mix renders of two versions.
   */
  public static final int PIPELINE_VERSION = 1;

  private final ImageLimits limits;
  private final TransformDefaults defaults;
  private final HeaderProbe probe;
  private final ImageDecoder decoder;
  private final Pipeline pipeline;
  private final LongSupplier nanoTime;

  /**
   * @param limits what sources and outputs may be
   * @param defaults service-wide defaults
   * @param decoder the decoders
   * @param encoders the encoders
   * @param resizer the resampler
   * @param nanoTime the clock deadlines are measured on ({@code System::nanoTime} in production)
   */
  public Transformer(
      ImageLimits limits,
      TransformDefaults defaults,
      ImageDecoder decoder,
      Encoders encoders,
      Resizer resizer,
      LongSupplier nanoTime) {
    this.limits = limits;
    this.defaults = defaults;
    this.probe = new HeaderProbe(limits);
    this.decoder = decoder;
    this.nanoTime = nanoTime;
    this.pipeline =
        Pipeline.of(new AutoOrient(), new Orient(), new Resize(resizer), new ConvertToSrgb(),
            new Flatten(), new Encode(encoders));
  }

  /** The steps every render runs, in order. */
  public Pipeline pipeline() {
    return pipeline;
  }

  /**
   * The JPEG codec renders use, for logs and metrics: {@code "libjpeg-turbo 2.1.5 (FFM)"}, or
   * {@code "ImageIO"} when libjpeg-turbo is not installed (see {@link
   * io.imgedge.transform.codec.NativeCodecs}).
   */
  public String jpegCodec() {
    return decoder.jpegCodec();
  }

  /** The defaults renders fall back to. */
  public TransformDefaults defaults() {
    return defaults;
  }

  /**
   * Renders a derivative.
   *
   * @param source the encoded source image
   * @param declared the format the origin declared, or null; content of another format is refused
   * @param spec what to render
   * @param negotiated the output target after content negotiation
   * @param budget how long the render may take before it is abandoned between two steps
   * @throws TransformException if the source or the request cannot be rendered
   */
  public RenderResult render(
      byte[] source, @Nullable ImageFormat declared, TransformSpec spec, Negotiated negotiated,
      Duration budget) {
    long deadline = nanoTime.getAsLong() + budget.toNanos();
    ImageHeader header = probe.probe(source, declared);
    ResizePlan plan = plan(spec, header);
    ImageFormat output = OutputFormats.format(negotiated.target(), header);
    EncodeOptions options = OutputFormats.options(spec, negotiated, output, header, defaults);
    DecodedImage decoded = decoder.decode(source, header, plan.maxDecodeShrink());
    PipelineContext context = new PipelineContext(decoded.image(), decoded.pendingProfile(), spec,
        header, plan, output, options, deadline, nanoTime);
    context.decodeScale(decoded.scale());
    pipeline.run(context);
    return new RenderResult(context.encoded(), output, context.image().getWidth(),
        context.image().getHeight(), header, context.warnings());
  }

  private ResizePlan plan(TransformSpec spec, ImageHeader header) {
    int w = header.orientedWidth();
    int h = header.orientedHeight();
    if (spec.orient() != null && spec.orient().swapsAxes()) {
      int t = w;
      w = h;
      h = t;
    }
    return ResizePlan.compute(spec, w, h, defaults, limits);
  }
}
