/* test-scatter-chart.c — wards by deprivation and demand
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "fh-chart-export.h"
#include "fh-scatter-chart.h"

static guint32
pixel_at (cairo_surface_t *s, double x, double y)
{
  unsigned char *data = cairo_image_surface_get_data (s);
  return *(guint32 *) (data + (int) y * cairo_image_surface_get_stride (s) + (int) x * 4) & 0xffffff;
}

static void
test_positions_and_selection (void)
{
  g_autoptr(FhScatterChart) chart = fh_scatter_chart_new ();
  cairo_surface_t *image;
  double ax, ay, bx, by, cx, cy;
  g_autofree char *csv = NULL;

  fh_scatter_chart_set_axes (chart, "IMD 2019 score", "Referrals per 10,000 children");
  fh_scatter_chart_add_point (chart, "A", "Aspley", 54.7, 2474.1);
  fh_scatter_chart_add_point (chart, "W", "Wollaton West", 10.8, 990.6);
  fh_scatter_chart_add_point (chart, "X", "No figures", NAN, 1000);
  fh_scatter_chart_add_point (chart, "C", "Castle", 18.4, 1204.3);
  fh_scatter_chart_set_selected (chart, "C");
  image = fh_chart_render_image (FH_CHART (chart), 700, 450, 1.0);

  g_assert_true (fh_scatter_chart_get_position (chart, 0, &ax, &ay));
  g_assert_true (fh_scatter_chart_get_position (chart, 1, &bx, &by));
  g_assert_false (fh_scatter_chart_get_position (chart, 2, &cx, &cy));   /* not drawn as zero */
  g_assert_true (fh_scatter_chart_get_position (chart, 3, &cx, &cy));
  g_assert_cmpfloat (ax, >, cx);           /* more deprived further right */
  g_assert_cmpfloat (cx, >, bx);
  g_assert_cmpfloat (ay, <, cy);           /* more demand higher up */

  g_assert_cmphex (pixel_at (image, cx, cy), ==, 0x12436D);   /* selected: focus colour */
  g_assert_cmphex (pixel_at (image, ax, ay), ==, 0xBFBFBF);   /* others: context grey */
  g_assert_cmpint (fh_scatter_chart_hit_test (chart, ax + 2, ay - 2), ==, 0);
  g_assert_cmpint (fh_scatter_chart_hit_test (chart, 1, 1), ==, -1);

  csv = fh_chart_to_csv (FH_CHART (chart));
  g_assert_true (g_str_has_prefix (csv, "Name,IMD 2019 score,\"Referrals per 10,000 children\"\r\nAspley,54.7,2474.1\r\n"));
  cairo_surface_destroy (image);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/charts/scatter/positions-and-selection", test_positions_and_selection);
  return g_test_run ();
}
