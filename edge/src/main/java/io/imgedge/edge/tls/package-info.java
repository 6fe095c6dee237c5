/**
 * TLS on the public port: certificates and keys read from PEM files with the JDK alone, and a key
 * manager whose pair is replaced, without a restart, when the files change.
 */
@NullMarked
package io.imgedge.edge.tls;

import org.jspecify.annotations.NullMarked;
