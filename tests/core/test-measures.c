/* test-measures.c — the demand measures on cases made to test their edges
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small authority of its own (id 990, two wards) with a child referred
 * again exactly twelve months later and once more a day too late, a child
 * with two open episodes, a request with no Family Help, a record whose ward
 * is unknown, and populations for two years. Its figures are counted by
 * hand below and compared with reporting.demand_measures as a manager
 * asking for exact figures; the reader gets none of them. The intervals
 * computed in SQL are held against the core's (fh-rate-interval.c).
 */
#include <math.h>
#include <stdlib.h>

#include <libpq-fe.h>

#include "fh-rate-interval.h"

static const char *reader_conninfo;
static const char *owner_conninfo;

static PGconn *
connect_as (const char *conninfo, const char *user)
{
  g_autofree char *full = user ? g_strdup_printf ("%s user=%s", conninfo, user) : g_strdup (conninfo);
  PGconn *conn = PQconnectdb (full);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("cannot connect: %s", PQerrorMessage (conn));
  return conn;
}

static void
run_ok (PGconn *conn, const char *sql)
{
  PGresult *r = PQexec (conn, sql);

  if (PQresultStatus (r) != PGRES_COMMAND_OK && PQresultStatus (r) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (r));
  PQclear (r);
}

static const char *remove_fixture =
  "DELETE FROM fh.episode_need WHERE episode_id IN (SELECT episode_id FROM fh.episode WHERE authority_id = 990);"
  "DELETE FROM fh.episode WHERE authority_id = 990;"
  "DELETE FROM fh.referral WHERE authority_id = 990;"
  "DELETE FROM fh.child WHERE family_id IN (SELECT family_id FROM fh.family WHERE authority_id = 990);"
  "DELETE FROM fh.family WHERE authority_id = 990;"
  "DELETE FROM fh.ward_population WHERE ward_code LIKE 'T99%';"
  "DELETE FROM fh.ward WHERE authority_id = 990;"
  "DELETE FROM fh.authority WHERE authority_id = 990;";

static void
add_fixture (PGconn *owner)
{
  run_ok (owner, remove_fixture);
  run_ok (owner,
    "INSERT INTO fh.authority VALUES (990, 'T99000000', 'Test authority');"
    "INSERT INTO fh.ward (ward_code, authority_id, ward_name, population_total, children_0_17,"
    "                     children_0_4, children_5_9, children_10_17)"
    "  VALUES ('T9900001', 990, 'First', 5000, 1500, 400, 500, 600),"
    "         ('T9900002', 990, 'Second', 6000, 2500, 800, 800, 900);"
    /* 2024 and 2025 estimates; nothing later */
    "INSERT INTO fh.ward_population (ward_code, year, population_total, children_0_4, children_5_9, children_10_17)"
    "  VALUES ('T9900001', 2024, 5000, 300, 300, 400), ('T9900001', 2025, 5000, 400, 500, 600),"
    "         ('T9900002', 2024, 6000, 600, 600, 800), ('T9900002', 2025, 6000, 800, 800, 900);"
    "INSERT INTO fh.family VALUES (99000001, 990, 'T9900001'), (99000002, 990, 'T9900001'),"
    "                             (99000003, 990, 'T9900002'), (99000004, 990, 'T9900002');"
    "INSERT INTO fh.child VALUES (99000001, 99000001, '2012-01-01'), (99000002, 99000002, '2015-03-01'),"
    "                            (99000003, 99000003, '2018-05-01'), (99000004, 99000004, '2011-07-01');"
    /* child 1: accepted 15 Jun 2024, again exactly 12 months later, and
     * again 12 months and a day after that */
    "INSERT INTO fh.referral VALUES"
    "  (99000001, 990, 99000001, 99000001, 'T9900001', 12, '2024-06-15', 'school', 'mash', 'early_help', '2024-06-15'),"
    "  (99000002, 990, 99000001, 99000001, 'T9900001', 13, '2025-06-15', 'school', 'mash', 'targeted_core', '2025-06-15'),"
    "  (99000003, 990, 99000001, 99000001, 'T9900001', 14, '2026-06-16', 'police', 'mash', 'targeted_core', '2026-06-17'),"
    /* child 2: a request with no further action, and two episodes open at once */
    "  (99000004, 990, 99000002, 99000002, 'T9900001', 10, '2025-05-01', 'health', 'mash', 'nfa', '2025-05-02'),"
    /* child 3: universal services */
    "  (99000005, 990, 99000003, 99000003, 'T9900002', 7, '2025-09-10', 'self_family', 'community', 'universal', '2025-09-10'),"
    /* child 4: ward not known at extraction */
    "  (99000006, 990, 99000004, 99000004, NULL, 14, '2025-10-01', 'council', 'mash', 'early_help', '2025-10-02'),"
    /* still waiting for a decision: not a request yet */
    "  (99000007, 990, 99000003, 99000003, 'T9900002', 7, '2026-03-30', 'school', 'mash', NULL, NULL);"
    "INSERT INTO fh.episode (episode_id, authority_id, family_id, child_id, ward_code, referral_id, age_at_start,"
    "                        level, service, started_on, ended_on, lead_agency, taf_in_place, closure_reason) VALUES"
    "  (99000001, 990, 99000002, 99000002, 'T9900001', NULL, 10, 'early', NULL, '2025-05-01', NULL, 'school', true, NULL),"
    "  (99000002, 990, 99000002, 99000002, 'T9900001', NULL, 10, 'targeted', 'core', '2025-07-01', NULL, 'council', false, NULL);"
    "INSERT INTO fh.episode_need VALUES (99000001, 'parenting'), (99000002, 'housing');");
}

