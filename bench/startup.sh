#!/usr/bin/env bash
# Time from launch to ready (/q/health/ready answers 200) of the packaged service restarting on
# existing data: RUNS restarts against the machine's PostgreSQL 15 (external database), then RUNS on
# the embedded default, each with the JVM's defaults (the README's run command) and with the flags
# the container image sets (docker/Dockerfile). The first start of each migrates and is not counted.
# Usage: bash bench/startup.sh [RUNS]
set -euo pipefail
RUNS=${1:-5}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR="$ROOT/target/quarkus-app/quarkus-run.jar"
[ -f "$JAR" ] || (cd "$ROOT" && mvn -B -q -DskipTests package)
PG_BIN=/usr/lib/postgresql/15/bin
work=$(mktemp -d /tmp/imprimatur-startup.XXXXXX)
# PostgreSQL 15 runs as the postgres user in a folder of its own; the embedded server runs as the
# caller and must not find its folder owned by someone else.
pg_work=$(mktemp -d /tmp/imprimatur-startup-pg.XXXXXX)
pg_dir="$pg_work/pg"
service_pid=""
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
cleanup() {
  [ -n "$service_pid" ] && kill "$service_pid" 2>/dev/null && wait "$service_pid" 2>/dev/null || true
  [ -f "$pg_dir/postmaster.pid" ] && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$pg_dir" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$work" "$pg_work"
}
trap cleanup EXIT
http_port=$(free_port)
management_port=$(free_port)

# Starts the jar with the given environment, prints the milliseconds until ready, stops it.
time_to_ready() {
  local start end
  start=$(date +%s%N)
  env "$@" QUARKUS_HTTP_PORT="$http_port" QUARKUS_MANAGEMENT_PORT="$management_port" \
    java $java_options -jar "$JAR" >"$work/service.log" 2>&1 &
  service_pid=$!
  until curl -fsS -o /dev/null "http://127.0.0.1:$management_port/q/health/ready" 2>/dev/null; do
    kill -0 "$service_pid" 2>/dev/null || { cat "$work/service.log"; exit 1; }
    sleep 0.02
  done
  end=$(date +%s%N)
  kill "$service_pid"; wait "$service_pid" 2>/dev/null || true
  service_pid=""
  echo $(((end - start) / 1000000))
}

report() { # label, then the timings in ms
  local label=$1; shift
  printf '%s: %s ms; median %s ms\n' "$label" "$*" "$(printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
}

mkdir -p "$pg_dir" && chown postgres:postgres "$pg_work" "$pg_dir"
runuser -u postgres -- "$PG_BIN/initdb" -D "$pg_dir" -U postgres --auth=trust >/dev/null
pg_port=$(free_port)
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$pg_dir" -l "$pg_dir/server.log" \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1" -w start >/dev/null
external=(QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$pg_port/postgres"
  QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=unused)
embedded=(IMPRIMATUR_DATA_DIR="$work/embedded" QUARKUS_LOG_CATEGORY__IO_ZONKY__LEVEL=WARN)
image_flags=$(sed -n 's/.*JAVA_TOOL_OPTIONS="\([^"]*\)".*/\1/p' "$ROOT/docker/Dockerfile")
for database in external embedded; do
  declare -n environment=$database
  java_options=""
  time_to_ready "${environment[@]}" >/dev/null
  for flags in "" "$image_flags"; do
    java_options=$flags
    times=()
    for _ in $(seq 1 "$RUNS"); do times+=("$(time_to_ready "${environment[@]}")"); done
    report "$database database, ready after restart, JVM flags: ${flags:-none}" "${times[@]}"
  done
done
