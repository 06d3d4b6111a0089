#!/usr/bin/env bash
# PgBouncer in transaction mode in front of the local PostgreSQL, for tests and CI
# (docs/scaling.md). Not the system service: a daemon of our own with a generated config in a
# folder of its own, so start and stop touch nothing else on the machine.
#
#   scripts/pgbouncer.sh start   # installs Debian's pgbouncer if missing; prints the pooled URL
#   scripts/pgbouncer.sh stop    # stops it and removes its folder; fine when it is not running
#   scripts/pgbouncer.sh status
#
# PGBOUNCER_PORT (6432), PGBOUNCER_UPSTREAM (127.0.0.1:5432), PGBOUNCER_DIR (a folder under
# $TMPDIR named after the port), PGBOUNCER_USERS (more login names to let through, spaces).
# Any database of the upstream server is reachable (`* =`); authentication is trust, as on the
# local server behind it: this is for a test machine, not a deployment.
set -euo pipefail

port="${PGBOUNCER_PORT:-6432}"
upstream="${PGBOUNCER_UPSTREAM:-127.0.0.1:5432}"
dir="${PGBOUNCER_DIR:-${TMPDIR:-/tmp}/stageline-pgbouncer-$port}"
pidfile="$dir/pgbouncer.pid"
url="postgres://postgres@127.0.0.1:$port/test"

say() { echo "[pgbouncer] $*" >&2; }

running_pid() {
  [ -f "$pidfile" ] || return 1
  local pid
  pid=$(cat "$pidfile" 2>/dev/null || true)
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -q pgbouncer "/proc/$pid/cmdline" 2>/dev/null && echo "$pid"
}

binary() {
  command -v pgbouncer 2>/dev/null || { [ -x /usr/sbin/pgbouncer ] && echo /usr/sbin/pgbouncer; }
}

install() {
  [ -n "$(binary)" ] && return 0
  say "installing Debian's pgbouncer package"
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || { say "pgbouncer is not installed and there is no root or sudo to install it"; exit 1; }
    sudo="sudo"
  fi
  $sudo apt-get update -qq >/dev/null
  # The package's own service is not used (and cannot start without systemd): we run our own.
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq pgbouncer >/dev/null
  [ -n "$(binary)" ] || { say "pgbouncer did not install"; exit 1; }
}

start() {
  if pid=$(running_pid); then
    say "already running (pid $pid) on port $port"
    echo "$url"
    return 0
  fi
  install
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    say "port $port is taken by another program: set PGBOUNCER_PORT"
    exit 1
  fi
  rm -rf "$dir"
  mkdir -p "$dir"
  local users="postgres root stageline_app $(id -un) ${PGBOUNCER_USERS:-}"
  : >"$dir/userlist.txt"
  for u in $(echo "$users" | tr ' ' '\n' | sort -u); do echo "\"$u\" \"\"" >>"$dir/userlist.txt"; done
  cat >"$dir/pgbouncer.ini" <<EOF
[databases]
* = host=${upstream%:*} port=${upstream##*:}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $port
unix_socket_dir =
auth_type = trust
auth_file = $dir/userlist.txt
admin_users = postgres
; A server connection serves one transaction, then goes back to the pool: what the app must
; live with (no session state between transactions; docs/scaling.md).
pool_mode = transaction
max_client_conn = 400
default_pool_size = 20
; Sent by some clients (pg_dump, JDBC) and harmless to drop.
ignore_startup_parameters = extra_float_digits
logfile = $dir/pgbouncer.log
pidfile = $pidfile
EOF
  local as_user=()
  # PgBouncer refuses to run as root: it drops to the postgres user, who must own the folder.
  if [ "$(id -u)" = 0 ]; then
    chown -R postgres "$dir"
    as_user=(-u postgres)
  fi
  "$(binary)" -d "${as_user[@]}" "$dir/pgbouncer.ini"
  for _ in $(seq 1 50); do
    if running_pid >/dev/null && pg_isready -h 127.0.0.1 -p "$port" -q 2>/dev/null; then
      say "running (pid $(running_pid)) on port $port, transaction pooling to $upstream; log: $dir/pgbouncer.log"
      echo "$url"
      return 0
    fi
    sleep 0.1
  done
  say "did not start; its log says:"
  tail -n 20 "$dir/pgbouncer.log" >&2 || true
  exit 1
}

stop() {
  local pid
  if ! pid=$(running_pid); then
    say "not running on port $port"
    rm -rf "$dir"
    return 0
  fi
  kill -TERM "$pid"
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "pid $pid did not stop within 5 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -rf "$dir"
  say "stopped (pid $pid)"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status)
    if pid=$(running_pid); then say "running (pid $pid) on port $port"; echo "$url"; else say "not running on port $port"; exit 1; fi
    ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
