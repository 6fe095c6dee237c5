/**
 * JMH benchmarks of the transform's stages on the sharp benchmark photo ({@code
 * ../shared/corpus/perf-2725x2225.jpg}, or {@code -Dimgedge.bench.input=FILE}): decode, resize,
 * encode, and the whole render, for the libjpeg-turbo and pure-Java paths. They compile with the
 * tests and run only through the {@code jmh} profile:
 *
 * {@snippet :
 * ./mvnw -B -q -pl transform -am -Pjmh test -Djmh.args="-f 1 -wi 3 -i 5"
 * }
 */
@NullMarked
package io.imgedge.transform.bench;

import org.jspecify.annotations.NullMarked;
