-- 02-schema.sql — the Family Help data contract (docs/data-contract.md)
--
-- Schema fh holds the person-level and reference tables that a council's
-- data team fills from its case-management system. Rows are pseudonymous:
-- no names or addresses of children or families, month of birth at most.
-- Only fh_owner can read them; the dashboard reads the reporting schema.

CREATE SCHEMA fh AUTHORIZATION fh_owner;
REVOKE ALL ON SCHEMA fh FROM PUBLIC;
SET ROLE fh_owner;

CREATE TABLE fh.authority (
  authority_id   integer PRIMARY KEY,
  authority_code text NOT NULL UNIQUE,
  authority_name text NOT NULL
);

CREATE TABLE fh.ward (
  ward_code           text PRIMARY KEY,            -- ONS code, E05…
  authority_id        integer NOT NULL REFERENCES fh.authority,
  ward_name           text NOT NULL,
  population_total    integer NOT NULL CHECK (population_total >= 0),
  children_0_17       integer NOT NULL CHECK (children_0_17 >= 0),
  children_0_4        integer NOT NULL CHECK (children_0_4 >= 0),
  children_5_9        integer NOT NULL CHECK (children_5_9 >= 0),
  children_10_17      integer NOT NULL CHECK (children_10_17 >= 0),
  imd_score           numeric(6,3) CHECK (imd_score >= 0),
  pct_global_majority numeric(4,1) CHECK (pct_global_majority BETWEEN 0 AND 100),
  centroid_lon        double precision CHECK (centroid_lon BETWEEN -180 AND 180),
  centroid_lat        double precision CHECK (centroid_lat BETWEEN -90 AND 90),
  boundary            jsonb CHECK (boundary IS NULL OR boundary->>'type' IN ('Polygon', 'MultiPolygon')),
  CHECK (children_0_4 + children_5_9 + children_10_17 = children_0_17),
  CHECK (children_0_17 <= population_total)
);
CREATE INDEX ward_authority_idx ON fh.ward (authority_id);

-- Mid-year population estimates by ward, year and age band (ONS small-area
-- estimates). A rate uses the latest year at or before the middle of its
-- period. fh.ward's own population columns hold the latest year, for
-- profiles.
CREATE TABLE fh.ward_population (
  ward_code        text NOT NULL REFERENCES fh.ward ON DELETE CASCADE,
  year             integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),   -- mid-year (30 June)
  population_total integer NOT NULL CHECK (population_total >= 0),
  children_0_4     integer NOT NULL CHECK (children_0_4 >= 0),
  children_5_9     integer NOT NULL CHECK (children_5_9 >= 0),
  children_10_17   integer NOT NULL CHECK (children_10_17 >= 0),
  children_0_17    integer GENERATED ALWAYS AS (children_0_4 + children_5_9 + children_10_17) STORED,
  PRIMARY KEY (ward_code, year),
  CHECK (children_0_4 + children_5_9 + children_10_17 <= population_total)
);

CREATE TABLE fh.locality (
  locality_id   integer PRIMARY KEY,
  authority_id  integer NOT NULL REFERENCES fh.authority,
  locality_name text NOT NULL,                     -- a locality or Family Hub
  UNIQUE (authority_id, locality_name)
);

CREATE TABLE fh.ward_locality (
  ward_code   text PRIMARY KEY REFERENCES fh.ward,
  locality_id integer NOT NULL REFERENCES fh.locality
);

CREATE TABLE fh.team (
  team_id      integer PRIMARY KEY,
  authority_id integer NOT NULL REFERENCES fh.authority,
  team_name    text NOT NULL,
  service      text NOT NULL CHECK (service IN ('core', 'adolescence', 'early')),
  locality_id  integer REFERENCES fh.locality,
  UNIQUE (authority_id, team_name)
);

-- A worker's reference is what the reporting layer shows instead of a name
-- or the internal key: stable, unique, and telling nothing about either.
CREATE FUNCTION fh.new_worker_ref()
RETURNS text
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, fh, pg_temp
AS $$
DECLARE
  candidate text;
