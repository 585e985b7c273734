/* fh-rate-interval.h — how sure a rate is: confidence intervals and funnel limits
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Counts of events in a population are treated as Poisson. Intervals use
 * Byar's approximation to the exact Poisson interval, as Public Health
 * England's "Technical guide: confidence intervals" recommends for counts;
 * the reporting layer computes the same formula in SQL
 * (reporting.byar_rate_interval), and the tests hold the two together.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FH_Z_95   1.959964     /* two-sided 95% */
#define FH_Z_998  3.090232     /* two-sided 99.8% */

/* The interval for an observed count (>= 0), as counts. */
void fh_poisson_interval_byar (double  observed,
                               double  z,
                               double *lower,
                               double *upper);

/* The interval for a rate per 10,000 of @population; NAN for a population
 * of zero or less, or a negative count. */
void fh_rate_interval         (double  count,
                               double  population,
                               double  z,
                               double *lower,
                               double *upper);

/* A funnel plot's control limits: the rates per 10,000 that a unit of
 * @population would fall between with probability set by @z if its true
 * rate were @target_rate (Byar's interval for the expected count
 * target_rate × population / 10,000). */
void fh_funnel_limits         (double  target_rate,
                               double  population,
                               double  z,
                               double *lower,
                               double *upper);

G_END_DECLS
