-- 05-demo-run.sql — generate the demo data. Scale (number of authorities)
-- comes from psql's variable "scale": psql -v scale=50 -f 05-demo-run.sql
\if :{?scale}
\else
\set scale 1
\endif
SET ROLE fh_owner;
SELECT fh_demo.generate(:scale);
SELECT fh_demo.generate_priorities(:scale);
-- Re-referrals within 12 months (priority 1) are counted from the referrals
-- themselves, not made up.
UPDATE fh.indicator SET derived_from = 'rereferrals_12m' WHERE indicator_code = 'rereferral_12m';
SELECT count(fh.refresh_derived_indicators(authority_id)) FROM fh.authority;
-- The demo's uploaded baseline and target were made up before the series was
-- derived; a derived series starts from its own first value, so rebase: the
-- baseline is the first derived value and its period, the target the same
-- quarter lower (as the upload planned) by the same date.
UPDATE fh.indicator i
   SET baseline = f.value, baseline_period = f.period_end,
       target = round(f.value * 0.75, 1)
  FROM (SELECT DISTINCT ON (v.indicator_id) v.indicator_id, v.value, v.period_end
          FROM fh.indicator_value v
         ORDER BY v.indicator_id, v.period_end) f
 WHERE f.indicator_id = i.indicator_id AND i.derived_from IS NOT NULL;
-- The demand functions' per-load summary (09-demand-summary.sql).
SELECT fh.refresh_demand_summary();
-- The caseload trend's per-load summary (10-caseload-summary.sql).
SELECT fh.refresh_caseload_summary();
RESET ROLE;
