#!/usr/bin/env bash
# configure.sh WILDFLY_HOME - applies the Ventanilla jboss-cli scripts (server-config/cli/) to
# WILDFLY_HOME/standalone/configuration/standalone.xml in embedded (offline) mode.
# Run it before every start, with the server stopped: every script is idempotent, so a second run
# changes nothing. Order: logging -> http -> presence -> datasource -> security realm (-> cluster).
#
# Environment:
#   VENTANILLA_DB_URL          set  -> datasource-postgresql.cli (VentanillaDS on PostgreSQL)
#                              unset -> datasource-h2.cli (file DB in -Dventanilla.data.dir)
#   VENTANILLA_PG_DRIVER_JAR   path to postgresql-42.7.x.jar (required with VENTANILLA_DB_URL)
#   VENTANILLA_REALM           jdbc (default) | filesystem | ldap
#   VENTANILLA_CLUSTER=true    also cluster.cli: this server becomes a cluster node (see its header)
#   VENTANILLA_LDAP_BIND_PASSWORD  required with ldap, also here (Elytron resolves it when adding the
#                              dir-context); it is still only stored as an ${env.*} expression
# The DB user/password and LDAP settings are *not* needed here: standalone.xml only holds
# ${env.*} expressions that the running server resolves (see the scripts' headers).
# Output: one line per script; details in WILDFLY_HOME/standalone/log/configure.log.
set -euo pipefail

if [[ $# -ne 1 || ! -x "$1/bin/jboss-cli.sh" ]]; then
    echo "usage: $0 WILDFLY_HOME   (directory containing bin/jboss-cli.sh)" >&2
    exit 2
fi
WILDFLY_HOME=$(cd "$1" && pwd)
CLI_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/cli" && pwd)
LOG_DIR="$WILDFLY_HOME/standalone/log"
LOG="$LOG_DIR/configure.log"
mkdir -p "$LOG_DIR"

# Scratch space, removed on exit: the --properties file for jboss-cli (only datasource-postgresql.cli
# reads it) and the log dir of the embedded server, so its boot/stop messages (and an empty
# ventanilla.log) do not land in the real server.log; they are echoed into configure.log instead.
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/ventanilla-configure.XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT
PROPS="$SCRATCH/cli.properties"

fail() {
    echo "configure.sh: FAILED: $*" >&2
    if [[ -f "$LOG" ]]; then
        echo "---- last 40 lines of $LOG ----" >&2
        tail -n 40 "$LOG" >&2
    fi
    exit 1
}

# Running the embedded server against the config of a live server would corrupt it.
# A running server already has its configuration: leave it alone (a build while it runs still works).
if [[ -n "$(pgrep -f -- "-Djboss.home.dir=$WILDFLY_HOME " 2>/dev/null || true)" ]]; then
    echo "configure.sh: a WildFly server from $WILDFLY_HOME is running; configuration left as it is" >&2
    exit 0
fi

# The embedded server writes standalone/{data,tmp} and configuration/standalone_xml_history/ as the
# user running this script; if that is not the server's user (e.g. root), a later normal start may
# fail on permissions. Those directories are otherwise harmless for a normal start.
owner=$(stat -c %U "$WILDFLY_HOME/standalone/configuration/standalone.xml")
if [[ "$(id -un)" != "$owner" ]]; then
    echo "configure.sh: warning: running as $(id -un) but standalone.xml belongs to $owner;" \
         "files created now under $WILDFLY_HOME/standalone will belong to $(id -un)" >&2
fi

run_cli() {
    local script="$CLI_DIR/$1"
    [[ -f "$script" ]] || fail "missing script $script"
    printf '\n===== %s %s =====\n' "$(date '+%F %T')" "$1" >>"$LOG"
    # The embedded server's console output is colored: strip the ANSI codes for the log.
    # With pipefail the pipeline fails if jboss-cli (or timeout) fails.
    if JAVA_OPTS="${JAVA_OPTS:-} -Djboss.server.log.dir=$SCRATCH/log" NOPAUSE=true \
            timeout 300 "$WILDFLY_HOME/bin/jboss-cli.sh" --no-color-output \
            --properties="$PROPS" --file="$script" 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >>"$LOG"; then
        echo "configure.sh: $1 ok"
    else
        fail "$1 (exit $?)"
    fi
}

: >"$PROPS"
run_cli logging.cli
run_cli http.cli
run_cli presence.cli

if [[ -n "${VENTANILLA_DB_URL:-}" ]]; then
    jar="${VENTANILLA_PG_DRIVER_JAR:-}"
    [[ -n "$jar" && -f "$jar" ]] \
        || fail "VENTANILLA_DB_URL is set but VENTANILLA_PG_DRIVER_JAR ('$jar') is not a readable file"
    jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")
    # Properties syntax: backslashes must be escaped.
    printf 'ventanilla.pg.driver.jar=%s\n' "${jar//\\/\\\\}" >"$PROPS"
    run_cli datasource-postgresql.cli
else
    run_cli datasource-h2.cli
fi

case "${VENTANILLA_REALM:-jdbc}" in
    jdbc)       run_cli security-jdbc.cli ;;
    filesystem) run_cli security-filesystem.cli ;;
    ldap)       # Elytron resolves the dir-context's credential expression even in embedded mode.
                [[ -n "${VENTANILLA_LDAP_BIND_PASSWORD:-}" ]] \
                    || fail "VENTANILLA_REALM=ldap needs VENTANILLA_LDAP_BIND_PASSWORD set (here and at server start)"
                run_cli security-ldap.cli ;;
    *)          fail "VENTANILLA_REALM must be jdbc, filesystem or ldap (got '${VENTANILLA_REALM}')" ;;
esac

# cluster: a node of a Ventanilla cluster (undo-cluster.cli makes it a single server again).
if [[ "${VENTANILLA_CLUSTER:-false}" == "true" ]]; then
    run_cli cluster.cli
fi
