/* fh-caseload-queries.c — the caseload sections: waiting, over time, front door, routing
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each query is one call of a function of data/sql/08-caseload.sql with
 * every value passed as a parameter; the rows are already aggregate and
 * suppressed. These functions only name the columns and build typed results.
 */
#include <math.h>

#include "fh-caseload-queries.h"
#include "fh-database-private.h"
#include "fh-filter.h"
#include "fh-pg-value.h"

/* ---- freeing ----------------------------------------------------------------- */

void
fh_waiting_team_free (FhWaitingTeam *self)
{
  if (self == NULL)
    return;
  g_free (self->service);
  g_free (self->team_name);
  g_free (self);
}

void
fh_waiting_band_free (FhWaitingBand *self)
{
  if (self == NULL)
    return;
  g_free (self->service);
  g_free (self->band);
  g_free (self);
}

void
fh_waiting_longest_free (FhWaitingLongest *self)
{
  if (self == NULL)
    return;
  g_free (self->service);
  g_free (self);
}

void
fh_caseload_month_free (FhCaseloadMonth *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->month_end, g_date_time_unref);
  g_free (self->service);
  g_free (self);
}

void
fh_front_door_cell_free (FhFrontDoorCell *self)
{
  if (self == NULL)
    return;
  g_free (self->ward_code);
  g_free (self->ward_name);
  g_free (self->decision);
  g_free (self);
}

void
fh_front_door_path_free (FhFrontDoorPath *self)
{
  if (self == NULL)
    return;
  g_free (self->age_band);
  g_free (self);
}

void
fh_routing_team_free (FhRoutingTeam *self)
{
  if (self == NULL)
    return;
  g_free (self->team_name);
  g_free (self);
}

void
fh_routing_episode_free (FhRoutingEpisode *self)
{
  if (self == NULL)
    return;
  g_free (self->episode_ref);
  g_free (self->team_name);
  g_clear_pointer (&self->started_on, g_date_time_unref);
  g_free (self->needs);
  g_free (self);
}

void
fh_worker_name_free (FhWorkerName *self)
{
  if (self == NULL)
    return;
  g_free (self->worker_ref);
  g_free (self->display_name);
  g_free (self->team_name);
  g_free (self->service);
  g_free (self);
}

/* ---- submitting ------------------------------------------------------------------ */

static void
submit_dates (FhDatabase          *self,
              const FhQuerySpec   *spec,
              int                  authority_id,
              GDateTime           *first,
              GDateTime           *second,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data,
              gpointer             source_tag)
{
  char **params = g_new0 (char *, 4);
  int n = 2;

  params[0] = g_strdup_printf ("%d", authority_id);
  params[1] = fh_date_to_iso (first);
  if (second != NULL)
    {
      params[2] = fh_date_to_iso (second);
      n = 3;
    }
  fh_database_submit (self, spec, params, n, cancellable, callback, user_data, source_tag);
}

/* A withheld value: NAN, whatever the column holds. */
static double
double_unless (const PGresult *r, int row, int column, gboolean withheld)
{
  return withheld ? NAN : fh_pg_value_double (r, row, column);
}

/* ---- waiting for allocation ----------------------------------------------------------- */

static gpointer
parse_waiting_team (const PGresult *r, int row)
{
  FhWaitingTeam *t = g_new0 (FhWaitingTeam, 1);

  t->service = fh_pg_value_text (r, row, 0);
  t->team_name = fh_pg_value_text (r, row, 1);
  t->is_total = fh_pg_value_bool (r, row, 2);
  t->waiting = fh_pg_value_count_or_suppressed (r, row, 3, 5);
  t->median_days_waiting = double_unless (r, row, 4, t->waiting == FH_COUNT_SUPPRESSED);
  return t;
}

static const FhQuerySpec waiting_by_team_spec = {
  "SELECT service, team_name, is_total, waiting, median_days_waiting, waiting_suppressed"
  "  FROM reporting.waiting_by_team($1::int, $2::date)",
  6, parse_waiting_team, (GDestroyNotify) fh_waiting_team_free, FALSE
};

