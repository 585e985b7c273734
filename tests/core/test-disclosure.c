/* test-disclosure.c — what the reader role can and cannot get out of the database
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Attacks the reporting layer the way someone with the fh_reader login and
 * psql would, through libpq directly (not through the app's data layer), and
 * checks the promises of docs/data-contract.md: no owner rights through a
 * temporary object, no count of 1 to 5 from any call or from a total minus
 * the other cells, whole months only, bounded inputs, exact figures for
 * fh_manager only.
 *
 * Needs FH_CONNINFO (fh_reader) and FH_OWNER_CONNINFO (superuser): run
 * through run-with-postgres.sh.
 */
#include <string.h>

#include <glib.h>
#include <libpq-fe.h>

static const char *reader_conninfo;
static const char *owner_conninfo;

/* ---- plumbing ------------------------------------------------------------- */

static PGconn *
connect_as (const char *conninfo, const char *user)
{
  g_autofree char *full = user ? g_strdup_printf ("%s user=%s", conninfo, user) : g_strdup (conninfo);
  PGconn *conn = PQconnectdb (full);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("cannot connect (%s): %s", user ? user : "given role", PQerrorMessage (conn));
  return conn;
}

static PGresult *
run (PGconn *conn, const char *sql, int n, const char * const *params)
{
  return PQexecParams (conn, sql, n, NULL, params, NULL, NULL, 0);
}

static void
run_ok (PGconn *conn, const char *sql)
{
  PGresult *r = run (conn, sql, 0, NULL);
  ExecStatusType st = PQresultStatus (r);

  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (r));
  PQclear (r);
}

/* The SQLSTATE of running @sql, or "00000" when it worked. */
static char *
sqlstate_of (PGconn *conn, const char *sql, int n, const char * const *params)
{
  PGresult *r = run (conn, sql, n, params);
  const char *state = PQresultErrorField (r, PG_DIAG_SQLSTATE);
  char *copy = g_strdup (state ? state : "00000");

  PQclear (r);
  return copy;
}

static gint64
count_of (PGconn *conn, const char *sql, int n, const char * const *params)
{
  PGresult *r = run (conn, sql, n, params);
  gint64 v;

  if (PQresultStatus (r) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (r));
  v = g_ascii_strtoll (PQgetvalue (r, 0, 0), NULL, 10);
  PQclear (r);
  return v;
}

/* Every count column of a result (bigint columns), all rows: none may hold
 * 1 to 5. Returns how many cells were looked at. */
static guint
assert_no_small_counts (const PGresult *r, const char *what)
{
  guint cells = 0;

  g_assert_cmpint (PQresultStatus (r), ==, PGRES_TUPLES_OK);
  for (int c = 0; c < PQnfields (r); c++)
    {
      if (PQftype (r, c) != 20 /* int8 */)
        continue;
      for (int row = 0; row < PQntuples (r); row++)
        {
          gint64 v;

          if (PQgetisnull (r, row, c))
            continue;
          v = g_ascii_strtoll (PQgetvalue (r, row, c), NULL, 10);
          if (v >= 1 && v <= 5)
            g_error ("%s: column %s row %d holds %" G_GINT64_FORMAT, what, PQfname (r, c), row, v);
          cells++;
        }
    }
  return cells;
}

/* One line of cells (wards of one measure) and its total: no suppressed cell
 * may be recoverable. The residual (total minus the published cells) is
 * what the suppressed cells hold together: with none suppressed it is 0;
 * with one suppressed it would be that cell, so there must never be exactly
 * one; with k of them it must be more than 5 and more than k. */
static void
assert_line_safe (const gint64 *cells, const gboolean *hidden, guint n,
                  gint64 total, gboolean total_hidden, const char *what)
{
  gint64 residual = total;
  guint k = 0;

  if (total_hidden)
    return;                     /* nothing to subtract from */
  for (guint i = 0; i < n; i++)
    {
      if (hidden[i])
        k++;
      else
        residual -= cells[i];
    }
  if (k == 0)
    {
      /* what is left is the records whose ward is not known */
      g_assert_cmpint (residual, >=, 0);
      return;
    }
  if (k < 2 || residual <= 5 || residual <= (gint64) k)
    g_error ("%s: %u suppressed cells hold %" G_GINT64_FORMAT " together", what, k, residual);
}

/* ---- 1. no owner rights through temporary objects ------------------------ */

