-- 03-reporting.sql — the reporting layer: the only part of the data the
-- dashboard can read. Aggregates only: every function and view here returns
-- counts, rates and reference data, never a person-level row.
--
-- Functions are SECURITY DEFINER, owned by fh_owner, with a fixed
-- search_path; fh_reader may execute them and select the views, nothing more.
-- Rates are per 10,000 children aged 0–17 (or in the chosen age band),
-- rounded to one decimal place (the DfE convention). Invalid filter values
-- raise an error (SQLSTATE 22023) rather than quietly returning zeros.

CREATE SCHEMA reporting AUTHORIZATION fh_owner;
REVOKE ALL ON SCHEMA reporting FROM PUBLIC;
SET ROLE fh_owner;

-- ---- reference views -----------------------------------------------------

CREATE VIEW reporting.ward_profile AS
SELECT w.authority_id, w.ward_code, w.ward_name, w.population_total, w.children_0_17,
       w.children_0_4, w.children_5_9, w.children_10_17, w.imd_score, w.pct_global_majority,
       w.centroid_lon, w.centroid_lat, l.locality_name, (w.boundary IS NOT NULL) AS has_boundary
  FROM fh.ward w
  LEFT JOIN fh.ward_locality wl ON wl.ward_code = w.ward_code
  LEFT JOIN fh.locality l ON l.locality_id = wl.locality_id;

CREATE VIEW reporting.ward_boundary AS
SELECT w.authority_id, w.ward_code, w.boundary::text AS geojson
  FROM fh.ward w
 WHERE w.boundary IS NOT NULL;

-- ---- helpers -------------------------------------------------------------

CREATE FUNCTION reporting.check_filters(p_level text, p_service text, p_need text,
                                        p_source text, p_age_band text)
RETURNS void
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog
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

CREATE FUNCTION reporting.in_age_band(p_age smallint, p_band text)
RETURNS boolean
LANGUAGE sql IMMUTABLE
AS $$
  SELECT p_band IS NULL
      OR (p_band = '0-4' AND p_age <= 4)
      OR (p_band = '5-9' AND p_age BETWEEN 5 AND 9)
      OR (p_band = '10-17' AND p_age >= 10)
$$;

CREATE FUNCTION reporting.rate_per_10k(p_count bigint, p_population bigint)
RETURNS numeric
LANGUAGE sql IMMUTABLE
AS $$
  SELECT CASE WHEN p_population > 0 THEN round(p_count * 10000.0 / p_population, 1) END
$$;

-- ---- authorities and freshness -------------------------------------------

CREATE FUNCTION reporting.authority_list()
RETURNS TABLE (authority_id int, authority_code text, authority_name text,
               ward_count int, children_0_17 bigint)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh
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
SET search_path = pg_catalog, fh
AS $$
  SELECT max(extracted_at) FROM fh.extract_log WHERE authority_id = p_authority
$$;

-- ---- demand by ward --------------------------------------------------------
-- referrals:        received in [p_from, p_to]
-- episodes_started: started in [p_from, p_to]
-- episodes_open:    open at the end of p_to (started on or before it, not ended by it)
-- Level and service filter referrals through their decision (early_help → early;
-- targeted_core → targeted/core; targeted_adolescence → targeted/adolescence) and
-- episodes directly. Need filters episodes by their recorded needs, and referrals
-- to those that led to an episode with that need. Source filters referrals, and
-- episodes through the referral they came from. Age band uses the child's age at
-- referral or at the episode's start, and then rates are per 10,000 children in
-- that band.

CREATE FUNCTION reporting.ward_demand(p_authority int, p_from date, p_to date,
                                      p_level text DEFAULT NULL, p_service text DEFAULT NULL,
                                      p_need text DEFAULT NULL, p_source text DEFAULT NULL,
                                      p_age_band text DEFAULT NULL)
RETURNS TABLE (ward_code text, ward_name text, children_0_17 bigint, referrals bigint,
               episodes_started bigint, episodes_open bigint, referral_rate numeric,
               started_rate numeric, open_rate numeric)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh
