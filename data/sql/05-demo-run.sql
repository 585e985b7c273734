-- 05-demo-run.sql — generate the demo data. Scale (number of authorities)
-- comes from psql's variable "scale": psql -v scale=50 -f 05-demo-run.sql
\if :{?scale}
\else
\set scale 1
\endif
SET ROLE fh_owner;
SELECT fh_demo.generate(:scale);
SELECT fh_demo.generate_priorities(:scale);
RESET ROLE;