static void
test_search_path_pinned (void)
{
  PGconn *owner = connect_as (owner_conninfo, NULL);
  PGresult *r = run (owner,
                     "SELECT p.oid::regprocedure::text"
                     "  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                     " WHERE n.nspname IN ('reporting', 'fh')"
                     "   AND NOT EXISTS (SELECT 1 FROM unnest(coalesce(p.proconfig, '{}')) c"
                     "                    WHERE c ~ '^search_path=.*pg_temp$')",
                     0, NULL);

  g_assert_cmpint (PQresultStatus (r), ==, PGRES_TUPLES_OK);
  for (int i = 0; i < PQntuples (r); i++)
    g_printerr ("no pinned search_path ending in pg_temp: %s\n", PQgetvalue (r, i, 0));
  g_assert_cmpint (PQntuples (r), ==, 0);
  /* and there are functions to check */
  g_assert_cmpint (count_of (owner, "SELECT count(*) FROM pg_proc p JOIN pg_namespace n"
                                    " ON n.oid = p.pronamespace WHERE n.nspname = 'reporting'", 0, NULL), >=, 10);
  PQclear (r);
  PQfinish (owner);
}

static void
test_reader_has_no_temp (void)
{
  PGconn *owner = connect_as (owner_conninfo, NULL);
  PGconn *reader = connect_as (reader_conninfo, NULL);
  g_autofree char *state = NULL;

  g_assert_cmpint (count_of (owner, "SELECT has_database_privilege('fh_reader', current_database(), 'TEMP')::int",
                             0, NULL), ==, 0);
  g_assert_cmpint (count_of (owner, "SELECT has_database_privilege('fh_manager', current_database(), 'TEMP')::int",
                             0, NULL), ==, 0);
  state = sqlstate_of (reader, "CREATE TEMPORARY TABLE t (x int)", 0, NULL);
  g_assert_cmpstr (state, ==, "42501");
  g_free (state);
  state = sqlstate_of (reader, "CREATE DOMAIN pg_temp.date AS pg_catalog.date", 0, NULL);
  g_assert_cmpstr (state, ==, "42501");
  PQfinish (reader);
  PQfinish (owner);
}

/* Every reporting function, called with good arguments. A new function must
 * be added here: test_every_function_attacked checks the list is complete. */
static const char *reporting_calls[] = {
  "SELECT * FROM reporting.authority_list()",
  "SELECT reporting.data_extract_time(1)",
  "SELECT * FROM reporting.session_privileges()",
  "SELECT reporting.exact_figures(false)",
  "SELECT reporting.suppression_mask(ARRAY[1, 7, 0]::bigint[], 8)",
  "SELECT reporting.check_period('2025-01-01', '2025-01-31', true)",
  "SELECT reporting.check_date('2025-01-31')",
  "SELECT reporting.check_filters('targeted', 'core', 'housing', 'school', '0-4')",
  "SELECT reporting.rate_per_10k(10, 1000)",
  "SELECT * FROM reporting.demand_table(1, '2025-01-01', '2025-01-31', NULL, NULL, NULL, NULL, NULL, false)",
  "SELECT * FROM reporting.demand_wide(1, '2025-01-01', '2025-01-31', NULL, NULL, NULL, NULL, NULL, false)",
  "SELECT * FROM reporting.ward_demand(1, '2025-01-01', '2025-01-31')",
  "SELECT * FROM reporting.authority_demand(1, '2025-01-01', '2025-01-31', 'targeted')",
  "SELECT * FROM reporting.demand_monthly(1, 'E05012270', '2025-01-01', '2025-12-31')",
  "SELECT * FROM reporting.need_counts(1, NULL, '2025-01-01', '2025-01-31', 5, false)",
  "SELECT * FROM reporting.ward_top_needs(1, 'E05012270', '2025-01-01', '2025-01-31')",
  "SELECT * FROM reporting.caseload_table(1, '2026-10-31', false)",
  "SELECT * FROM reporting.caseload_by_worker(1, '2026-10-31')",
  "SELECT * FROM reporting.unallocated_episodes(1, '2026-10-31')",
  "SELECT * FROM reporting.caseload_by_service(1, '2026-10-31', 20)",
  "SELECT * FROM reporting.caseload_by_team(1, '2026-10-31')",
  "SELECT reporting.indicator_value_hidden('percent', 50, 3, 6)",
  "SELECT * FROM reporting.indicator_summary(1)",
  "SELECT * FROM reporting.indicator_series(1, 'gld')",
  "SELECT * FROM reporting.priority_overview(1)",
  "SELECT * FROM reporting.priority_series(1)",
  "SELECT * FROM reporting.indicator_detail(1, 'family_voice_difference')",
  "SELECT * FROM reporting.indicator_comparators(1)",
  "SELECT * FROM reporting.indicator_commentary(1)",
  "SELECT * FROM reporting.success_measures(1)",
  "SELECT * FROM reporting.byar_rate_interval(10, 1000, 1.959964)",
  "SELECT reporting.population_year(1, '2025-04-01', '2026-03-31')",
  "SELECT * FROM reporting.demand_measures(1, '2025-01-01', '2025-01-31')",
  "SELECT * FROM reporting.data_completeness(1, '2025-01-01', '2025-01-31')",
  "SELECT * FROM reporting.ward_profile",
  "SELECT * FROM reporting.ward_population",
  "SELECT * FROM reporting.ward_boundary",
  "SELECT * FROM reporting.waiting_by_team(1, '2026-10-31')",
  "SELECT * FROM reporting.waiting_bands(1, '2026-10-31')",
  "SELECT * FROM reporting.waiting_longest(1, '2026-10-31')",
  "SELECT * FROM reporting.caseload_trend(1, '2024-11-01', '2026-10-31')",
  "SELECT * FROM reporting.front_door(1, '2025-04-01', '2026-03-31')",
  "SELECT * FROM reporting.front_door_path(1, '2025-04-01', '2026-03-31')",
  "SELECT * FROM reporting.routing_check(1, '2026-10-31')",
  /* fh_manager only (08-caseload.sql): a reader is refused with 42501 */
  "SELECT * FROM reporting.routing_review(1, '2026-10-31')",
  "SELECT * FROM reporting.worker_names(1, '2026-10-31')",
};

