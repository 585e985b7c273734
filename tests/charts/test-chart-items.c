/* test-chart-items.c — the items a keyboard moves between and a screen
 * reader announces, for the bar, map, scatter and line charts
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "fh-bar-chart.h"
#include "fh-chart-export.h"
#include "fh-chart-summary.h"
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

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/charts/items/bars", test_bars);
  g_test_add_func ("/charts/items/focus", test_focus);
  g_test_add_func ("/charts/items/map", test_map);
  g_test_add_func ("/charts/items/scatter-and-line", test_scatter_and_line);
  g_test_add_func ("/charts/items/summary", test_summary);
  return g_test_run ();
}
