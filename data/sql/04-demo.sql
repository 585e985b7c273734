-- 04-demo.sql — a deterministic synthetic dataset shaped like a real city
--
-- fh_demo.generate(p_authorities, p_seed) fills the fh tables with five years
-- of made-up Family Help data (November 2021 to October 2026) for
-- p_authorities authorities. Authority 1 uses the real public figures for
-- Nottingham City's 20 wards (ONS codes and names, mid-2020 populations,
-- IMD 2019 scores, centroids); everything else — age-band splits, % Global
-- Majority, every referral, episode, need, team, worker, allocation and
-- indicator value, and every other authority — is synthetic.
--
-- Deterministic: every random draw is a hash of (row key, draw number,
-- seed), so the same call gives the same data, whatever the plan or the
-- parallelism. It runs inside the server and takes seconds per authority.

CREATE SCHEMA IF NOT EXISTS fh_demo AUTHORIZATION fh_owner;
REVOKE ALL ON SCHEMA fh_demo FROM PUBLIC;
SET ROLE fh_owner;

-- A uniform draw in [0, 1) from a row key and a draw number.
CREATE OR REPLACE FUNCTION fh_demo.u(p_key bigint, p_draw int, p_seed int)
RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT (hashint8extended(p_key, p_seed::bigint * 1000 + p_draw) & 2147483647)::float8 / 2147483648.0 $$;

-- Referrals dip in August (school holidays) and in December (late-December holidays).
CREATE OR REPLACE FUNCTION fh_demo.season(p_month int)
RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT (ARRAY[1.06, 1.02, 1.08, 0.95, 1.05, 1.04, 0.98, 0.66, 1.08, 1.12, 1.10, 0.86])[p_month] $$;

CREATE OR REPLACE FUNCTION fh_demo.generate(p_authorities int DEFAULT 1, p_seed int DEFAULT 42)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, fh, fh_demo
AS $gen$
DECLARE
  first_month constant date := date '2021-11-01';
  last_day    constant date := date '2026-10-31';
  s int := p_seed;
