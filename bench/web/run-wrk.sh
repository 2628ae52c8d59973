#!/usr/bin/env bash
# Issue 6 web benchmarks: starts the Release site on a SQLite database with benchmark settings, warms up, runs wrk
# for /healthz, the full list, an item page and the online submission API one after another against the same
# server process, prints a table with each path's ratio to /healthz, and stops the server.
#
#   bench/web/run-wrk.sh --db /work/bench-data/perf-1m.db [--duration 20s] [--connections 32] [--port 5099] [--no-build]
#                        [--no-output-cache] (Gongkai:PublicOutputCache=false: every page computed, reference data cached)
#                        [--no-cache]     (Gongkai:PublicCacheSeconds=0: no output cache, no reference cache)
#                        [--server DIR]   (another build of the site, e.g. a copy of bin/Release/net10.0 before a change)
#
# The database is written to: the submission run adds requests to it (nothing else changes). The agency is the one
# with the most items; the item is one of its published ones. Rate limiting of the public form is configured off-scale
# (Gongkai:RateLimits), never changed in code. Requires wrk and sqlite3.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
db=""
duration="20s"
connections=32
port=5099
build=1
server=""
cache_seconds=60
output_cache=true
while [[ $# -gt 0 ]]; do
  case "$1" in
    --db) db="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --no-cache) cache_seconds=0; shift ;;
    --no-output-cache) output_cache=false; shift ;;
    --server) server="$2"; build=0; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
[[ -n "$db" && -f "$db" ]] || { echo "--db must name an existing SQLite file (dotnet run --project bench/Gongkai.BenchData -- --db FILE makes one)" >&2; exit 2; }

if [[ $build -eq 1 ]]; then
  dotnet build "$root/src/Gongkai.Web" -c Release -warnaserror -v quiet -nologo >/dev/null
fi
server="${server:-$root/src/Gongkai.Web/bin/Release/net10.0}/Gongkai.Web"

# GUIDs are stored as upper-case text; the routes take either case.
agency=$(sqlite3 -readonly "$db" "SELECT agency_id FROM items GROUP BY agency_id ORDER BY count(*) DESC LIMIT 1;")
items=$(sqlite3 -readonly "$db" "SELECT count(*) FROM items WHERE agency_id = '$agency';")
item=$(sqlite3 -readonly "$db" "SELECT id FROM items WHERE agency_id = '$agency' AND state = 4 AND withdrawn_on IS NULL AND published_on IS NOT NULL ORDER BY published_on DESC LIMIT 1 OFFSET 1000;")
base="http://127.0.0.1:$port"
echo "public cache: ${cache_seconds}s, output cache $output_cache; database: $db ($items items in agency $agency; item $item)"

log="$(mktemp)"
ASPNETCORE_ENVIRONMENT=Production \
Logging__LogLevel__Default=Warning \
Gongkai__PublicCacheSeconds=$cache_seconds \
Gongkai__PublicOutputCache=$output_cache \
Gongkai__RateLimits__Apply__PermitLimit=2000000000 \
Gongkai__RateLimits__Apply__WindowSeconds=1 \
  "$server" --db "$db" --urls "$base" >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 120); do
  curl -fs "$base/healthz" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.5
done

list="$base/agencies/$agency/items"
page="$base/agencies/$agency/items/$item"
submit="$base/api/v1/agencies/$agency/applications"
for url in "$list" "$page"; do
  [[ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" == 200 ]] || { echo "not 200: $url" >&2; exit 1; }
done

# Warm-up: JIT (tiered to full optimisation), the SQLite page cache, the connection pool.
for url in "$base/healthz" "$list" "$page"; do
  wrk -t1 -c"$connections" -d5s "$url" >/dev/null
done
wrk -t1 -c"$connections" -d3s -s "$here/submit.lua" "$submit" >/dev/null

declare -A rps p50 p99 bad
run() { # name url [script]
  local out
  out=$(wrk -t1 -c"$connections" -d"$duration" --latency -s "${3:-$here/report.lua}" "$2")
  echo "$out" | sed 's/^/    /'
  local line; line=$(echo "$out" | grep '^RESULT')
  rps[$1]=$(echo "$line" | sed -E 's/.*rps=([0-9.]+).*/\1/')
  p50[$1]=$(echo "$line" | sed -E 's/.*p50=([0-9.]+).*/\1/')
  p99[$1]=$(echo "$line" | sed -E 's/.*p99=([0-9.]+).*/\1/')
  bad[$1]=$(echo "$line" | sed -E 's/.*non2xx=([0-9]+) errors=([0-9]+).*/\1+\2/')
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for name in healthz list item submit; do
  case $name in
    healthz) run healthz "$base/healthz" ;;
    list) run list "$list" ;;
    item) run item "$page" ;;
    submit) run submit "$submit" "$here/submit.lua" ;;
  esac
  echo "  $name done; load average $(cut -d' ' -f1-3 /proc/loadavg)"
done

echo
printf '| %-8s | %10s | %8s | %8s | %9s | %s |\n' path 'req/s' 'p50 ms' 'p99 ms' '/healthz' 'non-2xx+errors'
printf '| %-8s | %10s | %8s | %8s | %9s | %s |\n' --- '---:' '---:' '---:' '---:' '---:'
for name in healthz list item submit; do
  ratio=$(awk -v a="${rps[$name]}" -v b="${rps[healthz]}" 'BEGIN { printf "%.1f %%", 100 * a / b }')
  printf '| %-8s | %10s | %8s | %8s | %9s | %s |\n' "$name" "${rps[$name]}" "${p50[$name]}" "${p99[$name]}" "$ratio" "${bad[$name]}"
done
