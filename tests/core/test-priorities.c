/* test-priorities.c — the Priorities page's figures against independent SQL
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app's figures come from the reporting layer through FhDatabase, as the
 * read-only role; the independent SQL reads the fh tables directly, as the
 * owner, and works each figure out its own way. Needs the demo data
 * (data/sql/07-priorities.sql's generator).
 */
#include <math.h>

#include "fh-priority-queries.h"
#include "fh-test-db.h"

#define DEFINE_ON(name, finish)                                                   \
  static void name (GObject *source, GAsyncResult *result, gpointer data)         \
  {                                                                               \
    Wait *w = data;                                                               \
    w->value = finish (FH_DATABASE (source), result, &w->error);                  \
    g_main_loop_quit (w->loop);                                                   \
  }

DEFINE_ON (on_overview, fh_database_priority_overview_finish)
DEFINE_ON (on_priority_series, fh_database_priority_series_finish)
DEFINE_ON (on_detail, fh_database_indicator_detail_finish)
DEFINE_ON (on_comparators, fh_database_indicator_comparators_finish)
DEFINE_ON (on_commentary, fh_database_indicator_commentary_finish)
DEFINE_ON (on_measures, fh_database_success_measures_finish)

static GPtrArray *
get_overview (FhDatabase *db, int authority_id)
{
  Wait w = { 0 };

  fh_database_priority_overview_async (db, authority_id, NULL, on_overview, &w);
  wait_run (&w);
  g_assert_no_error (w.error);
  g_assert_nonnull (w.value);
  return w.value;
}

static GPtrArray *
get_series (FhDatabase *db, int authority_id)
{
  Wait w = { 0 };

  fh_database_priority_series_async (db, authority_id, NULL, on_priority_series, &w);
  wait_run (&w);
  g_assert_no_error (w.error);
  g_assert_nonnull (w.value);
  return w.value;
}

static GPtrArray *
get_detail (FhDatabase *db, int authority_id, const char *code)
{
  Wait w = { 0 };

  fh_database_indicator_detail_async (db, authority_id, code, NULL, on_detail, &w);
  wait_run (&w);
  g_assert_no_error (w.error);
  g_assert_nonnull (w.value);
  return w.value;
}

/* The owner's count as the reporting layer should give it: NULL and
 * suppressed are both "not a number" here. */
static gint64
expected_count (const char *text, gboolean suppressed)
{
  if (suppressed)
    return FH_COUNT_SUPPRESSED;
  return text == NULL ? FH_COUNT_MISSING : g_ascii_strtoll (text, NULL, 10);
}

static gboolean
is_small (const char *count)
{
  gint64 n = count == NULL ? 0 : g_ascii_strtoll (count, NULL, 10);
  return n >= 1 && n <= 5;
}

static double
as_double (const char *text)
{
  return text == NULL ? NAN : g_ascii_strtod (text, NULL);
}

/* The reporting layer's disclosure rule for indicator values, written again
 * here: hidden when the numerator or the denominator is 1 to 5, or when a
 * "count" indicator's value is. */
static gboolean
expected_hidden (const char *unit, const char *value, const char *num, const char *den)
{
  double v = as_double (value);

  return is_small (num) || is_small (den)
         || (g_strcmp0 (unit, "count") == 0 && !isnan (v) && v > 0 && v <= 5);
}

/* The same in SQL, over fh.indicator_value v joined to fh.indicator i */
#define HIDDEN_SQL "(coalesce(v.numerator BETWEEN 1 AND 5, false)"            \
                   " OR coalesce(v.denominator BETWEEN 1 AND 5, false)"       \
                   " OR (i.unit = 'count' AND v.value > 0 AND v.value <= 5))"

static void
assert_same_double (double app, const char *owner)
{
  if (owner == NULL)
    g_assert_true (isnan (app));
  else
    g_assert_cmpfloat_with_epsilon (app, as_double (owner), 1e-9);
}

