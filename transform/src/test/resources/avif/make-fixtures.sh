#!/bin/sh
# Regenerates the AVIF test fixtures in this folder from the shared corpus (see NOTICE.md), with
# Debian bookworm's libavif-bin 0.11.1 (avifenc, aom 3.6.0) and libvips-tools 8.14 (vips, whose
# heifload uses libheif, not libavif: an independent reference decoder).
#   sh make-fixtures.sh [corpus folder, default ../../../../../../shared/corpus]
# aom's output is deterministic for a given version and settings; another version gives other
# bytes but the tests' tolerances still hold.
set -eu
C=${1:-../../../../../../shared/corpus}
enc() { avifenc -s 6 "$@" >/dev/null; }

# Display P3: the same pixels with the ICC profile, and with only nclx (CICP 12/13/1).
enc -y 444 --min 4 --max 4 "$C/icc-displayp3-small.jpg" displayp3-icc.avif
enc -y 444 --min 4 --max 4 --ignore-icc --cicp 12/13/1 "$C/icc-displayp3-small.jpg" displayp3-nclx.avif
vips icc_transform displayp3-icc.avif 'displayp3-icc.vips-srgb.png[strip]' srgb
# An sRGB ICC profile (no conversion needed); the source's alpha is all opaque, so avifenc drops it.
enc -y 444 --min 10 --max 10 "$C/png-iccp-srgb-rgba.png" srgb-icc.avif
vips copy srgb-icc.avif 'srgb-icc.vips.png[strip]'
# 10-bit with alpha, from a 16-bit RGBA PNG.
enc -d 10 -y 444 --min 4 --max 4 "$C/png-16bit-rgba.png" rgba-10bit.avif
vips colourspace rgba-10bit.avif 'rgba-10bit.vips.png[strip]' srgb
# Monochrome (4:0:0).
enc -y 400 --min 10 --max 10 "$C/jpeg-gray-no-icc.jpg" gray-400.avif
vips colourspace gray-400.avif 'gray-400.vips.png[strip]' b-w
# 8-bit with binary alpha (palette + tRNS).
enc -y 444 --min 4 --max 4 "$C/png-palette-trns.png" palette-alpha.avif
vips copy palette-alpha.avif 'palette-alpha.vips.png[strip]'
# irot/imir boxes on a 45x100 image (stored pixels not rotated).
enc -y 444 --min 40 --max 40 --ignore-icc --ignore-exif --irot 1 --imir 0 "$C/icc-displayp3-small.jpg" irot1-imir0.avif
enc -y 444 --min 40 --max 40 --ignore-icc --ignore-exif --imir 1 "$C/icc-displayp3-small.jpg" imir1.avif
