/* test-strip-chart.c — every worker a dot, a box, a median and a threshold per service
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "fh-chart-export.h"
#include "fh-strip-chart.h"

static guint32
pixel_at (cairo_surface_t *s, double x, double y)
{
  unsigned char *data = cairo_image_surface_get_data (s);

  cairo_surface_flush (s);
  return *(guint32 *) (data + (int) y * cairo_image_surface_get_stride (s) + (int) x * 4) & 0xffffff;
}

/* Core (threshold 20): 10, 14, 18, 22, 28.3 and one withheld;
 * Adolescence (threshold 15): 12 and 16. */
static FhStripChart *
new_chart (void)
{
  FhStripChart *chart = fh_strip_chart_new ();
  guint core, adol;

  fh_chart_set_title (FH_CHART (chart), "Eleven Core workers above their threshold");
  fh_strip_chart_set_axis_label (chart, "Open episodes per FTE");
  core = fh_strip_chart_add_column (chart, "Core", 20);
  adol = fh_strip_chart_add_column (chart, "Adolescence", 15);
  fh_strip_chart_add_dot (chart, core, "W1", "North", 10);     /* 0 */
  fh_strip_chart_add_dot (chart, core, "W2", "North", 22);     /* 1: above */
  fh_strip_chart_add_dot (chart, core, "W3", "South", 28.3);   /* 2: above */
  fh_strip_chart_add_dot (chart, core, "W4", "South", NAN);    /* 3: withheld */
  fh_strip_chart_add_dot (chart, core, "W5", "South", 14);     /* 4 */
  fh_strip_chart_add_dot (chart, core, "W6", "North", 18);     /* 5 */
  fh_strip_chart_add_dot (chart, adol, "A1", "Central", 12);   /* 6 */
  fh_strip_chart_add_dot (chart, adol, "A2", "Central", 16);   /* 7: above */
  return chart;
}

static void
test_model (void)
{
  g_autoptr(FhStripChart) chart = new_chart ();
  double q1, med, q3;

  g_assert_true (fh_strip_chart_get_quartiles (chart, 0, &q1, &med, &q3));
  g_assert_cmpfloat_with_epsilon (q1, 14, 1e-9);
  g_assert_cmpfloat_with_epsilon (med, 18, 1e-9);
  g_assert_cmpfloat_with_epsilon (q3, 22, 1e-9);
  g_assert_true (fh_strip_chart_get_quartiles (chart, 1, &q1, &med, &q3));
  g_assert_cmpfloat_with_epsilon (q1, 13, 1e-9);     /* 12 + 0.25 × 4 */
  g_assert_cmpfloat_with_epsilon (med, 14, 1e-9);    /* even: the middle two's mean */
  g_assert_cmpfloat_with_epsilon (q3, 15, 1e-9);
  g_assert_false (fh_strip_chart_get_quartiles (chart, 2, &q1, &med, &q3));

  g_assert_false (fh_strip_chart_dot_is_above (chart, 0));
  g_assert_true (fh_strip_chart_dot_is_above (chart, 1));
  g_assert_false (fh_strip_chart_dot_is_above (chart, 3));   /* withheld: not known */
  g_assert_false (fh_strip_chart_dot_is_above (chart, 6));
  g_assert_true (fh_strip_chart_dot_is_above (chart, 7));
}