static void
test_overview_matches_independent_sql (void)
{
  g_autoptr(FhDatabase) db = connect_reader ();
  g_autoptr(GPtrArray) rows = get_overview (db, 1);
  guint n_suppressed_numerators = 0;

  g_assert_cmpint (rows->len, ==,
                   owner_count ("SELECT count(*) FROM fh.indicator WHERE authority_id = 1", 0, NULL));

  for (guint i = 0; i < rows->len; i++)
    {
      FhPriorityIndicator *p = g_ptr_array_index (rows, i);
      const char *params[] = { p->indicator_code };
      g_autofree char *baseline = NULL, *target = NULL, *tolerance = NULL, *polarity = NULL;
      g_autofree char *latest = NULL, *value = NULL, *num = NULL, *den = NULL;
      g_autofree char *priority = NULL;

      g_assert_nonnull (p->indicator_code);
      priority = owner_value ("SELECT priority_number::text FROM fh.indicator"
                              " WHERE authority_id = 1 AND indicator_code = $1", 1, params);
      g_assert_cmpint (p->priority_number, ==, atoi (priority));
      polarity = owner_value ("SELECT polarity FROM fh.indicator"
                              " WHERE authority_id = 1 AND indicator_code = $1", 1, params);
      g_assert_cmpint (p->higher_is_better, ==, g_str_equal (polarity, "higher_is_better"));
      baseline = owner_value ("SELECT baseline::text FROM fh.indicator"
                              " WHERE authority_id = 1 AND indicator_code = $1", 1, params);
      target = owner_value ("SELECT target::text FROM fh.indicator"
                            " WHERE authority_id = 1 AND indicator_code = $1", 1, params);
      tolerance = owner_value ("SELECT rag_tolerance::text FROM fh.indicator"
                               " WHERE authority_id = 1 AND indicator_code = $1", 1, params);
      assert_same_double (p->baseline, baseline);
      assert_same_double (p->target, target);
      assert_same_double (p->rag_tolerance, tolerance);

      g_assert_cmpint (p->n_periods, ==,
                       owner_count ("SELECT count(*) FROM fh.indicator_value v JOIN fh.indicator i USING (indicator_id)"
                                    " WHERE i.authority_id = 1 AND i.indicator_code = $1", 1, params));

      latest = owner_value ("SELECT max(v.period_end)::text FROM fh.indicator_value v"
                            " JOIN fh.indicator i USING (indicator_id)"
                            " WHERE i.authority_id = 1 AND i.indicator_code = $1", 1, params);
      if (latest == NULL)
        {
          g_assert_null (p->latest_period);
          g_assert_true (isnan (p->latest_value));
          g_assert_cmpint (p->n_periods, ==, 0);
          continue;
        }
      {
        g_autofree char *iso = fh_date_to_iso (p->latest_period);
        const char *lp[] = { p->indicator_code, latest };
        gboolean small;

        g_assert_cmpstr (iso, ==, latest);
        value = owner_value ("SELECT v.value::text FROM fh.indicator_value v JOIN fh.indicator i USING (indicator_id)"
                             " WHERE i.authority_id = 1 AND i.indicator_code = $1 AND v.period_end = $2", 2, lp);
        num = owner_value ("SELECT v.numerator::text FROM fh.indicator_value v JOIN fh.indicator i USING (indicator_id)"
                           " WHERE i.authority_id = 1 AND i.indicator_code = $1 AND v.period_end = $2", 2, lp);
        den = owner_value ("SELECT v.denominator::text FROM fh.indicator_value v JOIN fh.indicator i USING (indicator_id)"
                           " WHERE i.authority_id = 1 AND i.indicator_code = $1 AND v.period_end = $2", 2, lp);
        small = expected_hidden (p->unit, value, num, den);
        g_assert_cmpint (p->value_suppressed, ==, small);
        if (small)
          {
            g_assert_true (isnan (p->latest_value));
            n_suppressed_numerators++;
          }
        else
          assert_same_double (p->latest_value, value);
        g_assert_cmpint (p->latest_numerator, ==, expected_count (num, is_small (num)));
        g_assert_cmpint (p->latest_denominator, ==, expected_count (den, is_small (den)));
      }
    }

  /* the demo's latest periods are all large enough to publish */
  g_assert_cmpuint (n_suppressed_numerators, ==, 0);
}

