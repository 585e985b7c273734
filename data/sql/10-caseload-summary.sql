-- 10-caseload-summary.sql — the month-end caseload counts that
-- reporting.caseload_trend would otherwise work out from every allocation
-- and episode on every call, kept once per data load.
--
--   fh.caseload_month_worker   per authority, month end and worker in post
--                              in one of its teams: the distinct open
--                              episodes of the authority the worker holds
--                              (rows only where that is more than 0)
--   fh.caseload_month_service  per authority, month end and service (core,
--                              adolescence, early): the distinct episodes
--                              open (by the episode's service), held by its
--                              workers in post (by the team's service), and
--                              with any current allocation (by the episode's
--                              service)
--
-- Every month end from the month of the earliest date in fh.episode,
-- fh.allocation and fh.worker to the month of the latest (or of the day of
-- the refresh, if later); the range is in fh.caseload_summary_state. The
-- definitions are reporting.caseload_trend's (08-caseload.sql). Refresh it
-- as the owner after each load with fh.refresh_caseload_summary()
-- (docs/data-contract.md; the demo load does). It is never served stale:
-- any change to fh.episode, fh.allocation, fh.worker or fh.team marks it
-- stale in the same transaction, and while it is stale, or for month ends
-- outside its range, reporting.caseload_trend counts from the rows (the
-- same figures, only slower). Nothing here is readable by fh_reader.

SET ROLE fh_owner;

CREATE TABLE fh.caseload_month_worker (
  authority_id integer NOT NULL,
  month_end    date NOT NULL,
  worker_id    integer NOT NULL,
  held         bigint NOT NULL,
  PRIMARY KEY (authority_id, month_end, worker_id)
);

CREATE TABLE fh.caseload_month_service (
  authority_id integer NOT NULL,
  month_end    date NOT NULL,
  service      text NOT NULL,
  open_episodes      bigint NOT NULL,
  held_episodes      bigint NOT NULL,
  allocated_episodes bigint NOT NULL,
  PRIMARY KEY (authority_id, month_end, service)
);

-- One row: whether the tables above match the rows, and the month ends they
-- cover.
CREATE TABLE fh.caseload_summary_state (
  one             boolean PRIMARY KEY DEFAULT true CHECK (one),
  fresh           boolean NOT NULL,
  first_month_end date,
  last_month_end  date,
  refreshed_at    timestamptz
);
INSERT INTO fh.caseload_summary_state (fresh) VALUES (false);

-- Whether the summary may be read for the month ends @p_first to @p_last.
CREATE FUNCTION fh.caseload_summary_covers(p_first date, p_last date)
RETURNS boolean
LANGUAGE sql STABLE
SET search_path = pg_catalog, fh, pg_temp
AS $$
  SELECT coalesce((SELECT s.fresh AND s.first_month_end <= p_first AND s.last_month_end >= p_last
                     FROM fh.caseload_summary_state s), false)
$$;

CREATE FUNCTION fh.caseload_summary_mark_stale()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, fh, pg_temp
AS $$
BEGIN
  UPDATE fh.caseload_summary_state SET fresh = false WHERE fresh;
  RETURN NULL;
END;
$$;

CREATE TRIGGER episode_caseload_summary_stale
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON fh.episode
  FOR EACH STATEMENT EXECUTE FUNCTION fh.caseload_summary_mark_stale();
CREATE TRIGGER allocation_caseload_summary_stale
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON fh.allocation
  FOR EACH STATEMENT EXECUTE FUNCTION fh.caseload_summary_mark_stale();
CREATE TRIGGER worker_caseload_summary_stale
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON fh.worker
  FOR EACH STATEMENT EXECUTE FUNCTION fh.caseload_summary_mark_stale();
CREATE TRIGGER team_caseload_summary_stale
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON fh.team
  FOR EACH STATEMENT EXECUTE FUNCTION fh.caseload_summary_mark_stale();

-- Rebuilds the summary from the rows and marks it fresh. Returns the number
-- of rows written. Owner only.
CREATE FUNCTION fh.refresh_caseload_summary()
RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, fh, pg_temp
SET work_mem = '64MB'
SET jit = off
AS $$
DECLARE
  lo     date;
  hi     date;
  ends   date[];
  firsts date[];
  last_d date;
  n_workers  bigint;
  n_services bigint;
BEGIN
  -- one refresh at a time; loads wait for it (they take a weaker lock)
  LOCK TABLE fh.caseload_summary_state IN EXCLUSIVE MODE;
  DELETE FROM fh.caseload_month_worker;
  DELETE FROM fh.caseload_month_service;

  SELECT min(x.lo), greatest(max(x.hi), current_date) INTO lo, hi
    FROM (SELECT min(e.started_on) AS lo, max(greatest(e.started_on, e.ended_on)) AS hi FROM fh.episode e
          UNION ALL
          SELECT min(a.allocated_from), max(greatest(a.allocated_from, a.allocated_to)) FROM fh.allocation a
          UNION ALL
          SELECT min(w.active_from), max(greatest(w.active_from, w.active_to)) FROM fh.worker w) x;
  ends := ARRAY(SELECT (m + interval '1 month - 1 day')::date
                  FROM generate_series(date_trunc('month', coalesce(lo, hi)), date_trunc('month', hi),
                                       interval '1 month') m
                 ORDER BY m);
  firsts := ARRAY(SELECT d + 1 FROM unnest(ends) WITH ORDINALITY u (d, j) ORDER BY j);
  last_d := ends[array_length(ends, 1)];

  -- as reporting.caseload_trend's held_rows, held_staff, held, events and
  -- so on, for every authority and month end
  WITH months AS (
         SELECT u.j::int AS j, u.d FROM unnest(ends) WITH ORDINALITY u (d, j)),
       held_rows AS MATERIALIZED (
         SELECT e.authority_id, a.worker_id, a.episode_id, coalesce(e.service, 'early') AS esvc, j::int AS j
           FROM fh.episode e
           JOIN fh.allocation a ON a.episode_id = e.episode_id
           CROSS JOIN LATERAL generate_series(
                        width_bucket(greatest(a.allocated_from, e.started_on), firsts) + 1,
                        width_bucket(least(coalesce(a.allocated_to, last_d + 1),
                                           coalesce(e.ended_on, last_d + 1), last_d + 1), firsts)) j),
       held_staff AS MATERIALIZED (
         SELECT h.authority_id, h.j, h.worker_id, h.episode_id, t.service AS svc
           FROM held_rows h
           JOIN fh.worker w ON w.worker_id = h.worker_id
                           AND w.active_from <= ends[h.j] AND (w.active_to IS NULL OR w.active_to >= ends[h.j])
           JOIN fh.team t ON t.team_id = w.team_id AND t.authority_id = h.authority_id),
       -- open on a month end: started by then less ended by then
       events AS (
         SELECT x.authority_id, x.svc, x.j, sum(x.n) AS n
           FROM (SELECT e.authority_id, coalesce(e.service, 'early') AS svc,
                        width_bucket(e.started_on, firsts) + 1 AS j, count(*) AS n
                   FROM fh.episode e GROUP BY 1, 2, 3
                 UNION ALL
                 SELECT e.authority_id, coalesce(e.service, 'early'),
                        width_bucket(e.ended_on, firsts) + 1, -count(*)
                   FROM fh.episode e WHERE e.ended_on IS NOT NULL GROUP BY 1, 2, 3) x
          GROUP BY 1, 2, 3),
       held_by_service AS (
         SELECT h.authority_id, h.j, h.svc, count(DISTINCT h.episode_id) AS n
           FROM held_staff h GROUP BY 1, 2, 3),
       alloc_any AS (
         SELECT h.authority_id, h.j, h.esvc AS svc, count(DISTINCT h.episode_id) AS n
           FROM held_rows h GROUP BY 1, 2, 3),
       grid AS (
         SELECT a.authority_id, m.j, m.d, s.svc
           FROM fh.authority a
           CROSS JOIN months m
           CROSS JOIN (VALUES ('core'), ('adolescence'), ('early')) s (svc)),
       by_worker AS (
         INSERT INTO fh.caseload_month_worker (authority_id, month_end, worker_id, held)
         SELECT h.authority_id, ends[h.j], h.worker_id, count(DISTINCT h.episode_id)
           FROM held_staff h
          GROUP BY h.authority_id, h.j, h.worker_id
         RETURNING 1),
       by_service AS (
         INSERT INTO fh.caseload_month_service (authority_id, month_end, service, open_episodes,
                                                held_episodes, allocated_episodes)
         SELECT g.authority_id, g.d, g.svc,
                coalesce(sum(ev.n) OVER (PARTITION BY g.authority_id, g.svc ORDER BY g.j), 0)::bigint,
                coalesce(h.n, 0), coalesce(al.n, 0)
           FROM grid g
           LEFT JOIN events ev ON ev.authority_id = g.authority_id AND ev.svc = g.svc AND ev.j = g.j
           LEFT JOIN held_by_service h ON h.authority_id = g.authority_id AND h.svc = g.svc AND h.j = g.j
           LEFT JOIN alloc_any al ON al.authority_id = g.authority_id AND al.svc = g.svc AND al.j = g.j
         RETURNING 1)
  SELECT (SELECT count(*) FROM by_worker), (SELECT count(*) FROM by_service)
    INTO n_workers, n_services;

  UPDATE fh.caseload_summary_state
     SET fresh = true, refreshed_at = now(), first_month_end = ends[1], last_month_end = last_d;
  ANALYZE fh.caseload_month_worker;
  ANALYZE fh.caseload_month_service;
  RETURN n_workers + n_services;
END;
$$;
REVOKE ALL ON FUNCTION fh.refresh_caseload_summary() FROM PUBLIC;
REVOKE ALL ON FUNCTION fh.caseload_summary_covers(date, date) FROM PUBLIC;
REVOKE ALL ON FUNCTION fh.caseload_summary_mark_stale() FROM PUBLIC;

RESET ROLE;
