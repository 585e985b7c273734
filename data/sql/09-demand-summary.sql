-- 09-demand-summary.sql — counts the demand functions would otherwise work
-- out from every person-level row on every call, kept once per data load.
--
--   fh.demand_month     per authority, ward (NULL: not known) and calendar
--                       month: requests for support with a decision received,
--                       and episodes started (reporting.demand_monthly)
--   fh.rereferral       the accepted referrals that are re-referrals: the
--                       child had another accepted referral in the 12 months
--                       before (reporting.demand_table)
--
-- fh.refresh_demand_summary() rebuilds both; run it as the owner after each
-- load (docs/data-contract.md). A summary is never served stale: any change
-- to fh.referral or fh.episode (insert, update, delete, truncate, COPY)
-- marks it stale in the same transaction, and while it is stale the
-- reporting functions count from the person-level rows as before (the same
-- figures, only slower). Nothing here is readable by fh_reader.

SET ROLE fh_owner;

CREATE TABLE fh.demand_month (
  authority_id     integer NOT NULL,
  ward_code        text,                              -- NULL: not known at extraction
  month            date NOT NULL CHECK (extract(day FROM month) = 1),
  requests         bigint NOT NULL,
  episodes_started bigint NOT NULL
);
CREATE INDEX demand_month_idx ON fh.demand_month (authority_id, month);

CREATE TABLE fh.rereferral (
  referral_id  bigint PRIMARY KEY,
  authority_id integer NOT NULL,
  received_on  date NOT NULL
);
CREATE INDEX rereferral_authority_idx ON fh.rereferral (authority_id, received_on) INCLUDE (referral_id);

-- One row: whether the tables above match the person-level rows.
CREATE TABLE fh.demand_summary_state (
  one          boolean PRIMARY KEY DEFAULT true CHECK (one),
  fresh        boolean NOT NULL,
  refreshed_at timestamptz
);
INSERT INTO fh.demand_summary_state (fresh) VALUES (false);

-- Whether the summary may be read (the reporting functions ask once per call).
CREATE FUNCTION fh.demand_summary_fresh()
RETURNS boolean
LANGUAGE sql STABLE
SET search_path = pg_catalog, fh, pg_temp
AS $$
  SELECT coalesce((SELECT s.fresh FROM fh.demand_summary_state s), false)
$$;

CREATE FUNCTION fh.demand_summary_mark_stale()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, fh, pg_temp
AS $$
BEGIN
  UPDATE fh.demand_summary_state SET fresh = false WHERE fresh;
  RETURN NULL;
END;
$$;

CREATE TRIGGER referral_demand_summary_stale
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON fh.referral
  FOR EACH STATEMENT EXECUTE FUNCTION fh.demand_summary_mark_stale();
CREATE TRIGGER episode_demand_summary_stale
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON fh.episode
  FOR EACH STATEMENT EXECUTE FUNCTION fh.demand_summary_mark_stale();

-- Rebuilds the summary from the person-level rows and marks it fresh; the
-- same definitions as the live counts in 03-reporting.sql. Returns the
-- number of rows written. Owner only.
CREATE FUNCTION fh.refresh_demand_summary()
RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, fh, pg_temp
SET work_mem = '64MB'
AS $$
DECLARE
  months bigint;
  rerefs bigint;
BEGIN
  -- one refresh at a time; loads wait for it (they take a weaker lock)
  LOCK TABLE fh.demand_summary_state IN EXCLUSIVE MODE;
  DELETE FROM fh.demand_month;
  DELETE FROM fh.rereferral;

  INSERT INTO fh.demand_month (authority_id, ward_code, month, requests, episodes_started)
  SELECT x.authority_id, x.ward_code, x.month, sum(x.requests), sum(x.started)
    FROM (SELECT r.authority_id, r.ward_code, date_trunc('month', r.received_on)::date AS month,
                 count(*) AS requests, 0 AS started
            FROM fh.referral r
           WHERE r.decision IS NOT NULL
           GROUP BY 1, 2, 3
          UNION ALL
          SELECT e.authority_id, e.ward_code, date_trunc('month', e.started_on)::date,
                 0, count(*)
            FROM fh.episode e
           GROUP BY 1, 2, 3) x
   GROUP BY x.authority_id, x.ward_code, x.month;
  GET DIAGNOSTICS months = ROW_COUNT;

  INSERT INTO fh.rereferral (referral_id, authority_id, received_on)
  SELECT r.referral_id, r.authority_id, r.received_on
    FROM fh.referral r
   WHERE r.decision IN ('early_help', 'targeted_core', 'targeted_adolescence')
     AND EXISTS (SELECT 1 FROM fh.referral q
                  WHERE q.child_id = r.child_id AND q.referral_id <> r.referral_id
                    AND q.decision IN ('early_help', 'targeted_core', 'targeted_adolescence')
                    AND q.received_on < r.received_on
                    AND q.received_on >= r.received_on - interval '12 months');
  GET DIAGNOSTICS rerefs = ROW_COUNT;

  UPDATE fh.demand_summary_state SET fresh = true, refreshed_at = now();
  ANALYZE fh.demand_month;
  ANALYZE fh.rereferral;
  RETURN months + rerefs;
END;
$$;
REVOKE ALL ON FUNCTION fh.refresh_demand_summary() FROM PUBLIC;
REVOKE ALL ON FUNCTION fh.demand_summary_fresh() FROM PUBLIC;
REVOKE ALL ON FUNCTION fh.demand_summary_mark_stale() FROM PUBLIC;

RESET ROLE;