static void
test_series_matches_independent_sql (void)
{
  g_autoptr(FhDatabase) db = connect_reader ();
  g_autoptr(GPtrArray) series = get_series (db, 1);
  double sum = 0;
  guint n_suppressed = 0;
  g_autofree char *owner_sum = NULL;

  g_assert_cmpint (series->len, ==,
                   owner_count ("SELECT count(*) FROM fh.indicator_value v JOIN fh.indicator i USING (indicator_id)"
                                " WHERE i.authority_id = 1", 0, NULL));
  for (guint i = 0; i < series->len; i++)
    {
      FhPriorityPoint *p = g_ptr_array_index (series, i);

      g_assert_cmpint (p->numerator, ==, FH_COUNT_MISSING);
      if (p->value_suppressed)
        {
          g_assert_true (isnan (p->value));
          n_suppressed++;
        }
      else
        {
          g_assert_false (isnan (p->value));
          sum += p->value;
        }
      if (i > 0)
        {
          FhPriorityPoint *q = g_ptr_array_index (series, i - 1);
          int order = g_strcmp0 (q->indicator_code, p->indicator_code);

          /* by indicator, then oldest first */
          g_assert_cmpint (order, <=, 0);
          if (order == 0)
            g_assert_cmpint (g_date_time_compare (q->period_end, p->period_end), <, 0);
        }
    }

  g_assert_cmpint (n_suppressed, ==,
                   owner_count ("SELECT count(*) FROM fh.indicator_value v JOIN fh.indicator i USING (indicator_id)"
                                " WHERE i.authority_id = 1 AND " HIDDEN_SQL, 0, NULL));
  g_assert_cmpint (n_suppressed, >, 0);
  owner_sum = owner_value ("SELECT sum(v.value)::text FROM fh.indicator_value v JOIN fh.indicator i USING (indicator_id)"
                           " WHERE i.authority_id = 1 AND NOT " HIDDEN_SQL, 0, NULL);
  g_assert_cmpfloat_with_epsilon (sum, as_double (owner_sum), 1e-6);
}

static void
check_detail (FhDatabase *db, const char *code, guint *n_suppressed)
{
  g_autoptr(GPtrArray) points = get_detail (db, 1, code);
  const char *params[] = { code };

  g_assert_cmpint (points->len, ==,
                   owner_count ("SELECT count(*) FROM fh.indicator_value v JOIN fh.indicator i USING (indicator_id)"
                                " WHERE i.authority_id = 1 AND i.indicator_code = $1", 1, params));
  for (guint i = 0; i < points->len; i++)
    {
      FhPriorityPoint *p = g_ptr_array_index (points, i);
      g_autofree char *iso = fh_date_to_iso (p->period_end);
      const char *lp[] = { code, iso };
      g_autofree char *value = NULL, *num = NULL, *den = NULL;
      g_autofree char *unit = owner_value ("SELECT unit FROM fh.indicator WHERE authority_id = 1 AND indicator_code = $1", 1, params);
      gboolean den_small, small;

      g_assert_cmpstr (p->indicator_code, ==, code);
      value = owner_value ("SELECT v.value::text FROM fh.indicator_value v JOIN fh.indicator i USING (indicator_id)"
                           " WHERE i.authority_id = 1 AND i.indicator_code = $1 AND v.period_end = $2", 2, lp);
      num = owner_value ("SELECT v.numerator::text FROM fh.indicator_value v JOIN fh.indicator i USING (indicator_id)"
                         " WHERE i.authority_id = 1 AND i.indicator_code = $1 AND v.period_end = $2", 2, lp);
      den = owner_value ("SELECT v.denominator::text FROM fh.indicator_value v JOIN fh.indicator i USING (indicator_id)"
                         " WHERE i.authority_id = 1 AND i.indicator_code = $1 AND v.period_end = $2", 2, lp);
      den_small = is_small (den);
      small = expected_hidden (unit, value, num, den);

      g_assert_cmpint (p->value_suppressed, ==, small);
      g_assert_cmpint (p->numerator, ==, expected_count (num, is_small (num)));
      g_assert_cmpint (p->denominator, ==, expected_count (den, den_small));
      if (small)
        {
          g_assert_true (isnan (p->value));
          (*n_suppressed)++;
        }
      else
        {
          assert_same_double (p->value, value);
          /* where there are counts, the value is what they say */
          if (num != NULL && den != NULL)
            {
              double scale = g_str_equal (unit, "percent") ? 100 : g_str_equal (unit, "rate_per_10k") ? 10000 : 100000;

              g_assert_cmpfloat_with_epsilon (p->value, round (10 * scale * p->numerator / p->denominator) / 10, 1e-9);
            }
        }
    }
}

