/**
 * {@code ./imgedge loadtest hostile}: issue 13's acceptance ("Clients are jerks, round 2") measured
 * from outside a node process: bursts of expensive requests from clients that hang up, the hostile
 * images, sharp's task two at a time, the node's CPU time and resident memory from {@code /proc},
 * and a PASS/FAIL line per criterion. Everything on loopback, bounded in time.
 */
@NullMarked
package io.imgedge.loadtest.hostile;

import org.jspecify.annotations.NullMarked;
