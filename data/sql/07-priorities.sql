-- 07-priorities.sql — progress against the strategy's four priorities
--
-- What the Priorities page needs beyond fh.priority, fh.indicator and
-- fh.indicator_value (02-schema.sql):
--   fh.success_measure            what the strategy says the partnership
--                                 expects to see when Family Help works
--   fh.indicator_success_measure  which indicators measure each of them
--   fh.indicator.rag_tolerance    how far behind the trajectory is still amber
--   fh.indicator_comparator       England / region / statistical neighbours
--   fh.indicator_commentary       a short note per indicator and period,
--                                 written by the data team
-- the reporting functions that read them (aggregates only; numerators and
-- denominators of 1 to 5 never reach a reader), and fh_demo.generate_priorities,
-- which completes the demo data so that every success measure has an
-- indicator with data. docs/priorities.md explains the RAG rule;
-- docs/data-contract.md the tables.

SET ROLE fh_owner;

-- ---- tables ------------------------------------------------------------------

-- NULL means the documented default: a quarter of the planned change
-- |target − baseline| (docs/priorities.md). In the indicator's own unit.
ALTER TABLE fh.indicator
  ADD COLUMN IF NOT EXISTS rag_tolerance numeric CHECK (rag_tolerance >= 0);

-- An indicator the data itself can count: its values are worked out from the
-- person-level tables by fh.refresh_derived_indicators (run after each load),
-- not uploaded. NULL: uploaded by the data team.
ALTER TABLE fh.indicator
  ADD COLUMN IF NOT EXISTS derived_from text CHECK (derived_from IN ('rereferrals_12m'));

-- The strategy's success measures ("how we will know our model is working").
-- Like fh.priority they belong to the strategy, not to one authority.
CREATE TABLE fh.success_measure (
  measure_code text PRIMARY KEY CHECK (measure_code ~ '^[a-z][a-z0-9_]*$'),
  title        text NOT NULL,
  description  text,
  sort_order   integer NOT NULL UNIQUE
);

CREATE TABLE fh.indicator_success_measure (
  indicator_id integer NOT NULL REFERENCES fh.indicator ON DELETE CASCADE,
  measure_code text NOT NULL REFERENCES fh.success_measure ON DELETE CASCADE,
  PRIMARY KEY (indicator_id, measure_code)
);
CREATE INDEX indicator_success_measure_measure_idx ON fh.indicator_success_measure (measure_code);

-- Published comparators: aggregate figures from national statistics, so
-- nothing here is suppressed. Optional: an indicator may have none.
CREATE TABLE fh.indicator_comparator (
  indicator_id integer NOT NULL REFERENCES fh.indicator ON DELETE CASCADE,
  comparator   text NOT NULL CHECK (comparator IN ('england', 'region', 'statistical_neighbours')),
  period_end   date NOT NULL,
  value        numeric NOT NULL,
  PRIMARY KEY (indicator_id, comparator, period_end)
);

-- A short note on one indicator for one period, for the steering group and
-- the board pack. Aggregate commentary only: never name a child or family.
CREATE TABLE fh.indicator_commentary (
  indicator_id integer NOT NULL REFERENCES fh.indicator ON DELETE CASCADE,
  period_end   date NOT NULL,
  commentary   text NOT NULL CHECK (length(commentary) BETWEEN 1 AND 2000),
  written_by   text NOT NULL,                     -- a team, e.g. "Performance and data team"
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (indicator_id, period_end)
);

-- ---- small-number suppression of indicator values ---------------------------
-- The reporting layer's one rule (03-reporting.sql, reporting.indicator_value_hidden):
-- a numerator or denominator of 1 to 5 is NULL with its flag set, and so is
-- the value built on it, as is a value of 1 to 5 of a "count" indicator —
-- unless @p_exact, which callers only pass from reporting.exact_figures()
-- (an fh_manager who asked for exact figures). Internal: granted to no one;
-- the reporting functions below read indicator values only through it.

CREATE FUNCTION fh.published_indicator_value(p_indicator_id int, p_exact boolean)
RETURNS TABLE (indicator_id int, period_end date, value numeric, numerator bigint,
               denominator bigint, value_suppressed boolean, numerator_suppressed boolean,
               denominator_suppressed boolean)