BEGIN
  IF p_authorities < 1 THEN
    RAISE EXCEPTION 'p_authorities must be at least 1';
  END IF;

  TRUNCATE fh.authority, fh.ward, fh.ward_population, fh.locality, fh.ward_locality, fh.team, fh.worker, fh.family,
           fh.child, fh.referral, fh.episode, fh.episode_need, fh.allocation, fh.priority,
           fh.indicator, fh.indicator_value, fh.extract_log CASCADE;

  INSERT INTO fh.priority VALUES
    (1, 'Strengthen whole-family resilience and promote positive parenting'),
    (2, 'Improve infants'', children''s and young people''s holistic development'),
    (3, 'Strengthen partnership working'),
    (4, 'Improve data sharing and data use across Family Help services');

  INSERT INTO fh.authority
  SELECT a,
         CASE WHEN a = 1 THEN 'E06000018' ELSE 'X' || lpad(a::text, 8, '0') END,
         CASE WHEN a = 1 THEN 'Nottingham City (demo)' ELSE 'Synthetic authority ' || a END
    FROM generate_series(1, p_authorities) a;

  -- Public figures for Nottingham City's wards (ONS, MHCLG; OGL v3.0).
  CREATE TEMPORARY TABLE reference_ward (idx int, code text, name text, lon float8, lat float8,
                                         population int, children int, imd numeric) ON COMMIT DROP;
  INSERT INTO reference_ward VALUES
    ( 1, 'E05012270', 'Aspley', -1.20886, 52.97888, 19560, 6758, 54.693),
    ( 2, 'E05012271', 'Basford', -1.18279, 52.98513, 16780, 3946, 34.644),
    ( 3, 'E05012272', 'Berridge', -1.16535, 52.97621, 17436, 4257, 32.526),
    ( 4, 'E05012273', 'Bestwood', -1.16100, 53.00053, 16995, 4492, 43.346),
    ( 5, 'E05012274', 'Bilborough', -1.22782, 52.96686, 16737, 4358, 48.735),
    ( 6, 'E05012275', 'Bulwell', -1.20383, 53.00425, 16328, 4291, 52.933),
    ( 7, 'E05012276', 'Bulwell Forest', -1.18096, 53.00359, 13352, 2847, 28.131),
    ( 8, 'E05012277', 'Castle', -1.15339, 52.95019, 15429, 656, 18.354),
    ( 9, 'E05012278', 'Clifton East', -1.17566, 52.90268, 16865, 4026, 36.891),
    (10, 'E05012279', 'Clifton West', -1.18283, 52.91327, 10744, 1889, 24.556),
    (11, 'E05012280', 'Dales', -1.11088, 52.95195, 17047, 4293, 38.147),
    (12, 'E05012281', 'Hyson Green & Arboretum', -1.16686, 52.96346, 26873, 4372, 39.112),
    (13, 'E05012282', 'Leen Valley', -1.19505, 52.96772, 9139, 2341, 24.342),
    (14, 'E05012283', 'Lenton & Wollaton East', -1.18586, 52.93768, 24076, 2034, 21.007),
    (15, 'E05012284', 'Mapperley', -1.13480, 52.97247, 16544, 3381, 31.587),
    (16, 'E05012285', 'Meadows', -1.15135, 52.93980, 10654, 2305, 36.020),
    (17, 'E05012286', 'Radford', -1.17509, 52.95624, 17414, 1906, 30.390),
    (18, 'E05012287', 'St. Ann''s', -1.13614, 52.95990, 23812, 4113, 43.078),
    (19, 'E05012288', 'Sherwood', -1.14814, 52.98601, 16084, 3386, 28.131),
    (20, 'E05012289', 'Wollaton West', -1.21627, 52.95050, 15229, 3634, 10.812);

  -- Wards: authority 1 as published; others vary the same shape.
  INSERT INTO fh.ward (ward_code, authority_id, ward_name, population_total, children_0_17,
                       children_0_4, children_5_9, children_10_17, imd_score, pct_global_majority,
                       centroid_lon, centroid_lat)
  SELECT code, a, name, population, children, c04, c59, children - c04 - c59, imd,
         round(least(85, greatest(8, 18 + 0.75 * imd + 14 * (u(k, 3, s) - 0.5)))::numeric, 1),
         lon, lat
    FROM (SELECT a, r.name, r.lon, r.lat, a * 1000 + r.idx AS k,
                 CASE WHEN a = 1 THEN r.code ELSE 'X' || lpad(a::text, 4, '0') || lpad(r.idx::text, 4, '0') END AS code,
                 CASE WHEN a = 1 THEN r.population
                      ELSE round(r.population * (0.85 + 0.3 * u(a * 1000 + r.idx, 1, s)))::int END AS population,
                 CASE WHEN a = 1 THEN r.children
                      ELSE round(r.children * (0.85 + 0.3 * u(a * 1000 + r.idx, 1, s)))::int END AS children,
                 CASE WHEN a = 1 THEN r.imd
                      ELSE round(r.imd * (0.8 + 0.4 * u(a * 1000 + r.idx, 2, s))::numeric, 3) END AS imd
            FROM generate_series(1, p_authorities) a, reference_ward r) w,
         LATERAL (SELECT round(w.children * (0.27 + 0.04 * u(w.k, 4, s)))::int AS c04,
                         round(w.children * (0.26 + 0.03 * u(w.k, 5, s)))::int AS c59) bands;

  -- Three localities (Family Hub areas) split north to south.
  INSERT INTO fh.locality
  SELECT a * 10 + l, a, (ARRAY['North', 'Central', 'South'])[l] || ' locality'
    FROM generate_series(1, p_authorities) a, generate_series(1, 3) l;

  INSERT INTO fh.ward_locality
  SELECT w.ward_code,
         w.authority_id * 10 + CASE WHEN w.centroid_lat > 52.975 THEN 1
                                    WHEN w.centroid_lat > 52.945 THEN 2 ELSE 3 END
    FROM fh.ward w;

  -- Per locality: a Core team, an Adolescence team and an Early Help hub team.
  INSERT INTO fh.team
  SELECT l.locality_id * 10 + t, l.authority_id,
         replace(l.locality_name, ' locality', '') || ' ' ||
           (ARRAY['Core Family Help', 'Adolescence Family Help', 'Early Help hub'])[t],
         (ARRAY['core', 'adolescence', 'early'])[t], l.locality_id
    FROM fh.locality l, generate_series(1, 3) t;

  -- Pseudonymous references, deterministic for the demo and unrelated to the
  -- internal key's order (a council's data team supplies its own, or lets
  -- the column's default draw them). Given at insert: an UPDATE of the
  -- column's random defaults collides with them (the unique key is checked
  -- row by row), which at scale 50 it did.
  INSERT INTO fh.worker (worker_id, team_id, display_name, role, fte, active_from, active_to, worker_ref)
  SELECT k.worker_id, k.team_id, 'Worker ' || k.worker_id,
         CASE WHEN k.n = 1 THEN 'senior_family_help_worker' ELSE 'family_help_worker' END,
         CASE WHEN u(k.worker_id, 1, s) < 0.68 THEN 1.0
              WHEN u(k.worker_id, 1, s) < 0.84 THEN 0.8
              WHEN u(k.worker_id, 1, s) < 0.94 THEN 0.6 ELSE 0.5 END,
         date '2020-04-01', NULL,
         'W' || (10000 + (row_number() OVER (ORDER BY hashint4(k.worker_id + s), k.worker_id) * 31) % 90000)
    FROM (SELECT t.team_id * 100 + n AS worker_id, t.team_id, n
            FROM fh.team t,
                 generate_series(1, CASE t.service WHEN 'core' THEN 10 WHEN 'adolescence' THEN 5 ELSE 4 END) n) k;

  -- Referrals: per ward and month, a rate that rises with deprivation, a
  -- seasonal pattern, a gentle upward trend and noise.
  CREATE TEMPORARY TABLE gen_referral ON COMMIT DROP AS
  SELECT row_number() OVER (ORDER BY w.ward_code, m.month, i) + w.authority_id::bigint * 100000000 AS referral_id,
         w.authority_id, w.ward_code, m.month, i
    FROM fh.ward w
    CROSS JOIN LATERAL (SELECT generate_series(first_month, date '2026-10-01', interval '1 month')::date AS month) m
    CROSS JOIN LATERAL generate_series(1, floor(
        w.children_0_17 * (600 + 30 * w.imd_score) / 10000.0 / 12.0
        * season(extract(month FROM m.month)::int)
        * (1 + 0.025 * (m.month - first_month) / 365.0)
        * (0.88 + 0.24 * u(hashtext(w.ward_code)::bigint * 1000 + (m.month - first_month), 1, s))
        -- each ward's own character: demand follows deprivation, not exactly
        * (0.82 + 0.36 * u(hashtext(w.ward_code)::bigint, 7, s)))::int) i;


  CREATE TEMPORARY TABLE gen_referral2 ON COMMIT DROP AS
  SELECT g.referral_id, g.authority_id, g.ward_code,
         floor(power(u(g.referral_id, 1, s), 0.92) * 18)::smallint AS age,
         (g.month + CASE WHEN extract(month FROM g.month) = 12 AND u(g.referral_id, 2, s) < 0.78
                         THEN floor(u(g.referral_id, 3, s) * 20)
                         ELSE floor(u(g.referral_id, 3, s) * extract(day FROM g.month + interval '1 month' - interval '1 day')) END::int) AS received_on,
         u(g.referral_id, 4, s) AS u_source,
         u(g.referral_id, 5, s) AS u_route,
         u(g.referral_id, 6, s) AS u_decision,
         u(g.referral_id, 7, s) AS u_service,
         u(g.referral_id, 8, s) AS u_delay
    FROM gen_referral g;

  -- About one referral in ten is about a child referred before, in the
  -- same ward, a few weeks to 15 months earlier, whose earlier referral was
  -- accepted for Family Help (re-referrals, as in life); most of these are
  -- accepted again.
  CREATE INDEX ON gen_referral2 (ward_code, received_on, referral_id);
  ANALYZE gen_referral2;
  CREATE TEMPORARY TABLE gen_repeat ON COMMIT DROP AS
  SELECT g.referral_id, p.referral_id AS first_id,
         (p.age + (g.received_on - p.received_on) / 365)::smallint AS age
    FROM gen_referral2 g
    CROSS JOIN LATERAL (SELECT q.referral_id, q.age, q.received_on
                          FROM gen_referral2 q
                         WHERE q.ward_code = g.ward_code
                           AND q.received_on <= g.received_on - (20 + floor(u(g.referral_id, 16, s) * 440))::int
                           AND u(q.referral_id, 15, s) >= 0.10
                           AND q.u_decision >= 0.56 AND q.u_decision < 0.885
                         ORDER BY q.received_on DESC, q.referral_id DESC
                         LIMIT 1) p
   WHERE u(g.referral_id, 15, s) < 0.10
     AND p.age + (g.received_on - p.received_on) / 365 <= 17;
  UPDATE gen_referral2 g
     SET age = r.age,
         u_decision = CASE WHEN u(g.referral_id, 19, s) < 0.6 THEN 0.56 + 0.325 * u(g.referral_id, 20, s)
                           ELSE g.u_decision END
    FROM gen_repeat r WHERE r.referral_id = g.referral_id;

  INSERT INTO fh.family (family_id, authority_id, ward_code)
  SELECT referral_id, authority_id, ward_code
    FROM gen_referral2 g
   WHERE NOT EXISTS (SELECT 1 FROM gen_repeat r WHERE r.referral_id = g.referral_id);

  INSERT INTO fh.child (child_id, family_id, birth_month)
  SELECT referral_id, referral_id,
         date_trunc('month', received_on - make_interval(years => age, months => floor(u_delay * 11)::int))::date
    FROM gen_referral2 g
   WHERE NOT EXISTS (SELECT 1 FROM gen_repeat r WHERE r.referral_id = g.referral_id);

  INSERT INTO fh.referral
  SELECT g.referral_id, authority_id, coalesce(rp.first_id, g.referral_id), coalesce(rp.first_id, g.referral_id),
         ward_code, g.age, received_on,
         CASE WHEN u_source < 0.24 THEN 'school' WHEN u_source < 0.42 THEN 'police'
              WHEN u_source < 0.60 THEN 'health' WHEN u_source < 0.72 THEN 'self_family'
              WHEN u_source < 0.84 THEN 'council' WHEN u_source < 0.93 THEN 'voluntary'
              ELSE 'other' END,
         CASE WHEN u_route < 0.72 THEN 'mash' ELSE 'community' END,
         CASE WHEN u_decision < 0.33 THEN 'nfa' WHEN u_decision < 0.56 THEN 'universal'
              WHEN u_decision < 0.76 THEN 'early_help'
              WHEN u_decision < 0.885 THEN CASE WHEN g.age >= 10 AND u_service < 0.58
                                               THEN 'targeted_adolescence' ELSE 'targeted_core' END
              ELSE 'statutory' END,
         received_on + CASE WHEN u_delay < 0.55 THEN 0 WHEN u_delay < 0.86 THEN 1
                            ELSE 2 + floor((u_delay - 0.86) * 28)::int END
    FROM gen_referral2 g
    LEFT JOIN gen_repeat rp ON rp.referral_id = g.referral_id;

  -- Episodes from the referrals that led to Family Help.
  INSERT INTO fh.episode
  SELECT r.referral_id, r.authority_id, r.family_id, r.child_id, r.ward_code, r.referral_id,
         r.age_at_referral, lv.level, lv.service, st.started_on,
         CASE WHEN st.started_on + dur.days <= last_day THEN st.started_on + dur.days END,
         CASE WHEN lv.level = 'targeted' THEN 'council'
              WHEN u(r.referral_id, 12, s) < 0.35 THEN 'school'
              WHEN u(r.referral_id, 12, s) < 0.55 THEN 'health'
              WHEN u(r.referral_id, 12, s) < 0.80 THEN 'voluntary'
              WHEN u(r.referral_id, 12, s) < 0.90 THEN 'council' ELSE 'other' END,
         CASE WHEN lv.level = 'early' THEN u(r.referral_id, 13, s) < 0.82
              ELSE u(r.referral_id, 13, s) < 0.30 END,
         CASE WHEN st.started_on + dur.days > last_day THEN NULL
              WHEN u(r.referral_id, 14, s) < 0.56 THEN 'needs_met'
              WHEN u(r.referral_id, 14, s) < 0.68 THEN CASE WHEN lv.level = 'targeted' THEN 'stepped_down' ELSE 'needs_met' END
              WHEN u(r.referral_id, 14, s) < 0.78 THEN 'stepped_up'
              WHEN u(r.referral_id, 14, s) < 0.90 THEN 'disengaged'
              WHEN u(r.referral_id, 14, s) < 0.96 THEN 'moved_away' ELSE 'other' END
    FROM fh.referral r
    CROSS JOIN LATERAL (SELECT CASE WHEN r.decision = 'early_help' THEN 'early' ELSE 'targeted' END AS level,
                               CASE r.decision WHEN 'targeted_core' THEN 'core'
                                               WHEN 'targeted_adolescence' THEN 'adolescence' END AS service) lv
    CROSS JOIN LATERAL (SELECT r.decided_on + floor(u(r.referral_id, 10, s) * 12)::int AS started_on) st
    CROSS JOIN LATERAL (SELECT CASE WHEN lv.level = 'early' THEN 80 + floor(u(r.referral_id, 11, s) * 200)::int
                                    ELSE 50 + floor(power(u(r.referral_id, 11, s), 1.3) * 190)::int END AS days) dur
   WHERE r.decision IN ('early_help', 'targeted_core', 'targeted_adolescence')
     AND st.started_on <= last_day;

  -- Needs: adolescents in the Adolescence service (and some in Core) have
  -- needs connected to exploitation, missing, ASB, criminality or education.
  INSERT INTO fh.episode_need
  SELECT DISTINCT e.episode_id,
         CASE WHEN n = 1 AND (e.service = 'adolescence'
                              OR (e.service = 'core' AND e.age_at_start >= 10 AND u(e.episode_id, 20, s) < 0.25))
              THEN (ARRAY['exploitation', 'missing', 'asb', 'criminality', 'education'])
                     [1 + floor(u(e.episode_id, 21, s) * 5)::int]
              WHEN e.age_at_start >= 10 AND u(e.episode_id, 22 + n, s) < 0.15
              THEN (ARRAY['education', 'asb', 'missing', 'child_mental_health', 'exploitation'])
                     [1 + floor(u(e.episode_id, 25 + n, s) * 5)::int]
              ELSE (ARRAY['parenting', 'parenting', 'domestic_abuse', 'domestic_abuse',
                          'parental_mental_health', 'child_mental_health', 'send', 'neglect',
                          'housing', 'financial_hardship', 'financial_hardship', 'substance_misuse',
                          'education'])[1 + floor(u(e.episode_id, 28 + n, s) * 13)::int]
         END
    FROM fh.episode e
    CROSS JOIN LATERAL generate_series(1, 1 + floor(u(e.episode_id, 19, s) * 2.6)::int) n;

  -- Allocations: targeted episodes to a worker of the ward's locality and
  -- service; council-led early episodes to the Early Help hub. Some workers
  -- carry more than others, and recent episodes may still wait.
  INSERT INTO fh.allocation
  SELECT e.episode_id, e.episode_id, w.worker_id, e.started_on + wait.days, e.ended_on
    FROM fh.episode e
    JOIN fh.ward_locality wl ON wl.ward_code = e.ward_code
    JOIN fh.team t ON t.locality_id = wl.locality_id
                  AND t.service = coalesce(e.service, 'early')
    CROSS JOIN LATERAL (SELECT count(*) AS n FROM fh.worker x WHERE x.team_id = t.team_id) tw
    CROSS JOIN LATERAL (SELECT floor(power(u(e.episode_id, 40, s), 2.2) * 30)::int AS days) wait
    JOIN fh.worker w ON w.team_id = t.team_id
                    AND w.worker_id = t.team_id * 100 + 1 + floor(power(u(e.episode_id, 41, s), 1.25) * tw.n)::int
   WHERE (e.level = 'targeted' OR e.lead_agency = 'council')
     AND e.started_on + wait.days <= last_day
     AND (e.ended_on IS NULL OR e.started_on + wait.days <= e.ended_on);

  -- What real extracts have: requests still waiting for a decision, episodes
  -- a partner started without a referral, episodes with no need recorded yet,
  -- and a few records whose ward was not known at extraction.
  UPDATE fh.referral r SET decision = NULL, decided_on = NULL
   WHERE r.received_on > last_day - 10 AND u(r.referral_id, 17, s) < 0.5
     AND NOT EXISTS (SELECT 1 FROM fh.episode e WHERE e.referral_id = r.referral_id);
  UPDATE fh.episode e SET referral_id = NULL
   WHERE e.level = 'early' AND e.lead_agency <> 'council' AND u(e.episode_id, 18, s) < 0.03;
  DELETE FROM fh.episode_need n
   WHERE n.episode_id IN (SELECT e.episode_id FROM fh.episode e
                           WHERE u(e.episode_id, 22, s) < 0.004
                              OR (e.ended_on IS NULL AND e.started_on > last_day - 14 AND u(e.episode_id, 23, s) < 0.3));
  UPDATE fh.referral r SET ward_code = NULL WHERE u(r.referral_id, 24, s) < 0.002;
  UPDATE fh.episode e SET ward_code = NULL WHERE u(e.episode_id, 24, s) < 0.002;

  -- Mid-year populations 2020 to 2026: authority 1's 2020 figures are the
  -- published ones (fh.ward); later years are synthetic, growing about half
  -- a per cent a year with some noise. fh.ward keeps the latest year.
  INSERT INTO fh.ward_population (ward_code, year, population_total, children_0_4, children_5_9, children_10_17)
  SELECT w.ward_code, y,
         round(w.population_total * g.f)::int,
         round(w.children_0_4 * g.f)::int, round(w.children_5_9 * g.f)::int, round(w.children_10_17 * g.f)::int
    FROM fh.ward w
    CROSS JOIN generate_series(2020, 2026) y
    CROSS JOIN LATERAL (SELECT CASE WHEN y = 2020 THEN 1.0
                                    ELSE power(1.005, y - 2020) * (0.99 + 0.02 * u(hashtext(w.ward_code)::bigint * 100 + y, 25, s))
                               END AS f) g;
  UPDATE fh.ward w
     SET population_total = p.population_total, children_0_4 = p.children_0_4,
         children_5_9 = p.children_5_9, children_10_17 = p.children_10_17,
         children_0_17 = p.children_0_17
    FROM fh.ward_population p
   WHERE p.ward_code = w.ward_code AND p.year = 2026;

  PERFORM fh_demo.generate_indicators(p_authorities, p_seed);

  INSERT INTO fh.extract_log
  SELECT a, timestamptz '2026-11-01 06:00:00+00', 'demo generator'
    FROM generate_series(1, p_authorities) a;