/* Calls of reporting_calls that only fh_manager may make. */
static gboolean
manager_only (const char *call)
{
  return strstr (call, "reporting.routing_review(") != NULL
         || strstr (call, "reporting.worker_names(") != NULL;
}

static void
test_every_function_attacked (void)
{
  PGconn *owner = connect_as (owner_conninfo, NULL);
  PGresult *r = run (owner, "SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                            " WHERE n.nspname = 'reporting' ORDER BY 1", 0, NULL);

  for (int i = 0; i < PQntuples (r); i++)
    {
      g_autofree char *needle = g_strdup_printf ("reporting.%s(", PQgetvalue (r, i, 0));
      gboolean found = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (reporting_calls) && !found; k++)
        found = strstr (reporting_calls[k], needle) != NULL;
      if (!found)
        g_error ("reporting.%s is not in this test's list of calls", PQgetvalue (r, i, 0));
    }
  PQclear (r);
  PQfinish (owner);
}

/* The attack of the security issue, by a role that HAS the TEMP privilege
 * (as a misconfigured database might give): temporary domains named like the
 * built-in types, whose check records who runs it. With the search_path
 * pinned and pg_temp last, no reporting function may run it as the owner.
 * A deliberately unpinned function shows that the attack is real. */
static void
test_temporary_type_attack (void)
{
  PGconn *owner = connect_as (owner_conninfo, NULL);
  PGconn *attacker;
  const char *types[] = { "date", "text", "int4", "int8", "float8", "bool", "numeric",
                          "timestamptz", "varchar", "name" };

  /* a run that died half-way may have left these */
  run_ok (owner, "DROP SCHEMA IF EXISTS fh_test CASCADE");
  run_ok (owner, "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fh_test_attacker') THEN"
                 "  DROP OWNED BY fh_test_attacker; DROP ROLE fh_test_attacker; END IF; END $$");
  run_ok (owner, "CREATE ROLE fh_test_attacker LOGIN IN ROLE fh_reader");
  {
    g_autofree char *grant = NULL;
    PGresult *db = run (owner, "SELECT current_database()", 0, NULL);

    grant = g_strdup_printf ("GRANT TEMPORARY ON DATABASE \"%s\" TO fh_test_attacker", PQgetvalue (db, 0, 0));
    PQclear (db);
    run_ok (owner, grant);
  }
  run_ok (owner, "CREATE SCHEMA IF NOT EXISTS fh_test AUTHORIZATION fh_owner");
  run_ok (owner, "GRANT USAGE ON SCHEMA fh_test TO fh_test_attacker");
  run_ok (owner, "CREATE OR REPLACE FUNCTION fh_test.unpinned() RETURNS text"
                 " LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, fh"
                 " AS $$ SELECT '2025-01-01'::date::text $$");
  run_ok (owner, "ALTER FUNCTION fh_test.unpinned() OWNER TO fh_owner");
  run_ok (owner, "GRANT EXECUTE ON FUNCTION fh_test.unpinned() TO fh_test_attacker");

  attacker = connect_as (reader_conninfo, "fh_test_attacker");
  run_ok (attacker, "CREATE TEMPORARY TABLE pwned (who text)");
  run_ok (attacker, "GRANT ALL ON pwned TO PUBLIC");
  run_ok (attacker, "CREATE FUNCTION pg_temp.grab() RETURNS boolean LANGUAGE sql"
                    " AS $$ INSERT INTO pg_temp.pwned VALUES (current_user) RETURNING true $$");
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autofree char *sql = g_strdup_printf ("CREATE DOMAIN pg_temp.%s AS pg_catalog.%s CHECK (pg_temp.grab())",
                                              types[i], types[i]);
      run_ok (attacker, sql);
    }

  /* the control: an unpinned SECURITY DEFINER function falls for it */
  {
    g_autofree char *state = sqlstate_of (attacker, "SELECT fh_test.unpinned()", 0, NULL);
    g_assert_cmpint (count_of (attacker, "SELECT count(*) FROM pg_temp.pwned WHERE who = 'fh_owner'", 0, NULL), >, 0);
    run_ok (attacker, "DELETE FROM pg_temp.pwned");
  }

  for (guint k = 0; k < G_N_ELEMENTS (reporting_calls); k++)
    {
      g_autofree char *state = sqlstate_of (attacker, reporting_calls[k], 0, NULL);

      if (count_of (attacker, "SELECT count(*) FROM pg_temp.pwned WHERE who <> 'fh_test_attacker'", 0, NULL) != 0)
        g_error ("%s ran the attacker's code as another role", reporting_calls[k]);
      /* the calls themselves still work (the attacker is a reader), but
       * for those that are the manager's alone */
      if (!g_str_equal (state, manager_only (reporting_calls[k]) ? "42501" : "00000"))
        g_error ("%s failed with %s", reporting_calls[k], state);
    }

  PQfinish (attacker);
  run_ok (owner, "DROP SCHEMA fh_test CASCADE");
  run_ok (owner, "DROP OWNED BY fh_test_attacker");
  run_ok (owner, "DROP ROLE fh_test_attacker");
  PQfinish (owner);
}

