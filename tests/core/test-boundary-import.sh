#!/usr/bin/env bash
# The boundary import command against the test PostgreSQL: good files load,
# bad ones say why and change nothing. Prints TAP.
set -uo pipefail
root=${FH_SOURCE_ROOT:?}
import="$root/build-aux/fh-import-boundaries.sh"
owner=${FH_OWNER_CONNINFO:?}
shared="${FH_SHARED_DIR:-$root/../shared}/data/nottingham-wards.geojson"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
fail=0

ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fail=1; fi; }
count() { psql "$owner" -XAtq -c "SELECT count(*) FROM fh.ward WHERE boundary IS NOT NULL"; }
fingerprint() { psql "$owner" -XAtq -c "SELECT md5(coalesce(string_agg(boundary::text, '|' ORDER BY ward_code), '')) FROM fh.ward"; }

square() { # code, lon, lat: a small closed triangle
  awk -v c="$1" -v x="$2" -v y="$3" 'BEGIN {
    printf "{\"type\":\"Feature\",\"properties\":{\"ward_code\":\"%s\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%g,%g],[%g,%g],[%g,%g],[%g,%g]]]}}", c, x, y, x, y + 0.01, x + 0.01, y + 0.01, x, y }'
}

# A small good file: two wards, one a MultiPolygon with a hole.
cat > "$tmp/good.geojson" <<JSON
{"type":"FeatureCollection","features":[
$(square E05012270 -1.21 52.97),
{"type":"Feature","properties":{"ward_code":"E05012277"},"geometry":{"type":"MultiPolygon","coordinates":[
 [[[-1.16,52.94],[-1.16,52.96],[-1.14,52.96],[-1.14,52.94],[-1.16,52.94]],[[-1.155,52.945],[-1.145,52.945],[-1.145,52.955],[-1.155,52.945]]],
 [[[-1.13,52.94],[-1.13,52.95],[-1.12,52.95],[-1.13,52.94]]]]}}]}
JSON
before=$(count)
out=$("$import" "$tmp/good.geojson" "$owner" 2>&1); status=$?
ok $status "a good file imports ($out)"
after=$(count)
[ "$after" -ge 2 ]; ok $? "boundaries are stored (before $before, after $after)"
type=$(psql "$owner" -XAtq -c "SELECT boundary->>'type' FROM fh.ward WHERE ward_code = 'E05012277'")
[ "$type" = MultiPolygon ]; ok $? "a MultiPolygon keeps its type"

print=$(fingerprint)
expect_refusal() { # file, words the message must contain, name
  local out status
  out=$("$import" "$1" "$owner" 2>&1); status=$?
  [ $status -ne 0 ] && grep -q -- "$2" <<<"$out"; ok $? "$3 is refused: $out"
  [ "$(fingerprint)" = "$print" ]; ok $? "$3 changes nothing"
}

cat > "$tmp/unknown.geojson" <<JSON
{"type":"FeatureCollection","features":[$(square E05012270 -1.2 52.9), $(square E05999999 -1.2 52.9)]}
JSON
expect_refusal "$tmp/unknown.geojson" "E05999999" "an unknown ward code"

cat > "$tmp/bng.geojson" <<JSON
{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"ward_code":"E05012270"},"geometry":{"type":"Polygon","coordinates":[[[455000,342000],[456000,342000],[456000,343000],[455000,342000]]]}}]}
JSON
expect_refusal "$tmp/bng.geojson" "not longitude/latitude" "British National Grid coordinates"

cat > "$tmp/open.geojson" <<JSON
{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"ward_code":"E05012270"},"geometry":{"type":"Polygon","coordinates":[[[-1.2,52.9],[-1.2,52.91],[-1.19,52.91],[-1.19,52.9]]]}}]}
JSON
expect_refusal "$tmp/open.geojson" "not closed" "a ring that is not closed"

echo "this is not json" > "$tmp/text.geojson"
expect_refusal "$tmp/text.geojson" "not valid JSON" "a file that is not JSON"

echo '{"type":"Feature","properties":{},"geometry":null}' > "$tmp/feature.geojson"
expect_refusal "$tmp/feature.geojson" "not a GeoJSON FeatureCollection" "a single Feature"

echo '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"E05012270"},"geometry":{"type":"Point","coordinates":[-1.2,52.9]}}]}' > "$tmp/nocode.geojson"
expect_refusal "$tmp/nocode.geojson" 'has no "ward_code" property' "a feature without a ward code"

if [ -f "$shared" ]; then
  out=$("$import" "$shared" "$owner" 2>&1); status=$?
  ok $status "the reference city's ONS boundary file imports ($out)"
  [ "$(psql "$owner" -XAtq -c "SELECT count(*) FROM fh.ward WHERE authority_id = 1 AND boundary->>'type' = 'Polygon'")" = 20 ]
  ok $? "all 20 reference wards have their boundary"
else
  n=$((n + 1)); echo "ok $n # SKIP ../shared/data/nottingham-wards.geojson is not here"
fi

echo "1..$n"
exit $fail
