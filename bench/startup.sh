#!/usr/bin/env bash
# Start-up: from launch to the first page painted with its figures, and the
# resident memory then, for the app and for an empty GTK 4 window measured
# the same way in the same run (same Xvfb, alternating, RUNS times each):
# once as GTK starts it by default, once with the renderer set-up the app
# makes for itself (src/app/fh-renderer.c), the like-for-like baseline.
# Target: at most 0.5 s, and memory within 1.5 times the empty window's.
#
#   bench/startup.sh [SCALES…]      default: 1 50
#   bench/startup.sh --server       against the server in FH_CONNINFO as it is
#   FH_STARTUP_RUNS=N               runs per program (default 7)
#   GSK_RENDERER=cairo              GTK's renderer for all three; unset, each
#                                   starts as it would: the app (and the
#                                   empty window "as the app") on cairo with
#                                   no GL where there is no GPU, as under
#                                   Xvfb; the plain empty window on GTK's
#                                   default (GL, in software here)
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${FH_STARTUP_RUNS:-7}

# Runs inside Xvfb: one line per run, "NAME MS RSS_KB".
measure() {
  local top=$1 runs=$2 i name start out us kb
  export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$top/_build/data" NO_AT_BRIDGE=1 FH_BENCH_FIRST_FRAME=1
  for i in $(seq "$runs"); do
    for name in app empty empty-as-app; do
      start=$(date +%s%6N)
      case $name in
        app) out=$("$top/_build/src/family-help-dashboard" --conninfo="$FH_CONNINFO" 2>/dev/null | grep first-frame) ;;
        empty) out=$("$top/_build/bench/fh-empty-window" 2>/dev/null | grep first-frame) ;;
        *) out=$("$top/_build/bench/fh-empty-window" --as-app 2>/dev/null | grep first-frame) ;;
      esac
      us=$(sed -n 's/.*realtime_us=\([0-9]*\).*/\1/p' <<<"$out")
      kb=$(sed -n 's/.*rss_kb=\([0-9]*\).*/\1/p' <<<"$out")
      echo "$name $(( (us - start) / 1000 )) $kb"
    done
  done
}

if [ "${1:-}" = --measure ]; then
  measure "$top" "$2"
  exit 0
fi

"$top/build-aux/fh-build.sh" >/dev/null
scales=("$@")
[ ${#scales[@]} -gt 0 ] || scales=(1 50)

median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

report() {
  local results
  results=$(dbus-run-session -- xvfb-run -a -s "-screen 0 1400x900x24" "$0" --measure "$runs" 2>/dev/null)
  first_app=$(awk '$1 == "app" {print $2; exit}' <<<"$results")
  app_ms=$(awk '$1 == "app" {print $2}' <<<"$results" | median)
  app_kb=$(awk '$1 == "app" {print $3}' <<<"$results" | median)
  echo "app:          first run ${first_app} ms, median ${app_ms} ms to the first page painted with figures, ${app_kb} kB resident"
  for base in empty empty-as-app; do
    empty_ms=$(awk -v b=$base '$1 == b {print $2}' <<<"$results" | median)
    empty_kb=$(awk -v b=$base '$1 == b {print $3}' <<<"$results" | median)
    echo "$base: median ${empty_ms} ms to its first frame, ${empty_kb} kB resident;" \
      "$(awk -v a="$app_kb" -v e="$empty_kb" 'BEGIN {printf "the app takes %.2f× its memory", a / e}')"
  done
  echo "time ${app_ms} ms (target ≤ 500 ms); memory target ≤ 1.5× the empty window (empty-as-app is like for like)"
}

if [ "${scales[0]}" = --server ]; then
  echo "== the server in FH_CONNINFO =="
  report
  exit 0
fi
for scale in "${scales[@]}"; do
  echo "== scale $scale =="
  eval "$("$top/build-aux/fh-postgres.sh" start "$scale")"
  trap '"$top/build-aux/fh-postgres.sh" stop "$FH_PG_DIR"' EXIT
  report
  "$top/build-aux/fh-postgres.sh" stop "$FH_PG_DIR"
  trap - EXIT
done