static void
test_drawn (void)
{
  g_autoptr(FhStripChart) chart = new_chart ();
  cairo_surface_t *image = fh_chart_render_image (FH_CHART (chart), 800, 500, 1.0);
  double x[8], y[8], mx0, mx1, my, tx0, tx1, ty, ax0, ax1, ay;

  for (guint i = 0; i < 8; i++)
    g_assert_true (fh_strip_chart_get_dot_position (chart, i, &x[i], &y[i]));

  /* higher caseloads higher up; Core on the left, Adolescence on the right */
  g_assert_cmpfloat (y[2], <, y[1]);
  g_assert_cmpfloat (y[1], <, y[5]);
  g_assert_cmpfloat (y[5], <, y[4]);
  g_assert_cmpfloat (y[4], <, y[0]);
  for (guint i = 0; i < 6; i++)
    g_assert_cmpfloat (x[i], <, 400);
  g_assert_cmpfloat (x[6], >, 400);
  g_assert_cmpfloat (x[7], >, 400);
  /* the same scale in both columns: 12 between 10 and 14 */
  g_assert_cmpfloat (y[6], <, y[0]);
  g_assert_cmpfloat (y[6], >, y[4]);
  /* the withheld worker is drawn, under the lowest */
  g_assert_cmpfloat (y[3], >, y[0] + 10);

  /* colour and shape: service colour below, the "above" colour above */
  g_assert_cmphex (pixel_at (image, x[0], y[0]), ==, 0x12436D);
  g_assert_cmphex (pixel_at (image, x[4], y[4]), ==, 0x12436D);
  g_assert_cmphex (pixel_at (image, x[1], y[1]), ==, 0xF46A25);
  g_assert_cmphex (pixel_at (image, x[6], y[6]), ==, 0x28A197);
  g_assert_cmphex (pixel_at (image, x[7], y[7]), ==, 0xF46A25);
  /* a triangle, not a circle: its outlined apex reaches above where a
   * circle (and its white edge) ends */
  g_assert_cmphex (pixel_at (image, x[1], y[1] - 5.5), !=, 0xFFFFFF);
  g_assert_cmphex (pixel_at (image, x[0], y[0] - 5.5), ==, 0xFFFFFF);
  /* hollow: the withheld dot is white inside */
  g_assert_cmphex (pixel_at (image, x[3], y[3]), ==, 0xFFFFFF);

  /* the median mark at 18, level with the worker at 18 */
  g_assert_true (fh_strip_chart_get_median_line (chart, 0, &mx0, &mx1, &my));
  g_assert_cmpfloat_with_epsilon (my, y[5], 1e-6);
  g_assert_cmphex (pixel_at (image, mx0 + 1, my), ==, 0x0B0C0C);
  g_assert_cmphex (pixel_at (image, mx0 + 1, my - 3), !=, 0x0B0C0C);   /* 3 px thick, no more */

  /* thresholds: Core's 20 between 18 and 22, Adolescence's 15 lower down */
  g_assert_true (fh_strip_chart_get_threshold_line (chart, 0, &tx0, &tx1, &ty));
  g_assert_true (fh_strip_chart_get_threshold_line (chart, 1, &ax0, &ax1, &ay));
  g_assert_cmpfloat (ty, >, y[1]);
  g_assert_cmpfloat (ty, <, y[5]);
  g_assert_cmpfloat_with_epsilon (ty - y[1], (y[5] - y[1]) / 2, 1.0);   /* halfway, to the rounding */
  g_assert_cmpfloat (ay, >, ty);
  g_assert_cmpfloat (tx1, <, ax0);          /* each in its own column */
  g_assert_cmphex (pixel_at (image, tx0 + 1, floor (ty)), ==, 0x0B0C0C);
  g_assert_cmphex (pixel_at (image, ax0 + 1, floor (ay)), ==, 0x0B0C0C);
  g_assert_cmphex (pixel_at (image, tx0 + 6.5, floor (ty)), !=, 0x0B0C0C);   /* dashed: a gap */

  /* hovering finds the dot, the withheld one too; nothing far from any */
  g_assert_cmpint (fh_strip_chart_hit_test (chart, x[2] + 2, y[2] - 2), ==, 2);
  g_assert_cmpint (fh_strip_chart_hit_test (chart, x[3], y[3]), ==, 3);
  g_assert_cmpint (fh_strip_chart_hit_test (chart, 1, 1), ==, -1);

  /* the selected dot gets a focus ring */
  fh_strip_chart_set_selected (chart, 6);
  cairo_surface_destroy (image);
  image = fh_chart_render_image (FH_CHART (chart), 800, 500, 1.0);
  g_assert_cmphex (pixel_at (image, x[6] + 9, y[6]), ==, 0x12436D);
  cairo_surface_destroy (image);
}

