/* test-hex-layout.c — the equal-area hex map
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "fh-hex-layout.h"

/* Nottingham's 20 ward centroids (ONS; public). */
static const FhHexInput wards[] = {
  { "E05012270", -1.20886, 52.97888 }, { "E05012271", -1.18279, 52.98513 },
  { "E05012272", -1.16535, 52.97621 }, { "E05012273", -1.16100, 53.00053 },
  { "E05012274", -1.22782, 52.96686 }, { "E05012275", -1.20383, 53.00425 },
  { "E05012276", -1.18096, 53.00359 }, { "E05012277", -1.15339, 52.95019 },
  { "E05012278", -1.17566, 52.90268 }, { "E05012279", -1.18283, 52.91327 },
  { "E05012280", -1.11088, 52.95195 }, { "E05012281", -1.16686, 52.96346 },
  { "E05012282", -1.19505, 52.96772 }, { "E05012283", -1.18586, 52.93768 },
  { "E05012284", -1.13480, 52.97247 }, { "E05012285", -1.15135, 52.93980 },
  { "E05012286", -1.17509, 52.95624 }, { "E05012287", -1.13614, 52.95990 },
  { "E05012288", -1.14814, 52.98601 }, { "E05012289", -1.21627, 52.95050 },
};
#define N G_N_ELEMENTS (wards)

static int
find (const char *code)
{
  for (guint i = 0; i < N; i++)
    if (g_str_equal (wards[i].code, code))
      return i;
  g_assert_not_reached ();
}

static void
assert_no_overlap (const FhHexCell *cells, guint n)
{
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      g_assert_false (cells[i].q == cells[j].q && cells[i].r == cells[j].r);
}

static void
test_geography_kept (void)
{
  g_autofree FhHexCell *cells = fh_hex_layout_compute (wards, N);
  double bx, by, cx, cy, dx, dy, wx, wy;
  double total = 0;

  assert_no_overlap (cells, N);
  fh_hex_cell_center (cells[find ("E05012275")], 1, &bx, &by);  /* Bulwell, north */
  fh_hex_cell_center (cells[find ("E05012278")], 1, &cx, &cy);  /* Clifton East, south */
  fh_hex_cell_center (cells[find ("E05012280")], 1, &dx, &dy);  /* Dales, east */
  fh_hex_cell_center (cells[find ("E05012289")], 1, &wx, &wy);  /* Wollaton West, west */
  g_assert_cmpfloat (by, <, cy);
  g_assert_cmpfloat (dx, >, wx);

  /* each ward's geographically nearest ward stays close on the hex map */
  for (guint i = 0; i < N; i++)
    {
      guint nearest = i;
      double best = INFINITY;

      for (guint j = 0; j < N; j++)
        {
          double d = hypot ((wards[i].lon - wards[j].lon) * 0.6, wards[i].lat - wards[j].lat);
          if (j != i && d < best)
            {
              best = d;
              nearest = j;
            }
        }
      total += fh_hex_distance (cells[i], cells[nearest]);
    }
  g_assert_cmpfloat (total / N, <=, 2.0);
}

static void
test_deterministic (void)
{
  FhHexInput shuffled[N];
  g_autofree FhHexCell *a = fh_hex_layout_compute (wards, N);
  g_autofree FhHexCell *b = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  memcpy (shuffled, wards, sizeof wards);
  for (guint i = N - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (rand, 0, i + 1);
      FhHexInput t = shuffled[i];
      shuffled[i] = shuffled[j];
      shuffled[j] = t;
    }
  b = fh_hex_layout_compute (shuffled, N);

  for (guint i = 0; i < N; i++)
    {
      int k = find (shuffled[i].code);
      g_assert_cmpint (b[i].q, ==, a[k].q);
      g_assert_cmpint (b[i].r, ==, a[k].r);
    }
}

static void
test_without_centroids (void)
{
  FhHexInput many[50];
  g_autofree char *codes = g_new0 (char, 50 * 8);
  g_autofree FhHexCell *cells = NULL;
  g_autofree FhHexCell *none = fh_hex_layout_compute (NULL, 0);
  FhHexInput one = { "X1", NAN, NAN };
  g_autofree FhHexCell *single = fh_hex_layout_compute (&one, 1);
  int max_d = 0;

  for (guint i = 0; i < 50; i++)
    {
      g_snprintf (codes + i * 8, 8, "X%03u", i);
      many[i] = (FhHexInput) { codes + i * 8, NAN, NAN };
    }
  cells = fh_hex_layout_compute (many, 50);
  assert_no_overlap (cells, 50);
  /* a compact blob: 50 hexagons fit within 4 rings of the middle */
  for (guint i = 0; i < 50; i++)
    max_d = MAX (max_d, fh_hex_distance (cells[i], (FhHexCell) { 0, 0 }));
  g_assert_cmpint (max_d, <=, 4);
  g_assert_cmpint (single[0].q, ==, 0);
  g_assert_cmpint (single[0].r, ==, 0);
}

static void
test_cell_at_center (void)
{
  for (int q = -3; q <= 3; q++)
    for (int r = -3; r <= 3; r++)
      {
        double x, y;
        FhHexCell c;

        fh_hex_cell_center ((FhHexCell) { q, r }, 10, &x, &y);
        c = fh_hex_cell_at (x + 3, y - 2, 10);
        g_assert_cmpint (c.q, ==, q);
        g_assert_cmpint (c.r, ==, r);
      }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/hex-layout/geography-kept", test_geography_kept);
  g_test_add_func ("/hex-layout/deterministic", test_deterministic);
  g_test_add_func ("/hex-layout/without-centroids", test_without_centroids);
  g_test_add_func ("/hex-layout/cell-at-center", test_cell_at_center);
  return g_test_run ();
}