LANGUAGE sql STABLE
SET search_path = pg_catalog, fh, pg_temp
AS $$
  SELECT v.indicator_id, v.period_end,
         CASE WHEN h.hidden THEN NULL ELSE v.value END,
         CASE WHEN h.num THEN NULL ELSE v.numerator END,
         CASE WHEN h.den THEN NULL ELSE v.denominator END,
         h.hidden, h.num, h.den
    FROM fh.indicator_value v
    JOIN fh.indicator i ON i.indicator_id = v.indicator_id
    CROSS JOIN LATERAL (
      SELECT NOT p_exact AND reporting.indicator_value_hidden(i.unit, v.value, v.numerator, v.denominator) AS hidden,
             NOT p_exact AND coalesce(v.numerator BETWEEN 1 AND 5, false) AS num,
             NOT p_exact AND coalesce(v.denominator BETWEEN 1 AND 5, false) AS den) h
   WHERE v.indicator_id = p_indicator_id
   ORDER BY v.period_end
$$;
REVOKE EXECUTE ON FUNCTION fh.published_indicator_value(int, boolean) FROM PUBLIC;

-- ---- reporting functions ------------------------------------------------------
-- p_exact: exact figures, for fh_manager only (reporting.exact_figures raises
-- 42501 for anyone else who asks).

-- One row per indicator of the authority, by priority; a priority with no
-- indicator still has one row (indicator columns NULL) so that the page can
-- say so. latest_*: the most recent period stored, suppressed or not.
CREATE FUNCTION reporting.priority_overview(p_authority int, p_exact boolean DEFAULT false)
RETURNS TABLE (priority_number int, priority_title text, indicator_code text,
               indicator_name text, unit text, polarity text, baseline numeric,
               baseline_period date, target numeric, target_date date, rag_tolerance numeric,
               source text, latest_period date, latest_value numeric, latest_numerator bigint,
               latest_denominator bigint, value_suppressed boolean, numerator_suppressed boolean,
               denominator_suppressed boolean, n_periods int)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh, pg_temp
AS $$
  WITH x AS (SELECT reporting.exact_figures(p_exact) AS exact)
  SELECT p.priority_number, p.title, i.indicator_code, i.indicator_name, i.unit, i.polarity,
         i.baseline, i.baseline_period, i.target, i.target_date, i.rag_tolerance, i.source,
         latest.period_end, latest.value, latest.numerator, latest.denominator,
         latest.value_suppressed, latest.numerator_suppressed, latest.denominator_suppressed,
         CASE WHEN i.indicator_id IS NOT NULL
              THEN (SELECT count(*)::int FROM fh.indicator_value v WHERE v.indicator_id = i.indicator_id)
         END
    FROM x
    CROSS JOIN fh.priority p
    LEFT JOIN fh.indicator i ON i.priority_number = p.priority_number AND i.authority_id = p_authority
    LEFT JOIN LATERAL (SELECT pv.* FROM fh.published_indicator_value(i.indicator_id, x.exact) pv
                        ORDER BY pv.period_end DESC LIMIT 1) latest ON true
   ORDER BY p.priority_number, i.indicator_code
$$;

-- Every value of every indicator of the authority (for sparklines, the RAG
-- status and the direction of travel), oldest first within each indicator.
CREATE FUNCTION reporting.priority_series(p_authority int, p_exact boolean DEFAULT false)
RETURNS TABLE (indicator_code text, period_end date, value numeric, value_suppressed boolean)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh, pg_temp
AS $$
  WITH x AS (SELECT reporting.exact_figures(p_exact) AS exact)
  SELECT i.indicator_code, pv.period_end, pv.value, pv.value_suppressed
    FROM x
    CROSS JOIN fh.indicator i
    CROSS JOIN LATERAL fh.published_indicator_value(i.indicator_id, x.exact) pv
   WHERE i.authority_id = p_authority
   ORDER BY i.indicator_code, pv.period_end
$$;

-- One indicator's full series with numerator and denominator, oldest first.
-- An indicator the authority does not have is an error (22023), not an empty
-- series.
CREATE FUNCTION reporting.indicator_detail(p_authority int, p_indicator_code text,
                                           p_exact boolean DEFAULT false)