typedef struct {
  gint64 count;
  double rate, lower, upper;
  int    year;
  gboolean suppressed;
} Cell;

/* One cell of demand_measures, as the role @conn is, for @ward (NULL for the
 * authority) and @measure. */
static Cell
cell (PGconn *conn, const char *from, const char *to, const char *ward, const char *measure, gboolean exact)
{
  const char *params[] = { from, to, measure, ward, exact ? "true" : "false" };
  PGresult *r = PQexecParams (conn,
                              "SELECT count, rate, rate_lower95, rate_upper95, population_year, suppressed"
                              "  FROM reporting.demand_measures(990, $1::date, $2::date, p_exact => $5::boolean)"
                              " WHERE measure = $3 AND ward_code IS NOT DISTINCT FROM $4",
                              5, NULL, params, NULL, NULL, 0);
  Cell c = { -1, NAN, NAN, NAN, 0, FALSE };

  if (PQresultStatus (r) != PGRES_TUPLES_OK)
    g_error ("demand_measures: %s", PQresultErrorMessage (r));
  g_assert_cmpint (PQntuples (r), ==, 1);
  if (!PQgetisnull (r, 0, 0))
    c.count = g_ascii_strtoll (PQgetvalue (r, 0, 0), NULL, 10);
  if (!PQgetisnull (r, 0, 1))
    {
      c.rate = g_ascii_strtod (PQgetvalue (r, 0, 1), NULL);
      c.lower = g_ascii_strtod (PQgetvalue (r, 0, 2), NULL);
      c.upper = g_ascii_strtod (PQgetvalue (r, 0, 3), NULL);
    }
  c.year = atoi (PQgetvalue (r, 0, 4));
  c.suppressed = g_str_equal (PQgetvalue (r, 0, 5), "t");
  PQclear (r);
  return c;
}

