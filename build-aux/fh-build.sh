#!/usr/bin/env bash
# Configures (once) and builds the dashboard in _build.
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top"
if [ ! -f _build/build.ninja ]; then
  meson setup _build >/dev/null
fi
meson compile -C _build
