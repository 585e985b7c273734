/* test-period.c — reporting periods and year-on-year change
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <math.h>

#include "fh-filter.h"
#include "fh-period.h"

static void
assert_period (const FhPeriod *p, const char *from, const char *to)
{
  g_autofree char *f = fh_date_to_iso (p->from);
  g_autofree char *t = fh_date_to_iso (p->to);

  g_assert_cmpstr (f, ==, from);
  g_assert_cmpstr (t, ==, to);
}

static void
test_containing (void)
{
  g_autoptr(GDateTime) day = fh_date_new (2026, 2, 14);
  g_autoptr(FhPeriod) month = fh_period_new_containing (FH_PERIOD_MONTH, day);
  g_autoptr(FhPeriod) quarter = fh_period_new_containing (FH_PERIOD_QUARTER, day);
  g_autoptr(FhPeriod) year = fh_period_new_containing (FH_PERIOD_FINANCIAL_YEAR, day);
  g_autoptr(FhPeriod) rolling = fh_period_new_containing (FH_PERIOD_ROLLING_12_MONTHS, day);

  assert_period (month, "2026-02-01", "2026-02-28");
  assert_period (quarter, "2026-01-01", "2026-03-31");
  assert_period (year, "2025-04-01", "2026-03-31");
  assert_period (rolling, "2025-03-01", "2026-02-28");
  g_assert_cmpint (fh_period_get_n_days (year), ==, 365);
}

static void
test_latest_complete (void)
{
  g_autoptr(GDateTime) today = fh_date_new (2026, 11, 24);
  g_autoptr(FhPeriod) month = fh_period_new_latest_complete (FH_PERIOD_MONTH, today);
  g_autoptr(FhPeriod) quarter = fh_period_new_latest_complete (FH_PERIOD_QUARTER, today);
  g_autoptr(FhPeriod) year = fh_period_new_latest_complete (FH_PERIOD_FINANCIAL_YEAR, today);
  g_autoptr(FhPeriod) rolling = fh_period_new_latest_complete (FH_PERIOD_ROLLING_12_MONTHS, today);

  assert_period (month, "2026-10-01", "2026-10-31");
  assert_period (quarter, "2026-07-01", "2026-09-30");
  assert_period (year, "2025-04-01", "2026-03-31");
  assert_period (rolling, "2025-11-01", "2026-10-31");
}

static void
test_year_earlier (void)
{
  g_autoptr(GDateTime) day = fh_date_new (2024, 2, 10);
  g_autoptr(FhPeriod) feb_2024 = fh_period_new_containing (FH_PERIOD_MONTH, day);
  g_autoptr(FhPeriod) feb_2023 = fh_period_year_earlier (feb_2024);
  g_autoptr(GDateTime) from = fh_date_new (2026, 1, 5);
  g_autoptr(GDateTime) to = fh_date_new (2026, 2, 20);
  g_autoptr(FhPeriod) custom = fh_period_new_custom (from, to);
  g_autoptr(FhPeriod) custom_before = fh_period_year_earlier (custom);

  assert_period (feb_2024, "2024-02-01", "2024-02-29");
  assert_period (feb_2023, "2023-02-01", "2023-02-28");
  assert_period (custom_before, "2025-01-05", "2025-02-20");
}

static void
test_labels (void)
{
  g_autoptr(GDateTime) day = fh_date_new (2025, 11, 3);
  g_autoptr(FhPeriod) quarter = fh_period_new_containing (FH_PERIOD_QUARTER, day);
  g_autoptr(FhPeriod) year = fh_period_new_containing (FH_PERIOD_FINANCIAL_YEAR, day);
  g_autoptr(FhPeriod) rolling = fh_period_new_containing (FH_PERIOD_ROLLING_12_MONTHS, day);
  g_autofree char *q = fh_period_get_label (quarter);
  g_autofree char *y = fh_period_get_label (year);
  g_autofree char *r = fh_period_get_label (rolling);

  g_assert_cmpstr (q, ==, "Q3 2025-26 (Oct–Dec 2025)");
  g_assert_cmpstr (y, ==, "2025-26");
  g_assert_cmpstr (r, ==, "12 months to November 2025");
}

static void
test_change (void)
{
  double diff, pct;

  fh_change_compute (120, 100, &diff, &pct);
  g_assert_cmpfloat_with_epsilon (diff, 20, 1e-9);
  g_assert_cmpfloat_with_epsilon (pct, 20, 1e-9);

  fh_change_compute (5, 0, &diff, &pct);
  g_assert_cmpfloat_with_epsilon (diff, 5, 1e-9);
  g_assert_true (isnan (pct));

  fh_change_compute (NAN, 10, &diff, &pct);
  g_assert_true (isnan (diff));
  g_assert_true (isnan (pct));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/period/containing", test_containing);
  g_test_add_func ("/period/latest-complete", test_latest_complete);
  g_test_add_func ("/period/year-earlier", test_year_earlier);
  g_test_add_func ("/period/labels", test_labels);
  g_test_add_func ("/period/change", test_change);

  return g_test_run ();
}
