#!/usr/bin/env bash
# vipsthumbnail's side of side-by-side.sh: one process thumbnails N copies of the input (so that
# process start-up is paid once), one process at a time and two processes at once.
# usage: vips-bench.sh INPUT WIDTH HEIGHT QUALITY SECONDS OUTDIR
set -euo pipefail
input="$1" width="$2" height="$3" quality="$4" seconds="$5" dir="$6"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/a" "$work/b"

one_batch() { # $1: folder of inputs; prints nothing; thumbnails every file in it
  vipsthumbnail --size "${width}x${height}!" -o "%s-out.jpg[Q=${quality}]" "$1"/in-*.jpg
}
# Calibrate a batch size that takes about a second, then run batches for SECONDS.
for i in $(seq 1 20); do ln -s "$(readlink -f "$input")" "$work/a/in-$i.jpg"; done
start=$(date +%s.%N); one_batch "$work/a"; end=$(date +%s.%N)
per=$(echo "($end - $start) / 20" | bc -l)
n=$(echo "if (1 / $per < 5) 5 else 1 / $per" | bc -l | cut -d. -f1)
rm -f "$work"/a/*
for i in $(seq 1 "$n"); do
  ln -s "$(readlink -f "$input")" "$work/a/in-$i.jpg"
  ln -s "$(readlink -f "$input")" "$work/b/in-$i.jpg"
done
rate() { # $1: parallel processes; runs batches for SECONDS; prints ops/s
  local done=0 begin finish
  begin=$(date +%s.%N)
  finish=$(echo "$begin + $seconds" | bc -l)
  while (( $(echo "$(date +%s.%N) < $finish" | bc -l) )); do
    if [ "$1" -eq 1 ]; then one_batch "$work/a"; else one_batch "$work/a" & one_batch "$work/b"; wait; fi
    done=$((done + n * $1))
  done
  echo "$done / ($(date +%s.%N) - $begin)" | bc -l
}
serial=$(rate 1)
pair=$(rate 2)
rss=$( { /usr/bin/time -f '%M' vipsthumbnail --size "${width}x${height}!" -o "$dir/vipsthumbnail.jpg[Q=${quality}]" "$input"; } 2>&1 | tail -1)
printf 'RESULT vipsthumbnail-%s serial=%.1f pair=%.1f bytes=%d rssMiB=%d\n' \
  "$(vips --version | awk '{print $1}' | sed 's/vips-//')" "$serial" "$pair" \
  "$(stat -c %s "$dir/vipsthumbnail.jpg")" "$((rss / 1024))"
