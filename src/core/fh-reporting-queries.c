/* fh-reporting-queries.c — the reporting-layer calls the app makes
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each query is one call of a reporting-layer function (docs/data-contract.md)
 * with every value passed as a parameter. Aggregation happens in SQL: these
 * functions only name the columns and turn rows into typed C structures.
 */
#include <string.h>

#include "fh-database-private.h"
#include "fh-pg-value.h"

static char **
params_new (int n)
{
  return g_new0 (char *, n + 1);
}

static char **demand_filter_params (FhDatabase *self, const FhDemandFilter *filter);

/* ---- authorities -------------------------------------------------------- */

static gpointer
parse_authority (const PGresult *r, int row)
{
  FhAuthority *a = g_new0 (FhAuthority, 1);

  a->authority_id = fh_pg_value_int (r, row, 0, 0);
  a->code = fh_pg_value_text (r, row, 1);
  a->name = fh_pg_value_text (r, row, 2);
  a->ward_count = fh_pg_value_int (r, row, 3, 0);
  a->children_0_17 = fh_pg_value_count (r, row, 4);
  return a;
}

static const FhQuerySpec authorities_spec = {
  "SELECT authority_id, authority_code, authority_name, ward_count, children_0_17"
  "  FROM reporting.authority_list()",
  5, parse_authority, (GDestroyNotify) fh_authority_free, FALSE
};

void
fh_database_authorities_async (FhDatabase          *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (FH_IS_DATABASE (self));

  fh_database_submit (self, &authorities_spec, params_new (0), 0,
                      cancellable, callback, user_data, fh_database_authorities_async);
}

GPtrArray *
fh_database_authorities_finish (FhDatabase    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return fh_database_finish (self, result, fh_database_authorities_async, error);
}

/* ---- extract time ------------------------------------------------------- */

static gpointer
parse_epoch (const PGresult *r, int row)
{
  gint64 epoch = fh_pg_value_count (r, row, 0);

  if (PQgetisnull (r, row, 0))
    return NULL;
  return g_date_time_new_from_unix_utc (epoch);
}

static const FhQuerySpec extract_time_spec = {
  "SELECT extract(epoch FROM reporting.data_extract_time($1::int))::bigint",
  1, parse_epoch, (GDestroyNotify) g_date_time_unref, TRUE
};

void
fh_database_extract_time_async (FhDatabase          *self,
                                int                  authority_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  char **params;

  g_return_if_fail (FH_IS_DATABASE (self));

  params = params_new (1);
  params[0] = g_strdup_printf ("%d", authority_id);
  fh_database_submit (self, &extract_time_spec, params, 1,
                      cancellable, callback, user_data, fh_database_extract_time_async);
}

GDateTime *
fh_database_extract_time_finish (FhDatabase    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return fh_database_finish (self, result, fh_database_extract_time_async, error);
}

/* ---- demand by ward ----------------------------------------------------- */

static gpointer
parse_ward_demand (const PGresult *r, int row)
{
  FhWardDemand *d = g_new0 (FhWardDemand, 1);

  d->ward_code = fh_pg_value_text (r, row, 0);
  d->ward_name = fh_pg_value_text (r, row, 1);
  d->children_0_17 = fh_pg_value_count (r, row, 2);
  d->referrals = fh_pg_value_count_or_suppressed (r, row, 3, 9);
  d->episodes_started = fh_pg_value_count_or_suppressed (r, row, 4, 10);
  d->episodes_open = fh_pg_value_count_or_suppressed (r, row, 5, 11);
  d->referral_rate = fh_pg_value_double (r, row, 6);
  d->started_rate = fh_pg_value_double (r, row, 7);
  d->open_rate = fh_pg_value_double (r, row, 8);
  d->population_year = fh_pg_value_int (r, row, 12, 0);
  return d;
}

static const FhQuerySpec ward_demand_spec = {
  "SELECT ward_code, ward_name, population, referrals, episodes_started, episodes_open,"
  "       referral_rate, started_rate, open_rate,"
  "       referrals_suppressed, episodes_started_suppressed, episodes_open_suppressed,"
  "       population_year"
  "  FROM reporting.ward_demand($1::int, $2::date, $3::date, $4, $5, $6, $7, $8, $9::boolean)",
  13, parse_ward_demand, (GDestroyNotify) fh_ward_demand_free, FALSE
};

void
fh_database_ward_demand_async (FhDatabase           *self,
                               const FhDemandFilter *filter,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data)
{
  g_return_if_fail (FH_IS_DATABASE (self));
  g_return_if_fail (filter != NULL);

  fh_database_submit (self, &ward_demand_spec, demand_filter_params (self, filter), 9,
                      cancellable, callback, user_data, fh_database_ward_demand_async);
}

