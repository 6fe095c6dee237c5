#!/usr/bin/env bash
# Flame graphs of the cache-hit path (issue 15): one all-in-one node started as `./imgedge run`
# starts it (as loadtest/bench/hit-vs-nginx.sh does, on loopback), the same 720-px derivative of a
# 4032x3024 photo (about 75 KB), warmed up, then JFR sampling every millisecond
# (loadtest/bench/hit-profile.jfc: jdk.ExecutionSample and jdk.NativeMethodSample) during a
# `wrk -t2 -c64` run of DURATION seconds for (a) the derivative answered 200 and (b) a 304 to
# If-None-Match on it. Each recording becomes flame-200.svg / flame-304.svg and .folded.txt in
# OUT through `./imgedge loadtest flame` (idle native samples left out; --threads REGEX keeps only
# those threads). Prints the req/s of each profiled run and the top frames. The node runs with
# JFR's stack depth raised to 256 and -XX:+DebugNonSafepoints (frames of inlined code placed
# exactly); otherwise as ./imgedge run starts it. Loopback only; stops by itself (about
# 2 x (WARM_UP + DURATION) seconds plus start-up and the build the launcher may do first) and
# always stops the node.
#
# usage: loadtest/bench/hit-profile.sh [--duration 10] [--warm-up 5] [--port 18580]
#          [--out loadtest/results/hit-path] [--threads REGEX]
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/../.." && pwd)"
duration=10 warmup=5 port=18580 out="$ROOT/loadtest/results/hit-path" threads=""
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration="$2" ;; --warm-up) warmup="$2" ;; --port) port="$2" ;;
    --out) out="$2" ;; --threads) threads="$2" ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done
for n in "$duration" "$warmup" "$port"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "--duration, --warm-up and --port take whole numbers" >&2; exit 2; }
done
if [ "$duration" -lt 1 ] || [ "$duration" -gt 120 ] || [ "$warmup" -gt 120 ]; then
  echo "--duration 1..120, --warm-up 0..120" >&2; exit 2
fi
missing=()
for tool in wrk:wrk curl:curl vips:libvips-tools; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || missing+=("${tool#*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then echo "please install: ${missing[*]}" >&2; exit 1; fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# shellcheck source=../../.mvn/find-jdk.sh
source "$ROOT/.mvn/find-jdk.sh"
JAVA="$(find_java)"
JCMD="$(dirname "$JAVA")/jcmd"
[ -x "$JCMD" ] || { echo "no jcmd beside $JAVA" >&2; exit 1; }

# The launcher builds what is missing or stale (the loadtest module and the node's jar) now, not
# while the node runs from the jar.
"$ROOT/imgedge" loadtest flame --help >/dev/null

work="$(mktemp -d)"
node_pid=""
stop_node() {
  if [ -n "$node_pid" ]; then
    kill "$node_pid" 2>/dev/null || true
    wait "$node_pid" 2>/dev/null || true
    node_pid=""
  fi
}
cleanup() {
  set +e
  stop_node
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$work/origin"
# The photo: the corpus's sharp benchmark photo made 4032x3024 (a phone camera's size).
vips thumbnail "$ROOT/../shared/corpus/perf-2725x2225.jpg" "$work/origin/photo.jpg[Q=90]" 4032 \
  --height 3024 --size force --crop centre

IMGEDGE_JAVA_OPTS="${IMGEDGE_JAVA_OPTS:-} -XX:FlightRecorderOptions=stackdepth=256 -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints" \
  "$ROOT/imgedge" run --origin "$work/origin" --bind 127.0.0.1 --port "$port" \
  --admin-port $((port + 1)) --internal-port $((port + 2)) >"$work/node.log" 2>&1 &
node_pid=$!
for _ in $(seq 120); do grep -q 'listening on' "$work/node.log" && break; sleep 1; done
grep -q 'listening on' "$work/node.log" || { echo "imgedge did not start:" >&2; tail -5 "$work/node.log" >&2; exit 1; }

large="http://127.0.0.1:$port/photo.jpg?width=720"
curl -sf -o "$work/large.jpg" "$large"
etag=$(curl -sfI "$large" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
code=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$large")
[ "$code" = 304 ] || { echo "no 304 to If-None-Match: $etag (got $code)" >&2; exit 1; }
bytes=$(stat -c %s "$work/large.jpg")

wrk_run() { # SECONDS wrk-args... -> req/s
  local seconds=$1 report
  shift
  report=$(timeout $((seconds + 30)) wrk -t2 -c64 -d"${seconds}s" "$@")
  if grep -q 'Non-2xx or 3xx' <<<"$report"; then echo "wrk: $(grep 'Non-2xx or 3xx' <<<"$report")" >&2; fi
  awk '/Requests\/sec/{printf "%.0f", $2}' <<<"$report"
}
echo "imgedge $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?') hit path; body $bytes B; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
# The warm-up runs under a recording that is thrown away, so that JFR's own start-up (it
# generates its event classes on the first recording) is not in the profiles.
timeout 60 "$JCMD" "$node_pid" JFR.start name=warm-up settings="$BENCH/hit-profile.jfc" >/dev/null
if [ "$warmup" -gt 0 ]; then
  wrk_run "$warmup" "$large" >/dev/null
  wrk_run "$warmup" -H "If-None-Match: $etag" "$large" >/dev/null
fi
timeout 60 "$JCMD" "$node_pid" JFR.stop name=warm-up >/dev/null

declare -A rps
profile() { # NAME wrk-args...
  local name=$1
  shift
  timeout 60 "$JCMD" "$node_pid" JFR.start name="$name" settings="$BENCH/hit-profile.jfc" \
    filename="$work/$name.jfr" >/dev/null
  rps[$name]=$(wrk_run "$duration" "$@")
  timeout 60 "$JCMD" "$node_pid" JFR.stop name="$name" >/dev/null
  echo "$name: wrk -t2 -c64 -d${duration}s: ${rps[$name]} req/s"
}
profile flame-200 "$large"
profile flame-304 -H "If-None-Match: $etag" "$large"
stop_node

mkdir -p "$out"
to_flame() { # NAME TITLE
  local args=(--jfr "$work/$1.jfr" --out "$out" --title "$2")
  [ -n "$threads" ] && args+=(--threads "$threads")
  "$ROOT/imgedge" loadtest flame "${args[@]}"
}
to_flame flame-200 "imgedge hit path: a 720-px derivative ($bytes B) answered 200; wrk -t2 -c64 -d${duration}s, ${rps[flame-200]} req/s"
to_flame flame-304 "imgedge hit path: 304 to If-None-Match on it; wrk -t2 -c64 -d${duration}s, ${rps[flame-304]} req/s"