void
fh_database_waiting_by_team_async (FhDatabase          *self,
                                   int                  authority_id,
                                   GDateTime           *as_at,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (FH_IS_DATABASE (self));
  g_return_if_fail (as_at != NULL);

  submit_dates (self, &waiting_by_team_spec, authority_id, as_at, NULL, cancellable, callback,
                user_data, fh_database_waiting_by_team_async);
}

GPtrArray *
fh_database_waiting_by_team_finish (FhDatabase    *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return fh_database_finish (self, result, fh_database_waiting_by_team_async, error);
}

static gpointer
parse_waiting_band (const PGresult *r, int row)
{
  FhWaitingBand *b = g_new0 (FhWaitingBand, 1);

  b->service = fh_pg_value_text (r, row, 0);
  b->band = fh_pg_value_text (r, row, 1);
  b->min_days = fh_pg_value_int (r, row, 2, 0);
  b->max_days = fh_pg_value_int (r, row, 3, -1);
  b->waiting = fh_pg_value_count_or_suppressed (r, row, 4, 5);
  return b;
}

static const FhQuerySpec waiting_bands_spec = {
  "SELECT service, band, min_days, max_days, waiting, waiting_suppressed"
  "  FROM reporting.waiting_bands($1::int, $2::date)",
  6, parse_waiting_band, (GDestroyNotify) fh_waiting_band_free, FALSE
};

void
fh_database_waiting_bands_async (FhDatabase          *self,
                                 int                  authority_id,
                                 GDateTime           *as_at,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (FH_IS_DATABASE (self));
  g_return_if_fail (as_at != NULL);

  submit_dates (self, &waiting_bands_spec, authority_id, as_at, NULL, cancellable, callback,
                user_data, fh_database_waiting_bands_async);
}

GPtrArray *
fh_database_waiting_bands_finish (FhDatabase    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return fh_database_finish (self, result, fh_database_waiting_bands_async, error);
}

static gpointer
parse_waiting_longest (const PGresult *r, int row)
{
  FhWaitingLongest *l = g_new0 (FhWaitingLongest, 1);

  l->service = fh_pg_value_text (r, row, 0);
  l->rank = fh_pg_value_int (r, row, 1, 0);
  l->days_waiting = fh_pg_value_bool (r, row, 3) ? -1 : fh_pg_value_int (r, row, 2, -1);
  return l;
}

static const FhQuerySpec waiting_longest_spec = {
  "SELECT service, rank, days_waiting, days_suppressed"
  "  FROM reporting.waiting_longest($1::int, $2::date)",
  4, parse_waiting_longest, (GDestroyNotify) fh_waiting_longest_free, FALSE
};

void
fh_database_waiting_longest_async (FhDatabase          *self,
                                   int                  authority_id,
                                   GDateTime           *as_at,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (FH_IS_DATABASE (self));
  g_return_if_fail (as_at != NULL);

  submit_dates (self, &waiting_longest_spec, authority_id, as_at, NULL, cancellable, callback,
                user_data, fh_database_waiting_longest_async);
}

GPtrArray *
fh_database_waiting_longest_finish (FhDatabase    *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return fh_database_finish (self, result, fh_database_waiting_longest_async, error);
}

/* ---- over time ------------------------------------------------------------------------ */

static gpointer
parse_caseload_month (const PGresult *r, int row)
{
  FhCaseloadMonth *m = g_new0 (FhCaseloadMonth, 1);

  m->month_end = fh_pg_value_date (r, row, 0);
  m->service = fh_pg_value_text (r, row, 1);
  m->workers = (guint) fh_pg_value_int (r, row, 2, 0);
  m->fte = fh_pg_value_double (r, row, 3);
  m->open_episodes = fh_pg_value_count_or_suppressed (r, row, 4, 8);
  m->held_episodes = fh_pg_value_count_or_suppressed (r, row, 5, 9);
  m->median_per_fte = fh_pg_value_double (r, row, 6);
  m->mean_per_fte = fh_pg_value_double (r, row, 7);
  return m;
}

