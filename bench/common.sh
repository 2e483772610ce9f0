# Shared by the benchmark scripts: start the packaged service on a fresh embedded database on
# 127.0.0.1, and stop it (and its PostgreSQL) on exit. Source it; it defines BASE.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR="$ROOT/target/quarkus-app/quarkus-run.jar"
[ -f "$JAR" ] || (cd "$ROOT" && mvn -B -q -DskipTests package)
BENCH_DIR=$(mktemp -d /tmp/imprimatur-bench.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
MANAGEMENT_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
BASE="http://127.0.0.1:$PORT"
IMPRIMATUR_DATA_DIR="$BENCH_DIR/data" QUARKUS_HTTP_PORT=$PORT QUARKUS_HTTP_HOST=127.0.0.1 \
  QUARKUS_MANAGEMENT_PORT=$MANAGEMENT_PORT \
  QUARKUS_LOG_CATEGORY__IO_ZONKY__LEVEL=WARN \
  java ${BENCH_JAVA_OPTS:--Xmx1g} -jar "$JAR" >"$BENCH_DIR/service.log" 2>&1 &
SERVICE_PID=$!
# Resident memory of the service's JVM, in MiB (the embedded PostgreSQL is a process of its own).
rss_mib() { awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$SERVICE_PID/status"; }
stop_service() {
  [ -n "${PEAK_RSS:-}" ] && echo "peak RSS of the service's JVM: ${PEAK_RSS} MiB (JVM options: ${BENCH_JAVA_OPTS:--Xmx1g})"
  kill "$SERVICE_PID" 2>/dev/null || true
  wait "$SERVICE_PID" 2>/dev/null || true
  rm -rf "$BENCH_DIR"
}
trap stop_service EXIT
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$SERVICE_PID" 2>/dev/null || { cat "$BENCH_DIR/service.log"; exit 1; }
  sleep 1
done
echo "service ready at $BASE (data in $BENCH_DIR)"
