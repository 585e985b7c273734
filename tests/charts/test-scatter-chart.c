/* test-scatter-chart.c — wards by deprivation and demand
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "fh-chart-export.h"
#include "fh-rate-interval.h"
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
  g_assert_cmphex (pixel_at (image, ax, ay), ==, 0x8A8A8A);   /* others: context grey, 3:1 on white */
  g_assert_cmpint (fh_scatter_chart_hit_test (chart, ax + 2, ay - 2), ==, 0);
  g_assert_cmpint (fh_scatter_chart_hit_test (chart, 1, 1), ==, -1);

  csv = fh_chart_to_csv (FH_CHART (chart));
  g_assert_true (g_str_has_prefix (csv, "Name,IMD 2019 score,\"Referrals per 10,000 children\"\r\nAspley,54.7,2474.1\r\n"));
  cairo_surface_destroy (image);
}

/* A funnel plot: the limits decide which wards lie outside, and the
 * target line is drawn where the target is. */
static void
test_funnel (void)
{
  g_autoptr(FhScatterChart) chart = fh_scatter_chart_new ();
  cairo_surface_t *image;
  g_autofree char *alt = NULL;
  double tx, ty;

  fh_scatter_chart_set_axes (chart, "Children aged 0-17", "Requests per 10,000");
  fh_chart_set_title (FH_CHART (chart), "Two wards stand out");
  /* at the target exactly; far above; far below; a little above, within 95% */
  fh_scatter_chart_add_point (chart, "T", "On target", 1000, 1000);
  fh_scatter_chart_add_point (chart, "H", "High", 1000, 2000);
  fh_scatter_chart_add_point (chart, "L", "Low", 5000, 500);
  fh_scatter_chart_add_point (chart, "S", "Slightly high", 4000, 1030);
  fh_scatter_chart_set_funnel (chart, 1000);

  /* at 1,000 children the 99.8% limits are about 700 to 1,340 per 10,000;
   * at 4,000 the 95% limits about 900 to 1,100 */
  g_assert_cmpuint (fh_scatter_chart_count_outside (chart, FH_Z_998, TRUE), ==, 1);
  g_assert_cmpuint (fh_scatter_chart_count_outside (chart, FH_Z_998, FALSE), ==, 1);
  g_assert_cmpuint (fh_scatter_chart_count_outside (chart, FH_Z_95, TRUE), ==, 1);
  alt = fh_chart_get_alt_text (FH_CHART (chart));
  g_assert_nonnull (strstr (alt, "Funnel plot of 4 wards"));
  g_assert_nonnull (strstr (alt, "Above the 99.8% limit: 1; below it: 1."));

  image = fh_chart_render_image (FH_CHART (chart), 700, 450, 1.0);
  g_assert_true (fh_scatter_chart_get_position (chart, 0, &tx, &ty));
  /* the target line runs through the on-target point, dark, right of it */
  g_assert_cmphex (pixel_at (image, tx + 40, ty), !=, 0xFFFFFF);
  g_assert_cmphex (pixel_at (image, tx + 40, ty - 6), ==, 0xFFFFFF);
  cairo_surface_destroy (image);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/charts/scatter/positions-and-selection", test_positions_and_selection);
  g_test_add_func ("/charts/scatter/funnel", test_funnel);
  return g_test_run ();
}
