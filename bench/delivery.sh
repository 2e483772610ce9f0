#!/usr/bin/env bash
# Delivery API throughput with wrk (2 threads, 32 connections, 15 s each, loopback only) on a
# fresh embedded database seeded with 1,000 published sample-sized articles (20 sections,
# 8 citations), 50 of them with 200 versions each:
#   (a) the service's fastest constant response of the same size (a static file) as the limit
#   (b) one article as JSON  (c) the same with If-None-Match (304)  (d) an article with 200 versions
#   (e) a list page  (f) a search, repeated (served from the list cache) and (f') random searches
#   that mostly reach PostgreSQL
#   bash bench/delivery.sh [articles] [articles-with-history] [versions]
# With the container image's memory flags (a 512 MiB container):
#   BENCH_JAVA_OPTS="-XX:MaxRAM=512m -XX:MaxRAMPercentage=50 -XX:+UseSerialGC" bash bench/delivery.sh
source "$(dirname "$0")/common.sh"
ARTICLES=${1:-1000}; DEEP=${2:-50}; VERSIONS=${3:-200}; DURATION=${DURATION:-15s}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
cd "$ROOT/bench"
echo "seeding $ARTICLES articles ($DEEP with $VERSIONS versions)..."
read -r PLAIN DEEP_SLUG < <(python3 seed_published.py "$BASE" "$ARTICLES" "$DEEP" "$VERSIONS")
ARTICLE="$BASE/api/v1/articles/$PLAIN"
curl -fsS "$ARTICLE" -o "$BENCH_DIR/article.json"
SIZE=$(stat -c %s "$BENCH_DIR/article.json")
STATIC_SIZE=$(curl -fsS "$BASE/examples/article.json" | wc -c)   # served from memory by a Vert.x route
ETAG=$(curl -fsSI "$ARTICLE" | awk -F': ' 'tolower($1)=="etag" {print $2}' | tr -d '\r')
echo "article JSON: $SIZE bytes; static reference file: $STATIC_SIZE bytes; ETag $ETAG"

run() { # name, url, header, variable, [wrk script]
  local out args=(-t2 -c32 --latency)
  [ -n "${3:-}" ] && args+=(-H "$3")
  [ -n "${5:-}" ] && args+=(-s "$5")
  wrk "${args[@]}" -d3s "$2" >/dev/null   # warm-up: JIT and caches
  out=$(wrk "${args[@]}" -d"$DURATION" "$2")
  local now; now=$(rss_mib); [ "$now" -gt "${PEAK_RSS:-0}" ] && PEAK_RSS=$now
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  grep -q "Non-2xx or 3xx" <<<"$out" && echo "WARNING: $1 had error responses"
  printf "%-28s %10s req/s   p50 %8s   p99 %8s\n" "$1" "$rps" "$p50" "$p99"
  eval "RPS_$4=$rps"
}
curl -fsS "$BASE/api/v1/articles/$DEEP_SLUG" >/dev/null
run "(a) static, same size" "$BASE/examples/article.json" "" a
run "(b) article JSON" "$ARTICLE" "" b
run "(c) If-None-Match -> 304" "$ARTICLE" "If-None-Match: $ETAG" c
run "(d) article, 200 versions" "$BASE/api/v1/articles/$DEEP_SLUG" "" d
run "(e) list page" "$BASE/api/v1/articles?limit=20" "" e
run "(f) search, same query" "$BASE/api/v1/articles?q=probiotic%20yogurt" "" f
run "(f') search, random queries" "$BASE" "" g "$ROOT/bench/random-search.lua"
python3 -c "print(f'(b)/(a) = {$RPS_b/$RPS_a:.2f}   (d)/(b) = {$RPS_d/$RPS_b:.2f}')"
