/* fh-forecast.c — a seasonal forecast of monthly demand, with an interval
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>

#include "fh-forecast.h"

G_DEFINE_QUARK (fh-forecast-error-quark, fh_forecast_error)

void
fh_forecast_free (FhForecast *self)
{
  if (self == NULL)
    return;
  g_free (self->steps);
  g_free (self);
}

FhForecast *
fh_forecast_compute (const double  *values,
                     guint          n,
                     guint          first_month,
                     guint          horizon,
                     GError       **error)
{
  g_autoptr(FhForecast) self = NULL;
  g_autofree double *deseason = NULL;
  double ratio_sum[12] = { 0 };
  int ratio_count[12] = { 0 };
  double index_mean = 0, t_mean = 0, y_mean = 0, sxx = 0, sxy = 0, sse = 0, intercept, s;

  g_return_val_if_fail (values != NULL, NULL);
  g_return_val_if_fail (first_month >= 1 && first_month <= 12, NULL);

  if (n < 24)
    {
      g_set_error (error, FH_FORECAST_ERROR, FH_FORECAST_ERROR_TOO_SHORT,
                   _("A forecast needs at least 24 months of history; there are %u."), n);
      return NULL;
    }
  for (guint i = 0; i < n; i++)
    if (!isfinite (values[i]))
      {
        g_set_error (error, FH_FORECAST_ERROR, FH_FORECAST_ERROR_MISSING_VALUES,
                     _("Month %u of the history has no value, so no forecast can be made."), i + 1);
        return NULL;
      }

  /* centred 2×12 moving average, defined from t = 6 to n − 7 */
  for (guint t = 6; t + 6 < n; t++)
    {
      double ma = values[t - 6] / 2 + values[t + 6] / 2;
      guint month;

      for (guint k = t - 5; k <= t + 5; k++)
        ma += values[k];
      ma /= 12;
      if (ma <= 0)
        continue;
      month = (first_month - 1 + t) % 12;
      ratio_sum[month] += values[t] / ma;
      ratio_count[month]++;
    }

  self = g_new0 (FhForecast, 1);
  for (guint m = 0; m < 12; m++)
    {
      self->seasonal_index[m] = ratio_count[m] ? ratio_sum[m] / ratio_count[m] : 1.0;
      index_mean += self->seasonal_index[m] / 12;
    }
  for (guint m = 0; m < 12; m++)
    self->seasonal_index[m] /= index_mean;

  deseason = g_new (double, n);
  for (guint t = 0; t < n; t++)
    {
      deseason[t] = values[t] / self->seasonal_index[(first_month - 1 + t) % 12];
      t_mean += t;
      y_mean += deseason[t];
    }
  t_mean /= n;
  y_mean /= n;
  for (guint t = 0; t < n; t++)
    {
      sxx += (t - t_mean) * (t - t_mean);
      sxy += (t - t_mean) * (deseason[t] - y_mean);
    }
  self->slope = sxy / sxx;
  intercept = y_mean - self->slope * t_mean;
  for (guint t = 0; t < n; t++)
    {
      double e = deseason[t] - (intercept + self->slope * t);
      sse += e * e;
    }
  s = sqrt (sse / (n - 2));

  self->n_steps = horizon;
  self->steps = g_new0 (FhForecastStep, MAX (horizon, 1));
  for (guint h = 0; h < horizon; h++)
    {
      double t = n + h;
      double index = self->seasonal_index[(first_month - 1 + n + h) % 12];
      double level = intercept + self->slope * t;
      double spread = s * sqrt (1 + 1.0 / n + (t - t_mean) * (t - t_mean) / sxx) * index;
      FhForecastStep *step = &self->steps[h];

      step->point = MAX (level * index, 0);
      step->lo80 = MAX (step->point - 1.2816 * spread, 0);
      step->hi80 = step->point + 1.2816 * spread;
      step->lo95 = MAX (step->point - 1.96 * spread, 0);
      step->hi95 = step->point + 1.96 * spread;
    }
  return g_steal_pointer (&self);
}
