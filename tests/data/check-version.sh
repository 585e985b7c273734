#!/usr/bin/env bash
# `family-help-dashboard --version` prints exactly "NAME VERSION" and exits 0,
# without a display, a settings schema or a database.
#
#   check-version.sh PROGRAM NAME VERSION
set -uo pipefail
out=$(env -u DISPLAY -u WAYLAND_DISPLAY GSETTINGS_SCHEMA_DIR=/nonexistent "$1" --version)
status=$?
if [ $status -ne 0 ]; then
  echo "--version exited $status"
  exit 1
fi
if [ "$out" != "$2 $3" ]; then
  echo "--version printed '$out', expected '$2 $3'"
  exit 1
fi
echo "ok: $out"