/* ---- 2. no small counts, from one call or from several -------------------- */

/* The attack of the issue: one-day windows single out one child. For a
 * reader every window shorter than a whole month is refused. */
static void
test_one_day_windows_refused (void)
{
  PGconn *reader = connect_as (reader_conninfo, NULL);

  for (int day = 1; day <= 31; day++)
    {
      g_autofree char *date = g_strdup_printf ("2025-01-%02d", day);
      const char *params[] = { date };
      g_autofree char *a = sqlstate_of (reader, "SELECT * FROM reporting.ward_demand(1, $1::date, $1::date)", 1, params);
      g_autofree char *b = sqlstate_of (reader, "SELECT * FROM reporting.ward_top_needs(1, NULL, $1::date, $1::date)", 1, params);
      g_autofree char *c = sqlstate_of (reader, "SELECT * FROM reporting.authority_demand(1, $1::date, $1::date)", 1, params);

      g_assert_cmpstr (a, ==, "22023");
      g_assert_cmpstr (b, ==, "22023");
      g_assert_cmpstr (c, ==, "22023");
    }
  /* half a month, and a month that starts mid-way */
  {
    g_autofree char *a = sqlstate_of (reader, "SELECT * FROM reporting.ward_demand(1, '2025-01-01', '2025-01-15')", 0, NULL);
    g_autofree char *b = sqlstate_of (reader, "SELECT * FROM reporting.ward_demand(1, '2025-01-16', '2025-02-15')", 0, NULL);
    g_assert_cmpstr (a, ==, "22023");
    g_assert_cmpstr (b, ==, "22023");
  }
  PQfinish (reader);
}

static const char *levels[] = { NULL, "early", "targeted" };
static const char *services[] = { NULL, "core", "adolescence" };
static const char *needs[] = { NULL, "exploitation", "missing", "asb", "criminality", "education",
                               "domestic_abuse", "parental_mental_health", "substance_misuse",
                               "send", "housing", "parenting", "child_mental_health", "neglect",
                               "financial_hardship" };
static const char *sources[] = { NULL, "school", "police", "health", "self_family", "council",
                                 "voluntary", "other" };
static const char *age_bands[] = { NULL, "0-4", "5-9", "10-17" };

/* ward_demand and authority_demand for one month under many filters: no
 * count of 1 to 5, and no suppressed ward recoverable from the authority
 * figure minus the other wards. */
