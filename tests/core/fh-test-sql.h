/* fh-test-sql.h — plain SQL on an owner's connection, for the summary tests
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

/* Each fails the test (g_error) when the server says no. */
PGconn *fh_test_sql_connect (const char *conninfo);
/* The one value of a statement (NULL for SQL NULL), which must return one row. */
char   *fh_test_sql_value   (PGconn *conn, const char *sql);
gint64  fh_test_sql_count   (PGconn *conn, const char *sql);
void    fh_test_sql_command (PGconn *conn, const char *sql);
/* Connects with @conninfo (the reader's) and asserts that each of @sqls is
 * refused with 42501 (insufficient privilege). */
void    fh_test_sql_assert_refused (const char        *conninfo,
                                    const char *const *sqls,
                                    guint              n_sqls);