-- The optional filters ("p_need IS NULL OR …") only fold away in a plan made
-- for the actual values; a cached generic plan was six times slower.
SET plan_cache_mode = force_custom_plan
AS $$
BEGIN
  PERFORM reporting.check_filters(p_level, p_service, p_need, p_source, p_age_band);
  IF p_from IS NULL OR p_to IS NULL OR p_from > p_to THEN
    RAISE EXCEPTION 'the period must have a start on or before its end' USING ERRCODE = '22023';
  END IF;

  RETURN QUERY
  WITH ref AS (
    SELECT r.ward_code, count(*) AS n
      FROM fh.referral r
     WHERE r.authority_id = p_authority
       AND r.received_on BETWEEN p_from AND p_to
       AND (p_source IS NULL OR r.source = p_source)
       AND reporting.in_age_band(r.age_at_referral, p_age_band)
       AND (p_level IS NULL
            OR (p_level = 'early' AND r.decision = 'early_help')
            OR (p_level = 'targeted' AND r.decision IN ('targeted_core', 'targeted_adolescence')))
       AND (p_service IS NULL OR r.decision = 'targeted_' || p_service)
       AND (p_need IS NULL OR EXISTS (SELECT 1 FROM fh.episode e
                                        JOIN fh.episode_need en ON en.episode_id = e.episode_id
                                       WHERE e.referral_id = r.referral_id AND en.need = p_need))
     GROUP BY r.ward_code
  ), epi AS (
    SELECT e.ward_code,
           count(*) FILTER (WHERE e.started_on >= p_from) AS started,
           count(*) FILTER (WHERE e.ended_on IS NULL OR e.ended_on > p_to) AS open
      FROM fh.episode e
     WHERE e.authority_id = p_authority
       AND e.started_on <= p_to
       AND (e.started_on >= p_from OR e.ended_on IS NULL OR e.ended_on > p_to)
       AND (p_level IS NULL OR e.level = p_level)
       AND (p_service IS NULL OR e.service = p_service)
       AND reporting.in_age_band(e.age_at_start, p_age_band)
       AND (p_need IS NULL OR EXISTS (SELECT 1 FROM fh.episode_need en
                                       WHERE en.episode_id = e.episode_id AND en.need = p_need))
       AND (p_source IS NULL OR EXISTS (SELECT 1 FROM fh.referral r
                                         WHERE r.referral_id = e.referral_id AND r.source = p_source))
     GROUP BY e.ward_code
  ), pop AS (
    SELECT w.ward_code, w.ward_name,
           (CASE p_age_band WHEN '0-4' THEN w.children_0_4
                            WHEN '5-9' THEN w.children_5_9
                            WHEN '10-17' THEN w.children_10_17
                            ELSE w.children_0_17 END)::bigint AS children
      FROM fh.ward w
     WHERE w.authority_id = p_authority
  )
  SELECT p.ward_code, p.ward_name, p.children,
         coalesce(ref.n, 0), coalesce(epi.started, 0), coalesce(epi.open, 0),
         reporting.rate_per_10k(coalesce(ref.n, 0), p.children),
         reporting.rate_per_10k(coalesce(epi.started, 0), p.children),
         reporting.rate_per_10k(coalesce(epi.open, 0), p.children)
    FROM pop p
    LEFT JOIN ref ON ref.ward_code = p.ward_code
    LEFT JOIN epi ON epi.ward_code = p.ward_code
   ORDER BY p.ward_code;
END;
$$;

-- The same measures for the whole authority (the "city" figure), counted
-- in SQL rather than summed by the app.
CREATE FUNCTION reporting.authority_demand(p_authority int, p_from date, p_to date,
                                           p_level text DEFAULT NULL, p_service text DEFAULT NULL,
                                           p_need text DEFAULT NULL, p_source text DEFAULT NULL,
                                           p_age_band text DEFAULT NULL)
RETURNS TABLE (ward_code text, ward_name text, children_0_17 bigint, referrals bigint,
               episodes_started bigint, episodes_open bigint, referral_rate numeric,
               started_rate numeric, open_rate numeric)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh
