#!/usr/bin/env bash
# Every source file with a translatable string is listed in po/POTFILES.in,
# and every file listed exists.
set -euo pipefail
cd "${FH_SOURCE_ROOT:?}"
status=0
for f in $(grep -l -E '_\("|N_\("' src/*/*.c src/main.c; grep -l 'translatable="yes"' ui/*.ui); do
  if ! grep -qx "$f" po/POTFILES.in; then
    echo "not in po/POTFILES.in: $f"
    status=1
  fi
done
while read -r f; do
  [ -z "$f" ] || [ -e "$f" ] || { echo "in po/POTFILES.in but missing: $f"; status=1; }
done < po/POTFILES.in
exit $status
