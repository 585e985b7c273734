#!/usr/bin/env bash
# Takes a screenshot of the app on the demo data under Xvfb, for looking at
# what users see (needs imagemagick's `import`).
#
#   build-aux/fh-screenshot.sh OUT.png [SECONDS] [-- APP ARGS…]
#
# FH_SCREEN_SIZE sets the virtual screen (default 1400x900) and GDK_SCALE,
# when set, the app's scale, e.g. a HiDPI laptop:
#   FH_SCREEN_SIZE=2560x1440 GDK_SCALE=2 build-aux/fh-screenshot.sh hidpi.png
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(dirname "$here")
out=$(realpath -m "${1:?usage: $0 OUT.png [SECONDS] [-- APP ARGS…]}"); shift
wait_s=${1:-8}; [ $# -gt 0 ] && shift
[ "${1:-}" = "--" ] && shift

"$here/fh-build.sh" >/dev/null
run() {
  local args=("$@")
  if [ -z "${FH_CONNINFO:-}" ]; then
    "$here/fh-postgres.sh" run 1 -- "$0" "$out" "$wait_s" -- "${args[@]}"
    return
  fi
  xvfb-run -a -s "-screen 0 ${FH_SCREEN_SIZE:-1400x900}x24" bash -c '
    GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$1/_build/data" NO_AT_BRIDGE=1 \
      "$1/_build/src/family-help-dashboard" --conninfo="$FH_CONNINFO" "${@:4}" &
    app=$!
    sleep "$3"
    import -window root "$2"
    kill $app
  ' _ "$top" "$out" "$wait_s" "${args[@]}"
  echo "$out"
}
run "$@"
