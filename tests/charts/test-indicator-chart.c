/* test-indicator-chart.c — what the indicator chart and its sparkline drew
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The trajectory's end points sit on the baseline and the target, the RAG
 * bands lie on the right side of it by the polarity and are one tolerance
 * deep, and the latest value is where the series ends and is written out.
 */
#include <math.h>
#include <string.h>

#include "fh-chart-export.h"
#include "fh-indicator-chart.h"

#define N_POINTS 8

static GDateTime *
day (int y, int m, int d)
{
  return g_date_time_new_utc (y, m, d, 0, 0, 0);
}

static guint32
pixel_at (cairo_surface_t *s, double x, double y)
{
  unsigned char *data = cairo_image_surface_get_data (s);
  int stride = cairo_image_surface_get_stride (s);

  return *(guint32 *) (data + (int) y * stride + (int) x * 4) & 0x00ffffff;
}

/* A band's colour at 16% over white, give or take rounding; one of the
 * five pixels down a short column (a gridline may cross one). */
static gboolean
band_at (cairo_surface_t *s, double x, double y, guint32 rgb)
{
  int er = 255 - (int) round (0.16 * (255 - (int) (rgb >> 16)));
  int eg = 255 - (int) round (0.16 * (255 - (int) ((rgb >> 8) & 0xff)));
  int eb = 255 - (int) round (0.16 * (255 - (int) (rgb & 0xff)));

  for (int dy = -2; dy <= 2; dy++)
    {
      guint32 p = pixel_at (s, x, y + dy);
      int r = p >> 16, g = (p >> 8) & 0xff, b = p & 0xff;

      if (ABS (r - er) <= 2 && ABS (g - eg) <= 2 && ABS (b - eb) <= 2)
        return TRUE;
      g_test_message ("at %.0f,%.0f: %06x, not %02x%02x%02x", x, y + dy, p, er, eg, eb);
    }
  return FALSE;
}

typedef struct {
  FhRagRule   rule;
  FhRagPoint  points[N_POINTS];
  FhRagPoint  england[3];
} Fixture;

/* Re-referrals: lower is better, 24.0% in March 2022 to 18.0% by March
 * 2027, tolerance 3 points; quarterly values with a gap, the latest 21.5%
 * in September 2026 when the trajectory expects 18.6%: amber. */
