/* test-database.c — the data layer against a real PostgreSQL
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Needs FH_CONNINFO (the app's read-only role) and FH_OWNER_CONNINFO (the
 * cluster superuser) for a database loaded with data/sql; run through
 * tests/core/run-with-postgres.sh, which starts one when they are unset.
 * Connection, errors, cancelling, timeouts and the reader's permissions;
 * test-figures.c checks the figures.
 */
#include <libpq-fe.h>
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "fh-test-db.h"


/* ---- tests -------------------------------------------------------------- */

static void
test_connect_describes_session (void)
{
  g_autoptr(FhDatabase) db = connect_reader ();
  const char *description = fh_database_get_description (db);
  g_autofree char *app_sessions = NULL;
  g_autofree char *read_only = NULL;

  g_assert_true (fh_database_is_connected (db));
  g_assert_nonnull (strstr (description, "familyhelp"));
  g_assert_nonnull (strstr (description, "fh_reader"));

  /* The server sees a read-only session named after the app. */
  app_sessions = owner_value ("SELECT count(*) FROM pg_stat_activity"
                              " WHERE application_name = 'family-help-dashboard'"
                              "   AND usename = 'fh_reader'", 0, NULL);
  g_assert_cmpstr (app_sessions, ==, "1");
}

static void
test_authorities (void)
{
  g_autoptr(FhDatabase) db = connect_reader ();
  g_autoptr(GPtrArray) rows = NULL;
  Wait w = { 0 };
  FhAuthority *first;

  fh_database_authorities_async (db, NULL, on_authorities, &w);
  wait_run (&w);
  g_assert_no_error (w.error);
  rows = w.value;
  g_assert_cmpint (rows->len, ==, owner_count ("SELECT count(*) FROM fh.authority", 0, NULL));
  first = g_ptr_array_index (rows, 0);
  g_assert_cmpint (first->authority_id, ==, 1);
  g_assert_cmpint (first->ward_count, ==, 20);
  /* the children of the latest population year (the published 69,285 of
   * mid-2020 is checked in test-figures) */
  g_assert_cmpint (first->children_0_17, ==,
                   owner_count ("SELECT sum(children_0_17) FROM fh.ward WHERE authority_id = 1", 0, NULL));
}

static void
test_extract_time (void)
{
  g_autoptr(FhDatabase) db = connect_reader ();
  g_autoptr(GDateTime) t = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *seen = NULL;
  Wait w = { 0 };

  fh_database_extract_time_async (db, 1, NULL, on_extract, &w);
  wait_run (&w);
  g_assert_no_error (w.error);
  t = w.value;
  g_assert_nonnull (t);
  expected = owner_value ("SELECT extract(epoch FROM max(extracted_at))::bigint"
                          "  FROM fh.extract_log WHERE authority_id = 1", 0, NULL);
  seen = g_strdup_printf ("%" G_GINT64_FORMAT, g_date_time_to_unix (t));
  g_assert_cmpstr (seen, ==, expected);
}


/* ---- errors ------------------------------------------------------------- */

static void
test_unreachable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FhDatabase) db = connect_or_fail ("host=/nonexistent-fh-socket-dir port=5999 dbname=x", &error);
  g_autofree char *summary = NULL;
  g_autofree char *detail = NULL;

  g_assert_null (db);
  g_assert_error (error, FH_DATABASE_ERROR, FH_DATABASE_ERROR_UNREACHABLE);
  summary = fh_error_get_summary (error);
  detail = fh_error_get_detail (error);
  g_assert_cmpstr (summary, ==, "Cannot reach the database server at the local socket in "
                                "/nonexistent-fh-socket-dir (port 5999) — is it running?");
  g_assert_nonnull (strstr (detail, "No such file or directory"));
}

static void
test_bad_conninfo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FhDatabase) db = connect_or_fail ("this is not a connection string", &error);

  g_assert_null (db);
  g_assert_error (error, FH_DATABASE_ERROR, FH_DATABASE_ERROR_BAD_CONNINFO);
}

static void
test_missing_service (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FhDatabase) db = NULL;

  g_setenv ("PGSERVICEFILE", "/nonexistent/pg_service.conf", TRUE);
  db = connect_or_fail ("service=no_such_service", &error);
  g_unsetenv ("PGSERVICEFILE");
  g_assert_null (db);
  g_assert_error (error, FH_DATABASE_ERROR, FH_DATABASE_ERROR_BAD_CONNINFO);
}