static void
test_measures_by_hand (void)
{
  PGconn *owner = connect_as (owner_conninfo, NULL);
  PGconn *manager = connect_as (reader_conninfo, "fh_manager");
  const char *fy = "2025-04-01", *fy_end = "2026-03-31";
  struct { const char *ward, *measure; gint64 expected; } cases[] = {
    /* first ward: child 1's re-referral exactly 12 months on, child 2's
     * request and two episodes */
    { "T9900001", "requests", 2 },
    { "T9900001", "accepted", 1 },
    { "T9900001", "rereferrals", 1 },
    { "T9900001", "children_referred", 2 },
    { "T9900001", "episodes_started", 2 },
    { "T9900001", "episodes_open", 2 },
    { "T9900001", "children_open", 1 },
    { "T9900002", "requests", 1 },
    { "T9900002", "accepted", 0 },
    { "T9900002", "rereferrals", 0 },
    /* the authority: the unknown-ward record too, each child once */
    { NULL, "requests", 4 },
    { NULL, "accepted", 2 },
    { NULL, "rereferrals", 1 },
    { NULL, "children_referred", 4 },
    { NULL, "episodes_open", 2 },
    { NULL, "children_open", 1 },
  };

  add_fixture (owner);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Cell c = cell (manager, fy, fy_end, cases[i].ward, cases[i].measure, TRUE);

      if (c.count != cases[i].expected)
        g_error ("%s %s: %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT,
                 cases[i].ward ? cases[i].ward : "authority", cases[i].measure, c.count, cases[i].expected);
      g_assert_false (c.suppressed);
    }

  /* a day more than 12 months: not a re-referral */
  {
    Cell c = cell (manager, "2026-04-01", "2027-03-31", "T9900001", "rereferrals", TRUE);
    Cell a = cell (manager, "2026-04-01", "2027-03-31", "T9900001", "accepted", TRUE);
    g_assert_cmpint (a.count, ==, 1);
    g_assert_cmpint (c.count, ==, 0);
  }

  /* the population year: the latest at or before the period's middle */
  {
    Cell fy25 = cell (manager, fy, fy_end, "T9900001", "requests", TRUE);
    Cell fy24 = cell (manager, "2024-04-01", "2025-03-31", "T9900001", "requests", TRUE);
    Cell straddle = cell (manager, "2024-10-01", "2025-09-30", "T9900001", "requests", TRUE);
    Cell later = cell (manager, "2026-04-01", "2027-03-31", "T9900001", "requests", TRUE);

    g_assert_cmpint (fy25.year, ==, 2025);
    g_assert_cmpfloat_with_epsilon (fy25.rate, round (2 * 100000.0 / 1500) / 10, 1e-9);
    g_assert_cmpint (fy24.year, ==, 2024);
    g_assert_cmpint (fy24.count, ==, 1);
    g_assert_cmpfloat_with_epsilon (fy24.rate, round (1 * 100000.0 / 1000) / 10, 1e-9);
    /* October 2024 to September 2025: its middle is 31 March 2025 */
    g_assert_cmpint (straddle.year, ==, 2024);
    g_assert_cmpint (straddle.count, ==, 2);
    /* no 2026 estimate yet: the latest there is */
    g_assert_cmpint (later.year, ==, 2025);

    /* the interval is Byar's, as the core computes it */
    {
      double lo, hi;
      fh_rate_interval (2, 1500, FH_Z_95, &lo, &hi);
      g_assert_cmpfloat_with_epsilon (fy25.lower, round (lo * 10) / 10, 1e-9);
      g_assert_cmpfloat_with_epsilon (fy25.upper, round (hi * 10) / 10, 1e-9);
    }
  }

  /* the reader gets none of these small counts */
  {
    PGconn *reader = connect_as (reader_conninfo, NULL);
    Cell c = cell (reader, fy, fy_end, "T9900001", "episodes_open", FALSE);
    Cell a = cell (reader, fy, fy_end, NULL, "requests", FALSE);

    g_assert_true (c.suppressed);
    g_assert_cmpint (c.count, ==, -1);
    g_assert_true (isnan (c.rate));
    g_assert_true (a.suppressed);
    PQfinish (reader);
  }

  run_ok (owner, remove_fixture);
  PQfinish (manager);
  PQfinish (owner);
}

/* Every measure of every demo ward, as a manager sees it exactly, against
 * the person-level tables counted another way. */