static void
test_detail_matches_independent_sql (void)
{
  g_autoptr(FhDatabase) db = connect_reader ();
  g_autoptr(GPtrArray) overview = get_overview (db, 1);
  guint n_suppressed = 0;

  for (guint i = 0; i < overview->len; i++)
    {
      FhPriorityIndicator *p = g_ptr_array_index (overview, i);

      if (p->indicator_code != NULL)
        check_detail (db, p->indicator_code, &n_suppressed);
    }
  /* the closing survey's first two quarters (3 of 4 and 5 of 7), the first
   * quarter of case studies (3) */
  g_assert_cmpuint (n_suppressed, ==,
                    owner_count ("SELECT count(*) FROM fh.indicator_value v JOIN fh.indicator i USING (indicator_id)"
                                 " WHERE i.authority_id = 1 AND " HIDDEN_SQL, 0, NULL));
  g_assert_cmpuint (n_suppressed, >=, 3);
}

static void
test_detail_of_unknown_indicator (void)
{
  g_autoptr(FhDatabase) db = connect_reader ();
  Wait w = { 0 };

  fh_database_indicator_detail_async (db, 1, "no_such_indicator", NULL, on_detail, &w);
  wait_run (&w);
  g_assert_null (w.value);
  g_assert_error (w.error, FH_DATABASE_ERROR, FH_DATABASE_ERROR_QUERY);
  g_clear_error (&w.error);
}

/* Every number a reader can get from the priority functions, for every
 * authority and indicator, with psql's eyes: none is 1 to 5, and nothing
 * built on one is there. The owner sees that such counts exist. */
static void
test_reader_never_gets_small_numbers (void)
{
  PGconn *conn = PQconnectdb (reader_conninfo);
  PGresult *r;
  gint64 small_in_tables;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  small_in_tables = owner_count ("SELECT count(*) FROM fh.indicator_value v JOIN fh.indicator i USING (indicator_id)"
                                 " WHERE " HIDDEN_SQL, 0, NULL);
  g_assert_cmpint (small_in_tables, >, 0);

  r = PQexec (conn,
              "SELECT"
              "  (SELECT count(*) FROM reporting.authority_list() a,"
              "          reporting.priority_overview(a.authority_id) o,"
              "          reporting.indicator_detail(a.authority_id, o.indicator_code) d"
              "    WHERE o.indicator_code IS NOT NULL"
              "      AND (d.numerator BETWEEN 1 AND 5 OR d.denominator BETWEEN 1 AND 5"
              "           OR (o.unit = 'count' AND d.value > 0 AND d.value <= 5)"
              "           OR (d.value_suppressed AND d.value IS NOT NULL)"
              "           OR (d.numerator_suppressed AND d.numerator IS NOT NULL)"
              "           OR (d.denominator_suppressed AND d.denominator IS NOT NULL))),"
              "  (SELECT count(*) FROM reporting.authority_list() a,"
              "          reporting.priority_overview(a.authority_id) o"
              "    WHERE o.latest_numerator BETWEEN 1 AND 5 OR o.latest_denominator BETWEEN 1 AND 5"
              "       OR (o.unit = 'count' AND o.latest_value > 0 AND o.latest_value <= 5)"
              "       OR (o.value_suppressed AND o.latest_value IS NOT NULL)),"
              "  (SELECT count(*) FROM reporting.authority_list() a,"
              "          reporting.priority_series(a.authority_id) s"
              "    WHERE (s.value_suppressed AND s.value IS NOT NULL)"
              "       OR (s.indicator_code IN ('case_studies', 'co_design_families', 'shared_record_partners')"
              "           AND s.value > 0 AND s.value <= 5)),"
              "  (SELECT count(*) FROM reporting.authority_list() a,"
              "          reporting.priority_overview(a.authority_id) o,"
              "          reporting.indicator_detail(a.authority_id, o.indicator_code) d"
              "    WHERE o.indicator_code IS NOT NULL AND d.value_suppressed)");
  g_assert_cmpint (PQresultStatus (r), ==, PGRES_TUPLES_OK);
  g_assert_cmpstr (PQgetvalue (r, 0, 0), ==, "0");
  g_assert_cmpstr (PQgetvalue (r, 0, 1), ==, "0");
  g_assert_cmpstr (PQgetvalue (r, 0, 2), ==, "0");
  /* and the reader sees that something was suppressed, as many times as the owner counts */
  g_assert_cmpint (g_ascii_strtoll (PQgetvalue (r, 0, 3), NULL, 10), ==, small_in_tables);
  PQclear (r);

  /* The tables and the internal suppression function stay out of reach. */
  {
    const char *denied[] = {
      "SELECT count(*) FROM fh.success_measure",
      "SELECT count(*) FROM fh.indicator_success_measure",
      "SELECT count(*) FROM fh.indicator_comparator",
      "SELECT count(*) FROM fh.indicator_commentary",
      "SELECT count(*) FROM fh.published_indicator_value(101, true)",
      "SELECT fh_demo.generate_priorities(1)",
    };

    for (guint i = 0; i < G_N_ELEMENTS (denied); i++)
      {
        r = PQexec (conn, denied[i]);
        g_assert_cmpint (PQresultStatus (r), ==, PGRES_FATAL_ERROR);
        g_assert_cmpstr (PQresultErrorField (r, PG_DIAG_SQLSTATE), ==, "42501");
        PQclear (r);
      }
  }
  PQfinish (conn);
}

