/** The command line: {@code imgedge run} and friends, parsed with picocli. */
@NullMarked
package io.imgedge.edge.app.cli;

import org.jspecify.annotations.NullMarked;
