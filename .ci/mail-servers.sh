#!/usr/bin/env bash
# Debian's Dovecot and Postfix on loopback for the mail tests, without systemd and without touching
# /etc: each instance lives in a base dir of its own (configuration, queue, mailboxes, pid files).
#
#   .ci/mail-servers.sh start|stop|status|env
#
# Dovecot: IMAP on 127.0.0.1:$VENTANILLA_MAIL_IMAP_PORT, LMTP on 127.0.0.1:$VENTANILLA_MAIL_LMTP_PORT,
# a passwd-file userdb with soporte@, cliente@ and otro@ the test domain; any other address of the
# test domain is a mailbox too (static userdb), so every test can use fresh ones. Every password is
# $VENTANILLA_MAIL_PASSWORD. Postfix: SMTP on 127.0.0.1:$VENTANILLA_MAIL_SMTP_PORT, delivering the
# test domain by LMTP to that Dovecot and refusing every other one (nothing leaves the machine).
# Needs root (Postfix's master runs as root) and the packages dovecot-imapd dovecot-lmtpd postfix.
# A second instance (other tests, other ports): set VENTANILLA_MAIL_DIR and the ports.
set -euo pipefail

base="${VENTANILLA_MAIL_DIR:-/tmp/ventanilla-mail}"
imap_port="${VENTANILLA_MAIL_IMAP_PORT:-10143}"
lmtp_port="${VENTANILLA_MAIL_LMTP_PORT:-10024}"
smtp_port="${VENTANILLA_MAIL_SMTP_PORT:-10025}"
domain="${VENTANILLA_MAIL_DOMAIN:-ventanilla.test}"
password="${VENTANILLA_MAIL_PASSWORD:-buzon-secreto}"
# The owner of the mailboxes (Dovecot refuses root for mail).
mail_user="${VENTANILLA_MAIL_OWNER:-nobody}"

dovecot_dir="$base/dovecot"
postfix_dir="$base/postfix"
dovecot_conf="$dovecot_dir/dovecot.conf"
dovecot_pid="$dovecot_dir/run/master.pid"

die() {
  echo "mail-servers: $*" >&2
  exit 1
}

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_port() {
  for _ in $(seq 1 50); do
    listening "$1" && return 0
    sleep 0.2
  done
  die "nothing listens on 127.0.0.1:$1 ($2)"
}

write_dovecot() {
  local uid gid
  uid="$(id -u "$mail_user")"
  gid="$(id -g "$mail_user")"
  mkdir -p "$dovecot_dir/run" "$dovecot_dir/mail" "$dovecot_dir/log"
  chown "$uid:$gid" "$dovecot_dir/mail"
  : >"$dovecot_dir/users"
  for user in soporte cliente otro; do
    echo "$user@$domain:{PLAIN}$password:$uid:$gid::$dovecot_dir/mail/$user@$domain::" \
      >>"$dovecot_dir/users"
  done
  chmod 0640 "$dovecot_dir/users"
  chgrp dovecot "$dovecot_dir/users"
  cat >"$dovecot_conf" <<EOF
# Written by .ci/mail-servers.sh: a Dovecot for the tests, on loopback only.
base_dir = $dovecot_dir/run
state_dir = $dovecot_dir/state
instance_name = ventanilla-$(basename "$base")-$imap_port
protocols = imap lmtp
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
log_path = $dovecot_dir/log/dovecot.log
first_valid_uid = $uid
mail_location = maildir:~/Maildir
mail_privileged_group =
namespace inbox {
  inbox = yes
  separator = /
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%Lu $dovecot_dir/users
}
userdb {
  driver = passwd-file
  args = username_format=%Lu $dovecot_dir/users
  result_success = return-ok
  result_failure = continue
  result_internalfail = continue
}
# Any other address of the test domain: a fresh mailbox for each test.
passdb {
  driver = static
  args = password=$password
}
userdb {
  driver = static
  args = uid=$uid gid=$gid home=$dovecot_dir/mail/%Lu
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $imap_port
  }
  inet_listener imaps {
    port = 0
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = $lmtp_port
  }
  unix_listener lmtp {
    mode = 0600
  }
}
service auth {
  unix_listener auth-userdb {
    mode = 0600
  }
}
protocol lmtp {
  postmaster_address = postmaster@$domain
}
lmtp_save_to_detail_mailbox = no
EOF
  mkdir -p "$dovecot_dir/state"
}

