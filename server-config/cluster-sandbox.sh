#!/usr/bin/env bash
# Two Ventanilla nodes behind HAProxy on one machine, for trying the cluster: the balancer at
# http://localhost:8080/, node1 and node2 (-Djboss.node.name) on port offsets 100 and 200 above it,
# on PostgreSQL (Debian's, started if none runs). Runs in the foreground; Ctrl-C stops everything it
# started. Prints "Cluster ready" once both nodes serve through the balancer (its status page on
# port 8130). Kill a node (kill -9 the pid it prints) and carry on working through the balancer.
#
# Environment (all optional):
#   VENTANILLA_PORT_OFFSET     moves every port: balancer 8080+offset, nodes offset+100 and +200
#   VENTANILLA_ADMIN_PASSWORD  password of the first 'admin' (default: generated, printed once in a
#                              node's log: server-config/target/cluster/node1/log/console.log)
#   VENTANILLA_SKIP_BUILD=true start what was built last
#   VENTANILLA_DB_URL, _USER, _PASSWORD   another PostgreSQL database (default: the local
#                              ventanilla_cluster, created with the role ventanilla if missing)
#   VENTANILLA_DATA_DIR        attachments, shared by both nodes (default ./data/cluster)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
wildfly="$root/server-config/target/wildfly"
work="$root/server-config/target/cluster"
offset="${VENTANILLA_PORT_OFFSET:-0}"
command -v haproxy >/dev/null || { echo "HAProxy is needed: apt-get install -y haproxy" >&2; exit 1; }

if [[ -z "${VENTANILLA_DB_URL:-}" ]]; then
  if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    command -v pg_ctlcluster >/dev/null || { echo "PostgreSQL is needed: apt-get install -y postgresql" >&2; exit 1; }
    pg_ctlcluster "$(ls /usr/lib/postgresql | sort -V | tail -1)" main start
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  fi
  as_postgres() { runuser -u postgres -- "$@"; }
  if ! as_postgres psql -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'ventanilla'" | grep -q 1; then
    as_postgres psql -qc "CREATE ROLE ventanilla LOGIN PASSWORD 'ventanilla'"
  fi
  if ! as_postgres psql -tAc "SELECT 1 FROM pg_database WHERE datname = 'ventanilla_cluster'" | grep -q 1; then
    as_postgres createdb -O ventanilla ventanilla_cluster
    as_postgres psql -q -d ventanilla_cluster -c 'CREATE EXTENSION IF NOT EXISTS unaccent; CREATE EXTENSION IF NOT EXISTS pg_trgm;'
  fi
  export VENTANILLA_DB_URL="jdbc:postgresql://127.0.0.1:5432/ventanilla_cluster"
  export VENTANILLA_DB_USER="ventanilla" VENTANILLA_DB_PASSWORD="ventanilla"
fi

if [[ "${VENTANILLA_SKIP_BUILD:-false}" != "true" ]]; then
  echo "Building Ventanilla and configuring WildFly for PostgreSQL (a few minutes the first time)..."
  (cd "$root" && mvn -B -q -ntp -DskipTests package)
fi

data_dir="${VENTANILLA_DATA_DIR:-$root/data/cluster}"
mkdir -p "$data_dir" && chmod 700 "$data_dir"
export VENTANILLA_DATA_DIR="$(cd "$data_dir" && pwd)"
# Nodes sharing a database share the key of the channel secrets.
if [[ -z "${VENTANILLA_SECRET_KEY:-}" ]]; then
  key_file="$VENTANILLA_DATA_DIR/cluster-secret.key"
  [[ -f "$key_file" ]] || (umask 077 && head -c 32 /dev/urandom | base64 >"$key_file")
  export VENTANILLA_SECRET_KEY="$(cat "$key_file")"
fi

# Each node a base dir of its own (configuration, data, logs, deployments), made afresh from the
# provisioned server's configuration with cluster.cli applied once.
rm -rf "$work"
mkdir -p "$work/node1" "$work/node2"
cp -r "$wildfly/standalone/configuration" "$work/node1/configuration"
rm -rf "$work/node1/configuration/standalone_xml_history"
echo "Applying server-config/cli/cluster.cli..."
JAVA_OPTS="-Djboss.server.base.dir=$work/node1 -Djboss.server.log.dir=$work/cli-log" NOPAUSE=true \
  "$wildfly/bin/jboss-cli.sh" --no-color-output --file="$root/server-config/cli/cluster.cli" >"$work/cluster-cli.log" 2>&1 \
  || { tail -30 "$work/cluster-cli.log"; exit 1; }
rm -rf "$work/node1/data" "$work/node1/configuration/standalone_xml_history"
cp -r "$work/node1/configuration" "$work/node2/configuration"

export VENTANILLA_CLUSTER_HOSTS="127.0.0.1[$((7600 + offset + 100))],127.0.0.1[$((7600 + offset + 200))]"
pids=()
stop() {
  trap - INT TERM EXIT
  echo "Stopping the cluster..."
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 30); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
}
trap stop INT TERM EXIT

umask 077
for n in 1 2; do
  mkdir -p "$work/node$n/deployments" "$work/node$n/log"
  cp "$root/ear/target/ventanilla.ear" "$work/node$n/deployments/"
  setsid "$wildfly/bin/standalone.sh" \
    -Djboss.server.base.dir="$work/node$n" -Djboss.node.name="node$n" \
    -Djboss.socket.binding.port-offset=$((offset + 100 * n)) \
    -Dventanilla.data.dir="$VENTANILLA_DATA_DIR" -b 127.0.0.1 >"$work/node$n/log/console.log" 2>&1 &
  pids+=($!)
  echo "node$n: http://localhost:$((8080 + offset + 100 * n))/ (process group $!, log $work/node$n/log/console.log)"
done

export VENTANILLA_BALANCER_BIND="127.0.0.1:$((8080 + offset))"
export VENTANILLA_BALANCER_STATS="127.0.0.1:$((8130 + offset))"
export VENTANILLA_NODE1="127.0.0.1:$((8180 + offset))" VENTANILLA_NODE2="127.0.0.1:$((8280 + offset))"
setsid haproxy -db -f "$root/server-config/haproxy.cfg" >"$work/haproxy.log" 2>&1 &
pids+=($!)
echo "balancer: http://localhost:$((8080 + offset))/ (HAProxy, status page http://localhost:$((8130 + offset))/)"

# Ready: the balancer's own health checks see both nodes UP.
for _ in $(seq 1 300); do
  csv="$(curl -s "http://$VENTANILLA_BALANCER_STATS/;csv" || true)"
  if grep -q '^nodes,node1,.*,UP,' <<<"$csv" && grep -q '^nodes,node2,.*,UP,' <<<"$csv"; then
    echo "Cluster ready: http://localhost:$((8080 + offset))/ (node1 and node2 behind HAProxy)"
    wait
    exit 0
  fi
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || { echo "a process of the cluster exited during start; see $work" >&2; exit 1; }
  done
  sleep 1
done
echo "The nodes did not come up in 5 minutes; see $work/node*/log/console.log" >&2
exit 1