static void
check_demand (PGconn *reader, const char *from, const char *to, const char *level,
              const char *service, const char *need, const char *source, const char *age_band,
              guint *suppressed_seen)
{
  const char *params[] = { from, to, level, service, need, source, age_band };
  PGresult *wards = run (reader, "SELECT referrals, episodes_started, episodes_open,"
                                 "       referrals_suppressed, episodes_started_suppressed, episodes_open_suppressed,"
                                 "       referral_rate, started_rate, open_rate"
                                 "  FROM reporting.ward_demand(1, $1::date, $2::date, $3, $4, $5, $6, $7)",
                         7, params);
  PGresult *city = run (reader, "SELECT referrals, episodes_started, episodes_open,"
                                "       referrals_suppressed, episodes_started_suppressed, episodes_open_suppressed"
                                "  FROM reporting.authority_demand(1, $1::date, $2::date, $3, $4, $5, $6, $7)",
                        7, params);
  g_autofree char *what = g_strdup_printf ("%s..%s level=%s service=%s need=%s source=%s age=%s", from, to,
                                           level, service, need, source, age_band);

  if (PQresultStatus (wards) != PGRES_TUPLES_OK)
    g_error ("%s: %s", what, PQresultErrorMessage (wards));
  assert_no_small_counts (wards, what);
  assert_no_small_counts (city, what);
  g_assert_cmpint (PQntuples (city), ==, 1);

  for (int m = 0; m < 3; m++)
    {
      gint64 cells[64];
      gboolean hidden[64];
      guint n = PQntuples (wards);

      g_assert_cmpuint (n, <=, 64);
      for (guint i = 0; i < n; i++)
        {
          hidden[i] = g_str_equal (PQgetvalue (wards, i, 3 + m), "t");
          cells[i] = hidden[i] ? 0 : g_ascii_strtoll (PQgetvalue (wards, i, m), NULL, 10);
          /* suppressed: NULL, never the number; its rate NULL too */
          g_assert_cmpint (PQgetisnull (wards, i, m), ==, hidden[i]);
          if (hidden[i])
            {
              g_assert_true (PQgetisnull (wards, i, 6 + m));
              (*suppressed_seen)++;
            }
        }
      assert_line_safe (cells, hidden, n,
                        g_ascii_strtoll (PQgetvalue (city, 0, m), NULL, 10),
                        g_str_equal (PQgetvalue (city, 0, 3 + m), "t"), what);
    }
  PQclear (wards);
  PQclear (city);

  /* every measure, and the same period a year earlier */
  {
    PGresult *m = run (reader, "SELECT count, previous_count, suppressed, rate, rate_lower95, measure, ward_code"
                               "  FROM reporting.demand_measures(1, $1::date, $2::date, $3, $4, $5, $6, $7)"
                               " ORDER BY measure, ward_code NULLS LAST",
                       7, params);
    int rows = PQntuples (m), start = 0;

    if (PQresultStatus (m) != PGRES_TUPLES_OK)
      g_error ("%s: %s", what, PQresultErrorMessage (m));
    assert_no_small_counts (m, what);
    /* each measure's wards against its authority row (the last of the group);
     * distinct children do not add up, so only the counts of records */
    while (start < rows)
      {
        const char *measure = PQgetvalue (m, start, 5);
        int end = start;
        gint64 cells[64];
        gboolean hidden[64];

        while (end < rows && g_str_equal (PQgetvalue (m, end, 5), measure))
          end++;
        for (int i = start; i < end - 1; i++)
          {
            hidden[i - start] = g_str_equal (PQgetvalue (m, i, 2), "t");
            cells[i - start] = hidden[i - start] ? 0 : g_ascii_strtoll (PQgetvalue (m, i, 0), NULL, 10);
            if (hidden[i - start])
              g_assert_true (PQgetisnull (m, i, 3) && PQgetisnull (m, i, 4));
          }
        g_assert_true (PQgetisnull (m, end - 1, 6));
        if (!g_str_has_prefix (measure, "children_"))
          assert_line_safe (cells, hidden, end - 1 - start,
                            g_ascii_strtoll (PQgetvalue (m, end - 1, 0), NULL, 10),
                            g_str_equal (PQgetvalue (m, end - 1, 2), "t"), what);
        start = end;
      }
    PQclear (m);
  }
}

static void
test_demand_walk (void)
{
  PGconn *reader = connect_as (reader_conninfo, NULL);
  guint suppressed = 0, calls = 0;

  /* every filter value on its own, in a month and a year */
  for (int p = 0; p < 2; p++)
    {
      const char *from = p == 0 ? "2025-01-01" : "2025-04-01";
      const char *to = p == 0 ? "2025-01-31" : "2026-03-31";

      for (guint i = 0; i < G_N_ELEMENTS (levels); i++, calls++)
        check_demand (reader, from, to, levels[i], NULL, NULL, NULL, NULL, &suppressed);
      for (guint i = 1; i < G_N_ELEMENTS (services); i++, calls++)
        check_demand (reader, from, to, NULL, services[i], NULL, NULL, NULL, &suppressed);
      for (guint i = 1; i < G_N_ELEMENTS (needs); i++, calls++)
        check_demand (reader, from, to, NULL, NULL, needs[i], NULL, NULL, &suppressed);
      for (guint i = 1; i < G_N_ELEMENTS (sources); i++, calls++)
        check_demand (reader, from, to, NULL, NULL, NULL, sources[i], NULL, &suppressed);
      for (guint i = 1; i < G_N_ELEMENTS (age_bands); i++, calls++)
        check_demand (reader, from, to, NULL, NULL, NULL, NULL, age_bands[i], &suppressed);
    }
  /* the smallest cells: a month, a service, a need and an age band together */
  for (guint s = 1; s < G_N_ELEMENTS (services); s++)
    for (guint n = 1; n < G_N_ELEMENTS (needs); n++)
      for (guint a = 0; a < G_N_ELEMENTS (age_bands); a++, calls++)
        check_demand (reader, "2025-01-01", "2025-01-31", "targeted", services[s], needs[n], NULL,
                      age_bands[a], &suppressed);

  g_test_message ("%u calls, %u suppressed cells, none recoverable", calls, suppressed);
  /* the walk did meet small numbers, or it proves nothing */
  g_assert_cmpuint (suppressed, >, 100);
  PQfinish (reader);
}

