#!/bin/sh
# Regenerates the WebP test fixtures in this folder from the shared corpus
# (../shared/corpus beside the checkout; see NOTICE.md for each file's source and licence).
# Needs cwebp, dwebp and webpmux 1.2.4 (Debian's webp package), vips 8.14 (libvips-tools), and
# cc with libwebp-dev for ../native/webp_anim_dump.c.
# The *.dwebp.png files are the references the tests compare with: dwebp's decoding of the
# fixture (libwebp's defaults, i.e. fancy chroma upsampling), RGBA where the fixture has alpha.
# The *.anim_dump.png files are every composed frame of an animation, stacked top to bottom, as
# libwebp's WebPAnimDecoder gives them (what libwebp's anim_dump writes; ../native/webp_anim_dump.c
# does the same, as Debian ships no anim_dump), and *.anim_dump.txt when each frame ends (ms).
# The *.vips.png files are libvips' own compositions of the same frames (libvips composes them
# itself, over libwebp's decoding of each frame, and disposes to the background colour instead
# of to transparent), an independent check of blending.
#
#   sh make-fixtures.sh /path/to/shared/corpus
set -eu
corpus=${1:-../../../../../../shared/corpus}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$here"

# The source: the tattooed arm of an Adobe RGB photo, converted to sRGB, halved, 320x240 cropped
# (saturated blues, greens, purples and reds next to each other: strong chroma detail).
vips icc_transform "$corpus/icc-adobergb-photo-progressive-444.jpg" "$tmp/srgb.v" srgb --embedded
vips resize "$tmp/srgb.v" "$tmp/half.v" 0.5
vips crop "$tmp/half.v" "$tmp/tattoo.png[strip]" 630 190 320 240
# An alpha channel for it: opaque on the left, fading out to the right (a linear ramp).
vips identity "$tmp/ramp.v"                                    # 256x1, values 0..255
vips invert "$tmp/ramp.v" "$tmp/ramp2.v"                          # 255..0
vips resize "$tmp/ramp2.v" "$tmp/ramp3.v" 1.25 --vscale 240 --kernel linear
vips bandjoin "$tmp/tattoo.png $tmp/ramp3.v" "$tmp/tattoo-alpha.png[strip]"

# Lossy (VP8), quality 80: 4:2:0 chroma, which decoders upsample.
cwebp -quiet -q 80 "$tmp/tattoo.png" -o tattoo-lossy.webp
# Lossless (VP8L), 96x72 of it.
vips crop "$tmp/tattoo.png" "$tmp/small.png[strip]" 100 60 96 72
cwebp -quiet -lossless "$tmp/small.png" -o tattoo-lossless.webp
# Lossy with a lossless alpha plane (VP8X + ALPH + VP8), 160x120.
vips resize "$tmp/tattoo-alpha.png" "$tmp/alpha-half.png[strip]" 0.5
cwebp -quiet -q 80 -alpha_q 100 "$tmp/alpha-half.png" -o tattoo-alpha-lossy.webp
# Lossless with alpha, RGB under transparent pixels kept (-exact), 64x48.
vips resize "$tmp/tattoo-alpha.png" "$tmp/alpha-fifth.png[strip]" 0.2
cwebp -quiet -lossless -exact "$tmp/alpha-fifth.png" -o tattoo-alpha-lossless.webp
for f in tattoo-lossy tattoo-lossless tattoo-alpha-lossy tattoo-alpha-lossless; do
  dwebp -quiet "$f.webp" -o "$f.dwebp.png"
done

# An animation on a 96x72 canvas with every kind of frame: a lossy full frame; a lossy frame
# with alpha, blended, then disposed of to transparent; a lossy opaque frame that replaces
# (no blending); a lossless frame with alpha, blended. webpmux -frame FILE +duration+x+y+dispose+/-blend.
vips crop "$tmp/tattoo.png" "$tmp/f1.png[strip]" 0 0 96 72
vips crop "$tmp/tattoo-alpha.png" "$tmp/f2.png[strip]" 200 100 48 36
vips crop "$tmp/tattoo.png" "$tmp/f3.png[strip]" 150 150 40 30
vips crop "$tmp/tattoo-alpha.png" "$tmp/f4.png[strip]" 230 20 32 24
cwebp -quiet -q 80 "$tmp/f1.png" -o "$tmp/f1.webp"
cwebp -quiet -q 80 "$tmp/f2.png" -o "$tmp/f2.webp"
cwebp -quiet -q 80 "$tmp/f3.png" -o "$tmp/f3.webp"
cwebp -quiet -lossless "$tmp/f4.png" -o "$tmp/f4.webp"
webpmux -frame "$tmp/f1.webp" +100+0+0+0-b -frame "$tmp/f2.webp" +80+16+16+1+b \
  -frame "$tmp/f3.webp" +120+40+30+0-b -frame "$tmp/f4.webp" +60+60+44+0+b \
  -loop 3 -bgcolor 255,255,255,255 -o tattoo-animated.webp
# The corpus's animation (lossy frames with alpha, partial frames, blending), copied unchanged.
cp "$corpus/webp-animated.webp" rotating-squares.webp && chmod 644 rotating-squares.webp

cc -o "$tmp/anim_dump" ../native/webp_anim_dump.c -lwebpdemux -lwebp
for f in tattoo-animated rotating-squares; do
  "$tmp/anim_dump" "$f.webp" "$tmp/$f.rgba" > "$f.anim_dump.txt"
  size=$(head -1 "$f.anim_dump.txt" | cut -d' ' -f2)
  frames=$(head -1 "$f.anim_dump.txt" | cut -d' ' -f4)
  vips rawload "$tmp/$f.rgba" "$tmp/$f.v" "${size%x*}" $(( ${size#*x} * frames )) 4
  vips copy "$tmp/$f.v" "$f.anim_dump.png[strip]" --interpretation srgb
  vips copy "$f.webp[n=-1]" "$f.vips.png[strip]"
done
