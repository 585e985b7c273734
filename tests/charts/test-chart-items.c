/* test-chart-items.c — the items a keyboard moves between and a screen
 * reader announces, for the bar, map, scatter, line and indicator charts
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "fh-bar-chart.h"
#include "fh-chart-export.h"
#include "fh-chart-summary.h"
#include "fh-indicator-chart.h"
#include "fh-line-chart.h"
#include "fh-map-chart.h"
#include "fh-scatter-chart.h"

static void
render (FhChart *chart)
{
  cairo_surface_t *image = fh_chart_render_image (chart, 800, 500, 1.0);
  cairo_surface_destroy (image);
}

/* Every item has a label and, once drawn, bounds inside the chart; a hit
 * at the centre of an item's bounds finds that item. */
static void
check_items (FhChart *chart, guint expected_n)
{
  g_assert_cmpuint (fh_chart_get_n_items (chart), ==, expected_n);
  for (guint i = 0; i < expected_n; i++)
    {
      g_autofree char *label = fh_chart_get_item_label (chart, i);
      double x, y, w, h;

      g_assert_nonnull (label);
      g_assert_cmpuint (strlen (label), >, 3);
      g_assert_true (fh_chart_get_item_bounds (chart, i, &x, &y, &w, &h));
      g_assert_cmpfloat (w, >, 0);
      g_assert_cmpfloat (h, >, 0);
      g_assert_cmpfloat (x, >=, 0);
      g_assert_cmpfloat (y, >=, 0);
      g_assert_cmpfloat (x + w, <=, 800);
      g_assert_cmpfloat (y + h, <=, 500);
      g_assert_cmpint (fh_chart_hit_item (chart, x + w / 2, y + h / 2), ==, (int) i);
    }
  g_assert_null (fh_chart_get_item_label (chart, expected_n));
  g_assert_false (fh_chart_get_item_bounds (chart, expected_n, NULL, NULL, NULL, NULL));
}

static void
test_bars (void)
{
  const char *labels[] = { "Aspley", "Castle", "Bulwell" };
  const double values[] = { 3532.1, 1737.8, 2000.04 };
  g_autoptr(FhBarChart) chart = fh_bar_chart_new ();
  g_autofree char *first = NULL, *last = NULL;

  fh_chart_set_value_label (FH_CHART (chart), "Referrals per 10,000 children aged 0–17");
  fh_bar_chart_set_bars (chart, labels, values, 3);
  fh_bar_chart_set_sort_descending (chart, TRUE);
  fh_bar_chart_set_suppressed (chart, 1, TRUE);
  render (FH_CHART (chart));
  check_items (FH_CHART (chart), 3);

  /* data order, with the rank as drawn; suppressed reads as "c" */
  first = fh_chart_get_item_label (FH_CHART (chart), 0);
  g_assert_cmpstr (first, ==, "Aspley, 3,532.1, 1 of 3");
  last = fh_chart_get_item_label (FH_CHART (chart), 1);
  g_assert_cmpstr (last, ==, "Castle, c, 3 of 3");
}

static void
count_change (guint *changes)
{
  (*changes)++;
}

static void
test_focus (void)
{
  const char *labels[] = { "A", "B", "C" };
  const double values[] = { 1, 2, 3 };
  g_autoptr(FhBarChart) chart = fh_bar_chart_new ();
  guint changes = 0;

  fh_bar_chart_set_bars (chart, labels, values, 3);
  g_assert_cmpint (fh_chart_get_focused_item (FH_CHART (chart)), ==, -1);

  g_signal_connect_swapped (chart, "changed", G_CALLBACK (count_change), &changes);
  fh_chart_set_focused_item (FH_CHART (chart), 2);
  g_assert_cmpint (fh_chart_get_focused_item (FH_CHART (chart)), ==, 2);
  g_assert_cmpuint (changes, ==, 1);
  fh_chart_set_focused_item (FH_CHART (chart), 2);
  g_assert_cmpuint (changes, ==, 1);
  fh_chart_set_focused_item (FH_CHART (chart), 7);
  g_assert_cmpint (fh_chart_get_focused_item (FH_CHART (chart)), ==, -1);

  /* fewer items than the focused one's index: the focus goes */
  fh_chart_set_focused_item (FH_CHART (chart), 2);
  fh_bar_chart_set_bars (chart, labels, values, 2);
  g_assert_cmpint (fh_chart_get_focused_item (FH_CHART (chart)), ==, -1);
}

static void
test_map (void)
{
  g_autoptr(FhMapChart) map = fh_map_chart_new ();
  g_autofree char *label = NULL, *selected = NULL;

  fh_chart_set_value_label (FH_CHART (map), "Referrals per 10,000 children aged 0–17");
  for (int i = 0; i < 6; i++)
    {
      g_autofree char *code = g_strdup_printf ("W%d", i);
      g_autofree char *name = g_strdup_printf ("Ward %d", i);

      fh_map_chart_add_ward (map, code, name, i == 3 ? NAN : 1000.0 + i * 111.11, NULL,
                             -1.2 + (i % 3) * 0.02, 53.0 - (i / 3) * 0.02);
    }
  fh_map_chart_set_selected (map, "W2");
  render (FH_CHART (map));
  check_items (FH_CHART (map), 6);
  label = fh_chart_get_item_label (FH_CHART (map), 1);
  g_assert_cmpstr (label, ==, "Ward 1, 1,111.1");
  selected = fh_chart_get_item_label (FH_CHART (map), 2);
  g_assert_cmpstr (selected, ==, "Ward 2, 1,222.2, selected");
}