/* The monthly series of every ward and of the city: no 1 to 5, each month's
 * suppressed wards not recoverable from the city's month, and no rolling
 * total that would give a suppressed month away. */
static void
test_monthly_walk (void)
{
  PGconn *reader = connect_as (reader_conninfo, NULL);
  PGresult *codes = run (reader, "SELECT ward_code FROM reporting.ward_profile WHERE authority_id = 1"
                                 " ORDER BY ward_code", 0, NULL);
  guint n = PQntuples (codes), months = 0;
  PGresult **series = g_new0 (PGresult *, n + 1);
  guint hidden_seen = 0;

  for (guint i = 0; i <= n; i++)
    {
      const char *params[] = { i < n ? PQgetvalue (codes, i, 0) : NULL };

      /* the source filter is not offered here, so use a small ward-month
       * slice: the demo's early months are ordinary; smaller cells come
       * from the dip months */
      series[i] = run (reader, "SELECT referrals, episodes_started, referrals_12m,"
                               "       referrals_suppressed, episodes_started_suppressed, referrals_12m_suppressed"
                               "  FROM reporting.demand_monthly(1, $1, '2021-11-01', '2026-10-31')",
                       1, params);
      g_assert_cmpint (PQresultStatus (series[i]), ==, PGRES_TUPLES_OK);
      assert_no_small_counts (series[i], "demand_monthly");
      months = PQntuples (series[i]);
    }
  g_assert_cmpuint (months, ==, 60);

  for (guint mo = 0; mo < months; mo++)
    for (int m = 0; m < 2; m++)
      {
        gint64 cells[64];
        gboolean hidden[64];

        for (guint i = 0; i < n; i++)
          {
            hidden[i] = g_str_equal (PQgetvalue (series[i], mo, 3 + m), "t");
            cells[i] = hidden[i] ? 0 : g_ascii_strtoll (PQgetvalue (series[i], mo, m), NULL, 10);
            hidden_seen += hidden[i];
          }
        assert_line_safe (cells, hidden, n, g_ascii_strtoll (PQgetvalue (series[n], mo, m), NULL, 10),
                          g_str_equal (PQgetvalue (series[n], mo, 3 + m), "t"), "demand_monthly");
      }

  /* a published rolling total holds no suppressed month */
  for (guint i = 0; i <= n; i++)
    for (guint mo = 11; mo < months; mo++)
      if (!g_str_equal (PQgetvalue (series[i], mo, 5), "t"))
        for (guint k = mo - 11; k <= mo; k++)
          g_assert_cmpstr (PQgetvalue (series[i], k, 3), ==, "f");

  for (guint i = 0; i <= n; i++)
    PQclear (series[i]);
  g_free (series);
  PQclear (codes);
  PQfinish (reader);
}

static void
test_needs_and_caseloads_walk (void)
{
  PGconn *reader = connect_as (reader_conninfo, NULL);
  PGresult *codes = run (reader, "SELECT ward_code FROM reporting.ward_profile WHERE authority_id = 1", 0, NULL);
  guint hidden = 0;

  for (int i = 0; i <= PQntuples (codes); i++)
    {
      const char *params[] = { i < PQntuples (codes) ? PQgetvalue (codes, i, 0) : NULL };
      PGresult *r = run (reader, "SELECT episodes, episodes_suppressed"
                                 "  FROM reporting.ward_top_needs(1, $1, '2025-08-01', '2025-08-31', 20)",
                         1, params);
      assert_no_small_counts (r, "ward_top_needs");
      for (int row = 0; row < PQntuples (r); row++)
        hidden += g_str_equal (PQgetvalue (r, row, 1), "t");
      PQclear (r);
    }
  g_assert_cmpuint (hidden, >, 0);

  for (int d = 0; d < 24; d++)
    {
      g_autofree char *as_at = g_strdup_printf ("%d-%02d-15", 2024 + d / 12, 1 + d % 12);
      const char *params[] = { as_at };
      PGresult *w = run (reader, "SELECT open_episodes, worker_ref, open_episodes_suppressed, episodes_per_fte"
                                 "  FROM reporting.caseload_by_worker(1, $1::date)", 1, params);
      PGresult *u = run (reader, "SELECT waiting FROM reporting.unallocated_episodes(1, $1::date)", 1, params);
      PGresult *sv = run (reader, "SELECT open_episodes FROM reporting.caseload_by_service(1, $1::date, 20)",
                          1, params);

      assert_no_small_counts (w, "caseload_by_worker");
      assert_no_small_counts (u, "unallocated_episodes");
      assert_no_small_counts (sv, "caseload_by_service");
      PQclear (sv);
      for (int row = 0; row < PQntuples (w); row++)
        {
          /* a pseudonymous reference, never a name or an internal key */
          g_assert_true (g_regex_match_simple ("^W[0-9]{5}$", PQgetvalue (w, row, 1), 0, 0));
          if (g_str_equal (PQgetvalue (w, row, 2), "t"))
            g_assert_true (PQgetisnull (w, row, 3));
        }
      PQclear (w);
      PQclear (u);
    }
  /* no worker reference is an internal key */
  {
    PGconn *owner = connect_as (owner_conninfo, NULL);
    g_assert_cmpint (count_of (owner, "SELECT count(*) FROM fh.worker"
                                      " WHERE worker_ref = 'W' || lpad(worker_id::text, 5, '0')"
                                      "    OR worker_ref = 'W' || worker_id::text", 0, NULL), ==, 0);
    PQfinish (owner);
  }
  PQclear (codes);
  PQfinish (reader);
}