static char *
sqlstate_of (PGconn *conn, const char *sql)
{
  PGresult *r = PQexec (conn, sql);
  const char *state = PQresultErrorField (r, PG_DIAG_SQLSTATE);
  char *copy = g_strdup (state ? state : "00000");

  PQclear (r);
  return copy;
}

/* Exact figures are a service manager's, on request; a reader who asks is
 * refused, not quietly given suppressed ones. */
static void
test_exact_figures_for_managers_only (void)
{
  g_autofree char *manager_conninfo = g_strdup_printf ("%s user=fh_manager", reader_conninfo);
  PGconn *reader = PQconnectdb (reader_conninfo);
  PGconn *manager = PQconnectdb (manager_conninfo);
  const char *asks[] = {
    "SELECT * FROM reporting.priority_overview(1, true)",
    "SELECT * FROM reporting.priority_series(1, true)",
    "SELECT * FROM reporting.indicator_detail(1, 'family_voice_difference', true)",
  };
  g_autofree char *owner_first = owner_value ("SELECT v.numerator || '/' || v.denominator"
                                              "  FROM fh.indicator_value v JOIN fh.indicator i USING (indicator_id)"
                                              " WHERE i.authority_id = 1 AND i.indicator_code = 'family_voice_difference'"
                                              " ORDER BY v.period_end LIMIT 1", 0, NULL);
  PGresult *r;

  g_assert_cmpint (PQstatus (reader), ==, CONNECTION_OK);
  g_assert_cmpint (PQstatus (manager), ==, CONNECTION_OK);
  for (guint i = 0; i < G_N_ELEMENTS (asks); i++)
    {
      g_autofree char *state = sqlstate_of (reader, asks[i]);
      g_autofree char *ok = sqlstate_of (manager, asks[i]);

      g_assert_cmpstr (state, ==, "42501");
      g_assert_cmpstr (ok, ==, "00000");
    }

  /* the survey's first quarter: suppressed unless asked, exact when asked */
  r = PQexec (manager, "SELECT numerator || '/' || denominator, value_suppressed::text"
                       "  FROM reporting.indicator_detail(1, 'family_voice_difference', true) LIMIT 1");
  g_assert_cmpint (PQresultStatus (r), ==, PGRES_TUPLES_OK);
  g_assert_cmpstr (PQgetvalue (r, 0, 0), ==, owner_first);
  g_assert_cmpstr (PQgetvalue (r, 0, 1), ==, "false");
  PQclear (r);
  r = PQexec (manager, "SELECT numerator IS NULL, value_suppressed::text"
                       "  FROM reporting.indicator_detail(1, 'family_voice_difference') LIMIT 1");
  g_assert_cmpint (PQresultStatus (r), ==, PGRES_TUPLES_OK);
  g_assert_cmpstr (PQgetvalue (r, 0, 0), ==, "t");
  g_assert_cmpstr (PQgetvalue (r, 0, 1), ==, "true");
  PQclear (r);

  PQfinish (manager);
  PQfinish (reader);
}