/* A pg_service.conf service is a way in, like a conninfo string or a URI. */
static void
test_service_and_uri (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fh-service-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "pg_service.conf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *uri = NULL;
  g_auto(GStrv) parts = g_strsplit (reader_conninfo, " ", -1);
  g_autoptr(GString) service = g_string_new ("[fh_test]\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(FhDatabase) by_service = NULL;
  g_autoptr(FhDatabase) by_uri = NULL;
  const char *host = NULL, *port = NULL, *dbname = NULL, *user = NULL;

  for (guint i = 0; parts[i]; i++)
    {
      g_string_append_printf (service, "%s\n", parts[i]);
      if (g_str_has_prefix (parts[i], "host=")) host = parts[i] + 5;
      if (g_str_has_prefix (parts[i], "port=")) port = parts[i] + 5;
      if (g_str_has_prefix (parts[i], "dbname=")) dbname = parts[i] + 7;
      if (g_str_has_prefix (parts[i], "user=")) user = parts[i] + 5;
    }
  g_assert_true (g_file_set_contents (path, service->str, -1, NULL));
  g_setenv ("PGSERVICEFILE", path, TRUE);
  by_service = connect_or_fail ("service=fh_test", &error);
  g_unsetenv ("PGSERVICEFILE");
  g_assert_no_error (error);
  g_assert_nonnull (strstr (fh_database_get_description (by_service), "fh_reader"));

  g_assert_nonnull (host);
  uri = g_strdup_printf ("postgresql://%s@/%s?host=%s&port=%s", user, dbname, host, port ? port : "5432");
  by_uri = connect_or_fail (uri, &error);
  g_assert_no_error (error);
  g_assert_true (fh_database_is_connected (by_uri));

  g_unlink (path);
  g_rmdir (dir);
}

static char *
reader_with (const char *key_value)
{
  return g_strdup_printf ("%s %s", reader_conninfo, key_value);
}

static void
test_no_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *conninfo = reader_with ("dbname=no_such_database");
  g_autoptr(FhDatabase) db = connect_or_fail (conninfo, &error);

  g_assert_null (db);
  g_assert_error (error, FH_DATABASE_ERROR, FH_DATABASE_ERROR_NO_DATABASE);
}

static void
test_unknown_role (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *conninfo = reader_with ("user=no_such_role");
  g_autoptr(FhDatabase) db = connect_or_fail (conninfo, &error);

  g_assert_null (db);
  g_assert_error (error, FH_DATABASE_ERROR, FH_DATABASE_ERROR_AUTHENTICATION);
}

/* A database without the reporting layer says so at connect time. */
static void
test_no_reporting_layer (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *conninfo = reader_with ("dbname=postgres");
  g_autoptr(FhDatabase) db = connect_or_fail (conninfo, &error);

  g_assert_null (db);
  g_assert_error (error, FH_DATABASE_ERROR, FH_DATABASE_ERROR_SCHEMA);
}

/* ---- cancelling and timeouts ------------------------------------------- */

/* The owner locks the referral table so the reader's query waits on the
 * server; then the app cancels (or the statement timeout fires). */
static PGconn *
owner_lock_referrals (void)
{
  PGconn *conn = PQconnectdb (owner_conninfo);
  PGresult *r;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  r = PQexecParams (conn, "BEGIN", 0, NULL, NULL, NULL, NULL, 0);
  PQclear (r);
  r = PQexecParams (conn, "LOCK TABLE fh.referral IN ACCESS EXCLUSIVE MODE", 0, NULL, NULL, NULL, NULL, 0);
  g_assert_cmpint (PQresultStatus (r), ==, PGRES_COMMAND_OK);
  PQclear (r);
  return conn;
}

static void
owner_unlock (PGconn *conn)
{
  PGresult *r = PQexecParams (conn, "ROLLBACK", 0, NULL, NULL, NULL, NULL, 0);
  PQclear (r);
  PQfinish (conn);
}