static void
test_demo_measures_independent (void)
{
  PGconn *owner = connect_as (owner_conninfo, NULL);
  PGconn *manager = connect_as (reader_conninfo, "fh_manager");
  PGresult *shown = PQexec (manager, "SELECT ward_code, measure, count FROM reporting.demand_measures("
                                     "1, '2025-04-01', '2026-03-31', p_exact => true) WHERE ward_code IS NOT NULL");
  /* each measure counted per ward from the tables, in its own words */
  PGresult *exact = PQexec (owner,
    "WITH acc AS ("
    "  SELECT r.* FROM fh.referral r"
    "   WHERE r.authority_id = 1 AND r.decision IN ('early_help', 'targeted_core', 'targeted_adolescence'))"
    " SELECT w.ward_code, m.measure, m.n FROM fh.ward w CROSS JOIN LATERAL (VALUES"
    "  ('requests', (SELECT count(*) FROM fh.referral r WHERE r.ward_code = w.ward_code AND r.decision IS NOT NULL"
    "                 AND r.received_on >= '2025-04-01' AND r.received_on < '2026-04-01')),"
    "  ('accepted', (SELECT count(*) FROM acc r WHERE r.ward_code = w.ward_code"
    "                 AND r.received_on >= '2025-04-01' AND r.received_on < '2026-04-01')),"
    "  ('rereferrals', (SELECT count(*) FROM acc r WHERE r.ward_code = w.ward_code"
    "                 AND r.received_on >= '2025-04-01' AND r.received_on < '2026-04-01'"
    "                 AND EXISTS (SELECT 1 FROM acc p WHERE p.child_id = r.child_id AND p.referral_id <> r.referral_id"
    "                             AND p.received_on < r.received_on"
    "                             AND p.received_on >= (r.received_on - interval '1 year')::date))),"
    "  ('children_referred', (SELECT count(DISTINCT r.child_id) FROM fh.referral r WHERE r.ward_code = w.ward_code"
    "                 AND r.decision IS NOT NULL AND r.received_on >= '2025-04-01' AND r.received_on < '2026-04-01')),"
    "  ('episodes_started', (SELECT count(*) FROM fh.episode e WHERE e.ward_code = w.ward_code"
    "                 AND e.started_on >= '2025-04-01' AND e.started_on < '2026-04-01')),"
    "  ('episodes_open', (SELECT count(*) FROM fh.episode e WHERE e.ward_code = w.ward_code"
    "                 AND e.started_on < '2026-04-01' AND coalesce(e.ended_on, 'infinity') >= '2026-04-01')),"
    "  ('children_open', (SELECT count(DISTINCT e.child_id) FROM fh.episode e WHERE e.ward_code = w.ward_code"
    "                 AND e.started_on < '2026-04-01' AND coalesce(e.ended_on, 'infinity') >= '2026-04-01'))"
    " ) m (measure, n) WHERE w.authority_id = 1");
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint compared = 0, twice_open = 0;

  g_assert_cmpint (PQresultStatus (shown), ==, PGRES_TUPLES_OK);
  g_assert_cmpint (PQresultStatus (exact), ==, PGRES_TUPLES_OK);
  for (int i = 0; i < PQntuples (exact); i++)
    g_hash_table_insert (expected, g_strdup_printf ("%s %s", PQgetvalue (exact, i, 0), PQgetvalue (exact, i, 1)),
                         g_strdup (PQgetvalue (exact, i, 2)));
  for (int i = 0; i < PQntuples (shown); i++)
    {
      g_autofree char *key = g_strdup_printf ("%s %s", PQgetvalue (shown, i, 0), PQgetvalue (shown, i, 1));

      g_assert_cmpstr (PQgetvalue (shown, i, 2), ==, g_hash_table_lookup (expected, key));
      compared++;
    }
  g_assert_cmpuint (compared, ==, 20 * 7);
  /* the demo has children with two open episodes: the two open measures differ somewhere */
  for (int i = 0; i < PQntuples (exact); i++)
    if (g_str_equal (PQgetvalue (exact, i, 1), "episodes_open"))
      {
        g_autofree char *key = g_strdup_printf ("%s children_open", PQgetvalue (exact, i, 0));
        twice_open += g_strcmp0 (g_hash_table_lookup (expected, key), PQgetvalue (exact, i, 2)) != 0;
      }
  g_assert_cmpuint (twice_open, >, 0);
  PQclear (shown);
  PQclear (exact);
  PQfinish (manager);
  PQfinish (owner);
}

