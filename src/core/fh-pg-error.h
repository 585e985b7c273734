/* fh-pg-error.h — turning libpq's words into ones a manager can act on
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to src/core: nothing above the core sees libpq.
 */
#pragma once

#include <libpq-fe.h>

#include "fh-error.h"

G_BEGIN_DECLS

char   *fh_pg_describe_server      (PGconn       *conn);
char   *fh_pg_connect_reason       (const char   *libpq_message);
GError *fh_pg_error_from_conninfo  (const char   *libpq_message);
GError *fh_pg_error_from_connect   (PGconn       *conn);
GError *fh_pg_error_from_result    (PGconn       *conn,
                                    PGresult     *result,
                                    gboolean      cancelled,
                                    guint         timeout_ms);
GError *fh_pg_error_classify_connect (const char *libpq_message,
                                      const char *server,
                                      const char *user,
                                      const char *dbname);

G_END_DECLS
