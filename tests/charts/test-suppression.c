/* test-suppression.c — suppressed figures are drawn as such, in every chart
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A figure the reporting layer suppressed (counts 1 to 5, and what would
 * give them away) must be drawn hatched and marked "c": never as a zero and
 * never like missing data (light grey, dotted). Each case checks the model
 * (the item is flagged suppressed, has no bar or class, and is not "no
 * data"), the pixels (the hatch is where the item is, the "c" is drawn,
 * missing items have no hatch), the CSV cells and the caption's note.
 * FH_CHART_SAMPLE_DIR=/tmp/x keeps PNGs and PDFs of them to look at.
 */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "fh-bar-chart.h"
#include "fh-chart-export.h"
#include "fh-chart-frame.h"
#include "fh-line-chart.h"
#include "fh-map-chart.h"
#include "fh-scatter-chart.h"

#define NOTE "c = 1 to 5, suppressed"

/* ---- pixels ------------------------------------------------------------- */

static guint32
pixel_at (cairo_surface_t *s, int x, int y)
{
  unsigned char *data = cairo_image_surface_get_data (s);
  int stride = cairo_image_surface_get_stride (s);

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (s));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (s));
  return *(guint32 *) (data + y * stride + x * 4) & 0x00ffffff;
}

static double
luminance_of (guint32 rgb)
{
  double c[3] = { ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0 };

  for (int i = 0; i < 3; i++)
    c[i] = c[i] <= 0.03928 ? c[i] / 12.92 : pow ((c[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

typedef struct {
  guint n, dark, white, other;
} Census;

/* Counts the pixels of a rectangle: "dark" ones are the hatch's lines (at
 * least half covered by #505A5F), "white" the hatch's ground. */
static Census
census (cairo_surface_t *s, double x, double y, double w, double h)
{
  Census c = { 0 };

  for (int py = (int) ceil (y); py < (int) floor (y + h); py++)
    for (int px = (int) ceil (x); px < (int) floor (x + w); px++)
      {
        guint32 p = pixel_at (s, px, py);
        double l = luminance_of (p);

        c.n++;
        if (p == 0xFFFFFF)
          c.white++;
        else if (l < 0.45)
          c.dark++;
        else
          c.other++;
      }
  return c;
}

/* A hatch: lines over white, in a share that only diagonal hatching gives
 * (a solid fill, white, or the no-data grey all fail). */
static void
assert_hatched (cairo_surface_t *s, double x, double y, double w, double h)
{
  Census c = census (s, x, y, w, h);

  g_assert_cmpuint (c.n, >, 30);
  g_assert_cmpfloat ((double) c.dark / c.n, >, 0.12);
  g_assert_cmpfloat ((double) c.dark / c.n, <, 0.70);
  g_assert_cmpfloat ((double) c.white / c.n, >, 0.15);
}

static void
assert_uniform (cairo_surface_t *s, double x, double y, double w, double h, guint32 colour)
{
  for (int py = (int) ceil (y); py < (int) floor (y + h); py++)
    for (int px = (int) ceil (x); px < (int) floor (x + w); px++)
      g_assert_cmphex (pixel_at (s, px, py), ==, colour);
}

/* Text (#0B0C0C) was drawn somewhere in the rectangle: darker than any hatch. */
static gboolean
has_text (cairo_surface_t *s, double x, double y, double w, double h)
{
  for (int py = (int) ceil (y); py < (int) floor (y + h); py++)
    for (int px = (int) ceil (x); px < (int) floor (x + w); px++)
      {
        guint32 p = pixel_at (s, px, py);
        if (((p >> 16) & 0xff) < 0x40 && ((p >> 8) & 0xff) < 0x40 && (p & 0xff) < 0x40)
          return TRUE;
      }
  return FALSE;
}

static guint32
rgb (FhColor c)
{
  return ((guint32) round (c.r * 255) << 16) | ((guint32) round (c.g * 255) << 8) | (guint32) round (c.b * 255);
}

static void
keep_sample (FhChart *chart, const char *name)
{
  const char *dir = g_getenv ("FH_CHART_SAMPLE_DIR");
  g_autofree char *png_name = g_strconcat (name, ".png", NULL), *pdf_name = g_strconcat (name, ".pdf", NULL);
  g_autofree char *png = NULL, *pdf = NULL;

  if (dir == NULL)
    return;
  png = g_build_filename (dir, png_name, NULL);
  pdf = g_build_filename (dir, pdf_name, NULL);
  g_assert_true (fh_chart_export_png (chart, png, 600, 400, 150, NULL));
  g_assert_true (fh_chart_export_pdf (chart, pdf, 600, 400, NULL));
}

/* ---- the hatch itself ------------------------------------------------------ */

static void
test_hatch_contrast (void)
{
  FhColor hatch = fh_chart_theme_hatch ();
  FhColor white = fh_chart_theme_background ();
  double ratio = (luminance_of (rgb (white)) + 0.05) / (luminance_of (rgb (hatch)) + 0.05);

  /* WCAG 1.4.11: graphical objects at least 3:1 against their background */
  g_assert_cmpfloat (ratio, >=, 3.0);
  /* and missing data looks different: no lines, a light grey */
  g_assert_cmphex (rgb (fh_chart_theme_no_data ()), !=, rgb (white));
  g_assert_cmphex (rgb (fh_chart_theme_no_data ()), !=, rgb (hatch));
}

/* ---- bars: a row of cells with a total -------------------------------------- */

static const char *needs[] = { "Neglect", "Domestic abuse", "Mental health", "Housing", "Substance use", "Total" };
#define N_NEEDS G_N_ELEMENTS (needs)
#define TOTAL (N_NEEDS - 1)
#define HOUSING 3   /* missing, never suppressed */

static FhBarChart *
needs_chart (const guint *suppressed, guint n_suppressed)
{
  double values[] = { 42, 7, 17, NAN, 9, 81 };
  FhBarChart *chart = fh_bar_chart_new ();

  for (guint i = 0; i < n_suppressed; i++)
    values[suppressed[i]] = NAN;      /* the reporting layer sends NULL */
  fh_chart_set_title (FH_CHART (chart), "Neglect is the most common need");
  fh_chart_set_caption (FH_CHART (chart), "Source: test data. Aspley, 2025-26.");
  fh_chart_set_value_label (FH_CHART (chart), "Episodes");
  fh_chart_set_value_decimals (FH_CHART (chart), 0);
  fh_bar_chart_set_bars (chart, needs, values, N_NEEDS);
  for (guint i = 0; i < n_suppressed; i++)
    fh_bar_chart_set_suppressed (chart, suppressed[i], TRUE);
  return chart;
}

static gboolean
is_in (guint i, const guint *set, guint n)
{
  for (guint k = 0; k < n; k++)
    if (set[k] == i)
      return TRUE;
  return FALSE;
}

/* Every bar as the model and the pixels show it; returns the CSV. */
static char *
check_needs (FhBarChart *chart, const guint *suppressed, guint n_suppressed)
{
  cairo_surface_t *image = fh_chart_render_image (FH_CHART (chart), 800, 420, 1.0);
  guint n_hatched = 0;

  if (g_getenv ("FH_CHART_SAMPLE_DIR"))
    {
      g_autofree char *name = g_strdup_printf ("suppressed-bars-%u-1x.png", n_suppressed);
      g_autofree char *path = g_build_filename (g_getenv ("FH_CHART_SAMPLE_DIR"), name, NULL);
      cairo_surface_write_to_png (image, path);
    }

  g_assert_cmpuint (fh_bar_chart_get_n_bars (chart), ==, N_NEEDS);
  for (guint pos = 0; pos < N_NEEDS; pos++)
    {
      FhChartBar bar;

      g_assert_true (fh_bar_chart_get_bar (chart, pos, &bar));
      g_assert_cmpuint (bar.index, ==, pos);   /* not sorted: in the order given */
      if (is_in (bar.index, suppressed, n_suppressed))
        {
          /* the model: suppressed, not missing, not a zero-length bar of 0 */
          g_assert_true (bar.suppressed);
          g_assert_true (fh_bar_chart_get_suppressed (chart, bar.index));
          g_assert_false (bar.no_data);
          g_assert_cmpstr (bar.value_text, ==, "c");
          g_assert_cmpfloat (bar.width, ==, 0);
          g_assert_cmpfloat (bar.mark_width, >=, 12);
          /* set off from the zero line, so it is not read as a bar's length */
          g_assert_cmpfloat (bar.mark_x, >, bar.x);
          g_assert_cmphex (pixel_at (image, bar.x + 2, bar.y + bar.height / 2), ==, 0xFFFFFF);
          /* the pixels: hatched where the bar would start, "c" after it */
          assert_hatched (image, bar.mark_x + 2, bar.y + 2, bar.mark_width - 4, bar.height - 4);
          g_assert_true (has_text (image, bar.mark_x + bar.mark_width + 2, bar.y, 14, bar.height));
          n_hatched++;
        }
      else if (bar.index == HOUSING)
        {
          g_assert_true (bar.no_data);
          g_assert_false (bar.suppressed);
          g_assert_cmpstr (bar.value_text, ==, "no data");
          /* missing: light grey inside a dotted outline, no hatch */
          assert_uniform (image, bar.mark_x + 3, bar.y + 3, bar.mark_width - 6, bar.height - 6,
                          rgb (fh_chart_theme_no_data ()));
        }
      else
        {
          Census c;

          g_assert_false (bar.suppressed);
          g_assert_false (bar.no_data);
          g_assert_cmpfloat (bar.width, >, 0);
          g_assert_cmpfloat (bar.mark_width, ==, 0);
          g_assert_cmpfloat (bar.mark_x, ==, 0);
          /* a real bar is solid */
          c = census (image, bar.x + 1, bar.y + 2, MIN (bar.width, 20) - 2, bar.height - 4);
          g_assert_cmpuint (c.white, ==, 0);
        }
    }
  g_assert_cmpuint (n_hatched, ==, n_suppressed);
  cairo_surface_destroy (image);
  return fh_chart_to_csv (FH_CHART (chart));
}

static void
test_bar_one_suppressed_with_total (void)
{
  const guint suppressed[] = { 1 };
  g_autoptr(FhBarChart) chart = needs_chart (suppressed, 1);
  g_autofree char *csv = check_needs (chart, suppressed, 1);
  g_autofree char *caption = fh_chart_dup_full_caption (FH_CHART (chart));
  g_autofree char *alt = fh_chart_get_alt_text (FH_CHART (chart));
  FhChartBar total, neglect;

  g_assert_true (fh_chart_get_has_suppressed (FH_CHART (chart)));
  /* the total is still shown, at its value */
  fh_bar_chart_get_bar (chart, TOTAL, &total);
  fh_bar_chart_get_bar (chart, 0, &neglect);
  g_assert_cmpstr (total.value_text, ==, "81");
  g_assert_cmpfloat_with_epsilon (neglect.width / total.width, 42.0 / 81.0, 1e-9);

  g_assert_cmpstr (csv, ==,
                   "Name,Episodes,Note\r\n"
                   "Neglect,42,\r\n"
                   "Domestic abuse,c,\"" NOTE "\"\r\n"
                   "Mental health,17,\r\n"
                   "Housing,,\r\n"
                   "Substance use,9,\r\n"
                   "Total,81,\r\n");
  g_assert_cmpstr (caption, ==, "Source: test data. Aspley, 2025-26. " NOTE ".");
  g_assert_nonnull (strstr (alt, "1 suppressed (" NOTE ")"));
  keep_sample (FH_CHART (chart), "suppressed-bars-one");
}

static void
test_bar_two_suppressed (void)
{
  /* a cell of 1 to 5 and the one the reporting layer hid with it, so the
   * total cannot give it away */
  const guint suppressed[] = { 1, 4 };
  g_autoptr(FhBarChart) chart = needs_chart (suppressed, 2);
  g_autofree char *csv = check_needs (chart, suppressed, 2);
  g_autofree char *alt = fh_chart_get_alt_text (FH_CHART (chart));

  g_assert_cmpstr (csv, ==,
                   "Name,Episodes,Note\r\n"
                   "Neglect,42,\r\n"
                   "Domestic abuse,c,\"" NOTE "\"\r\n"
                   "Mental health,17,\r\n"
                   "Housing,,\r\n"
                   "Substance use,c,\"" NOTE "\"\r\n"
                   "Total,81,\r\n");
  g_assert_nonnull (strstr (alt, "2 suppressed"));
  g_assert_nonnull (strstr (alt, "Highest in Total, 81"));
}

static void
test_bar_whole_row_suppressed (void)
{
  const guint suppressed[] = { 0, 1, 2, 4, 5 };
  g_autoptr(FhBarChart) chart = needs_chart (suppressed, G_N_ELEMENTS (suppressed));
  g_autofree char *csv = check_needs (chart, suppressed, G_N_ELEMENTS (suppressed));
  g_autofree char *alt = fh_chart_get_alt_text (FH_CHART (chart));

  g_assert_cmpstr (csv, ==,
                   "Name,Episodes,Note\r\n"
                   "Neglect,c,\"" NOTE "\"\r\n"
                   "Domestic abuse,c,\"" NOTE "\"\r\n"
                   "Mental health,c,\"" NOTE "\"\r\n"
                   "Housing,,\r\n"
                   "Substance use,c,\"" NOTE "\"\r\n"
                   "Total,c,\"" NOTE "\"\r\n");
  /* no value axis to read withheld figures against: nothing drawn under
   * the chips but white */
  {
    cairo_surface_t *image = fh_chart_render_image (FH_CHART (chart), 800, 420, 1.0);
    FhChartBar first;

    fh_bar_chart_get_bar (chart, 0, &first);
    g_assert_cmpuint (census (image, first.mark_x + first.mark_width + 20, first.y - 4, 300, 2).dark
                      + census (image, first.mark_x + first.mark_width + 20, first.y - 4, 300, 2).other, ==, 0);
    cairo_surface_destroy (image);
  }
  /* never "no data" for a chart whose figures are withheld */
  g_assert_null (strstr (alt, "no data"));
  g_assert_nonnull (strstr (alt, "none shown"));
  g_assert_nonnull (strstr (alt, "5 suppressed"));
  keep_sample (FH_CHART (chart), "suppressed-bars-row");
}

/* With nothing suppressed there is no note anywhere, and the state follows
 * the data. */
static void
test_bar_note_follows_data (void)
{
  const guint suppressed[] = { 1 };
  g_autoptr(FhBarChart) chart = needs_chart (NULL, 0);
  g_autofree char *csv = NULL, *caption = NULL;

  g_assert_false (fh_chart_get_has_suppressed (FH_CHART (chart)));
  csv = fh_chart_to_csv (FH_CHART (chart));
  g_assert_true (g_str_has_prefix (csv, "Name,Episodes\r\nNeglect,42\r\n"));
  caption = fh_chart_dup_full_caption (FH_CHART (chart));
  g_assert_cmpstr (caption, ==, "Source: test data. Aspley, 2025-26.");

  fh_bar_chart_set_suppressed (chart, suppressed[0], TRUE);
  g_assert_true (fh_chart_get_has_suppressed (FH_CHART (chart)));
  fh_bar_chart_set_suppressed (chart, suppressed[0], FALSE);
  g_assert_false (fh_chart_get_has_suppressed (FH_CHART (chart)));

  /* a caption that already says it does not say it twice */
  fh_bar_chart_set_suppressed (chart, suppressed[0], TRUE);
  fh_chart_set_caption (FH_CHART (chart), "Source: test data. " NOTE ".");
  g_clear_pointer (&caption, g_free);
  caption = fh_chart_dup_full_caption (FH_CHART (chart));
  g_assert_cmpstr (caption, ==, "Source: test data. " NOTE ".");
  fh_chart_set_caption (FH_CHART (chart), NULL);
  g_clear_pointer (&caption, g_free);
  caption = fh_chart_dup_full_caption (FH_CHART (chart));
  g_assert_cmpstr (caption, ==, NOTE ".");
}

/* ---- a suppressed rate --------------------------------------------------------- */

#define N_MONTHS 12
#define SUPPRESSED_MONTH 4
#define MISSING_MONTH 8

static void
test_line_suppressed_rate (void)
{
  g_autoptr(FhLineChart) chart = fh_line_chart_new ();
  double rates[N_MONTHS];
  cairo_surface_t *image;
  double bx, by, bw, bh, x, y;
  g_autofree char *csv = NULL, *alt = NULL;
  g_auto(GStrv) lines = NULL;

  for (guint m = 0; m < N_MONTHS; m++)
    rates[m] = m == SUPPRESSED_MONTH || m == MISSING_MONTH ? NAN : 40 + (m % 3) * 5.5;
  fh_chart_set_title (FH_CHART (chart), "Requests in Clifton East month by month");
  fh_chart_set_caption (FH_CHART (chart), "Source: test data.");
  fh_line_chart_set_first_month (chart, 2025, 4);
  fh_line_chart_add_series (chart, "Clifton East", 0, rates, N_MONTHS, 0, FH_LINE_SOLID);
  fh_line_chart_set_suppressed (chart, 0, SUPPRESSED_MONTH, TRUE);
  image = fh_chart_render_image (FH_CHART (chart), 800, 400, 1.0);

  /* the model: suppressed is not a point and not missing */
  g_assert_true (fh_line_chart_get_suppressed (chart, 0, SUPPRESSED_MONTH));
  g_assert_false (fh_line_chart_get_suppressed (chart, 0, MISSING_MONTH));
  g_assert_false (fh_line_chart_get_point (chart, 0, SUPPRESSED_MONTH, &x, &y));
  g_assert_true (fh_line_chart_get_point (chart, 0, SUPPRESSED_MONTH - 1, &x, &y));
  g_assert_true (fh_chart_get_has_suppressed (FH_CHART (chart)));

  /* the pixels: a hatched band over the month, "c" at its top; a missing
   * month has no band, only a gap */
  g_assert_true (fh_line_chart_get_suppressed_band (chart, SUPPRESSED_MONTH, &bx, &by, &bw, &bh));
  g_assert_false (fh_line_chart_get_suppressed_band (chart, MISSING_MONTH, NULL, NULL, NULL, NULL));
  g_assert_false (fh_line_chart_get_suppressed_band (chart, 0, NULL, NULL, NULL, NULL));
  g_assert_cmpfloat (bw, >=, 8);
  assert_hatched (image, bx + 1, by + bh * 0.3, bw - 2, bh * 0.6);
  g_assert_true (has_text (image, bx, by + 2, bw, 16));
  {
    /* where the missing month is: no hatch at all */
    double mx0, my0, mx1, my1;
    Census c;

    g_assert_true (fh_line_chart_get_point (chart, 0, MISSING_MONTH - 1, &mx0, &my0));
    g_assert_true (fh_line_chart_get_point (chart, 0, MISSING_MONTH + 1, &mx1, &my1));
    c = census (image, (mx0 + mx1) / 2 - 3, by + bh * 0.3, 6, bh * 0.6);
    g_assert_cmpuint (c.dark, ==, 0);
  }

  /* the CSV: "c" for the suppressed month with the note, "" for the missing */
  csv = fh_chart_to_csv (FH_CHART (chart));
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "Month,Clifton East,Note");
  g_assert_cmpstr (lines[1 + SUPPRESSED_MONTH], ==, "2025-08,c,\"" NOTE "\"");
  g_assert_cmpstr (lines[1 + MISSING_MONTH], ==, "2025-12,,");
  g_assert_cmpstr (lines[1], ==, "2025-04,40.0,");
  alt = fh_chart_get_alt_text (FH_CHART (chart));
  g_assert_nonnull (strstr (alt, "1 months suppressed"));
  keep_sample (FH_CHART (chart), "suppressed-line");
  cairo_surface_destroy (image);
}

/* A series with every month suppressed (a small ward's 12-month average)
 * would hatch the whole chart: it is named under the plot instead, and the
 * bands stay for the months the other series lack. */
static void
test_line_series_all_suppressed (void)
{
  g_autoptr(FhLineChart) chart = fh_line_chart_new ();
  double rates[N_MONTHS], average[N_MONTHS];
  g_autofree char *listed = NULL, *csv = NULL;
  cairo_surface_t *image;
  guint avg, ward;

  for (guint m = 0; m < N_MONTHS; m++)
    {
      rates[m] = m == SUPPRESSED_MONTH ? NAN : 80 + m;
      average[m] = NAN;
    }
  fh_chart_set_title (FH_CHART (chart), "Requests in Castle month by month");
  fh_line_chart_set_first_month (chart, 2025, 4);
  avg = fh_line_chart_add_series (chart, "12-month average", 0, average, N_MONTHS, 1, FH_LINE_DASHED);
  ward = fh_line_chart_add_series (chart, "Castle", 0, rates, N_MONTHS, 0, FH_LINE_SOLID);
  for (guint m = 0; m < N_MONTHS; m++)
    fh_line_chart_set_suppressed (chart, avg, m, TRUE);
  fh_line_chart_set_suppressed (chart, ward, SUPPRESSED_MONTH, TRUE);
  image = fh_chart_render_image (FH_CHART (chart), 800, 400, 1.0);

  listed = fh_line_chart_dup_suppressed_text (chart);
  g_assert_cmpstr (listed, ==, NOTE ", every month: 12-month average");
  g_assert_true (fh_line_chart_get_suppressed_band (chart, SUPPRESSED_MONTH, NULL, NULL, NULL, NULL));
  for (guint m = 0; m < N_MONTHS; m++)
    if (m != SUPPRESSED_MONTH)
      g_assert_false (fh_line_chart_get_suppressed_band (chart, m, NULL, NULL, NULL, NULL));
  /* the CSV still says "c" for every month of it */
  csv = fh_chart_to_csv (FH_CHART (chart));
  g_assert_nonnull (strstr (csv, "\r\n2025-04,c,80.0,\"" NOTE "\"\r\n"));
  keep_sample (FH_CHART (chart), "suppressed-line-series");
  cairo_surface_destroy (image);
}

static void
test_funnel_suppressed_rate (void)
{
  g_autoptr(FhScatterChart) chart = fh_scatter_chart_new ();
  const char *names[] = { "Aspley", "Bilborough", "Bulwell", "Clifton East", "Dales" };
  const double children[] = { 4200, 3100, 4800, 2900, 3600 };
  const double rates[] = { 2100, NAN, 1500, NAN, 1750 };
  g_autofree char *listed = NULL, *csv = NULL, *alt = NULL;
  cairo_surface_t *image;
  double x, y;

  fh_chart_set_title (FH_CHART (chart), "No ward is far from the city rate");
  fh_chart_set_caption (FH_CHART (chart), "Source: test data.");
  fh_scatter_chart_set_axes (chart, "Children", "Rate");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    fh_scatter_chart_add_point (chart, names[i], names[i], children[i], rates[i]);
  fh_scatter_chart_set_suppressed (chart, "Bilborough", TRUE);
  fh_scatter_chart_set_suppressed (chart, "Clifton East", TRUE);
  fh_scatter_chart_set_funnel (chart, 1800);
  image = fh_chart_render_image (FH_CHART (chart), 800, 500, 1.0);

  g_assert_true (fh_scatter_chart_get_suppressed (chart, 1));
  g_assert_false (fh_scatter_chart_get_suppressed (chart, 0));
  /* not plotted (its place would give the figure away) but named */
  g_assert_false (fh_scatter_chart_get_position (chart, 1, &x, &y));
  g_assert_false (fh_scatter_chart_get_position (chart, 3, &x, &y));
  g_assert_true (fh_scatter_chart_get_position (chart, 0, &x, &y));
  listed = fh_scatter_chart_dup_suppressed_text (chart);
  g_assert_cmpstr (listed, ==, NOTE ", not plotted: Bilborough, Clifton East");
  g_assert_true (fh_chart_get_has_suppressed (FH_CHART (chart)));

  csv = fh_chart_to_csv (FH_CHART (chart));
  g_assert_nonnull (strstr (csv, "Bilborough,3100,c,\"" NOTE "\"\r\n"));
  g_assert_nonnull (strstr (csv, "Aspley,4200,2100.0,\r\n"));
  alt = fh_chart_get_alt_text (FH_CHART (chart));
  g_assert_nonnull (strstr (alt, "not plotted: Bilborough, Clifton East"));
  keep_sample (FH_CHART (chart), "suppressed-funnel");
  cairo_surface_destroy (image);
}

/* ---- a map with suppressed wards ----------------------------------------------- */

#define SUPPRESSED_A 2
#define SUPPRESSED_B 6
#define MISSING_WARD 4

static FhMapChart *
grid_map (gboolean with_boundaries)
{
  FhMapChart *map = fh_map_chart_new ();

  fh_chart_set_title (FH_CHART (map), "Demand is highest in the north-west");
  fh_chart_set_value_label (FH_CHART (map), "Episodes");
  fh_chart_set_caption (FH_CHART (map), "Source: test data.");
  for (int i = 0; i < 9; i++)
    {
      int col = i % 3, row = i / 3;
      double lon = -1.20 + col * 0.03, lat = 53.00 - row * 0.03;
      g_autofree char *code = g_strdup_printf ("W%02d", i);
      g_autofree char *name = g_strdup_printf ("Ward %d", i);
      g_autofree char *json = g_strdup_printf (
        "{\"type\":\"Polygon\",\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}",
        lon, lat, lon + 0.03, lat, lon + 0.03, lat - 0.03, lon, lat - 0.03, lon, lat);
      FhGeometry *g = with_boundaries ? fh_geometry_parse (json, NULL) : NULL;
      gboolean hidden = i == SUPPRESSED_A || i == SUPPRESSED_B || i == MISSING_WARD;

      fh_map_chart_add_ward (map, code, name, hidden ? NAN : 20.0 + 10 * i, g, lon + 0.015, lat - 0.015);
    }
  fh_map_chart_set_suppressed (map, "W02", TRUE);
  fh_map_chart_set_suppressed (map, "W06", TRUE);
  return map;
}

static void
check_map (FhMapChart *map, FhMapStyle style)
{
  cairo_surface_t *image = fh_chart_render_image (FH_CHART (map), 900, 600, 1.0);
  FhMapWard w0, w1, w;
  double d;

  g_assert_cmpint (fh_map_chart_get_drawn_style (map), ==, style);
  g_assert_true (fh_map_chart_get_ward (map, 0, &w0));
  g_assert_true (fh_map_chart_get_ward (map, 1, &w1));
  d = w1.label_x - w0.label_x;   /* from one ward's centre to the next */
  g_assert_cmpfloat (d, >, 60);

  for (guint i = 0; i < 9; i++)
    {
      /* the lower-left part of each ward, clear of its name and "c" */
      double qx, qy, qs = d * (style == FH_MAP_HEXAGONS ? 0.16 : 0.22);

      g_assert_true (fh_map_chart_get_ward (map, i, &w));
      qx = w.label_x - d * 0.36;
      qy = w.label_y + d * (style == FH_MAP_HEXAGONS ? 0.12 : 0.14);
      if (style == FH_MAP_HEXAGONS)
        qx = w.label_x - d * 0.30;
      if (i == SUPPRESSED_A || i == SUPPRESSED_B)
        {
          g_assert_true (w.suppressed);
          g_assert_false (w.no_data);
          g_assert_cmpint (w.class_index, ==, -1);    /* not the lowest class */
          g_assert_true (isnan (w.value));            /* not a zero */
          assert_hatched (image, qx, qy, qs, qs);
          /* its "c" under the centre */
          g_assert_true (has_text (image, w.label_x - 6, w.label_y + 1, 12, 12));
        }
      else if (i == MISSING_WARD)
        {
          g_assert_false (w.suppressed);
          g_assert_true (w.no_data);
          g_assert_cmpint (w.class_index, ==, -1);
          assert_uniform (image, qx, qy, qs, qs, rgb (fh_chart_theme_no_data ()));
        }
      else
        {
          g_assert_false (w.suppressed);
          g_assert_false (w.no_data);
          g_assert_cmpint (w.class_index, >=, 0);
          assert_uniform (image, qx, qy, qs, qs, rgb (w.fill));
        }
    }
  cairo_surface_destroy (image);
}

static void
test_map_suppressed_wards (void)
{
  g_autoptr(FhMapChart) boundaries = grid_map (TRUE);
  g_autoptr(FhMapChart) hexagons = grid_map (FALSE);
  g_autofree char *csv = NULL, *alt = NULL, *caption = NULL;

  check_map (boundaries, FH_MAP_BOUNDARIES);
  check_map (hexagons, FH_MAP_HEXAGONS);

  g_assert_true (fh_chart_get_has_suppressed (FH_CHART (boundaries)));
  csv = fh_chart_to_csv (FH_CHART (boundaries));
  g_assert_true (g_str_has_prefix (csv, "Ward code,Ward,Episodes,Note\r\nW00,Ward 0,20.0,\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nW02,Ward 2,c,\"" NOTE "\"\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nW04,Ward 4,,\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nW06,Ward 6,c,\"" NOTE "\"\r\n"));
  alt = fh_chart_get_alt_text (FH_CHART (boundaries));
  g_assert_nonnull (strstr (alt, "1 with no data"));
  g_assert_nonnull (strstr (alt, "2 suppressed"));
  caption = fh_chart_dup_full_caption (FH_CHART (boundaries));
  g_assert_cmpstr (caption, ==, "Source: test data. " NOTE ".");
  /* the classes come from the wards with figures only */
  g_assert_cmpuint (fh_map_chart_get_n_classes (boundaries), >=, 2);

  fh_map_chart_set_suppressed (boundaries, "W02", FALSE);
  fh_map_chart_set_suppressed (boundaries, "W06", FALSE);
  g_assert_false (fh_chart_get_has_suppressed (FH_CHART (boundaries)));
  keep_sample (FH_CHART (hexagons), "suppressed-map-hexagons");
  {
    g_autoptr(FhMapChart) fresh = grid_map (TRUE);
    keep_sample (FH_CHART (fresh), "suppressed-map-boundaries");
  }
}

/* ---- exports carry the note ---------------------------------------------------- */

static void
test_pdf_carries_note (void)
{
  const guint suppressed[] = { 1, 4 };
  g_autoptr(FhBarChart) chart = needs_chart (suppressed, 2);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *dir = g_dir_make_tmp ("fh-suppression-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "needs.pdf", NULL);
  g_autofree char *summary = fh_chart_export_summary (FH_CHART (chart));
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) flat = g_string_new (NULL);
  int status = -1;

  /* the metadata of every format (SVG <desc>, PDF subject, PNG text) */
  g_assert_nonnull (strstr (summary, NOTE));

  g_assert_true (fh_chart_export_pdf (FH_CHART (chart), pdf, 600, 400, &error));
  g_assert_no_error (error);
  if (pdftotext == NULL)
    {
      g_unlink (pdf);
      g_rmdir (dir);
      g_test_skip ("pdftotext is not installed (Debian: poppler-utils)");
      return;
    }
  {
    const char *argv[] = { pdftotext, "-enc", "UTF-8", pdf, "-", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                 &out, NULL, &status, &error));
  }
  g_assert_no_error (error);
  for (const char *p = out; *p; p++)   /* a wrapped caption breaks lines */
    g_string_append_c (flat, *p == '\n' ? ' ' : *p);
  g_assert_nonnull (strstr (flat->str, NOTE));
  g_unlink (pdf);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/suppression/hatch-contrast", test_hatch_contrast);
  g_test_add_func ("/charts/suppression/bar-one-with-total", test_bar_one_suppressed_with_total);
  g_test_add_func ("/charts/suppression/bar-two", test_bar_two_suppressed);
  g_test_add_func ("/charts/suppression/bar-whole-row", test_bar_whole_row_suppressed);
  g_test_add_func ("/charts/suppression/bar-note-follows-data", test_bar_note_follows_data);
  g_test_add_func ("/charts/suppression/line-rate", test_line_suppressed_rate);
  g_test_add_func ("/charts/suppression/line-series-all-suppressed", test_line_series_all_suppressed);
  g_test_add_func ("/charts/suppression/funnel-rate", test_funnel_suppressed_rate);
  g_test_add_func ("/charts/suppression/map-wards", test_map_suppressed_wards);
  g_test_add_func ("/charts/suppression/pdf-note", test_pdf_carries_note);
  return g_test_run ();
}
