package io.imgedge.config;

import java.time.Duration;

/**
 * What a node accepts and how much work it takes on. The image limits default to Fastly's.
 *
 * @param maxInputBytes largest source image fetched ({@code limits.max-input-bytes})
 * @param maxInputWidth widest source image decoded, read from its header ({@code
 *     limits.max-input-width})
 * @param maxInputHeight tallest source image decoded ({@code limits.max-input-height})
 * @param maxOutputWidth widest image produced ({@code limits.max-output-width})
 * @param maxOutputHeight tallest image produced ({@code limits.max-output-height})
 * @param maxFrames most frames an animated source may have ({@code limits.max-frames})
 * @param transformConcurrency transforms running at once ({@code limits.transform-concurrency})
 * @param transformQueue transforms waiting beyond those; more get a 503 ({@code
 *     limits.transform-queue})
 * @param requestTimeout longest a request may take before it is answered with 504 ({@code
 *     limits.request-timeout})
 * @param derivativesPerSourcePerMinute most different new derivatives rendered of one source in a
 *     minute; more get 429 (against floods of parameter variants) ({@code
 *     limits.derivatives-per-source-per-minute})
 * @param yieldQueueDepth when this many transforms wait, an AVIF chosen by negotiation for a client
 *     that takes WebP is answered as WebP for a short while; 0 never ({@code
 *     limits.yield-queue-depth})
 * @param yieldMaxAge how long such a WebP stands in ({@code limits.yield-max-age})
 * @param maxDecodePixels most pixels one render decodes in all, every frame of an animation
 *     counting its whole canvas ({@code limits.max-decode-pixels})
 * @param maxRenderMemory most memory one render may need, estimated from the header before decoding
 *     ({@code limits.max-render-memory}; by default the whole render budget, from {@code
 *     node.memory})
 */
public record LimitsConfig(
    long maxInputBytes,
    int maxInputWidth,
    int maxInputHeight,
    int maxOutputWidth,
    int maxOutputHeight,
    int maxFrames,
    int transformConcurrency,
    int transformQueue,
    Duration requestTimeout,
    int derivativesPerSourcePerMinute,
    int yieldQueueDepth,
    Duration yieldMaxAge,
    long maxDecodePixels,
    long maxRenderMemory) {

  private static final int MAX_SIDE = 65_535;

  static LimitsConfig from(Settings s, MemoryPlan plan) {
    return new LimitsConfig(
        s.bytes("limits.max-input-bytes", 1),
        s.integer("limits.max-input-width", 1, MAX_SIDE),
        s.integer("limits.max-input-height", 1, MAX_SIDE),
        s.integer("limits.max-output-width", 1, MAX_SIDE),
        s.integer("limits.max-output-height", 1, MAX_SIDE),
        s.integer("limits.max-frames", 1, 100_000),
        s.integer("limits.transform-concurrency", 1, 1024),
        s.integer("limits.transform-queue", 0, 100_000),
        s.duration("limits.request-timeout", Duration.ofMillis(100)),
        s.integer("limits.derivatives-per-source-per-minute", 1, 1_000_000),
        s.integer("limits.yield-queue-depth", 0, 100_000),
        s.duration("limits.yield-max-age", Duration.ofSeconds(1)),
        s.longValue("limits.max-decode-pixels", 1),
        s.isEmpty("limits.max-render-memory")
            ? plan.renderBudget()
            : Math.min(plan.renderBudget(), s.bytes("limits.max-render-memory", 1)));
  }
}
