/* fh-database-private.h — how a query is handed to the worker thread
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libpq-fe.h>

#include "fh-database.h"

G_BEGIN_DECLS

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

G_END_DECLS