/* The house rules for every function 07-priorities.sql adds to reporting. */
static void
test_functions_follow_the_house_rules (void)
{
  gint64 n = owner_count ("SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                          " WHERE n.nspname = 'reporting'"
                          "   AND p.proname IN ('priority_overview', 'priority_series', 'indicator_detail',"
                          "                     'indicator_comparators', 'indicator_commentary', 'success_measures')",
                          0, NULL);
  gint64 good = owner_count ("SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                             " WHERE n.nspname = 'reporting'"
                             "   AND p.proname IN ('priority_overview', 'priority_series', 'indicator_detail',"
                             "                     'indicator_comparators', 'indicator_commentary', 'success_measures')"
                             "   AND p.prosecdef AND p.provolatile = 's'"
                             "   AND p.proowner = 'fh_owner'::regrole"
                             "   AND p.proconfig @> ARRAY['search_path=pg_catalog, fh, pg_temp']"
                             "   AND has_function_privilege('fh_reader', p.oid, 'EXECUTE')"
                             "   AND NOT EXISTS (SELECT 1 FROM aclexplode(p.proacl) a"
                             "                    WHERE a.grantee NOT IN ('fh_owner'::regrole, 'fh_reader'::regrole))"
                             "   AND NOT has_function_privilege('public', p.oid, 'EXECUTE')",
                             0, NULL);

  g_assert_cmpint (n, ==, 6);
  g_assert_cmpint (good, ==, n);

  /* the internal suppression function: pinned too, runs as its caller, and
   * no one but its owner may call it */
  g_assert_cmpint (owner_count ("SELECT count(*) FROM pg_proc p"
                                " WHERE p.oid = 'fh.published_indicator_value(int, boolean)'::regprocedure"
                                "   AND NOT p.prosecdef AND p.provolatile = 's'"
                                "   AND p.proowner = 'fh_owner'::regrole"
                                "   AND p.proconfig @> ARRAY['search_path=pg_catalog, fh, pg_temp']"
                                "   AND NOT has_function_privilege('fh_reader', p.oid, 'EXECUTE')"
                                "   AND NOT has_function_privilege('public', p.oid, 'EXECUTE')", 0, NULL), ==, 1);
}

static void
test_every_success_measure_has_data (void)
{
  g_autoptr(FhDatabase) db = connect_reader ();
  g_autoptr(GHashTable) with_data = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) measures = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) rows = NULL;
  /* what issue 11 says the strategy names */
  const char *named[] = {
    "statutory_intervention", "good_level_of_development", "neet", "exclusions",
    "attendance_attainment", "case_studies", "co_design", "youth_offending", "homelessness",
    "child_health", "exploitation", "family_voice",
  };
  Wait w = { 0 };

  fh_database_success_measures_async (db, 1, NULL, on_measures, &w);
  wait_run (&w);
  g_assert_no_error (w.error);
  rows = w.value;

  for (guint i = 0; i < rows->len; i++)
    {
      FhSuccessMeasure *m = g_ptr_array_index (rows, i);

      g_hash_table_add (measures, m->measure_code);
      g_assert_nonnull (m->title);
      if (m->indicator_code != NULL)
        {
          const char *params[] = { m->measure_code, m->indicator_code };

          /* the mapping is the database's */
          g_assert_cmpint (owner_count ("SELECT count(*) FROM fh.indicator_success_measure s"
                                        " JOIN fh.indicator i USING (indicator_id)"
                                        " WHERE i.authority_id = 1 AND s.measure_code = $1"
                                        "   AND i.indicator_code = $2", 2, params), ==, 1);
          g_assert_cmpint (m->n_values, ==,
                           owner_count ("SELECT count(*) FROM fh.indicator_value v JOIN fh.indicator i USING (indicator_id)"
                                        " WHERE i.authority_id = 1 AND i.indicator_code = $2 AND $1::text IS NOT NULL", 2, params));
          g_assert_cmpint (m->n_published, <=, m->n_values);
          if (m->n_published > 0)
            g_hash_table_add (with_data, m->measure_code);
        }
    }

  g_assert_cmpint (g_hash_table_size (measures), ==,
                   owner_count ("SELECT count(*) FROM fh.success_measure", 0, NULL));
  g_assert_cmpuint (g_hash_table_size (measures), ==, G_N_ELEMENTS (named));
  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    {
      g_test_message ("success measure %s", named[i]);
      g_assert_true (g_hash_table_contains (measures, named[i]));
      g_assert_true (g_hash_table_contains (with_data, named[i]));
    }
}

