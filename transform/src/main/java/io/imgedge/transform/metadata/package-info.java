/**
 * Metadata kept on request: {@code metadata=copyright} carries the copyright, creator, credit,
 * licensor and rights fields of a JPEG source (EXIF, XMP, IPTC) into a JPEG output; everything else
 * is stripped, as Fastly does.
 */
@NullMarked
package io.imgedge.transform.metadata;

import org.jspecify.annotations.NullMarked;
