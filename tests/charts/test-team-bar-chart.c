/* test-team-bar-chart.c — per team: open episodes, FTE and per FTE against a threshold
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "fh-chart-export.h"
#include "fh-results.h"
#include "fh-team-bar-chart.h"

static guint32
pixel_at (cairo_surface_t *s, double x, double y)
{
  unsigned char *data = cairo_image_surface_get_data (s);

  cairo_surface_flush (s);
  return *(guint32 *) (data + (int) y * cairo_image_surface_get_stride (s) + (int) x * 4) & 0xffffff;
}

static FhTeamBarChart *
new_chart (void)
{
  FhTeamBarChart *chart = fh_team_bar_chart_new ();
  guint core, adol;

  fh_chart_set_title (FH_CHART (chart), "Two teams above their service's threshold");
  core = fh_team_bar_chart_add_group (chart, "Core", 20);
  adol = fh_team_bar_chart_add_group (chart, "Adolescence", 15);
  fh_team_bar_chart_add_row (chart, core, "Central Core", "Central", 187, 9.6, 19.5);            /* 0 */
  fh_team_bar_chart_add_row (chart, core, "North Core", "North", 236, 9.4, 25.1);                /* 1: above */
  fh_team_bar_chart_add_row (chart, adol, "South Adolescence", "South", FH_COUNT_SUPPRESSED, 3.8, NAN); /* 2 */
  fh_team_bar_chart_add_row (chart, adol, "North Adolescence", "North", 93, 4.1, 22.7);          /* 3: above */
  return chart;
}

static void
test_drawn (void)
{
  g_autoptr(FhTeamBarChart) chart = new_chart ();
  cairo_surface_t *image = fh_chart_render_image (FH_CHART (chart), 900, 400, 1.0);
  double x[4][3], y[4][3], w[4][3], h[4][3], t[4];

  for (guint r = 0; r < 4; r++)
    for (guint p = 0; p < 3; p++)
      g_assert_true (fh_team_bar_chart_get_bar (chart, r, p, &x[r][p], &y[r][p], &w[r][p], &h[r][p]));

  /* lengths in proportion within a panel, each panel to its own scale */
  g_assert_cmpfloat_with_epsilon (w[0][FH_TEAM_BAR_OPEN] / w[1][FH_TEAM_BAR_OPEN], 187.0 / 236, 1e-9);
  g_assert_cmpfloat_with_epsilon (w[0][FH_TEAM_BAR_FTE] / w[3][FH_TEAM_BAR_FTE], 9.6 / 4.1, 1e-9);
  g_assert_cmpfloat_with_epsilon (w[1][FH_TEAM_BAR_PER_FTE] / w[3][FH_TEAM_BAR_PER_FTE], 25.1 / 22.7, 1e-9);
  g_assert_cmpfloat (x[0][FH_TEAM_BAR_FTE], >, x[0][FH_TEAM_BAR_OPEN] + w[1][FH_TEAM_BAR_OPEN]);
  g_assert_cmpfloat (y[1][0], >, y[0][0]);
  /* suppressed: no bar, but its FTE still has one */
  g_assert_cmpfloat (w[2][FH_TEAM_BAR_OPEN], ==, 0);
  g_assert_cmpfloat (w[2][FH_TEAM_BAR_PER_FTE], ==, 0);
  g_assert_cmpfloat (w[2][FH_TEAM_BAR_FTE], >, 0);

  /* coloured by service; above the threshold in the other colour */
  g_assert_cmphex (pixel_at (image, x[0][0] + w[0][0] / 2, y[0][0] + h[0][0] / 2), ==, 0x12436D);
  g_assert_cmphex (pixel_at (image, x[2][1] + w[2][1] / 2, y[2][1] + h[2][1] / 2), ==, 0x28A197);
  g_assert_cmphex (pixel_at (image, x[0][2] + w[0][2] / 2, y[0][2] + h[0][2] / 2), ==, 0x12436D);
  g_assert_cmphex (pixel_at (image, x[1][2] + w[1][2] / 4, y[1][2] + h[1][2] / 2), ==, 0xF46A25);
  g_assert_cmphex (pixel_at (image, x[3][2] + w[3][2] / 4, y[3][2] + h[3][2] / 2), ==, 0xF46A25);
  g_assert_false (fh_team_bar_chart_row_is_above (chart, 0));
  g_assert_true (fh_team_bar_chart_row_is_above (chart, 1));
  g_assert_false (fh_team_bar_chart_row_is_above (chart, 2));

  /* each row's threshold: the same for one service, lower for 15 than 20,
   * the bars above it reaching past it, drawn as a dark tick */
  for (guint r = 0; r < 4; r++)
    g_assert_true (fh_team_bar_chart_get_threshold_x (chart, r, &t[r]));
  g_assert_cmpfloat (t[0], ==, t[1]);
  g_assert_cmpfloat (t[2], ==, t[3]);
  g_assert_cmpfloat (t[3], <, t[0]);
  g_assert_cmpfloat (x[0][2] + w[0][2], <, t[0]);
  g_assert_cmpfloat (x[1][2] + w[1][2], >, t[1]);
  g_assert_cmpfloat (x[3][2] + w[3][2], >, t[3]);
  g_assert_cmpfloat_with_epsilon (t[0] - x[0][2], w[0][2] * 20 / 19.5, 1.0);
  g_assert_cmphex (pixel_at (image, t[0] - 1, y[0][2] - 2), ==, 0x0B0C0C);
  g_assert_cmphex (pixel_at (image, t[3] - 1, y[3][2] - 2), ==, 0x0B0C0C);

  g_assert_cmpint (fh_team_bar_chart_hit_test (chart, x[1][0] + 1, y[1][0] + 1), ==, 1);
  g_assert_cmpint (fh_team_bar_chart_hit_test (chart, 100, 399), ==, -1);
  cairo_surface_destroy (image);
}