static gboolean
cancel_later (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel_running_query (void)
{
  g_autoptr(FhDatabase) db = connect_reader ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(FhDemandFilter) filter = financial_year_filter ();
  g_autoptr(GPtrArray) rows = NULL;
  PGconn *lock = owner_lock_referrals ();
  Wait w = { 0 };
  gint64 start = g_get_monotonic_time ();
  g_autofree char *waiting = NULL;

  fh_database_ward_demand_async (db, filter, cancellable, on_ward_demand, &w);
  g_timeout_add (500, cancel_later, cancellable);
  wait_run (&w);
  g_assert_error (w.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (w.value);
  /* It was stopped on the server, not left to wait for the lock: the app's
   * session is idle again while the lock is still held. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);
  waiting = owner_value ("SELECT count(*) FROM pg_stat_activity"
                         " WHERE application_name = 'family-help-dashboard' AND state = 'active'",
                         0, NULL);
  g_assert_cmpstr (waiting, ==, "0");
  owner_unlock (lock);
  g_clear_error (&w.error);

  /* The same connection answers the next query. */
  fh_database_ward_demand_async (db, filter, NULL, on_ward_demand, &w);
  wait_run (&w);
  g_assert_no_error (w.error);
  rows = w.value;
  g_assert_cmpint (rows->len, ==, 20);
}

static void
test_cancel_queued_query (void)
{
  g_autoptr(FhDatabase) db = connect_reader ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(FhDemandFilter) filter = financial_year_filter ();
  Wait w = { 0 };

  g_cancellable_cancel (cancellable);
  fh_database_ward_demand_async (db, filter, cancellable, on_ward_demand, &w);
  wait_run (&w);
  g_assert_error (w.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&w.error);
}

static void
test_statement_timeout (void)
{
  g_autoptr(FhDatabase) db = fh_database_new (reader_conninfo);
  g_autoptr(FhDemandFilter) filter = financial_year_filter ();
  g_autofree char *summary = NULL;
  PGconn *lock;
  Wait w = { 0 };

  fh_database_set_statement_timeout (db, 1000);
  fh_database_connect_async (db, NULL, on_connect, &w);
  wait_run (&w);
  g_assert_no_error (w.error);

  lock = owner_lock_referrals ();
  fh_database_ward_demand_async (db, filter, NULL, on_ward_demand, &w);
  wait_run (&w);
  owner_unlock (lock);
  g_assert_error (w.error, FH_DATABASE_ERROR, FH_DATABASE_ERROR_TIMEOUT);
  summary = fh_error_get_summary (w.error);
  g_assert_nonnull (strstr (summary, "longer than 1 seconds"));
  g_clear_error (&w.error);
}

/* ---- the reader role sees aggregates only ------------------------------ */

static void
test_reader_refused_on_person_tables (void)
{
  PGconn *owner = PQconnectdb (owner_conninfo);
  PGconn *reader = PQconnectdb (reader_conninfo);
  PGresult *tables;
  int n;

  g_assert_cmpint (PQstatus (owner), ==, CONNECTION_OK);
  g_assert_cmpint (PQstatus (reader), ==, CONNECTION_OK);

  tables = PQexecParams (owner, "SELECT schemaname, tablename FROM pg_tables"
                                " WHERE schemaname NOT IN ('pg_catalog', 'information_schema', 'reporting')"
                                " ORDER BY 1, 2", 0, NULL, NULL, NULL, NULL, 0);
  g_assert_cmpint (PQresultStatus (tables), ==, PGRES_TUPLES_OK);
  n = PQntuples (tables);
  g_assert_cmpint (n, >=, 10);

  for (int i = 0; i < n; i++)
    {
      /* Identifiers cannot be bound as parameters; PQescapeIdentifier quotes them. */
      char *schema = PQescapeIdentifier (reader, PQgetvalue (tables, i, 0), strlen (PQgetvalue (tables, i, 0)));
      char *table = PQescapeIdentifier (reader, PQgetvalue (tables, i, 1), strlen (PQgetvalue (tables, i, 1)));
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s.%s LIMIT 1", schema, table);
      PGresult *r = PQexecParams (reader, sql, 0, NULL, NULL, NULL, NULL, 0);
      const char *state = PQresultErrorField (r, PG_DIAG_SQLSTATE);

      if (g_strcmp0 (state, "42501") != 0)
        g_error ("fh_reader was not refused on %s.%s: %s %s", schema, table,
                 PQresStatus (PQresultStatus (r)), PQresultErrorMessage (r));
      PQclear (r);
      PQfreemem (schema);
      PQfreemem (table);
    }
  PQclear (tables);

  /* …and it cannot write anywhere either. */
  {
    PGresult *r = PQexecParams (reader, "CREATE TABLE public.fh_probe (x int)", 0, NULL, NULL, NULL, NULL, 0);
    g_assert_cmpint (PQresultStatus (r), ==, PGRES_FATAL_ERROR);
    PQclear (r);
  }

  PQfinish (owner);
  PQfinish (reader);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);


  g_test_add_func ("/database/connect/session", test_connect_describes_session);
  g_test_add_func ("/database/authorities", test_authorities);
  g_test_add_func ("/database/extract-time", test_extract_time);
  g_test_add_func ("/database/error/unreachable", test_unreachable);
  g_test_add_func ("/database/error/bad-conninfo", test_bad_conninfo);
  g_test_add_func ("/database/error/missing-service", test_missing_service);
  g_test_add_func ("/database/connect/service-and-uri", test_service_and_uri);
  g_test_add_func ("/database/error/no-database", test_no_database);
  g_test_add_func ("/database/error/unknown-role", test_unknown_role);
  g_test_add_func ("/database/error/no-reporting-layer", test_no_reporting_layer);
  g_test_add_func ("/database/cancel/running", test_cancel_running_query);
  g_test_add_func ("/database/cancel/queued", test_cancel_queued_query);
  g_test_add_func ("/database/timeout", test_statement_timeout);
  g_test_add_func ("/database/reader-refused", test_reader_refused_on_person_tables);

  if (!fh_test_db_init ())
    return 77;

  return g_test_run ();
}
