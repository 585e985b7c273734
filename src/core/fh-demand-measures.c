/* fh-demand-measures.c — every demand measure, with its uncertainty and a year earlier
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fh-database-private.h"
#include "fh-demand-measures.h"
#include <math.h>

#include "fh-pg-value.h"

static const char *measure_codes[FH_N_FIGURE_KINDS] = {
  "requests", "accepted", "rereferrals", "children_referred",
  "episodes_started", "episodes_open", "children_open",
};

int
fh_demand_figure_kind_from_code (const char *code)
{
  for (int i = 0; i < FH_N_FIGURE_KINDS; i++)
    if (g_strcmp0 (code, measure_codes[i]) == 0)
      return i;
  return -1;
}

const char *
fh_demand_figure_kind_to_code (FhDemandFigureKind kind)
{
  g_return_val_if_fail (kind < FH_N_FIGURE_KINDS, NULL);

  return measure_codes[kind];
}

void
fh_demand_figure_free (FhDemandFigure *self)
{
  if (self == NULL)
    return;
  g_free (self->ward_code);
  g_free (self->ward_name);
  g_free (self);
}

static gpointer
parse_measure (const PGresult *r, int row)
{
  FhDemandFigure *m = g_new0 (FhDemandFigure, 1);
  g_autofree char *code = fh_pg_value_text (r, row, 2);
  g_autofree char *versus = fh_pg_value_text (r, row, 20);

  m->ward_code = fh_pg_value_text (r, row, 0);
  m->ward_name = fh_pg_value_text (r, row, 1);
  m->measure = MAX (fh_demand_figure_kind_from_code (code), 0);
  m->count = fh_pg_value_count_or_suppressed (r, row, 3, 4);
  m->population = fh_pg_value_count (r, row, 5);
  m->population_year = fh_pg_value_int (r, row, 6, 0);
  m->rate = fh_pg_value_double (r, row, 7);
  m->rate_lower95 = fh_pg_value_double (r, row, 8);
  m->rate_upper95 = fh_pg_value_double (r, row, 9);
  m->percent = fh_pg_value_double (r, row, 10);
  m->previous_count = fh_pg_value_count_or_suppressed (r, row, 11, 12);
  m->previous_population_year = fh_pg_value_int (r, row, 13, 0);
  m->previous_rate = fh_pg_value_double (r, row, 14);
  m->count_change = fh_pg_value_count (r, row, 15);
  m->count_percent_change = fh_pg_value_double (r, row, 16);
  m->rate_change = fh_pg_value_double (r, row, 17);
  m->rate_change_lower95 = fh_pg_value_double (r, row, 18);
  m->rate_change_upper95 = fh_pg_value_double (r, row, 19);
  m->rate_percent_change = fh_pg_value_double (r, row, 21);
  m->versus_authority = g_strcmp0 (versus, "higher") == 0 ? FH_VERSUS_HIGHER
                      : g_strcmp0 (versus, "lower") == 0 ? FH_VERSUS_LOWER
                      : g_strcmp0 (versus, "similar") == 0 ? FH_VERSUS_SIMILAR
                      : FH_VERSUS_UNKNOWN;
  return m;
}

static const FhQuerySpec demand_measures_spec = {
  "SELECT ward_code, ward_name, measure, count, suppressed, population, population_year,"
  "       rate, rate_lower95, rate_upper95, percent, previous_count, previous_suppressed,"
  "       previous_population_year, previous_rate, count_change, count_percent_change,"
  "       rate_change, rate_change_lower95, rate_change_upper95, versus_authority,"
  "       rate_percent_change"
  "  FROM reporting.demand_measures($1::int, $2::date, $3::date, $4, $5, $6, $7, $8, $9::boolean)",
  22, parse_measure, (GDestroyNotify) fh_demand_figure_free, FALSE
};

void
fh_database_demand_measures_async (FhDatabase           *self,
                                   const FhDemandFilter *filter,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  char **params;

  g_return_if_fail (FH_IS_DATABASE (self));
  g_return_if_fail (filter != NULL);

  params = g_new0 (char *, 10);
  params[0] = g_strdup_printf ("%d", filter->authority_id);
  params[1] = fh_date_to_iso (filter->from);
  params[2] = fh_date_to_iso (filter->to);
  params[3] = g_strdup (filter->level);
  params[4] = g_strdup (filter->service);
  params[5] = g_strdup (filter->need);
  params[6] = g_strdup (filter->source);
  params[7] = g_strdup (filter->age_band);
  params[8] = fh_database_exact_param (self);
  fh_database_submit (self, &demand_measures_spec, params, 9,
                      cancellable, callback, user_data, fh_database_demand_measures_async);
}

GPtrArray *
fh_database_demand_measures_finish (FhDatabase    *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return fh_database_finish (self, result, fh_database_demand_measures_async, error);
}

static FhWardDemand *
ward_demand_new (const FhDemandFigure *f)
{
  FhWardDemand *d = g_new0 (FhWardDemand, 1);

  d->ward_code = g_strdup (f->ward_code);
  d->ward_name = g_strdup (f->ward_name);
  d->has_figures = TRUE;
  d->referrals = d->episodes_started = d->episodes_open = FH_COUNT_MISSING;
  d->referral_rate = d->started_rate = d->open_rate = NAN;
  d->rereferral_percent = NAN;
  for (guint k = 0; k < FH_N_DEMAND_FIGURES; k++)
    {
      d->counts[k] = FH_COUNT_MISSING;
      d->rates[k] = d->lower95[k] = d->upper95[k] = NAN;
      d->versus[k] = FH_VERSUS_UNKNOWN;
      d->rate_changes[k] = d->rate_percent_changes[k] = d->count_percent_changes[k] = NAN;
      d->count_changes[k] = FH_COUNT_MISSING;
    }
  return d;
}

void
fh_demand_figures_to_wards (GPtrArray      *figures,
                            gboolean        previous,
                            GPtrArray     **wards,
                            FhWardDemand  **authority)
{
  g_autoptr(GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *out;
  FhWardDemand *city = NULL;

  g_return_if_fail (figures != NULL);
  g_return_if_fail (wards != NULL && authority != NULL);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) fh_ward_demand_free);
  for (guint i = 0; i < figures->len; i++)
    {
      FhDemandFigure *f = g_ptr_array_index (figures, i);
      FhWardDemand *d = f->ward_code ? g_hash_table_lookup (by_code, f->ward_code) : city;
      guint k = f->measure;

      if (d == NULL)
        {
          d = ward_demand_new (f);
          if (f->ward_code != NULL)
            {
              g_ptr_array_add (out, d);
              g_hash_table_insert (by_code, d->ward_code, d);
            }
          else
            city = d;
        }
      if (previous)
        {
          d->counts[k] = f->previous_count;
          d->rates[k] = f->previous_rate;
          d->population_year = f->previous_population_year;
          /* the same denominator as the rate: count ÷ rate, when both are known */
          if (f->previous_count > 0 && f->previous_rate > 0)
            d->children_0_17 = (gint64) llround (f->previous_count * 10000.0 / f->previous_rate);
        }
      else
        {
          d->counts[k] = f->count;
          d->rates[k] = f->rate;
          d->lower95[k] = f->rate_lower95;
          d->upper95[k] = f->rate_upper95;
          d->versus[k] = f->versus_authority;
          d->rate_changes[k] = f->rate_change;
          d->rate_percent_changes[k] = f->rate_percent_change;
          d->count_changes[k] = f->count_change;
          d->count_percent_changes[k] = f->count_percent_change;
          d->population_year = f->population_year;
          d->children_0_17 = f->population;
          if (k == FH_FIGURE_REREFERRALS)
            d->rereferral_percent = f->percent;
        }
    }

  /* the page's first three measures, for what still reads them */
  for (guint i = 0; i <= out->len; i++)
    {
      FhWardDemand *d = i < out->len ? g_ptr_array_index (out, i) : city;

      if (d == NULL)
        continue;
      d->referrals = d->counts[FH_FIGURE_REQUESTS];
      d->episodes_started = d->counts[FH_FIGURE_EPISODES_STARTED];
      d->episodes_open = d->counts[FH_FIGURE_EPISODES_OPEN];
      d->referral_rate = d->rates[FH_FIGURE_REQUESTS];
      d->started_rate = d->rates[FH_FIGURE_EPISODES_STARTED];
      d->open_rate = d->rates[FH_FIGURE_EPISODES_OPEN];
    }
  *wards = out;
  *authority = city;
}