RETURNS TABLE (period_end date, value numeric, numerator bigint, denominator bigint,
               value_suppressed boolean, numerator_suppressed boolean,
               denominator_suppressed boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh, pg_temp
AS $$
DECLARE
  exact boolean := reporting.exact_figures(p_exact);
  v_indicator int;
BEGIN
  SELECT i.indicator_id INTO v_indicator
    FROM fh.indicator i
   WHERE i.authority_id = p_authority AND i.indicator_code = p_indicator_code;
  IF v_indicator IS NULL THEN
    RAISE EXCEPTION 'unknown indicator "%"', left(p_indicator_code, 100) USING ERRCODE = '22023';
  END IF;

  RETURN QUERY
  SELECT pv.period_end, pv.value, pv.numerator, pv.denominator,
         pv.value_suppressed, pv.numerator_suppressed, pv.denominator_suppressed
    FROM fh.published_indicator_value(v_indicator, exact) pv
   ORDER BY pv.period_end;
END;
$$;

-- Comparators of one indicator (NULL: of every indicator of the authority),
-- by indicator, comparator and period.
CREATE FUNCTION reporting.indicator_comparators(p_authority int, p_indicator_code text DEFAULT NULL)
RETURNS TABLE (indicator_code text, comparator text, period_end date, value numeric)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh, pg_temp
AS $$
  SELECT i.indicator_code, c.comparator, c.period_end, c.value
    FROM fh.indicator i
    JOIN fh.indicator_comparator c ON c.indicator_id = i.indicator_id
   WHERE i.authority_id = p_authority
     AND (p_indicator_code IS NULL OR i.indicator_code = p_indicator_code)
   ORDER BY i.indicator_code, c.comparator, c.period_end
$$;

-- The data team's commentary on one indicator (NULL: on every indicator of
-- the authority), newest period first.
CREATE FUNCTION reporting.indicator_commentary(p_authority int, p_indicator_code text DEFAULT NULL)
RETURNS TABLE (indicator_code text, period_end date, commentary text, written_by text,
               updated_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh, pg_temp
AS $$
  SELECT i.indicator_code, c.period_end, c.commentary, c.written_by, c.updated_at
    FROM fh.indicator i
    JOIN fh.indicator_commentary c ON c.indicator_id = i.indicator_id
   WHERE i.authority_id = p_authority
     AND (p_indicator_code IS NULL OR i.indicator_code = p_indicator_code)
   ORDER BY i.indicator_code, c.period_end DESC
$$;

-- Each success measure with the authority's indicators for it: one row per
-- (measure, indicator), and one row with NULL indicator columns for a
-- measure the authority has no indicator for. n_values counts the
-- indicator's stored values, n_published those a reader can see.
CREATE FUNCTION reporting.success_measures(p_authority int)
RETURNS TABLE (measure_code text, measure_title text, description text, sort_order int,
               indicator_code text, indicator_name text, priority_number int,
               n_values int, n_published int)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, fh, pg_temp
AS $$
  SELECT m.measure_code, m.title, m.description, m.sort_order,
         i.indicator_code, i.indicator_name, i.priority_number,
         CASE WHEN i.indicator_id IS NOT NULL THEN coalesce(n.n_values, 0) END,
         CASE WHEN i.indicator_id IS NOT NULL THEN coalesce(n.n_published, 0) END
    FROM fh.success_measure m
    LEFT JOIN (fh.indicator_success_measure ism
               JOIN fh.indicator i ON i.indicator_id = ism.indicator_id AND i.authority_id = p_authority)
           ON ism.measure_code = m.measure_code
    LEFT JOIN LATERAL (SELECT count(*)::int AS n_values,
                              (count(*) FILTER (WHERE NOT pv.value_suppressed))::int AS n_published
                         FROM fh.published_indicator_value(i.indicator_id, false) pv) n ON true
   ORDER BY m.sort_order, i.priority_number, i.indicator_code
$$;

-- ---- indicators the data counts ---------------------------------------------------
-- rereferrals_12m: for each quarter end from the first whole two years of
-- data (a year counted, and a full year before it to look back on: with less,
-- re-referrals would be undercounted),
-- the accepted referrals of the 12 months to it whose child had another
-- accepted referral in the 12 months before (the DfE re-referral definition,
-- as reporting.demand_measures counts it), as a percentage of the accepted
-- referrals of those 12 months; numerator and denominator kept, so the
-- reporting layer suppresses small ones. Replaces the indicator's values.
-- Returns how many values it wrote. Owner only.
CREATE OR REPLACE FUNCTION fh.refresh_derived_indicators(p_authority int)
RETURNS int
LANGUAGE plpgsql
SET search_path = pg_catalog, fh, pg_temp
AS $$
DECLARE
  ind     record;
  written int := 0;
  n       int;
BEGIN
  FOR ind IN SELECT i.indicator_id FROM fh.indicator i
              WHERE i.authority_id = p_authority AND i.derived_from = 'rereferrals_12m' LOOP
    DELETE FROM fh.indicator_value WHERE indicator_id = ind.indicator_id;
    WITH bounds AS (
      SELECT min(r.received_on) AS first_day, max(r.received_on) AS last_day
        FROM fh.referral r WHERE r.authority_id = p_authority
    ), quarters AS (
      SELECT (q + interval '3 months - 1 day')::date AS period_end
        FROM bounds,
             generate_series(date_trunc('quarter', first_day + interval '24 months'),
                             date_trunc('quarter', last_day + 1) - interval '3 months',
                             interval '3 months') q
    -- not materialised: the EXISTS below then probes referral_child_idx
    -- instead of scanning the whole CTE once per row (206 s -> 1.3 s for
    -- one authority at scale 1)
    ), acc AS NOT MATERIALIZED (
      SELECT r.referral_id, r.child_id, r.received_on
        FROM fh.referral r
       WHERE r.authority_id = p_authority
         AND r.decision IN ('early_help', 'targeted_core', 'targeted_adolescence')
    ), counted AS (
      SELECT q.period_end,
             count(*) AS accepted,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM acc p
                                             WHERE p.child_id = a.child_id AND p.referral_id <> a.referral_id
                                               AND p.received_on < a.received_on
                                               AND p.received_on >= a.received_on - interval '12 months')) AS rereferred
        FROM quarters q
        JOIN acc a ON a.received_on > q.period_end - interval '12 months' AND a.received_on <= q.period_end
       GROUP BY q.period_end
    )
    INSERT INTO fh.indicator_value (indicator_id, period_end, value, numerator, denominator)
    SELECT ind.indicator_id, c.period_end, round(c.rereferred * 100.0 / c.accepted, 1), c.rereferred, c.accepted
      FROM counted c
     WHERE c.accepted > 0;
    GET DIAGNOSTICS n = ROW_COUNT;
    written := written + n;
  END LOOP;
  RETURN written;
