/* fh-test-db.c — what the database tests share
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tests need FH_CONNINFO (the app's read-only role) and
 * FH_OWNER_CONNINFO (the cluster superuser) for a database loaded with
 * data/sql; run-with-postgres.sh starts one when they are unset.
 */
#include "fh-test-db.h"

const char *reader_conninfo;
const char *owner_conninfo;

gboolean
fh_test_db_init (void)
{
  reader_conninfo = g_getenv ("FH_CONNINFO");
  owner_conninfo = g_getenv ("FH_OWNER_CONNINFO");
  if (reader_conninfo == NULL || owner_conninfo == NULL)
    {
      g_printerr ("FH_CONNINFO and FH_OWNER_CONNINFO are not set: run through run-with-postgres.sh\n");
      return FALSE;
    }
  return TRUE;
}



static gboolean
quit_loop (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

void
wait_run (Wait *w)
{
  guint id;

  w->loop = g_main_loop_new (NULL, FALSE);
  id = g_timeout_add_seconds (120, quit_loop, w->loop);
  g_main_loop_run (w->loop);
  g_source_remove (id);
  g_main_loop_unref (w->loop);
}

void
on_connect (GObject *source, GAsyncResult *result, gpointer data)
{
  Wait *w = data;
  w->ok = fh_database_connect_finish (FH_DATABASE (source), result, &w->error);
  g_main_loop_quit (w->loop);
}

FhDatabase *
connect_or_fail (const char *conninfo, GError **error)
{
  g_autoptr(FhDatabase) db = fh_database_new (conninfo);
  Wait w = { 0 };

  fh_database_connect_async (db, NULL, on_connect, &w);
  wait_run (&w);
  if (!w.ok)
    {
      g_propagate_error (error, w.error);
      return NULL;
    }
  return g_steal_pointer (&db);
}

FhDatabase *
connect_reader (void)
{
  g_autoptr(GError) error = NULL;
  FhDatabase *db = connect_or_fail (reader_conninfo, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

#define DEFINE_ON_ARRAY(name, finish)                                              \
  void name (GObject *source, GAsyncResult *result, gpointer data)          \
  {                                                                                \
    Wait *w = data;                                                                \
    w->value = finish (FH_DATABASE (source), result, &w->error);                   \
    g_main_loop_quit (w->loop);                                                    \
  }

DEFINE_ON_ARRAY (on_authorities, fh_database_authorities_finish)
DEFINE_ON_ARRAY (on_ward_demand, fh_database_ward_demand_finish)
DEFINE_ON_ARRAY (on_monthly, fh_database_demand_monthly_finish)
DEFINE_ON_ARRAY (on_caseloads, fh_database_caseloads_finish)
DEFINE_ON_ARRAY (on_indicators, fh_database_indicators_finish)
DEFINE_ON_ARRAY (on_series, fh_database_indicator_series_finish)
DEFINE_ON_ARRAY (on_extract, fh_database_extract_time_finish)

/* Runs independent SQL as the owner; returns the single text cell. */
char *
owner_value (const char *sql, int n_params, const char * const *params)
{
  PGconn *conn = PQconnectdb (owner_conninfo);
  PGresult *r;
  char *value;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  r = PQexecParams (conn, sql, n_params, NULL, params, NULL, NULL, 0);
  if (PQresultStatus (r) != PGRES_TUPLES_OK)
    g_error ("owner SQL failed: %s\n%s", sql, PQresultErrorMessage (r));
  g_assert_cmpint (PQntuples (r), ==, 1);
  value = PQgetisnull (r, 0, 0) ? NULL : g_strdup (PQgetvalue (r, 0, 0));
  PQclear (r);
  PQfinish (conn);
  return value;
}

gint64
owner_count (const char *sql, int n_params, const char * const *params)
{
  g_autofree char *v = owner_value (sql, n_params, params);

  g_assert_nonnull (v);
  return g_ascii_strtoll (v, NULL, 10);
}

FhDemandFilter *
financial_year_filter (void)
{
  g_autoptr(GDateTime) from = fh_date_new (2025, 4, 1);
  g_autoptr(GDateTime) to = fh_date_new (2026, 3, 31);

  return fh_demand_filter_new (1, from, to);
}

