#!/bin/sh
# Regenerates default-cmyk.icc, the CMYK profile imgedge assumes for CMYK/YCCK JPEGs that carry
# no embedded ICC profile. See default-cmyk.NOTICE.md for provenance and licences.
#
# This script is NOT run by the build: the generated profile is checked in. Run it by hand only
# to regenerate or audit the profile.
#
# Requirements (Debian/Ubuntu):
#   apt-get install -y argyll icc-profiles-free
#     argyll            -> colprof (the shipped profile was made with ArgyllCMS 2.3.1,
#                          Debian package 2.3.1+repack-1.1+b1)
#     icc-profiles-free -> /usr/share/color/icc/TR005.ti3 (Debian package 2.0.1+dfsg-1.1)
#
# Usage:
#   ./make-default-cmyk.sh [path/to/TR005.ti3] [output.icc]
#
# Defaults: TR005.ti3 from icc-profiles-free, output default-cmyk.icc next to this script.
#
# Reproducibility: colprof writes the current time into the profile header (bytes 24..35) and
# ignores SOURCE_DATE_EPOCH. The script overwrites that field with PROFILE_DATE (default: the
# date of the checked-in profile), so with the same inputs, the same Argyll version and the same
# CPU architecture the output is byte-identical to the checked-in file (compare the SHA-256 in
# default-cmyk.NOTICE.md). Other Argyll versions fit slightly different tables.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
ti3=${1:-/usr/share/color/icc/TR005.ti3}
out=${2:-$here/default-cmyk.icc}
PROFILE_DATE=${PROFILE_DATE:-2026-11-22T00:00:00}

# SHA-256 of TR005.ti3 as shipped in icc-profiles-free 2.0.1+dfsg-1.1.
expected_ti3_sha256=659504921c1c385dd28cda635e8d5c11422bd885a13d2cbc7c28577e088c90fb

command -v colprof >/dev/null 2>&1 || { echo "colprof not found: apt-get install argyll" >&2; exit 1; }
[ -r "$ti3" ] || { echo "cannot read $ti3: apt-get install icc-profiles-free" >&2; exit 1; }

actual=$(sha256sum "$ti3" | cut -d' ' -f1)
if [ "$actual" != "$expected_ti3_sha256" ]; then
  echo "warning: $ti3 has SHA-256 $actual, expected $expected_ti3_sha256" >&2
fi
version=$(colprof 2>&1 | sed -n 's/^Create ICC profile, Version //p' | head -n 1)
if [ "$version" != "2.3.1" ]; then
  echo "warning: colprof version '$version'; the checked-in profile was made with 2.3.1" >&2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# colprof takes a base name and reads <base>.ti3
cp "$ti3" "$work/TR005.ti3"

# Options:
#   -qm   medium quality A2B (CMYK->Lab) table: ~71 KB profile; -qh gives ~630 KB for no
#         visible gain in the comparison against Adobe SWOP v2
#   -bl   low quality B2A (Lab->CMYK) tables: imgedge only uses the A2B direction, but an
#         output-class profile must have B2A tables
#   -nc   do not embed the .ti3 measurement data in the profile (keeps it small)
#   -kr   ramp black generation (Argyll's default; only affects the B2A tables)
#   -D/-C description and copyright tags
# No -s/-S gamut mapping: it only changes the perceptual B2A table. Argyll writes a single
# colorimetric A2B table used for A2B0/A2B1/A2B2, so every rendering intent gives the same
# CMYK->sRGB result.
(
  cd "$work"
  colprof -v -qm -bl -nc -kr \
    -D "imgedge default CMYK (CGATS TR005 SWOP grade 5, generated with ArgyllCMS)" \
    -C "Characterization data: ANSI CGATS/SWOP TR 005-2007, Copyright 2007 NPES; via icc-profiles-free (Zlib). Profile generated with ArgyllCMS colprof, see default-cmyk.NOTICE.md." \
    -O default-cmyk.icc TR005
)

# Fixed header date/time (big-endian uint16 year, month, day, hour, minute, second at offset 24).
set -- $(echo "$PROFILE_DATE" | tr -- '-T:' '   ')
for v in "$@"; do
  printf "\\$(printf '%03o' $((v / 256)))\\$(printf '%03o' $((v % 256)))"
done | dd of="$work/default-cmyk.icc" bs=1 seek=24 count=12 conv=notrunc status=none

cp "$work/default-cmyk.icc" "$out"
echo "wrote $out ($(wc -c <"$out") bytes, SHA-256 $(sha256sum "$out" | cut -d' ' -f1))"