END;
$$;
REVOKE ALL ON FUNCTION fh.refresh_derived_indicators(int) FROM PUBLIC;

-- ---- demo data ------------------------------------------------------------------
-- fh_demo.generate_priorities(authorities, seed) runs after fh_demo.generate
-- (05-demo-run.sql) and completes the indicators so that every success
-- measure has one with data: new indicators for homelessness, child health,
-- exploitation, attainment, permanent exclusions, case studies, co-design and
-- families' own voice; numerators and denominators for some existing ones;
-- tolerances; England and statistical-neighbour comparators; and commentary
-- for authority 1. Deterministic like fh_demo.generate (fh_demo.u hashes).
-- All synthetic, comparators included: do not quote them as published figures.
-- Made only where 04-demo.sql made schema fh_demo, so this file also loads
-- into a live database (which leaves out 04 and 05).

SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = 'fh_demo') AS fh_have_demo \gset
\if :fh_have_demo
CREATE OR REPLACE FUNCTION fh_demo.generate_priorities(p_authorities int DEFAULT NULL,
                                                       p_seed int DEFAULT 42)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, fh, fh_demo, pg_temp
AS $gen$
DECLARE
  s int := p_seed;
  n_auth int := coalesce(p_authorities, (SELECT max(authority_id) FROM fh.authority));
  new_codes constant text[] := ARRAY['homelessness_children', 'child_injury_admissions',
                                     'exploitation_risk', 'ks2_rwm_expected',
                                     'permanent_exclusion_rate', 'case_studies',
                                     'co_design_families', 'family_voice_difference'];
