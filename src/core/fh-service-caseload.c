/* fh-service-caseload.c — Core beside Adolescence: one row per service, counted in SQL
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fh-database-private.h"
#include "fh-filter.h"
#include "fh-pg-value.h"
#include "fh-service-caseload.h"

void
fh_service_caseload_free (FhServiceCaseload *self)
{
  if (self == NULL)
    return;
  g_free (self->service);
  g_free (self);
}

static gpointer
parse_service_caseload (const PGresult *r, int row)
{
  FhServiceCaseload *s = g_new0 (FhServiceCaseload, 1);

  s->service = fh_pg_value_text (r, row, 0);
  s->workers = (guint) fh_pg_value_int (r, row, 1, 0);
  s->fte = fh_pg_value_double (r, row, 2);
  s->open_episodes = fh_pg_value_count_or_suppressed (r, row, 3, 8);
  s->episodes_per_fte = fh_pg_value_double (r, row, 4);
  s->median_per_fte = fh_pg_value_double (r, row, 5);
  s->max_per_fte = fh_pg_value_double (r, row, 6);
  s->above_threshold = fh_pg_value_count (r, row, 7);
  /* withheld, not unknown: the database knows it and will not say */
  if (s->above_threshold == FH_COUNT_MISSING && s->workers > 0)
    s->above_threshold = FH_COUNT_SUPPRESSED;
  return s;
}

static const FhQuerySpec service_caseloads_spec = {
  "SELECT service, workers, fte, open_episodes, episodes_per_fte, median_per_fte, max_per_fte,"
  "       above_threshold, open_episodes_suppressed"
  "  FROM reporting.caseload_by_service($1::int, $2::date, $3::numeric, $4::boolean)",
  9, parse_service_caseload, (GDestroyNotify) fh_service_caseload_free, FALSE
};

void
fh_database_service_caseloads_async (FhDatabase          *self,
                                     int                  authority_id,
                                     GDateTime           *as_at,
                                     double               threshold,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  char **params;
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (FH_IS_DATABASE (self));
  g_return_if_fail (as_at != NULL);

  params = g_new0 (char *, 5);
  params[0] = g_strdup_printf ("%d", authority_id);
  params[1] = fh_date_to_iso (as_at);
  params[2] = g_strdup (g_ascii_dtostr (number, sizeof number, threshold));
  params[3] = fh_database_exact_param (self);
  fh_database_submit (self, &service_caseloads_spec, params, 4,
                      cancellable, callback, user_data, fh_database_service_caseloads_async);
}

GPtrArray *
fh_database_service_caseloads_finish (FhDatabase    *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return fh_database_finish (self, result, fh_database_service_caseloads_async, error);
}
