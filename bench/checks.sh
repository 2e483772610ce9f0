#!/usr/bin/env bash
# GET …/checks (docs/clinical-checks.md) of the reference article, ../shared/samples in 20 sections
# as the tests build it: every check and the reading figures computed on each request (nothing is
# cached). wrk on loopback after a warm-up that lets the JIT compiler settle: one connection (the
# latency of one read) and 8 connections (reads competing for the 2 cores).  Goal: p99 <= 20 ms warmed.
#   bash bench/checks.sh [seconds per run]
source "$(dirname "$0")/common.sh"
SECONDS_EACH=${1:-15}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
cd "$ROOT/bench"
read -r CHECKS_PATH TOKEN < <(python3 checks_setup.py "$BASE")
URL="$BASE$CHECKS_PATH"
curl -fsS -H "Authorization: Bearer $TOKEN" "$URL" -o "$BENCH_DIR/checks.json"
echo "checks answer: $(stat -c %s "$BENCH_DIR/checks.json") bytes, $(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$BENCH_DIR/checks.json") findings"
wrk -t2 -c4 -d"${WARM_UP:-40}s" -H "Authorization: Bearer $TOKEN" "$URL" >/dev/null
run() { # name, connections
  local out
  out=$(wrk -t"$(( $2 > 1 ? 2 : 1 ))" -c"$2" -d"${SECONDS_EACH}s" --latency -H "Authorization: Bearer $TOKEN" "$URL")
  grep -q "Non-2xx or 3xx" <<<"$out" && echo "WARNING: $1 had error responses"
  printf "%-16s %8s req/s   p50 %8s   p99 %8s\n" "$1" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
    "$(awk '$1=="50%" {print $2}' <<<"$out")" "$(awk '$1=="99%" {print $2}' <<<"$out")"
}
run "1 connection" 1
run "8 connections" 8
