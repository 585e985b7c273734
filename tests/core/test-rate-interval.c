/* test-rate-interval.c — confidence intervals and funnel limits against published figures
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "fh-rate-interval.h"

/* Exact Poisson 95% limits (chi-squared quantiles), as tabulated in
 * Public Health England's "Technical guide: confidence intervals" and in
 * any table of Poisson limits: Byar's approximation must agree to within a
 * small fraction for the counts a ward sees. */
static const struct { double observed, exact_lower, exact_upper; } exact_95[] = {
  {   1,   0.0253,   5.5716 },
  {   5,   1.6235,  11.6683 },
  {  10,   4.7954,  18.3904 },
  {  20,  12.2165,  30.8884 },
  {  50,  37.1111,  65.9186 },
  { 100,  81.3639, 121.6338 },
  { 500, 457.0136, 545.9839 },
};

static void
test_byar_close_to_exact (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (exact_95); i++)
    {
      double lo, hi, tolerance;

      fh_poisson_interval_byar (exact_95[i].observed, FH_Z_95, &lo, &hi);
      /* Byar is poorest for the smallest counts */
      tolerance = exact_95[i].observed < 5 ? 0.05 : 0.01;
      g_assert_cmpfloat (fabs (lo - exact_95[i].exact_lower), <=, tolerance * MAX (exact_95[i].exact_lower, 1));
      g_assert_cmpfloat (fabs (hi - exact_95[i].exact_upper), <=, tolerance * exact_95[i].exact_upper);
    }
}

static void
test_byar_worked_example (void)
{
  double lo, hi;

  /* O = 10, z = 1.96: 10 (1 - 1/90 - 1.96/(3√10))³ = 4.7874 and
   * 11 (1 - 1/99 + 1.96/(3√11))³ = 18.3915 (worked out from the formula). */
  fh_poisson_interval_byar (10, FH_Z_95, &lo, &hi);
  g_assert_cmpfloat_with_epsilon (lo, 4.7874, 5e-4);
  g_assert_cmpfloat_with_epsilon (hi, 18.3915, 5e-4);

  /* zero: the lower limit is zero, the upper is Byar's upper limit for one event: 3.6680 */
  fh_poisson_interval_byar (0, FH_Z_95, &lo, &hi);
  g_assert_cmpfloat (lo, ==, 0);
  g_assert_cmpfloat_with_epsilon (hi, 3.6680, 1e-3);

  fh_poisson_interval_byar (-1, FH_Z_95, &lo, &hi);
  g_assert_true (isnan (lo) && isnan (hi));
}

static void
test_rate_interval (void)
{
  double lo, hi;

  /* 1,807 requests among 6,758 children: 2,673.9 per 10,000 */
  fh_rate_interval (1807, 6758, FH_Z_95, &lo, &hi);
  g_assert_cmpfloat (lo, <, 2673.9);
  g_assert_cmpfloat (hi, >, 2673.9);
  /* about ±1.96 √O / n: ±123 per 10,000 */
  g_assert_cmpfloat_with_epsilon (hi - lo, 2 * 1.96 * sqrt (1807) * 10000 / 6758, 3);

  fh_rate_interval (10, 0, FH_Z_95, &lo, &hi);
  g_assert_true (isnan (lo) && isnan (hi));
}

static void
test_funnel_limits (void)
{
  double lo95, hi95, lo998, hi998, lo_big, hi_big;

  /* around a city rate of 1,852.6 per 10,000 */
  fh_funnel_limits (1852.6, 4000, FH_Z_95, &lo95, &hi95);
  fh_funnel_limits (1852.6, 4000, FH_Z_998, &lo998, &hi998);
  fh_funnel_limits (1852.6, 40000, FH_Z_95, &lo_big, &hi_big);

  /* nested, around the target, narrowing as the population grows */
  g_assert_cmpfloat (lo998, <, lo95);
  g_assert_cmpfloat (lo95, <, 1852.6);
  g_assert_cmpfloat (hi95, >, 1852.6);
  g_assert_cmpfloat (hi998, >, hi95);
  g_assert_cmpfloat (hi_big - lo_big, <, (hi95 - lo95) / 3);
  /* expected 741.04: limits are Byar's for that count, per 10,000 of 4,000 */
  {
    double lo, hi;
    fh_poisson_interval_byar (741.04, FH_Z_95, &lo, &hi);
    g_assert_cmpfloat_with_epsilon (lo95, lo * 10000 / 4000, 1e-9);
    g_assert_cmpfloat_with_epsilon (hi95, hi * 10000 / 4000, 1e-9);
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rate-interval/byar-close-to-exact", test_byar_close_to_exact);
  g_test_add_func ("/rate-interval/byar-worked-example", test_byar_worked_example);
  g_test_add_func ("/rate-interval/rate", test_rate_interval);
  g_test_add_func ("/rate-interval/funnel", test_funnel_limits);
  return g_test_run ();
}
