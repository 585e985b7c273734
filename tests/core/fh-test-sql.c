/* fh-test-sql.c — plain SQL on an owner's connection, for the summary tests
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fh-test-sql.h"

PGconn *
fh_test_sql_connect (const char *conninfo)
{
  PGconn *conn = PQconnectdb (conninfo);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("cannot connect (%s): %s", conninfo, PQerrorMessage (conn));
  return conn;
}

char *
fh_test_sql_value (PGconn     *conn,
                   const char *sql)
{
  PGresult *r = PQexecParams (conn, sql, 0, NULL, NULL, NULL, NULL, 0);
  char *v;

  if (PQresultStatus (r) != PGRES_TUPLES_OK || PQntuples (r) != 1)
    g_error ("%s: %s", sql, PQresultErrorMessage (r));
  v = PQgetisnull (r, 0, 0) ? NULL : g_strdup (PQgetvalue (r, 0, 0));
  PQclear (r);
  return v;
}

gint64
fh_test_sql_count (PGconn     *conn,
                   const char *sql)
{
  g_autofree char *v = fh_test_sql_value (conn, sql);

  g_assert_nonnull (v);
  return g_ascii_strtoll (v, NULL, 10);
}

void
fh_test_sql_command (PGconn     *conn,
                     const char *sql)
{
  PGresult *r = PQexecParams (conn, sql, 0, NULL, NULL, NULL, NULL, 0);

  if (PQresultStatus (r) != PGRES_COMMAND_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (r));
  PQclear (r);
}

void
fh_test_sql_assert_refused (const char        *conninfo,
                            const char *const *sqls,
                            guint              n_sqls)
{
  PGconn *conn = PQconnectdb (conninfo);

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  for (guint i = 0; i < n_sqls; i++)
    {
      PGresult *r = PQexec (conn, sqls[i]);

      g_test_message ("as the reader: %s", sqls[i]);
      g_assert_cmpint (PQresultStatus (r), ==, PGRES_FATAL_ERROR);
      g_assert_cmpstr (PQresultErrorField (r, PG_DIAG_SQLSTATE), ==, "42501");
      PQclear (r);
    }
  PQfinish (conn);
}
