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

ok() { # status, description (on one line: TAP has no multi-line descriptions)
  local what=${2//$'\n'/ }
  n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $what"; else echo "not ok $n - $what"; fail=1; fi; }
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

# Files as councils have them: ONS code properties, the option, authority codes.
sed 's/"ward_code"/"WD22CD"/g; s/"properties":{/"properties":{"LAD22CD":"E06000018",/g' "$tmp/good.geojson" > "$tmp/wd22.geojson"
out=$("$import" "$tmp/wd22.geojson" "$owner" 2>&1); status=$?
ok $status "a file with ONS's WD22CD property imports ($out)"
sed 's/"ward_code"/"CODE"/g' "$tmp/good.geojson" > "$tmp/custom.geojson"
out=$("$import" --code-property CODE "$tmp/custom.geojson" "$owner" 2>&1); status=$?
ok $status "--code-property names another property ($out)"
out=$("$import" --check "$tmp/good.geojson" "$owner" 2>&1); status=$?
[ $status = 0 ] && grep -q "2 wards" <<<"$out"; ok $? "--check says what a good file holds ($out)"
print=$(fingerprint)
expect_refusal "$tmp/custom.geojson" "has no \"ward_code\" property.*--code-property" "a file with an unknown code property"
sed 's/"ward_code":"[A-Z0-9]*"/"LAD23CD":"E06000018"/g' "$tmp/good.geojson" > "$tmp/lad.geojson"
expect_refusal "$tmp/lad.geojson" '"LAD23CD" property names the local authority' "an authority boundary file"
out=$("$import" --code-property LAD22CD "$tmp/wd22.geojson" "$owner" 2>&1); status=$?
[ $status -ne 0 ] && grep -q 'names the local authority' <<<"$out"; ok $? "--code-property LAD22CD is refused: $out"

# British National Grid, named in the file.
sed 's/^{"type":"FeatureCollection",/{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::27700"}},/' \
  "$tmp/good.geojson" > "$tmp/crs.geojson"
expect_refusal "$tmp/crs.geojson" "British National Grid (EPSG:27700.*ogr2ogr -t_srs EPSG:4326" "a file whose crs is British National Grid"

# Wrong geometry: the ward and the reason.
echo "{\"type\":\"FeatureCollection\",\"features\":[$(square E05012270 52.97 -1.21)]}" > "$tmp/swapped.geojson"
expect_refusal "$tmp/swapped.geojson" "E05012270.*longitude and latitude swapped" "a ward with longitude and latitude swapped"
echo "{\"type\":\"FeatureCollection\",\"features\":[$(square E05012270 -1.21 62.97)]}" > "$tmp/shifted.geojson"
expect_refusal "$tmp/shifted.geojson" "E05012270.*from its stored centroid" "a ward shifted 10° north"
echo '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"ward_code":"E05012270"},"geometry":{"type":"Polygon","coordinates":[[[-1.21,52.97],[-1.20,52.98],[-1.19,52.99],[-1.21,52.97]]]}}]}' > "$tmp/flat.geojson"
expect_refusal "$tmp/flat.geojson" "E05012270.*has a ring with no area" "a ring with no area"
echo "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"ward_code\":\"E05012270\"},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[$(square E05012270 -1.21 52.97 | sed 's/.*"coordinates"://; s/}}$//'),[]]}}]}" > "$tmp/emptypart.geojson"
expect_refusal "$tmp/emptypart.geojson" "E05012270.*polygon 2 is an empty part" "an empty part"
echo "{\"type\":\"FeatureCollection\",\"features\":[$(square E05012270 -1.21 52.97),$(square E05012270 -1.21 52.97)]}" > "$tmp/twice.geojson"
expect_refusal "$tmp/twice.geojson" "more than one feature for ward E05012270" "a ward twice"

# Only the owner may import; the functions pin search_path with pg_temp last.
if [ -n "${FH_CONNINFO:-}" ]; then
  out=$(psql "$FH_CONNINFO" -XAtq -c "SELECT fh.import_ward_boundaries('{}')" 2>&1)
  grep -q "permission denied" <<<"$out"; ok $? "fh_reader cannot import boundaries ($out)"
  out=$(psql "$FH_CONNINFO" -XAtq -c "SELECT count(*) FROM fh.read_ward_boundaries('{}')" 2>&1)
  grep -q "permission denied" <<<"$out"; ok $? "fh_reader cannot read a boundary file ($out)"
else
  n=$((n + 1)); echo "ok $n # SKIP FH_CONNINFO (the reader) is not set"
fi
pinned=$(psql "$owner" -XAtq -c "SELECT string_agg(p.proname || ':' || array_to_string(p.proconfig, ';') || ':'
                                                    || has_function_privilege('fh_reader', p.oid, 'EXECUTE'), ' ' ORDER BY p.proname)
                                   FROM pg_proc p WHERE p.pronamespace = 'fh'::regnamespace
                                    AND p.proname IN ('import_ward_boundaries', 'read_ward_boundaries', 'boundary_items')")
[ "$(grep -o 'search_path=pg_catalog, fh, pg_temp[^:]*:false' <<<"$pinned" | wc -l)" = 3 ]
ok $? "the import functions pin search_path with pg_temp last and are not the reader's ($pinned)"

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
