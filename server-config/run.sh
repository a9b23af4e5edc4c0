#!/usr/bin/env bash
# Builds Ventanilla, provisions and configures WildFly (server-config/configure.sh), deploys the EAR
# and runs the server in the foreground at http://localhost:8080/. Ctrl-C stops it cleanly.
#
# Environment (all optional):
#   VENTANILLA_DATA_DIR       where the H2 database and attachments live (default: ./data)
#   VENTANILLA_ADMIN_PASSWORD password of the first 'admin' (default: generated, printed once)
#   VENTANILLA_DB_URL, VENTANILLA_DB_USER, VENTANILLA_DB_PASSWORD   use PostgreSQL instead of H2
#   VENTANILLA_REALM          jdbc (default), filesystem or ldap: see server-config/cli/security-*.cli
#   VENTANILLA_HTTP_PORT      HTTP port (default 8080)
#   VENTANILLA_PORT_OFFSET    moves every port, HTTP and management alike (default 0)
#   VENTANILLA_BIND_ADDRESS   address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
#   VENTANILLA_DEMO=true      a few sample tickets on an empty database
#   VENTANILLA_SKIP_BUILD=true  start what was built last (no Maven run)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
wildfly="$root/server-config/target/wildfly"

data_dir="${VENTANILLA_DATA_DIR:-$root/data}"
mkdir -p "$data_dir"
chmod 700 "$data_dir"   # customers, messages, password hashes: the server's user only
data_dir="$(cd "$data_dir" && pwd)"
export VENTANILLA_DATA_DIR="$data_dir"

if [[ "${VENTANILLA_SKIP_BUILD:-false}" != "true" ]]; then
  echo "Building Ventanilla and configuring WildFly (the first build downloads WildFly and the libraries; a few minutes)..."
  (cd "$root" && mvn -B -q -ntp -DskipTests package)
fi

# One deployment, the one just built: clear markers of earlier runs first.
rm -f "$wildfly"/standalone/deployments/ventanilla.ear*
cp "$root/ear/target/ventanilla.ear" "$wildfly/standalone/deployments/ventanilla.ear"

port="${VENTANILLA_HTTP_PORT:-8080}"
offset="${VENTANILLA_PORT_OFFSET:-0}"
echo "Starting Ventanilla on http://localhost:$((port + offset))/ with data in $data_dir"
echo "Sign in as 'admin' (password: VENTANILLA_ADMIN_PASSWORD, or the one printed once below on first start)."
# What the server writes (the H2 database, attachments, logs) is readable by its own user only.
umask 077
exec "$wildfly/bin/standalone.sh" \
  -Dventanilla.data.dir="$data_dir" \
  -Djboss.http.port="$port" \
  -Djboss.socket.binding.port-offset="$offset" \
  -b "${VENTANILLA_BIND_ADDRESS:-127.0.0.1}"