static void
test_scatter_and_line (void)
{
  g_autoptr(FhScatterChart) scatter = fh_scatter_chart_new ();
  g_autoptr(FhLineChart) line = fh_line_chart_new ();
  const double a[] = { 10, 12.5, 11 }, b[] = { 9, 9.5 };
  g_autofree char *point = NULL, *month = NULL, *alt = NULL;

  fh_scatter_chart_add_point (scatter, "A", "Aspley", 40.2, 2673.9);
  fh_scatter_chart_add_point (scatter, "B", "Bilborough", 20.0, 1007.2);
  render (FH_CHART (scatter));
  check_items (FH_CHART (scatter), 2);
  point = fh_chart_get_item_label (FH_CHART (scatter), 0);
  g_assert_cmpstr (point, ==, "Aspley: 2,673.9 against 40.2");

  fh_line_chart_set_first_month (line, 2025, 1);
  fh_line_chart_add_series (line, "Aspley", 0, a, 3, 0, FH_LINE_SOLID);
  fh_line_chart_add_series (line, "City", 1, b, 2, 1, FH_LINE_DASHED);
  render (FH_CHART (line));
  check_items (FH_CHART (line), 5);
  month = fh_chart_get_item_label (FH_CHART (line), 4);
  g_assert_cmpstr (month, ==, "City, March 2025: 9.5");
  alt = fh_chart_get_alt_text (FH_CHART (line));
  g_assert_cmpstr (alt, ==, "Aspley: latest 11.0 in March 2025; highest 12.5 in February 2025. "
                            "City: latest 9.5 in March 2025; highest 9.5 in March 2025.");
}

static void
test_summary (void)
{
  const char *labels[] = { "Aspley", "Wollaton West", "Dales" };
  const double values[] = { 2673.94, 1007.2, NAN };
  g_autofree char *text = NULL, *none = NULL, *unit = NULL;

  text = fh_chart_summary_extremes (labels, values, NULL, 3, 1, "Referrals per 10,000 children aged 0–17",
                                    1852.6, "city");
  g_assert_cmpstr (text, ==, "Highest in Aspley, 2,673.9 per 10,000; lowest Wollaton West, 1,007.2; "
                             "city 1,852.6; 1 with no data.");
  none = fh_chart_summary_extremes (labels, values, NULL, 0, 1, NULL, NAN, NULL);
  g_assert_cmpstr (none, ==, "No figures to show.");
  unit = fh_chart_summary_unit ("Open episodes");
  g_assert_null (unit);
}

static GDateTime *
month_end (int year, int month)
{
  g_autoptr(GDateTime) first = g_date_time_new_utc (year, month, 1, 0, 0, 0);
  g_autoptr(GDateTime) next = g_date_time_add_months (first, 1);

  return g_date_time_add_days (next, -1);
}

static double
days_between (GDateTime *a, GDateTime *b)
{
  return g_date_time_difference (b, a) / (double) G_TIME_SPAN_DAY;
}

/* Re-referrals, lower is better: 24.0% in March 2022 to 18.0% by March
 * 2027, tolerance 2.5 points; the trajectory is worked out here by hand:
 * September 2024 is 914 of 1,826 days in, 24 − 6 × 914 / 1826 = 21.0. */
