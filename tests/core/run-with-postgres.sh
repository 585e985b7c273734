#!/usr/bin/env bash
# Runs a test against the PostgreSQL named in FH_OWNER_CONNINFO, or, when
# there is none, against a throwaway one started just for it.
set -euo pipefail
if [ -n "${FH_OWNER_CONNINFO:-}" ]; then
  exec "$@"
fi
exec "$FH_SOURCE_ROOT/build-aux/fh-postgres.sh" run 1 -- "$@"