static void
fixture_init (Fixture *f, gboolean higher_is_better)
{
  static const double values[N_POINTS] = { 23.5, 23.0, NAN, 22.4, 21.9, 21.0, 20.8, 21.5 };
  static const int months[N_POINTS][2] = { { 2024, 9 }, { 2024, 12 }, { 2025, 3 }, { 2025, 6 },
                                           { 2025, 9 }, { 2025, 12 }, { 2026, 3 }, { 2026, 9 } };
  static const int last_day[13] = { 0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  f->rule = (FhRagRule) { higher_is_better, 24.0, day (2022, 3, 31), 18.0, day (2027, 3, 31), 3.0 };
  for (guint i = 0; i < N_POINTS; i++)
    f->points[i] = (FhRagPoint) { day (months[i][0], months[i][1], last_day[months[i][1]]), values[i] };
  for (guint i = 0; i < 3; i++)
    f->england[i] = (FhRagPoint) { day (2023 + i, 3, 31), 21.5 + 0.4 * i };
}

static void
fixture_clear (Fixture *f)
{
  g_date_time_unref (f->rule.baseline_date);
  g_date_time_unref (f->rule.target_date);
  for (guint i = 0; i < N_POINTS; i++)
    g_date_time_unref (f->points[i].date);
  for (guint i = 0; i < 3; i++)
    g_date_time_unref (f->england[i].date);
}

static double
expected_at (GDateTime *date)
{
  g_autoptr(GDateTime) b = day (2022, 3, 31);
  g_autoptr(GDateTime) t = day (2027, 3, 31);
  double done = g_date_time_difference (date, b) / (double) g_date_time_difference (t, b);

  return 24.0 + (18.0 - 24.0) * done;
}

static void
test_trajectory_bands_annotation (void)
{
  g_autoptr(FhIndicatorChart) chart = fh_indicator_chart_new ();
  g_autoptr(GDateTime) mid = day (2024, 3, 15);
  cairo_surface_t *image;
  Fixture f;
  double x0, y0, x1, y1, ax, ay, px, py, pw, ph, x, t;
  const char *text;

  fixture_init (&f, FALSE);
  fh_chart_set_title (FH_CHART (chart), "Re-referrals are behind the trajectory");
  fh_indicator_chart_set_unit (chart, "percent");
  fh_indicator_chart_set_data (chart, &f.rule, f.points, N_POINTS);
  fh_indicator_chart_add_comparator (chart, "England", f.england, 3);
  g_assert_cmpint (fh_indicator_chart_get_assessment (chart)->status, ==, FH_RAG_AMBER);

  image = fh_chart_render_image (FH_CHART (chart), 900, 480, 1.0);
  if (g_getenv ("FH_TEST_SAVE_PNG"))
    cairo_surface_write_to_png (image, g_getenv ("FH_TEST_SAVE_PNG"));
  fh_indicator_chart_get_plot (chart, &px, &py, &pw, &ph);

  /* the trajectory runs from the baseline to the target, at the plot's ends
   * (the baseline and target dates are the earliest and latest drawn) */
  g_assert_true (fh_indicator_chart_get_trajectory (chart, &x0, &y0, &x1, &y1));
  g_assert_cmpfloat (x0, >, px);
  g_assert_cmpfloat (x0, <, px + 0.05 * pw);
  g_assert_cmpfloat (x1, <, px + pw);
  g_assert_cmpfloat (x1, >, px + 0.95 * pw);
  g_assert_cmpfloat_with_epsilon (y0, fh_indicator_chart_value_to_y (chart, 24.0), 1e-9);
  g_assert_cmpfloat_with_epsilon (y1, fh_indicator_chart_value_to_y (chart, 18.0), 1e-9);
  g_assert_cmpfloat (y0, <, y1);                             /* 24 above 18 */
  g_assert_cmpfloat (y0, >, py);
  g_assert_cmpfloat (y1, <, py + ph);

  /* the bands at a date with no value drawn near: lower is better, so green
   * below the trajectory, amber up to 3 points above it, red beyond */
  x = fh_indicator_chart_date_to_x (chart, mid);
  t = expected_at (mid);
  g_assert_cmpfloat_with_epsilon ((x - x0) / (x1 - x0),
                                  (24.0 - t) / 6.0, 1e-6);   /* time is linear */
  g_assert_true (band_at (image, x, fh_indicator_chart_value_to_y (chart, t - 1.5), 0x00703C));
  g_assert_true (band_at (image, x, fh_indicator_chart_value_to_y (chart, t + 1.5), 0xF47738));
  g_assert_true (band_at (image, x, fh_indicator_chart_value_to_y (chart, t + 4.0), 0xD4351C));
  /* the amber band's edge is one tolerance from the trajectory */
  g_assert_true (band_at (image, x, fh_indicator_chart_value_to_y (chart, t + 2.8), 0xF47738));
  g_assert_true (band_at (image, x, fh_indicator_chart_value_to_y (chart, t + 3.2), 0xD4351C));

  /* the latest value: ringed at the end of the series, written out */
  g_assert_true (fh_indicator_chart_get_annotation (chart, &ax, &ay, &text));
  g_assert_cmpstr (text, ==, "21.5%, Sep 2026");
  g_assert_cmpfloat_with_epsilon (ax, fh_indicator_chart_date_to_x (chart, f.points[N_POINTS - 1].date), 1e-9);
  g_assert_cmpfloat_with_epsilon (ay, fh_indicator_chart_value_to_y (chart, 21.5), 1e-9);
  g_assert_cmphex (pixel_at (image, ax, ay), ==, 0x12436D);          /* the dot */
  g_assert_cmphex (pixel_at (image, ax + 6, ay), ==, 0xF47738);      /* the amber ring */

  /* the background outside the plot is white */
  g_assert_cmphex (pixel_at (image, 2, 2), ==, 0xFFFFFF);
  cairo_surface_destroy (image);
  fixture_clear (&f);
}

static void
test_higher_is_better_flips_bands (void)
{
  g_autoptr(FhIndicatorChart) chart = fh_indicator_chart_new ();
  g_autoptr(GDateTime) mid = day (2024, 3, 15);
  cairo_surface_t *image;
  Fixture f;
  double x, t;

  fixture_init (&f, TRUE);
  fh_indicator_chart_set_data (chart, &f.rule, f.points, N_POINTS);
  /* falling from 24 towards 18 is what "higher is better" wants least…
   * but the target 18 is below the baseline, so it is met already */
  g_assert_cmpint (fh_indicator_chart_get_assessment (chart)->reason, ==, FH_RAG_REASON_TARGET_MET);
  image = fh_chart_render_image (FH_CHART (chart), 900, 480, 1.0);
  x = fh_indicator_chart_date_to_x (chart, mid);
  t = expected_at (mid);
  g_assert_true (band_at (image, x, fh_indicator_chart_value_to_y (chart, t + 1.5), 0x00703C));
  g_assert_true (band_at (image, x, fh_indicator_chart_value_to_y (chart, t - 1.5), 0xF47738));
  g_assert_true (band_at (image, x, fh_indicator_chart_value_to_y (chart, t - 4.0), 0xD4351C));
  cairo_surface_destroy (image);
  fixture_clear (&f);
}

static void
test_sparkline (void)
{
  g_autoptr(FhIndicatorChart) chart = fh_indicator_chart_new ();
  cairo_surface_t *image;
  Fixture f;
  double px, py, pw, ph, ax, ay, x_first, y_first, x_second;
  const char *text;
  guint dark = 0;

  fixture_init (&f, FALSE);
  fh_indicator_chart_set_compact (chart, TRUE);
  fh_indicator_chart_set_unit (chart, "percent");
  fh_indicator_chart_set_data (chart, &f.rule, f.points, N_POINTS);
  fh_indicator_chart_add_comparator (chart, "England", f.england, 3);
  image = fh_chart_render_image (FH_CHART (chart), 120, 36, 1.0);
  fh_indicator_chart_get_plot (chart, &px, &py, &pw, &ph);

  /* the series fills the width: first value at the left, latest at the right */
  x_first = fh_indicator_chart_date_to_x (chart, f.points[0].date);
  y_first = fh_indicator_chart_value_to_y (chart, 23.5);
  x_second = fh_indicator_chart_date_to_x (chart, f.points[1].date);
  g_assert_cmpfloat_with_epsilon (x_first, px, 1e-9);
  g_assert_true (fh_indicator_chart_get_annotation (chart, &ax, &ay, &text));
  g_assert_cmpfloat_with_epsilon (ax, px + pw, 1e-9);
  /* and the value range: nothing outside the box */
  g_assert_cmpfloat (y_first, >, py);
  g_assert_cmpfloat (fh_indicator_chart_value_to_y (chart, 20.8), <, py + ph);
  g_assert_cmphex (pixel_at (image, ax, ay), ==, 0x12436D);
  g_assert_cmphex (pixel_at (image, (x_first + x_second) / 2,
                             (y_first + fh_indicator_chart_value_to_y (chart, 23.0)) / 2) & 0xff, <, 0xC0);

  /* no text, no comparator and no band: only the line's blue and the
   * trajectory's dark grey reach the pixels */
  for (int y = 0; y < 36; y++)
    for (int x = 0; x < 120; x++)
      {
        guint32 p = pixel_at (image, x, y);
        if (p != 0xFFFFFF && p != 0)
          dark++;
      }
  g_assert_cmpuint (dark, >, 60);
  g_assert_false (band_at (image, 60, 18, 0xF47738));
  cairo_surface_destroy (image);
  fixture_clear (&f);
}

static void
test_csv_and_alt_text (void)
{
  g_autoptr(FhIndicatorChart) chart = fh_indicator_chart_new ();
  g_autofree char *csv = NULL, *alt = NULL;
  Fixture f;

  fixture_init (&f, FALSE);
  fh_chart_set_title (FH_CHART (chart), "Re-referrals");
  fh_indicator_chart_set_unit (chart, "percent");
  fh_indicator_chart_set_data (chart, &f.rule, f.points, N_POINTS);
  fh_indicator_chart_add_comparator (chart, "England", f.england, 3);
  csv = fh_chart_to_csv (FH_CHART (chart));
  g_assert_true (g_str_has_prefix (csv, "Series,Period end,Value\r\nRe-referrals,2024-09-30,23.5\r\n"));
  g_assert_nonnull (strstr (csv, "Re-referrals,2025-03-31,\r\n"));     /* the gap stays empty */
  g_assert_true (g_str_has_suffix (csv, "England,2025-03-31,22.3\r\n"));
  alt = fh_chart_get_alt_text (FH_CHART (chart));
  g_assert_nonnull (strstr (alt, "Latest 21.5%, Sep 2026."));
  g_assert_nonnull (strstr (alt, "Target 18.0% by March 2027."));
  fixture_clear (&f);
}

static void
test_no_data (void)
{
  g_autoptr(FhIndicatorChart) chart = fh_indicator_chart_new ();
  g_autoptr(GDateTime) target = day (2027, 3, 31);
  FhRagRule rule = { TRUE, NAN, NULL, 60, target, NAN };
  cairo_surface_t *image;
  double x0, y0, x1, y1, ax, ay;
  const char *text;

  fh_indicator_chart_set_data (chart, &rule, NULL, 0);
  image = fh_chart_render_image (FH_CHART (chart), 400, 240, 1.0);
  g_assert_cmpint (fh_indicator_chart_get_assessment (chart)->status, ==, FH_RAG_GREY);
  g_assert_false (fh_indicator_chart_get_trajectory (chart, &x0, &y0, &x1, &y1));
  g_assert_false (fh_indicator_chart_get_annotation (chart, &ax, &ay, &text));
  cairo_surface_destroy (image);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/charts/indicator/trajectory-bands-annotation", test_trajectory_bands_annotation);
  g_test_add_func ("/charts/indicator/higher-is-better", test_higher_is_better_flips_bands);
  g_test_add_func ("/charts/indicator/sparkline", test_sparkline);
  g_test_add_func ("/charts/indicator/csv-and-alt-text", test_csv_and_alt_text);
  g_test_add_func ("/charts/indicator/no-data", test_no_data);
  return g_test_run ();
}