GPtrArray *
fh_database_ward_demand_finish (FhDatabase    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return fh_database_finish (self, result, fh_database_ward_demand_async, error);
}

static const FhQuerySpec authority_demand_spec = {
  "SELECT ward_code, ward_name, population, referrals, episodes_started, episodes_open,"
  "       referral_rate, started_rate, open_rate,"
  "       referrals_suppressed, episodes_started_suppressed, episodes_open_suppressed,"
  "       population_year"
  "  FROM reporting.authority_demand($1::int, $2::date, $3::date, $4, $5, $6, $7, $8, $9::boolean)",
  13, parse_ward_demand, (GDestroyNotify) fh_ward_demand_free, TRUE
};

static char **
demand_filter_params (FhDatabase           *self,
                      const FhDemandFilter *filter)
{
  char **params = params_new (9);

  params[0] = g_strdup_printf ("%d", filter->authority_id);
  params[1] = fh_date_to_iso (filter->from);
  params[2] = fh_date_to_iso (filter->to);
  params[3] = g_strdup (filter->level);
  params[4] = g_strdup (filter->service);
  params[5] = g_strdup (filter->need);
  params[6] = g_strdup (filter->source);
  params[7] = g_strdup (filter->age_band);
  params[8] = fh_database_exact_param (self);
  return params;
}

void
fh_database_authority_demand_async (FhDatabase           *self,
                                    const FhDemandFilter *filter,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  g_return_if_fail (FH_IS_DATABASE (self));
  g_return_if_fail (filter != NULL);

  fh_database_submit (self, &authority_demand_spec, demand_filter_params (self, filter), 9,
                      cancellable, callback, user_data, fh_database_authority_demand_async);
}

FhWardDemand *
fh_database_authority_demand_finish (FhDatabase    *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return fh_database_finish (self, result, fh_database_authority_demand_async, error);
}

/* ---- ward profiles ------------------------------------------------------ */

static gpointer
parse_ward_profile (const PGresult *r, int row)
{
  FhWardProfile *p = g_new0 (FhWardProfile, 1);

  p->ward_code = fh_pg_value_text (r, row, 0);
  p->ward_name = fh_pg_value_text (r, row, 1);
  p->locality = fh_pg_value_text (r, row, 2);
  p->population_total = fh_pg_value_count (r, row, 3);
  p->children_0_17 = fh_pg_value_count (r, row, 4);
  p->children_0_4 = fh_pg_value_count (r, row, 5);
  p->children_5_9 = fh_pg_value_count (r, row, 6);
  p->children_10_17 = fh_pg_value_count (r, row, 7);
  p->imd_score = fh_pg_value_double (r, row, 8);
  p->pct_global_majority = fh_pg_value_double (r, row, 9);
  p->centroid_lon = fh_pg_value_double (r, row, 10);
  p->centroid_lat = fh_pg_value_double (r, row, 11);
  if (!PQgetisnull (r, row, 12))
    {
      g_autoptr(GError) error = NULL;

      p->boundary = fh_geometry_parse (PQgetvalue (r, row, 12), &error);
      if (p->boundary == NULL)
        g_warning ("Ward %s: its boundary could not be read: %s", p->ward_code, error->message);
    }
  return p;
}

static const FhQuerySpec ward_profiles_spec = {
  "SELECT p.ward_code, p.ward_name, p.locality_name, p.population_total, p.children_0_17,"
  "       p.children_0_4, p.children_5_9, p.children_10_17, p.imd_score, p.pct_global_majority,"
  "       p.centroid_lon, p.centroid_lat, b.geojson"
  "  FROM reporting.ward_profile p"
  "  LEFT JOIN reporting.ward_boundary b ON b.ward_code = p.ward_code"
  " WHERE p.authority_id = $1::int"
  " ORDER BY p.ward_code",
  13, parse_ward_profile, (GDestroyNotify) fh_ward_profile_free, FALSE
};

void
fh_database_ward_profiles_async (FhDatabase          *self,
                                 int                  authority_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  char **params;

  g_return_if_fail (FH_IS_DATABASE (self));

  params = params_new (1);
  params[0] = g_strdup_printf ("%d", authority_id);
  fh_database_submit (self, &ward_profiles_spec, params, 1,
                      cancellable, callback, user_data, fh_database_ward_profiles_async);
}

GPtrArray *
fh_database_ward_profiles_finish (FhDatabase    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return fh_database_finish (self, result, fh_database_ward_profiles_async, error);
}

/* ---- top needs ----------------------------------------------------------- */

