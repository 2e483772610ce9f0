#!/usr/bin/env bash
# Saving a 20-section article: p50/p99 over 1,000+ saves with one client and with 8 concurrent
# clients, against the packaged service on a fresh embedded database (loopback only).
#   bash bench/save.sh [saves]
source "$(dirname "$0")/common.sh"
SAVES=${1:-1200}
cd "$ROOT/bench"
python3 save_latency.py "$BASE" 200 1 >/dev/null   # warm-up
python3 save_latency.py "$BASE" "$SAVES" 1
python3 save_latency.py "$BASE" "$SAVES" 8
