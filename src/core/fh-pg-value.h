/* fh-pg-value.h — reading one typed cell of a PGresult
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to src/core. NULL cells become FH_COUNT_MISSING, NAN or NULL:
 * never zero.
 */
#pragma once

#include <libpq-fe.h>
#include <glib.h>

G_BEGIN_DECLS

char      *fh_pg_value_text   (const PGresult *result, int row, int column);
gint64     fh_pg_value_count  (const PGresult *result, int row, int column);
int        fh_pg_value_int    (const PGresult *result, int row, int column, int if_null);
double     fh_pg_value_double (const PGresult *result, int row, int column);
GDateTime *fh_pg_value_date   (const PGresult *result, int row, int column);
gboolean   fh_pg_value_bool   (const PGresult *result, int row, int column);
/* A count whose flag column @flag_column says the reporting layer suppressed
 * it: FH_COUNT_SUPPRESSED then, the count otherwise. */
gint64     fh_pg_value_count_or_suppressed (const PGresult *result, int row, int column,
                                            int flag_column);

G_END_DECLS