/* The priority 1 re-referral indicator is counted from the referrals, the
 * same way as the demand measure: the 12 months to each quarter end agree. */
static void
test_rereferral_indicator_from_data (void)
{
  PGconn *reader = connect_as (reader_conninfo, NULL);
  PGresult *series = PQexec (reader, "SELECT period_end::text, value::text FROM reporting.indicator_series(1, 'rereferral_12m')"
                                     " ORDER BY period_end DESC LIMIT 3");
  guint checked = 0;

  g_assert_cmpint (PQresultStatus (series), ==, PGRES_TUPLES_OK);
  for (int i = 0; i < PQntuples (series); i++)
    {
      const char *params[] = { PQgetvalue (series, i, 0) };
      PGresult *m = PQexecParams (reader,
                                  "SELECT percent::text FROM reporting.demand_measures(1,"
                                  " ($1::date - interval '12 months' + interval '1 day')::date, $1::date)"
                                  " WHERE ward_code IS NULL AND measure = 'rereferrals'",
                                  1, NULL, params, NULL, NULL, 0);

      g_assert_cmpint (PQresultStatus (m), ==, PGRES_TUPLES_OK);
      g_assert_cmpstr (PQgetvalue (m, 0, 0), ==, PQgetvalue (series, i, 1));
      checked++;
      PQclear (m);
    }
  g_assert_cmpuint (checked, ==, 3);
  /* and a reader cannot rewrite it */
  {
    PGresult *r = PQexec (reader, "SELECT fh.refresh_derived_indicators(1)");
    g_assert_cmpstr (PQresultErrorField (r, PG_DIAG_SQLSTATE), ==, "42501");
    PQclear (r);
  }
  PQclear (series);
  PQfinish (reader);
}

/* The demo's wards: every published interval from SQL equals the core's. */
static void
test_sql_intervals_match_core (void)
{
  PGconn *reader = connect_as (reader_conninfo, NULL);
  PGresult *r = PQexec (reader, "SELECT count, population, rate_lower95, rate_upper95"
                                "  FROM reporting.demand_measures(1, '2025-04-01', '2026-03-31')"
                                " WHERE NOT suppressed");
  guint checked = 0;

  g_assert_cmpint (PQresultStatus (r), ==, PGRES_TUPLES_OK);
  for (int i = 0; i < PQntuples (r); i++)
    {
      double count = g_ascii_strtod (PQgetvalue (r, i, 0), NULL);
      double population = g_ascii_strtod (PQgetvalue (r, i, 1), NULL);
      double lo, hi;

      fh_rate_interval (count, population, FH_Z_95, &lo, &hi);
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (PQgetvalue (r, i, 2), NULL), round (lo * 10) / 10, 0.051);
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (PQgetvalue (r, i, 3), NULL), round (hi * 10) / 10, 0.051);
      checked++;
    }
  g_assert_cmpuint (checked, >, 100);
  PQclear (r);
  PQfinish (reader);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  reader_conninfo = g_getenv ("FH_CONNINFO");
  owner_conninfo = g_getenv ("FH_OWNER_CONNINFO");
  if (reader_conninfo == NULL || owner_conninfo == NULL)
    {
      g_printerr ("FH_CONNINFO and FH_OWNER_CONNINFO are not set: run through run-with-postgres.sh\n");
      return 1;
    }
  g_test_add_func ("/measures/by-hand", test_measures_by_hand);
  g_test_add_func ("/measures/sql-intervals-match-core", test_sql_intervals_match_core);
  g_test_add_func ("/measures/demo-independent", test_demo_measures_independent);
  g_test_add_func ("/measures/rereferral-indicator-from-data", test_rereferral_indicator_from_data);
  return g_test_run ();
}
