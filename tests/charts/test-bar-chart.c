/* test-bar-chart.c — what the bar chart draws, without a display
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "fh-bar-chart.h"
#include "fh-chart-export.h"

static FhBarChart *
ward_chart (void)
{
  const char *labels[] = { "Aspley", "Castle", "Bulwell", "Dales", "Meadows" };
  const double values[] = { 3532.1, 1737.8, NAN, 2725.4, 2598.7 };
  FhBarChart *chart = fh_bar_chart_new ();

  fh_chart_set_title (FH_CHART (chart), "Aspley has the highest referral rate");
  fh_chart_set_caption (FH_CHART (chart), "Source: demo data. Nottingham City, children aged 0–17, 2025-26.");
  fh_chart_set_value_label (FH_CHART (chart), "Referrals per 10,000 children aged 0–17");
  fh_bar_chart_set_bars (chart, labels, values, G_N_ELEMENTS (labels));
  fh_bar_chart_set_sort_descending (chart, TRUE);
  fh_bar_chart_set_reference_line (chart, 2500.0, "City");
  return chart;
}

static void
layout_at (FhBarChart *chart, int w, int h)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (s);

  fh_chart_draw (FH_CHART (chart), cr, w, h);
  cairo_destroy (cr);
  cairo_surface_destroy (s);
}

static void
test_order_and_text (void)
{
  g_autoptr(FhBarChart) chart = ward_chart ();
  FhChartBar bars[5];
  const char *expected[] = { "Aspley", "Dales", "Meadows", "Castle", "Bulwell" };

  layout_at (chart, 800, 500);
  g_assert_cmpuint (fh_bar_chart_get_n_bars (chart), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_assert_true (fh_bar_chart_get_bar (chart, i, &bars[i]));
      g_assert_cmpstr (bars[i].label, ==, expected[i]);
    }
  g_assert_false (fh_bar_chart_get_bar (chart, 5, &bars[0]));

  g_assert_cmpstr (bars[0].value_text, ==, "3,532.1");
  g_assert_cmpstr (bars[3].value_text, ==, "1,737.8");
  /* No data is drawn as such, last, with no bar: never as zero. */
  g_assert_true (bars[4].no_data);
  g_assert_cmpstr (bars[4].value_text, ==, "no data");
  g_assert_cmpfloat (bars[4].width, ==, 0);
  g_assert_cmpuint (bars[4].index, ==, 2);

  /* Lengths are proportional to values, from one baseline. */
  g_assert_cmpfloat_with_epsilon (bars[1].width / bars[0].width, 2725.4 / 3532.1, 1e-9);
  g_assert_cmpfloat (bars[0].x, ==, bars[3].x);
  /* Rows go down the page in rank order. */
  g_assert_cmpfloat (bars[0].y, <, bars[1].y);

  /* The reference line sits where its value falls on the same scale. */
  g_assert_cmpfloat_with_epsilon ((fh_bar_chart_get_reference_x (chart) - bars[0].x) / bars[0].width,
                                  2500.0 / 3532.1, 1e-9);
}

static void
test_highlight_and_suppression (void)
{
  g_autoptr(FhBarChart) chart = ward_chart ();
  FhChartBar bar;

  fh_bar_chart_set_highlight (chart, 3);   /* Dales */
  fh_bar_chart_set_suppressed (chart, 4, TRUE); /* Meadows */
  layout_at (chart, 800, 500);

  g_assert_true (fh_bar_chart_get_bar (chart, 0, &bar));
  g_assert_cmpstr (bar.label, ==, "Aspley");
  g_assert_false (bar.highlighted);
  g_assert_cmpfloat_with_epsilon (bar.color.r, 0x8A / 255.0, 1e-9);

  g_assert_true (fh_bar_chart_get_bar (chart, 1, &bar));
  g_assert_cmpstr (bar.label, ==, "Dales");
  g_assert_true (bar.highlighted);
  g_assert_cmpfloat_with_epsilon (bar.color.b, 0x6D / 255.0, 1e-9);

  /* Suppressed: shown as "c", no bar, ranked with the unknowns (by name). */
  g_assert_true (fh_bar_chart_get_bar (chart, 4, &bar));
  g_assert_cmpstr (bar.label, ==, "Meadows");
  g_assert_true (bar.suppressed);
  g_assert_cmpstr (bar.value_text, ==, "c");
  g_assert_cmpfloat (bar.width, ==, 0);
}

static guint32
pixel_at (cairo_surface_t *s, int x, int y)
{
  unsigned char *data = cairo_image_surface_get_data (s);
  int stride = cairo_image_surface_get_stride (s);

  return *(guint32 *) (data + y * stride + x * 4) & 0x00ffffff;
}

/* What reaches the pixels: the highlighted bar in focus blue, others grey. */
static void
test_pixels (void)
{
  g_autoptr(FhBarChart) chart = ward_chart ();
  cairo_surface_t *image;
  FhChartBar aspley, dales;

  fh_bar_chart_set_highlight (chart, 3);
  image = fh_chart_render_image (FH_CHART (chart), 800, 500, 1.0);
  fh_bar_chart_get_bar (chart, 0, &aspley);
  fh_bar_chart_get_bar (chart, 1, &dales);

  g_assert_cmphex (pixel_at (image, aspley.x + aspley.width / 2, aspley.y + aspley.height / 2), ==, 0x8A8A8A);
  g_assert_cmphex (pixel_at (image, dales.x + dales.width / 2, dales.y + dales.height / 2), ==, 0x12436D);
  /* background is white */
  g_assert_cmphex (pixel_at (image, 2, 2), ==, 0xFFFFFF);
  cairo_surface_destroy (image);
}

