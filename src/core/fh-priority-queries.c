/* fh-priority-queries.c — the reporting-layer calls of the Priorities page
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each query is one call of a function of data/sql/07-priorities.sql with
 * every value passed as a parameter; the rows are already aggregate and
 * suppressed. These functions only name the columns and build typed results.
 */
#include <math.h>
#include <string.h>

#include "fh-database-private.h"
#include "fh-pg-value.h"
#include "fh-priority-queries.h"

static char **
authority_params (int         authority_id,
                  const char *indicator_code,
                  int        *n_params)
{
  char **params = g_new0 (char *, 4);

  params[0] = g_strdup_printf ("%d", authority_id);
  params[1] = g_strdup (indicator_code);
  *n_params = 2;
  return params;
}

static void
submit (FhDatabase          *self,
        const FhQuerySpec   *spec,
        int                  authority_id,
        const char          *indicator_code,
        gboolean             with_code,
        GCancellable        *cancellable,
        GAsyncReadyCallback  callback,
        gpointer             user_data,
        gpointer             source_tag)
{
  int n_params;
  char **params = authority_params (authority_id, indicator_code, &n_params);

  if (!with_code)
    {
      g_clear_pointer (&params[1], g_free);
      n_params = 1;
    }
  /* the functions that can give exact figures take p_exact last */
  if (strstr (spec->sql, "::boolean)") != NULL)
    params[n_params++] = fh_database_exact_param (self);
  fh_database_submit (self, spec, params, n_params, cancellable, callback, user_data, source_tag);
}

/* ---- overview --------------------------------------------------------------- */

static gpointer
parse_priority_indicator (const PGresult *r, int row)
{
  FhPriorityIndicator *p = g_new0 (FhPriorityIndicator, 1);
  g_autofree char *polarity = fh_pg_value_text (r, row, 5);

  p->priority_number = fh_pg_value_int (r, row, 0, 0);
  p->priority_title = fh_pg_value_text (r, row, 1);
  p->indicator_code = fh_pg_value_text (r, row, 2);
  p->indicator_name = fh_pg_value_text (r, row, 3);
  p->unit = fh_pg_value_text (r, row, 4);
  p->higher_is_better = g_strcmp0 (polarity, "higher_is_better") == 0;
  p->baseline = fh_pg_value_double (r, row, 6);
  p->baseline_period = fh_pg_value_date (r, row, 7);
  p->target = fh_pg_value_double (r, row, 8);
  p->target_date = fh_pg_value_date (r, row, 9);
  p->rag_tolerance = fh_pg_value_double (r, row, 10);
  p->source = fh_pg_value_text (r, row, 11);
  p->latest_period = fh_pg_value_date (r, row, 12);
  p->value_suppressed = fh_pg_value_bool (r, row, 16);
  p->latest_value = p->value_suppressed ? NAN : fh_pg_value_double (r, row, 13);
  p->latest_numerator = fh_pg_value_count_or_suppressed (r, row, 14, 17);
  p->latest_denominator = fh_pg_value_count_or_suppressed (r, row, 15, 18);
  p->n_periods = fh_pg_value_int (r, row, 19, 0);
  return p;
}

static const FhQuerySpec overview_spec = {
  "SELECT priority_number, priority_title, indicator_code, indicator_name, unit, polarity,"
  "       baseline, baseline_period, target, target_date, rag_tolerance, source,"
  "       latest_period, latest_value, latest_numerator, latest_denominator,"
  "       value_suppressed, numerator_suppressed, denominator_suppressed, n_periods"
  "  FROM reporting.priority_overview($1::int, $2::boolean)",
  20, parse_priority_indicator, (GDestroyNotify) fh_priority_indicator_free, FALSE
};

void
fh_database_priority_overview_async (FhDatabase          *self,
                                     int                  authority_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (FH_IS_DATABASE (self));

  submit (self, &overview_spec, authority_id, NULL, FALSE, cancellable, callback, user_data,
          fh_database_priority_overview_async);
}

GPtrArray *
fh_database_priority_overview_finish (FhDatabase    *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return fh_database_finish (self, result, fh_database_priority_overview_async, error);
}

/* ---- series of every indicator --------------------------------------------- */

static gpointer
parse_series_point (const PGresult *r, int row)
{
  FhPriorityPoint *p = g_new0 (FhPriorityPoint, 1);

  p->indicator_code = fh_pg_value_text (r, row, 0);
  p->period_end = fh_pg_value_date (r, row, 1);
  p->value_suppressed = fh_pg_value_bool (r, row, 3);
  p->value = p->value_suppressed ? NAN : fh_pg_value_double (r, row, 2);
  p->numerator = FH_COUNT_MISSING;
  p->denominator = FH_COUNT_MISSING;
  return p;
}

static const FhQuerySpec series_spec = {
  "SELECT indicator_code, period_end, value, value_suppressed"
  "  FROM reporting.priority_series($1::int, $2::boolean)",
  4, parse_series_point, (GDestroyNotify) fh_priority_point_free, FALSE
};

void
fh_database_priority_series_async (FhDatabase          *self,
                                   int                  authority_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (FH_IS_DATABASE (self));

  submit (self, &series_spec, authority_id, NULL, FALSE, cancellable, callback, user_data,
          fh_database_priority_series_async);
}

GPtrArray *
fh_database_priority_series_finish (FhDatabase    *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return fh_database_finish (self, result, fh_database_priority_series_async, error);
}

/* ---- one indicator in detail -------------------------------------------------- */

