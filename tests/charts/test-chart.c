/* test-chart.c — what every chart has, once: properties, "changed", saving
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "fh-bar-chart.h"
#include "fh-line-chart.h"
#include "fh-map-chart.h"
#include "fh-scatter-chart.h"
#include "fh-strip-chart.h"
#include "fh-team-bar-chart.h"

static void
count (guint *n)
{
  (*n)++;
}

static void
test_properties_notify_and_redraw (void)
{
  GType types[] = { FH_TYPE_BAR_CHART, FH_TYPE_LINE_CHART, FH_TYPE_MAP_CHART, FH_TYPE_SCATTER_CHART,
                    FH_TYPE_STRIP_CHART, FH_TYPE_TEAM_BAR_CHART };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(FhChart) chart = g_object_new (types[i], "title", "A title", "value-decimals", 0, NULL);
      g_autofree char *title = NULL;
      guint changed = 0, notified = 0;

      g_assert_true (FH_IS_CHART (chart));
      g_assert_cmpstr (fh_chart_get_title (chart), ==, "A title");
      g_assert_cmpuint (fh_chart_get_value_decimals (chart), ==, 0);
      g_signal_connect_swapped (chart, "changed", G_CALLBACK (count), &changed);
      g_signal_connect_swapped (chart, "notify::caption", G_CALLBACK (count), &notified);

      fh_chart_set_caption (chart, "Source: here");
      g_assert_cmpuint (changed, ==, 1);
      g_assert_cmpuint (notified, ==, 1);
      /* the same value again is no change */
      fh_chart_set_caption (chart, "Source: here");
      g_assert_cmpuint (changed, ==, 1);
      g_assert_cmpuint (notified, ==, 1);
      g_object_set (chart, "value-label", "Rate", NULL);
      g_assert_cmpstr (fh_chart_get_value_label (chart), ==, "Rate");
      g_assert_cmpuint (changed, ==, 2);
      fh_chart_set_value_decimals (chart, 9);
      g_assert_cmpuint (fh_chart_get_value_decimals (chart), ==, 6);
      g_object_get (chart, "title", &title, NULL);
      g_assert_cmpstr (title, ==, "A title");
    }
}

static void
test_bar_sort_property (void)
{
  g_autoptr(FhBarChart) bars = g_object_new (FH_TYPE_BAR_CHART, "sort-descending", TRUE, NULL);
  const char *labels[] = { "low", "high", "middle" };
  const double values[] = { 1, 3, 2 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
  cairo_t *cr = cairo_create (surface);
  FhChartBar bar;

  fh_bar_chart_set_bars (bars, labels, values, 3);
  fh_bar_chart_layout (bars, cr, 400, 300);
  g_assert_true (fh_bar_chart_get_bar (bars, 0, &bar));
  g_assert_cmpstr (bar.label, ==, "high");
  g_assert_true (fh_bar_chart_get_bar (bars, 2, &bar));
  g_assert_cmpstr (bar.label, ==, "low");
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_save_by_extension (void)
{
  g_autoptr(FhBarChart) bars = fh_bar_chart_new ();
  g_autofree char *dir = g_dir_make_tmp ("fh-chart-XXXXXX", NULL);
  const char *labels[] = { "A", "B" };
  const double values[] = { 10, 20 };
  const char *names[] = { "c.png", "c.svg", "c.pdf", "c.csv" };
  const char *magic[] = { "\x89PNG", "<?xml", "%PDF", "Name," };
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = g_build_filename (dir, "c.bmp", NULL);

  fh_chart_set_title (FH_CHART (bars), "Saved");
  fh_bar_chart_set_bars (bars, labels, values, 2);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (fh_chart_save (FH_CHART (bars), path, 300, 200, 96, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpint (memcmp (contents, magic[i], strlen (magic[i])), ==, 0);
      g_unlink (path);
    }
  g_assert_false (fh_chart_save (FH_CHART (bars), bad, 300, 200, 96, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/charts/chart/properties", test_properties_notify_and_redraw);
  g_test_add_func ("/charts/chart/bar-sort-property", test_bar_sort_property);
  g_test_add_func ("/charts/chart/save-by-extension", test_save_by_extension);
  return g_test_run ();
}
