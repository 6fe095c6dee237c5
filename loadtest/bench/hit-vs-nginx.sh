#!/usr/bin/env bash
# Cache hits against nginx serving the same bytes as a static file, measured as issue 15 measures
# them: wrk -t2 -c64, DURATION seconds per run, ROUNDS alternating rounds (imgedge first in odd
# rounds, nginx first in even ones), nginx 1.22 with `worker_processes 2; sendfile on; tcp_nopush on;
# open_file_cache` and no access log. Three answers: a 720-px derivative of a 4032x3024 photo
# (about 80 KB), a 120-px thumbnail at quality 70 (about 3 KB), and a 304 to If-None-Match on the
# large one. Prints every run, the medians, and the median of the per-round ratios imgedge/nginx
# (so that load from elsewhere weighs on both alike). Loopback only; stops by itself (about
# 3 x ROUNDS x 2 x DURATION seconds plus start-up); installs nginx and wrk when run as root.
#
# usage: loadtest/bench/hit-vs-nginx.sh [--rounds 3] [--duration 8] [--port 18480]
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/../.." && pwd)"
rounds=3 duration=8 port=18480
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2" ;; --duration) duration="$2" ;; --port) port="$2" ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done
ngx_port=$((port + 10))
missing=()
for tool in nginx:nginx wrk:wrk bc:bc curl:curl vips:libvips-tools; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || missing+=("${tool#*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then echo "please install: ${missing[*]}" >&2; exit 1; fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

work="$(mktemp -d)"
chmod 755 "$work" # nginx workers run as another user
node_pid=""
cleanup() {
  set +e
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null
  [ -n "$node_pid" ] && kill "$node_pid" 2>/dev/null && wait "$node_pid" 2>/dev/null
  sleep 0.5
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/origin" "$work/www"
# The photo: the corpus's sharp benchmark photo made 4032x3024 (a phone camera's size).
vips thumbnail "$ROOT/../shared/corpus/perf-2725x2225.jpg" "$work/origin/photo.jpg[Q=90]" 4032 \
  --height 3024 --size force --crop centre

"$ROOT/imgedge" run --origin "$work/origin" --bind 127.0.0.1 --port "$port" --admin-port $((port + 1)) \
  --internal-port $((port + 2)) >"$work/node.log" 2>&1 &
node_pid=$!
for _ in $(seq 120); do grep -q 'listening on' "$work/node.log" && break; sleep 1; done
grep -q 'listening on' "$work/node.log" || { echo "imgedge did not start:" >&2; tail -5 "$work/node.log" >&2; exit 1; }

cat >"$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  open_file_cache max=1000 inactive=60s;
  server { listen 127.0.0.1:$ngx_port; root $work/www; }
}
CONF
img="http://127.0.0.1:$port/photo.jpg"
large="$img?width=720" small="$img?width=120&quality=70"
curl -sf -o "$work/www/large.jpg" "$large"
curl -sf -o "$work/www/small.jpg" "$small"
nginx -c "$work/nginx.conf" -p "$work" 2>"$work/nginx-start.log" || { cat "$work/nginx-start.log" >&2; exit 1; }
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$ngx_port/small.jpg" && break; sleep 0.1; done
etag() { curl -sfI "$1" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}'; }
etag_img=$(etag "$large") etag_ngx=$(etag "http://127.0.0.1:$ngx_port/large.jpg")
for check in "$large|$etag_img" "http://127.0.0.1:$ngx_port/large.jpg|$etag_ngx"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: ${check#*|}" "${check%%|*}")
  [ "$code" = 304 ] || { echo "no 304 from ${check%%|*} (got $code)" >&2; exit 1; }
done

rps() { wrk -t2 -c64 -d"${duration}s" "$@" | awk '/Requests\/sec/{printf "%.0f", $2}'; }
run() { # KIND SERVER -> req/s
  local kind=$1 server=$2 url header=()
  if [ "$server" = imgedge ]; then
    case $kind in large|304) url=$large ;; small) url=$small ;; esac
    [ "$kind" = 304 ] && header=(-H "If-None-Match: $etag_img")
  else
    case $kind in large|304) url="http://127.0.0.1:$ngx_port/large.jpg" ;; small) url="http://127.0.0.1:$ngx_port/small.jpg" ;; esac
    [ "$kind" = 304 ] && header=(-H "If-None-Match: $etag_ngx")
  fi
  rps "${header[@]}" "$url"
}
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END{print (NR%2)? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

echo "imgedge (an all-in-one node as ./imgedge run starts it) vs $(nginx -v 2>&1 | sed 's/.*: //'); bodies: large $(stat -c %s "$work/www/large.jpg") B, small $(stat -c %s "$work/www/small.jpg") B; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for server in imgedge nginx; do for kind in large small 304; do run "$kind" "$server" >/dev/null; done; done # warm-up
declare -A runs ratios
for r in $(seq "$rounds"); do
  for kind in large small 304; do
    if [ $((r % 2)) = 1 ]; then a=$(run "$kind" imgedge); b=$(run "$kind" nginx); else b=$(run "$kind" nginx); a=$(run "$kind" imgedge); fi
    runs[$kind-imgedge]+="$a " runs[$kind-nginx]+="$b "
    ratios[$kind]+="$(echo "scale=4; $a / $b" | bc) "
    printf 'round %d %-5s imgedge %7s req/s  nginx %7s req/s  %.2fx\n' "$r" "$kind" "$a" "$b" "$(echo "scale=4; $a / $b" | bc)"
  done
done
echo
printf '%-6s %16s %16s %22s\n' answer "imgedge median" "nginx median" "median of ratios"
for kind in large small 304; do
  printf '%-6s %16s %16s %21.2fx\n' "$kind" "$(echo "${runs[$kind-imgedge]}" | median)" \
    "$(echo "${runs[$kind-nginx]}" | median)" "$(echo "${ratios[$kind]}" | median)"
done