AS $$
  SELECT NULL::text, a.authority_name, sum(d.children_0_17)::bigint, sum(d.referrals)::bigint,
         sum(d.episodes_started)::bigint, sum(d.episodes_open)::bigint,
         reporting.rate_per_10k(sum(d.referrals)::bigint, sum(d.children_0_17)::bigint),
         reporting.rate_per_10k(sum(d.episodes_started)::bigint, sum(d.children_0_17)::bigint),
         reporting.rate_per_10k(sum(d.episodes_open)::bigint, sum(d.children_0_17)::bigint)
    FROM fh.authority a
    CROSS JOIN LATERAL reporting.ward_demand(p_authority, p_from, p_to, p_level, p_service,
                                             p_need, p_source, p_age_band) d
   WHERE a.authority_id = p_authority
   GROUP BY a.authority_name
$$;

-- Every month from p_from's month to p_to's month, zero-filled, with the
-- rolling 12-month total of referrals ending in each month.
CREATE FUNCTION reporting.demand_monthly(p_authority int, p_ward_code text, p_from date, p_to date)
RETURNS TABLE (month date, referrals bigint, episodes_started bigint, children_0_17 bigint,
               referrals_12m bigint)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh
AS $$
  WITH months AS (
    SELECT generate_series(date_trunc('month', p_from) - interval '11 months',
                           date_trunc('month', p_to), interval '1 month')::date AS month
  ), ref AS (
    SELECT date_trunc('month', r.received_on)::date AS month, count(*) AS n
      FROM fh.referral r
     WHERE r.authority_id = p_authority
       AND r.received_on >= date_trunc('month', p_from) - interval '11 months'
       AND r.received_on < date_trunc('month', p_to) + interval '1 month'
       AND (p_ward_code IS NULL OR r.ward_code = p_ward_code)
     GROUP BY 1
  ), epi AS (
    SELECT date_trunc('month', e.started_on)::date AS month, count(*) AS n
      FROM fh.episode e
     WHERE e.authority_id = p_authority
       AND e.started_on >= date_trunc('month', p_from)
       AND e.started_on < date_trunc('month', p_to) + interval '1 month'
       AND (p_ward_code IS NULL OR e.ward_code = p_ward_code)
     GROUP BY 1
  ), pop AS (
    SELECT sum(w.children_0_17)::bigint AS children
      FROM fh.ward w
     WHERE w.authority_id = p_authority AND (p_ward_code IS NULL OR w.ward_code = p_ward_code)
  ), series AS (
    SELECT m.month, coalesce(ref.n, 0) AS referrals, coalesce(epi.n, 0) AS started,
           sum(coalesce(ref.n, 0)) OVER (ORDER BY m.month ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) AS r12
      FROM months m
      LEFT JOIN ref ON ref.month = m.month
      LEFT JOIN epi ON epi.month = m.month
  )
  SELECT s.month, s.referrals, s.started, pop.children, s.r12::bigint
    FROM series s CROSS JOIN pop
   WHERE s.month >= date_trunc('month', p_from)
   ORDER BY s.month
$$;

-- The needs most often recorded on episodes that started in the period in
-- one ward (or the whole authority when p_ward_code is NULL), most first.
CREATE FUNCTION reporting.ward_top_needs(p_authority int, p_ward_code text, p_from date, p_to date,
                                         p_limit int DEFAULT 5)
RETURNS TABLE (need text, episodes bigint)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh
AS $$
  SELECT en.need, count(*)
    FROM fh.episode e
    JOIN fh.episode_need en ON en.episode_id = e.episode_id
   WHERE e.authority_id = p_authority
     AND (p_ward_code IS NULL OR e.ward_code = p_ward_code)
     AND e.started_on BETWEEN p_from AND p_to
   GROUP BY en.need
   ORDER BY count(*) DESC, en.need
   LIMIT greatest(p_limit, 0)
$$;

-- ---- caseloads -------------------------------------------------------------
-- Open episodes held by each worker active on p_as_at: an allocation that had
-- started and not ended by that date, on an episode still open then.

CREATE FUNCTION reporting.caseload_by_worker(p_authority int, p_as_at date)
RETURNS TABLE (worker_ref text, team_name text, service text, locality text,
               fte numeric, open_episodes bigint, episodes_per_fte numeric)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh
