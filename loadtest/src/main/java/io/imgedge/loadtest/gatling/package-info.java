/**
 * The load scenarios on Gatling's Java DSL: the workload (Zipf catalogue, URL styles, arrival
 * model), the simulation, and running it in its own JVM.
 */
@NullMarked
package io.imgedge.loadtest.gatling;

import org.jspecify.annotations.NullMarked;
