#!/usr/bin/env bash
# Loads ward boundaries from a GeoJSON FeatureCollection (WGS84 longitude/
# latitude, as the ONS Open Geography Portal publishes ward boundaries) into
# the ward table, matched on ward code. All or nothing: a bad file, a code the
# database does not know, or a ward in the wrong place gives a message that
# names the ward and the reason, and changes nothing.
#
#   build-aux/fh-import-boundaries.sh [--code-property NAME] [--check] FILE.geojson [CONNINFO]
#
# --code-property NAME  the feature property that holds the ward code; by
#                       default "ward_code", else an ONS ward code property
#                       (WD23CD, WD22CD, …). Authority codes (LAD23CD …) are
#                       refused: they do not say which ward a feature is.
# --check               check the file and say what would be imported; change
#                       nothing.
#
# Files in British National Grid (EPSG:27700) are refused with a message; get
# the WGS84 file from ONS, or convert: ogr2ogr -t_srs EPSG:4326 OUT.geojson IN.
#
# CONNINFO must name a role that owns the data (fh_owner or a superuser); it
# defaults to FH_OWNER_CONNINFO, then to the PG* variables.
set -euo pipefail
usage="usage: $0 [--code-property NAME] [--check] FILE.geojson [CONNINFO]"
property=
check=
while [ $# -gt 0 ]; do
  case $1 in
    --code-property) [ $# -ge 2 ] || { echo "$usage" >&2; exit 2; }; property=$2; shift 2 ;;
    --code-property=*) property=${1#*=}; shift ;;
    --check) check=1; shift ;;
    --help|-h) echo "$usage"; exit 0 ;;
    --) shift; break ;;
    -*) echo "Unknown option $1. $usage" >&2; exit 2 ;;
    *) break ;;
  esac
done
file=${1:?$usage}
conninfo=${2:-${FH_OWNER_CONNINFO:-}}
[ -r "$file" ] || { echo "Cannot read the boundary file “$file”." >&2; exit 1; }

# psql reads the file itself (\set with a shell command) and its :'name'
# interpolation quotes the text as one SQL literal: nothing is spliced into SQL.
# The whole import is one statement of one function: it stores every ward or none.
if [ -n "$check" ]; then
  query="SELECT count(*) FROM fh.read_ward_boundaries(:'content', nullif(:'property', ''));"
else
  query="SELECT fh.import_ward_boundaries(:'content', nullif(:'property', ''));"
fi
quoted=$(printf '%q' "$(cd "$(dirname "$file")" && pwd)/$(basename "$file")")
n=$(psql "$conninfo" -X -q -At -v ON_ERROR_STOP=1 -v property="$property" 2>&1 <<SQL
\set content \`cat $quoted\`
$query
SQL
) || {
  message=$(echo "$n" | sed -n 's/^.*ERROR: *//p' | head -n 1)
  echo "No boundaries were imported: ${message:-$n}" >&2
  exit 1
}
if [ -n "$check" ]; then
  echo "The file is good: it has boundaries for $n wards (nothing was imported)."
else
  echo "Imported boundaries for $n wards from $file."
fi
