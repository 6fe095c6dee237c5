#!/bin/sh
# Regenerates this folder's fixtures (see NOTICE.md) with python3 and Debian bookworm's
# libvips-tools 8.14 (vips) and liblcms2-utils 2.14 (tificc, Little CMS: 16-bit aware).
#   sh make-fixtures.sh
# The references are Little CMS's conversion of each source to its built-in sRGB at 16 bits, without
# precalculation (-c0: lcms's default precalculated gray transform, which vips' icc_transform uses
# too, is off by up to 6/255 near black), rounded to 8 bits only at the end (x / 257 + 0.5,
# truncated: vips' cast truncates).
set -eu
python3 make_sources.py
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for s in linear-rgb16 linear-gray16; do
  # The same pixels and profile as a 16-bit TIFF (deflate, horizontal predictor).
  vips copy "$s.png" "$s.tif[compression=deflate,predictor=horizontal]"
  tificc -c0 -t1 -w16 -o '*sRGB' "$s.tif" "$tmp/$s.srgb16.tif"
  vips linear "$tmp/$s.srgb16.tif" "$tmp/$s.f.v" 0.0038910505836575876 0.5
  vips cast "$tmp/$s.f.v" "$tmp/$s.8.v" uchar
  vips copy "$tmp/$s.8.v" "$s.lcms-srgb.png[strip]" --interpretation srgb
done