BEGIN
  LOOP
    candidate := 'W' || (10000 + floor(random() * 90000))::int;
    EXIT WHEN NOT EXISTS (SELECT 1 FROM fh.worker WHERE worker_ref = candidate);
  END LOOP;
  RETURN candidate;
END;
$$;

CREATE TABLE fh.worker (
  worker_id    integer PRIMARY KEY,
  team_id      integer NOT NULL REFERENCES fh.team,
  display_name text,                               -- managers only; never in the reporting layer
  role         text NOT NULL CHECK (role IN ('family_help_worker', 'senior_family_help_worker',
                                             'lead_practitioner', 'team_manager')),
  fte          numeric(3,2) NOT NULL CHECK (fte > 0 AND fte <= 1),
  active_from  date NOT NULL,
  active_to    date,
  worker_ref   text NOT NULL UNIQUE DEFAULT fh.new_worker_ref() CHECK (worker_ref ~ '^W[0-9]{5}$'),
  CHECK (active_to IS NULL OR active_to >= active_from)
);
CREATE INDEX worker_team_idx ON fh.worker (team_id);

CREATE TABLE fh.family (
  family_id    bigint PRIMARY KEY,
  authority_id integer NOT NULL REFERENCES fh.authority,
  ward_code    text NOT NULL REFERENCES fh.ward
);

CREATE TABLE fh.child (
  child_id    bigint PRIMARY KEY,
  family_id   bigint NOT NULL REFERENCES fh.family,
  birth_month date NOT NULL CHECK (extract(day FROM birth_month) = 1)
);
CREATE INDEX child_family_idx ON fh.child (family_id);

CREATE TABLE fh.referral (
  referral_id     bigint PRIMARY KEY,
  authority_id    integer NOT NULL REFERENCES fh.authority,
  child_id        bigint NOT NULL REFERENCES fh.child,
  family_id       bigint NOT NULL REFERENCES fh.family,
  ward_code       text REFERENCES fh.ward,          -- NULL: not known at extraction
  age_at_referral smallint NOT NULL CHECK (age_at_referral BETWEEN 0 AND 17),
  received_on     date NOT NULL,
  source          text NOT NULL CHECK (source IN ('school', 'police', 'health', 'self_family',
                                                  'council', 'voluntary', 'other')),
  route           text NOT NULL CHECK (route IN ('mash', 'community')),
  decision        text CHECK (decision IN ('nfa', 'universal', 'early_help', 'targeted_core',
                                           'targeted_adolescence', 'statutory')),
  decided_on      date,
  CHECK ((decision IS NULL) = (decided_on IS NULL)),
  CHECK (decided_on IS NULL OR decided_on >= received_on)
);
-- Covering the demand measures (children and re-referrals) and the front
-- door (route, decided_on): they come from the index alone.
CREATE INDEX referral_authority_received_idx
  ON fh.referral (authority_id, received_on)
  INCLUDE (ward_code, age_at_referral, source, decision, child_id, referral_id, route, decided_on);
CREATE INDEX referral_child_idx ON fh.referral (child_id, received_on) INCLUDE (decision, referral_id);

