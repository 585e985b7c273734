/* test-core-units.c — the data layer's pieces that need no server
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "fh-database.h"
#include "fh-pg-error.h"
#include "fh-pg-value.h"

static void
test_dates (void)
{
  g_autoptr(GDateTime) d = fh_date_from_iso ("2025-04-01");
  g_autofree char *iso = NULL;

  g_assert_nonnull (d);
  g_assert_cmpint (g_date_time_get_year (d), ==, 2025);
  g_assert_cmpint (g_date_time_get_month (d), ==, 4);
  g_assert_cmpint (g_date_time_get_day_of_month (d), ==, 1);
  iso = fh_date_to_iso (d);
  g_assert_cmpstr (iso, ==, "2025-04-01");

  g_assert_null (fh_date_from_iso ("2025-02-30"));
  g_assert_null (fh_date_from_iso ("2025-04-01x"));
  g_assert_null (fh_date_from_iso ("April"));
  g_assert_null (fh_date_from_iso (NULL));
}

static void
test_filter_copy_equal (void)
{
  g_autoptr(GDateTime) from = fh_date_new (2025, 4, 1);
  g_autoptr(GDateTime) to = fh_date_new (2026, 3, 31);
  g_autoptr(FhDemandFilter) a = fh_demand_filter_new (1, from, to);
  g_autoptr(FhDemandFilter) b = NULL;

  a->service = g_strdup ("adolescence");
  b = fh_demand_filter_copy (a);
  g_assert_true (fh_demand_filter_equal (a, b));
  g_assert_cmpstr (b->service, ==, "adolescence");
  g_assert_true (b->service != a->service);

  g_free (b->service);
  b->service = g_strdup ("core");
  g_assert_false (fh_demand_filter_equal (a, b));
  g_assert_false (fh_demand_filter_equal (a, NULL));
}

static void
test_error_split (void)
{
  g_autoptr(GError) plain = g_error_new_literal (FH_DATABASE_ERROR, FH_DATABASE_ERROR_QUERY, "Only a summary");
  g_autoptr(GError) both = g_error_new_literal (FH_DATABASE_ERROR, FH_DATABASE_ERROR_QUERY,
                                                "What to do.\n\nFATAL:  libpq says\n");
  g_autofree char *s1 = fh_error_get_summary (plain);
  g_autofree char *d1 = fh_error_get_detail (plain);
  g_autofree char *s2 = fh_error_get_summary (both);
  g_autofree char *d2 = fh_error_get_detail (both);

  g_assert_cmpstr (s1, ==, "Only a summary");
  g_assert_null (d1);
  g_assert_cmpstr (s2, ==, "What to do.");
  g_assert_cmpstr (d2, ==, "FATAL:  libpq says");
}

typedef struct {
  const char      *libpq;
  FhDatabaseError  code;
  const char      *summary_part;
} ConnectCase;

static void
test_connect_error_classes (void)
{
  static const ConnectCase cases[] = {
    { "connection to server on socket \"/tmp/x/.s.PGSQL.5432\" failed: No such file or directory\n"
      "\tIs the server running locally and accepting connections on that socket?",
      FH_DATABASE_ERROR_UNREACHABLE, "Cannot reach the database server at db.example:5432 — is it running?" },
    { "connection to server at \"10.0.0.1\", port 5432 failed: Connection refused",
      FH_DATABASE_ERROR_UNREACHABLE, "is it running?" },
    { "could not translate host name \"nohost\" to address: Name or service not known",
      FH_DATABASE_ERROR_UNREACHABLE, "check the server name" },
    { "connection to server at \"x\" failed: FATAL:  password authentication failed for user \"anna\"",
      FH_DATABASE_ERROR_AUTHENTICATION, "“anna”" },
    { "connection to server failed: FATAL:  role \"anna\" does not exist",
      FH_DATABASE_ERROR_AUTHENTICATION, ".pgpass" },
    { "connection to server failed: FATAL:  database \"famlyhelp\" does not exist",
      FH_DATABASE_ERROR_NO_DATABASE, "no database called “famlyhelp”" },
    { "definition of service \"board\" not found",
      FH_DATABASE_ERROR_BAD_CONNINFO, "pg_service.conf" },
    { "connection to server at \"x\" failed: timeout expired",
      FH_DATABASE_ERROR_UNREACHABLE, "did not answer in time" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = fh_pg_error_classify_connect (cases[i].libpq, "db.example:5432",
                                                              "anna", "famlyhelp");
      g_autofree char *summary = fh_error_get_summary (error);
      g_autofree char *detail = fh_error_get_detail (error);

      g_assert_error (error, FH_DATABASE_ERROR, (int) cases[i].code);
      g_assert_nonnull (strstr (summary, cases[i].summary_part));
      /* libpq's own words are kept, as detail, never lost */
      g_assert_nonnull (detail);
      g_assert_true (g_str_has_prefix (cases[i].libpq, detail));
    }
}

