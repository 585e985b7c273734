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
#include <unistd.h>

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


/* The app may queue its first queries straight after connect_async():
 * with several workers a query can start before the connect job ends,
 * and must still get its rows. Without any connect it is refused. */
static void
test_query_right_after_connect (void)
{
  g_autoptr(FhDatabase) db = fh_database_new (reader_conninfo);
  g_autoptr(FhDatabase) never = fh_database_new (reader_conninfo);
  Wait connected = { 0 };
  Wait queries[4] = { 0 };
  Wait refused = { 0 };

  fh_database_authorities_async (never, NULL, on_authorities, &refused);
  wait_run (&refused);
  g_assert_error (refused.error, FH_DATABASE_ERROR, FH_DATABASE_ERROR_NOT_CONNECTED);
  g_clear_error (&refused.error);

  /* The callbacks quit their loops; here the context is simply iterated. */
  connected.loop = g_main_loop_new (NULL, FALSE);
  fh_database_connect_async (db, NULL, on_connect, &connected);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      queries[i].loop = connected.loop;
      fh_database_authorities_async (db, NULL, on_authorities, &queries[i]);
    }

  for (gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC; g_get_monotonic_time () < end;)
    {
      guint done = (connected.ok || connected.error) ? 1 : 0;

      for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
        done += (queries[i].value || queries[i].error) ? 1 : 0;
      if (done == 1 + G_N_ELEMENTS (queries))
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  g_main_loop_unref (connected.loop);

  g_assert_no_error (connected.error);
  g_assert_true (connected.ok);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_assert_no_error (queries[i].error);
      g_assert_nonnull (queries[i].value);
      g_assert_cmpuint (((GPtrArray *) queries[i].value)->len, >=, 1);
      g_ptr_array_unref (queries[i].value);
    }
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

typedef struct {
  GCancellable *cancellable;
  gulong        delay_us;
} LateCancel;

static gpointer
cancel_from_thread (gpointer data)
{
  LateCancel *late = data;

  g_usleep (late->delay_us);
  g_cancellable_cancel (late->cancellable);
  return NULL;
}

/* A cancel request that reaches the server after its query has finished
 * must not stop the next query on that connection: a query cancelled at
 * every moment of its short life, each followed by another, 300 times. */