AS $$
  SELECT 'W' || lpad(w.worker_id::text, greatest(4, length(w.worker_id::text)), '0'), t.team_name, t.service, l.locality_name,
         w.fte, count(e.episode_id), round(count(e.episode_id) / w.fte, 1)
    FROM fh.worker w
    JOIN fh.team t ON t.team_id = w.team_id
    LEFT JOIN fh.locality l ON l.locality_id = t.locality_id
    LEFT JOIN fh.allocation a
           ON a.worker_id = w.worker_id
          AND a.allocated_from <= p_as_at
          AND (a.allocated_to IS NULL OR a.allocated_to > p_as_at)
    LEFT JOIN fh.episode e
           ON e.episode_id = a.episode_id
          AND e.started_on <= p_as_at
          AND (e.ended_on IS NULL OR e.ended_on > p_as_at)
   WHERE t.authority_id = p_authority
     AND w.active_from <= p_as_at
     AND (w.active_to IS NULL OR w.active_to >= p_as_at)
   GROUP BY w.worker_id, t.team_name, t.service, l.locality_name
   ORDER BY t.service, t.team_name, 1
$$;

-- Targeted episodes open on p_as_at with no worker allocated then.
CREATE FUNCTION reporting.unallocated_episodes(p_authority int, p_as_at date)
RETURNS TABLE (service text, waiting bigint, median_days_waiting numeric)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh
AS $$
  SELECT s.service, count(e.episode_id),
         round(percentile_cont(0.5) WITHIN GROUP (ORDER BY (p_as_at - e.started_on))::numeric, 1)
    FROM (VALUES ('core'), ('adolescence')) AS s (service)
    LEFT JOIN fh.episode e
           ON e.authority_id = p_authority
          AND e.service = s.service
          AND e.started_on <= p_as_at
          AND (e.ended_on IS NULL OR e.ended_on > p_as_at)
          AND NOT EXISTS (SELECT 1 FROM fh.allocation a
                           WHERE a.episode_id = e.episode_id
                             AND a.allocated_from <= p_as_at
                             AND (a.allocated_to IS NULL OR a.allocated_to > p_as_at))
   GROUP BY s.service
   ORDER BY s.service DESC
$$;

-- ---- priorities and indicators ---------------------------------------------

CREATE FUNCTION reporting.indicator_summary(p_authority int)
RETURNS TABLE (priority_number int, priority_title text, indicator_code text,
               indicator_name text, unit text, polarity text, baseline numeric,
               baseline_period date, target numeric, target_date date,
               latest_value numeric, latest_period date, previous_value numeric, source text)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh
AS $$
  SELECT i.priority_number, p.title, i.indicator_code, i.indicator_name, i.unit, i.polarity,
         i.baseline, i.baseline_period, i.target, i.target_date,
         latest.value, latest.period_end, previous.value, i.source
    FROM fh.indicator i
    JOIN fh.priority p ON p.priority_number = i.priority_number
    LEFT JOIN LATERAL (SELECT v.value, v.period_end FROM fh.indicator_value v
                        WHERE v.indicator_id = i.indicator_id
                        ORDER BY v.period_end DESC LIMIT 1) latest ON true
    LEFT JOIN LATERAL (SELECT v.value FROM fh.indicator_value v
                        WHERE v.indicator_id = i.indicator_id
                        ORDER BY v.period_end DESC OFFSET 1 LIMIT 1) previous ON true
   WHERE i.authority_id = p_authority
   ORDER BY i.priority_number, i.indicator_code
$$;

CREATE FUNCTION reporting.indicator_series(p_authority int, p_indicator_code text)
RETURNS TABLE (period_end date, value numeric, numerator bigint, denominator bigint)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh
AS $$
  SELECT v.period_end, v.value, v.numerator, v.denominator
    FROM fh.indicator i
    JOIN fh.indicator_value v ON v.indicator_id = i.indicator_id
   WHERE i.authority_id = p_authority AND i.indicator_code = p_indicator_code
   ORDER BY v.period_end
$$;

RESET ROLE;

-- ---- who may use it ----------------------------------------------------------

GRANT USAGE ON SCHEMA reporting TO fh_reader;
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA reporting FROM PUBLIC;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA reporting TO fh_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO fh_reader;