static void
test_conninfo_error (void)
{
  g_autoptr(GError) error = fh_pg_error_from_conninfo ("missing \"=\" after \"nonsense\" in connection info string\n");
  g_autofree char *detail = fh_error_get_detail (error);

  g_assert_error (error, FH_DATABASE_ERROR, FH_DATABASE_ERROR_BAD_CONNINFO);
  g_assert_cmpstr (detail, ==, "missing \"=\" after \"nonsense\" in connection info string");
}

/* A PGresult built without a server, to check the cell readers. */
static void
test_cell_values (void)
{
  PGresAttDesc attrs[5] = { 0 };
  PGresult *r = PQmakeEmptyPGresult (NULL, PGRES_TUPLES_OK);
  const char *names[] = { "t", "n", "d", "day", "bad" };

  for (int i = 0; i < 5; i++)
    {
      attrs[i].name = (char *) names[i];
      attrs[i].format = 0;
      attrs[i].typlen = -1;
    }
  g_assert_true (PQsetResultAttrs (r, 5, attrs));
  g_assert_true (PQsetvalue (r, 0, 0, (char *) "Aspley", 6));
  g_assert_true (PQsetvalue (r, 0, 1, (char *) "1234", 4));
  g_assert_true (PQsetvalue (r, 0, 2, (char *) "123.4", 5));
  g_assert_true (PQsetvalue (r, 0, 3, (char *) "2026-03-31", 10));
  g_assert_true (PQsetvalue (r, 0, 4, (char *) "12abc", 5));
  /* row 1: every cell NULL */
  for (int c = 0; c < 5; c++)
    g_assert_true (PQsetvalue (r, 1, c, NULL, -1));

  {
    g_autofree char *t = fh_pg_value_text (r, 0, 0);
    g_autoptr(GDateTime) day = fh_pg_value_date (r, 0, 3);

    g_assert_cmpstr (t, ==, "Aspley");
    g_assert_cmpint (fh_pg_value_count (r, 0, 1), ==, 1234);
    g_assert_cmpfloat_with_epsilon (fh_pg_value_double (r, 0, 2), 123.4, 1e-9);
    g_assert_cmpint (g_date_time_get_day_of_month (day), ==, 31);
    g_assert_cmpint (fh_pg_value_count (r, 0, 4), ==, FH_COUNT_MISSING);
    g_assert_true (isnan (fh_pg_value_double (r, 0, 4)));
  }

  /* NULL is missing, never zero */
  g_assert_null (fh_pg_value_text (r, 1, 0));
  g_assert_cmpint (fh_pg_value_count (r, 1, 1), ==, FH_COUNT_MISSING);
  g_assert_true (isnan (fh_pg_value_double (r, 1, 2)));
  g_assert_null (fh_pg_value_date (r, 1, 3));
  g_assert_cmpint (fh_pg_value_int (r, 1, 1, 7), ==, 7);

  PQclear (r);
}

static void
on_not_connected (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GError **error = user_data;
  g_autoptr(GPtrArray) rows = fh_database_authorities_finish (FH_DATABASE (source), result, error);

  g_assert_null (rows);
}

/* A query before connecting fails clearly, through the worker thread. */
static void
test_query_before_connect (void)
{
  g_autoptr(FhDatabase) db = fh_database_new ("host=/nonexistent");
  g_autoptr(GError) error = NULL;

  g_assert_false (fh_database_is_connected (db));
  g_assert_null (fh_database_get_description (db));
  fh_database_authorities_async (db, NULL, on_not_connected, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, FH_DATABASE_ERROR, FH_DATABASE_ERROR_NOT_CONNECTED);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/dates", test_dates);
  g_test_add_func ("/core/filter/copy-equal", test_filter_copy_equal);
  g_test_add_func ("/core/error/split", test_error_split);
  g_test_add_func ("/core/error/connect-classes", test_connect_error_classes);
  g_test_add_func ("/core/error/conninfo", test_conninfo_error);
  g_test_add_func ("/core/pg/cell-values", test_cell_values);
  g_test_add_func ("/core/database/query-before-connect", test_query_before_connect);

  return g_test_run ();
}
