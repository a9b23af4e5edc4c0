#!/usr/bin/env bash
# Runs the benchmarks on PostgreSQL: starts PostgreSQL (Debian's, on loopback) if it is not
# running, builds Ventanilla for it, starts the server on a fresh database and data dir (ports
# moved by 500: http://localhost:8580/), runs the bench client, writes bench/results.json, stops
# the server. Usage: bench/run.sh [--mails 1000] [--search-tickets 10000] (100000 for the full size)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  if ! command -v pg_ctlcluster >/dev/null; then
    echo "PostgreSQL is needed: apt-get install -y postgresql" >&2
    exit 1
  fi
  version="$(ls /usr/lib/postgresql | sort -V | tail -1)"
  pg_ctlcluster "$version" main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
as_postgres() { runuser -u postgres -- "$@"; }
if ! as_postgres psql -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'ventanilla'" | grep -q 1; then
  as_postgres psql -qc "CREATE ROLE ventanilla LOGIN PASSWORD 'ventanilla'"
fi
as_postgres dropdb --if-exists ventanilla_bench
as_postgres createdb -O ventanilla ventanilla_bench
# Search needs unaccent and pg_trgm (trusted extensions, but a role that does not own the database
# cannot create them).
as_postgres psql -q -d ventanilla_bench -c 'CREATE EXTENSION IF NOT EXISTS unaccent; CREATE EXTENSION IF NOT EXISTS pg_trgm;'

export VENTANILLA_DB_URL="jdbc:postgresql://127.0.0.1:5432/ventanilla_bench"
export VENTANILLA_DB_USER="ventanilla" VENTANILLA_DB_PASSWORD="ventanilla"
export VENTANILLA_ADMIN_PASSWORD="bench-Admin-1"
export VENTANILLA_DATA_DIR="$(mktemp -d /tmp/ventanilla-bench.XXXXXX)"
export VENTANILLA_PORT_OFFSET=500

mvn -B -q -ntp -DskipTests package
log="$root/bench/target/server.log"
mkdir -p "$(dirname "$log")"
VENTANILLA_SKIP_BUILD=true setsid server-config/run.sh >"$log" 2>&1 &
server=$!
stop() {
  kill -TERM -- "-$server" 2>/dev/null || true
  for _ in $(seq 1 60); do pgrep -g "$server" >/dev/null || break; sleep 1; done
  kill -KILL -- "-$server" 2>/dev/null || true
  rm -rf "$VENTANILLA_DATA_DIR"
}
trap stop EXIT
for _ in $(seq 1 180); do
  grep -q WFLYSRV0025 "$log" 2>/dev/null && break
  grep -q WFLYSRV0026 "$log" 2>/dev/null && { tail -40 "$log"; exit 1; }
  sleep 1
done

mvn -B -q -ntp -pl bench exec:java \
  -Dexec.args="--url http://localhost:8580 --password $VENTANILLA_ADMIN_PASSWORD --database PostgreSQL --out $root/bench/results.json $*"
