package io.imgedge.transform;

import io.imgedge.transform.codec.AnimationEncoder;
import io.imgedge.transform.codec.AnimationFrames;
import io.imgedge.transform.codec.DecodedImage;
import io.imgedge.transform.codec.EncodeOptions;
import io.imgedge.transform.codec.Encoders;
import io.imgedge.transform.codec.ImageDecoder;
import io.imgedge.transform.codec.YccJpeg;
import io.imgedge.transform.color.EmbeddedProfile;
import io.imgedge.transform.color.SrgbConversion;
import io.imgedge.transform.metadata.CopyrightMetadata;
import io.imgedge.transform.pipeline.AdjustTone;
import io.imgedge.transform.pipeline.ApplyOverlay;
import io.imgedge.transform.pipeline.AutoOrient;
import io.imgedge.transform.pipeline.Blur;
import io.imgedge.transform.pipeline.Bw;
import io.imgedge.transform.pipeline.ConvertToSrgb;
import io.imgedge.transform.pipeline.Crop;
import io.imgedge.transform.pipeline.Encode;
import io.imgedge.transform.pipeline.Flatten;
import io.imgedge.transform.pipeline.Layout;
import io.imgedge.transform.pipeline.Orient;
import io.imgedge.transform.pipeline.OverlayPlacement;
import io.imgedge.transform.pipeline.PadCanvas;
import io.imgedge.transform.pipeline.Pipeline;
import io.imgedge.transform.pipeline.PipelineContext;
import io.imgedge.transform.pipeline.PreCrop;
import io.imgedge.transform.pipeline.Resize;
import io.imgedge.transform.pipeline.Sharpen;
import io.imgedge.transform.pipeline.Trim;
import io.imgedge.transform.pipeline.TrimColor;
import io.imgedge.transform.pipeline.YccLane;
import io.imgedge.transform.probe.HeaderProbe;
import io.imgedge.transform.probe.ImageHeader;
import io.imgedge.transform.resize.PlaneResizer;
import io.imgedge.transform.resize.Resizer;
import io.imgedge.transform.spec.Cropping;
import io.imgedge.transform.spec.FormatNegotiation.Negotiated;
import io.imgedge.transform.spec.TransformDefaults;
import io.imgedge.transform.spec.TransformSpec;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
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
  public static final int PIPELINE_VERSION = 3;

  private final ImageLimits limits;
  private final TransformDefaults defaults;
  private final HeaderProbe probe;
  private final ImageDecoder decoder;
  private final Encoders encoders;
  private final Pipeline pipeline;
  private final LongSupplier nanoTime;
  private final MemoryBudget memory;
  private final @Nullable YccLane lane;

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
    this(limits, defaults, decoder, encoders, resizer, nanoTime, MemoryBudget.unlimited());
  }

  /**
   * As above, with the memory all renders share: each takes its estimated peak before decoding.
   *
   * @param memory the renders' memory budget
   */
  public Transformer(
      ImageLimits limits,
      TransformDefaults defaults,
      ImageDecoder decoder,
      Encoders encoders,
      Resizer resizer,
      LongSupplier nanoTime,
      MemoryBudget memory) {
    this.memory = memory;
    this.limits = limits;
    this.defaults = defaults;
    this.probe = new HeaderProbe(limits);
    this.decoder = decoder;
    this.nanoTime = nanoTime;
    this.encoders = encoders;
    YccJpeg ycc = encoders.jpegByLibjpegTurbo() ? decoder.ycc() : null;
    PlaneResizer planes = resizer.planes();
    this.lane = ycc == null || planes == null ? null : new YccLane(ycc, planes, nanoTime);
    this.pipeline =
        Pipeline.of(
            new AutoOrient(),
            new TrimColor(),
            new PreCrop(),
            new Trim(),
            new Crop(),
            new Orient(),
            new Resize(resizer),
            new ConvertToSrgb(),
            new PadCanvas(),
            new Flatten(),
            new AdjustTone(),
            new Sharpen(),
            new Blur(),
            new Bw(),
            new ApplyOverlay(resizer),
            new Encode(encoders));
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
      byte[] source,
      @Nullable ImageFormat declared,
      TransformSpec spec,
      Negotiated negotiated,
      Duration budget) {
    return render(source, declared, spec, negotiated, Deadline.after(budget, nanoTime));
  }

  /**
   * Renders a derivative until {@code deadline} says stop (time up, or abandoned by every client
   * that waited): checked between steps and inside the long loops.
   *
   * @throws TransformException if the source or the request cannot be rendered, or the render was
   *     stopped
   */
  public RenderResult render(
      byte[] source,
      @Nullable ImageFormat declared,
      TransformSpec spec,
      Negotiated negotiated,
      Deadline deadline) {
    return render(source, declared, spec, negotiated, deadline, null);
  }

  /**
   * Renders a derivative whose spec may have an overlay, until {@code deadline} says stop. The
   * overlay image's header is checked against the same limits as the source's, and its decode
   * counts in the render's cost, before anything is decoded.
   *
   * @param overlay the overlay image, required when {@code spec.overlay()} is set
   * @throws TransformException if the source, the overlay or the request cannot be rendered, or the
   *     render was stopped
   * @throws IllegalArgumentException if the spec has an overlay and no overlay image is given
   */
  public RenderResult render(
      byte[] source,
      @Nullable ImageFormat declared,
      TransformSpec spec,
      Negotiated negotiated,
      Deadline deadline,
      @Nullable OverlaySource overlay) {
    if (spec.overlay() != null && overlay == null) {
      throw new IllegalArgumentException("the spec has an overlay but no overlay image was given");
    }
    try {
      return RenderScope.call(
          deadline,
          () ->
              renderInScope(
                  source,
                  declared,
                  spec,
                  negotiated,
                  deadline,
                  spec.overlay() == null ? null : overlay));
    } catch (OutOfMemoryError e) {
      throw new InsufficientMemoryException(e); // our memory ran out, not a verdict on the image
    }
  }

  private RenderResult renderInScope(
      byte[] source,
      @Nullable ImageFormat declared,
      TransformSpec spec,
      Negotiated negotiated,
      Deadline deadline,
      @Nullable OverlaySource overlay) {
    ImageHeader header = probe.probe(source, declared);
    ImageHeader overlayHeader =
        overlay == null ? null : probe.probe(overlay.bytes(), overlay.declared());
    Layout still =
        Layout.compute(spec, header.orientedWidth(), header.orientedHeight(), 1, defaults, limits);
    OutputFormats.Choice choice =
        OutputFormats.choose(
            negotiated, header, spec, (long) still.width() * still.height(), encoders.formats());
    ImageFormat output = choice.format();
    boolean animated =
        OutputFormats.animated(header, spec)
            && (output == ImageFormat.GIF
                || output == ImageFormat.WEBP
                || output == ImageFormat.MP4);
    int frames = animated ? header.frames() : 1;
    BiFunction<Integer, Integer, Layout> planner =
        (w, h) -> Layout.compute(spec, w, h, frames, defaults, limits);
    Layout layout =
        animated ? planner.apply(header.orientedWidth(), header.orientedHeight()) : still;
    EncodeOptions options = OutputFormats.options(spec, negotiated, output, header, defaults);
    Render r = new Render(header, spec, output, options, deadline, planner);
    double decodeScale =
        !animated && spec.cropping().equals(Cropping.NONE)
            ? decoder.decodeScale(header, layout.resize().maxDecodeShrink())
            : 1;
    RenderCost cost = RenderCost.estimate(header, layout, spec, frames, decodeScale);
    var o = spec.overlay();
    if (overlayHeader != null && o != null) {
      OverlayPlacement at =
          OverlayPlacement.of(
              o,
              layout.width(),
              layout.height(),
              overlayHeader.orientedWidth(),
              overlayHeader.orientedHeight());
      cost =
          cost.withOverlay(
              overlayHeader,
              (long) at.width() * at.height(),
              (long) layout.width() * layout.height());
    }
    limits.checkCost(cost);
    long held = memory.acquire(cost.peakBytes(), deadline);
    Rendered rendered;
    try {
      if (overlay != null && overlayHeader != null) {
        r.overlay =
            ApplyOverlay.prepare(
                decoder.decode(overlay.bytes(), overlayHeader), overlayHeader.exifOrientation());
      }
      YccLane.Result planar =
          lane != null && !animated && YccLane.applies(spec, header, layout, output)
              ? lane.render(source, header, layout, options)
              : null;
      rendered =
          planar != null
              ? new Rendered(
                  planar.bytes(),
                  planar.width(),
                  planar.height(),
                  layout.warnings(),
                  planar.encodeNanos())
              : Rendered.of(animated ? r.animation(source, layout) : r.still(source, layout));
    } finally {
      memory.release(held);
    }
    List<String> warnings = new ArrayList<>(rendered.warnings());
    if (choice.warning() != null) {
      warnings.add(choice.warning());
    }
    if (header.frames() > 1 && !animated && !spec.output().firstFrame()) {
      warnings.add(output.shortName() + " output keeps only the first frame of the animation");
    }
    byte[] bytes = animated ? r.animationBytes : rendered.bytes();
    if (spec.output().keepCopyright()) {
      bytes = copyright(source, header, output, bytes, warnings);
    }
    RenderResult result =
        new RenderResult(
            bytes,
            output,
            outputSide(output, rendered.width()),
            outputSide(output, rendered.height()),
            header,
            warnings,
            rendered.encodeNanos() + r.finishNanos);
    return QualityFallback.apply(result, source, spec);
  }

  /** A side of the output: MP4 (4:2:0) makes it even ({@link Encoders#evenSide}). */
  private static int outputSide(ImageFormat output, int side) {
    return output == ImageFormat.MP4 ? Encoders.evenSide(side) : side;
  }

  /** What a render made, by the pipeline or the YCbCr lane. */
  private record Rendered(
      byte[] bytes, int width, int height, List<String> warnings, long encodeNanos) {
    static Rendered of(PipelineContext context) {
      return new Rendered(
          context.animation() != null ? new byte[0] : context.encoded(),
          context.image().getWidth(),
          context.image().getHeight(),
          context.warnings(),
          context.encodeNanos());
    }
  }

  private static byte[] copyright(
      byte[] source, ImageHeader header, ImageFormat output, byte[] bytes, List<String> warnings) {
    if (header.format() != ImageFormat.JPEG || output != ImageFormat.JPEG) {
      warnings.add("metadata=copyright works from JPEG to JPEG only and was ignored");
      return bytes;
    }
    return CopyrightMetadata.read(source).writeInto(bytes);
  }

  /** One render's fixed inputs, and how a still image or an animation goes through the pipeline. */
  private final class Render {
    private final ImageHeader header;
    private final TransformSpec spec;
    private final ImageFormat output;
    private final EncodeOptions options;
    private final Deadline deadline;
    private final BiFunction<Integer, Integer, Layout> planner;
    private byte[] animationBytes = new byte[0];
    private long finishNanos;
    private @Nullable BufferedImage overlay;

    Render(
        ImageHeader header,
        TransformSpec spec,
        ImageFormat output,
        EncodeOptions options,
        Deadline deadline,
        BiFunction<Integer, Integer, Layout> planner) {
      this.header = header;
      this.spec = spec;
      this.output = output;
      this.options = options;
      this.deadline = deadline;
      this.planner = planner;
    }

    /**
     * Decodes (shrunk on load when nothing before the resize works in source pixels: no precrop,
     * trim, crop or trim-color) and runs every step.
     */
    PipelineContext still(byte[] source, Layout layout) {
      boolean scalable = spec.cropping().equals(Cropping.NONE);
      double maxShrink = scalable ? layout.resize().maxDecodeShrink() : 1;
      DecodedImage decoded = decoder.decode(source, header, maxShrink);
      PipelineContext context = context(decoded.image(), decoded.pending(), layout);
      context.decodeScale(decoded.scale());
      pipeline.run(context);
      return context;
    }

    /** Runs every step on each complete frame in turn; Encode adds the frames to the animation. */
    PipelineContext animation(byte[] source, Layout layout) {
      EmbeddedProfile profile = EmbeddedProfile.forRgbImage(header.iccProfile());
      try (AnimationFrames frames = decoder.frames(source, header);
          AnimationEncoder encoder =
              encoders.animation(output, options, loopCount(frames.table().loopCount()))) {
        PipelineContext context = null;
        for (int i = 0; frames.hasNext(); i++) {
          BufferedImage frame = frames.next();
          if (context == null) {
            context = context(frame, profile, layout);
          }
          context.nextFrame(encoder, frame, profile, frames.table().frames().get(i).delayMillis());
          pipeline.run(context);
        }
        if (context == null) {
          throw new InvalidImageException("the animation has no frames");
        }
        long start = nanoTime.getAsLong();
        animationBytes = encoder.finish();
        finishNanos = nanoTime.getAsLong() - start;
        return context;
      }
    }

    /** The output's loop count: the source's, or for a GIF without one, once (WebP says 1). */
    private int loopCount(int sourceLoop) {
      return sourceLoop >= 0 ? sourceLoop : output == ImageFormat.WEBP ? 1 : -1;
    }

    private PipelineContext context(
        BufferedImage image, @Nullable SrgbConversion profile, Layout layout) {
      PipelineContext context =
          new PipelineContext(
              image, profile, spec, header, layout, planner, output, options, deadline, nanoTime);
      if (overlay != null) {
        context.overlay(overlay);
      }
      return context;
    }
  }
}