static void
test_indicator_small_numbers (void)
{
  PGconn *owner = connect_as (owner_conninfo, NULL);
  PGconn *reader = connect_as (reader_conninfo, NULL);
  PGresult *r;

  /* a value on a numerator of 3 must not reach the reader */
  run_ok (owner, "CREATE TEMPORARY TABLE saved AS SELECT v.* FROM fh.indicator_value v"
                 "  JOIN fh.indicator i USING (indicator_id)"
                 " WHERE i.authority_id = 1 AND i.indicator_code = 'gld'");
  run_ok (owner, "BEGIN");
  run_ok (owner, "UPDATE fh.indicator_value v SET numerator = 3, denominator = 40, value = 7.5"
                 "  FROM fh.indicator i WHERE i.indicator_id = v.indicator_id"
                 "   AND i.authority_id = 1 AND i.indicator_code = 'gld'"
                 "   AND v.period_end = (SELECT max(period_end) FROM fh.indicator_value x"
                 "                        WHERE x.indicator_id = v.indicator_id)");
  run_ok (owner, "COMMIT");

  r = run (reader, "SELECT numerator, denominator, value, numerator_suppressed, value_suppressed"
                   "  FROM reporting.indicator_series(1, 'gld') ORDER BY period_end DESC LIMIT 1", 0, NULL);
  g_assert_cmpint (PQresultStatus (r), ==, PGRES_TUPLES_OK);
  g_assert_true (PQgetisnull (r, 0, 0));
  g_assert_cmpstr (PQgetvalue (r, 0, 1), ==, "40");
  g_assert_true (PQgetisnull (r, 0, 2));
  g_assert_cmpstr (PQgetvalue (r, 0, 3), ==, "t");
  g_assert_cmpstr (PQgetvalue (r, 0, 4), ==, "t");
  PQclear (r);
  r = run (reader, "SELECT latest_value, latest_value_suppressed FROM reporting.indicator_summary(1)"
                   " WHERE indicator_code = 'gld'", 0, NULL);
  g_assert_true (PQgetisnull (r, 0, 0));
  g_assert_cmpstr (PQgetvalue (r, 0, 1), ==, "t");
  PQclear (r);

  /* put the demo back as it was */
  run_ok (owner, "UPDATE fh.indicator_value v SET numerator = s.numerator, denominator = s.denominator,"
                 "       value = s.value FROM saved s"
                 " WHERE s.indicator_id = v.indicator_id AND s.period_end = v.period_end");
  PQfinish (reader);
  PQfinish (owner);
}

/* ---- 3. bounded inputs and exact figures ---------------------------------- */

