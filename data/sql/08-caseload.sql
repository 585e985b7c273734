-- 08-caseload.sql — the Caseloads page beyond the per-worker table
--
-- Issue 10's sections, all aggregated here as the rest of the reporting
-- layer is (03-reporting.sql: SECURITY DEFINER, search_path pinned with
-- pg_temp last, counts through reporting.suppression_mask unless an
-- fh_manager asks for exact figures):
--
--   waiting_by_team, waiting_bands, waiting_longest
--                     targeted episodes open on a date with no current
--                     allocation: by service and team, by how long they have
--                     waited, and the five longest waits (days only)
--   caseload_trend    per month end and service: workers and FTE in post,
--                     open episodes, median and mean open episodes per FTE
--   front_door        MASH referrals received in a period by decision, and
--                     the share decided within one working day, per ward and
--                     for the authority
--   front_door_path   targeted Core vs targeted Adolescence decisions by age
--   routing_check     open Core episodes of a child aged 10 or over with an
--                     Adolescence need, by the team holding them
--   routing_review    fh_manager only: those episodes, one row each, by a
--                     pseudonymous episode reference ("E" and the data
--                     team's episode key) for review
--   worker_names      fh_manager only: worker references with display names
--
-- Definitions shared with reporting.caseload_table: an episode is open on D
-- when started_on <= D and (ended_on IS NULL or ended_on > D); an allocation
-- is current on D when allocated_from <= D and (allocated_to IS NULL or
-- allocated_to > D); a worker is in post on D when active_from <= D and
-- (active_to IS NULL or active_to >= D). Every count is of DISTINCT
-- episodes: two allocation rows of one episode count once.
--
-- Working days: Monday to Friday, less the days in fh.bank_holiday (England
-- and Wales bank holidays, which the data team keeps up to date; the demo
-- loads 2021 to 2026). An empty table means only weekends are skipped.

SET ROLE fh_owner;

CREATE TABLE fh.bank_holiday (
  day  date PRIMARY KEY,
  name text
);

INSERT INTO fh.bank_holiday (day) VALUES
  ('2021-12-27'), ('2021-12-28'),
  ('2022-01-03'), ('2022-04-15'), ('2022-04-18'), ('2022-05-02'), ('2022-06-02'), ('2022-06-03'),
  ('2022-08-29'), ('2022-09-19'), ('2022-12-26'), ('2022-12-27'),
  ('2023-01-02'), ('2023-04-07'), ('2023-04-10'), ('2023-05-01'), ('2023-05-08'), ('2023-05-29'),
  ('2023-08-28'), ('2023-12-25'), ('2023-12-26'),
  ('2024-01-01'), ('2024-03-29'), ('2024-04-01'), ('2024-05-06'), ('2024-05-27'), ('2024-08-26'),
  ('2024-12-25'), ('2024-12-26'),
  ('2025-01-01'), ('2025-04-18'), ('2025-04-21'), ('2025-05-05'), ('2025-05-26'), ('2025-08-25'),
  ('2025-12-25'), ('2025-12-26'),
  ('2026-01-01'), ('2026-04-03'), ('2026-04-06'), ('2026-05-04'), ('2026-05-25'), ('2026-08-31'),
  ('2026-12-25'), ('2026-12-28');

-- Working days after @p_from up to and including @p_to: 0 when decided the
-- day it arrived (or over a weekend that follows it), 1 the next working day.
CREATE FUNCTION fh.working_days_between(p_from date, p_to date)
RETURNS int
LANGUAGE sql STABLE
SET search_path = pg_catalog, fh, pg_temp
AS $$
  SELECT count(*)::int
    FROM generate_series(p_from + 1, p_to, interval '1 day') d
   WHERE extract(isodow FROM d) < 6
     AND NOT EXISTS (SELECT 1 FROM fh.bank_holiday b WHERE b.day = d::date)
$$;
REVOKE ALL ON FUNCTION fh.working_days_between(date, date) FROM PUBLIC;

-- Targeted episodes open on @p_as_at with no current allocation, with the
-- team that would hold them (the service's team in the ward's locality; NULL
-- when the ward is not known) and the days they have waited since starting.
-- Internal: granted to no one.
CREATE FUNCTION fh.waiting_episodes(p_authority int, p_as_at date)
RETURNS TABLE (episode_id bigint, service text, team_name text, days_waiting int)
LANGUAGE sql STABLE
SET search_path = pg_catalog, fh, pg_temp
SET max_parallel_workers_per_gather = 0   -- at scale 50 starting workers took longer than the work
AS $$
  SELECT e.episode_id, e.service, t.team_name, p_as_at - e.started_on
    FROM (-- open on the date: two ranges of episode_open_idx
          SELECT x.episode_id, x.service, x.ward_code, x.authority_id, x.started_on FROM fh.episode x
           WHERE x.authority_id = p_authority AND x.ended_on IS NULL
             AND x.level = 'targeted' AND x.started_on <= p_as_at
          UNION ALL
          SELECT x.episode_id, x.service, x.ward_code, x.authority_id, x.started_on FROM fh.episode x
           WHERE x.authority_id = p_authority AND x.ended_on > p_as_at
             AND x.level = 'targeted' AND x.started_on <= p_as_at) e
    LEFT JOIN fh.ward_locality wl ON wl.ward_code = e.ward_code
    LEFT JOIN fh.team t ON t.locality_id = wl.locality_id AND t.service = e.service
                       AND t.authority_id = e.authority_id
   WHERE NOT EXISTS (SELECT 1 FROM fh.allocation a
                      WHERE a.episode_id = e.episode_id
                        AND a.allocated_from <= p_as_at
                        AND (a.allocated_to IS NULL OR a.allocated_to > p_as_at))
$$;
REVOKE ALL ON FUNCTION fh.waiting_episodes(int, date) FROM PUBLIC;

-- ---- 3. waiting for allocation ----------------------------------------------

-- Per service: one row per team (team_name NULL: ward not known), then the
-- service's total (is_total). Teams are suppressed as one line whose total is
-- the service's. Where reporting.unallocated_episodes withholds the
-- service's waiting count (a cell of reporting.caseload_table's line of
-- workers, so secondary suppression may hide it however large), every row
-- of the service is withheld too: it would give that cell away.
CREATE FUNCTION reporting.waiting_by_team(p_authority int, p_as_at date, p_exact boolean DEFAULT false)
RETURNS TABLE (service text, team_name text, is_total boolean, waiting bigint,
               median_days_waiting numeric, waiting_suppressed boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh, pg_temp
AS $$
DECLARE
  exact boolean := reporting.exact_figures(p_exact);
  svc   text;
  teams text[];
  vals  bigint[];
  meds  numeric[];
  total bigint;
  tmed  numeric;
  mask  boolean[];
  n     int;
  withheld text[];
  w_services text[];  -- fh.waiting_episodes, asked once for both services
  w_teams    text[];
  w_days     int[];
BEGIN
  PERFORM reporting.check_date(p_as_at);
  withheld := CASE WHEN exact THEN '{}'::text[]
                   ELSE ARRAY(SELECT u.service FROM reporting.unallocated_episodes(p_authority, p_as_at, false) u
                               WHERE u.waiting_suppressed) END;

  SELECT coalesce(array_agg(x.service), '{}'), coalesce(array_agg(x.team_name), '{}'),
         coalesce(array_agg(x.days_waiting), '{}')
    INTO w_services, w_teams, w_days
    FROM fh.waiting_episodes(p_authority, p_as_at) x;

  FOREACH svc IN ARRAY ARRAY['core', 'adolescence'] LOOP
    -- every team of the service, waiting or not, then "ward not known"
    WITH w AS (SELECT u.team_name, u.days_waiting
                 FROM unnest(w_services, w_teams, w_days) u (service, team_name, days_waiting)
                WHERE u.service = svc)
    SELECT array_agg(x.team_name ORDER BY x.ord, x.team_name),
           array_agg(x.n ORDER BY x.ord, x.team_name),
           array_agg(x.med ORDER BY x.ord, x.team_name),
           (SELECT count(*) FROM w),
           (SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY w.days_waiting)::numeric, 1) FROM w)
      INTO teams, vals, meds, total, tmed
      FROM (SELECT t.team_name, 1 AS ord, count(w.days_waiting) AS n,
                   round(percentile_cont(0.5) WITHIN GROUP (ORDER BY w.days_waiting)::numeric, 1) AS med
              FROM fh.team t
              LEFT JOIN w ON w.team_name = t.team_name
             WHERE t.authority_id = p_authority AND t.service = svc
             GROUP BY t.team_name
            UNION ALL
            SELECT NULL, 2, count(*),
                   round(percentile_cont(0.5) WITHIN GROUP (ORDER BY w.days_waiting)::numeric, 1)
              FROM w
             WHERE w.team_name IS NULL
            HAVING count(*) > 0) x;
    n := coalesce(array_length(vals, 1), 0);
    IF exact THEN
      mask := array_fill(false, ARRAY[n + 1]);
    ELSIF svc = ANY (withheld) THEN
      mask := array_fill(true, ARRAY[n + 1]);
    ELSE
      mask := reporting.suppression_mask(vals, total);
    END IF;
    FOR i IN 1 .. n LOOP
      service := svc;
      team_name := teams[i];
      is_total := false;
      waiting_suppressed := mask[i];
      waiting := CASE WHEN mask[i] THEN NULL ELSE vals[i] END;
      median_days_waiting := CASE WHEN mask[i] THEN NULL ELSE meds[i] END;
      RETURN NEXT;
    END LOOP;
    service := svc;
    team_name := NULL;
    is_total := true;
    waiting_suppressed := mask[n + 1];
    waiting := CASE WHEN mask[n + 1] THEN NULL ELSE total END;
    median_days_waiting := CASE WHEN mask[n + 1] THEN NULL ELSE tmed END;
    RETURN NEXT;
  END LOOP;
