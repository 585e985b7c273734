#!/usr/bin/env bash
# The metainfo's screenshots are real: every <image> of the source metainfo
# names a PNG in docs/screenshots/ (what the screenshots_url option serves)
# whose size is the one declared, every <screenshot> has a caption, and the
# built metainfo (argument 1) has no @PLACEHOLDER@ left.
set -euo pipefail
cd "${FH_SOURCE_ROOT:?}"
source_xml=data/org.familyhelp.Dashboard.metainfo.xml.in
built_xml=${1:?usage: $0 BUILT-METAINFO}
status=0

n_shots=$(grep -c '<screenshot[ >]' "$source_xml")
n_captions=$(grep -c '<caption>[^<][^<]*</caption>' "$source_xml")
if [ "$n_shots" -lt 1 ] || [ "$n_captions" -ne "$n_shots" ]; then
  echo "metainfo: $n_shots screenshots but $n_captions captions" >&2
  status=1
fi

n_images=0
while read -r width height name; do
  n_images=$((n_images + 1))
  png=docs/screenshots/$name
  if [ ! -f "$png" ]; then
    echo "metainfo names $png, which is not in the repository" >&2
    status=1
    continue
  fi
  # the PNG signature, then IHDR: width and height, 4 bytes each, big-endian
  if [ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" != 89504e470d0a1a0a ]; then
    echo "$png is not a PNG" >&2
    status=1
    continue
  fi
  read -r w h < <(od -An -tu1 -j16 -N8 "$png" |
                  awk '{ print ($1*16777216 + $2*65536 + $3*256 + $4), ($5*16777216 + $6*65536 + $7*256 + $8) }')
  if [ "$w" != "$width" ] || [ "$h" != "$height" ]; then
    echo "$png is ${w}x$h, the metainfo says ${width}x$height" >&2
    status=1
  fi
done < <(sed -n 's|.*<image type="source" width="\([0-9]*\)" height="\([0-9]*\)">@SCREENSHOTS@/\([^<]*\)</image>.*|\1 \2 \3|p' "$source_xml")
if [ "$n_images" -ne "$n_shots" ]; then
  echo "metainfo: $n_shots screenshots, $n_images images read as <image type=\"source\" width height>@SCREENSHOTS@/NAME" >&2
  status=1
fi

if grep -n '@[A-Z_]*@' "$built_xml" >&2; then
  echo "$built_xml: placeholders left (above)" >&2
  status=1
fi
[ "$status" -eq 0 ] && echo "$n_images screenshots, each in docs/screenshots/ at its declared size, with a caption"
exit "$status"