static gpointer
parse_detail_point (const PGresult *r, int row)
{
  FhPriorityPoint *p = g_new0 (FhPriorityPoint, 1);

  p->indicator_code = fh_pg_value_text (r, row, 0);
  p->period_end = fh_pg_value_date (r, row, 1);
  p->value_suppressed = fh_pg_value_bool (r, row, 5);
  p->value = p->value_suppressed ? NAN : fh_pg_value_double (r, row, 2);
  p->numerator = fh_pg_value_count_or_suppressed (r, row, 3, 6);
  p->denominator = fh_pg_value_count_or_suppressed (r, row, 4, 7);
  return p;
}

static const FhQuerySpec detail_spec = {
  "SELECT $2::text, period_end, value, numerator, denominator,"
  "       value_suppressed, numerator_suppressed, denominator_suppressed"
  "  FROM reporting.indicator_detail($1::int, $2::text, $3::boolean)",
  8, parse_detail_point, (GDestroyNotify) fh_priority_point_free, FALSE
};

void
fh_database_indicator_detail_async (FhDatabase          *self,
                                    int                  authority_id,
                                    const char          *indicator_code,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (FH_IS_DATABASE (self));
  g_return_if_fail (indicator_code != NULL);

  submit (self, &detail_spec, authority_id, indicator_code, TRUE, cancellable, callback,
          user_data, fh_database_indicator_detail_async);
}

GPtrArray *
fh_database_indicator_detail_finish (FhDatabase    *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return fh_database_finish (self, result, fh_database_indicator_detail_async, error);
}

/* ---- comparators ---------------------------------------------------------------- */

static gpointer
parse_comparator (const PGresult *r, int row)
{
  FhIndicatorComparator *c = g_new0 (FhIndicatorComparator, 1);

  c->indicator_code = fh_pg_value_text (r, row, 0);
  c->comparator = fh_pg_value_text (r, row, 1);
  c->period_end = fh_pg_value_date (r, row, 2);
  c->value = fh_pg_value_double (r, row, 3);
  return c;
}

static const FhQuerySpec comparators_spec = {
  "SELECT indicator_code, comparator, period_end, value"
  "  FROM reporting.indicator_comparators($1::int, $2::text)",
  4, parse_comparator, (GDestroyNotify) fh_indicator_comparator_free, FALSE
};

void
fh_database_indicator_comparators_async (FhDatabase          *self,
                                         int                  authority_id,
                                         const char          *indicator_code,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (FH_IS_DATABASE (self));

  submit (self, &comparators_spec, authority_id, indicator_code, TRUE, cancellable, callback,
          user_data, fh_database_indicator_comparators_async);
}

GPtrArray *
fh_database_indicator_comparators_finish (FhDatabase    *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  return fh_database_finish (self, result, fh_database_indicator_comparators_async, error);
}

/* ---- commentary ----------------------------------------------------------------- */

static gpointer
parse_commentary (const PGresult *r, int row)
{
  FhIndicatorCommentary *c = g_new0 (FhIndicatorCommentary, 1);

  c->indicator_code = fh_pg_value_text (r, row, 0);
  c->period_end = fh_pg_value_date (r, row, 1);
  c->commentary = fh_pg_value_text (r, row, 2);
  c->written_by = fh_pg_value_text (r, row, 3);
  if (!PQgetisnull (r, row, 4))
    c->updated_at = g_date_time_new_from_unix_utc (fh_pg_value_count (r, row, 4));
  return c;
}

static const FhQuerySpec commentary_spec = {
  "SELECT indicator_code, period_end, commentary, written_by,"
  "       extract(epoch FROM updated_at)::bigint"
  "  FROM reporting.indicator_commentary($1::int, $2::text)",
  5, parse_commentary, (GDestroyNotify) fh_indicator_commentary_free, FALSE
};

void
fh_database_indicator_commentary_async (FhDatabase          *self,
                                        int                  authority_id,
                                        const char          *indicator_code,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (FH_IS_DATABASE (self));

  submit (self, &commentary_spec, authority_id, indicator_code, TRUE, cancellable, callback,
          user_data, fh_database_indicator_commentary_async);
}

GPtrArray *
fh_database_indicator_commentary_finish (FhDatabase    *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return fh_database_finish (self, result, fh_database_indicator_commentary_async, error);
}

/* ---- success measures ----------------------------------------------------------- */

static gpointer
parse_success_measure (const PGresult *r, int row)
{
  FhSuccessMeasure *m = g_new0 (FhSuccessMeasure, 1);

  m->measure_code = fh_pg_value_text (r, row, 0);
  m->title = fh_pg_value_text (r, row, 1);
  m->description = fh_pg_value_text (r, row, 2);
  m->sort_order = fh_pg_value_int (r, row, 3, 0);
  m->indicator_code = fh_pg_value_text (r, row, 4);
  m->indicator_name = fh_pg_value_text (r, row, 5);
  m->priority_number = fh_pg_value_int (r, row, 6, 0);
  m->n_values = fh_pg_value_int (r, row, 7, -1);
  m->n_published = fh_pg_value_int (r, row, 8, -1);
  return m;
}

static const FhQuerySpec success_measures_spec = {
  "SELECT measure_code, measure_title, description, sort_order, indicator_code,"
  "       indicator_name, priority_number, n_values, n_published"
  "  FROM reporting.success_measures($1::int)",
  9, parse_success_measure, (GDestroyNotify) fh_success_measure_free, FALSE
};

void
fh_database_success_measures_async (FhDatabase          *self,
                                    int                  authority_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (FH_IS_DATABASE (self));

  submit (self, &success_measures_spec, authority_id, NULL, FALSE, cancellable, callback,
          user_data, fh_database_success_measures_async);
}

GPtrArray *
fh_database_success_measures_finish (FhDatabase    *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return fh_database_finish (self, result, fh_database_success_measures_async, error);
}