END;
$$;

-- How long they have waited, in bands of days (0–7, 8–14, 15–28, 29–56,
-- 57 and over), per service; each service's bands are one line, all
-- withheld where reporting.unallocated_episodes withholds the service's
-- waiting count (as reporting.waiting_by_team).
CREATE FUNCTION reporting.waiting_bands(p_authority int, p_as_at date, p_exact boolean DEFAULT false)
RETURNS TABLE (service text, band text, min_days int, max_days int, waiting bigint,
               waiting_suppressed boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh, pg_temp
AS $$
DECLARE
  exact boolean := reporting.exact_figures(p_exact);
  withheld text[];
BEGIN
  PERFORM reporting.check_date(p_as_at);
  withheld := CASE WHEN exact THEN '{}'::text[]
                   ELSE ARRAY(SELECT u.service FROM reporting.unallocated_episodes(p_authority, p_as_at, false) u
                               WHERE u.waiting_suppressed) END;
  RETURN QUERY
  WITH bands (band_order, band, lo, hi) AS (
         VALUES (1, '0-7', 0, 7), (2, '8-14', 8, 14), (3, '15-28', 15, 28),
                (4, '29-56', 29, 56), (5, '57+', 57, NULL::int)),
       w AS (SELECT * FROM fh.waiting_episodes(p_authority, p_as_at)),
       cells AS (
         SELECT s.svc, b.band_order, b.band, b.lo, b.hi,
                (SELECT count(*) FROM w
                  WHERE w.service = s.svc AND w.days_waiting >= b.lo
                    AND (b.hi IS NULL OR w.days_waiting <= b.hi)) AS n
           FROM (VALUES ('core'), ('adolescence')) s (svc) CROSS JOIN bands b),
       lines AS (
         SELECT c.svc,
                CASE WHEN exact THEN array_fill(false, ARRAY[6])
                     WHEN c.svc = ANY (withheld) THEN array_fill(true, ARRAY[6])
                     ELSE reporting.suppression_mask(array_agg(c.n ORDER BY c.band_order), sum(c.n)::bigint)
                END AS mask
           FROM cells c GROUP BY c.svc)
  SELECT c.svc, c.band, c.lo, c.hi,
         CASE WHEN l.mask[c.band_order] THEN NULL ELSE c.n END,
         l.mask[c.band_order]
    FROM cells c JOIN lines l ON l.svc = c.svc
   ORDER BY array_position(ARRAY['core', 'adolescence'], c.svc), c.band_order;
END;
$$;

-- The five longest waits per service, in days, longest first: never which
-- episode. An fh_manager with exact figures gets them as they are (fewer
-- rows when fewer wait). Anyone else gets five rows for every service with
-- anyone waiting, and the days only when the longest band that has anyone
-- in it holds a published count of five or more (so all five fall in it and
-- say nothing about a suppressed band, nor how many wait); otherwise the
-- days are withheld (NULL, suppressed).
CREATE FUNCTION reporting.waiting_longest(p_authority int, p_as_at date, p_exact boolean DEFAULT false)
RETURNS TABLE (service text, rank int, days_waiting int, days_suppressed boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh, pg_temp
AS $$
DECLARE
  exact  boolean := reporting.exact_figures(p_exact);
  svc    text;
  days   int[];
  shown  boolean;
  shown_services text[];
BEGIN
  PERFORM reporting.check_date(p_as_at);
  IF NOT exact THEN
    -- the services whose longest non-empty band is published and holds five or more
    SELECT coalesce(array_agg(t.service), '{}') INTO shown_services
      FROM (SELECT DISTINCT ON (b.service) b.service, b.waiting, b.waiting_suppressed
              FROM reporting.waiting_bands(p_authority, p_as_at, false) b
             WHERE b.waiting IS NULL OR b.waiting > 0
             ORDER BY b.service, b.min_days DESC) t
     WHERE NOT t.waiting_suppressed AND t.waiting >= 5;
  END IF;
  FOR svc, days IN
    SELECT x.service, (array_agg(x.days_waiting ORDER BY x.days_waiting DESC))[1:5]
      FROM fh.waiting_episodes(p_authority, p_as_at) x
     GROUP BY x.service
     ORDER BY array_position(ARRAY['core', 'adolescence'], x.service)
  LOOP
    shown := exact OR svc = ANY (shown_services);
    FOR i IN 1 .. CASE WHEN exact THEN array_length(days, 1) ELSE 5 END LOOP
      service := svc;
      rank := i;
      days_suppressed := NOT shown;
      days_waiting := CASE WHEN shown THEN days[i] END;
      RETURN NEXT;
    END LOOP;
  END LOOP;
END;
$$;

-- ---- 4. over time ---------------------------------------------------------------

-- Every month end from @p_from's month to @p_to's (at most 120), per service
-- (core, adolescence, early): workers and FTE in post, the distinct open
-- episodes of the service (allocated or not) and those its workers in post
-- hold, and the median and mean over those workers of open episodes per FTE
-- (each worker's ratio to one decimal place, as reporting.caseload_by_service
-- takes it, so the last month matches that figure). Each month's three
-- services are one line for the open episodes. Without exact figures each
-- service's workers and its waiting episodes are one line, as in
-- reporting.caseload_table, so a month end shows what caseload_by_service
-- would: the held episodes are withheld when the waiting count is (or are
-- 1 to 5 themselves), the median when a suppressed worker sits at the
-- middle, and the mean whenever any worker is suppressed (with the held
-- total it would give two equations in the suppressed caseloads).
CREATE FUNCTION reporting.caseload_trend(p_authority int, p_from date, p_to date,
                                         p_exact boolean DEFAULT false)
RETURNS TABLE (month_end date, service text, workers int, fte numeric, open_episodes bigint,
               held_episodes bigint, median_per_fte numeric, mean_per_fte numeric,
               open_episodes_suppressed boolean, held_episodes_suppressed boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh, pg_temp
SET work_mem = '32MB'
SET jit = off   -- the planner guesses 1000 month ends per allocation; compiling costs seconds
AS $$
DECLARE
  exact  boolean := reporting.exact_figures(p_exact);
  ends   date[];   -- the month ends, in order
  firsts date[];   -- the day after each: width_bucket(day, firsts) is the
                   -- number of month ends before day
  first_d date;
  last_d  date;
  summary boolean;  -- read fh.caseload_month_* (10-caseload-summary.sql)
BEGIN
  PERFORM reporting.check_date(p_from);
  PERFORM reporting.check_date(p_to);
  IF p_from > p_to OR (p_to - p_from) > 3700 THEN
    RAISE EXCEPTION 'the trend runs forwards over at most 120 months' USING ERRCODE = '22023';
  END IF;
  ends := ARRAY(SELECT (m + interval '1 month - 1 day')::date
                  FROM generate_series(date_trunc('month', p_from), date_trunc('month', p_to),
                                       interval '1 month') m
                 ORDER BY m);
  firsts := ARRAY(SELECT d + 1 FROM unnest(ends) WITH ORDINALITY u (d, j) ORDER BY j);
  first_d := ends[1];
  last_d := ends[array_length(ends, 1)];
  summary := fh.caseload_summary_covers(first_d, last_d);
  -- Months are numbered 1.. (j) and every date is placed by width_bucket
  -- against the month ends, rather than expanded with timestamp arithmetic:
  -- a month end d[j] falls in [s, f) when width_bucket(s) < j <= width_bucket(f).
  RETURN QUERY
  WITH months AS (
         SELECT u.j::int AS j, u.d FROM unnest(ends) WITH ORDINALITY u (d, j)),
       services (svc, ord) AS (VALUES ('core', 1), ('adolescence', 2), ('early', 3)),
       staff AS (
         SELECT m.j, w.worker_id, t.service AS svc, w.fte, t.team_name, w.worker_ref
           FROM months m
           JOIN fh.worker w ON w.active_from <= m.d AND (w.active_to IS NULL OR w.active_to >= m.d)
           JOIN fh.team t ON t.team_id = w.team_id AND t.authority_id = p_authority),
       -- the episodes open on some month end of the range (one that ended by
       -- the first month end adds nothing to any)
       eps AS MATERIALIZED (
         SELECT e.episode_id, coalesce(e.service, 'early') AS esvc, e.started_on, e.ended_on
           FROM fh.episode e
          WHERE e.authority_id = p_authority
            AND e.started_on <= last_d
            AND (e.ended_on IS NULL OR e.ended_on > first_d)),
       -- each allocation of an open episode as the month ends it covers
       held_rows AS MATERIALIZED (
         SELECT a.worker_id, a.episode_id, e.esvc, j::int AS j
           FROM eps e
           JOIN fh.allocation a ON a.episode_id = e.episode_id
                               AND a.allocated_from <= last_d
                               AND (a.allocated_to IS NULL OR a.allocated_to > first_d)
           CROSS JOIN LATERAL generate_series(
                        width_bucket(greatest(a.allocated_from, e.started_on), firsts) + 1,
                        width_bucket(least(coalesce(a.allocated_to, last_d + 1),
                                           coalesce(e.ended_on, last_d + 1), last_d + 1), firsts)) j),
       held_staff AS MATERIALIZED (
         SELECT h.j, h.worker_id, h.episode_id, t.service AS svc
           FROM held_rows h
           JOIN fh.worker w ON w.worker_id = h.worker_id
                           AND w.active_from <= ends[h.j] AND (w.active_to IS NULL OR w.active_to >= ends[h.j])
           JOIN fh.team t ON t.team_id = w.team_id AND t.authority_id = p_authority),
       held AS (
         SELECT m.j, c.worker_id, c.held AS n
           FROM months m
           JOIN fh.caseload_month_worker c ON c.authority_id = p_authority AND c.month_end = m.d
          WHERE summary
         UNION ALL
         SELECT h.j, h.worker_id, count(DISTINCT h.episode_id)
           FROM held_staff h WHERE NOT summary GROUP BY h.j, h.worker_id),
       per_worker AS MATERIALIZED (
         SELECT s.j, s.svc, s.fte, s.team_name, s.worker_ref, coalesce(h.n, 0) AS n,
                round(coalesce(h.n, 0) / s.fte, 1) AS ratio
           FROM staff s LEFT JOIN held h ON h.j = s.j AND h.worker_id = s.worker_id),
       stats AS MATERIALIZED (
         SELECT p.j, p.svc, count(*)::int AS k, sum(p.fte) AS fte,
                round(percentile_cont(0.5) WITHIN GROUP (ORDER BY p.ratio)::numeric, 1) AS med,
                percentile_disc(0.5) WITHIN GROUP (ORDER BY p.ratio) AS mid_lo,
                percentile_disc(0.5) WITHIN GROUP (ORDER BY p.ratio DESC) AS mid_hi,
                round(avg(p.n / p.fte), 1) AS mean
           FROM per_worker p GROUP BY p.j, p.svc),
       held_by_service AS (
         SELECT h.j, h.svc, count(DISTINCT h.episode_id) AS n
           FROM held_staff h GROUP BY h.j, h.svc),
       -- open on a month end: started by then less ended by then, summed
       -- from each month's starts (+1) and ends (-1)
       events AS (
         SELECT x.svc, x.j, sum(x.n) AS n
           FROM (SELECT e.esvc AS svc, width_bucket(e.started_on, firsts) + 1 AS j, count(*) AS n
                   FROM eps e GROUP BY 1, 2
                 UNION ALL
                 SELECT e.esvc, width_bucket(e.ended_on, firsts) + 1, -count(*)
                   FROM eps e WHERE e.ended_on <= last_d GROUP BY 1, 2) x
          GROUP BY x.svc, x.j),
       open_by_service AS (
         SELECT m.j, ev.svc, sum(ev.n)::bigint AS n
           FROM months m JOIN events ev ON ev.j <= m.j
          GROUP BY m.j, ev.svc),
       -- episodes with any current allocation, for the waiting cell
       alloc_any AS (
         SELECT h.j, h.esvc AS svc, count(DISTINCT h.episode_id) AS n
           FROM held_rows h GROUP BY h.j, h.esvc),
       counts AS (
         SELECT m.j, c.service AS svc, c.open_episodes AS open_n, c.held_episodes AS held_n,
                c.allocated_episodes AS alloc_n
           FROM months m
           JOIN fh.caseload_month_service c ON c.authority_id = p_authority AND c.month_end = m.d
          WHERE summary
         UNION ALL
         SELECT m.j, s.svc, o.n, h.n, al.n
           FROM months m CROSS JOIN services s
           LEFT JOIN open_by_service o ON o.j = m.j AND o.svc = s.svc
           LEFT JOIN held_by_service h ON h.j = m.j AND h.svc = s.svc
           LEFT JOIN alloc_any al ON al.j = m.j AND al.svc = s.svc
          WHERE NOT summary),
       grid AS MATERIALIZED (
         SELECT m.j, m.d, s.svc, s.ord, coalesce(c.open_n, 0) AS open_n, coalesce(c.held_n, 0) AS held_n,
                coalesce(c.alloc_n, 0) AS alloc_n
           FROM months m CROSS JOIN services s
           LEFT JOIN counts c ON c.j = m.j AND c.svc = s.svc),
       worker_lines AS (
         SELECT p.j, p.svc,
                array_agg(p.n ORDER BY p.team_name, p.worker_ref) AS vals,
                array_agg(p.ratio ORDER BY p.team_name, p.worker_ref) AS ratios
           FROM per_worker p GROUP BY p.j, p.svc),
       -- materialised: each line's mask is worked out once, not per worker
       line_masks AS MATERIALIZED (
         SELECT l.j, l.svc, l.ratios, array_length(l.vals, 1) AS k,
                CASE WHEN exact THEN array_fill(false, ARRAY[array_length(l.vals, 1) + 2])
                     ELSE reporting.suppression_mask(l.vals || (g.open_n - g.alloc_n), g.open_n)
                END AS mask
           FROM worker_lines l
           JOIN grid g ON g.j = l.j AND g.svc = l.svc),
       hidden AS (
         SELECT lm.j, lm.svc,
                bool_or(lm.mask[i]) AS any_worker,
                bool_or(lm.mask[i] AND lm.ratios[i] IN (st.mid_lo, st.mid_hi)) AS at_mid,
                bool_or(lm.mask[lm.k + 1]) AS waiting
           FROM line_masks lm
           JOIN stats st ON st.j = lm.j AND st.svc = lm.svc
           CROSS JOIN LATERAL generate_series(1, lm.k) i
          GROUP BY lm.j, lm.svc),
       masks AS MATERIALIZED (
         SELECT g.j,
                CASE WHEN exact THEN array_fill(false, ARRAY[4])
                     ELSE reporting.suppression_mask(array_agg(g.open_n ORDER BY g.ord), sum(g.open_n)::bigint)
                END AS open_mask
           FROM grid g GROUP BY g.j)
  SELECT g.d, g.svc, coalesce(st.k, 0), st.fte,
         CASE WHEN mk.open_mask[g.ord] THEN NULL ELSE g.open_n END,
         CASE WHEN hh.hide THEN NULL ELSE g.held_n END,
         CASE WHEN NOT exact AND coalesce(h.at_mid, false) THEN NULL ELSE st.med END,
         CASE WHEN hh.hide OR (NOT exact AND coalesce(h.any_worker, false)) THEN NULL ELSE st.mean END,
         mk.open_mask[g.ord], hh.hide
    FROM grid g
    JOIN masks mk ON mk.j = g.j
    LEFT JOIN stats st ON st.j = g.j AND st.svc = g.svc
    LEFT JOIN hidden h ON h.j = g.j AND h.svc = g.svc
    CROSS JOIN LATERAL (SELECT NOT exact AND (coalesce(h.waiting, false) OR g.held_n BETWEEN 1 AND 5) AS hide) hh
   ORDER BY g.j, g.ord;
END;
$$;

-- ---- 5. the front door ---------------------------------------------------------

-- Small-number suppression of a table whose last row and last column are
-- totals (p_rows × p_cols, row-major; p_hidden says which cells start out
-- suppressed). reporting.suppression_mask's rule, applied to every row and
-- every column in turn until nothing changes, so that no suppressed cell
-- can be worked out from its row or its column. Internal: granted to no one.
CREATE FUNCTION fh.suppress_table(p_values bigint[], p_rows int, p_cols int, p_hidden boolean[])
RETURNS boolean[]
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  vals    bigint[] := p_values;
  hide    boolean[] := p_hidden;
  changed boolean := true;
  rounds  int := 0;
  n_lines int;
  len     int;
  cell    int;
  k       int;
  total   bigint;
  best    int;
BEGIN
  WHILE changed AND rounds < 100 LOOP
    changed := false;
    rounds := rounds + 1;
    -- every row (its cells, then its total), then every column
    FOR pass IN 1 .. 2 LOOP
      n_lines := CASE pass WHEN 1 THEN p_rows ELSE p_cols END;
      len := CASE pass WHEN 1 THEN p_cols ELSE p_rows END;
      FOR r IN 1 .. n_lines LOOP
        LOOP
          k := 0;
          total := 0;
          best := NULL;
          FOR i IN 1 .. len - 1 LOOP
            cell := CASE pass WHEN 1 THEN (r - 1) * p_cols + i ELSE (i - 1) * p_cols + r END;
            IF hide[cell] THEN
              k := k + 1;
              total := total + coalesce(vals[cell], 0);
            ELSIF vals[cell] > 0 AND (best IS NULL OR vals[cell] < vals[best]) THEN
              best := cell;
            END IF;
          END LOOP;
          EXIT WHEN k = 0 OR (k >= 2 AND total > 5 AND total > k);
          IF best IS NULL THEN
            cell := CASE pass WHEN 1 THEN r * p_cols ELSE (p_rows - 1) * p_cols + r END;
            IF NOT hide[cell] AND coalesce(vals[cell], 0) > 0 THEN
              hide[cell] := true;
              changed := true;
            END IF;
            EXIT;
          END IF;
          hide[best] := true;
          changed := true;
        END LOOP;
      END LOOP;
    END LOOP;
  END LOOP;
  RETURN hide;
END;
$$;
REVOKE ALL ON FUNCTION fh.suppress_table(bigint[], int, int, boolean[]) FROM PUBLIC;

-- MASH referrals received in the period that have a decision, per ward and
-- (ward_code NULL, last) the authority, by decision and in all ('all'); and
-- of those, decided within one working day. Referrals whose ward is not
-- known count for the authority only. Wards × decisions is one table for
-- suppression (fh.suppress_table: each ward's decisions add up to its
-- 'all', each decision's wards to the authority's), and so is the table of
-- within-one-day counts, which also starts out hiding a count whose
-- referrals are hidden or where it or the count not within one day is 1 to
-- 5. A share is withheld with its count.
CREATE FUNCTION reporting.front_door(p_authority int, p_from date, p_to date,
                                     p_exact boolean DEFAULT false)
RETURNS TABLE (ward_code text, ward_name text, decision text, referrals bigint,
               within_one_day bigint, pct_within_one_day numeric,
               referrals_suppressed boolean, within_one_day_suppressed boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh, pg_temp
SET work_mem = '32MB'
AS $$
DECLARE
  exact  boolean := reporting.exact_figures(p_exact);
  codes  text[];
  names  text[];
  decs   text[];
  ns     bigint[];
  qs     bigint[];
  hide_n boolean[];
  hide_q boolean[];
  n_rows int;
  i      int;
BEGIN
  PERFORM reporting.check_period(p_from, p_to, NOT exact);
  WITH decisions (dec, ord) AS (
         VALUES ('nfa', 1), ('universal', 2), ('early_help', 3), ('targeted_core', 4),
                ('targeted_adolescence', 5), ('statutory', 6), ('all', 7)),
       wards AS (
         SELECT w.ward_code AS code, w.ward_name AS name, row_number() OVER (ORDER BY w.ward_code) AS ord
           FROM fh.ward w WHERE w.authority_id = p_authority
         UNION ALL
         SELECT NULL, NULL, 1000000),
       -- working days counted from the period's start, to a year after its end
       cal AS (
         SELECT d::date AS d,
                sum(CASE WHEN extract(isodow FROM d) < 6
                          AND NOT EXISTS (SELECT 1 FROM fh.bank_holiday b WHERE b.day = d::date)
                         THEN 1 ELSE 0 END) OVER (ORDER BY d) AS cum
           FROM generate_series(p_from, p_to + 366, interval '1 day') d),
       refs AS (
         SELECT r.ward_code AS code, r.decision AS dec,
                coalesce(c2.cum - c1.cum <= 1, false) AS quick
           FROM fh.referral r
           JOIN cal c1 ON c1.d = r.received_on
           LEFT JOIN cal c2 ON c2.d = r.decided_on
          WHERE r.authority_id = p_authority
            AND r.route = 'mash'
            AND r.decision IS NOT NULL
            AND r.received_on BETWEEN p_from AND p_to),
       agg AS (
         SELECT r.code, r.dec, count(*) AS n, count(*) FILTER (WHERE r.quick) AS q
           FROM refs r GROUP BY r.code, r.dec),
       cells AS (
         SELECT w.code, w.name, w.ord AS word, d.dec, d.ord AS dord,
                coalesce(sum(a.n), 0)::bigint AS n, coalesce(sum(a.q), 0)::bigint AS q
           FROM wards w CROSS JOIN decisions d
           LEFT JOIN agg a ON (w.code IS NULL OR a.code = w.code) AND (d.dec = 'all' OR a.dec = d.dec)
          GROUP BY w.code, w.name, w.ord, d.dec, d.ord)
  SELECT array_agg(c.code ORDER BY c.word, c.dord), array_agg(c.name ORDER BY c.word, c.dord),
         array_agg(c.dec ORDER BY c.word, c.dord), array_agg(c.n ORDER BY c.word, c.dord),
         array_agg(c.q ORDER BY c.word, c.dord)
    INTO codes, names, decs, ns, qs
    FROM cells c;

  n_rows := array_length(ns, 1) / 7;
  IF exact THEN
    hide_n := array_fill(false, ARRAY[n_rows * 7]);
    hide_q := hide_n;
  ELSE
    hide_n := fh.suppress_table(ns, n_rows, 7,
                                ARRAY(SELECT ns[j] BETWEEN 1 AND 5 FROM generate_series(1, n_rows * 7) j));
    hide_q := fh.suppress_table(qs, n_rows, 7,
                                ARRAY(SELECT hide_n[j] OR qs[j] BETWEEN 1 AND 5 OR ns[j] - qs[j] BETWEEN 1 AND 5
                                        FROM generate_series(1, n_rows * 7) j));
  END IF;

  FOR i IN 1 .. n_rows * 7 LOOP
    ward_code := codes[i];
    ward_name := names[i];
    decision := decs[i];
    referrals_suppressed := hide_n[i];
    within_one_day_suppressed := hide_q[i];
    referrals := CASE WHEN hide_n[i] THEN NULL ELSE ns[i] END;
    within_one_day := CASE WHEN hide_q[i] THEN NULL ELSE qs[i] END;
    pct_within_one_day := CASE WHEN hide_q[i] OR ns[i] = 0 THEN NULL ELSE round(100.0 * qs[i] / ns[i], 1) END;
    RETURN NEXT;
  END LOOP;
END;
$$;

-- Targeted decisions on MASH referrals received in the period, Core against
-- Adolescence, by the child's age at referral (0–4, 5–9, 10–13, 14–15,
-- 16–17). Bands × (Core, Adolescence) is one table for suppression with
-- its totals (fh.suppress_table): the columns add up to reporting.front_door's
-- authority figures for the two decisions, which are published.
CREATE FUNCTION reporting.front_door_path(p_authority int, p_from date, p_to date,
                                          p_exact boolean DEFAULT false)
RETURNS TABLE (age_band text, min_age int, max_age int, targeted_core bigint,
               targeted_adolescence bigint, core_suppressed boolean,
               adolescence_suppressed boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh, pg_temp
AS $$
DECLARE
  exact  boolean := reporting.exact_figures(p_exact);
  bands  text[] := ARRAY['0-4', '5-9', '10-13', '14-15', '16-17'];
  los    int[] := ARRAY[0, 5, 10, 14, 16];
  his    int[] := ARRAY[4, 9, 13, 15, 17];
  vals   bigint[] := '{}';
  hide   boolean[];
BEGIN
  PERFORM reporting.check_period(p_from, p_to, NOT exact);
  -- five bands and the total row; columns Core, Adolescence, both
  SELECT array_agg(x.v ORDER BY x.i, x.c) INTO vals
    FROM (SELECT b.i, c.c,
                 CASE c.c WHEN 1 THEN b.core WHEN 2 THEN b.adol ELSE b.core + b.adol END AS v
            FROM (SELECT i, coalesce(sum(n.core), 0)::bigint AS core, coalesce(sum(n.adol), 0)::bigint AS adol
                    FROM generate_series(1, 6) i
                    LEFT JOIN (SELECT r.age_at_referral AS age,
                                      count(*) FILTER (WHERE r.decision = 'targeted_core') AS core,
                                      count(*) FILTER (WHERE r.decision = 'targeted_adolescence') AS adol
                                 FROM fh.referral r
                                WHERE r.authority_id = p_authority AND r.route = 'mash'
                                  AND r.received_on BETWEEN p_from AND p_to
                                  AND r.decision IN ('targeted_core', 'targeted_adolescence')
                                GROUP BY r.age_at_referral) n
                           ON i = 6 OR n.age BETWEEN los[i] AND his[i]
                   GROUP BY i) b
           CROSS JOIN generate_series(1, 3) c (c)) x;
  IF exact THEN
    hide := array_fill(false, ARRAY[18]);
  ELSE
    hide := fh.suppress_table(vals, 6, 3, ARRAY(SELECT vals[j] BETWEEN 1 AND 5 FROM generate_series(1, 18) j));
  END IF;
  FOR i IN 1 .. 5 LOOP
    age_band := bands[i];
    min_age := los[i];
    max_age := his[i];
    core_suppressed := hide[(i - 1) * 3 + 1];
    adolescence_suppressed := hide[(i - 1) * 3 + 2];
    targeted_core := CASE WHEN core_suppressed THEN NULL ELSE vals[(i - 1) * 3 + 1] END;
    targeted_adolescence := CASE WHEN adolescence_suppressed THEN NULL ELSE vals[(i - 1) * 3 + 2] END;
    RETURN NEXT;
  END LOOP;
END;
$$;

-- ---- 6. the routing check ---------------------------------------------------------

-- Open Core episodes on @p_as_at of a child aged 10 or over then (age from
-- the month of birth, counted from the 1st) with at least one need among
-- exploitation, missing, asb, criminality and education (the Adolescence
-- criteria); the team is that of the worker whose current allocation began
-- last. Internal: granted to no one.
CREATE FUNCTION fh.routing_episodes(p_authority int, p_as_at date)
RETURNS TABLE (episode_id bigint, team_name text, age int, started_on date, needs text[])
LANGUAGE sql STABLE
SET search_path = pg_catalog, fh, pg_temp
AS $$
  SELECT e.episode_id, hold.team_name,
         extract(year FROM age(p_as_at, c.birth_month))::int,
         e.started_on,
         (SELECT array_agg(n.need ORDER BY n.need) FROM fh.episode_need n
           WHERE n.episode_id = e.episode_id
             AND n.need IN ('exploitation', 'missing', 'asb', 'criminality', 'education'))
    FROM fh.episode e
    JOIN fh.child c ON c.child_id = e.child_id
    LEFT JOIN LATERAL (SELECT t.team_name
                         FROM fh.allocation a
                         JOIN fh.worker w ON w.worker_id = a.worker_id
                         JOIN fh.team t ON t.team_id = w.team_id
                        WHERE a.episode_id = e.episode_id
                          AND a.allocated_from <= p_as_at
                          AND (a.allocated_to IS NULL OR a.allocated_to > p_as_at)
                        ORDER BY a.allocated_from DESC, a.allocation_id DESC
                        LIMIT 1) hold ON true
   WHERE e.authority_id = p_authority
     AND e.service = 'core'
     AND e.started_on <= p_as_at
     AND (e.ended_on IS NULL OR e.ended_on > p_as_at)
     AND c.birth_month <= (p_as_at - interval '10 years')::date
     AND EXISTS (SELECT 1 FROM fh.episode_need n
                  WHERE n.episode_id = e.episode_id
                    AND n.need IN ('exploitation', 'missing', 'asb', 'criminality', 'education'))
$$;
REVOKE ALL ON FUNCTION fh.routing_episodes(int, date) FROM PUBLIC;

-- Counts by team (every Core team, then team_name NULL for those not
-- allocated), then the total (is_total); the teams are one line.
CREATE FUNCTION reporting.routing_check(p_authority int, p_as_at date, p_exact boolean DEFAULT false)
RETURNS TABLE (team_name text, is_total boolean, episodes bigint, episodes_suppressed boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh, pg_temp
AS $$
DECLARE
  exact boolean := reporting.exact_figures(p_exact);
  teams text[];
  vals  bigint[];
  total bigint;
  mask  boolean[];
  n     int;
BEGIN
  PERFORM reporting.check_date(p_as_at);
  WITH r AS (SELECT * FROM fh.routing_episodes(p_authority, p_as_at))
  SELECT array_agg(x.team_name ORDER BY x.ord, x.team_name), array_agg(x.n ORDER BY x.ord, x.team_name),
         (SELECT count(*) FROM r)
    INTO teams, vals, total
    FROM (SELECT t.team_name, 1 AS ord, (SELECT count(*) FROM r WHERE r.team_name = t.team_name) AS n
            FROM fh.team t WHERE t.authority_id = p_authority AND t.service = 'core'
          UNION ALL
          SELECT NULL, 2, count(*) FROM r WHERE r.team_name IS NULL) x;
  n := coalesce(array_length(vals, 1), 0);
  mask := CASE WHEN exact THEN array_fill(false, ARRAY[n + 1])
               ELSE reporting.suppression_mask(vals, total) END;
  FOR i IN 1 .. n LOOP
    team_name := teams[i];
    is_total := false;
    episodes_suppressed := mask[i];
    episodes := CASE WHEN mask[i] THEN NULL ELSE vals[i] END;
    RETURN NEXT;
  END LOOP;
  team_name := NULL;
  is_total := true;
  episodes_suppressed := mask[n + 1];
  episodes := CASE WHEN mask[n + 1] THEN NULL ELSE total END;
  RETURN NEXT;
END;
$$;

-- Only for fh_manager (and a superuser): refused with 42501 otherwise, and
-- not granted to fh_reader at all.
CREATE FUNCTION fh.require_manager()
RETURNS void
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF NOT pg_catalog.pg_has_role(session_user, 'fh_manager', 'MEMBER') THEN
    RAISE EXCEPTION 'only the fh_manager role may see this; % may not', session_user
      USING ERRCODE = '42501';
  END IF;
END;
$$;

-- The episodes behind reporting.routing_check, for a manager to review:
-- "E" and the data team's episode key, the team, the child's age and the
-- Adolescence needs recorded. Longest open first.
CREATE FUNCTION reporting.routing_review(p_authority int, p_as_at date)
RETURNS TABLE (episode_ref text, team_name text, age int, started_on date, days_open int,
               needs text)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh, pg_temp
AS $$
BEGIN
  PERFORM fh.require_manager();
  PERFORM reporting.check_date(p_as_at);
  RETURN QUERY
  SELECT 'E' || r.episode_id, r.team_name, r.age, r.started_on, p_as_at - r.started_on,
         array_to_string(r.needs, ', ')
    FROM fh.routing_episodes(p_authority, p_as_at) r
   ORDER BY r.started_on, r.episode_id;
END;
$$;

-- ---- 8. names for managers -------------------------------------------------------

-- Every worker in post on @p_as_at with the display name the data team gave
-- (NULL when none): for fh_manager only.
CREATE FUNCTION reporting.worker_names(p_authority int, p_as_at date)
RETURNS TABLE (worker_ref text, display_name text, team_name text, service text)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh, pg_temp
AS $$
BEGIN
  PERFORM fh.require_manager();
  PERFORM reporting.check_date(p_as_at);
  RETURN QUERY
  SELECT w.worker_ref, w.display_name, t.team_name, t.service
    FROM fh.worker w
    JOIN fh.team t ON t.team_id = w.team_id
   WHERE t.authority_id = p_authority
     AND w.active_from <= p_as_at
     AND (w.active_to IS NULL OR w.active_to >= p_as_at)
   ORDER BY t.service, t.team_name, w.worker_ref;
END;
$$;

RESET ROLE;

-- ---- who may use it ----------------------------------------------------------------

REVOKE EXECUTE ON FUNCTION reporting.waiting_by_team(int, date, boolean),
                           reporting.waiting_bands(int, date, boolean),
                           reporting.waiting_longest(int, date, boolean),
                           reporting.caseload_trend(int, date, date, boolean),
                           reporting.front_door(int, date, date, boolean),
                           reporting.front_door_path(int, date, date, boolean),
                           reporting.routing_check(int, date, boolean),
                           fh.require_manager(),
                           reporting.routing_review(int, date),
                           reporting.worker_names(int, date)
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION reporting.waiting_by_team(int, date, boolean),
                          reporting.waiting_bands(int, date, boolean),
                          reporting.waiting_longest(int, date, boolean),
                          reporting.caseload_trend(int, date, date, boolean),
                          reporting.front_door(int, date, date, boolean),
                          reporting.front_door_path(int, date, date, boolean),
                          reporting.routing_check(int, date, boolean)
  TO fh_reader;
GRANT EXECUTE ON FUNCTION reporting.routing_review(int, date),
                          reporting.worker_names(int, date)
  TO fh_manager;