write_postfix() {
  mkdir -p "$postfix_dir/etc" "$postfix_dir/queue" "$postfix_dir/data"
  chown postfix "$postfix_dir/data"
  cat >"$postfix_dir/etc/main.cf" <<EOF
# Written by .ci/mail-servers.sh: a Postfix for the tests, on loopback only.
compatibility_level = 3.6
queue_directory = $postfix_dir/queue
data_directory = $postfix_dir/data
mail_owner = postfix
setgid_group = postdrop
myhostname = mx.$domain
mydomain = $domain
myorigin = $domain
mydestination =
inet_interfaces = loopback-only
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
smtpd_banner = \$myhostname ESMTP
virtual_mailbox_domains = $domain
virtual_mailbox_maps = static:ok
virtual_transport = lmtp:inet:127.0.0.1:$lmtp_port
default_transport = error:only $domain is delivered here
relay_transport = error:only $domain is delivered here
alias_maps =
alias_database =
biff = no
message_size_limit = 52428800
smtputf8_enable = no
maillog_file = $postfix_dir/postfix.log
maillog_file_prefixes = $postfix_dir
# A Dovecot that was away gets its queued mail within seconds, not minutes.
queue_run_delay = 2s
minimal_backoff_time = 2s
maximal_backoff_time = 4s
EOF
  cat >"$postfix_dir/etc/master.cf" <<EOF
# Written by .ci/mail-servers.sh (no chroot: the queue is not in /var/spool).
127.0.0.1:$smtp_port inet n - n - - smtpd
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
lmtp      unix  -       -       n       -       -       lmtp
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
EOF
}

dovecot_running() { [[ -f "$dovecot_pid" ]] && kill -0 "$(cat "$dovecot_pid")" 2>/dev/null; }
postfix_running() { postfix -c "$postfix_dir/etc" status >/dev/null 2>&1; }

start() {
  [[ $EUID -eq 0 ]] || die "run me as root (Postfix's master runs as root)"
  command -v dovecot >/dev/null && command -v postfix >/dev/null ||
    die "install dovecot-imapd dovecot-lmtpd postfix first"
  if ! dovecot_running; then
    write_dovecot
    dovecot -c "$dovecot_conf"
  fi
  wait_port "$imap_port" "Dovecot IMAP, see $dovecot_dir/log/dovecot.log"
  wait_port "$lmtp_port" "Dovecot LMTP"
  if ! postfix_running; then
    write_postfix
    # Postfix's own commands log to syslog only (none here) unless stderr is a terminal.
    postfix -c "$postfix_dir/etc" check || die "postfix check failed (run it in a terminal to see why)"
    postfix -c "$postfix_dir/etc" start >/dev/null 2>&1 || die "postfix did not start, see $postfix_dir/postfix.log"
  fi
  wait_port "$smtp_port" "Postfix SMTP, see $postfix_dir/postfix.log"
  status
}

stop() {
  if [[ -d "$postfix_dir/etc" ]] && postfix_running; then
    postfix -c "$postfix_dir/etc" stop 2>/dev/null || true
  fi
  if dovecot_running; then
    kill "$(cat "$dovecot_pid")"
    for _ in $(seq 1 50); do
      dovecot_running || break
      sleep 0.1
    done
  fi
  echo "mail servers in $base stopped"
}

status() {
  local rc=0
  if dovecot_running; then
    echo "dovecot: running (pid $(cat "$dovecot_pid")), IMAP 127.0.0.1:$imap_port, LMTP 127.0.0.1:$lmtp_port"
  else
    echo "dovecot: stopped"
    rc=1
  fi
  if [[ -d "$postfix_dir/etc" ]] && postfix_running; then
    echo "postfix: running, SMTP 127.0.0.1:$smtp_port (delivers $domain to Dovecot by LMTP)"
  else
    echo "postfix: stopped"
    rc=1
  fi
  return $rc
}

# What the tests are given (the ear pom passes these to failsafe; `eval "$(... env)"` or
# `set -a; . <(... env); set +a`). A domain or password of your own: -Dit.mail.domain, -Dit.mail.password.
print_env() {
  echo "export VENTANILLA_IT_DOVECOT=127.0.0.1:$imap_port"
  echo "export VENTANILLA_IT_POSTFIX=127.0.0.1:$smtp_port"
  echo "export VENTANILLA_IT_MAIL_DIR=$base"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  env) print_env ;;
  *) die "usage: $0 start|stop|status|env" ;;
esac
