#!/usr/bin/env bash
# Loads ward boundaries from an ONS GeoJSON FeatureCollection (WGS84) into the
# ward table, matched on ward code. All or nothing: a bad file, a code the
# database does not know, or coordinates that are not longitude/latitude give
# a message and change nothing.
#
#   build-aux/fh-import-boundaries.sh FILE.geojson [CONNINFO]
#
# CONNINFO must name a role that owns the data (fh_owner or a superuser); it
# defaults to FH_OWNER_CONNINFO, then to the PG* variables.
set -euo pipefail
file=${1:?usage: $0 FILE.geojson [CONNINFO]}
conninfo=${2:-${FH_OWNER_CONNINFO:-}}
[ -r "$file" ] || { echo "Cannot read the boundary file “$file”." >&2; exit 1; }

# psql reads the file itself (\set with a shell command) and its :'name'
# interpolation quotes the text as one SQL literal: nothing is spliced into SQL.
quoted=$(printf '%q' "$(cd "$(dirname "$file")" && pwd)/$(basename "$file")")
n=$(psql "$conninfo" -X -q -At -v ON_ERROR_STOP=1 2>&1 <<SQL
\set content \`cat $quoted\`
SELECT fh.import_ward_boundaries(:'content');
SQL
) || {
  echo "No boundaries were imported: $(echo "$n" | sed -n 's/^.*ERROR: *//p' | head -n 1)" >&2
  exit 1
}
echo "Imported boundaries for $n wards from $file."