/* The jitter comes from the id: the same on every draw, different between workers. */
static void
test_jitter_is_deterministic (void)
{
  g_autoptr(FhStripChart) a = new_chart ();
  g_autoptr(FhStripChart) b = new_chart ();
  cairo_surface_t *ia = fh_chart_render_image (FH_CHART (a), 800, 500, 1.0);
  cairo_surface_t *ib = fh_chart_render_image (FH_CHART (b), 800, 500, 1.0);
  double ax, ay, bx, by, cx, cy;

  g_assert_true (fh_strip_chart_get_dot_position (a, 4, &ax, &ay));
  g_assert_true (fh_strip_chart_get_dot_position (b, 4, &bx, &by));
  g_assert_true (fh_strip_chart_get_dot_position (a, 0, &cx, &cy));
  g_assert_cmpfloat (ax, ==, bx);
  g_assert_cmpfloat (ax, !=, cx);
  cairo_surface_destroy (ia);
  cairo_surface_destroy (ib);
}

static void
test_csv_and_alt_text (void)
{
  g_autoptr(FhStripChart) chart = new_chart ();
  g_autofree char *csv = fh_chart_to_csv (FH_CHART (chart));
  g_autofree char *alt = fh_chart_get_alt_text (FH_CHART (chart));

  g_assert_true (g_str_has_prefix (csv, "Group,Id,Detail,Open episodes per FTE,Threshold,Above threshold\r\n"
                                        "Core,W1,North,10.0,20.0,no\r\n"
                                        "Core,W2,North,22.0,20.0,yes\r\n"));
  g_assert_nonnull (strstr (csv, "Core,W4,South,c,20.0,\r\n"));
  g_assert_nonnull (strstr (csv, "Adolescence,A2,Central,16.0,15.0,yes\r\n"));
  g_assert_nonnull (strstr (alt, "Strip plot of 8 dots in 2 groups"));
  g_assert_nonnull (strstr (alt, "Core: 6, median 18.0, middle half 14.0 to 22.0, 2 above the threshold of 20.0, 1 withheld."));
  g_assert_nonnull (strstr (alt, "Adolescence: 2, median 14.0, middle half 13.0 to 15.0, 1 above the threshold of 15.0."));
}

/* The same drawing into every format: SVG and PDF with the title's text,
 * CSV as to_csv(). */
static void
test_exports (void)
{
  g_autoptr(FhStripChart) chart = new_chart ();
  g_autofree char *dir = g_dir_make_tmp ("fh-strip-XXXXXX", NULL);
  const char *names[] = { "strip.svg", "strip.pdf", "strip.png", "strip.csv" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;
      g_autoptr(GError) error = NULL;

      g_assert_true (fh_chart_save (FH_CHART (chart), path, 600, 400, 96, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 100);
      if (g_str_has_suffix (path, ".svg"))
        g_assert_nonnull (strstr (contents, "Eleven Core workers above their threshold"));
      if (g_str_has_suffix (path, ".csv"))
        g_assert_true (g_str_has_prefix (contents, "Group,Id,Detail,"));
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_empty (void)
{
  g_autoptr(FhStripChart) chart = fh_strip_chart_new ();
  cairo_surface_t *image;
  double x, y;

  fh_strip_chart_add_column (chart, "Early Help", 25);
  image = fh_chart_render_image (FH_CHART (chart), 400, 300, 1.0);
  g_assert_false (fh_strip_chart_get_dot_position (chart, 0, &x, &y));
  g_assert_cmpint (fh_strip_chart_hit_test (chart, 200, 150), ==, -1);
  g_assert_true (fh_strip_chart_get_threshold_line (chart, 0, &x, &x, &y));   /* the line still shows */
  cairo_surface_destroy (image);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/strip-chart/model", test_model);
  g_test_add_func ("/strip-chart/drawn", test_drawn);
  g_test_add_func ("/strip-chart/jitter", test_jitter_is_deterministic);
  g_test_add_func ("/strip-chart/csv-alt-text", test_csv_and_alt_text);
  g_test_add_func ("/strip-chart/exports", test_exports);
  g_test_add_func ("/strip-chart/empty", test_empty);
  return g_test_run ();
}
