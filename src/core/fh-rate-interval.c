/* fh-rate-interval.c — how sure a rate is: confidence intervals and funnel limits
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "fh-rate-interval.h"

void
fh_poisson_interval_byar (double  observed,
                          double  z,
                          double *lower,
                          double *upper)
{
  double o1 = observed + 1;

  g_return_if_fail (lower != NULL && upper != NULL);

  if (isnan (observed) || observed < 0)
    {
      *lower = *upper = NAN;
      return;
    }
  *lower = observed == 0 ? 0 : observed * pow (1 - 1 / (9 * observed) - z / (3 * sqrt (observed)), 3);
  *upper = o1 * pow (1 - 1 / (9 * o1) + z / (3 * sqrt (o1)), 3);
}

void
fh_rate_interval (double  count,
                  double  population,
                  double  z,
                  double *lower,
                  double *upper)
{
  g_return_if_fail (lower != NULL && upper != NULL);

  if (!(population > 0))
    {
      *lower = *upper = NAN;
      return;
    }
  fh_poisson_interval_byar (count, z, lower, upper);
  *lower = *lower * 10000 / population;
  *upper = *upper * 10000 / population;
}

void
fh_funnel_limits (double  target_rate,
                  double  population,
                  double  z,
                  double *lower,
                  double *upper)
{
  g_return_if_fail (lower != NULL && upper != NULL);

  if (!(population > 0) || isnan (target_rate) || target_rate < 0)
    {
      *lower = *upper = NAN;
      return;
    }
  fh_rate_interval (target_rate * population / 10000, population, z, lower, upper);
}
