/* test-number-format.c — every number formatted once
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "fh-number-format.h"
#include "fh-results.h"

typedef struct {
  double      value;
  guint       decimals;
  const char *screen;
  const char *csv;
} Case;

static void
test_numbers (void)
{
  static const Case cases[] = {
    { 0, 0, "0", "0" },
    { 7, 1, "7.0", "7.0" },
    { 999, 0, "999", "999" },
    { 1000, 0, "1,000", "1000" },
    { 12345.66, 1, "12,345.7", "12345.7" },
    { 12345.65, 1, "12,345.6", "12345.6" },  /* a hair below .65 in binary */
    { 1234567.891, 2, "1,234,567.89", "1234567.89" },
    { -1234.5, 1, "-1,234.5", "-1234.5" },
    { -0.04, 1, "0.0", "0.0" },              /* no "-0.0" */
    { 0.5, 0, "0", "0" },                    /* to even, as printf does */
    { 2.5, 0, "2", "2" },
    { 3532.06, 1, "3,532.1", "3532.1" },
    { NAN, 1, "–", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *screen = fh_format_number (cases[i].value, cases[i].decimals);
      g_autofree char *csv = fh_format_csv_number (cases[i].value, cases[i].decimals);

      g_assert_cmpstr (screen, ==, cases[i].screen);
      g_assert_cmpstr (csv, ==, cases[i].csv);
    }
}

static void
test_counts_and_suppression (void)
{
  g_autofree char *n = fh_format_count (1234567);
  g_autofree char *zero = fh_format_count (0);
  g_autofree char *missing = fh_format_count (FH_COUNT_MISSING);
  g_autofree char *suppressed = fh_format_count (FH_COUNT_SUPPRESSED);
  g_autofree char *csv_n = fh_format_csv_count (1234567);
  g_autofree char *csv_missing = fh_format_csv_count (FH_COUNT_MISSING);
  g_autofree char *csv_suppressed = fh_format_csv_count (FH_COUNT_SUPPRESSED);
  g_autofree char *rate = fh_format_rate (123.456, 40, 1);
  g_autofree char *rate_suppressed = fh_format_rate (NAN, FH_COUNT_SUPPRESSED, 1);
  g_autofree char *rate_missing = fh_format_rate (NAN, FH_COUNT_MISSING, 1);
  g_autofree char *rate_no_children = fh_format_rate (NAN, 12, 1);

  g_assert_cmpstr (n, ==, "1,234,567");
  g_assert_cmpstr (zero, ==, "0");
  g_assert_cmpstr (missing, ==, "–");
  g_assert_cmpstr (suppressed, ==, "c");
  g_assert_cmpstr (csv_n, ==, "1234567");
  g_assert_cmpstr (csv_missing, ==, "");
  g_assert_cmpstr (csv_suppressed, ==, "c");
  g_assert_cmpstr (rate, ==, "123.5");
  /* suppressed and missing never look alike */
  g_assert_cmpstr (rate_suppressed, ==, "c");
  g_assert_cmpstr (rate_missing, ==, "–");
  g_assert_cmpstr (rate_no_children, ==, "–");
}

static void
test_percent (void)
{
  g_autofree char *p = fh_format_percent (12.345, 1);
  g_autofree char *big = fh_format_percent (1234.5, 0);
  g_autofree char *none = fh_format_percent (NAN, 1);

  g_assert_cmpstr (p, ==, "12.3%");
  g_assert_cmpstr (big, ==, "1,234%");
  g_assert_cmpstr (none, ==, "–");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/number-format/numbers", test_numbers);
  g_test_add_func ("/core/number-format/counts-and-suppression", test_counts_and_suppression);
  g_test_add_func ("/core/number-format/percent", test_percent);
  return g_test_run ();
}
