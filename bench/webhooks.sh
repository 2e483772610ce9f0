#!/usr/bin/env bash
# Webhook delivery: N publications of a 20-section article in a row, each announced to a receiver on
# 127.0.0.1; prints approve latency, publish-to-receipt latency, and events lost or repeated.
#   bash bench/webhooks.sh [publications]
export IMPRIMATUR_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true
source "$(dirname "$0")/common.sh"
cd "$ROOT/bench"
python3 webhook_latency.py "$BASE" "${1:-1000}"
