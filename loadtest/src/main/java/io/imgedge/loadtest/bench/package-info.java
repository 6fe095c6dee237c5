/**
 * The side-by-side transform benchmark ({@code loadtest/bench/side-by-side.sh}): a throughput
 * harness for imgedge's {@link io.imgedge.transform.Transformer} (libjpeg-turbo and pure-Java
 * paths) and the plain ImageIO + imgscalr baseline, the high-precision Lanczos-3 reference, and
 * SSIM. Everything is in-process and offline; nothing here is used by a node. Also {@code ./imgedge
 * loadtest avif-side-by-side} ({@link io.imgedge.loadtest.bench.AvifSideBySide}): AVIF, JPEG and
 * JPEG XL from an imgedge node against ipx's AVIF over loopback HTTP, every request a miss, with
 * independent decoders (avifdec, djxl) for SSIM. And {@link io.imgedge.loadtest.bench.FlameGraph}:
 * a JFR recording as an SVG flame graph ({@code ./imgedge loadtest flame}, {@code
 * loadtest/bench/hit-profile.sh}).
 */
@NullMarked
package io.imgedge.loadtest.bench;

import org.jspecify.annotations.NullMarked;