static void
test_hit_test (void)
{
  g_autoptr(FhBarChart) chart = ward_chart ();
  FhChartBar bar;

  layout_at (chart, 800, 500);
  fh_bar_chart_get_bar (chart, 1, &bar);
  g_assert_cmpint (fh_bar_chart_hit_test (chart, bar.x + 2, bar.y + bar.height / 2), ==, 3);
  g_assert_cmpint (fh_bar_chart_hit_test (chart, 100, 1), ==, -1);
}

static void
test_number_format (void)
{
  struct { double v; guint d; const char *s; } cases[] = {
    { 1234, 0, "1,234" }, { 1234567.891, 1, "1,234,567.9" }, { 12.345, 1, "12.3" },
    { 0, 1, "0.0" }, { -1500, 0, "-1,500" }, { 999, 0, "999" }, { NAN, 1, "–" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *s = fh_format_number (cases[i].v, cases[i].d);
      g_assert_cmpstr (s, ==, cases[i].s);
    }
}

static void
test_csv_and_alt_text (void)
{
  g_autoptr(FhBarChart) chart = ward_chart ();
  g_autofree char *csv = NULL;
  g_autofree char *alt = NULL;

  fh_bar_chart_set_suppressed (chart, 4, TRUE);
  csv = fh_chart_to_csv (FH_CHART (chart));
  g_assert_cmpstr (csv, ==,
                   "Name,\"Referrals per 10,000 children aged 0–17\",Note\r\n"
                   "Aspley,3532.1,\r\nCastle,1737.8,\r\nBulwell,,\r\nDales,2725.4,\r\n"
                   "Meadows,c,\"c = 1 to 5, suppressed\"\r\n");
  alt = fh_chart_get_alt_text (FH_CHART (chart));
  /* Meadows is suppressed: counted, never ranked; Bulwell has no data */
  g_assert_cmpstr (alt, ==, "Highest in Aspley, 3,532.1 per 10,000; lowest Castle, 1,737.8; City 2,500.0; "
                            "1 suppressed (c = 1 to 5, suppressed); 1 with no data.");
}

static void
assert_starts_with (const char *path, const char *magic, gsize n)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 100);
  g_assert_cmpmem (contents, n, magic, n);
}

static void
test_exports (void)
{
  g_autoptr(FhBarChart) chart = ward_chart ();
  g_autofree char *dir = g_dir_make_tmp ("fh-charts-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *csv = g_build_filename (dir, "chart.csv", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *read_back;

  g_assert_true (fh_chart_export_png (FH_CHART (chart), png, 600, 400, 150, &error));
  g_assert_no_error (error);
  assert_starts_with (png, "\x89PNG", 4);
  read_back = cairo_image_surface_create_from_png (png);
  /* 600 pt at 150 dpi */
  g_assert_cmpint (cairo_image_surface_get_width (read_back), ==, 1250);
  cairo_surface_destroy (read_back);

  g_assert_true (fh_chart_export_svg (FH_CHART (chart), svg, 600, 400, &error));
  assert_starts_with (svg, "<?xml", 5);
  g_assert_true (fh_chart_export_pdf (FH_CHART (chart), pdf, 600, 400, &error));
  assert_starts_with (pdf, "%PDF-", 5);
  g_assert_true (fh_chart_export_csv (FH_CHART (chart), csv, &error));
  assert_starts_with (csv, "Name,", 5);

  g_assert_false (fh_chart_export_pdf (FH_CHART (chart), "/nonexistent/dir/x.pdf", 600, 400, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "/nonexistent/dir/x.pdf"));

  g_unlink (png); g_unlink (svg); g_unlink (pdf); g_unlink (csv);
  g_rmdir (dir);
}

/* FH_CHART_SAMPLE_DIR=/tmp/x keeps a sample PNG and PDF to look at. */
static void
test_sample_for_eyes (void)
{
  const char *dir = g_getenv ("FH_CHART_SAMPLE_DIR");
  g_autoptr(FhBarChart) chart = ward_chart ();
  g_autofree char *png = NULL;

  if (dir == NULL)
    {
      g_test_skip ("FH_CHART_SAMPLE_DIR not set");
      return;
    }
  fh_bar_chart_set_highlight (chart, 3);
  png = g_build_filename (dir, "bar-chart.png", NULL);
  g_assert_true (fh_chart_export_png (FH_CHART (chart), png, 560, 360, 144, NULL));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/bar/order-and-text", test_order_and_text);
  g_test_add_func ("/charts/bar/highlight-and-suppression", test_highlight_and_suppression);
  g_test_add_func ("/charts/bar/pixels", test_pixels);
  g_test_add_func ("/charts/bar/hit-test", test_hit_test);
  g_test_add_func ("/charts/number-format", test_number_format);
  g_test_add_func ("/charts/bar/csv-and-alt-text", test_csv_and_alt_text);
  g_test_add_func ("/charts/export", test_exports);
  g_test_add_func ("/charts/sample", test_sample_for_eyes);

  return g_test_run ();
}