CREATE TABLE fh.episode (
  episode_id     bigint PRIMARY KEY,
  authority_id   integer NOT NULL REFERENCES fh.authority,
  family_id      bigint NOT NULL REFERENCES fh.family,
  child_id       bigint NOT NULL REFERENCES fh.child,
  ward_code      text REFERENCES fh.ward,           -- NULL: not known at extraction
  referral_id    bigint REFERENCES fh.referral,    -- NULL: started without a referral (partner-led)
  age_at_start   smallint NOT NULL CHECK (age_at_start BETWEEN 0 AND 17),
  level          text NOT NULL CHECK (level IN ('early', 'targeted')),
  service        text CHECK (service IN ('core', 'adolescence')),
  started_on     date NOT NULL,
  ended_on       date,
  lead_agency    text NOT NULL CHECK (lead_agency IN ('council', 'school', 'health', 'police',
                                                      'voluntary', 'other')),
  taf_in_place   boolean NOT NULL DEFAULT false,
  closure_reason text CHECK (closure_reason IN ('needs_met', 'stepped_up', 'stepped_down',
                                                'disengaged', 'moved_away', 'other')),
  CHECK ((level = 'targeted') = (service IS NOT NULL)),
  CHECK (service IS DISTINCT FROM 'adolescence' OR age_at_start >= 10),
  CHECK (ended_on IS NULL OR ended_on >= started_on),
  CHECK ((ended_on IS NULL) = (closure_reason IS NULL))
);
CREATE INDEX episode_authority_started_idx
  ON fh.episode (authority_id, started_on)
  INCLUDE (ward_code, level, service, ended_on, age_at_start, child_id, referral_id, episode_id);
CREATE INDEX episode_open_idx
  ON fh.episode (authority_id, ended_on)
  INCLUDE (started_on, ward_code, level, service, age_at_start, child_id, referral_id, episode_id);
CREATE INDEX episode_referral_idx ON fh.episode (referral_id);

CREATE TABLE fh.episode_need (
  episode_id bigint NOT NULL REFERENCES fh.episode ON DELETE CASCADE,
  need       text NOT NULL CHECK (need IN ('exploitation', 'missing', 'asb', 'criminality',
                                           'education', 'domestic_abuse', 'parental_mental_health',
                                           'substance_misuse', 'send', 'housing', 'parenting',
                                           'child_mental_health', 'neglect', 'financial_hardship')),
  PRIMARY KEY (episode_id, need)
);
CREATE INDEX episode_need_need_idx ON fh.episode_need (need, episode_id);

CREATE TABLE fh.allocation (
  allocation_id  bigint PRIMARY KEY,
  episode_id     bigint NOT NULL REFERENCES fh.episode ON DELETE CASCADE,
  worker_id      integer NOT NULL REFERENCES fh.worker,
  allocated_from date NOT NULL,
  allocated_to   date,
  CHECK (allocated_to IS NULL OR allocated_to >= allocated_from)
);
CREATE INDEX allocation_worker_idx ON fh.allocation (worker_id, allocated_from) INCLUDE (allocated_to, episode_id);
CREATE INDEX allocation_episode_idx ON fh.allocation (episode_id);

CREATE TABLE fh.priority (
  priority_number integer PRIMARY KEY CHECK (priority_number BETWEEN 1 AND 4),
  title           text NOT NULL
);

CREATE TABLE fh.indicator (
  indicator_id    integer PRIMARY KEY,
  authority_id    integer NOT NULL REFERENCES fh.authority,
  priority_number integer NOT NULL REFERENCES fh.priority,
  indicator_code  text NOT NULL,
  indicator_name  text NOT NULL,
  unit            text NOT NULL CHECK (unit IN ('rate_per_10k', 'rate_per_100k', 'percent', 'count', 'days')),
  polarity        text NOT NULL CHECK (polarity IN ('higher_is_better', 'lower_is_better')),
  baseline        numeric,
  baseline_period date,
  target          numeric,
  target_date     date,
  source          text NOT NULL,
  UNIQUE (authority_id, indicator_code)
);

CREATE TABLE fh.indicator_value (
  indicator_id integer NOT NULL REFERENCES fh.indicator ON DELETE CASCADE,
  period_end   date NOT NULL,
  value        numeric NOT NULL,
  numerator    bigint CHECK (numerator >= 0),
  denominator  bigint CHECK (denominator > 0),
  PRIMARY KEY (indicator_id, period_end)
);

CREATE TABLE fh.extract_log (
  authority_id integer NOT NULL REFERENCES fh.authority,
  extracted_at timestamptz NOT NULL,
  source_system text,
  PRIMARY KEY (authority_id, extracted_at)
);

RESET ROLE;
