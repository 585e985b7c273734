#!/usr/bin/env bash
# The README's second command: the same set-up as the demo, then every test
# (unit, integration against the throwaway PostgreSQL, UI under Xvfb).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(dirname "$here")

"$here/fh-deps.sh"
"$here/fh-build.sh"

echo "Starting a throwaway PostgreSQL with the demo data…"
exec "$here/fh-postgres.sh" run 1 -- \
  dbus-run-session -- \
  xvfb-run -a -s "-screen 0 1400x900x24" \
  meson test -C "$top/_build" --print-errorlogs "$@"
