#!/usr/bin/env bash
# Imports generated libraries (bench/import_library.py: articles the size of the specification's
# reference article) into the packaged service on a fresh embedded database with durable commits,
# through POST /api/v1/editorial/import and through the jar's import command, and prints articles/s
# (and versions/s for a library with history). Usage: bash bench/import.sh [N] (default 10000).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
N=${1:-10000}
HISTORY_N=$((N / 10))
python3 "$ROOT/bench/import_library.py" "$N" api "1" "$BENCH_DIR/api.ndjson"
python3 "$ROOT/bench/import_library.py" "$N" jar "1" "$BENCH_DIR/jar.ndjson"
python3 "$ROOT/bench/import_library.py" "$HISTORY_N" history "3" "$BENCH_DIR/history.ndjson"
echo "files: $(du -h "$BENCH_DIR/api.ndjson" | cut -f1) for $N single-version articles, $(du -h "$BENCH_DIR/history.ndjson" | cut -f1) for $HISTORY_N articles of 3 versions"
TOKEN=$(curl -s -X POST "$BASE/api/v1/auth/token" -H 'content-type: application/json' \
  -d '{"username":"admin","password":"demo"}' | sed 's/.*"access_token":"\([^"]*\)".*/\1/')

api_import() {   # file → prints the answer's counts and the rate
  local file=$1 start end answer
  start=$(date +%s.%N)
  answer=$(curl -s -X POST "$BASE/api/v1/editorial/import" -H "authorization: Bearer $TOKEN" \
    -H 'content-type: application/x-ndjson' --data-binary "@$file")
  end=$(date +%s.%N)
  python3 - "$answer" "$start" "$end" <<'PY'
import json, sys
a = json.loads(sys.argv[1]); s = float(sys.argv[3]) - float(sys.argv[2])
print(f"  imported {a['imported']}, versions {a['versions']}, unchanged {a['unchanged']}, failed {a['failed']} in {s:.1f} s:"
      f" {a['imported'] / s:,.0f} articles/s, {a['versions'] / s:,.0f} versions/s")
PY
}

echo "API, $N single-version articles:"
api_import "$BENCH_DIR/api.ndjson"
echo "API, the same file again (every line unchanged):"
api_import "$BENCH_DIR/api.ndjson"
echo "API, $HISTORY_N articles with 3 versions each, the newest live:"
api_import "$BENCH_DIR/history.ndjson"
echo "jar command, $N single-version articles (beside the running service, on its database):"
start=$(date +%s.%N)
IMPRIMATUR_DATA_DIR="$BENCH_DIR/data" java ${BENCH_JAVA_OPTS:--Xmx1g} -jar "$JAR" import "$BENCH_DIR/jar.ndjson" \
  >"$BENCH_DIR/command.log" 2>&1 || { echo "  the command failed:"; tail -20 "$BENCH_DIR/command.log"; }
end=$(date +%s.%N)
tr '\r' '\n' <"$BENCH_DIR/command.log" | grep -v '^\s*$' | tail -2 | sed 's/^/  /'
python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); print(f'  {int(sys.argv[3]) / s:,.0f} articles/s including the command start ({s:.1f} s)')" "$start" "$end" "$N"