static const FhQuerySpec caseload_trend_spec = {
  "SELECT month_end, service, workers, fte, open_episodes, held_episodes, median_per_fte,"
  "       mean_per_fte, open_episodes_suppressed, held_episodes_suppressed"
  "  FROM reporting.caseload_trend($1::int, $2::date, $3::date)",
  10, parse_caseload_month, (GDestroyNotify) fh_caseload_month_free, FALSE
};

void
fh_database_caseload_trend_async (FhDatabase          *self,
                                  int                  authority_id,
                                  GDateTime           *from,
                                  GDateTime           *to,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (FH_IS_DATABASE (self));
  g_return_if_fail (from != NULL && to != NULL);

  submit_dates (self, &caseload_trend_spec, authority_id, from, to, cancellable, callback,
                user_data, fh_database_caseload_trend_async);
}

GPtrArray *
fh_database_caseload_trend_finish (FhDatabase    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return fh_database_finish (self, result, fh_database_caseload_trend_async, error);
}

/* ---- the front door -------------------------------------------------------------------- */

static gpointer
parse_front_door_cell (const PGresult *r, int row)
{
  FhFrontDoorCell *c = g_new0 (FhFrontDoorCell, 1);

  c->ward_code = fh_pg_value_text (r, row, 0);
  c->ward_name = fh_pg_value_text (r, row, 1);
  c->decision = fh_pg_value_text (r, row, 2);
  c->referrals = fh_pg_value_count_or_suppressed (r, row, 3, 6);
  c->within_one_day = fh_pg_value_count_or_suppressed (r, row, 4, 7);
  c->pct_within_one_day = double_unless (r, row, 5, c->within_one_day == FH_COUNT_SUPPRESSED);
  return c;
}

static const FhQuerySpec front_door_spec = {
  "SELECT ward_code, ward_name, decision, referrals, within_one_day, pct_within_one_day,"
  "       referrals_suppressed, within_one_day_suppressed"
  "  FROM reporting.front_door($1::int, $2::date, $3::date)",
  8, parse_front_door_cell, (GDestroyNotify) fh_front_door_cell_free, FALSE
};

void
fh_database_front_door_async (FhDatabase          *self,
                              int                  authority_id,
                              GDateTime           *from,
                              GDateTime           *to,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (FH_IS_DATABASE (self));
  g_return_if_fail (from != NULL && to != NULL);

  submit_dates (self, &front_door_spec, authority_id, from, to, cancellable, callback,
                user_data, fh_database_front_door_async);
}

GPtrArray *
fh_database_front_door_finish (FhDatabase    *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return fh_database_finish (self, result, fh_database_front_door_async, error);
}

static gpointer
parse_front_door_path (const PGresult *r, int row)
{
  FhFrontDoorPath *p = g_new0 (FhFrontDoorPath, 1);

  p->age_band = fh_pg_value_text (r, row, 0);
  p->min_age = fh_pg_value_int (r, row, 1, 0);
  p->max_age = fh_pg_value_int (r, row, 2, 0);
  p->targeted_core = fh_pg_value_count_or_suppressed (r, row, 3, 5);
  p->targeted_adolescence = fh_pg_value_count_or_suppressed (r, row, 4, 6);
  return p;
}

static const FhQuerySpec front_door_path_spec = {
  "SELECT age_band, min_age, max_age, targeted_core, targeted_adolescence,"
  "       core_suppressed, adolescence_suppressed"
  "  FROM reporting.front_door_path($1::int, $2::date, $3::date)",
  7, parse_front_door_path, (GDestroyNotify) fh_front_door_path_free, FALSE
};

void
fh_database_front_door_path_async (FhDatabase          *self,
                                   int                  authority_id,
                                   GDateTime           *from,
                                   GDateTime           *to,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (FH_IS_DATABASE (self));
  g_return_if_fail (from != NULL && to != NULL);

  submit_dates (self, &front_door_path_spec, authority_id, from, to, cancellable, callback,
                user_data, fh_database_front_door_path_async);
}

