#!/usr/bin/env bash
# Saving a 20-section, 8-citation article through the API, durable commits, every version kept:
# wrk (bench/save.lua) with 1 and with 8 clients, each on its own article with If-Match carried
# over; then, on the same PostgreSQL in the same run, pgbench with the same transaction shape
# (bench/save_shape.sql) and the ratio of the two. Loopback only; shows the driver's CPU share.
#   bash bench/save.sh [seconds per run]
# SAVE_CHECKS=off turns every clinical check off (IMPRIMATUR_CHECKS_*=off); SAVE_CHECKS=both runs
# the whole benchmark with the checks off, then on, each on a fresh service, and prints the p50 and
# p99 of both and what the checks add (goal: at most 1 ms on the p50). SAVE_BODY=sample saves the
# reference article of ../shared/samples instead of generated words (the default with both).
if [ "${SAVE_CHECKS:-on}" = both ]; then
  set -euo pipefail
  summary=$(mktemp /tmp/imprimatur-save-checks.XXXXXX)
  trap 'rm -f "$summary" "$summary".*' EXIT
  for mode in off on; do
    echo "== checks $mode"
    SAVE_CHECKS=$mode SAVE_BODY=${SAVE_BODY:-sample} bash "$0" "$@" 2>&1 | tee "$summary.$mode"
  done
  figures() { # mode, clients -> "p50 p99"
    sed -n "s/^service, $2 client(s): .* p50 \([0-9.]*\) ms, p99 \([0-9.]*\) ms.*/\1 \2/p" "$summary.$1"
  }
  read -r off1_p50 off1_p99 < <(figures off 1); read -r on1_p50 on1_p99 < <(figures on 1)
  read -r off8_p50 off8_p99 < <(figures off 8); read -r on8_p50 on8_p99 < <(figures on 8)
  printf "checks off: 1 client p50 %s ms, p99 %s ms; 8 clients p50 %s ms, p99 %s ms\n" "$off1_p50" "$off1_p99" "$off8_p50" "$off8_p99"
  printf "checks on:  1 client p50 %s ms, p99 %s ms; 8 clients p50 %s ms, p99 %s ms\n" "$on1_p50" "$on1_p99" "$on8_p50" "$on8_p99"
  awk -v a="$on1_p50" -v b="$off1_p50" 'BEGIN { d = a - b; printf "the checks add %.2f ms to the p50 of one client'"'"'s save (goal: at most 1 ms): %s\n", d, d <= 1 ? "met" : "NOT met" }'
  exit 0
fi
if [ "${SAVE_CHECKS:-on}" = off ]; then
  export IMPRIMATUR_CHECKS_UNCITED_CLAIM=off IMPRIMATUR_CHECKS_CLAIM_CITATION_MISMATCH=off \
    IMPRIMATUR_CHECKS_STALE_SOURCE=off IMPRIMATUR_CHECKS_READING_LEVEL=off
fi
source "$(dirname "$0")/common.sh"
SECONDS_EACH=${1:-20}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -x "$PG_BIN/pgbench" ] || { apt-get update -qq && apt-get install -y -qq postgresql-15 >/dev/null; }
cd "$ROOT/bench"
export SAVE_BENCH_DIR="$BENCH_DIR/save"
mkdir -p "$SAVE_BENCH_DIR"
# Articles 1-8 (warm-up), 9 (one client) and 10-17 (eight clients) for wrk, and eight for pgbench.
read -r -a PG_ARTICLES < <(python3 save_setup.py "$BASE" "$SAVE_BENCH_DIR" 17 8)

# pgbench and psql connect as the embedded server's owner, with the password kept in its data folder.
export PGHOST=127.0.0.1 PGUSER=postgres PGDATABASE=postgres
PGPORT=$(sed -n 4p "$BENCH_DIR/data/postmaster.pid"); export PGPORT
PGPASSWORD=$(sed -n 's/^owner\.password=//p' "$BENCH_DIR/data/imprimatur-credentials.properties"); export PGPASSWORD
values=$(for i in "${!PG_ARTICLES[@]}"; do printf "(%d,'%s')," "$i" "${PG_ARTICLES[$i]}"; done)
"$PG_BIN/psql" -q -c "CREATE TABLE bench_targets (client int PRIMARY KEY, article_id uuid NOT NULL)" \
  -c "INSERT INTO bench_targets VALUES ${values%,}"

