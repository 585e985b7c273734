#!/usr/bin/env bash
# Times every reporting query at scale 1 (one authority) and scale 50 (fifty),
# as the app runs it (bench/fh-bench.c through FhDatabase) and as psql runs
# the same SQL. Target: each per-authority query at most 100 ms at both scales.
# First, every chart in every export format (bench/fh-bench-export.c; no
# database): target, a PNG's encoding at most twice its drawing.
#
#   bench/run.sh [SCALES…]      default: 1 50
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$top/build-aux/fh-build.sh" >/dev/null
scales=("$@")
[ ${#scales[@]} -gt 0 ] || scales=(1 50)
repeats=${FH_BENCH_REPEATS:-20}

"$top/_build/bench/fh-bench-export" "$repeats" "${FH_BOUNDARIES:-$top/../shared/data/nottingham-wards.geojson}"

# The same statements the app sends (src/core/fh-reporting-queries.c), with
# the values it binds written in, for psql.
psql_queries() {
  local a=$1 ward=$2
  cat <<SQL
SELECT * FROM reporting.authority_list();
SELECT extract(epoch FROM reporting.data_extract_time($a))::bigint;
SELECT * FROM reporting.ward_demand($a, '2025-04-01', '2026-03-31', NULL, NULL, NULL, NULL, NULL);
SELECT * FROM reporting.ward_demand($a, '2025-04-01', '2026-03-31', NULL, 'adolescence', 'exploitation', NULL, '10-17');
SELECT * FROM reporting.authority_demand($a, '2025-04-01', '2026-03-31');
SELECT * FROM reporting.demand_measures($a, '2025-04-01', '2026-03-31');
SELECT p.*, b.geojson FROM reporting.ward_profile p LEFT JOIN reporting.ward_boundary b ON b.ward_code = p.ward_code WHERE p.authority_id = $a;
SELECT * FROM reporting.ward_top_needs($a, '$ward', '2025-04-01', '2026-03-31');
SELECT * FROM reporting.demand_monthly($a, NULL, '2023-11-01', '2026-10-31');
SELECT * FROM reporting.demand_monthly($a, '$ward', '2023-11-01', '2026-10-31');
SELECT * FROM reporting.caseload_by_worker($a, '2026-03-31');
SELECT * FROM reporting.caseload_by_service($a, '2026-03-31', 20);
SELECT * FROM reporting.caseload_by_team($a, '2026-03-31');
SELECT * FROM reporting.waiting_by_team($a, '2026-03-31');
SELECT * FROM reporting.waiting_bands($a, '2026-03-31');
SELECT * FROM reporting.waiting_longest($a, '2026-03-31');
SELECT * FROM reporting.caseload_trend($a, '2024-04-01', '2026-03-31');
SELECT * FROM reporting.front_door($a, '2025-04-01', '2026-03-31');
SELECT * FROM reporting.front_door_path($a, '2025-04-01', '2026-03-31');
SELECT * FROM reporting.routing_check($a, '2026-03-31');
SELECT * FROM reporting.indicator_summary($a);
SELECT * FROM reporting.indicator_series($a, 'cin_rate');
SQL
}

for scale in "${scales[@]}"; do
  echo "== scale $scale =="
  start=$(date +%s)
  eval "$("$top/build-aux/fh-postgres.sh" start "$scale")"
  trap '"$top/build-aux/fh-postgres.sh" stop "$FH_PG_DIR"' EXIT
  echo "demo data generated and loaded in $(( $(date +%s) - start )) s"
  psql "$FH_OWNER_CONNINFO" -qAt -c "SELECT 'referrals: ' || count(*) FROM fh.referral" \
                                 -c "SELECT 'episodes: ' || count(*) FROM fh.episode"

  last=$(psql "$FH_CONNINFO" -qAt -c "SELECT max(authority_id) FROM reporting.authority_list()")
  for a in 1 "$last"; do
    "$top/_build/bench/fh-bench" "$FH_CONNINFO" "$a" "$repeats"
    ward=$(psql "$FH_CONNINFO" -qAt -c "SELECT ward_code FROM reporting.ward_demand($a, '2025-04-01', '2026-03-31') LIMIT 1")
    echo "psql, authority $a (median of $repeats runs, ms):"
    psql_queries "$a" "$ward" | while IFS= read -r sql; do
      for _ in $(seq "$repeats"); do echo "$sql"; done > /tmp/fh-bench-$$.sql
      psql "$FH_CONNINFO" -q -o /dev/null -c '\timing on' -f /tmp/fh-bench-$$.sql 2>&1 \
        | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | sort -n \
        | awk -v q="${sql:0:70}" '{v[NR]=$1} END {printf "  %8.2f  %s\n", v[int((NR+1)/2)], q}'
    done
    rm -f /tmp/fh-bench-$$.sql
  done
  "$top/build-aux/fh-postgres.sh" stop "$FH_PG_DIR"
  trap - EXIT
done
