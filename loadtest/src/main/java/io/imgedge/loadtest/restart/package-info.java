/**
 * {@code ./imgedge loadtest shield-restart}: issue 17's acceptance measured from outside: a shield
 * process killed and started again under load, with its disk tier and with memory only, and the
 * origin fetches its restart costs. Everything on loopback, bounded in time.
 */
@NullMarked
package io.imgedge.loadtest.restart;

import org.jspecify.annotations.NullMarked;
