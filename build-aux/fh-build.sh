#!/usr/bin/env bash
# Configures (once) and builds the dashboard.
#
#   fh-build.sh [BUILDDIR [MESON-SETUP-OPTION…]]     (BUILDDIR defaults to _build)
#
# The options are used only when BUILDDIR is first configured. Under CI
# (CI=true) the build must be free of warnings: a warning from meson, or any
# line from the compiler or a build tool other than ninja's own, fails it.
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top"
builddir=${1:-_build}
[ $# -gt 0 ] && shift

setup_log=$(mktemp "${TMPDIR:-/tmp}/fh-setup.XXXXXX")
compile_log=$(mktemp "${TMPDIR:-/tmp}/fh-compile.XXXXXX")
trap 'rm -f "$setup_log" "$compile_log"' EXIT
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" "$@" >"$setup_log" 2>&1 || { cat "$setup_log" >&2; exit 1; }
  # Only what needs a reader: meson's warnings.
  grep -E -A3 'WARNING|DEPRECATION' "$setup_log" >&2 || true
fi
meson compile -C "$builddir" 2>&1 | tee "$compile_log"

if [ "${CI:-}" = true ]; then
  # glib-compile-resources, for one, says that xmllint is missing without
  # the word "warning" (nor a newline), so anything unexpected counts.
  if grep -E -n 'WARNING|DEPRECATION|[Ww]arning' "$setup_log" >&2 ||
     grep -E -v -n '^\[[0-9]+/[0-9]+\] |^ninja: (Entering directory|no work to do)|^INFO: ' "$compile_log" >&2; then
    echo "The build printed the lines above; builds must be free of warnings." >&2
    exit 1
  fi
fi
