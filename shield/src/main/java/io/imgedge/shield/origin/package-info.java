/**
 * Origin clients: where source images come from. A local folder (no request can leave it), an
 * HTTP(S) server (with connect, header, idle-read and total timeouts and a size cap, so a stalled
 * body is cut), or the sample images bundled with imgedge. {@link
 * io.imgedge.shield.origin.OriginRouter} maps a request path to one of them.
 */
@NullMarked
package io.imgedge.shield.origin;

import org.jspecify.annotations.NullMarked;