static gpointer
parse_need_count (const PGresult *r, int row)
{
  FhNeedCount *n = g_new0 (FhNeedCount, 1);

  n->need = fh_pg_value_text (r, row, 0);
  n->episodes = fh_pg_value_count_or_suppressed (r, row, 1, 2);
  return n;
}

static const FhQuerySpec top_needs_spec = {
  "SELECT need, episodes, episodes_suppressed"
  "  FROM reporting.ward_top_needs($1::int, $2, $3::date, $4::date, 5, $5::boolean)",
  3, parse_need_count, (GDestroyNotify) fh_need_count_free, FALSE
};

void
fh_database_top_needs_async (FhDatabase          *self,
                             int                  authority_id,
                             const char          *ward_code,
                             GDateTime           *from,
                             GDateTime           *to,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  char **params;

  g_return_if_fail (FH_IS_DATABASE (self));
  g_return_if_fail (from != NULL && to != NULL);

  params = params_new (5);
  params[0] = g_strdup_printf ("%d", authority_id);
  params[1] = g_strdup (ward_code);
  params[2] = fh_date_to_iso (from);
  params[3] = fh_date_to_iso (to);
  params[4] = fh_database_exact_param (self);
  fh_database_submit (self, &top_needs_spec, params, 5,
                      cancellable, callback, user_data, fh_database_top_needs_async);
}

GPtrArray *
fh_database_top_needs_finish (FhDatabase    *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return fh_database_finish (self, result, fh_database_top_needs_async, error);
}

/* ---- monthly demand ----------------------------------------------------- */

static gpointer
parse_monthly_demand (const PGresult *r, int row)
{
  FhMonthlyDemand *m = g_new0 (FhMonthlyDemand, 1);

  m->month = fh_pg_value_date (r, row, 0);
  m->referrals = fh_pg_value_count_or_suppressed (r, row, 1, 5);
  m->episodes_started = fh_pg_value_count_or_suppressed (r, row, 2, 6);
  m->children_0_17 = fh_pg_value_count (r, row, 3);
  m->referrals_12m = fh_pg_value_count_or_suppressed (r, row, 4, 7);
  m->population_year = fh_pg_value_int (r, row, 8, 0);
  return m;
}

static const FhQuerySpec demand_monthly_spec = {
  "SELECT month, referrals, episodes_started, population, referrals_12m,"
  "       referrals_suppressed, episodes_started_suppressed, referrals_12m_suppressed,"
  "       population_year"
  "  FROM reporting.demand_monthly($1::int, $2, $3::date, $4::date, $5::boolean)",
  9, parse_monthly_demand, (GDestroyNotify) fh_monthly_demand_free, FALSE
};

void
fh_database_demand_monthly_async (FhDatabase          *self,
                                  int                  authority_id,
                                  const char          *ward_code,
                                  GDateTime           *from,
                                  GDateTime           *to,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  char **params;

  g_return_if_fail (FH_IS_DATABASE (self));
  g_return_if_fail (from != NULL && to != NULL);

  params = params_new (5);
  params[0] = g_strdup_printf ("%d", authority_id);
  params[1] = g_strdup (ward_code);
  params[2] = fh_date_to_iso (from);
  params[3] = fh_date_to_iso (to);
  params[4] = fh_database_exact_param (self);
  fh_database_submit (self, &demand_monthly_spec, params, 5,
                      cancellable, callback, user_data, fh_database_demand_monthly_async);
}

GPtrArray *
fh_database_demand_monthly_finish (FhDatabase    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return fh_database_finish (self, result, fh_database_demand_monthly_async, error);
}

/* ---- caseloads ---------------------------------------------------------- */

static gpointer
parse_worker_caseload (const PGresult *r, int row)
{
  FhWorkerCaseload *c = g_new0 (FhWorkerCaseload, 1);

  c->worker_ref = fh_pg_value_text (r, row, 0);
  c->team_name = fh_pg_value_text (r, row, 1);
  c->service = fh_pg_value_text (r, row, 2);
  c->locality = fh_pg_value_text (r, row, 3);
  c->fte = fh_pg_value_double (r, row, 4);
  c->open_episodes = fh_pg_value_count_or_suppressed (r, row, 5, 7);
  c->episodes_per_fte = fh_pg_value_double (r, row, 6);
  return c;
}

static const FhQuerySpec caseloads_spec = {
  "SELECT worker_ref, team_name, service, locality, fte, open_episodes, episodes_per_fte,"
  "       open_episodes_suppressed"
  "  FROM reporting.caseload_by_worker($1::int, $2::date, $3::boolean)",
  8, parse_worker_caseload, (GDestroyNotify) fh_worker_caseload_free, FALSE
};

