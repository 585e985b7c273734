/* test-line-chart.c — monthly lines, gaps and a forecast band
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "fh-chart-export.h"
#include "fh-line-chart.h"

static void
test_points_and_band (void)
{
  g_autoptr(FhLineChart) chart = fh_line_chart_new ();
  const double ward[] = { 10, 20, NAN, 40 };
  const double city[] = { 15, 15, 15, 15 };
  const double forecast[] = { 42, 44 };
  const double low[] = { 30, 31 }, high[] = { 50, 60 };
  cairo_surface_t *image;
  double x0, y0, x1, y1, x3, y3, fx, fy;

  fh_line_chart_set_first_month (chart, 2025, 11);
  fh_chart_set_title (FH_CHART (chart), "Referrals by month");
  fh_line_chart_add_series (chart, "Aspley", 0, ward, 4, 0, FH_LINE_SOLID);
  fh_line_chart_add_series (chart, "City", 0, city, 4, 4, FH_LINE_THIN);
  fh_line_chart_add_series (chart, "Forecast", 4, forecast, 2, 0, FH_LINE_DASHED);
  fh_line_chart_add_band (chart, "80% interval", 4, low, high, 2, 0);
  g_assert_cmpuint (fh_line_chart_get_n_series (chart), ==, 4);

  image = fh_chart_render_image (FH_CHART (chart), 800, 400, 1.0);
  /* the band went underneath: series 0 is the band now, Aspley is 1 */
  g_assert_true (fh_line_chart_get_point (chart, 1, 0, &x0, &y0));
  g_assert_true (fh_line_chart_get_point (chart, 1, 1, &x1, &y1));
  g_assert_false (fh_line_chart_get_point (chart, 1, 2, &x3, &y3));  /* a gap, not zero */
  g_assert_true (fh_line_chart_get_point (chart, 1, 3, &x3, &y3));
  g_assert_true (fh_line_chart_get_point (chart, 3, 4, &fx, &fy));

  g_assert_cmpfloat (x0, <, x1);
  g_assert_cmpfloat (y1, <, y0);                      /* higher value, higher up */
  g_assert_cmpfloat_with_epsilon ((x1 - x0) * 3, x3 - x0, 1e-9);   /* even months */
  g_assert_cmpfloat_with_epsilon ((y0 - y1) * 3, y0 - y3, 1e-6);   /* linear scale */
  g_assert_cmpfloat (fx, >, x3);
  cairo_surface_destroy (image);
}

static void
test_csv (void)
{
  g_autoptr(FhLineChart) chart = fh_line_chart_new ();
  const double v[] = { 1.25, NAN };
  g_autofree char *csv = NULL;

  fh_line_chart_set_first_month (chart, 2025, 12);
  fh_line_chart_add_series (chart, "Ward", 0, v, 2, 0, FH_LINE_SOLID);
  csv = fh_chart_to_csv (FH_CHART (chart));
  g_assert_cmpstr (csv, ==, "Month,Ward\r\n2025-12,1.2\r\n2026-01,\r\n");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/charts/line/points-and-band", test_points_and_band);
  g_test_add_func ("/charts/line/csv", test_csv);
  return g_test_run ();
}