BEGIN
  IF n_auth IS NULL OR n_auth < 1 THEN
    RAISE EXCEPTION 'run fh_demo.generate first: there is no authority';
  END IF;

  -- Idempotent: the new indicators (and, by cascade, their values,
  -- comparators, commentary and mapping) are made again.
  DELETE FROM fh.indicator WHERE indicator_code = ANY (new_codes);
  TRUNCATE fh.success_measure, fh.indicator_success_measure, fh.indicator_comparator,
           fh.indicator_commentary;
  UPDATE fh.indicator SET rag_tolerance = NULL WHERE rag_tolerance IS NOT NULL;

  -- The strategy's success measures.
  INSERT INTO fh.success_measure (measure_code, title, description, sort_order) VALUES
    ('statutory_intervention', 'Fewer children needing statutory intervention',
     'Child in Need, child protection plans and children entering care', 1),
    ('good_level_of_development', 'More children reach a Good Level of Development',
     'At the end of the Reception year; the strategy''s target is 75%', 2),
    ('neet', 'Fewer young people not in education, employment or training',
     'Including those whose activity is not known', 3),
    ('exclusions', 'Fewer suspensions and permanent exclusions', NULL, 4),
    ('attendance_attainment', 'Better attendance and attainment', NULL, 5),
    ('case_studies', 'A growing body of case studies',
     'Families'' journeys through Family Help, shared across the partnership', 6),
    ('co_design', 'Regular co-design with families',
     'Families shape the services they use', 7),
    ('youth_offending', 'Lower youth offending', NULL, 8),
    ('homelessness', 'Fewer children experiencing or at risk of homelessness', NULL, 9),
    ('child_health', 'Better child health', NULL, 10),
    ('exploitation', 'Reduced exploitation', NULL, 11),
    ('family_voice', 'Families say the help made a difference',
     'Families'' own voice on whether help made a difference', 12);

  -- New indicators. progress as in fh_demo.generate_indicators: how far
  -- along the straight line from baseline to target each has got.
  -- den_kind: where the denominator comes from (NULL: none stored).
  CREATE TEMPORARY TABLE reference_priority_indicator (
    k int, priority int, code text, name text, unit text, polarity text, baseline numeric,
    target numeric, progress float8, noise float8, source text, cadence text, den_kind text,
    first_n int, gap_n int) ON COMMIT DROP;
  INSERT INTO reference_priority_indicator VALUES
    (31, 1, 'homelessness_children', 'Children in households owed a homelessness prevention or relief duty per 10,000 children',
     'rate_per_10k', 'lower_is_better', 118, 95, 0.85, 3, 'Homelessness case-level collection (H-CLIC)', 'quarter', 'children_0_17', 0, NULL),
    (32, 2, 'child_injury_admissions', 'Hospital admissions for injuries to children aged 0–14 per 10,000',
     'rate_per_10k', 'lower_is_better', 132, 110, 0.9, 4, 'Hospital Episode Statistics (OHID Fingertips)', 'quarter', 'children_0_14', 0, 10),
    (33, 2, 'exploitation_risk', 'Children aged 10–17 assessed at significant risk of exploitation per 10,000',
     'rate_per_10k', 'lower_is_better', 38, 28, -0.3, 1.5, 'Multi-agency child exploitation panel', 'quarter', 'children_10_17', 0, NULL),
    (34, 2, 'ks2_rwm_expected', 'Pupils reaching the expected standard in reading, writing and maths at Key Stage 2',
     'percent', 'higher_is_better', 52, 60, 0.7, 0.8, 'Key Stage 2 attainment (DfE)', 'year', 'ks2_cohort', 0, NULL),
    (35, 2, 'permanent_exclusion_rate', 'Permanent exclusions per 10,000 pupils',
     'rate_per_10k', 'lower_is_better', 11, 8, 1.0, 0.6, 'Exclusions statistics (DfE)', 'quarter', NULL, 0, NULL),
    (36, 3, 'case_studies', 'Case studies of families'' journeys shared with the partnership (cumulative)',
     'count', 'higher_is_better', 0, 60, 1.05, 0, 'Partnership learning log', 'quarter', NULL, 0, NULL),
    (37, 3, 'co_design_families', 'Families taking part in co-design in the quarter',
     'count', 'higher_is_better', 15, 60, 1.1, 3, 'Family Hub participation log', 'quarter', NULL, 0, NULL),
    (38, 1, 'family_voice_difference', 'Families who say Family Help made a difference',
     'percent', 'higher_is_better', 71, 85, 0.95, 2.0, 'Family Help closing survey', 'quarter', 'survey', 1, NULL);

  INSERT INTO fh.indicator (indicator_id, authority_id, priority_number, indicator_code,
                            indicator_name, unit, polarity, baseline, baseline_period, target,
                            target_date, source)
  SELECT a * 100 + r.k, a, r.priority, r.code, r.name, r.unit, r.polarity, r.baseline,
         date '2022-03-31', r.target, date '2027-03-31', r.source
    FROM generate_series(1, n_auth) a, reference_priority_indicator r
   WHERE EXISTS (SELECT 1 FROM fh.authority x WHERE x.authority_id = a);

  -- Quarterly values from March 2022 to September 2026 (yearly ones in
  -- September only), on the straight line scaled by progress, with noise.
  CREATE TEMPORARY TABLE gen_priority_value ON COMMIT DROP AS
  SELECT i.indicator_id, i.authority_id, r.code, r.unit, q.n, q.period_end, r.den_kind,
         CASE WHEN r.code = 'case_studies'
              -- cumulative: never goes down, starts at zero
              THEN round((r.target * q.frac * (r.progress + CASE WHEN i.authority_id > 1 THEN 0.4 * (u(i.indicator_id, 1, s) - 0.5) ELSE 0 END))::numeric)
              ELSE (r.baseline
                    + (r.target - r.baseline) * q.frac
                      * (r.progress + CASE WHEN i.authority_id > 1 THEN 0.6 * (u(i.indicator_id, 1, s) - 0.5) ELSE 0 END)
                    + r.noise * 2 * (u(i.indicator_id * 1000 + q.n, 2, s) - 0.5))::numeric
         END AS raw_value
    FROM reference_priority_indicator r
    JOIN fh.indicator i ON i.indicator_code = r.code
    CROSS JOIN LATERAL (SELECT n, ((date '2022-04-01' + make_interval(months => 3 * n))::date - 1) AS period_end,
                               (3 * n) / 60.0 AS frac
                          FROM generate_series(0, 18) n) q
   WHERE q.n >= r.first_n
     AND q.n IS DISTINCT FROM r.gap_n                      -- a quarter whose data never came
     AND (r.cadence = 'quarter' OR extract(month FROM q.period_end) = 9);

  -- Denominators: populations from fh.ward, cohorts, and the closing
  -- survey's responses (few at first: its first quarters are suppressed).
  CREATE TEMPORARY TABLE gen_priority_den ON COMMIT DROP AS
  SELECT g.indicator_id, g.period_end,
         CASE g.den_kind
           WHEN 'children_0_17' THEN pop.c017
           WHEN 'children_10_17' THEN pop.c1017
           WHEN 'children_0_14' THEN pop.c04 + pop.c59 + round(pop.c1017 * 5 / 8.0)
           WHEN 'ks2_cohort' THEN round(pop.c1017 / 8.0 * (0.97 + 0.06 * u(g.indicator_id * 1000 + g.n, 3, s)))
           WHEN 'survey' THEN CASE g.n WHEN 1 THEN 4 WHEN 2 THEN 7
                                   ELSE 30 + 5 * g.n + floor(10 * u(g.indicator_id * 1000 + g.n, 3, s)) END
         END::bigint AS den,
         CASE g.unit WHEN 'percent' THEN 100 WHEN 'rate_per_10k' THEN 10000 ELSE 100000 END AS scale
    FROM gen_priority_value g
    JOIN (SELECT w.authority_id, sum(w.children_0_17) AS c017, sum(w.children_0_4) AS c04,
                 sum(w.children_5_9) AS c59, sum(w.children_10_17) AS c1017
            FROM fh.ward w GROUP BY w.authority_id) pop ON pop.authority_id = g.authority_id
   WHERE g.den_kind IS NOT NULL;

  INSERT INTO fh.indicator_value (indicator_id, period_end, value, numerator, denominator)
  SELECT g.indicator_id, g.period_end,
         CASE WHEN d.den IS NULL
              THEN round(greatest(g.raw_value, 0), CASE WHEN g.unit = 'count' THEN 0 ELSE 1 END)
              -- with a numerator, the value is what the counts say
              ELSE round(round(greatest(g.raw_value, 0) * d.den / d.scale) * d.scale / d.den, 1) END,
         CASE WHEN d.den IS NOT NULL THEN round(greatest(g.raw_value, 0) * d.den / d.scale)::bigint END,
         d.den
    FROM gen_priority_value g
    LEFT JOIN gen_priority_den d ON d.indicator_id = g.indicator_id AND d.period_end = g.period_end;

  -- Numerators and denominators for some of fh_demo.generate's indicators
  -- (only where none is stored), the value made to agree with them.
  UPDATE fh.indicator_value v
     SET numerator = x.num, denominator = x.den, value = round(x.num * x.scale / x.den, 1)
    FROM (SELECT v2.indicator_id, v2.period_end, d.den, d.scale, round(v2.value * d.den / d.scale) AS num
            FROM fh.indicator_value v2
            JOIN fh.indicator i ON i.indicator_id = v2.indicator_id
            JOIN (SELECT w.authority_id, sum(w.children_0_17) AS c017, sum(w.children_0_4) AS c04,
                         sum(w.children_10_17) AS c1017
                    FROM fh.ward w GROUP BY w.authority_id) pop ON pop.authority_id = i.authority_id
            CROSS JOIN LATERAL (
              SELECT (CASE i.indicator_code
                        WHEN 'cin_rate' THEN pop.c017
                        WHEN 'cp_rate' THEN pop.c017
                        WHEN 'cla_rate' THEN pop.c017
                        WHEN 'gld' THEN round(pop.c04 / 5.0 * (0.97 + 0.06 * u(v2.indicator_id * 100000 + (v2.period_end - date '2020-01-01'), 50, s)))
                        WHEN 'neet_nk' THEN round(pop.c1017 / 4.0 * (0.97 + 0.06 * u(v2.indicator_id * 100000 + (v2.period_end - date '2020-01-01'), 50, s)))
                        WHEN 'mash_one_day' THEN round(1400 * (0.85 + 0.3 * u(v2.indicator_id * 100000 + (v2.period_end - date '2020-01-01'), 50, s)))
                      END)::bigint AS den,
                     CASE i.unit WHEN 'percent' THEN 100 WHEN 'rate_per_10k' THEN 10000 ELSE 100000 END AS scale) d
           WHERE d.den IS NOT NULL AND v2.numerator IS NULL AND v2.value >= 0) x
   WHERE v.indicator_id = x.indicator_id AND v.period_end = x.period_end;

  -- Tolerances: a few set by the data team, the rest take the default.
  UPDATE fh.indicator i
     SET rag_tolerance = t.tolerance
    FROM (VALUES ('cin_rate', 10.0), ('gld', 1.0), ('mash_one_day', 2.0),
                 ('family_voice_difference', 3.0), ('co_design_families', 5.0)) t (code, tolerance)
   WHERE i.indicator_code = t.code;

  -- Which indicators measure each success measure.
  INSERT INTO fh.indicator_success_measure (indicator_id, measure_code)
  SELECT i.indicator_id, m.measure_code
    FROM (VALUES ('statutory_intervention', 'cin_rate'), ('statutory_intervention', 'cp_rate'),
                 ('statutory_intervention', 'cla_rate'), ('good_level_of_development', 'gld'),
                 ('neet', 'neet_nk'), ('exclusions', 'suspension_rate'),
                 ('exclusions', 'permanent_exclusion_rate'),
                 ('attendance_attainment', 'persistent_absence'),
                 ('attendance_attainment', 'ks2_rwm_expected'), ('case_studies', 'case_studies'),
                 ('co_design', 'co_design_families'), ('youth_offending', 'yj_first_time_entrants'),
                 ('homelessness', 'homelessness_children'), ('child_health', 'child_injury_admissions'),
                 ('exploitation', 'exploitation_risk'), ('family_voice', 'family_voice_difference'))
         AS m (measure_code, indicator_code)
    JOIN fh.indicator i ON i.indicator_code = m.indicator_code;

  -- Comparators, yearly at the end of March: England (the same for every
  -- authority) and statistical neighbours (around England, per authority).
  INSERT INTO fh.indicator_comparator (indicator_id, comparator, period_end, value)
  SELECT i.indicator_id, c.comparator, y.period_end,
         round((CASE c.comparator WHEN 'england' THEN e.v ELSE e.v + r.sn_offset * (0.7 + 0.6 * u(i.indicator_id * 10 + y.n, 60, s)) END)::numeric, 1)
    FROM (VALUES ('cin_rate', 334.0, 332.0, 55.0), ('cp_rate', 42.0, 41.0, 10.0),
                 ('cla_rate', 67.0, 70.0, 28.0), ('rereferral_12m', 21.5, 22.4, 1.0),
                 ('gld', 65.2, 68.3, -3.0), ('neet_nk', 5.5, 5.4, 1.4),
                 ('persistent_absence', 22.5, 20.0, 2.5), ('suspension_rate', 690.0, 1040.0, 150.0),
                 ('permanent_exclusion_rate', 8.0, 13.0, 2.0), ('yj_first_time_entrants', 160.0, 140.0, 35.0),
                 ('ks2_rwm_expected', 59.0, 61.0, -3.0), ('child_injury_admissions', 84.0, 76.0, 20.0),
                 ('homelessness_children', 95.0, 110.0, 12.0))
         AS r (code, england_2022, england_2026, sn_offset)
    JOIN fh.indicator i ON i.indicator_code = r.code
    CROSS JOIN (VALUES ('england'), ('statistical_neighbours')) c (comparator)
    CROSS JOIN LATERAL (SELECT n, make_date(2022 + n, 3, 31) AS period_end FROM generate_series(0, 4) n) y
    CROSS JOIN LATERAL (SELECT r.england_2022 + (r.england_2026 - r.england_2022) * y.n / 4.0
                               + 0.01 * abs(r.england_2022) * (u(hashtext(r.code)::bigint * 10 + y.n, 61, s) - 0.5) AS v) e;

  -- Commentary from the data team, for authority 1.
  INSERT INTO fh.indicator_commentary (indicator_id, period_end, commentary, written_by, updated_at)
  SELECT i.indicator_id, c.period_end, c.commentary, 'Performance and data team',
         timestamptz '2026-11-01 09:00:00+00'
    FROM (VALUES
      ('cla_rate', date '2026-09-30', 'Entries to care rose this quarter, mostly sibling groups; the edge-of-care panel is reviewing every plan for a safe return home.'),
      ('exploitation_risk', date '2026-09-30', 'More children are being identified since schools joined the exploitation panel, so part of the rise is better recognition rather than more harm.'),
      ('gld', date '2026-09-30', 'Still behind the trajectory to 75%; the speech and language offer in Family Hubs reaches two in three eligible families.'),
      ('family_voice_difference', date '2026-09-30', 'Response rate 38%. Families most often mention having one worker who knew the whole family.'),
      ('family_voice_difference', date '2022-09-30', 'First full quarter of the closing survey: too few responses to publish the figure.'),
      ('child_injury_admissions', date '2024-09-30', 'No figure for this quarter: the hospital extract did not arrive. The next quarter is complete.'),
      ('mash_one_day', date '2026-09-30', 'Ahead of the trajectory since the MASH rota added a daily partner triage meeting.'),
      ('case_studies', date '2026-09-30', 'Six new case studies this quarter, two written with the families themselves.'))
      AS c (indicator_code, period_end, commentary)
    JOIN fh.indicator i ON i.indicator_code = c.indicator_code AND i.authority_id = 1;
END;
$gen$;
REVOKE EXECUTE ON FUNCTION fh_demo.generate_priorities(int, int) FROM PUBLIC;
\endif

RESET ROLE;

-- ---- who may use it ----------------------------------------------------------------

REVOKE EXECUTE ON FUNCTION reporting.priority_overview(int, boolean),
                           reporting.priority_series(int, boolean),
                           reporting.indicator_detail(int, text, boolean),
                           reporting.indicator_comparators(int, text),
                           reporting.indicator_commentary(int, text),
                           reporting.success_measures(int)
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION reporting.priority_overview(int, boolean),
                          reporting.priority_series(int, boolean),
                          reporting.indicator_detail(int, text, boolean),
                          reporting.indicator_comparators(int, text),
                          reporting.indicator_commentary(int, text),
                          reporting.success_measures(int)
  TO fh_reader;