void
fh_database_caseloads_async (FhDatabase          *self,
                             int                  authority_id,
                             GDateTime           *as_at,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  char **params;

  g_return_if_fail (FH_IS_DATABASE (self));
  g_return_if_fail (as_at != NULL);

  params = params_new (3);
  params[0] = g_strdup_printf ("%d", authority_id);
  params[1] = fh_date_to_iso (as_at);
  params[2] = fh_database_exact_param (self);
  fh_database_submit (self, &caseloads_spec, params, 3,
                      cancellable, callback, user_data, fh_database_caseloads_async);
}

GPtrArray *
fh_database_caseloads_finish (FhDatabase    *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return fh_database_finish (self, result, fh_database_caseloads_async, error);
}

/* ---- indicators --------------------------------------------------------- */

static gpointer
parse_indicator_summary (const PGresult *r, int row)
{
  FhIndicatorSummary *s = g_new0 (FhIndicatorSummary, 1);
  g_autofree char *polarity = fh_pg_value_text (r, row, 5);

  s->priority_number = fh_pg_value_int (r, row, 0, 0);
  s->priority_title = fh_pg_value_text (r, row, 1);
  s->indicator_code = fh_pg_value_text (r, row, 2);
  s->indicator_name = fh_pg_value_text (r, row, 3);
  s->unit = fh_pg_value_text (r, row, 4);
  s->higher_is_better = g_strcmp0 (polarity, "higher_is_better") == 0;
  s->baseline = fh_pg_value_double (r, row, 6);
  s->baseline_period = fh_pg_value_date (r, row, 7);
  s->target = fh_pg_value_double (r, row, 8);
  s->target_date = fh_pg_value_date (r, row, 9);
  s->latest_value = fh_pg_value_double (r, row, 10);
  s->latest_period = fh_pg_value_date (r, row, 11);
  s->previous_value = fh_pg_value_double (r, row, 12);
  s->source = fh_pg_value_text (r, row, 13);
  s->latest_suppressed = fh_pg_value_bool (r, row, 14);
  s->previous_suppressed = fh_pg_value_bool (r, row, 15);
  return s;
}

static const FhQuerySpec indicators_spec = {
  "SELECT priority_number, priority_title, indicator_code, indicator_name, unit, polarity,"
  "       baseline, baseline_period, target, target_date, latest_value, latest_period,"
  "       previous_value, source, latest_value_suppressed, previous_value_suppressed"
  "  FROM reporting.indicator_summary($1::int, $2::boolean)",
  16, parse_indicator_summary, (GDestroyNotify) fh_indicator_summary_free, FALSE
};

void
fh_database_indicators_async (FhDatabase          *self,
                              int                  authority_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  char **params;

  g_return_if_fail (FH_IS_DATABASE (self));

  params = params_new (2);
  params[0] = g_strdup_printf ("%d", authority_id);
  params[1] = fh_database_exact_param (self);
  fh_database_submit (self, &indicators_spec, params, 2,
                      cancellable, callback, user_data, fh_database_indicators_async);
}

GPtrArray *
fh_database_indicators_finish (FhDatabase    *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return fh_database_finish (self, result, fh_database_indicators_async, error);
}

static gpointer
parse_indicator_point (const PGresult *r, int row)
{
  FhIndicatorPoint *p = g_new0 (FhIndicatorPoint, 1);

  p->period_end = fh_pg_value_date (r, row, 0);
  p->value = fh_pg_value_double (r, row, 1);
  p->numerator = fh_pg_value_count_or_suppressed (r, row, 2, 5);
  p->denominator = fh_pg_value_count_or_suppressed (r, row, 3, 6);
  p->value_suppressed = fh_pg_value_bool (r, row, 4);
  return p;
}

static const FhQuerySpec indicator_series_spec = {
  "SELECT period_end, value, numerator, denominator,"
  "       value_suppressed, numerator_suppressed, denominator_suppressed"
  "  FROM reporting.indicator_series($1::int, $2, $3::boolean)",
  7, parse_indicator_point, (GDestroyNotify) fh_indicator_point_free, FALSE
};

void
fh_database_indicator_series_async (FhDatabase          *self,
                                    int                  authority_id,
                                    const char          *indicator_code,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  char **params;

  g_return_if_fail (FH_IS_DATABASE (self));
  g_return_if_fail (indicator_code != NULL);

  params = params_new (3);
  params[0] = g_strdup_printf ("%d", authority_id);
  params[1] = g_strdup (indicator_code);
  params[2] = fh_database_exact_param (self);
  fh_database_submit (self, &indicator_series_spec, params, 3,
                      cancellable, callback, user_data, fh_database_indicator_series_async);
}

GPtrArray *
fh_database_indicator_series_finish (FhDatabase    *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return fh_database_finish (self, result, fh_database_indicator_series_async, error);
}
