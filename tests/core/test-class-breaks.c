/* test-class-breaks.c — choropleth classes and their legend labels
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "fh-class-breaks.h"

static void
test_quantiles_rounded (void)
{
  /* 20 ward rates like the demo's */
  const double rates[] = { 2474.1, 2360.8, 2280.9, 2021.4, 1998.5, 1912.6, 1896.2, 1896.1, 1804.8,
                           1764.2, 1751.1, 1700.7, 1684.2, 1571.2, 1556.0, 1460.9, 1365.8, 1327.4,
                           1204.3, 990.6 };
  g_autoptr(FhClassBreaks) b = fh_class_breaks_new (rates, G_N_ELEMENTS (rates), 5);
  g_autofree char *l0 = NULL, *l2 = NULL, *l4 = NULL;

  g_assert_cmpuint (fh_class_breaks_get_n_classes (b), ==, 5);
  /* sorted: quantile positions 4, 8, 12, 16 → 1460.9, 1700.7, 1896.1, 2021.4 → 2 s.f. */
  g_assert_cmpfloat (fh_class_breaks_get_lower (b, 0), ==, 990.6);
  g_assert_cmpfloat (fh_class_breaks_get_lower (b, 1), ==, 1500);
  g_assert_cmpfloat (fh_class_breaks_get_lower (b, 2), ==, 1700);
  g_assert_cmpfloat (fh_class_breaks_get_lower (b, 3), ==, 1900);
  g_assert_cmpfloat (fh_class_breaks_get_lower (b, 4), ==, 2000);

  g_assert_cmpint (fh_class_breaks_classify (b, 990.6), ==, 0);
  g_assert_cmpint (fh_class_breaks_classify (b, 1499.9), ==, 0);
  g_assert_cmpint (fh_class_breaks_classify (b, 1500), ==, 1);
  g_assert_cmpint (fh_class_breaks_classify (b, 2474.1), ==, 4);
  g_assert_cmpint (fh_class_breaks_classify (b, NAN), ==, -1);

  l0 = fh_class_breaks_get_label (b, 0, 0);
  l2 = fh_class_breaks_get_label (b, 2, 0);
  l4 = fh_class_breaks_get_label (b, 4, 0);
  g_assert_cmpstr (l0, ==, "Under 1,500");
  g_assert_cmpstr (l2, ==, "1,700 to under 1,900");
  g_assert_cmpstr (l4, ==, "2,000 and over");
}

static void
test_degenerate (void)
{
  const double same[] = { 12.5, 12.5, 12.5, NAN };
  const double none[] = { NAN, NAN };
  const double two[] = { 1, 100 };
  g_autoptr(FhClassBreaks) a = fh_class_breaks_new (same, 4, 5);
  g_autoptr(FhClassBreaks) b = fh_class_breaks_new (none, 2, 5);
  g_autoptr(FhClassBreaks) c = fh_class_breaks_new (two, 2, 5);
  g_autofree char *label = NULL;

  g_assert_cmpuint (fh_class_breaks_get_n_classes (a), ==, 1);
  g_assert_cmpint (fh_class_breaks_classify (a, 12.5), ==, 0);
  g_assert_cmpint (fh_class_breaks_classify (a, NAN), ==, -1);
  label = fh_class_breaks_get_label (a, 0, 1);
  g_assert_cmpstr (label, ==, "All 12.5");
  g_assert_true (fh_class_breaks_is_uniform (a));

  g_assert_cmpuint (fh_class_breaks_get_n_classes (b), ==, 0);
  g_assert_false (fh_class_breaks_is_uniform (b));
  g_assert_cmpint (fh_class_breaks_classify (b, 3), ==, -1);

  /* fewer distinct values than classes: no empty or repeated classes */
  g_assert_cmpuint (fh_class_breaks_get_n_classes (c), <=, 2);
  g_assert_cmpint (fh_class_breaks_classify (c, 1), !=, fh_class_breaks_classify (c, 100));
}

/* Every ward 0 (a measure with nothing this month): one class that says
 * so, not "0 and over", which promises higher classes; and values that
 * rounding cannot split make one class over their spread. */
static void
test_all_zero_and_unsplit (void)
{
  double zeros[20];
  const double close[] = { 1501, 1502, 1503, 1504, 1540.26 };
  const double two[] = { 1, 100 };
  g_autoptr(FhClassBreaks) z = NULL;
  g_autoptr(FhClassBreaks) c = fh_class_breaks_new (close, 5, 5);
  g_autoptr(FhClassBreaks) t = fh_class_breaks_new (two, 2, 5);
  g_autofree char *zero_label = NULL, *close_label = NULL, *top = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (zeros); i++)
    zeros[i] = 0;
  zeros[7] = NAN;   /* missing stays out of it */
  z = fh_class_breaks_new (zeros, G_N_ELEMENTS (zeros), 5);
  g_assert_cmpuint (fh_class_breaks_get_n_classes (z), ==, 1);
  g_assert_true (fh_class_breaks_is_uniform (z));
  g_assert_cmpint (fh_class_breaks_classify (z, 0), ==, 0);
  g_assert_cmpint (fh_class_breaks_classify (z, NAN), ==, -1);
  zero_label = fh_class_breaks_get_label (z, 0, 0);
  g_assert_cmpstr (zero_label, ==, "All 0");

  /* 1,501 to 1,540.26 round to breaks of 1,500 and 1,500: one class */
  g_assert_cmpuint (fh_class_breaks_get_n_classes (c), ==, 1);
  g_assert_false (fh_class_breaks_is_uniform (c));
  close_label = fh_class_breaks_get_label (c, 0, 1);
  g_assert_cmpstr (close_label, ==, "1,501.0 to 1,540.3");

  /* two classes keep the open-ended top class */
  g_assert_cmpuint (fh_class_breaks_get_n_classes (t), ==, 2);
  g_assert_false (fh_class_breaks_is_uniform (t));
  top = fh_class_breaks_get_label (t, 1, 0);
  g_assert_cmpstr (top, ==, "100 and over");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/class-breaks/quantiles-rounded", test_quantiles_rounded);
  g_test_add_func ("/class-breaks/degenerate", test_degenerate);
  g_test_add_func ("/class-breaks/all-zero-and-unsplit", test_all_zero_and_unsplit);
  return g_test_run ();
}
