/* fh-team-caseload.c — open episodes and FTE per team, counted in SQL
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fh-database-private.h"
#include "fh-filter.h"
#include "fh-pg-value.h"
#include "fh-team-caseload.h"

void
fh_team_caseload_free (FhTeamCaseload *self)
{
  if (self == NULL)
    return;
  g_free (self->team_name);
  g_free (self->service);
  g_free (self->locality);
  g_free (self);
}

static gpointer
parse_team_caseload (const PGresult *r, int row)
{
  FhTeamCaseload *t = g_new0 (FhTeamCaseload, 1);

  t->team_name = fh_pg_value_text (r, row, 0);
  t->service = fh_pg_value_text (r, row, 1);
  t->locality = fh_pg_value_text (r, row, 2);
  t->workers = (guint) fh_pg_value_int (r, row, 3, 0);
  t->fte = fh_pg_value_double (r, row, 4);
  t->open_episodes = fh_pg_value_count_or_suppressed (r, row, 5, 7);
  t->episodes_per_fte = fh_pg_value_double (r, row, 6);
  return t;
}

static const FhQuerySpec team_caseloads_spec = {
  "SELECT team_name, service, locality, workers, fte, open_episodes, episodes_per_fte,"
  "       open_episodes_suppressed"
  "  FROM reporting.caseload_by_team($1::int, $2::date)",
  8, parse_team_caseload, (GDestroyNotify) fh_team_caseload_free, FALSE
};

void
fh_database_team_caseloads_async (FhDatabase          *self,
                                  int                  authority_id,
                                  GDateTime           *as_at,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  char **params;

  g_return_if_fail (FH_IS_DATABASE (self));
  g_return_if_fail (as_at != NULL);

  params = g_new0 (char *, 3);
  params[0] = g_strdup_printf ("%d", authority_id);
  params[1] = fh_date_to_iso (as_at);
  fh_database_submit (self, &team_caseloads_spec, params, 2,
                      cancellable, callback, user_data, fh_database_team_caseloads_async);
}

GPtrArray *
fh_database_team_caseloads_finish (FhDatabase    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (FH_IS_DATABASE (self), NULL);
  return fh_database_finish (self, result, fh_database_team_caseloads_async, error);
}