static void
test_indicator (void)
{
  static const int months[5][2] = { { 2024, 9 }, { 2024, 12 }, { 2025, 3 }, { 2025, 6 }, { 2026, 9 } };
  static const double values[5] = { 23.5, 23.0, NAN, 19.9, 21.5 };
  static const gboolean suppressed[5] = { FALSE, FALSE, TRUE, FALSE, FALSE };
  static const char *expected[5] = {
    "September 2024: 23.5%, trajectory 21.0%, Off track",      /* 2.5 behind: just beyond */
    "December 2024: 23.0%, trajectory 20.7%, Close to track",  /* 2.3 behind */
    "March 2025: c",
    "June 2025: 19.9%, trajectory 20.1%, On track",             /* ahead */
    "September 2026: 21.5%, trajectory 18.6%, Off track",      /* 2.9 behind */
  };
  g_autoptr(FhIndicatorChart) chart = fh_indicator_chart_new ();
  g_autoptr(FhIndicatorChart) rate = fh_indicator_chart_new ();
  g_autoptr(GDateTime) baseline = g_date_time_new_utc (2022, 3, 31, 0, 0, 0);
  g_autoptr(GDateTime) target = g_date_time_new_utc (2027, 3, 31, 0, 0, 0);
  FhRagRule rule = { FALSE, 24.0, baseline, 18.0, target, 2.5 };
  FhRagRule no_target = { FALSE, NAN, NULL, NAN, NULL, NAN };
  FhRagPoint points[5];
  double cx[5], cy[5], px, py, pw, ph, ax, ay;
  const char *annotation;
  g_autofree char *csv = NULL, *per = NULL;

  for (guint i = 0; i < 5; i++)
    points[i] = (FhRagPoint) { month_end (months[i][0], months[i][1]), values[i] };
  fh_chart_set_title (FH_CHART (chart), "Re-referrals");
  fh_indicator_chart_set_unit (chart, "percent");
  fh_indicator_chart_set_data_full (chart, &rule, points, suppressed, 5);
  g_assert_true (fh_chart_get_has_suppressed (FH_CHART (chart)));
  /* not drawn yet: labels, but nowhere to put a focus ring */
  g_assert_cmpuint (fh_chart_get_n_items (FH_CHART (chart)), ==, 5);
  g_assert_false (fh_chart_get_item_bounds (FH_CHART (chart), 0, NULL, NULL, NULL, NULL));
  render (FH_CHART (chart));
  check_items (FH_CHART (chart), 5);

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *label = fh_chart_get_item_label (FH_CHART (chart), i);
      double x, y, w, h;

      g_assert_cmpstr (label, ==, expected[i]);
      g_assert_true (fh_chart_get_item_bounds (FH_CHART (chart), i, &x, &y, &w, &h));
      cx[i] = x + w / 2;
      cy[i] = y + h / 2;
    }

  /* the bounds sit on the points: across by days, up by value */
  for (guint i = 1; i < 4; i++)
    g_assert_cmpfloat_with_epsilon ((cx[i] - cx[0]) / (cx[4] - cx[0]),
                                    days_between (points[0].date, points[i].date)
                                    / days_between (points[0].date, points[4].date), 1e-9);
  g_assert_cmpfloat_with_epsilon ((cy[1] - cy[0]) / (cy[4] - cy[0]), (23.0 - 23.5) / (21.5 - 23.5), 1e-9);
  g_assert_cmpfloat_with_epsilon ((cy[3] - cy[0]) / (cy[4] - cy[0]), (19.9 - 23.5) / (21.5 - 23.5), 1e-9);
  g_assert_cmpfloat (cy[3], >, cy[4]);   /* 19.9 is lower on the page than 21.5 */
  /* the latest is the annotated point */
  g_assert_true (fh_indicator_chart_get_annotation (chart, &ax, &ay, &annotation));
  g_assert_cmpfloat_with_epsilon (cx[4], ax, 1e-9);
  g_assert_cmpfloat_with_epsilon (cy[4], ay, 1e-9);
  /* the suppressed one: its "c" just above the axis, inside the plot */
  fh_indicator_chart_get_plot (chart, &px, &py, &pw, &ph);
  g_assert_cmpfloat (cy[2], <, py + ph);
  g_assert_cmpfloat (cy[2], >, py + ph - 20);
  g_assert_cmpfloat (cx[2], >, cx[1]);
  g_assert_cmpfloat (cx[2], <, cx[3]);

  /* its CSV says c, with the note, and keeps the gap of a missing value empty */
  csv = fh_chart_to_csv (FH_CHART (chart));
  g_assert_true (g_str_has_prefix (csv, "Series,Period end,Value,Note\r\nRe-referrals,2024-09-30,23.5,\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nRe-referrals,2025-03-31,c,c = 1 to 5, suppressed\r\n")
                    ?: strstr (csv, "\r\nRe-referrals,2025-03-31,c,\"c = 1 to 5, suppressed\"\r\n"));

  /* a rate with no target: the unit read out, and no trajectory to compare */
  points[2].value = 101.26;
  fh_indicator_chart_set_unit (rate, "rate_per_10k");
  fh_indicator_chart_set_data (rate, &no_target, points, 5);
  g_assert_false (fh_chart_get_has_suppressed (FH_CHART (rate)));
  render (FH_CHART (rate));
  check_items (FH_CHART (rate), 5);
  per = fh_chart_get_item_label (FH_CHART (rate), 2);
  g_assert_cmpstr (per, ==, "March 2025: 101.3 per 10,000, Not rated");

  /* a sparkline has no items: the row it sits in says it in words */
  fh_indicator_chart_set_compact (rate, TRUE);
  g_assert_cmpuint (fh_chart_get_n_items (FH_CHART (rate)), ==, 0);

  for (guint i = 0; i < 5; i++)
    g_date_time_unref (points[i].date);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/charts/items/bars", test_bars);
  g_test_add_func ("/charts/items/focus", test_focus);
  g_test_add_func ("/charts/items/map", test_map);
  g_test_add_func ("/charts/items/scatter-and-line", test_scatter_and_line);
  g_test_add_func ("/charts/items/summary", test_summary);
  g_test_add_func ("/charts/items/indicator", test_indicator);
  return g_test_run ();
}
