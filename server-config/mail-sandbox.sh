#!/usr/bin/env bash
# Try email on one machine, without an outside mail server: GreenMail (a real SMTP/IMAP server)
# on loopback with a support mailbox and a customer mailbox, connected to a running Ventanilla.
#
#   server-config/mail-sandbox.sh            start GreenMail (foreground, Ctrl-C stops) and, once
#                                            Ventanilla answers, create the "Sandbox" mailbox channel
#   server-config/mail-sandbox.sh send "Asunto" "Texto"
#                                            mail the support mailbox as the customer
#
# Mailboxes (IMAP 127.0.0.1:3143, SMTP 127.0.0.1:3025, no TLS; read them with any mail client):
#   support@sandbox.test / sandbox-secret     the channel Ventanilla polls and sends from
#   cliente@sandbox.test / sandbox-secret     the customer: replies from Ventanilla land here
# Environment: VENTANILLA_ADMIN_PASSWORD (to create the channel), VENTANILLA_URL (default
# http://localhost:8080).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
url="${VENTANILLA_URL:-http://localhost:8080}"
greenmail_version="2.1.13"
jar="$root/server-config/target/sandbox/greenmail-standalone.jar"

if [[ "${1:-}" == "send" ]]; then
  subject="${2:-Consulta de prueba}"
  text="${3:-Hola, esto es una prueba desde el sandbox.}"
  mail="$(mktemp)"
  trap 'rm -f "$mail"' EXIT
  printf 'From: Cliente Sandbox <cliente@sandbox.test>\r\nTo: support@sandbox.test\r\nSubject: %s\r\nMessage-ID: <%s@sandbox.test>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n%s\r\n' \
    "$subject" "$(date +%s%N)" "$text" >"$mail"
  curl -sS --url smtp://127.0.0.1:3025 --mail-from cliente@sandbox.test \
    --mail-rcpt support@sandbox.test --upload-file "$mail"
  echo "Sent \"$subject\" to support@sandbox.test; Ventanilla picks it up at its next poll (10 s)."
  exit 0
fi

if [[ ! -f "$jar" ]]; then
  echo "Fetching GreenMail $greenmail_version from Maven Central..."
  mvn -q -B -ntp dependency:copy -Dartifact="com.icegreen:greenmail-standalone:$greenmail_version" \
    -DoutputDirectory="$(dirname "$jar")" -Dmdep.stripVersion=true
  mv "$(dirname "$jar")/greenmail-standalone.jar" "$jar" 2>/dev/null || true
fi

create_channel() {
  for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null "$url/login.xhtml" 2>/dev/null; then break; fi
    sleep 2
  done
  if [[ -z "${VENTANILLA_ADMIN_PASSWORD:-}" ]]; then
    echo "Set VENTANILLA_ADMIN_PASSWORD to let the sandbox create its mailbox channel." >&2
    return
  fi
  if curl -fsS -u "admin:$VENTANILLA_ADMIN_PASSWORD" "$url/api/v1/channels" | grep -q 'support@sandbox.test'; then
    echo "The Sandbox mailbox channel exists already."
    return
  fi
  curl -fsS -u "admin:$VENTANILLA_ADMIN_PASSWORD" -H 'Content-Type: application/json' "$url/api/v1/channels" -d '{
    "type":"email","name":"Sandbox","address":"support@sandbox.test","pollSeconds":10,
    "imap":{"host":"127.0.0.1","port":3143,"security":"none","username":"support@sandbox.test","password":"sandbox-secret","folder":"INBOX"},
    "smtp":{"host":"127.0.0.1","port":3025,"security":"none"}}' >/dev/null
  echo "Created the Sandbox mailbox channel in Ventanilla. Send a mail: server-config/mail-sandbox.sh send"
}
create_channel &

echo "GreenMail on 127.0.0.1 (SMTP 3025, IMAP 3143). Ctrl-C stops it."
exec java \
  -Dgreenmail.setup.test.smtp -Dgreenmail.setup.test.imap \
  -Dgreenmail.hostname=127.0.0.1 \
  -Dgreenmail.users=support@sandbox.test:sandbox-secret,cliente@sandbox.test:sandbox-secret \
  -Dgreenmail.users.login=email \
  -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port=8099 \
  -jar "$jar"