GPtrArray *
fh_database_front_door_path_finish (FhDatabase    *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return fh_database_finish (self, result, fh_database_front_door_path_async, error);
}

/* ---- the routing check -------------------------------------------------------------------- */

static gpointer
parse_routing_team (const PGresult *r, int row)
{
  FhRoutingTeam *t = g_new0 (FhRoutingTeam, 1);

  t->team_name = fh_pg_value_text (r, row, 0);
  t->is_total = fh_pg_value_bool (r, row, 1);
  t->episodes = fh_pg_value_count_or_suppressed (r, row, 2, 3);
  return t;
}

static const FhQuerySpec routing_check_spec = {
  "SELECT team_name, is_total, episodes, episodes_suppressed"
  "  FROM reporting.routing_check($1::int, $2::date)",
  4, parse_routing_team, (GDestroyNotify) fh_routing_team_free, FALSE
};

void
fh_database_routing_check_async (FhDatabase          *self,
                                 int                  authority_id,
                                 GDateTime           *as_at,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (FH_IS_DATABASE (self));
  g_return_if_fail (as_at != NULL);

  submit_dates (self, &routing_check_spec, authority_id, as_at, NULL, cancellable, callback,
                user_data, fh_database_routing_check_async);
}

GPtrArray *
fh_database_routing_check_finish (FhDatabase    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return fh_database_finish (self, result, fh_database_routing_check_async, error);
}

static gpointer
parse_routing_episode (const PGresult *r, int row)
{
  FhRoutingEpisode *e = g_new0 (FhRoutingEpisode, 1);

  e->episode_ref = fh_pg_value_text (r, row, 0);
  e->team_name = fh_pg_value_text (r, row, 1);
  e->age = fh_pg_value_int (r, row, 2, -1);
  e->started_on = fh_pg_value_date (r, row, 3);
  e->days_open = fh_pg_value_int (r, row, 4, -1);
  e->needs = fh_pg_value_text (r, row, 5);
  return e;
}

static const FhQuerySpec routing_review_spec = {
  "SELECT episode_ref, team_name, age, started_on, days_open, needs"
  "  FROM reporting.routing_review($1::int, $2::date)",
  6, parse_routing_episode, (GDestroyNotify) fh_routing_episode_free, FALSE
};

void
fh_database_routing_review_async (FhDatabase          *self,
                                  int                  authority_id,
                                  GDateTime           *as_at,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (FH_IS_DATABASE (self));
  g_return_if_fail (as_at != NULL);

  submit_dates (self, &routing_review_spec, authority_id, as_at, NULL, cancellable, callback,
                user_data, fh_database_routing_review_async);
}

GPtrArray *
fh_database_routing_review_finish (FhDatabase    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return fh_database_finish (self, result, fh_database_routing_review_async, error);
}

/* ---- names, for managers ---------------------------------------------------------------------- */

static gpointer
parse_worker_name (const PGresult *r, int row)
{
  FhWorkerName *w = g_new0 (FhWorkerName, 1);

  w->worker_ref = fh_pg_value_text (r, row, 0);
  w->display_name = fh_pg_value_text (r, row, 1);
  w->team_name = fh_pg_value_text (r, row, 2);
  w->service = fh_pg_value_text (r, row, 3);
  return w;
}

static const FhQuerySpec worker_names_spec = {
  "SELECT worker_ref, display_name, team_name, service"
  "  FROM reporting.worker_names($1::int, $2::date)",
  4, parse_worker_name, (GDestroyNotify) fh_worker_name_free, FALSE
};

void
fh_database_worker_names_async (FhDatabase          *self,
                                int                  authority_id,
                                GDateTime           *as_at,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (FH_IS_DATABASE (self));
  g_return_if_fail (as_at != NULL);

  submit_dates (self, &worker_names_spec, authority_id, as_at, NULL, cancellable, callback,
                user_data, fh_database_worker_names_async);
}

GPtrArray *
fh_database_worker_names_finish (FhDatabase    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return fh_database_finish (self, result, fh_database_worker_names_async, error);
}
