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
