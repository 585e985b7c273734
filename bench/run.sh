#!/usr/bin/env bash
# Times every reporting query the pages call at scale 1 (one authority) and
# scale 50 (fifty), as the app runs it (bench/fh-bench.c through FhDatabase)
# and as psql runs the same SQL, with the server's CPU time per call beside
# psql's wall clock: on a machine shared with other jobs the wall clock
# swings with the load, the CPU time much less. Target: each per-authority
# query at most 100 ms (median) at both scales.
# First, every chart in every export format (bench/fh-bench-export.c; no
# database): target, a PNG's encoding at most twice its drawing.
#
#   bench/run.sh [SCALES…]      default: 1 50
#   bench/run.sh --server       the queries only, against the server in
#                               FH_CONNINFO / FH_OWNER_CONNINFO as it is
#   FH_BENCH_REPEATS=N          runs per query (default 20)
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$top/build-aux/fh-build.sh" >/dev/null
scales=("$@")
[ ${#scales[@]} -gt 0 ] || scales=(1 50)
repeats=${FH_BENCH_REPEATS:-20}

[ "${scales[0]}" = --server ] ||
  "$top/_build/bench/fh-bench-export" "$repeats" "${FH_BOUNDARIES:-$top/../shared/data/nottingham-wards.geojson}"

# The same statements the app sends (src/core/fh-reporting-queries.c), with
# the values it binds written in, for psql.
psql_queries() {
  local a=$1 ward=$2
  cat <<SQL
SELECT * FROM reporting.session_privileges();
SELECT * FROM reporting.authority_list();
SELECT extract(epoch FROM reporting.data_extract_time($a))::bigint;
SELECT * FROM reporting.ward_demand($a, '2025-04-01', '2026-03-31', NULL, NULL, NULL, NULL, NULL);
SELECT * FROM reporting.ward_demand($a, '2025-04-01', '2026-03-31', NULL, 'adolescence', 'exploitation', NULL, '10-17');
SELECT * FROM reporting.authority_demand($a, '2025-04-01', '2026-03-31');
SELECT * FROM reporting.demand_measures($a, '2025-04-01', '2026-03-31');
SELECT * FROM reporting.demand_measures($a, '2025-04-01', '2026-03-31', NULL, 'adolescence', 'exploitation', NULL, '10-17');
SELECT * FROM reporting.data_completeness($a, '2025-04-01', '2026-03-31');
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
SELECT * FROM reporting.priority_overview($a);
SELECT * FROM reporting.priority_series($a);
SELECT * FROM reporting.indicator_detail($a, 'cin_rate');
SELECT * FROM reporting.indicator_comparators($a, NULL);
SELECT * FROM reporting.indicator_commentary($a, NULL);
SELECT * FROM reporting.success_measures($a);
SQL
}

# The server's CPU time (user + system) per call of one statement, in ms:
# its backend's /proc figures before and after the repeats (pg_read_file
# needs the superuser FH_OWNER_CONNINFO; clock ticks are 10 ms, so over
# 20 runs the figure is good to about 0.5 ms).
server_cpu_ms() {
  local sql=$1
  {
    echo "CREATE FUNCTION pg_temp.cpu_ms() RETURNS float8 LANGUAGE sql AS"
    echo "\$\$ SELECT (split_part(s, ' ', 12)::float8 + split_part(s, ' ', 13)::float8) * 1000"
    echo "          / current_setting('fh.clk_tck')::float8"
    echo "     FROM (SELECT substr(t, strpos(t, ') ') + 2) AS s FROM pg_read_file('/proc/self/stat') t) x \$\$;"
    echo "SELECT set_config('fh.clk_tck', '$(getconf CLK_TCK)', false);"
    echo "$sql"    # warm-up
    echo "SELECT pg_temp.cpu_ms() AS cpu0 \\gset"
    for _ in $(seq "$repeats"); do echo "$sql"; done
    echo "\\o"
    echo "SELECT round(((pg_temp.cpu_ms() - :cpu0) / $repeats)::numeric, 1);"
  } | psql "$FH_OWNER_CONNINFO" -qAt -o /dev/null -v ON_ERROR_STOP=1 -f - | tail -n 1
}

# Both ends of the authority list: the first (the reference city) and the
# last (at scale 50, the one whose rows were loaded last).
time_authorities() {
  last=$(psql "$FH_CONNINFO" -qAt -c "SELECT max(authority_id) FROM reporting.authority_list()")
  for a in $(printf "%s\n" 1 "$last" | sort -un); do
    "$top/_build/bench/fh-bench" "$FH_CONNINFO" "$a" "$repeats"
    ward=$(psql "$FH_CONNINFO" -qAt -c "SELECT ward_code FROM reporting.ward_demand($a, '2025-04-01', '2026-03-31') LIMIT 1")
    echo "psql, authority $a (median of $repeats runs: wall ms as fh_reader; server CPU ms per call):"
    psql_queries "$a" "$ward" | while IFS= read -r sql; do
      for _ in $(seq "$repeats"); do echo "$sql"; done > /tmp/fh-bench-$$.sql
      wall=$(psql "$FH_CONNINFO" -q -o /dev/null -c '\timing on' -f /tmp/fh-bench-$$.sql 2>&1 \
        | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | sort -n \
        | awk '{v[NR]=$1} END {printf "%8.2f", v[int((NR+1)/2)]}')
      printf '  %s  %8.1f  %s\n' "$wall" "$(server_cpu_ms "$sql")" "${sql:0:70}"
    done
    rm -f /tmp/fh-bench-$$.sql
  done
}

if [ "${scales[0]}" = --server ]; then
  echo "== the server in FH_CONNINFO =="
  time_authorities
  exit 0
fi
for scale in "${scales[@]}"; do
  echo "== scale $scale =="
  start=$(date +%s)
  eval "$("$top/build-aux/fh-postgres.sh" start "$scale")"
  trap '"$top/build-aux/fh-postgres.sh" stop "$FH_PG_DIR"' EXIT
  echo "demo data generated and loaded in $(( $(date +%s) - start )) s"
  psql "$FH_OWNER_CONNINFO" -qAt -c "SELECT 'referrals: ' || count(*) FROM fh.referral" \
                                 -c "SELECT 'episodes: ' || count(*) FROM fh.episode"
  time_authorities
  "$top/build-aux/fh-postgres.sh" stop "$FH_PG_DIR"
  trap - EXIT
done