static void
test_csv_and_alt_text (void)
{
  g_autoptr(FhTeamBarChart) chart = new_chart ();
  g_autofree char *csv = fh_chart_to_csv (FH_CHART (chart));
  g_autofree char *alt = fh_chart_get_alt_text (FH_CHART (chart));

  g_assert_true (g_str_has_prefix (csv, "Team,Locality,Service,Open episodes,FTE,Open episodes per FTE,Threshold,Above threshold\r\n"
                                        "Central Core,Central,Core,187,9.60,19.5,20.0,no\r\n"
                                        "North Core,North,Core,236,9.40,25.1,20.0,yes\r\n"
                                        "South Adolescence,South,Adolescence,c,3.80,c,15.0,\r\n"));
  g_assert_nonnull (strstr (alt, "Bars for 4 teams"));
  g_assert_nonnull (strstr (alt, "Above: North Core (25.1 against 20), North Adolescence (22.7 against 15)."));
}

/* The keyboard and a screen reader move by team: one item a row, read out
 * with its figures (and "c" when withheld), its ring round the whole row,
 * and the pointer over a row finds the same item. */
static void
test_items (void)
{
  g_autoptr(FhTeamBarChart) chart = new_chart ();
  cairo_surface_t *image = fh_chart_render_image (FH_CHART (chart), 900, 500, 1.0);
  g_autofree char *north = fh_chart_get_item_label (FH_CHART (chart), 1);
  g_autofree char *south = fh_chart_get_item_label (FH_CHART (chart), 2);
  double x, y, w, h, bx, by, bw, bh;

  g_assert_cmpuint (fh_chart_get_n_items (FH_CHART (chart)), ==, 4);
  g_assert_cmpstr (north, ==, "North Core: 236 open episodes, 9.4 FTE, 25.1 per FTE, above the threshold of 20");
  g_assert_cmpstr (south, ==, "South Adolescence: c open episodes, 3.8 FTE, c per FTE");
  g_assert_true (fh_chart_get_item_bounds (FH_CHART (chart), 1, &x, &y, &w, &h));
  g_assert_true (fh_team_bar_chart_get_bar (chart, 1, FH_TEAM_BAR_OPEN, &bx, &by, &bw, &bh));
  /* the row's bounds hold its bar in every panel */
  g_assert_cmpfloat (y, <=, by);
  g_assert_cmpfloat (y + h, >=, by + bh);
  g_assert_true (fh_team_bar_chart_get_bar (chart, 1, FH_TEAM_BAR_PER_FTE, &bx, &by, &bw, &bh));
  g_assert_cmpfloat (x + w, >=, bx + bw);
  g_assert_cmpint (fh_chart_hit_item (FH_CHART (chart), bx + bw / 2, by + bh / 2), ==, 1);
  cairo_surface_destroy (image);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/team-bar-chart/drawn", test_drawn);
  g_test_add_func ("/team-bar-chart/csv-alt-text", test_csv_and_alt_text);
  g_test_add_func ("/team-bar-chart/items", test_items);
  return g_test_run ();
}
