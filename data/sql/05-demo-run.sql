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
-- The demand functions' per-load summary (09-demand-summary.sql).
SELECT fh.refresh_demand_summary();
RESET ROLE;
