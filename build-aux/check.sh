#!/usr/bin/env bash
# The README's second command: the same set-up as the demo, then every test
# (unit, integration against the throwaway PostgreSQL, UI under Xvfb).
#
#   build-aux/check.sh [--sanitize] [MESON-TEST-ARGUMENT…]
#
# --sanitize builds a second tree, _build-sanitize, with AddressSanitizer and
# UndefinedBehaviorSanitizer and runs the tests there: any memory error,
# undefined behaviour or leak fails the test that caused it. Memory that a
# library keeps on purpose for the life of the process is listed in
# build-aux/lsan.supp (on Debian 12 only fontconfig's caches, reached through
# Pango's font map: GTK, D-Bus and the GLib type system leave no reports).
#
# Leak stacks use ASan's fast unwinder, so they stop at the first library
# built without frame pointers. For whole stacks add fast_unwind_on_malloc=0
# to ASAN_OPTIONS, and for the UI test also GSK_RENDERER=cairo
# GDK_DEBUG=gl-disable (the slow unwinder deadlocks inside llvmpipe's JIT).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(dirname "$here")

sanitize=0
args=()
for a in "$@"; do
  case "$a" in
    --sanitize) sanitize=1 ;;
    *) args+=("$a") ;;
  esac
done

"$here/fh-deps.sh"

if [ "$sanitize" = 1 ]; then
  build="$top/_build-sanitize"
  "$here/fh-build.sh" "$build" -Db_sanitize=address,undefined -Db_lundef=false
  # GSlice would hide use-after-free inside its magazines; GLib 2.74 still has it.
  export G_SLICE=always-malloc G_DEBUG=gc-friendly
  # Options already in the environment come last, so they win.
  export ASAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1:detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}
  export UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1:print_summary=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}
  export LSAN_OPTIONS=suppressions="$here/lsan.supp":print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}
  args=(--timeout-multiplier 4 "${args[@]}")
else
  build="$top/_build"
  "$here/fh-build.sh" "$build"
fi

echo "Starting a throwaway PostgreSQL with the demo data…"
exec "$here/fh-postgres.sh" run 1 -- \
  dbus-run-session -- \
  xvfb-run -a -s "-screen 0 1400x900x24" \
  meson test -C "$build" --print-errorlogs "${args[@]}"
