#!/usr/bin/env bash
# Side-by-side transform benchmark: imgedge's Transformer (libjpeg-turbo and pure-Java paths; and
# imgedge-no-lane, libjpeg-turbo without the YCbCr lane, i.e. through the RGB pipeline), the
# plain ImageIO + imgscalr QUALITY pipeline, sharp and vipsthumbnail do the same task on the same
# input (decode, Lanczos-3 resize to WIDTHxHEIGHT, JPEG at QUALITY), one at a time and two in flight.
# Prints ops/s, the ratio to sharp, output bytes, SSIM against a reference and peak RSS, then
# imgedge's WebP encode against cwebp at the same quality. Offline (loopback or nothing at all)
# except for installing sharp from the npm registry on the first run; bounded in time (about 2-3
# minutes with the defaults) and stops by itself. With --rounds N every contender runs N times, in
# turn (so that a noisy machine disturbs them alike), and the table shows medians.
#
# usage: loadtest/bench/side-by-side.sh [--rounds 3] [--seconds 5] [--warm-up 2] [--input FILE]
#                                       [--width 720] [--height 588] [--quality 80]
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/../.." && pwd)"
rounds=3 seconds=5 warmup=2 width=720 height=588 quality=80
input="$ROOT/../shared/corpus/perf-2725x2225.jpg"
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2" ;; --seconds) seconds="$2" ;; --warm-up) warmup="$2" ;; --input) input="$2" ;;
    --width) width="$2" ;; --height) height="$2" ;; --quality) quality="$2" ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done
out="$BENCH/out"
mkdir -p "$out"
limit=$(( (warmup + 2 * seconds) * 3 + 60 )) # per contender and round

need() { # each argument is COMMAND:PACKAGE or a library PACKAGE; installs what is missing (as root)
  local missing=() want cmd pkg
  for want in "$@"; do
    cmd="${want%%:*}" pkg="${want##*:}"
    if [ "$cmd" != "$want" ]; then
      command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
    else
      dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "please install: ${missing[*]}" >&2; exit 1
  fi
}
need libturbojpeg0 vipsthumbnail:libvips-tools cwebp:webp node:nodejs npm:npm bc:bc /usr/bin/time:time
if [ ! -d "$BENCH/node_modules/sharp" ]; then
  (cd "$BENCH" && timeout 300 npm install --no-audit --no-fund --loglevel=error >/dev/null)
fi

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && [ -z "${JAVA_HOME:-}" ] && JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
export JAVA_HOME="$(cd "$(dirname "$(readlink -f "$(command -v "$JAVA")")")/.." && pwd)"
(cd "$ROOT" && ./mvnw -B -q -DskipTests package -pl loadtest -am >/dev/null)
CP="$ROOT/loadtest/target/classes:$(cat "$ROOT/loadtest/target/classpath.txt")"
JVM=(-Xmx512m --enable-native-access=ALL-UNNAMED -Djava.awt.headless=true ${JAVA_OPTS:-})
harness() { timeout "$limit" "$JAVA" "${JVM[@]}" -cp "$CP" io.imgedge.loadtest.bench.SideBySideMain "$@"; }

echo "task: $(basename "$input") -> ${width}x${height}, lanczos3, JPEG q${quality}; ${rounds} rounds of ${seconds}s per mode after ${warmup}s warm-up; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
results="$out/results.txt"
: > "$results"
for round in $(seq 1 "$rounds"); do
  for c in imgedge imgedge-no-lane imgedge-no-helper imgedge-java imgedge-java-no-helper imageio-imgscalr; do
    harness run --contender "$c" --input "$input" --width "$width" --height "$height" \
      --quality "$quality" --warm-up "$warmup" --seconds "$seconds" --out "$out/$c.jpg" 2>/dev/null \
      | grep '^RESULT' | sed "s/^RESULT/RESULT round=$round/" | tee -a "$results"
  done
  (cd "$BENCH" && timeout "$limit" node sharp-bench.js "$input" "$width" "$height" "$quality" \
    "$warmup" "$seconds" "$out/sharp.jpg") | sed "s/^RESULT/RESULT round=$round/" | tee -a "$results"
  timeout "$limit" "$BENCH/vips-bench.sh" "$input" "$width" "$height" "$quality" "$seconds" "$out" \
    | sed "s/^RESULT/RESULT round=$round/" | tee -a "$results"
done

files=()
for o in imgedge imgedge-no-lane imgedge-no-helper imgedge-java imgedge-java-no-helper imageio-imgscalr sharp vipsthumbnail; do files+=("$out/$o.jpg"); done
harness ssim --input "$input" --width "$width" --height "$height" --reference-png "$out/reference.png" \
  "${files[@]}" 2>/dev/null | grep '^SSIM' | sed "s#$out/##" > "$out/ssim.txt"

echo
awk -v ssimfile="$out/ssim.txt" '
  function median(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 2; i <= n; i++) { t = a[i] + 0; for (j = i - 1; j >= 1 && a[j] + 0 > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  BEGIN { while ((getline l < ssimfile) > 0) { split(l, f, " "); n = f[2]; sub(/\.jpg$/, "", n); ssim[n] = f[3] } }
  /^RESULT/ {
    split($2, r, "="); round = r[2]; name = $3; short = name; sub(/-[0-9].*$/, "", short)
    for (i = 4; i <= NF; i++) { split($i, kv, "="); v[name, round, kv[1]] = kv[2] }
    if (!(name in seen)) { seen[name] = 1; names[++count] = name; shorts[count] = short }
    if (short == "sharp") sharp = name
    rounds = round > rounds ? round : rounds
  }
  END {
    printf "medians of %d rounds\n", rounds
    printf "%-24s %9s %7s %9s %7s %8s %8s %8s %9s\n", "contender", "1 ops/s", "x sharp", "2 ops/s", "x sharp", "bytes", "SSIM", "RSS MiB", "CPU ms/op"
    for (i = 1; i <= count; i++) {
      n = names[i]; s1 = s2 = r1 = r2 = rss = cpu = ""
      for (k = 1; k <= rounds; k++) {
        s1 = s1 " " v[n, k, "serial"]; s2 = s2 " " v[n, k, "pair"]; rss = rss " " v[n, k, "rssMiB"]
        cpu = cpu " " (v[n, k, "cpuMs"] == "" ? 0 : v[n, k, "cpuMs"])
        r1 = r1 " " v[n, k, "serial"] / v[sharp, k, "serial"]; r2 = r2 " " v[n, k, "pair"] / v[sharp, k, "pair"]
      }
      printf "%-24s %9.1f %7.2f %9.1f %7.2f %8d %8s %8d %9.1f\n", n, median(s1), median(r1), median(s2),
        median(r2), v[n, 1, "bytes"], ssim[shorts[i]], median(rss), median(cpu)
    }
  }' "$results" | tee "$out/table.txt"

echo
harness webp --input "$input" --width "$width" --height "$height" --quality "$quality" \
  --png "$out/resized.png" --seconds 3 2>/dev/null | grep '^WEBP'
total=0
for i in 1 2 3 4 5; do
  t=$(cwebp -v -q "$quality" "$out/resized.png" -o "$out/cwebp.webp" 2>&1 | awk '/Time to encode picture/ {print $5}' | tr -d s)
  total=$(echo "$total + $t" | bc -l)
done
printf 'WEBP cwebp-%s encode=%.1fms bytes=%d\n' "$(cwebp -version)" "$(echo "$total * 1000 / 5" | bc -l)" "$(stat -c %s "$out/cwebp.webp")"