static void
test_comparators_and_commentary (void)
{
  g_autoptr(FhDatabase) db = connect_reader ();
  g_autoptr(GPtrArray) comparators = NULL;
  g_autoptr(GPtrArray) all_comparators = NULL;
  g_autoptr(GPtrArray) commentary = NULL;
  Wait w = { 0 };

  fh_database_indicator_comparators_async (db, 1, "gld", NULL, on_comparators, &w);
  wait_run (&w);
  g_assert_no_error (w.error);
  comparators = g_steal_pointer (&w.value);
  g_assert_cmpint (comparators->len, ==,
                   owner_count ("SELECT count(*) FROM fh.indicator_comparator c JOIN fh.indicator i USING (indicator_id)"
                                " WHERE i.authority_id = 1 AND i.indicator_code = 'gld'", 0, NULL));
  g_assert_cmpuint (comparators->len, >, 0);
  for (guint i = 0; i < comparators->len; i++)
    {
      FhIndicatorComparator *c = g_ptr_array_index (comparators, i);
      g_autofree char *iso = fh_date_to_iso (c->period_end);
      const char *params[] = { c->comparator, iso };
      g_autofree char *value = owner_value ("SELECT c.value::text FROM fh.indicator_comparator c"
                                            " JOIN fh.indicator i USING (indicator_id)"
                                            " WHERE i.authority_id = 1 AND i.indicator_code = 'gld'"
                                            "   AND c.comparator = $1 AND c.period_end = $2", 2, params);

      g_assert_cmpstr (c->indicator_code, ==, "gld");
      assert_same_double (c->value, value);
      g_assert_cmpstr (fh_comparator_get_label (c->comparator), !=, c->comparator);
    }

  w = (Wait) { 0 };
  fh_database_indicator_comparators_async (db, 1, NULL, NULL, on_comparators, &w);
  wait_run (&w);
  g_assert_no_error (w.error);
  all_comparators = g_steal_pointer (&w.value);
  g_assert_cmpint (all_comparators->len, ==,
                   owner_count ("SELECT count(*) FROM fh.indicator_comparator c JOIN fh.indicator i USING (indicator_id)"
                                " WHERE i.authority_id = 1", 0, NULL));

  w = (Wait) { 0 };
  fh_database_indicator_commentary_async (db, 1, NULL, NULL, on_commentary, &w);
  wait_run (&w);
  g_assert_no_error (w.error);
  commentary = g_steal_pointer (&w.value);
  g_assert_cmpint (commentary->len, ==,
                   owner_count ("SELECT count(*) FROM fh.indicator_commentary c JOIN fh.indicator i USING (indicator_id)"
                                " WHERE i.authority_id = 1", 0, NULL));
  g_assert_cmpuint (commentary->len, >, 0);
  for (guint i = 0; i < commentary->len; i++)
    {
      FhIndicatorCommentary *c = g_ptr_array_index (commentary, i);
      g_autofree char *iso = fh_date_to_iso (c->period_end);
      const char *params[] = { c->indicator_code, iso };
      g_autofree char *text = owner_value ("SELECT c.commentary FROM fh.indicator_commentary c"
                                           " JOIN fh.indicator i USING (indicator_id)"
                                           " WHERE i.authority_id = 1 AND i.indicator_code = $1"
                                           "   AND c.period_end = $2", 2, params);
      gint64 epoch = owner_count ("SELECT extract(epoch FROM c.updated_at)::bigint FROM fh.indicator_commentary c"
                                  " JOIN fh.indicator i USING (indicator_id)"
                                  " WHERE i.authority_id = 1 AND i.indicator_code = $1"
                                  "   AND c.period_end = $2", 2, params);

      g_assert_cmpstr (c->commentary, ==, text);
      g_assert_nonnull (c->written_by);
      g_assert_cmpint (g_date_time_to_unix (c->updated_at), ==, epoch);
    }
}

/* The RAG status the app works out (fh-rag.c, from the reader's figures)
 * against the rule worked out in SQL by the owner, in exact decimals, for
 * every indicator of authority 1 with a baseline, a target and a value. */
