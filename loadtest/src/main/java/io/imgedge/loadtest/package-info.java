/**
 * imgedge's load tooling ({@code ./imgedge loadtest}): cluster scenarios on Gatling (Zipf mix, cold
 * stampede, purge storm, fault) with reports built from every node's metrics, the side-by-side
 * comparison with peer servers, the origin simulator, and a bounded closed-loop generator.
 * Everything targets loopback only and stops by itself.
 */
@NullMarked
package io.imgedge.loadtest;

import org.jspecify.annotations.NullMarked;