static void
test_cancel_no_stray (void)
{
  g_autoptr(FhDatabase) db = fh_database_new (reader_conninfo);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  int cancelled = 0, finished = 0;
  Wait w = { 0 };

  fh_database_set_max_connections (db, 1);
  fh_database_connect_async (db, NULL, on_connect, &w);
  wait_run (&w);
  g_assert_no_error (w.error);

  for (int i = 0; i < 300; i++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      LateCancel late = { cancellable, g_rand_int_range (rand, 0, 3000) };
      Wait first = { 0 };
      Wait next = { 0 };
      GThread *thread;

      fh_database_authorities_async (db, cancellable, on_authorities, &first);
      thread = g_thread_new ("late-cancel", cancel_from_thread, &late);
      wait_run (&first);
      g_thread_join (thread);
      if (first.error != NULL)
        {
          g_assert_error (first.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
          g_clear_error (&first.error);
          cancelled++;
        }
      else
        {
          g_ptr_array_unref (first.value);
          finished++;
        }

      fh_database_authorities_async (db, NULL, on_authorities, &next);
      wait_run (&next);
      g_assert_no_error (next.error);
      g_ptr_array_unref (next.value);
    }
  g_test_message ("%d cancelled, %d finished first", cancelled, finished);
  g_assert_cmpint (cancelled, >, 0);
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

/* A shorter limit in the connection text (or set on the role by the data
 * team) is kept; the app's own setting does not lengthen it. */
static void
test_statement_timeout_from_conninfo (void)
{
  g_autofree char *conninfo = reader_with ("options='-c statement_timeout=1000'");
  g_autoptr(FhDatabase) db = fh_database_new (conninfo);
  g_autoptr(FhDemandFilter) filter = financial_year_filter ();
  g_autofree char *summary = NULL;
  PGconn *lock;
  gint64 start, elapsed;
  Wait w = { 0 };

  g_assert_cmpuint (fh_database_get_statement_timeout (db), ==, 30000);
  fh_database_connect_async (db, NULL, on_connect, &w);
  wait_run (&w);
  g_assert_no_error (w.error);

  lock = owner_lock_referrals ();
  start = g_get_monotonic_time ();
  fh_database_ward_demand_async (db, filter, NULL, on_ward_demand, &w);
  wait_run (&w);
  elapsed = g_get_monotonic_time () - start;
  owner_unlock (lock);
  g_assert_error (w.error, FH_DATABASE_ERROR, FH_DATABASE_ERROR_TIMEOUT);
  g_assert_cmpint (elapsed, <, 2500 * 1000);
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


/* ---- lifetimes: the database goes while its workers run ---------------- */

static guint
count_threads (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/task", 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static gboolean
quit_soon (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

static void
spin_main_loop (guint ms)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add (ms, quit_soon, loop);
  g_main_loop_run (loop);
}

/* Waits (running the main loop) until at most @expected threads are left. */
static guint
wait_for_threads (guint expected,
                  guint timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  guint n;

  while ((n = count_threads ()) > expected && g_get_monotonic_time () < end)
    spin_main_loop (20);
  return n;
}

/* The lifetime tests name their sessions after this process, so that no
 * other client of the server can upset their counts. */
static char *
lifetime_app_name (void)
{
  return g_strdup_printf ("fh-test-lifetime-%d", (int) getpid ());
}

static char *
lifetime_conninfo (void)
{
  g_autofree char *name = lifetime_app_name ();
  g_autofree char *option = g_strdup_printf ("application_name=%s", name);

  return reader_with (option);
}

static FhDatabase *
connect_lifetime (void)
{
  g_autofree char *conninfo = lifetime_conninfo ();
  g_autoptr(GError) error = NULL;
  FhDatabase *db = connect_or_fail (conninfo, &error);

  g_assert_no_error (error);
  return db;
}

static char *
app_sessions (const char *state)
{
  g_autofree char *name = lifetime_app_name ();
  const char *params[] = { state, name };

  return owner_value ("SELECT count(*) FROM pg_stat_activity"
                      " WHERE application_name = $2"
                      "   AND ($1::text IS NULL OR state = $1)", 2, params);
}

static gboolean
wait_for_sessions (const char *state,
                   const char *expected,
                   guint       timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  for (;;)
    {
      g_autofree char *seen = app_sessions (state);

      if (g_strcmp0 (seen, expected) == 0)
        return TRUE;
      if (g_get_monotonic_time () >= end)
        {
          g_test_message ("%s sessions: %s, expected %s", state ? state : "all", seen, expected);
          return FALSE;
        }
      spin_main_loop (50);
    }
}

typedef struct {
  int      pending;
  int      cancelled;
  int      ok;
  GError  *other_error;
} Counter;

static void
on_connect_counted (GObject *source, GAsyncResult *result, gpointer data)
{
  Counter *c = data;
  g_autoptr(GError) error = NULL;

  if (fh_database_connect_finish (FH_DATABASE (source), result, &error))
    c->ok++;
  else if (c->other_error == NULL)
    c->other_error = g_steal_pointer (&error);
  c->pending--;
}

static void
on_ward_demand_counted (GObject *source, GAsyncResult *result, gpointer data)
{
  Counter *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = fh_database_ward_demand_finish (FH_DATABASE (source), result, &error);

  if (rows != NULL && rows->len == 20)
    c->ok++;
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    c->cancelled++;
  else if (c->other_error == NULL)
    c->other_error = error ? g_steal_pointer (&error)
                           : g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED, "%u rows",
                                          rows ? rows->len : 0);
  c->pending--;
}

static void
wait_counter (Counter *c,
              guint    timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (c->pending > 0 && g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  g_assert_cmpint (c->pending, ==, 0);
}

/* 2,000 databases connected and dropped, half of them dropped before the
 * connection even completed (so a worker's GTask holds the last
 * reference and the database is finalised on that worker): every worker
 * thread and every server session must be gone afterwards. */
static void
test_connect_unref_cycles (void)
{
  const int cycles = g_test_slow () ? 5000 : 2000;
  g_autofree char *conninfo = lifetime_conninfo ();
  guint before;
  guint after;
  Counter c = { 0 };

  /* Let earlier tests' sessions go before counting. */
  g_assert_true (wait_for_sessions (NULL, "0", 10000));
  before = count_threads ();

  for (int i = 0; i < cycles; i++)
    {
      FhDatabase *db = fh_database_new (conninfo);

      c.pending++;
      fh_database_connect_async (db, NULL, on_connect_counted, &c);
      if (i % 2 == 0)
        {
          g_object_unref (db);       /* the job's GTask now holds the only reference */
          wait_counter (&c, 30000);
        }
      else
        {
          wait_counter (&c, 30000);
          g_object_unref (db);
        }
    }

  g_assert_no_error (c.other_error);
  g_assert_cmpint (c.ok, ==, cycles);

  after = wait_for_threads (before, 10000);
  g_test_message ("%d cycles: %u threads before, %u after", cycles, before, after);
  g_assert_cmpuint (after, <=, before);
  g_assert_true (wait_for_sessions (NULL, "0", 10000));
}

/* The window closes while its queries run or wait: every callback still
 * comes, promptly, saying "closed"; the server stops the queries; the
 * database and all its threads are gone. */
static void
test_close_during_query (void)
{
  g_autoptr(FhDemandFilter) filter = financial_year_filter ();
  FhDatabase *db;
  PGconn *lock;
  GWeakRef weak;
  Counter c = { 0 };
  guint before;
  gint64 start;

  g_assert_true (wait_for_sessions (NULL, "0", 10000));
  before = count_threads ();

  db = connect_lifetime ();
  g_weak_ref_init (&weak, db);
  lock = owner_lock_referrals ();

  /* Three run (one per worker) and wait for the lock; two wait in the queue. */
  for (int i = 0; i < 5; i++)
    {
      c.pending++;
      fh_database_ward_demand_async (db, filter, NULL, on_ward_demand_counted, &c);
    }
  g_assert_true (wait_for_sessions ("active", "3", 10000));

  start = g_get_monotonic_time ();
  fh_database_close (db);
  g_object_unref (db);
  wait_counter (&c, 10000);
  g_test_message ("5 callbacks %.0f ms after close", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_no_error (c.other_error);
  g_assert_cmpint (c.cancelled, ==, 5);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);

  /* The server stopped them while the lock is still held. */
  g_assert_true (wait_for_sessions ("active", "0", 5000));
  owner_unlock (lock);

  spin_main_loop (50);
  db = g_weak_ref_get (&weak);
  g_assert_null (db);
  g_weak_ref_clear (&weak);
  g_assert_cmpuint (wait_for_threads (before, 10000), <=, before);
  g_assert_true (wait_for_sessions (NULL, "0", 10000));

  /* A closed database answers "closed" at once and starts nothing. */
  {
    g_autoptr(FhDatabase) closed = connect_lifetime ();
    Wait w = { 0 };

    fh_database_close (closed);
    g_assert_false (fh_database_is_connected (closed));
    fh_database_ward_demand_async (closed, filter, NULL, on_ward_demand, &w);
    wait_run (&w);
    g_assert_error (w.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&w.error);
  }
}

/* Dropped with a query running and no close: the query is left to
 * finish, its callback gets the rows, then the database goes. Also with
 * the caller's cancellable cancelled right after the unref. */
static void
test_unref_during_query (void)
{
  g_autoptr(FhDemandFilter) filter = financial_year_filter ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  FhDatabase *db;
  PGconn *lock;
  GWeakRef weak;
  Counter c = { 0 };
  guint before;

  g_assert_true (wait_for_sessions (NULL, "0", 10000));
  before = count_threads ();

  db = connect_lifetime ();
  g_weak_ref_init (&weak, db);
  lock = owner_lock_referrals ();
  c.pending = 2;
  fh_database_ward_demand_async (db, filter, NULL, on_ward_demand_counted, &c);
  fh_database_ward_demand_async (db, filter, cancellable, on_ward_demand_counted, &c);
  g_assert_true (wait_for_sessions ("active", "2", 10000));
  g_object_unref (db);
  g_cancellable_cancel (cancellable);
  spin_main_loop (300);
  g_assert_cmpint (c.cancelled, ==, 1);
  owner_unlock (lock);
  wait_counter (&c, 20000);
  g_assert_no_error (c.other_error);
  g_assert_cmpint (c.ok, ==, 1);

  spin_main_loop (50);
  db = g_weak_ref_get (&weak);
  g_assert_null (db);
  g_weak_ref_clear (&weak);
  g_assert_cmpuint (wait_for_threads (before, 10000), <=, before);
}

/* ---- the pool: one blocked query does not hold up another -------------- */

static void
test_pool_locked_table (void)
{
  g_autoptr(FhDatabase) db = fh_database_new (reader_conninfo);
  g_autoptr(FhDemandFilter) filter = financial_year_filter ();
  g_autoptr(GPtrArray) authorities = NULL;
  g_autofree char *summary = NULL;
  Wait blocked = { 0 };
  Wait other = { 0 };
  Wait w = { 0 };
  PGconn *lock;
  gint64 start, other_done, blocked_done;

  fh_database_set_statement_timeout (db, 2000);
  fh_database_connect_async (db, NULL, on_connect, &w);
  wait_run (&w);
  g_assert_no_error (w.error);

  /* reporting.ward_demand() reads fh.referral; reporting.authority_list()
   * reads only fh.authority and fh.ward. */
  lock = owner_lock_referrals ();
  start = g_get_monotonic_time ();
  blocked.loop = g_main_loop_new (NULL, FALSE);
  fh_database_ward_demand_async (db, filter, NULL, on_ward_demand, &blocked);
  fh_database_authorities_async (db, NULL, on_authorities, &other);
  wait_run (&other);
  other_done = g_get_monotonic_time ();
  g_assert_no_error (other.error);
  authorities = other.value;
  g_assert_cmpuint (authorities->len, >=, 1);
  /* …while the first is still waiting for the lock. */
  g_assert_null (blocked.value);
  g_assert_null (blocked.error);
  g_assert_cmpint (other_done - start, <, 1500 * 1000);

  g_main_loop_unref (blocked.loop);
  wait_run (&blocked);
  blocked_done = g_get_monotonic_time ();
  owner_unlock (lock);
  g_test_message ("other query %.0f ms, blocked query's timeout %.0f ms",
                  (other_done - start) / 1000.0, (blocked_done - start) / 1000.0);
  g_assert_error (blocked.error, FH_DATABASE_ERROR, FH_DATABASE_ERROR_TIMEOUT);
  g_assert_cmpint (blocked_done - start, >=, 1900 * 1000);
  g_assert_cmpint (blocked_done - start, <, 4000 * 1000);
  summary = fh_error_get_summary (blocked.error);
  g_assert_nonnull (strstr (summary, "longer than 2 seconds"));
  g_clear_error (&blocked.error);

  /* A timeout set later applies to the sessions already open. */
  fh_database_set_statement_timeout (db, 1000);
  lock = owner_lock_referrals ();
  start = g_get_monotonic_time ();
  fh_database_ward_demand_async (db, filter, NULL, on_ward_demand, &blocked);
  wait_run (&blocked);
  owner_unlock (lock);
  g_assert_error (blocked.error, FH_DATABASE_ERROR, FH_DATABASE_ERROR_TIMEOUT);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2500 * 1000);
  g_clear_error (&blocked.error);
}

/* ---- libpq's own words for what it can explain ------------------------- */

static void
assert_connect_error (const char *conninfo,
                      int         code,
                      const char *in_summary)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FhDatabase) db = connect_or_fail (conninfo, &error);
  g_autofree char *summary = NULL;

  g_assert_null (db);
  g_assert_error (error, FH_DATABASE_ERROR, code);
  summary = fh_error_get_summary (error);
  g_test_message ("%s", summary);
  if (strstr (summary, in_summary) == NULL)
    g_error ("“%s” not in “%s”", in_summary, summary);
  g_assert_null (strstr (summary, "is it running"));
}

static void
test_bad_option_value (void)
{
  g_autofree char *sslmode = reader_with ("sslmode=bogus");
  g_autofree char *attrs = reader_with ("target_session_attrs=sometimes");
  g_autofree char *ports = reader_with ("host=a,b,c port=1,2");

  assert_connect_error (sslmode, FH_DATABASE_ERROR_BAD_CONNINFO, "invalid sslmode value: \"bogus\"");
  assert_connect_error (attrs, FH_DATABASE_ERROR_BAD_CONNINFO,
                        "invalid target_session_attrs value: \"sometimes\"");
  assert_connect_error (ports, FH_DATABASE_ERROR_BAD_CONNINFO, "could not match 2 port numbers to 3 hosts");
}

static void
test_conninfo_too_long (void)
{
  g_autofree char *padding = g_strnfill (100 * 1024, 'x');
  g_autofree char *app_name = g_strdup_printf ("application_name=%s", padding);
  g_autofree char *long_app = reader_with (app_name);
  g_autofree char *dbname = g_strdup_printf ("dbname=%s", padding);
  g_autofree char *long_db = reader_with (dbname);

  assert_connect_error (long_app, FH_DATABASE_ERROR_BAD_CONNINFO, "too long");
  assert_connect_error (long_db, FH_DATABASE_ERROR_BAD_CONNINFO, "too long");
}

/* A role the server knows but will not let in: the server's reason shows. */
static void
test_login_refused (void)
{
  g_autofree char *conninfo = reader_with ("user=fh_test_nologin");
  g_autofree char *done = owner_value ("SELECT CASE WHEN EXISTS (SELECT FROM pg_roles"
                                       " WHERE rolname = 'fh_test_nologin') THEN 'exists' END",
                                       0, NULL);

  if (done == NULL)
    {
      PGconn *owner = PQconnectdb (owner_conninfo);
      PGresult *r = PQexecParams (owner, "CREATE ROLE fh_test_nologin NOLOGIN", 0, NULL, NULL, NULL, NULL, 0);

      g_assert_cmpint (PQresultStatus (r), ==, PGRES_COMMAND_OK);
      PQclear (r);
      PQfinish (owner);
    }

  assert_connect_error (conninfo, FH_DATABASE_ERROR_AUTHENTICATION,
                        "role \"fh_test_nologin\" is not permitted to log in");
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
  g_test_add_func ("/database/connect/query-right-after", test_query_right_after_connect);
  g_test_add_func ("/database/error/no-database", test_no_database);
  g_test_add_func ("/database/error/unknown-role", test_unknown_role);
  g_test_add_func ("/database/error/no-reporting-layer", test_no_reporting_layer);
  g_test_add_func ("/database/cancel/running", test_cancel_running_query);
  g_test_add_func ("/database/cancel/queued", test_cancel_queued_query);
  g_test_add_func ("/database/cancel/no-stray", test_cancel_no_stray);
  g_test_add_func ("/database/timeout", test_statement_timeout);
  g_test_add_func ("/database/timeout/from-conninfo", test_statement_timeout_from_conninfo);
  g_test_add_func ("/database/reader-refused", test_reader_refused_on_person_tables);
  g_test_add_func ("/database/error/bad-option-value", test_bad_option_value);
  g_test_add_func ("/database/error/conninfo-too-long", test_conninfo_too_long);
  g_test_add_func ("/database/error/login-refused", test_login_refused);
  g_test_add_func ("/database/pool/locked-table", test_pool_locked_table);
  g_test_add_func ("/database/lifetime/unref-during-query", test_unref_during_query);
  g_test_add_func ("/database/lifetime/close-during-query", test_close_during_query);
  g_test_add_func ("/database/lifetime/connect-unref-cycles", test_connect_unref_cycles);

  if (!fh_test_db_init ())
    return 77;

  return g_test_run ();
}