CORES=$(nproc)
compiler_ticks() { # CPU time of the JVM's JIT compiler threads so far, in clock ticks
  local total=0 task
  for task in /proc/"$SERVICE_PID"/task/*; do
    case "$(cat "$task/comm" 2>/dev/null)" in
      C1\ Compiler*|C2\ Compiler*) total=$(( total + $(awk '{print $14 + $15}' "$task/stat") )) ;;
    esac
  done
  echo "$total"
}
TICKS=$(getconf CLK_TCK)
ms() { # wrk's latency with its unit, in milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
service_run() { # clients, first article -> "rate p50 p99"
  local clients=$1 out jit_before jit
  jit_before=$(compiler_ticks)
  out=$(SAVE_BENCH_FIRST=$2 /usr/bin/time -f "%U %S %e" -o "$BENCH_DIR/wrk-time" \
        wrk -t"$clients" -c"$clients" -d"${SECONDS_EACH}s" --latency -s save.lua "$BASE")
  jit=$(awk -v t=$(( $(compiler_ticks) - jit_before )) -v hz="$TICKS" -v s="$SECONDS_EACH" -v c="$CORES" \
        'BEGIN {printf "%.0f", t / hz / s / c * 100}')
  local refused rate p50 p99 cpu
  refused=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  rate=$(echo "$out" | awk '/Requests\/sec/ {printf "%.0f", $2}')
  p50=$(ms "$(echo "$out" | awk '$1 == "50%" {print $2}')")
  p99=$(ms "$(echo "$out" | awk '$1 == "99%" {print $2}')")
  cpu=$(awk -v c="$CORES" '{printf "%.0f", ($1 + $2) / $3 / c * 100}' "$BENCH_DIR/wrk-time")
  echo "service, $clients client(s): $rate saves/s, p50 $p50 ms, p99 $p99 ms; refused ${refused:-0}; wrk used $cpu% of the machine's CPU, the JIT compiler $jit%" >&2
  echo "$rate $p50 $p99"
}
pgbench_run() { # clients -> "rate p50 p99"
  local clients=$1 jobs=$(( $1 < CORES ? $1 : CORES )) prefix="$BENCH_DIR/pgbench-$1"
  local out rate
  out=$("$PG_BIN/pgbench" -n -M extended -f save_shape.sql -c "$clients" -j "$jobs" -T "$SECONDS_EACH" -l --log-prefix="$prefix" 2>&1)
  rate=$(echo "$out" | awk '/^tps/ {printf "%.0f", $3}')
  read -r p50 p99 < <(cat "$prefix".* | awk '{print $3 / 1000}' | sort -n | awk '{v[NR] = $1} END {
      i = int(NR * 0.50); if (i < 1) i = 1; j = int(NR * 0.99); if (j < 1) j = 1; printf "%.2f %.2f\n", v[i], v[j] }')
  echo "pgbench, $clients client(s): $rate transactions/s, p50 $p50 ms, p99 $p99 ms" >&2
  echo "$rate $p50 $p99"
}

# Warm-up: the JIT compiler works for a minute or two under load (about 25 s of CPU), and while it
# does it takes a quarter of a core from the saves. Eight clients save until it has settled (under
# a tenth of a core over ten seconds) or WARM_UP_MAX seconds have passed; what follows is the
# steady state of a running replica.
SAVE_BENCH_FIRST=0 wrk -t8 -c8 -d"${WARM_UP_MAX:-300}s" -s save.lua "$BASE" >/dev/null &
WARM_UP_PID=$!
warmed=0 settled=no before=$(compiler_ticks)
while kill -0 "$WARM_UP_PID" 2>/dev/null; do
  sleep 10; warmed=$(( warmed + 10 ))
  now=$(compiler_ticks)
  if [ "$warmed" -ge 30 ] && [ $(( now - before )) -lt "$TICKS" ]; then settled=yes; break; fi
  before=$now
done
kill "$WARM_UP_PID" 2>/dev/null || true
wait "$WARM_UP_PID" 2>/dev/null || true
echo "warm-up: $warmed s of eight clients saving; JIT compiler settled under a tenth of a core: $settled" >&2
read -r s1_rate s1_p50 s1_p99 < <(service_run 1 8)
read -r s8_rate s8_p50 s8_p99 < <(service_run 8 9)
read -r p1_rate p1_p50 p1_p99 < <(pgbench_run 1)
read -r p8_rate p8_p50 p8_p99 < <(pgbench_run 8)
awk -v a="$s1_p50" -v b="$p1_p50" -v c="$p8_rate" -v d="$s8_rate" -v e="$s1_p99" -v f="$p1_p99" 'BEGIN {
  printf "service/pgbench: 1 client p50 %.1fx, p99 %.1fx; 8 clients throughput pgbench/service %.1fx\n", a / b, e / f, c / d }'
