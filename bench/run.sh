#!/usr/bin/env bash
# Runs the benchmarks on PostgreSQL: starts PostgreSQL (Debian's, on loopback) if it is not
# running, builds Ventanilla for it, starts the server on a fresh database and data dir (ports
# moved by 500: http://localhost:8580/), runs the bench client, writes bench/results.json, stops
# the server. With no arguments it runs everything at full size.
#
# Usage: bench/run.sh [--mails 1000] [--deliveries 2000] [--tickets 100000] [--messages 1000000]
#                     [--only whatsapp,email,latency,lookups,load]   (only the parts named)
#                     [--no-ingest]   (skips the WhatsApp and email ingest: seeded lookups only)
# Environment: VENTANILLA_BENCH_PORT_OFFSET (default 500), VENTANILLA_BENCH_DB (default
# ventanilla_bench; dropped and created afresh), so that two runs on one machine stay apart.
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
offset="${VENTANILLA_BENCH_PORT_OFFSET:-500}"
database="${VENTANILLA_BENCH_DB:-ventanilla_bench}"
[[ "$database" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "VENTANILLA_BENCH_DB: not a plain name" >&2; exit 2; }
as_postgres dropdb --if-exists "$database"
as_postgres createdb -O ventanilla "$database"
# Search needs unaccent and pg_trgm (trusted extensions, but a role that does not own the database
# cannot create them).
as_postgres psql -q -d "$database" -c 'CREATE EXTENSION IF NOT EXISTS unaccent; CREATE EXTENSION IF NOT EXISTS pg_trgm;'

export VENTANILLA_DB_URL="jdbc:postgresql://127.0.0.1:5432/$database"
export VENTANILLA_DB_USER="ventanilla" VENTANILLA_DB_PASSWORD="ventanilla"
export VENTANILLA_ADMIN_PASSWORD="bench-Admin-1"
export VENTANILLA_DATA_DIR="$(mktemp -d /tmp/ventanilla-bench.XXXXXX)"
export VENTANILLA_PORT_OFFSET="$offset"

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

# The server's JVM (standalone.sh runs it as a child, in the group setsid made): the client asks it
# for its heap after a full GC (jcmd) and reads its start time from the log.
java_pid="$(pgrep -g "$server" -f 'jboss-modules.jar' | head -1)"

mvn -B -q -ntp -pl bench exec:java \
  -Dexec.args="--url http://localhost:$((8080 + offset)) --password $VENTANILLA_ADMIN_PASSWORD --database PostgreSQL --out $root/bench/results.json --server-pid ${java_pid:-0} --server-log $log $*"