END;
$gen$;

-- Indicators for the four priorities: baseline (March 2022), target (March
-- 2027) and quarterly values. "progress" is how far along the straight line
-- from baseline to target each one has got (1 on track, below 1 behind,
-- negative going the wrong way); one has no data yet.
CREATE OR REPLACE FUNCTION fh_demo.generate_indicators(p_authorities int, p_seed int)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, fh, fh_demo
AS $ind$
DECLARE
  s int := p_seed;
BEGIN
  CREATE TEMPORARY TABLE reference_indicator (k int, priority int, code text, name text, unit text,
                                              polarity text, baseline numeric, target numeric,
                                              progress float8, noise float8, source text,
                                              has_data boolean) ON COMMIT DROP;
  INSERT INTO reference_indicator VALUES
    ( 1, 1, 'cin_rate', 'Children in need per 10,000 children', 'rate_per_10k', 'lower_is_better', 420, 380, 0.95, 6, 'Children in Need census (DfE)', true),
    ( 2, 1, 'cp_rate', 'Children subject to a child protection plan per 10,000 children', 'rate_per_10k', 'lower_is_better', 62, 50, 0.45, 2.5, 'Children in Need census (DfE)', true),
    ( 3, 1, 'cla_rate', 'Children in care per 10,000 children', 'rate_per_10k', 'lower_is_better', 110, 100, -0.4, 1.5, 'SSDA903 return (DfE)', true),
    ( 4, 1, 'rereferral_12m', 'Re-referrals within 12 months', 'percent', 'lower_is_better', 24.0, 18.0, 1.1, 0.8, 'Case management system', true),
    ( 5, 1, 'parenting_completion', 'Parents completing a parenting programme', 'percent', 'higher_is_better', 62, 75, 0.8, 1.5, 'Family Hub records', true),
    ( 6, 2, 'gld', 'Children reaching a Good Level of Development at age 5', 'percent', 'higher_is_better', 60.1, 75.0, 0.45, 0.6, 'EYFS profile (DfE)', true),
    ( 7, 2, 'neet_nk', '16–17 year olds not in education, employment or training, or not known', 'percent', 'lower_is_better', 8.9, 6.0, 0.7, 0.3, 'NCCIS (DfE)', true),
    ( 8, 2, 'persistent_absence', 'Pupils persistently absent', 'percent', 'lower_is_better', 27.5, 20.0, 0.55, 0.7, 'School census (DfE)', true),
    ( 9, 2, 'suspension_rate', 'Suspensions per 10,000 pupils', 'rate_per_10k', 'lower_is_better', 1210, 950, 0.2, 35, 'Exclusions statistics (DfE)', true),
    (10, 2, 'yj_first_time_entrants', 'Youth justice first-time entrants per 100,000 aged 10–17', 'rate_per_100k', 'lower_is_better', 260, 200, 1.05, 9, 'Youth Justice Board', true),
    (11, 3, 'taf_led_episodes', 'Early Help episodes led through a Team Around the Family', 'percent', 'higher_is_better', 58, 75, 0.95, 1.5, 'Case management system', true),
    (12, 3, 'mash_one_day', 'MASH decisions within one working day', 'percent', 'higher_is_better', 78, 90, 1.1, 1.5, 'MASH records', true),
    (13, 3, 'partner_lead', 'Early Help episodes with a partner lead professional', 'percent', 'higher_is_better', 45, 60, 0.6, 1.5, 'Case management system', true),
    (14, 4, 'data_completeness', 'Family Help records complete for key fields', 'percent', 'higher_is_better', 81, 95, 1.05, 0.8, 'Data quality report', true),
    (15, 4, 'shared_record_partners', 'Partner agencies using the shared family record', 'count', 'higher_is_better', 12, 30, 0.8, 0.5, 'Partnership data team', true),
    (16, 4, 'family_hub_registrations', 'Families registered with a Family Hub', 'percent', 'higher_is_better', NULL, 60, 0, 0, 'Family Hub records (new measure: first data due 2027)', false);

  INSERT INTO fh.indicator
  SELECT a * 100 + r.k, a, r.priority, r.code, r.name, r.unit, r.polarity,
         r.baseline, CASE WHEN r.baseline IS NULL THEN NULL ELSE date '2022-03-31' END,
         r.target, date '2027-03-31', r.source
    FROM generate_series(1, p_authorities) a, reference_indicator r;

  INSERT INTO fh.indicator_value
  SELECT i.indicator_id, q.period_end,
         round((r.baseline
                + (r.target - r.baseline)
                  * ((q.period_end - date '2022-03-31') / (date '2027-03-31' - date '2022-03-31')::float8)
                  * (r.progress + CASE WHEN a.a > 1 THEN 0.6 * (u(i.indicator_id, 1, s) - 0.5) ELSE 0 END)
                + r.noise * 2 * (u(i.indicator_id * 1000 + q.n, 2, s) - 0.5))::numeric,
               CASE WHEN r.unit = 'count' THEN 0 ELSE 1 END),
         NULL, NULL
    FROM reference_indicator r
    JOIN generate_series(1, p_authorities) a(a) ON true
    JOIN fh.indicator i ON i.indicator_id = a.a * 100 + r.k
    CROSS JOIN LATERAL (SELECT n, (date '2022-03-31' + make_interval(months => 3 * n) + interval '1 day' - interval '1 day')::date AS period_end
                          FROM generate_series(0, 18) n) q
   WHERE r.has_data;

  -- Quarter ends fall on the last day of June, September, December and March.
  UPDATE fh.indicator_value
     SET period_end = (date_trunc('month', period_end) + interval '1 month' - interval '1 day')::date;
END;
$ind$;

RESET ROLE;
