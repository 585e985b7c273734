#!/usr/bin/env bash
# The README's first command: install what is missing, build, start a
# throwaway PostgreSQL with the demo data and open the app on it. The server
# and its data are removed when the app exits.
#
#   build-aux/demo.sh [--scale N] [--boundaries FILE.geojson]
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(dirname "$here")
scale=1
boundaries=
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale=$2; shift 2 ;;
    --boundaries) boundaries=$(realpath "$2"); shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

"$here/fh-deps.sh"
"$here/fh-build.sh"

echo "Starting a throwaway PostgreSQL and loading the demo data (scale $scale)…"
exec "$here/fh-postgres.sh" run "$scale" -- bash -c '
  if [ -n "$2" ]; then "$1/build-aux/fh-import-boundaries.sh" "$2" "$FH_OWNER_CONNINFO" || exit 1; fi
  echo "Opening Family Help Dashboard on: $FH_CONNINFO"
  GSETTINGS_SCHEMA_DIR="$1/_build/data" "$1/_build/src/family-help-dashboard" --conninfo="$FH_CONNINFO"
' _ "$top" "$boundaries"