static void
test_inputs_bounded (void)
{
  PGconn *reader = connect_as (reader_conninfo, NULL);
  PGconn *owner = connect_as (owner_conninfo, NULL);
  const char *bad[] = {
    "SELECT * FROM reporting.demand_monthly(1, NULL, '-infinity', '2026-01-01')",
    "SELECT * FROM reporting.demand_monthly(1, NULL, '2020-01-01', 'infinity')",
    "SELECT * FROM reporting.ward_demand(1, '-infinity', '2025-01-31')",
    "SELECT * FROM reporting.ward_demand(1, '2025-02-01', '2025-01-31')",
    "SELECT * FROM reporting.ward_demand(1, '1990-01-01', '2025-12-31')",
    "SELECT * FROM reporting.demand_monthly(1, NULL, '1990-01-01', '2025-12-31')",
    "SELECT * FROM reporting.ward_top_needs(1, NULL, '2025-01-01', '2025-01-31', 100000)",
    "SELECT * FROM reporting.caseload_by_worker(1, 'infinity')",
    "SELECT * FROM reporting.ward_demand(1, '2025-01-01', '2025-01-31', 'no_such_level')",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autofree char *state = sqlstate_of (reader, bad[i], 0, NULL);

      if (!g_str_equal (state, "22023"))
        g_error ("%s gave %s, not 22023", bad[i], state);
      /* refused at once, not after the statement timeout */
      g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
    }

  /* The database, not only the app, bounds the roles' sessions. */
  {
    PGresult *r = run (owner, "SELECT array_to_string(s.setconfig, ',')"
                              "  FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole"
                              " WHERE r.rolname = 'fh_reader' AND s.setdatabase = 0", 0, NULL);
    g_assert_cmpint (PQntuples (r), ==, 1);
    g_assert_nonnull (strstr (PQgetvalue (r, 0, 0), "statement_timeout="));
    g_assert_nonnull (strstr (PQgetvalue (r, 0, 0), "temp_file_limit="));
    g_assert_nonnull (strstr (PQgetvalue (r, 0, 0), "work_mem="));
    PQclear (r);
  }
  /* and the reader cannot lift temp_file_limit */
  {
    g_autofree char *state = sqlstate_of (reader, "SET temp_file_limit = -1", 0, NULL);
    g_assert_cmpstr (state, ==, "42501");
  }
  PQfinish (owner);
  PQfinish (reader);
}

static void
test_exact_figures_for_managers_only (void)
{
  PGconn *reader = connect_as (reader_conninfo, NULL);
  PGconn *manager = connect_as (reader_conninfo, "fh_manager");
  PGconn *owner = connect_as (owner_conninfo, NULL);
  const char *exact_sql = "SELECT ward_code, referrals FROM reporting.ward_demand(1, '2025-01-07', '2025-01-07',"
                          " p_exact => true) ORDER BY ward_code";
  g_autofree char *state = sqlstate_of (reader, exact_sql, 0, NULL);
  PGresult *r;
  gboolean small_seen = FALSE;

  g_assert_cmpstr (state, ==, "42501");
  g_free (g_steal_pointer (&state));
  state = sqlstate_of (reader, "SELECT * FROM reporting.caseload_by_worker(1, '2026-10-31', true)", 0, NULL);
  g_assert_cmpstr (state, ==, "42501");

  /* the manager gets exact figures, any period, equal to the owner's count */
  r = run (manager, exact_sql, 0, NULL);
  g_assert_cmpint (PQresultStatus (r), ==, PGRES_TUPLES_OK);
  for (int i = 0; i < PQntuples (r); i++)
    {
      const char *params[] = { PQgetvalue (r, i, 0) };
      gint64 v = g_ascii_strtoll (PQgetvalue (r, i, 1), NULL, 10);

      g_assert_cmpint (v, ==, count_of (owner, "SELECT count(*) FROM fh.referral WHERE ward_code = $1"
                                               " AND received_on = '2025-01-07'", 1, params));
      small_seen |= v >= 1 && v <= 5;
    }
  g_assert_true (small_seen);
  PQclear (r);

  /* without asking, the manager gets what the reader gets */
  {
    PGresult *a = run (manager, "SELECT referrals FROM reporting.ward_demand(1, '2025-01-01', '2025-01-31',"
                                " 'targeted', 'adolescence', 'exploitation') ORDER BY ward_code", 0, NULL);
    PGresult *b = run (reader, "SELECT referrals FROM reporting.ward_demand(1, '2025-01-01', '2025-01-31',"
                               " 'targeted', 'adolescence', 'exploitation') ORDER BY ward_code", 0, NULL);
    g_assert_cmpint (PQntuples (a), ==, PQntuples (b));
    for (int i = 0; i < PQntuples (a); i++)
      g_assert_cmpstr (PQgetvalue (a, i, 0), ==, PQgetvalue (b, i, 0));
    PQclear (a);
    PQclear (b);
  }
  PQfinish (owner);
  PQfinish (manager);
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

  g_test_add_func ("/disclosure/search-path-pinned", test_search_path_pinned);
  g_test_add_func ("/disclosure/reader-has-no-temp", test_reader_has_no_temp);
  g_test_add_func ("/disclosure/every-function-attacked", test_every_function_attacked);
  g_test_add_func ("/disclosure/temporary-type-attack", test_temporary_type_attack);
  g_test_add_func ("/disclosure/one-day-windows-refused", test_one_day_windows_refused);
  g_test_add_func ("/disclosure/demand-walk", test_demand_walk);
  g_test_add_func ("/disclosure/monthly-walk", test_monthly_walk);
  g_test_add_func ("/disclosure/needs-and-caseloads-walk", test_needs_and_caseloads_walk);
  g_test_add_func ("/disclosure/indicator-small-numbers", test_indicator_small_numbers);
  g_test_add_func ("/disclosure/inputs-bounded", test_inputs_bounded);
  g_test_add_func ("/disclosure/exact-for-managers-only", test_exact_figures_for_managers_only);
  return g_test_run ();
}
