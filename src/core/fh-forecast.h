/* fh-forecast.h — a seasonal forecast of monthly demand, with an interval
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Method: classical multiplicative decomposition. A centred 12-month moving
 * average gives the trend-cycle; each calendar month's seasonal index is the
 * mean ratio of the series to it, normalised to average 1 — this is what
 * carries the August and December dips. A least-squares straight line is
 * fitted to the deseasonalised series, and the forecast for a future month
 * is that line times the month's index. The prediction interval comes from
 * the residual standard error s of the line: value ± z · s · √(1 + 1/n +
 * (t − t̄)²/Sxx), times the month's index (z = 1.2816 for 80%, 1.96 for 95%),
 * with the lower bound no less than zero. It needs at least 24 months.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FH_FORECAST_ERROR (fh_forecast_error_quark ())

typedef enum {
  FH_FORECAST_ERROR_TOO_SHORT,
  FH_FORECAST_ERROR_MISSING_VALUES,
} FhForecastError;

typedef struct {
  double point;
  double lo80, hi80;
  double lo95, hi95;
} FhForecastStep;

typedef struct {
  guint           n_steps;
  FhForecastStep *steps;
  double          seasonal_index[12];   /* January first */
  double          slope;                /* per month, deseasonalised */
} FhForecast;

GQuark      fh_forecast_error_quark (void);

/* @first_month is the calendar month (1–12) of values[0]. */
FhForecast *fh_forecast_compute     (const double  *values,
                                     guint          n_values,
                                     guint          first_month,
                                     guint          horizon,
                                     GError       **error);
void        fh_forecast_free        (FhForecast    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FhForecast, fh_forecast_free)

G_END_DECLS
