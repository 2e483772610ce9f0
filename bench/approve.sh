#!/usr/bin/env bash
# Creating and approving a 20-section, 8-citation article through the API, durable commits: wrk
# with one connection (bench/approve.lua). Create: a new article per request. Approve: each request
# approves a different article already submitted for review, which publishes it (approve -> live).
# Each is warmed up first (JIT) and then measured. Loopback only; shows the driver's CPU share.
#   bash bench/approve.sh [seconds per run]
source "$(dirname "$0")/common.sh"
SECONDS_EACH=${1:-10}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
cd "$ROOT/bench"
export APPROVE_BENCH_DIR="$BENCH_DIR/approve"
mkdir -p "$APPROVE_BENCH_DIR"
# Enough submitted articles for the warm-up and the measured run at well over 100 approvals/s.
SUBMITTED=$((300 * (SECONDS_EACH + 5)))
python3 approve_setup.py "$BASE" "$APPROVE_BENCH_DIR" "$SUBMITTED"

CORES=$(nproc)
ms() { # wrk's latency with its unit, in milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
run() { # mode, first number, seconds, label
  local out
  out=$(APPROVE_BENCH_MODE=$1 APPROVE_BENCH_FIRST=$2 /usr/bin/time -f "%U %S %e" -o "$BENCH_DIR/wrk-time" \
        wrk -t1 -c1 -d"$3s" --latency -s approve.lua "$BASE" 2>&1)
  [ -z "$4" ] && { echo "$out" | awk '/^requests/ {print $2}' | tr -d ,; return; }
  awk -v label="$4" -v rate="$(echo "$out" | awk '/Requests\/sec/ {printf "%.0f", $2}')" \
      -v p50="$(ms "$(echo "$out" | awk '$1 == "50%" {print $2}')")" \
      -v p99="$(ms "$(echo "$out" | awk '$1 == "99%" {print $2}')")" \
      -v refused="$(echo "$out" | awk '/^requests/ {print $NF}')" \
      -v cpu="$(awk -v c="$CORES" '{printf "%.0f", ($1 + $2) / $3 / c * 100}' "$BENCH_DIR/wrk-time")" \
      'BEGIN { printf "%s, 1 client: %s/s, p50 %s ms, p99 %s ms; refused %s; wrk used %s%% of the machine'"'"'s CPU\n", label, rate, p50, p99, refused, cpu }'
}
# A request still under way when wrk stops may have been served: the measured run skips a few.
warmed=$(run create 1 5 "")
run create $((warmed + 5)) "$SECONDS_EACH" "create"
warmed=$(run approve 1 5 "")
run approve $((warmed + 5)) "$SECONDS_EACH" "approve -> live"
