-- 03-reporting.sql — the reporting layer: the only part of the data the
-- dashboard can read. Aggregates only: every function and view here returns
-- counts, rates and reference data, never a person-level row.
--
-- Functions are SECURITY DEFINER, owned by fh_owner, and every function here
-- pins its search_path with pg_temp last (PostgreSQL's "Writing SECURITY
-- DEFINER Functions Safely"); nobody but the owner may create temporary
-- objects anyway (01-roles.sql). fh_reader may execute them and select the
-- views, nothing more.
--
-- Disclosure control lives here, once (docs/data-contract.md, "Small
-- numbers"): every count a function returns is suppressed unless the caller
-- is an fh_manager that asked for exact figures (p_exact => true). A
-- suppressed count is NULL with its *_suppressed flag true, never the number;
-- rates on it are NULL too. Periods of suppressed figures are whole months.
--
-- Rates are per 10,000 children aged 0–17 (or in the chosen age band),
-- rounded to one decimal place (the DfE convention). Invalid inputs raise an
-- error (SQLSTATE 22023) rather than quietly returning zeros.

CREATE SCHEMA reporting AUTHORIZATION fh_owner;
REVOKE ALL ON SCHEMA reporting FROM PUBLIC;
SET ROLE fh_owner;

-- ---- reference views -----------------------------------------------------

CREATE VIEW reporting.ward_profile AS
SELECT w.authority_id, w.ward_code, w.ward_name, w.population_total, w.children_0_17,
       w.children_0_4, w.children_5_9, w.children_10_17, w.imd_score, w.pct_global_majority,
       w.centroid_lon, w.centroid_lat, l.locality_name, (w.boundary IS NOT NULL) AS has_boundary,
       (SELECT max(p.year) FROM fh.ward_population p WHERE p.ward_code = w.ward_code) AS population_year
  FROM fh.ward w
  LEFT JOIN fh.ward_locality wl ON wl.ward_code = w.ward_code
  LEFT JOIN fh.locality l ON l.locality_id = wl.locality_id;

-- Mid-year population estimates by year: published figures, not about anyone.
CREATE VIEW reporting.ward_population AS
SELECT w.authority_id, p.ward_code, p.year, p.population_total, p.children_0_17,
       p.children_0_4, p.children_5_9, p.children_10_17
  FROM fh.ward_population p
  JOIN fh.ward w ON w.ward_code = p.ward_code;

CREATE VIEW reporting.ward_boundary AS
SELECT w.authority_id, w.ward_code, w.boundary::text AS geojson
  FROM fh.ward w
 WHERE w.boundary IS NOT NULL;

-- ---- the disclosure rule ---------------------------------------------------

-- Exact figures are for fh_manager (and the owner's superuser) only. The
-- login role is what counts: inside a SECURITY DEFINER function current_user
-- is the owner, session_user is who connected. The refusal is 42501 with the
-- constraint name fh_exact_figures, so a client can tell "this role gets
-- published figures only" from "this role may not read the data" without
-- reading the message (src/core/fh-pg-error.c).
CREATE FUNCTION reporting.exact_figures(p_exact boolean)
RETURNS boolean
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF NOT coalesce(p_exact, false) THEN
    RETURN false;
  END IF;
  IF NOT pg_catalog.pg_has_role(session_user, 'fh_manager', 'MEMBER') THEN
    RAISE EXCEPTION 'exact figures are only for the fh_manager role; % gets suppressed figures',
                    session_user USING ERRCODE = '42501', CONSTRAINT = 'fh_exact_figures';
  END IF;
  RETURN true;
END;
$$;

-- Which cells of one line (the wards of a measure, the workers of a service…)
-- to suppress, given the line's total. The result has one entry per value and
-- a last one for the total. The rule (docs/data-contract.md):
--   primary:   a count of 1 to 5 is suppressed; zeros stay zeros;
--   secondary: while fewer than two cells are suppressed, or together they
--              hold 5 or fewer, or no more than one each, the smallest
--              non-zero published cell is suppressed too (ties: first in the
--              line's order); when none is left, the total is suppressed.
-- So no suppressed cell can be worked out from the total and the others.
CREATE FUNCTION reporting.suppression_mask(p_values bigint[], p_total bigint)
RETURNS boolean[]
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  n     int := coalesce(pg_catalog.array_length(p_values, 1), 0);
  mask  boolean[] := pg_catalog.array_fill(false, ARRAY[n + 1]);
  k     int := 0;
  total bigint := 0;
  best  int;
BEGIN
  FOR i IN 1 .. n LOOP
    IF p_values[i] BETWEEN 1 AND 5 THEN
      mask[i] := true;
      k := k + 1;
      total := total + p_values[i];
    END IF;
  END LOOP;
  IF p_total BETWEEN 1 AND 5 THEN
    mask[n + 1] := true;
  END IF;

  WHILE k > 0 AND NOT (k >= 2 AND total > 5 AND total > k) LOOP
    best := NULL;
    FOR i IN 1 .. n LOOP
      IF NOT mask[i] AND p_values[i] > 0 AND (best IS NULL OR p_values[i] < p_values[best]) THEN
        best := i;
      END IF;
    END LOOP;
    IF best IS NULL THEN
      mask[n + 1] := coalesce(p_total, 0) > 0;
      EXIT;
    END IF;
    mask[best] := true;
    k := k + 1;
    total := total + p_values[best];
  END LOOP;
  RETURN mask;
END;
$$;

-- A period for published figures: finite dates, start on or before end, at
-- most 20 years, and — for suppressed figures — whole calendar months, so
-- that no small window (a day, a week) can single out one child.
CREATE FUNCTION reporting.check_period(p_from date, p_to date, p_whole_months boolean)
RETURNS void
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF p_from IS NULL OR p_to IS NULL THEN
    RAISE EXCEPTION 'the period needs a start and an end date' USING ERRCODE = '22023';
  END IF;
  IF NOT pg_catalog.isfinite(p_from) OR NOT pg_catalog.isfinite(p_to) THEN
    RAISE EXCEPTION 'the period must start and end on real dates, not infinity' USING ERRCODE = '22023';
  END IF;
  IF p_from > p_to THEN
    RAISE EXCEPTION 'the period must have a start on or before its end' USING ERRCODE = '22023';
  END IF;
  IF p_to - p_from > 7305 THEN
    RAISE EXCEPTION 'a period may be at most 20 years long' USING ERRCODE = '22023';
  END IF;
  IF p_whole_months
     AND (p_from <> pg_catalog.date_trunc('month', p_from)::pg_catalog.date
          OR p_to <> (pg_catalog.date_trunc('month', p_to) + interval '1 month - 1 day')::pg_catalog.date) THEN
    RAISE EXCEPTION 'published figures are for whole months: the period must start on the first day of a month and end on the last day of a month'
      USING ERRCODE = '22023';
  END IF;
END;
$$;

-- An as-at date: a real date within the data's plausible range.
CREATE FUNCTION reporting.check_date(p_date date)
RETURNS void
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF p_date IS NULL OR NOT pg_catalog.isfinite(p_date)
     OR p_date < date '1990-01-01' OR p_date > date '2100-12-31' THEN
    RAISE EXCEPTION 'the date must be a real date between 1990 and 2100' USING ERRCODE = '22023';
  END IF;
END;
$$;

-- ---- helpers -------------------------------------------------------------

CREATE FUNCTION reporting.check_filters(p_level text, p_service text, p_need text,
                                        p_source text, p_age_band text)
RETURNS void
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF p_level IS NOT NULL AND p_level NOT IN ('early', 'targeted') THEN
    RAISE EXCEPTION 'unknown level "%" (early, targeted)', p_level USING ERRCODE = '22023';
  END IF;
  IF p_service IS NOT NULL AND p_service NOT IN ('core', 'adolescence') THEN
    RAISE EXCEPTION 'unknown service "%" (core, adolescence)', p_service USING ERRCODE = '22023';
  END IF;
  IF p_need IS NOT NULL AND p_need NOT IN ('exploitation', 'missing', 'asb', 'criminality',
       'education', 'domestic_abuse', 'parental_mental_health', 'substance_misuse', 'send',
       'housing', 'parenting', 'child_mental_health', 'neglect', 'financial_hardship') THEN
    RAISE EXCEPTION 'unknown need "%"', p_need USING ERRCODE = '22023';
  END IF;
  IF p_source IS NOT NULL AND p_source NOT IN ('school', 'police', 'health', 'self_family',
       'council', 'voluntary', 'other') THEN
    RAISE EXCEPTION 'unknown referral source "%"', p_source USING ERRCODE = '22023';
  END IF;
  IF p_age_band IS NOT NULL AND p_age_band NOT IN ('0-4', '5-9', '10-17') THEN
    RAISE EXCEPTION 'unknown age band "%" (0-4, 5-9, 10-17)', p_age_band USING ERRCODE = '22023';
  END IF;
END;
$$;

CREATE FUNCTION reporting.rate_per_10k(p_count bigint, p_population bigint)
RETURNS numeric
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT CASE WHEN p_population > 0 THEN pg_catalog.round(p_count * 10000.0 / p_population, 1) END
$$;

-- ---- authorities and freshness -------------------------------------------

CREATE FUNCTION reporting.authority_list()
RETURNS TABLE (authority_id int, authority_code text, authority_name text,
               ward_count int, children_0_17 bigint)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh, pg_temp
AS $$
  SELECT a.authority_id, a.authority_code, a.authority_name,
         count(w.ward_code)::int, coalesce(sum(w.children_0_17), 0)::bigint
    FROM fh.authority a
    LEFT JOIN fh.ward w ON w.authority_id = a.authority_id
   GROUP BY a.authority_id
   ORDER BY a.authority_id
$$;

CREATE FUNCTION reporting.data_extract_time(p_authority int)
RETURNS timestamptz
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh, pg_temp
AS $$
  SELECT max(extracted_at) FROM fh.extract_log WHERE authority_id = p_authority
$$;

-- What the connected role may do, for the app's least-privilege warning:
-- whether it is a superuser, may write to any table of the data, and may
-- ask for exact figures.
CREATE FUNCTION reporting.session_privileges()
RETURNS TABLE (role_name text, is_superuser boolean, can_write boolean, exact_allowed boolean)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT session_user::text,
         r.rolsuper,
         r.rolsuper OR EXISTS (
           SELECT 1 FROM pg_catalog.pg_class c
             JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname IN ('fh', 'reporting', 'public') AND c.relkind IN ('r', 'p')
              AND (pg_catalog.has_table_privilege(session_user, c.oid, 'INSERT')
                   OR pg_catalog.has_table_privilege(session_user, c.oid, 'UPDATE')
                   OR pg_catalog.has_table_privilege(session_user, c.oid, 'DELETE')
                   OR pg_catalog.has_table_privilege(session_user, c.oid, 'TRUNCATE'))),
         pg_catalog.pg_has_role(session_user, 'fh_manager', 'MEMBER')
    FROM pg_catalog.pg_roles r
   WHERE r.rolname = session_user
$$;

-- ---- demand by ward --------------------------------------------------------
-- Measures, as docs/demand-by-ward.md defines them (with their DfE / SSD
-- equivalents):
--   requests           requests for support received in the period that have a decision
--   accepted           of those, accepted for Family Help (early help, targeted Core,
--                      targeted Adolescence)
--   rereferrals        accepted referrals of a child who had an accepted referral in
--                      the 12 months before (DfE re-referral definition)
--   children_referred  distinct children with a request in the period
--   episodes_started   episodes of Family Help started in the period
--   episodes_open      episodes open at the end of the period's last day
--   children_open      distinct children with an episode open then
-- Level and service filter referrals through their decision (early_help → early;
-- targeted_core → targeted/core; targeted_adolescence → targeted/adolescence) and
-- episodes directly. Need filters episodes by their recorded needs, and referrals
-- to those that led to an episode with that need. Source filters referrals, and
-- episodes through the referral they came from. Age band uses the child's age at
-- referral or at the episode's start, and then rates are per 10,000 children in
-- that band. Records whose ward is unknown count for the authority only.
--
-- Rates use the mid-year population of the latest year at or before the middle
-- of the period (fh.ward_population); population_year says which.

-- The population year for a period: the latest mid-year estimate (dated
-- 30 June of its year) at or before the middle of the period, else the
-- authority's earliest.
CREATE FUNCTION reporting.population_year(p_authority int, p_from date, p_to date)
RETURNS int
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh, pg_temp
AS $$
  WITH mid AS (SELECT p_from + (p_to - p_from) / 2 AS d)
  SELECT coalesce(
           (SELECT max(p.year) FROM fh.ward_population p JOIN fh.ward w ON w.ward_code = p.ward_code, mid
             WHERE w.authority_id = p_authority
               AND make_date(p.year, 6, 30) <= mid.d),
           (SELECT min(p.year) FROM fh.ward_population p JOIN fh.ward w ON w.ward_code = p.ward_code
             WHERE w.authority_id = p_authority))
$$;

-- Byar's approximation to the exact Poisson confidence interval for a count
-- (Public Health England, "Technical guide: confidence intervals"), as a
-- rate per 10,000 of p_population. p_z 1.959964 for 95%, 3.090232 for 99.8%.
CREATE FUNCTION reporting.byar_rate_interval(p_count bigint, p_population bigint, p_z double precision,
                                             OUT lower numeric, OUT upper numeric)
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT CASE WHEN p_count IS NULL OR p_population IS NULL OR p_population <= 0 THEN NULL
              WHEN p_count = 0 THEN 0
              ELSE round((p_count * (1 - 1 / (9.0 * p_count) - p_z / (3 * sqrt(p_count::float8)))^3
                          * 10000 / p_population)::numeric, 1) END,
         CASE WHEN p_count IS NULL OR p_population IS NULL OR p_population <= 0 THEN NULL
              ELSE round(((p_count + 1) * (1 - 1 / (9.0 * (p_count + 1)) + p_z / (3 * sqrt((p_count + 1)::float8)))^3
                          * 10000 / p_population)::numeric, 1) END
$$;

-- Every ward and (ward_code NULL, last) the authority, one row per measure,
-- suppressed per measure with the authority as each line's total.
CREATE FUNCTION reporting.demand_table(p_authority int, p_from date, p_to date,
                                       p_level text, p_service text, p_need text,
                                       p_source text, p_age_band text, p_exact boolean)
RETURNS TABLE (ward_code text, ward_name text, measure text, count bigint, suppressed boolean,
               population bigint, population_year int)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh, pg_temp
-- The optional filters ("p_need IS NULL OR …") only fold away in a plan made
-- for the actual values; a cached generic plan was six times slower.
SET plan_cache_mode = force_custom_plan
SET work_mem = '32MB'
-- A filter's subplan estimate pushed the plan's cost past jit_above_cost:
-- compiling it took 70 of a filtered call's 85 ms of CPU, for a query that
-- runs in 15. (Every demand function here: their queries are small.)
SET jit = off
AS $$
DECLARE
  exact    boolean := reporting.exact_figures(p_exact);
  measures constant text[] := ARRAY['requests', 'accepted', 'rereferrals', 'children_referred',
                                    'episodes_started', 'episodes_open', 'children_open'];
  -- re-referrals from the per-load summary (09-demand-summary.sql) unless
  -- the data changed since it was made
  fresh    boolean := fh.demand_summary_fresh();
  pop_year int;
  auth     text;
  codes    text[];
  names    text[];
  pops     bigint[];
  cells    bigint[];      -- cells[slot][measure]: slot k is ward k, slot n + 1 the authority
  line     bigint[];
  mask     boolean[];
  n        int;
  m        int := 7;
BEGIN
  PERFORM reporting.check_filters(p_level, p_service, p_need, p_source, p_age_band);
  PERFORM reporting.check_period(p_from, p_to, NOT exact);

  SELECT a.authority_name INTO auth FROM fh.authority a WHERE a.authority_id = p_authority;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  pop_year := reporting.population_year(p_authority, p_from, p_to);

  SELECT array_agg(w.ward_code ORDER BY w.ward_code),
         array_agg(w.ward_name ORDER BY w.ward_code),
         array_agg(coalesce((CASE p_age_band WHEN '0-4' THEN p.children_0_4
                                             WHEN '5-9' THEN p.children_5_9
                                             WHEN '10-17' THEN p.children_10_17
                                             ELSE p.children_0_17 END)::bigint, 0) ORDER BY w.ward_code)
    INTO codes, names, pops
    FROM fh.ward w
    LEFT JOIN fh.ward_population p ON p.ward_code = w.ward_code AND p.year = pop_year
   WHERE w.authority_id = p_authority;
  n := coalesce(array_length(codes, 1), 0);
  IF n = 0 THEN
    RETURN;
  END IF;
  codes := codes || NULL::text;
  names := names || auth;
  pops := pops || (SELECT sum(x)::bigint FROM unnest(pops) x);
  cells := array_fill(0::bigint, ARRAY[(n + 1) * m]);

  -- Per ward (in ward-code order) and for the whole authority, whose
  -- distinct children are counted once each and whose counts include
  -- records with no known ward. A re-referral is looked up in the
  -- summary's hashed list of them when it is fresh (one probe of the
  -- referral index per accepted referral was a third of the time), else
  -- counted.
  WITH ref AS (
    SELECT r.ward_code, r.child_id,
           r.decision IN ('early_help', 'targeted_core', 'targeted_adolescence') AS accepted,
           r.decision IN ('early_help', 'targeted_core', 'targeted_adolescence')
             AND CASE WHEN fresh
                      THEN r.referral_id IN (SELECT x.referral_id FROM fh.rereferral x
                                              WHERE x.authority_id = p_authority
                                                AND x.received_on BETWEEN p_from AND p_to)
                      ELSE EXISTS (SELECT 1 FROM fh.referral q
                                    WHERE q.child_id = r.child_id AND q.referral_id <> r.referral_id
                                      AND q.decision IN ('early_help', 'targeted_core', 'targeted_adolescence')
                                      AND q.received_on < r.received_on
                                      AND q.received_on >= r.received_on - interval '12 months') END
             AS rereferral
      FROM fh.referral r
     WHERE r.authority_id = p_authority
       AND r.received_on BETWEEN p_from AND p_to
       AND r.decision IS NOT NULL
       AND (p_source IS NULL OR r.source = p_source)
       AND (p_age_band IS NULL
            OR (p_age_band = '0-4' AND r.age_at_referral <= 4)
            OR (p_age_band = '5-9' AND r.age_at_referral BETWEEN 5 AND 9)
            OR (p_age_band = '10-17' AND r.age_at_referral >= 10))
       AND (p_level IS NULL
            OR (p_level = 'early' AND r.decision = 'early_help')
            OR (p_level = 'targeted' AND r.decision IN ('targeted_core', 'targeted_adolescence')))
       AND (p_service IS NULL OR r.decision = 'targeted_' || p_service)
       AND (p_need IS NULL OR EXISTS (SELECT 1 FROM fh.episode e
                                        JOIN fh.episode_need en ON en.episode_id = e.episode_id
                                       WHERE e.referral_id = r.referral_id AND en.need = p_need))
  ), epi AS (
    SELECT e.ward_code, e.child_id,
           e.started_on >= p_from AS started,
           (e.ended_on IS NULL OR e.ended_on > p_to) AS open
      FROM fh.episode e
     WHERE e.authority_id = p_authority
       AND e.started_on <= p_to
       AND (e.started_on >= p_from OR e.ended_on IS NULL OR e.ended_on > p_to)
       AND (p_level IS NULL OR e.level = p_level)
       AND (p_service IS NULL OR e.service = p_service)
       AND (p_age_band IS NULL
            OR (p_age_band = '0-4' AND e.age_at_start <= 4)
            OR (p_age_band = '5-9' AND e.age_at_start BETWEEN 5 AND 9)
            OR (p_age_band = '10-17' AND e.age_at_start >= 10))
       AND (p_need IS NULL OR EXISTS (SELECT 1 FROM fh.episode_need en
                                       WHERE en.episode_id = e.episode_id AND en.need = p_need))
       AND (p_source IS NULL OR EXISTS (SELECT 1 FROM fh.referral r
                                         WHERE r.referral_id = e.referral_id AND r.source = p_source))
  ), ref_g AS (
    SELECT CASE WHEN GROUPING(ref.ward_code) = 1 THEN n + 1
                ELSE array_position(codes[1:n], ref.ward_code) END AS k,
           ARRAY[count(*), count(*) FILTER (WHERE ref.accepted), count(*) FILTER (WHERE ref.rereferral),
                 count(DISTINCT ref.child_id)] AS v
      FROM ref
     GROUP BY GROUPING SETS ((ref.ward_code), ())
  ), epi_g AS (
    SELECT CASE WHEN GROUPING(epi.ward_code) = 1 THEN n + 1
                ELSE array_position(codes[1:n], epi.ward_code) END AS k,
           ARRAY[count(*) FILTER (WHERE epi.started), count(*) FILTER (WHERE epi.open),
                 count(DISTINCT epi.child_id) FILTER (WHERE epi.open)] AS v
      FROM epi
     GROUP BY GROUPING SETS ((epi.ward_code), ())
  )
  SELECT array_agg(coalesce(ref_g.v, ARRAY[0, 0, 0, 0]::bigint[]) || coalesce(epi_g.v, ARRAY[0, 0, 0]::bigint[])
                   ORDER BY slot.k)
    INTO cells
    FROM generate_series(1, n + 1) AS slot (k)
    LEFT JOIN ref_g ON ref_g.k = slot.k
    LEFT JOIN epi_g ON epi_g.k = slot.k;
  -- cells[k][j]: slot k (ward k, or n + 1 the authority), measure j

  FOR j IN 1 .. m LOOP
    line := ARRAY(SELECT cells[k][j] FROM generate_series(1, n) k);
    IF exact THEN
      mask := array_fill(false, ARRAY[n + 1]);
    ELSE
      mask := reporting.suppression_mask(line, cells[n + 1][j]);
    END IF;
    FOR k IN 1 .. n + 1 LOOP
      ward_code := codes[k];
      ward_name := names[k];
      measure := measures[j];
      suppressed := mask[k];
      count := CASE WHEN mask[k] THEN NULL ELSE cells[k][j] END;
      population := pops[k];
      population_year := pop_year;
      RETURN NEXT;
    END LOOP;
  END LOOP;
END;
$$;

-- What the demand page and every export show: each ward and the authority,
-- each measure, with its rate, 95% interval, and the same period a year
-- earlier, the change in count and rate (with the change's 95% interval,
-- from the two counts' Poisson variances), and for wards whether the rate
-- is significantly higher or lower than the authority's (its 95% interval
-- wholly above or below). Re-referrals also as a percentage of accepted
-- referrals. Everything built on a suppressed count is NULL.
CREATE FUNCTION reporting.demand_measures(p_authority int, p_from date, p_to date,
                                          p_level text DEFAULT NULL, p_service text DEFAULT NULL,
                                          p_need text DEFAULT NULL, p_source text DEFAULT NULL,
                                          p_age_band text DEFAULT NULL, p_exact boolean DEFAULT false)
RETURNS TABLE (ward_code text, ward_name text, measure text, count bigint, suppressed boolean,
               population bigint, population_year int, rate numeric, rate_lower95 numeric,
               rate_upper95 numeric, percent numeric, previous_count bigint,
               previous_suppressed boolean, previous_population_year int, previous_rate numeric,
               count_change bigint, count_percent_change numeric, rate_change numeric,
               rate_change_lower95 numeric, rate_change_upper95 numeric, versus_authority text,
               rate_percent_change numeric)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh, pg_temp
AS $$
  WITH cur AS (
    SELECT d.*, reporting.rate_per_10k(d.count, d.population) AS rate,
           (reporting.byar_rate_interval(d.count, d.population, 1.959964)).*
      FROM reporting.demand_table(p_authority, p_from, p_to, p_level, p_service, p_need,
                                  p_source, p_age_band, p_exact) d
  ), prev AS (
    SELECT d.*, reporting.rate_per_10k(d.count, d.population) AS rate
      FROM reporting.demand_table(p_authority, (p_from - interval '1 year')::date,
                                  ((p_to + 1) - interval '1 year')::date - 1,
                                  p_level, p_service, p_need, p_source, p_age_band, p_exact) d
  ), city AS (
    SELECT c.measure, c.rate FROM cur c WHERE c.ward_code IS NULL
  ), accepted AS (
    SELECT c.ward_code, c.count FROM cur c WHERE c.measure = 'accepted'
  )
  SELECT c.ward_code, c.ward_name, c.measure, c.count, c.suppressed, c.population, c.population_year,
         c.rate, c.lower, c.upper,
         CASE WHEN c.measure = 'rereferrals' AND a.count > 0 THEN round(c.count * 100.0 / a.count, 1) END,
         p.count, p.suppressed, p.population_year, p.rate,
         c.count - p.count,
         CASE WHEN p.count > 0 THEN round((c.count - p.count) * 100.0 / p.count, 1) END,
         c.rate - p.rate,
         round((c.rate - p.rate) - 1.959964 * 10000 * sqrt(c.count::numeric / power(c.population::numeric, 2) + p.count::numeric / power(p.population::numeric, 2)), 1),
         round((c.rate - p.rate) + 1.959964 * 10000 * sqrt(c.count::numeric / power(c.population::numeric, 2) + p.count::numeric / power(p.population::numeric, 2)), 1),
         CASE WHEN c.ward_code IS NULL OR c.rate IS NULL OR city.rate IS NULL THEN NULL
              WHEN c.lower > city.rate THEN 'higher'
              WHEN c.upper < city.rate THEN 'lower'
              ELSE 'similar' END,
         CASE WHEN p.rate > 0 THEN round((c.rate - p.rate) * 100.0 / p.rate, 1) END
    FROM cur c
    LEFT JOIN prev p ON p.ward_code IS NOT DISTINCT FROM c.ward_code AND p.measure = c.measure
    LEFT JOIN city ON city.measure = c.measure
    LEFT JOIN accepted a ON a.ward_code IS NOT DISTINCT FROM c.ward_code
   ORDER BY array_position(ARRAY['requests', 'accepted', 'rereferrals', 'children_referred',
                                 'episodes_started', 'episodes_open', 'children_open'], c.measure),
            c.ward_code NULLS LAST
$$;

-- The demand page's first shape, kept for it: referrals are requests for
-- support (with a decision), the population column is the rate's
-- denominator (the age band's children when one is chosen). One row per ward
-- and, last, the authority (ward_code NULL).
CREATE TYPE reporting.demand_row AS (
  ward_code text, ward_name text, population bigint, referrals bigint,
  episodes_started bigint, episodes_open bigint, referral_rate numeric,
  started_rate numeric, open_rate numeric, referrals_suppressed boolean,
  episodes_started_suppressed boolean, episodes_open_suppressed boolean,
  population_year int
);

CREATE FUNCTION reporting.demand_wide(p_authority int, p_from date, p_to date,
                                      p_level text, p_service text, p_need text, p_source text,
                                      p_age_band text, p_exact boolean)
RETURNS SETOF reporting.demand_row
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh, pg_temp
AS $$
  SELECT d.ward_code, min(d.ward_name), min(d.population),
         min(d.count) FILTER (WHERE d.measure = 'requests'),
         min(d.count) FILTER (WHERE d.measure = 'episodes_started'),
         min(d.count) FILTER (WHERE d.measure = 'episodes_open'),
         reporting.rate_per_10k(min(d.count) FILTER (WHERE d.measure = 'requests'), min(d.population)),
         reporting.rate_per_10k(min(d.count) FILTER (WHERE d.measure = 'episodes_started'), min(d.population)),
         reporting.rate_per_10k(min(d.count) FILTER (WHERE d.measure = 'episodes_open'), min(d.population)),
         bool_or(d.suppressed) FILTER (WHERE d.measure = 'requests'),
         bool_or(d.suppressed) FILTER (WHERE d.measure = 'episodes_started'),
         bool_or(d.suppressed) FILTER (WHERE d.measure = 'episodes_open'),
         min(d.population_year)
    FROM reporting.demand_table(p_authority, p_from, p_to, p_level, p_service, p_need,
                                p_source, p_age_band, p_exact) d
   GROUP BY d.ward_code
   ORDER BY d.ward_code NULLS LAST
$$;

CREATE FUNCTION reporting.ward_demand(p_authority int, p_from date, p_to date,
                                      p_level text DEFAULT NULL, p_service text DEFAULT NULL,
                                      p_need text DEFAULT NULL, p_source text DEFAULT NULL,
                                      p_age_band text DEFAULT NULL, p_exact boolean DEFAULT false)
RETURNS SETOF reporting.demand_row
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh, pg_temp
AS $$
  SELECT * FROM reporting.demand_wide(p_authority, p_from, p_to, p_level, p_service, p_need,
                                      p_source, p_age_band, p_exact)
   WHERE ward_code IS NOT NULL
$$;

-- The same for the whole authority (the "city" figure), counted in SQL and
-- suppressed with its wards.
CREATE FUNCTION reporting.authority_demand(p_authority int, p_from date, p_to date,
                                           p_level text DEFAULT NULL, p_service text DEFAULT NULL,
                                           p_need text DEFAULT NULL, p_source text DEFAULT NULL,
                                           p_age_band text DEFAULT NULL, p_exact boolean DEFAULT false)
RETURNS SETOF reporting.demand_row
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh, pg_temp
AS $$
  SELECT * FROM reporting.demand_wide(p_authority, p_from, p_to, p_level, p_service, p_need,
                                      p_source, p_age_band, p_exact)
   WHERE ward_code IS NULL
$$;

-- What the figures leave out, for the period: requests with no decision yet,
-- episodes with no need recorded, episodes with no referral, and records
-- whose ward is unknown. Counts of records, suppressed like any other.
CREATE FUNCTION reporting.data_completeness(p_authority int, p_from date, p_to date,
                                            p_exact boolean DEFAULT false)
RETURNS TABLE (item text, count bigint, suppressed boolean, out_of bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh, pg_temp
SET jit = off
AS $$
DECLARE
  exact boolean := reporting.exact_figures(p_exact);
  rec   record;
BEGIN
  PERFORM reporting.check_period(p_from, p_to, NOT exact);
  -- one pass over each table (five scans were half the demand page's
  -- start-up queries' time after demand_measures)
  FOR rec IN
    WITH r AS (
      SELECT count(*) AS total, count(*) FILTER (WHERE r.decision IS NULL) AS no_decision,
             count(*) FILTER (WHERE r.ward_code IS NULL) AS no_ward
        FROM fh.referral r
       WHERE r.authority_id = p_authority AND r.received_on BETWEEN p_from AND p_to
    ), e AS (
      SELECT count(*) AS total,
             count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM fh.episode_need n
                                                 WHERE n.episode_id = e.episode_id)) AS no_need,
             count(*) FILTER (WHERE e.referral_id IS NULL) AS no_referral,
             count(*) FILTER (WHERE e.ward_code IS NULL) AS no_ward
        FROM fh.episode e
       WHERE e.authority_id = p_authority AND e.started_on BETWEEN p_from AND p_to
    )
    SELECT x.item, x.n, x.total
      FROM r, e,
           LATERAL (VALUES (1, 'requests_without_decision', r.no_decision, r.total),
                           (2, 'referrals_without_ward', r.no_ward, r.total),
                           (3, 'episodes_without_need', e.no_need, e.total),
                           (4, 'episodes_without_referral', e.no_referral, e.total),
                           (5, 'episodes_without_ward', e.no_ward, e.total)) AS x (k, item, n, total)
     ORDER BY x.k
  LOOP
    item := rec.item;
    -- each is a line of two: the records left out and the rest
    suppressed := NOT exact AND (rec.n BETWEEN 1 AND 5 OR (rec.total - rec.n) BETWEEN 1 AND 5);
    count := CASE WHEN suppressed THEN NULL ELSE rec.n END;
    out_of := CASE WHEN suppressed THEN NULL ELSE rec.total END;
    RETURN NEXT;
  END LOOP;
END;
$$;

-- Every month from p_from's month to p_to's month, zero-filled: requests for
-- support (with a decision) received and episodes started, the children
-- population of the month's population year, and the rolling 12-month total
-- of requests ending in each month — NULL, with referrals_12m_complete
-- false, where its window starts before the authority's data does. Months
-- are whole calendar months whatever the days of p_from and p_to. Each month
-- is suppressed across all the authority's wards (the authority is the line
-- total), the same cells whichever ward is asked for; a rolling total is
-- published only when none of its twelve months is suppressed.
CREATE FUNCTION reporting.demand_monthly(p_authority int, p_ward_code text, p_from date, p_to date,
                                         p_exact boolean DEFAULT false)
RETURNS TABLE (month date, referrals bigint, episodes_started bigint, population bigint,
               referrals_12m bigint, referrals_suppressed boolean,
               episodes_started_suppressed boolean, referrals_12m_suppressed boolean,
               population_year int, referrals_12m_complete boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh, pg_temp
SET work_mem = '32MB'
SET jit = off
AS $$
DECLARE
  exact    boolean := reporting.exact_figures(p_exact);
  first_m  date;
  last_m   date;
  data_m   date;
  codes    text[];
  sel      int;
  months   date[] := '{}';
  s_ref    bigint[] := '{}';
  s_start  bigint[] := '{}';
  m_ref    boolean[] := '{}';
  m_start  boolean[] := '{}';
  rec      record;
  mask     boolean[];
  n        int;
  r12      bigint;
  hidden   boolean;
  pop_year int;
  pop_of   int;
  pop      bigint;
  -- ward × month counts from the per-load summary (09-demand-summary.sql)
  -- unless the data changed since it was made
  fresh    boolean := fh.demand_summary_fresh();
BEGIN
  PERFORM reporting.check_period(p_from, p_to, false);
  first_m := date_trunc('month', p_from)::date;
  last_m := date_trunc('month', p_to)::date;

  SELECT array_agg(w.ward_code ORDER BY w.ward_code) INTO codes
    FROM fh.ward w WHERE w.authority_id = p_authority;
  n := coalesce(array_length(codes, 1), 0);
  IF n = 0 THEN
    RETURN;
  END IF;
  IF p_ward_code IS NULL THEN
    sel := n + 1;
  ELSE
    sel := array_position(codes, p_ward_code);
    IF sel IS NULL THEN
      RETURN;
    END IF;
  END IF;
  SELECT date_trunc('month', min(r.received_on))::date INTO data_m
    FROM fh.referral r WHERE r.authority_id = p_authority;

  FOR rec IN
    WITH months AS (
      SELECT generate_series(first_m - interval '11 months', last_m, interval '1 month')::date AS month
    ), slots AS (
      SELECT k, codes[k] AS ward_code FROM generate_series(1, n) k
    ), ref AS (
      SELECT d.ward_code, d.month, d.requests AS n
        FROM fh.demand_month d
       WHERE fresh
         AND d.authority_id = p_authority
         AND d.month >= first_m - interval '11 months'
         AND d.month <= last_m
         AND d.requests > 0
      UNION ALL
      SELECT r.ward_code, date_trunc('month', r.received_on)::date AS month, count(*) AS n
        FROM fh.referral r
       WHERE NOT fresh
         AND r.authority_id = p_authority
         AND r.decision IS NOT NULL
         AND r.received_on >= first_m - interval '11 months'
         AND r.received_on < last_m + interval '1 month'
       GROUP BY 1, 2
    ), epi AS (
      SELECT d.ward_code, d.month, d.episodes_started AS n
        FROM fh.demand_month d
       WHERE fresh
         AND d.authority_id = p_authority
         AND d.month >= first_m - interval '11 months'
         AND d.month <= last_m
         AND d.episodes_started > 0
      UNION ALL
      SELECT e.ward_code, date_trunc('month', e.started_on)::date AS month, count(*) AS n
        FROM fh.episode e
       WHERE NOT fresh
         AND e.authority_id = p_authority
         AND e.started_on >= first_m - interval '11 months'
         AND e.started_on < last_m + interval '1 month'
       GROUP BY 1, 2
    ), totals AS (
      -- the authority: every ward and the records with no known ward
      SELECT t.month, sum(t.r)::bigint AS ref_total, sum(t.e)::bigint AS start_total
        FROM (SELECT x.month, x.n AS r, 0 AS e FROM ref x
              UNION ALL
              SELECT x.month, 0, x.n FROM epi x) t
       GROUP BY t.month
    )
    SELECT m.month,
           array_agg(coalesce(ref.n, 0) ORDER BY s.k) AS refs,
           array_agg(coalesce(epi.n, 0) ORDER BY s.k) AS starts,
           coalesce(min(tot.ref_total), 0) AS ref_total,
           coalesce(min(tot.start_total), 0) AS start_total
      FROM months m
      CROSS JOIN slots s
      LEFT JOIN ref ON ref.month = m.month AND ref.ward_code = s.ward_code
      LEFT JOIN epi ON epi.month = m.month AND epi.ward_code = s.ward_code
      LEFT JOIN totals tot ON tot.month = m.month
     GROUP BY m.month
     ORDER BY m.month
  LOOP
    months := months || rec.month;
    s_ref := s_ref || (rec.refs || rec.ref_total)[sel];
    s_start := s_start || (rec.starts || rec.start_total)[sel];
    IF exact THEN
      m_ref := m_ref || false;
      m_start := m_start || false;
    ELSE
      mask := reporting.suppression_mask(rec.refs, rec.ref_total);
      m_ref := m_ref || mask[sel];
      mask := reporting.suppression_mask(rec.starts, rec.start_total);
      m_start := m_start || mask[sel];
    END IF;
  END LOOP;

  FOR j IN 12 .. coalesce(array_length(months, 1), 0) LOOP
    r12 := 0;
    hidden := false;
    FOR k IN j - 11 .. j LOOP
      r12 := r12 + s_ref[k];
      hidden := hidden OR m_ref[k];
    END LOOP;
    month := months[j];
    pop_year := reporting.population_year(p_authority, months[j], (months[j] + interval '1 month - 1 day')::date);
    IF pop_of IS DISTINCT FROM pop_year THEN
      pop := (SELECT sum(CASE WHEN p_ward_code IS NULL OR p.ward_code = p_ward_code THEN p.children_0_17 END)::bigint
                FROM fh.ward_population p JOIN fh.ward w ON w.ward_code = p.ward_code
               WHERE w.authority_id = p_authority AND p.year = pop_year);
      pop_of := pop_year;
    END IF;
    population := pop;
    population_year := pop_year;
    referrals := CASE WHEN m_ref[j] THEN NULL ELSE s_ref[j] END;
    episodes_started := CASE WHEN m_start[j] THEN NULL ELSE s_start[j] END;
    referrals_12m_complete := data_m IS NOT NULL AND months[j - 11] >= data_m;
    referrals_12m := CASE WHEN hidden OR NOT referrals_12m_complete THEN NULL ELSE r12 END;
    referrals_suppressed := m_ref[j];
    episodes_started_suppressed := m_start[j];
    referrals_12m_suppressed := hidden;
    RETURN NEXT;
  END LOOP;
END;
$$;

-- The needs most often recorded on episodes that started in the period in
-- one ward (or the whole authority when p_ward_code is NULL), most first.
-- Each need is suppressed across the authority's wards (the authority is the
-- line total); suppressed needs come after the published ones, by name.
CREATE FUNCTION reporting.need_counts(p_authority int, p_ward_code text, p_from date, p_to date,
                                      p_limit int, p_exact boolean)
RETURNS TABLE (need text, episodes bigint, episodes_suppressed boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh, pg_temp
SET work_mem = '32MB'
SET jit = off
AS $$
DECLARE
  exact  boolean := reporting.exact_figures(p_exact);
  codes  text[];
  sel    int;
  n      int;
  rec    record;
  mask   boolean[];
BEGIN
  PERFORM reporting.check_period(p_from, p_to, NOT exact);
  IF p_limit IS NULL OR p_limit < 1 OR p_limit > 20 THEN
    RAISE EXCEPTION 'the number of needs must be between 1 and 20' USING ERRCODE = '22023';
  END IF;
  SELECT array_agg(w.ward_code ORDER BY w.ward_code) INTO codes
    FROM fh.ward w WHERE w.authority_id = p_authority;
  n := coalesce(array_length(codes, 1), 0);
  IF n = 0 THEN
    RETURN;
  END IF;
  sel := CASE WHEN p_ward_code IS NULL THEN n + 1 ELSE array_position(codes, p_ward_code) END;
  IF sel IS NULL THEN
    RETURN;
  END IF;

  FOR rec IN
    WITH cells AS (
      SELECT en.need, e.ward_code, count(*) AS n
        FROM fh.episode e
        JOIN fh.episode_need en ON en.episode_id = e.episode_id
       WHERE e.authority_id = p_authority
         AND e.started_on BETWEEN p_from AND p_to
       GROUP BY en.need, e.ward_code
    ), needs AS (
      SELECT DISTINCT c.need FROM cells c
    )
    SELECT nd.need, array_agg(coalesce(c.n, 0) ORDER BY w.ward_code) AS counts
      FROM needs nd
      CROSS JOIN unnest(codes) AS w (ward_code)
      LEFT JOIN cells c ON c.need = nd.need AND c.ward_code = w.ward_code
     GROUP BY nd.need
  LOOP
    rec.counts := rec.counts || (SELECT sum(x)::bigint FROM unnest(rec.counts) x);
    CONTINUE WHEN rec.counts[sel] = 0;
    IF exact THEN
      mask := array_fill(false, ARRAY[n + 1]);
    ELSE
      mask := reporting.suppression_mask(rec.counts[1:n], rec.counts[n + 1]);
    END IF;
    need := rec.need;
    episodes := CASE WHEN mask[sel] THEN NULL ELSE rec.counts[sel] END;
    episodes_suppressed := mask[sel];
    RETURN NEXT;
  END LOOP;
END;
$$;

-- The first p_limit of need_counts: published needs first (most first), then
-- suppressed ones by name.
CREATE FUNCTION reporting.ward_top_needs(p_authority int, p_ward_code text, p_from date, p_to date,
                                    p_limit int DEFAULT 5, p_exact boolean DEFAULT false)
RETURNS TABLE (need text, episodes bigint, episodes_suppressed boolean)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh, pg_temp
AS $$
  SELECT t.need, t.episodes, t.episodes_suppressed
    FROM reporting.need_counts(p_authority, p_ward_code, p_from, p_to, p_limit, p_exact) t
   ORDER BY t.episodes_suppressed, t.episodes DESC, t.need
   LIMIT p_limit
$$;

-- ---- caseloads -------------------------------------------------------------
-- Open episodes held by each worker active on p_as_at: distinct episodes
-- with an allocation that had started and not ended by that date, still open
-- then. An open episode of a service with no allocation then is "waiting"
-- (for Core and Adolescence: waiting for allocation). Each service is one
-- line for suppression: its workers and its waiting episodes, with all its
-- open episodes as the total. Counts of workers and FTE describe staff, not
-- children, and are not suppressed; workers appear only by their
-- pseudonymous reference.
--
-- caseload_table returns three kinds of row: 'worker', 'waiting' (one per
-- service) and 'service' (one per service: workers, FTE, the open episodes
-- its workers hold, per FTE, median and highest per FTE, workers above
-- p_threshold per FTE). A service figure is withheld when it would give a
-- suppressed cell away: the held total when the waiting count is suppressed,
-- the median or highest when it is a suppressed worker's own figure, the
-- number above the threshold when a suppressed worker is above it.

CREATE TYPE reporting.caseload_cell AS (
  worker_ref text, team_name text, service text, locality text, fte numeric,
  open_episodes bigint, median_days_waiting numeric
);

CREATE FUNCTION reporting.caseload_table(p_authority int, p_as_at date, p_exact boolean,
                                         p_threshold numeric DEFAULT 20)
RETURNS TABLE (row_kind text, worker_ref text, team_name text, service text, locality text,
               fte numeric, open_episodes bigint, episodes_per_fte numeric,
               median_days_waiting numeric, open_episodes_suppressed boolean, workers int,
               median_per_fte numeric, max_per_fte numeric, above_threshold int)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh, pg_temp
SET work_mem = '32MB'
AS $$
DECLARE
  exact    boolean := reporting.exact_figures(p_exact);
  cells    reporting.caseload_cell[];
  hide     boolean[];
  svc      text;
  idx      int[];
  vals     bigint[];
  ratios   numeric[];
  total    bigint;
  held     bigint;
  mask     boolean[];
  c        reporting.caseload_cell;
  n        int;
  i        int;
  k        int;
  mid_lo   numeric;
  mid_hi   numeric;
  top      numeric;
  waiting_i int;
  totals   bigint[];   -- core, adolescence, early: all open episodes
  helds    bigint[];   -- and those the service's workers in post hold
BEGIN
  PERFORM reporting.check_date(p_as_at);
  IF p_threshold IS NULL OR p_threshold <= 0 OR p_threshold > 1000 THEN
    RAISE EXCEPTION 'the caseload threshold must be above 0 and at most 1000' USING ERRCODE = '22023';
  END IF;

  -- Workers (worker_ref set), then one waiting cell per service; and per
  -- service its open episodes and those its workers hold. Allocations are
  -- found from the authority's workers and episodes by their keys (the
  -- OFFSET 0 keeps the planner from scanning every authority's episodes).
  WITH staff AS MATERIALIZED (
         SELECT w.worker_id, w.worker_ref, t.team_name, t.service, l.locality_name AS locality, w.fte
           FROM fh.worker w
           JOIN fh.team t ON t.team_id = w.team_id
           LEFT JOIN fh.locality l ON l.locality_id = t.locality_id
          WHERE t.authority_id = p_authority
            AND w.active_from <= p_as_at
            AND (w.active_to IS NULL OR w.active_to >= p_as_at)),
       held_rows AS MATERIALIZED (
         SELECT s.worker_id, s.service, a.episode_id
           FROM staff s
           JOIN fh.allocation a
             ON a.worker_id = s.worker_id
            AND a.allocated_from <= p_as_at
            AND (a.allocated_to IS NULL OR a.allocated_to > p_as_at)
          CROSS JOIN LATERAL (SELECT 1 FROM fh.episode e
                               WHERE e.episode_id = a.episode_id
                                 AND e.started_on <= p_as_at
                                 AND (e.ended_on IS NULL OR e.ended_on > p_as_at)
                              OFFSET 0) open_episode),
       -- open on the date: still open, or ended after it (two ranges of
       -- episode_open_idx, not every episode started by then)
       open_eps AS MATERIALIZED (
         SELECT e.episode_id, coalesce(e.service, 'early') AS service, e.started_on
           FROM fh.episode e
          WHERE e.authority_id = p_authority AND e.ended_on IS NULL AND e.started_on <= p_as_at
         UNION ALL
         SELECT e.episode_id, coalesce(e.service, 'early') AS service, e.started_on
           FROM fh.episode e
          WHERE e.authority_id = p_authority AND e.ended_on > p_as_at AND e.started_on <= p_as_at),
       services (service, ord) AS (VALUES ('core', 1), ('adolescence', 2), ('early', 3)),
       x AS (
         SELECT s.worker_ref, s.team_name, s.service, s.locality, s.fte,
                coalesce(h.n, 0) AS open_episodes, NULL::numeric AS median_days_waiting
           FROM staff s
           LEFT JOIN (SELECT h.worker_id, count(DISTINCT h.episode_id) AS n
                        FROM held_rows h GROUP BY h.worker_id) h ON h.worker_id = s.worker_id
         UNION ALL
         SELECT NULL, NULL, s.service, NULL, NULL, count(o.episode_id),
                round(percentile_cont(0.5) WITHIN GROUP (ORDER BY (p_as_at - o.started_on))::numeric, 1)
           FROM services s
           LEFT JOIN open_eps o
                  ON o.service = s.service
                 -- a keyed probe per open episode (OFFSET 0), not a hash of
                 -- every authority's current allocations
                 AND NOT EXISTS (SELECT 1 FROM fh.allocation a
                                  WHERE a.episode_id = o.episode_id
                                    AND a.allocated_from <= p_as_at
                                    AND (a.allocated_to IS NULL OR a.allocated_to > p_as_at)
                                 OFFSET 0)
          GROUP BY s.service)
  SELECT (SELECT array_agg(ROW(x.*)::reporting.caseload_cell
                           ORDER BY x.service, x.worker_ref IS NULL, x.team_name, x.worker_ref)
            FROM x),
         (SELECT array_agg((SELECT count(*) FROM open_eps o WHERE o.service = s.service) ORDER BY s.ord)
            FROM services s),
         (SELECT array_agg((SELECT count(DISTINCT h.episode_id) FROM held_rows h WHERE h.service = s.service)
                           ORDER BY s.ord)
            FROM services s)
    INTO cells, totals, helds;

  n := array_length(cells, 1);
  hide := array_fill(false, ARRAY[n]);

  FOREACH svc IN ARRAY ARRAY['core', 'adolescence', 'early'] LOOP
    idx := '{}';
    vals := '{}';
    ratios := '{}';
    waiting_i := NULL;
    FOR i IN 1 .. n LOOP
      IF (cells[i]).service = svc THEN
        idx := idx || i;
        vals := vals || (cells[i]).open_episodes;
        IF (cells[i]).worker_ref IS NULL THEN
          waiting_i := i;
        ELSE
          ratios := ratios || round((cells[i]).open_episodes / (cells[i]).fte, 1);
        END IF;
      END IF;
    END LOOP;

    total := totals[array_position(ARRAY['core', 'adolescence', 'early'], svc)];
    IF NOT exact THEN
      mask := reporting.suppression_mask(vals, total);
      FOR i IN 1 .. array_length(idx, 1) LOOP
        hide[idx[i]] := mask[i];
      END LOOP;
    END IF;

    -- the service's own row
    held := helds[array_position(ARRAY['core', 'adolescence', 'early'], svc)];

    k := coalesce(array_length(ratios, 1), 0);
    row_kind := 'service';
    worker_ref := NULL;
    team_name := NULL;
    service := svc;
    locality := NULL;
    median_days_waiting := NULL;
    workers := k;
    fte := (SELECT sum((cells[j]).fte) FROM unnest(idx) j WHERE (cells[j]).worker_ref IS NOT NULL);
    open_episodes_suppressed := waiting_i IS NOT NULL AND hide[waiting_i];
    open_episodes := CASE WHEN open_episodes_suppressed THEN NULL ELSE held END;
    episodes_per_fte := CASE WHEN open_episodes_suppressed OR coalesce(fte, 0) = 0 THEN NULL
                             ELSE round(held / fte, 1) END;
    IF k = 0 THEN
      median_per_fte := NULL;
      max_per_fte := NULL;
      above_threshold := 0;
    ELSE
      SELECT x INTO mid_lo FROM unnest(ratios) x ORDER BY x OFFSET (k - 1) / 2 LIMIT 1;
      SELECT x INTO mid_hi FROM unnest(ratios) x ORDER BY x OFFSET k / 2 LIMIT 1;
      top := (SELECT max(x) FROM unnest(ratios) x);
      median_per_fte := round((mid_lo + mid_hi) / 2, 1);
      max_per_fte := top;
      above_threshold := (SELECT count(*) FROM unnest(ratios) x WHERE x > p_threshold);
      -- withheld where a suppressed worker's own figure would show
      IF EXISTS (SELECT 1 FROM unnest(idx) j
                  WHERE (cells[j]).worker_ref IS NOT NULL AND hide[j]
                    AND round((cells[j]).open_episodes / (cells[j]).fte, 1) IN (mid_lo, mid_hi)) THEN
        median_per_fte := NULL;
      END IF;
      IF EXISTS (SELECT 1 FROM unnest(idx) j
                  WHERE (cells[j]).worker_ref IS NOT NULL AND hide[j]
                    AND round((cells[j]).open_episodes / (cells[j]).fte, 1) = top) THEN
        max_per_fte := NULL;
      END IF;
      IF EXISTS (SELECT 1 FROM unnest(idx) j
                  WHERE (cells[j]).worker_ref IS NOT NULL AND hide[j]
                    AND round((cells[j]).open_episodes / (cells[j]).fte, 1) > p_threshold) THEN
        above_threshold := NULL;
      END IF;
    END IF;
    RETURN NEXT;
  END LOOP;

  workers := NULL;
  median_per_fte := NULL;
  max_per_fte := NULL;
  above_threshold := NULL;
  FOR i IN 1 .. n LOOP
    c := cells[i];
    row_kind := CASE WHEN c.worker_ref IS NULL THEN 'waiting' ELSE 'worker' END;
    worker_ref := c.worker_ref;
    team_name := c.team_name;
    service := c.service;
    locality := c.locality;
    fte := c.fte;
    open_episodes := CASE WHEN hide[i] THEN NULL ELSE c.open_episodes END;
    episodes_per_fte := CASE WHEN hide[i] OR c.fte IS NULL THEN NULL ELSE round(c.open_episodes / c.fte, 1) END;
    median_days_waiting := CASE WHEN hide[i] THEN NULL ELSE c.median_days_waiting END;
    open_episodes_suppressed := hide[i];
    RETURN NEXT;
  END LOOP;
END;
$$;

CREATE FUNCTION reporting.caseload_by_worker(p_authority int, p_as_at date, p_exact boolean DEFAULT false)
RETURNS TABLE (worker_ref text, team_name text, service text, locality text,
               fte numeric, open_episodes bigint, episodes_per_fte numeric,
               open_episodes_suppressed boolean)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh, pg_temp
AS $$
  SELECT c.worker_ref, c.team_name, c.service, c.locality, c.fte, c.open_episodes,
         c.episodes_per_fte, c.open_episodes_suppressed
    FROM reporting.caseload_table(p_authority, p_as_at, p_exact) c
   WHERE c.row_kind = 'worker'
   ORDER BY c.service, c.team_name, c.worker_ref
$$;

-- Targeted episodes open on p_as_at with no worker allocated then.
CREATE FUNCTION reporting.unallocated_episodes(p_authority int, p_as_at date, p_exact boolean DEFAULT false)
RETURNS TABLE (service text, waiting bigint, median_days_waiting numeric, waiting_suppressed boolean)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh, pg_temp
AS $$
  SELECT c.service, c.open_episodes, c.median_days_waiting, c.open_episodes_suppressed
    FROM reporting.caseload_table(p_authority, p_as_at, p_exact) c
   WHERE c.row_kind = 'waiting' AND c.service IN ('core', 'adolescence')
   ORDER BY c.service DESC
$$;

-- Core beside Adolescence (and the Early Help hubs): one row per service.
CREATE FUNCTION reporting.caseload_by_service(p_authority int, p_as_at date,
                                              p_threshold numeric DEFAULT 20,
                                              p_exact boolean DEFAULT false)
RETURNS TABLE (service text, workers int, fte numeric, open_episodes bigint,
               episodes_per_fte numeric, median_per_fte numeric, max_per_fte numeric,
               above_threshold int, open_episodes_suppressed boolean)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh, pg_temp
AS $$
  SELECT c.service, c.workers, c.fte, c.open_episodes, c.episodes_per_fte, c.median_per_fte,
         c.max_per_fte, c.above_threshold, c.open_episodes_suppressed
    FROM reporting.caseload_table(p_authority, p_as_at, p_exact, p_threshold) c
   WHERE c.row_kind = 'service'
   ORDER BY array_position(ARRAY['core', 'adolescence', 'early'], c.service)
$$;

-- Per team on p_as_at: its workers in post, their FTE and the distinct open
-- episodes they hold (an episode two of its workers share counts once), per
-- FTE, with the team's locality. A service's teams are one line for
-- suppression, with the service's held total; workers and FTE describe
-- staff and are not suppressed.
CREATE FUNCTION reporting.caseload_by_team(p_authority int, p_as_at date, p_exact boolean DEFAULT false)
RETURNS TABLE (team_name text, service text, locality text, workers int, fte numeric,
               open_episodes bigint, episodes_per_fte numeric, open_episodes_suppressed boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh, pg_temp
AS $$
DECLARE
  exact   boolean := reporting.exact_figures(p_exact);
  svc     text;
  names   text[];
  locs    text[];
  counts  int[];
  ftes    numeric[];
  held    bigint[];
  total   bigint;
  mask    boolean[];
BEGIN
  PERFORM reporting.check_date(p_as_at);
  FOREACH svc IN ARRAY ARRAY['core', 'adolescence', 'early'] LOOP
    SELECT array_agg(x.team_name ORDER BY x.locality NULLS LAST, x.team_name),
           array_agg(x.locality ORDER BY x.locality NULLS LAST, x.team_name),
           array_agg(x.workers ORDER BY x.locality NULLS LAST, x.team_name),
           array_agg(x.fte ORDER BY x.locality NULLS LAST, x.team_name),
           array_agg(x.held ORDER BY x.locality NULLS LAST, x.team_name)
      INTO names, locs, counts, ftes, held
      FROM (
        SELECT t.team_name, l.locality_name AS locality,
               (SELECT count(*)::int FROM fh.worker w
                 WHERE w.team_id = t.team_id AND w.active_from <= p_as_at
                   AND (w.active_to IS NULL OR w.active_to >= p_as_at)) AS workers,
               (SELECT coalesce(sum(w.fte), 0) FROM fh.worker w
                 WHERE w.team_id = t.team_id AND w.active_from <= p_as_at
                   AND (w.active_to IS NULL OR w.active_to >= p_as_at)) AS fte,
               (SELECT count(DISTINCT a.episode_id)
                  FROM fh.allocation a
                  JOIN fh.worker w ON w.worker_id = a.worker_id
                  JOIN fh.episode e ON e.episode_id = a.episode_id
                 WHERE w.team_id = t.team_id
                   AND w.active_from <= p_as_at AND (w.active_to IS NULL OR w.active_to >= p_as_at)
                   AND a.allocated_from <= p_as_at
                   AND (a.allocated_to IS NULL OR a.allocated_to > p_as_at)
                   AND e.started_on <= p_as_at
                   AND (e.ended_on IS NULL OR e.ended_on > p_as_at)) AS held
          FROM fh.team t
          LEFT JOIN fh.locality l ON l.locality_id = t.locality_id
         WHERE t.authority_id = p_authority AND t.service = svc
      ) x;
    CONTINUE WHEN names IS NULL;

    SELECT count(DISTINCT a.episode_id) INTO total
      FROM fh.allocation a
      JOIN fh.worker w ON w.worker_id = a.worker_id
      JOIN fh.team t ON t.team_id = w.team_id
      JOIN fh.episode e ON e.episode_id = a.episode_id
     WHERE t.authority_id = p_authority AND t.service = svc
       AND w.active_from <= p_as_at AND (w.active_to IS NULL OR w.active_to >= p_as_at)
       AND a.allocated_from <= p_as_at
       AND (a.allocated_to IS NULL OR a.allocated_to > p_as_at)
       AND e.started_on <= p_as_at
       AND (e.ended_on IS NULL OR e.ended_on > p_as_at);
    mask := CASE WHEN exact THEN array_fill(false, ARRAY[array_length(names, 1) + 1])
                 ELSE reporting.suppression_mask(held, total) END;

    FOR i IN 1 .. array_length(names, 1) LOOP
      team_name := names[i];
      service := svc;
      locality := locs[i];
      workers := counts[i];
      fte := ftes[i];
      open_episodes_suppressed := mask[i];
      open_episodes := CASE WHEN mask[i] THEN NULL ELSE held[i] END;
      episodes_per_fte := CASE WHEN mask[i] OR ftes[i] = 0 THEN NULL ELSE round(held[i] / ftes[i], 1) END;
      RETURN NEXT;
    END LOOP;
  END LOOP;
END;
$$;

-- ---- priorities and indicators ---------------------------------------------
-- Indicator values come from the data team already aggregated. A numerator or
-- denominator of 1 to 5 is suppressed, and so is the value built on it, as
-- is a value of 1 to 5 of a "count" indicator.

CREATE FUNCTION reporting.indicator_value_hidden(p_unit text, p_value numeric,
                                                 p_numerator bigint, p_denominator bigint)
RETURNS boolean
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT coalesce(p_numerator BETWEEN 1 AND 5, false)
      OR coalesce(p_denominator BETWEEN 1 AND 5, false)
      OR (p_unit = 'count' AND coalesce(p_value > 0 AND p_value <= 5, false))
$$;

CREATE FUNCTION reporting.indicator_summary(p_authority int, p_exact boolean DEFAULT false)
RETURNS TABLE (priority_number int, priority_title text, indicator_code text,
               indicator_name text, unit text, polarity text, baseline numeric,
               baseline_period date, target numeric, target_date date,
               latest_value numeric, latest_period date, previous_value numeric, source text,
               latest_value_suppressed boolean, previous_value_suppressed boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh, pg_temp
AS $$
DECLARE
  exact boolean := reporting.exact_figures(p_exact);
BEGIN
  RETURN QUERY
  SELECT i.priority_number, p.title, i.indicator_code, i.indicator_name, i.unit, i.polarity,
         i.baseline, i.baseline_period, i.target, i.target_date,
         CASE WHEN latest.hidden AND NOT exact THEN NULL ELSE latest.value END,
         latest.period_end,
         CASE WHEN previous.hidden AND NOT exact THEN NULL ELSE previous.value END,
         i.source,
         coalesce(latest.hidden AND NOT exact, false),
         coalesce(previous.hidden AND NOT exact, false)
    FROM fh.indicator i
    JOIN fh.priority p ON p.priority_number = i.priority_number
    LEFT JOIN LATERAL (SELECT v.value, v.period_end,
                              reporting.indicator_value_hidden(i.unit, v.value, v.numerator, v.denominator) AS hidden
                         FROM fh.indicator_value v
                        WHERE v.indicator_id = i.indicator_id
                        ORDER BY v.period_end DESC LIMIT 1) latest ON true
    LEFT JOIN LATERAL (SELECT v.value,
                              reporting.indicator_value_hidden(i.unit, v.value, v.numerator, v.denominator) AS hidden
                         FROM fh.indicator_value v
                        WHERE v.indicator_id = i.indicator_id
                        ORDER BY v.period_end DESC OFFSET 1 LIMIT 1) previous ON true
   WHERE i.authority_id = p_authority
   ORDER BY i.priority_number, i.indicator_code;
END;
$$;

CREATE FUNCTION reporting.indicator_series(p_authority int, p_indicator_code text,
                                           p_exact boolean DEFAULT false)
RETURNS TABLE (period_end date, value numeric, numerator bigint, denominator bigint,
               value_suppressed boolean, numerator_suppressed boolean,
               denominator_suppressed boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh, pg_temp
AS $$
DECLARE
  exact boolean := reporting.exact_figures(p_exact);
BEGIN
  RETURN QUERY
  SELECT v.period_end,
         CASE WHEN h.hidden THEN NULL ELSE v.value END,
         CASE WHEN h.num THEN NULL ELSE v.numerator END,
         CASE WHEN h.den THEN NULL ELSE v.denominator END,
         h.hidden, h.num, h.den
    FROM fh.indicator i
    JOIN fh.indicator_value v ON v.indicator_id = i.indicator_id
    CROSS JOIN LATERAL (
      SELECT NOT exact AND reporting.indicator_value_hidden(i.unit, v.value, v.numerator, v.denominator) AS hidden,
             NOT exact AND coalesce(v.numerator BETWEEN 1 AND 5, false) AS num,
             NOT exact AND coalesce(v.denominator BETWEEN 1 AND 5, false) AS den) h
   WHERE i.authority_id = p_authority AND i.indicator_code = p_indicator_code
   ORDER BY v.period_end;
END;
$$;

RESET ROLE;

-- ---- who may use it ----------------------------------------------------------

GRANT USAGE ON SCHEMA reporting TO fh_reader;
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA reporting FROM PUBLIC;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA reporting TO fh_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO fh_reader;
