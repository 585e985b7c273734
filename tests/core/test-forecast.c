/* test-forecast.c — the seasonal forecast on series with known answers
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "fh-forecast.h"

/* August 0.7 and December 0.8; the others share the rest so the mean is 1. */
static double
season (guint month /* 1..12 */)
{
  if (month == 8) return 0.7;
  if (month == 12) return 0.8;
  return (12 - 0.7 - 0.8) / 10.0;
}

static void
test_exact_series (void)
{
  double values[48];
  g_autoptr(GError) error = NULL;
  g_autoptr(FhForecast) f = NULL;
  guint first = 11;   /* November */

  for (guint t = 0; t < 48; t++)
    values[t] = (100 + 2.0 * t) * season ((first - 1 + t) % 12 + 1);

  f = fh_forecast_compute (values, 48, first, 6, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_steps, ==, 6);
  g_assert_cmpfloat_with_epsilon (f->seasonal_index[7], 0.7, 5e-3);
  g_assert_cmpfloat_with_epsilon (f->seasonal_index[11], 0.8, 5e-3);
  g_assert_cmpfloat_with_epsilon (f->slope, 2.0, 1e-2);

  for (guint h = 0; h < 6; h++)
    {
      guint t = 48 + h;
      double expected = (100 + 2.0 * t) * season ((first - 1 + t) % 12 + 1);

      g_assert_cmpfloat_with_epsilon (f->steps[h].point, expected, expected * 1e-2);
      /* an exact series leaves little doubt (the moving average of a trend
       * times a season is only nearly the trend) */
      g_assert_cmpfloat (f->steps[h].hi95 - f->steps[h].lo95, <, expected * 0.02);
    }
}

static void
test_noisy_series (void)
{
  double values[60];
  g_autoptr(GError) error = NULL;
  g_autoptr(FhForecast) f = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint first = 11;
  double july = NAN, august = NAN;

  for (guint t = 0; t < 60; t++)
    values[t] = (300 + t) * season ((first - 1 + t) % 12 + 1) * (0.9 + 0.2 * g_rand_double (rand));

  /* 60 months from November: the next 12 run from November again */
  f = fh_forecast_compute (values, 60, first, 12, &error);
  g_assert_no_error (error);

  for (guint h = 0; h < 12; h++)
    {
      FhForecastStep *s = &f->steps[h];
      guint month = (first - 1 + 60 + h) % 12 + 1;

      g_assert_cmpfloat (s->lo95, <=, s->lo80);
      g_assert_cmpfloat (s->lo80, <=, s->point);
      g_assert_cmpfloat (s->point, <=, s->hi80);
      g_assert_cmpfloat (s->hi80, <, s->hi95);
      if (h > 0)
        {
          /* with the season taken out, the interval widens with the horizon */
          FhForecastStep *p = &f->steps[h - 1];
          guint prev_month = (month + 10) % 12 + 1;
          g_assert_cmpfloat ((s->hi95 - s->lo95) / f->seasonal_index[month - 1], >,
                             (p->hi95 - p->lo95) / f->seasonal_index[prev_month - 1]);
        }
      if (month == 7) july = s->point;
      if (month == 8) august = s->point;
    }
  g_assert_cmpfloat (august, <, july * 0.85);
}

static void
test_too_short_and_missing (void)
{
  double values[24] = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FhForecast) f = fh_forecast_compute (values, 23, 1, 6, &error);

  g_assert_null (f);
  g_assert_error (error, FH_FORECAST_ERROR, FH_FORECAST_ERROR_TOO_SHORT);
  g_clear_error (&error);

  for (guint i = 0; i < 24; i++)
    values[i] = 10;
  values[5] = NAN;
  f = fh_forecast_compute (values, 24, 1, 6, &error);
  g_assert_null (f);
  g_assert_error (error, FH_FORECAST_ERROR, FH_FORECAST_ERROR_MISSING_VALUES);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/forecast/exact-series", test_exact_series);
  g_test_add_func ("/forecast/noisy-series", test_noisy_series);
  g_test_add_func ("/forecast/too-short-and-missing", test_too_short_and_missing);
  return g_test_run ();
}
