#!/usr/bin/env bash
# Server-side render of the studio's review screen (docs/studio.md): a 20-section article under
# review, with the diff against its live version, the rendered article and its sources, read by a
# signed-in reviewer. wrk on loopback, 15 s each: one connection (the latency of one render) and
# 8 connections (renders competing for the 2 cores).  Goal: p99 <= 50 ms.
#   bash bench/review.sh
source "$(dirname "$0")/common.sh"
DURATION=${DURATION:-15s}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
cd "$ROOT/bench"
read -r REVIEW_PATH COOKIE < <(python3 review_setup.py "$BASE")
PAGE="$BASE$REVIEW_PATH"
curl -fsS -H "Cookie: $COOKIE" "$PAGE" -o "$BENCH_DIR/review.html"
grep -q "Decision on version 2" "$BENCH_DIR/review.html" || { echo "the review page did not render"; exit 1; }
echo "review page: $(stat -c %s "$BENCH_DIR/review.html") bytes, $(grep -c 'class="diff-section"' "$BENCH_DIR/review.html") changed parts"
run() { # name, connections
  local out
  wrk -t1 -c"$2" -d3s -H "Cookie: $COOKIE" "$PAGE" >/dev/null   # warm-up: JIT and caches
  out=$(wrk -t"$(( $2 > 1 ? 2 : 1 ))" -c"$2" -d"$DURATION" --latency -H "Cookie: $COOKIE" "$PAGE")
  grep -q "Non-2xx or 3xx" <<<"$out" && echo "WARNING: $1 had error responses"
  printf "%-22s %8s req/s   p50 %8s   p99 %8s\n" "$1" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
    "$(awk '$1=="50%" {print $2}' <<<"$out")" "$(awk '$1=="99%" {print $2}' <<<"$out")"
}
run "1 connection" 1
run "8 connections" 8
