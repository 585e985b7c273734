/* fh-pg-value.c — reading one typed cell of a PGresult
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "fh-filter.h"
#include "fh-pg-value.h"
#include "fh-results.h"

char *
fh_pg_value_text (const PGresult *result,
                  int             row,
                  int             column)
{
  if (PQgetisnull (result, row, column))
    return NULL;
  return g_strdup (PQgetvalue (result, row, column));
}

gint64
fh_pg_value_count (const PGresult *result,
                   int             row,
                   int             column)
{
  const char *text;
  char *end = NULL;
  gint64 value;

  if (PQgetisnull (result, row, column))
    return FH_COUNT_MISSING;

  text = PQgetvalue (result, row, column);
  value = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0')
    return FH_COUNT_MISSING;
  return value;
}

int
fh_pg_value_int (const PGresult *result,
                 int             row,
                 int             column,
                 int             if_null)
{
  gint64 value = fh_pg_value_count (result, row, column);

  if (value == FH_COUNT_MISSING && PQgetisnull (result, row, column))
    return if_null;
  return (int) value;
}

double
fh_pg_value_double (const PGresult *result,
                    int             row,
                    int             column)
{
  const char *text;
  char *end = NULL;
  double value;

  if (PQgetisnull (result, row, column))
    return NAN;

  text = PQgetvalue (result, row, column);
  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0')
    return NAN;
  return value;
}

GDateTime *
fh_pg_value_date (const PGresult *result,
                  int             row,
                  int             column)
{
  if (PQgetisnull (result, row, column))
    return NULL;
  return fh_date_from_iso (PQgetvalue (result, row, column));
}

gboolean
fh_pg_value_bool (const PGresult *result,
                  int             row,
                  int             column)
{
  if (PQgetisnull (result, row, column))
    return FALSE;
  return g_str_equal (PQgetvalue (result, row, column), "t");
}

gint64
fh_pg_value_count_or_suppressed (const PGresult *result,
                                 int             row,
                                 int             column,
                                 int             flag_column)
{
  if (fh_pg_value_bool (result, row, flag_column))
    return FH_COUNT_SUPPRESSED;
  return fh_pg_value_count (result, row, column);
}
