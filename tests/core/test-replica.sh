#!/usr/bin/env bash
# test-replica.sh — the data layer with a primary and a streaming standby (TAP)
#
#   test-replica.sh PATH/TO/fh-db-probe
#
# Starts a primary (a copy of the demo database in FH_OWNER_CONNINFO's
# cluster) and a standby made with pg_basebackup -R, both on free TCP ports
# of 127.0.0.1 only, connects FhDatabase (through fh-db-probe) with both
# hosts listed and target_session_attrs, stops the primary, and checks that
# the SAME FhDatabase answers the next query from the standby.
set -uo pipefail

probe=$1
n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=1; echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }

if [ -z "${FH_OWNER_CONNINFO:-}" ]; then
  echo "1..0 # SKIP FH_OWNER_CONNINFO is not set (run through run-with-postgres.sh)"
  exit 0
fi
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] || [ ! -x "$bin/pg_basebackup" ]; then
  echo "1..0 # SKIP PostgreSQL server binaries not found"
  exit 0
fi

as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

dir=$(mktemp -d "${TMPDIR:-/tmp}/fh-replica.XXXXXX")
chmod 755 "$dir"
[ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
primary_port=$(free_port)
standby_port=$(free_port)
while [ "$standby_port" = "$primary_port" ]; do standby_port=$(free_port); done

cleanup() {
  [ -n "${PROBE_PID:-}" ] && kill "$PROBE_PID" 2>/dev/null
  as_server_user "$bin/pg_ctl" -D "$dir/standby" -m immediate -w stop >/dev/null 2>&1
  as_server_user "$bin/pg_ctl" -D "$dir/primary" -m immediate -w stop >/dev/null 2>&1
  rm -rf "$dir"
}
trap cleanup EXIT

server_options() {
  echo "-c listen_addresses=127.0.0.1 -p $1 -k $dir -c fsync=off -c full_page_writes=off"
}

echo "1..8"

# The primary: a fresh cluster holding a copy of the demo cluster (roles and
# the familyhelp database).
as_server_user "$bin/initdb" -D "$dir/primary" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
  >"$dir/initdb.log" 2>&1
if as_server_user "$bin/pg_ctl" -D "$dir/primary" -l "$dir/primary.log" -w -t 60 \
     -o "$(server_options "$primary_port")" start >/dev/null; then
  ok "primary started on 127.0.0.1:$primary_port"
else
  not_ok "primary started" "$(tail -5 "$dir/primary.log")"
fi

primary="host=127.0.0.1 port=$primary_port user=postgres"
"$bin/pg_dumpall" -d "$FH_OWNER_CONNINFO" 2>"$dir/dump.err" \
  | psql "$primary dbname=postgres" -q >"$dir/restore.log" 2>&1
count=$(psql "$primary dbname=familyhelp user=fh_reader" -qAt \
          -c "SELECT count(*) FROM reporting.authority_list()" 2>&1)
if [ "$count" -ge 1 ] 2>/dev/null; then
  ok "primary holds the demo database ($count authorities)"
else
  not_ok "primary holds the demo database" "$count" "$(tail -5 "$dir/dump.err")"
fi

# The standby, streaming from the primary.
if as_server_user "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres \
     -D "$dir/standby" -R -X stream -c fast >"$dir/basebackup.log" 2>&1 &&
   as_server_user "$bin/pg_ctl" -D "$dir/standby" -l "$dir/standby.log" -w -t 60 \
     -o "$(server_options "$standby_port")" start >/dev/null &&
   [ "$(psql "host=127.0.0.1 port=$standby_port user=postgres dbname=familyhelp" -qAt \
          -c "SELECT pg_is_in_recovery()")" = t ]; then
  ok "standby streaming on 127.0.0.1:$standby_port"
else
  not_ok "standby streaming" "$(tail -5 "$dir/basebackup.log" "$dir/standby.log" 2>/dev/null)"
fi

hosts="host=127.0.0.1,127.0.0.1 port=$primary_port,$standby_port dbname=familyhelp user=fh_reader"
coproc PROBE { "$probe" "$hosts target_session_attrs=any" \
                        "$hosts target_session_attrs=prefer-standby" \
                        "postgresql://fh_reader@127.0.0.1:$primary_port,127.0.0.1:$standby_port/familyhelp?target_session_attrs=read-only"; }
ask() {
  local line
  echo "$1" >&"${PROBE[1]}"
  IFS= read -r -t 60 line <&"${PROBE[0]}" || line="error (no answer)"
  echo "$line"
}
expect() {   # expect "what" "answer" "pattern"
  case "$2" in
    $3) ok "$1" ;;
    *) not_ok "$1" "answer: $2" "wanted: $3" ;;
  esac
}

ask "connect 0" >/dev/null; ask "connect 1" >/dev/null; ask "connect 2" >/dev/null
expect "any: first query on the primary" "$(ask 'query 0')" "ok *127.0.0.1:$primary_port as fh_reader"
expect "prefer-standby: on the standby" "$(ask 'query 1')" "ok *127.0.0.1:$standby_port as fh_reader"
expect "read-only (URI): on the standby" "$(ask 'query 2')" "ok *127.0.0.1:$standby_port as fh_reader"

as_server_user "$bin/pg_ctl" -D "$dir/primary" -m fast -w stop >/dev/null
expect "primary stopped: the same database's next query succeeds on the standby" \
  "$(ask 'query 0')" "ok *127.0.0.1:$standby_port as fh_reader"
answers="$(ask 'query 1') / $(ask 'query 2')"
expect "standby-bound databases keep working" "$answers" \
  "ok *:$standby_port as fh_reader / ok *:$standby_port as fh_reader"

echo quit >&"${PROBE[1]}"
wait "$PROBE_PID" 2>/dev/null
exit $failed