static void
test_rag_matches_rule_in_sql (void)
{
  g_autoptr(FhDatabase) db = connect_reader ();
  g_autoptr(GPtrArray) overview = get_overview (db, 1);
  g_autoptr(GPtrArray) series = get_series (db, 1);
  g_autoptr(GString) app = g_string_new (NULL);
  g_autofree char *owner = NULL;
  guint counts[4] = { 0 };
  guint per_priority[5][4] = { { 0 } };
  static const char *names[] = { "grey", "red", "amber", "green" };

  for (guint i = 0; i < overview->len; i++)
    {
      FhPriorityIndicator *p = g_ptr_array_index (overview, i);
      FhRagAssessment a;
      FhDirection direction;

      fh_priority_indicator_assess (p, series, &a, &direction);
      counts[a.status]++;
      per_priority[p->priority_number][a.status]++;
      if (p->latest_period == NULL)
        {
          g_assert_cmpint (a.status, ==, FH_RAG_GREY);
          g_assert_cmpint (a.reason, ==, FH_RAG_REASON_NO_DATA);
          g_assert_cmpint (direction, ==, FH_DIRECTION_UNKNOWN);
          continue;
        }
      g_assert_true (g_date_time_equal (a.latest_date, p->latest_period));
      g_assert_cmpint (direction, !=, FH_DIRECTION_UNKNOWN);
      if (!isnan (p->baseline))
        g_string_append_printf (app, "%s%s=%s", app->len ? "," : "", p->indicator_code, names[a.status]);
    }

  owner = owner_value (
    "WITH l AS ("
    "  SELECT DISTINCT ON (i.indicator_id) i.indicator_code,"
    "         CASE i.polarity WHEN 'higher_is_better' THEN 1 ELSE -1 END AS s,"
    "         i.baseline AS b, i.baseline_period AS bd, i.target AS t, i.target_date AS td,"
    "         coalesce(i.rag_tolerance, 0.25 * abs(i.target - i.baseline)) AS tol,"
    "         v.value AS x, v.period_end AS d"
    "    FROM fh.indicator i JOIN fh.indicator_value v USING (indicator_id)"
    "   WHERE i.authority_id = 1 AND i.baseline IS NOT NULL"
    "     AND NOT " HIDDEN_SQL
    "   ORDER BY i.indicator_id, v.period_end DESC"
    "), e AS ("
    "  SELECT *, CASE WHEN d >= td THEN t WHEN d <= bd THEN b"
    "                 ELSE b + (t - b) * (d - bd) / (td - bd)::numeric END AS ex FROM l"
    ")"
    "SELECT string_agg(indicator_code || '=' ||"
    "         CASE WHEN (x - t) * s >= 0 THEN 'green'"
    "              WHEN (ex - x) * s <= 0 THEN 'green'"
    "              WHEN (ex - x) * s <= tol THEN 'amber'"
    "              ELSE 'red' END, ',' ORDER BY priority, indicator_code)"
    "  FROM (SELECT e.*, i.priority_number AS priority FROM e"
    "          JOIN fh.indicator i ON i.authority_id = 1 AND i.indicator_code = e.indicator_code) z",
    0, NULL);
  g_test_message ("app:   %s", app->str);
  g_test_message ("owner: %s", owner);
  g_assert_cmpstr (app->str, ==, owner);

  /* the demo shows every status */
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    g_assert_cmpuint (counts[i], >, 0);

  /* each priority's summary line counts the same statuses */
  for (int n = 1; n <= 4; n++)
    {
      FhRagCounts c;
      g_autofree char *line = NULL;

      fh_priority_count_statuses (overview, series, n, &c);
      g_assert_cmpuint (c.n_green, ==, per_priority[n][FH_RAG_GREEN]);
      g_assert_cmpuint (c.n_amber, ==, per_priority[n][FH_RAG_AMBER]);
      g_assert_cmpuint (c.n_red, ==, per_priority[n][FH_RAG_RED]);
      g_assert_cmpuint (c.n_no_data + c.n_no_target, ==, per_priority[n][FH_RAG_GREY]);
      line = fh_rag_summary_describe (c.n_green, c.n_amber, c.n_red, c.n_no_data, c.n_no_target);
      g_test_message ("priority %d: %s", n, line);
    }
  {
    FhRagCounts c;

    /* priority 4 has the one indicator with no data yet */
    fh_priority_count_statuses (overview, series, 4, &c);
    g_assert_cmpuint (c.n_no_data, ==, 1);
    g_assert_cmpuint (c.n_no_target, ==, 0);
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!fh_test_db_init ())
    return 77;

  g_test_add_func ("/priorities/overview", test_overview_matches_independent_sql);
  g_test_add_func ("/priorities/series", test_series_matches_independent_sql);
  g_test_add_func ("/priorities/detail", test_detail_matches_independent_sql);
  g_test_add_func ("/priorities/detail-unknown", test_detail_of_unknown_indicator);
  g_test_add_func ("/priorities/reader-never-gets-small-numbers", test_reader_never_gets_small_numbers);
  g_test_add_func ("/priorities/exact-figures", test_exact_figures_for_managers_only);
  g_test_add_func ("/priorities/house-rules", test_functions_follow_the_house_rules);
  g_test_add_func ("/priorities/success-measures", test_every_success_measure_has_data);
  g_test_add_func ("/priorities/comparators-and-commentary", test_comparators_and_commentary);
  g_test_add_func ("/priorities/rag-matches-sql", test_rag_matches_rule_in_sql);

  return g_test_run ();
}
