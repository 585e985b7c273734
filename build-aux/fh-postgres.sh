#!/usr/bin/env bash
# A throwaway PostgreSQL for the demo and the tests: its own data directory
# and Unix socket under a fresh temporary directory, listening on no TCP port,
# run as a non-root user (the "postgres" system user when called as root).
#
#   fh-postgres.sh start [SCALE]   prints shell "export" lines for FH_PG_DIR,
#                                  FH_CONNINFO (the app's read-only role) and
#                                  FH_OWNER_CONNINFO (superuser, for tests)
#   fh-postgres.sh stop DIR        stops the server and removes DIR
#   fh-postgres.sh run [SCALE] -- COMMAND…
#                                  start, run COMMAND with those variables
#                                  exported, stop; exits with COMMAND's status
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(dirname "$here")
port=55432
dbname=familyhelp

pg_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bin" ]; then
    echo "PostgreSQL server binaries not found: run build-aux/fh-deps.sh" >&2
    exit 1
  fi
  echo "$bin"
}

as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start() {
  local scale=${1:-1}
  local bin dir
  bin=$(pg_bin)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/fh-pg.XXXXXX")
  chmod 755 "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$dir"
  fi

  as_server_user "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  as_server_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses='' -k $dir -p $port -c fsync=off -c full_page_writes=off -c synchronous_commit=off" \
    start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }

  local owner="host=$dir port=$port user=postgres"
  # A failed load must not leave a server behind.
  trap 'stop "$dir"' ERR
  psql "$owner dbname=postgres" -v ON_ERROR_STOP=1 -qAt -c "CREATE DATABASE $dbname" >/dev/null
  local f
  for f in "$top"/data/sql/[0-9][0-9]-*.sql; do
    [ "$(basename "$f")" = 05-demo-run.sql ] && continue
    psql "$owner dbname=$dbname" -v ON_ERROR_STOP=1 -q -f "$f" >/dev/null
  done
  psql "$owner dbname=$dbname" -v ON_ERROR_STOP=1 -q -v scale="$scale" -f "$top/data/sql/05-demo-run.sql" >/dev/null
  psql "$owner dbname=$dbname" -q -c "ANALYZE" >/dev/null
  trap - ERR

  echo "export FH_PG_DIR='$dir'"
  echo "export FH_CONNINFO='host=$dir port=$port dbname=$dbname user=fh_reader'"
  echo "export FH_TEST_CONNINFO='host=$dir port=$port dbname=$dbname user=fh_reader'"
  echo "export FH_OWNER_CONNINFO='$owner dbname=$dbname'"
}

stop() {
  local dir=$1 bin
  [ -d "$dir/data" ] || return 0
  bin=$(pg_bin)
  as_server_user "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) shift; start "${1:-1}" ;;
  stop) shift; stop "$1" ;;
  run)
    shift
    scale=1
    if [ "${1:-}" != "--" ]; then scale=$1; shift; fi
    [ "${1:-}" = "--" ] && shift
    eval "$(start "$scale")"
    trap 'stop "$FH_PG_DIR"' EXIT INT TERM
    status=0
    "$@" || status=$?
    exit $status
    ;;
  *) echo "usage: $0 start [SCALE] | stop DIR | run [SCALE] -- COMMAND…" >&2; exit 2 ;;
esac
