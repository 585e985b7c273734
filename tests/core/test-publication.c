/* test-publication.c — exact figures only when asked, and only for a manager
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Publication view reaches the reporting layer through one setting of the
 * connection (fh_database_set_exact_figures), which every query wrapper
 * passes as p_exact. On a month of targeted Adolescence episodes by ward
 * (small counts, so suppression shows): as fh_manager with exact figures the
 * wrapper's counts equal an independent count of the owner's rows; without,
 * they equal the reader's and the counts of 1 to 5 are suppressed; a reader
 * that asks for exact figures is refused by the database, with an error
 * that says it gets published figures (not that it may not read the data).
 */
#include <math.h>

#include "fh-caseload-queries.h"
#include "fh-test-db.h"

static GPtrArray *
month_by_ward (FhDatabase *db, GError **error)
{
  g_autoptr(GDateTime) from = fh_date_new (2025, 6, 1);
  g_autoptr(GDateTime) to = fh_date_new (2025, 6, 30);
  g_autoptr(FhDemandFilter) filter = fh_demand_filter_new (1, from, to);
  Wait w = { 0 };

  filter->level = g_strdup ("targeted");
  filter->service = g_strdup ("adolescence");
  fh_database_ward_demand_async (db, filter, NULL, on_ward_demand, &w);
  wait_run (&w);
  if (w.error != NULL)
    g_propagate_error (error, w.error);
  return w.value;
}

static gint64
owner_started (const char *ward_code)
{
  const char *params[] = { ward_code };

  return owner_count ("SELECT count(*) FROM fh.episode WHERE ward_code = $1"
                      "   AND started_on BETWEEN '2025-06-01' AND '2025-06-30'"
                      "   AND level = 'targeted' AND service = 'adolescence'", 1, params);
}

static void
test_manager (void)
{
  g_autofree char *conninfo = g_strdup_printf ("%s user=fh_manager", reader_conninfo);
  g_autoptr(GError) error = NULL;
  g_autoptr(FhDatabase) manager = connect_or_fail (conninfo, &error);
  g_autoptr(FhDatabase) reader = connect_reader ();
  g_autoptr(GPtrArray) exact = NULL, published = NULL, readers = NULL;
  guint small = 0, suppressed = 0;

  g_assert_no_error (error);
  g_assert_false (fh_database_get_exact_figures (manager));   /* published unless asked */

  fh_database_set_exact_figures (manager, TRUE);
  exact = month_by_ward (manager, &error);
  g_assert_no_error (error);
  fh_database_set_exact_figures (manager, FALSE);
  published = month_by_ward (manager, &error);
  g_assert_no_error (error);
  readers = month_by_ward (reader, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (exact->len, ==, 20);
  g_assert_cmpuint (published->len, ==, exact->len);
  g_assert_cmpuint (readers->len, ==, exact->len);
  for (guint i = 0; i < exact->len; i++)
    {
      FhWardDemand *e = g_ptr_array_index (exact, i);
      FhWardDemand *p = g_ptr_array_index (published, i);
      FhWardDemand *r = g_ptr_array_index (readers, i);
      gint64 expected = owner_started (e->ward_code);

      g_assert_cmpstr (e->ward_code, ==, p->ward_code);
      g_assert_cmpstr (e->ward_code, ==, r->ward_code);
      g_assert_cmpint (e->episodes_started, ==, expected);
      if (expected >= 1 && expected <= 5)
        {
          small++;
          g_assert_cmpint (p->episodes_started, ==, FH_COUNT_SUPPRESSED);
        }
      if (p->episodes_started == FH_COUNT_SUPPRESSED)
        suppressed++;
      else
        g_assert_cmpint (p->episodes_started, ==, expected);
      /* published is published, whoever asks */
      g_assert_cmpint (p->episodes_started, ==, r->episodes_started);
      g_assert_cmpfloat (isnan (p->started_rate), ==, isnan (r->started_rate));
      if (!isnan (p->started_rate))
        g_assert_cmpfloat (p->started_rate, ==, r->started_rate);
    }
  /* the month has small counts, or this test proves nothing */
  g_assert_cmpuint (small, >=, 3);
  g_assert_cmpuint (suppressed, >=, small);
}

static void
test_reader_refused (void)
{
  g_autoptr(FhDatabase) reader = connect_reader ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_autofree char *summary = NULL;

  fh_database_set_exact_figures (reader, TRUE);
  rows = month_by_ward (reader, &error);
  g_assert_null (rows);
  g_test_message ("refused: %s", error ? error->message : "(no error)");
  /* not "may not read the reporting data": it may, suppressed */
  g_assert_error (error, FH_DATABASE_ERROR, FH_DATABASE_ERROR_EXACT_FIGURES);
  summary = fh_error_get_summary (error);
  g_assert_cmpstr (summary, ==, "Your database account “fh_reader” may only see published figures, "
                                "with small numbers (1 to 5) suppressed and shown as “c”. Exact "
                                "figures are for a service manager’s login (fh_manager), so the "
                                "dashboard stays in publication view.");
  g_clear_error (&error);

  /* the same connection in publication view reads the figures */
  fh_database_set_exact_figures (reader, FALSE);
  rows = month_by_ward (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 20);
}

static void
on_worker_names (GObject *source, GAsyncResult *result, gpointer data)
{
  Wait *w = data;

  w->value = fh_database_worker_names_finish (FH_DATABASE (source), result, &w->error);
  g_main_loop_quit (w->loop);
}

/* A 42501 that is not about exact figures keeps its own message: a reader
 * on a manager-only function may not read that data at all. */
static void
test_reader_refused_other (void)
{
  g_autoptr(FhDatabase) reader = connect_reader ();
  g_autoptr(GError) error = NULL;
  Wait w = { 0 };

  g_autoptr(GDateTime) as_at = fh_date_new (2026, 10, 31);

  fh_database_worker_names_async (reader, 1, as_at, NULL, on_worker_names, &w);
  wait_run (&w);
  g_test_message ("refused: %s", w.error ? w.error->message : "(no error)");
  g_assert_error (w.error, FH_DATABASE_ERROR, FH_DATABASE_ERROR_PERMISSION);
  g_clear_error (&w.error);
  g_clear_pointer (&w.value, g_ptr_array_unref);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!fh_test_db_init ())
    return 77;

  g_test_add_func ("/publication/manager-exact-and-published", test_manager);
  g_test_add_func ("/publication/reader-refused", test_reader_refused);
  g_test_add_func ("/publication/reader-refused-other", test_reader_refused_other);
  return g_test_run ();
}
