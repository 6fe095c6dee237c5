#!/bin/sh
# Regenerates the JPEG XL test fixtures in this folder from the shared corpus
# (../shared/corpus beside the checkout; see NOTICE for each file's source and licence).
# Needs cjxl 0.7 (libjxl-tools) and vips 8.14 (libvips-tools). The *.srgb.png files are
# the references the tests compare with: libvips' rendering of the fixture, converted to
# sRGB by libvips/lcms ("icc_transform ... srgb --embedded"), alpha kept.
#
#   sh make-fixtures.sh /path/to/shared/corpus
set -eu
corpus=${1:-../../../../../../shared/corpus}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$here"

# Lossless JPEG recompression (JPEG reconstruction data, YCbCr DCT coefficients kept), Display P3 ICC.
cjxl "$corpus/icc-displayp3-small.jpg" p3-jpeg-recompressed.jxl
# Lossy (XYB) from a JPEG with an Adobe RGB ICC profile.
cjxl -d 1 --lossless_jpeg=0 "$corpus/icc-adobergb-small.jpg" adobergb-lossy.jxl
# Lossy (XYB), sRGB.
cjxl -d 1 --lossless_jpeg=0 "$corpus/jpeg-16bit-qtables.jpg" hopper-lossy.jxl
# Gray JPEG with a gray gamma 2.2 ICC profile, reduced by libvips to 100x67 (profile kept), then recompressed losslessly.
vips resize "$corpus/jpeg-gray-graygamma22-icc.jpg" "$tmp/gray.jpg[Q=90]" 0.25
cjxl "$tmp/gray.jpg" gray-gamma22-jpeg-recompressed.jxl
# Gray + alpha PNG with gAMA 1.0 (linear), lossless.
cjxl -d 0 "$corpus/png-gray-alpha-8.png" gray-alpha-lossless.jxl
# Palette PNG with tRNS and gAMA 1.0, lossy (XYB) with alpha.
cjxl -d 1 "$corpus/png-palette-trns.png" palette-alpha-lossy.jxl
# Frames 3 to 5 of the animated GIF (frame 3 is the last before the first change) at 40x40 (libvips thumbnail),
# lossless animation.
vips thumbnail "$corpus/gif-animated.gif[page=3,n=3]" "$tmp/anim.gif" 40
cjxl -d 0 "$tmp/anim.gif" animated-lossless.jxl
vips copy "$tmp/anim.gif[page=0]" "animated-lossless.frame0.png[strip]"
vips copy "$tmp/anim.gif[page=1]" "animated-lossless.frame1.png[strip]"
# EXIF orientation 6: the photo reduced by libvips to 75x113 (stored pixels and EXIF kept), recompressed losslessly;
# cjxl puts the orientation in the codestream. The reference is the reduced JPEG's stored (unrotated) pixels.
vips resize "$corpus/orient-landscape-6.jpg" "$tmp/orient.jpg[Q=90]" 0.0625
cjxl "$tmp/orient.jpg" orientation-6-jpeg-recompressed.jxl
vips copy "$tmp/orient.jpg" "orientation-6-jpeg-recompressed.stored.png[strip]"

for f in p3-jpeg-recompressed adobergb-lossy hopper-lossy gray-gamma22-jpeg-recompressed gray-alpha-lossless \
    palette-alpha-lossy; do
  vips icc_transform "$f.jxl" "$f.srgb.png[strip]" srgb --embedded
done
