/* fh-database-private.h — how a query is handed to the worker thread
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libpq-fe.h>

#include "fh-database.h"

G_BEGIN_DECLS

/* Worker threads (and so connections) per FhDatabase unless
 * fh_database_set_max_connections() says otherwise. */
#define FH_DATABASE_DEFAULT_WORKERS 3

/* The keyword/value arrays given to PQconnectdbParams(): the options of
 * @conninfo as PQconninfoParse() reads them (key=value or URI), plus the
 * dashboard's defaults (connect_timeout, keepalives, tcp_user_timeout) for
 * those neither it nor the environment sets, and a fallback application
 * name. With a named service the service file decides and no defaults are
 * added. Private; declared here for the tests. */
gboolean  fh_database_connect_params (const char  *conninfo,
                                      GStrv       *keywords,
                                      GStrv       *values,
                                      GError     **error);

/* Turns row @row of @result into one newly allocated item. */
typedef gpointer (*FhRowParser) (const PGresult *result, int row);

/* How many columns a parser expects: checked before parsing so that a
 * reporting layer of another shape gives FH_DATABASE_ERROR_SCHEMA, not junk. */
typedef struct {
  const char     *sql;         /* static, parameterised: $1, $2 … */
  int             n_columns;
  FhRowParser     parse_row;
  GDestroyNotify  free_item;
  gboolean        single;      /* return the first item (or NULL) instead of an array */
} FhQuerySpec;

/* Takes ownership of @params (a NULL-terminated-free array of @n_params
 * strings, any of which may be NULL for SQL NULL). */
void      fh_database_submit (FhDatabase         *self,
                              const FhQuerySpec  *spec,
                              char              **params,
                              int                 n_params,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data,
                              gpointer            source_tag);

/* "true" or "false": the p_exact parameter of a reporting function,
 * from fh_database_get_exact_figures(). Newly allocated (for params). */
char     *fh_database_exact_param (FhDatabase *self);

/* The result of a job started by fh_database_submit() with @source_tag: the
 * item (single) or the GPtrArray of items, or NULL with @error set. */
gpointer  fh_database_finish (FhDatabase    *self,
                              GAsyncResult  *result,
                              gpointer       source_tag,
                              GError       **error);

G_END_DECLS
