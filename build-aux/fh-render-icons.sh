#!/usr/bin/env bash
# Renders the app icon's PNG sizes from its SVG, for a maintainer to run
# (and commit the result) after changing the SVG. The PNGs are what X11
# window icons and small sizes use: with them GTK never loads librsvg (an
# SVG renderer of about 8 MB resident) just to give the window its icon.
# Uses rsvg-convert when installed, else ImageMagick.
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
svg=$top/data/icons/hicolor/scalable/apps/org.familyhelp.Dashboard.svg
for size in 16 32 48 64 128; do
  out=$top/data/icons/hicolor/${size}x${size}/apps/org.familyhelp.Dashboard.png
  mkdir -p "$(dirname "$out")"
  if command -v rsvg-convert >/dev/null; then
    rsvg-convert -w "$size" -h "$size" -o "$out" "$svg"
  else
    convert -background none -density 384 "$svg" -resize "${size}x${size}" -strip "PNG32:$out"
  fi
  echo "$out"
done
