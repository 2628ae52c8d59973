#!/usr/bin/env bash
# Issue 16 crash test: starts the site on a new SQLite file, lets several clients submit online applications through
# the public API at full speed (bench/crash/submit.py, which writes down every acknowledged 申请编号: a 201 answer),
# kills the site with SIGKILL every few seconds (once it acknowledges again after each start) for N cycles and starts it
# again, then checks that every acknowledged application is in the database exactly once, that no 申请编号 is stored
# twice, and that `gongkai audit verify` passes (the 台账's chain whole and every application matching its entry).
#
#   bench/crash/crash-test.sh [--cycles 10] [--interval 3] [--clients 4] [--port 5098] [--dir DIR]
#                             [--no-build] [--server DIR] [--cli DIR]   (other builds: folders holding Gongkai.Web / gongkai)
#
# Exit 0 when every check holds, 1 otherwise. The database, the acknowledged list and the site's logs stay in DIR
# (a new temporary folder by default). Requires python3, sqlite3 and curl.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cycles=10
interval=3
clients=4
port=5098
dir=""
build=1
server=""
cli=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --cycles) cycles="$2"; shift 2 ;;
    --interval) interval="$2"; shift 2 ;;
    --clients) clients="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --server) server="$2"; build=0; shift 2 ;;
    --cli) cli="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

if [[ $build -eq 1 ]]; then
  dotnet build "$root/src/Gongkai.Web" -c Release -warnaserror -v quiet -nologo >/dev/null
  dotnet build "$root/src/Gongkai.Cli" -c Release -warnaserror -v quiet -nologo >/dev/null
fi
server="${server:-$root/src/Gongkai.Web/bin/Release/net10.0}/Gongkai.Web"
cli="${cli:-$root/src/Gongkai.Cli/bin/Release/net10.0}/gongkai"
dir="${dir:-$(mktemp -d -t gongkai-crash-XXXXXX)}"
mkdir -p "$dir"
db="$dir/crash.db"
acked="$dir/acked.txt"
stop="$dir/stop"
rm -f "$db" "$db"-* "$acked" "$stop"
: >"$acked"
base="http://127.0.0.1:$port"

# The key file and the agency first, by the CLI (which creates and migrates the database).
"$cli" agency add 崩溃测试局 --db "$db" >/dev/null 2>&1
agency=$(sqlite3 -readonly "$db" "SELECT id FROM agencies LIMIT 1;")
echo "database: $db; agency $agency; $cycles cycles of ${interval}s; $clients clients"

pid=""
start_site() {
  local started; started=$(date +%s.%N)
  ASPNETCORE_ENVIRONMENT=Production \
  Logging__LogLevel__Default=Warning \
  Gongkai__RateLimits__Apply__PermitLimit=2000000000 \
  Gongkai__RateLimits__Apply__WindowSeconds=1 \
    "$server" --db "$db" --urls "$base" >>"$dir/site.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 240); do
    curl -fs "$base/healthz" >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || { echo "the site did not start:" >&2; tail -20 "$dir/site.log" >&2; exit 1; }
    sleep 0.25
  done
  echo "  site up (pid $pid) in $(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')s"
}
trap '[[ -n "$pid" ]] && kill -9 "$pid" 2>/dev/null || true; touch "$stop"' EXIT

start_site
python3 "$here/submit.py" --url "$base/api/v1/agencies/$agency/applications" --seconds 86400 --clients "$clients" \
  --out "$acked" --stop-file "$stop" >"$dir/submitter.log" 2>&1 &
submitter=$!
# Each kill falls under load: after a start, wait (up to a minute: JIT, a busy machine) until the site acknowledges
# again, then let it run for the interval.
under_load() {
  local before; before=$(wc -l <"$acked")
  for _ in $(seq 1 240); do
    [[ $(wc -l <"$acked") -gt $before ]] && break
    sleep 0.25
  done
  sleep "$interval"
}
for cycle in $(seq 1 "$cycles"); do
  under_load
  kill -9 "$pid"
  wait "$pid" 2>/dev/null || true
  echo "cycle $cycle: killed with $(wc -l <"$acked") acknowledged so far"
  start_site
done
under_load
touch "$stop"
wait "$submitter"
kill -TERM "$pid"
wait "$pid" 2>/dev/null || true
pid=""

# The checks.
sqlite3 -readonly "$db" "SELECT tracking_number FROM requests;" | sort >"$dir/stored.txt"
sort "$acked" >"$dir/acked-sorted.txt"
acknowledged=$(wc -l <"$acked")
acked_twice=$(uniq -d "$dir/acked-sorted.txt" | wc -l)
stored=$(wc -l <"$dir/stored.txt")
stored_twice=$(uniq -d "$dir/stored.txt" | wc -l)
missing=$(comm -23 <(uniq "$dir/acked-sorted.txt") "$dir/stored.txt" | wc -l)
set +e
"$cli" audit verify --db "$db" >"$dir/verify.txt" 2>&1
verify=$?
set -e
cat "$dir/submitter.log"
sed 's/^/  verify: /' "$dir/verify.txt"
echo "RESULT cycles=$cycles acknowledged=$acknowledged stored=$stored missing=$missing acked_twice=$acked_twice stored_twice=$stored_twice audit_verify_exit=$verify"
[[ $missing -eq 0 && $acked_twice -eq 0 && $stored_twice -eq 0 && $verify -eq 0 ]]
