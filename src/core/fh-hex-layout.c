/* fh-hex-layout.c — an equal-area hex map: one hexagon per ward
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fh-geometry.h"
#include "fh-hex-layout.h"

#define SQRT3 1.7320508075688772

typedef struct {
  guint  index;
  double x, y;       /* projected, in hex units */
  double order_key;  /* distance from the middle */
  gboolean located;
} Item;

void
fh_hex_cell_center (FhHexCell  cell,
                    double     size,
                    double    *x,
                    double    *y)
{
  *x = size * SQRT3 * (cell.q + cell.r / 2.0);
  *y = size * 1.5 * cell.r;
}

FhHexCell
fh_hex_cell_at (double x,
                double y,
                double size)
{
  double fq = (SQRT3 / 3 * x - y / 3) / size;
  double fr = (2.0 / 3 * y) / size;
  double fs = -fq - fr;
  double rq = round (fq), rr = round (fr), rs = round (fs);
  double dq = fabs (rq - fq), dr = fabs (rr - fr), ds = fabs (rs - fs);

  if (dq > dr && dq > ds)
    rq = -rr - rs;
  else if (dr > ds)
    rr = -rq - rs;
  return (FhHexCell) { (int) rq, (int) rr };
}

int
fh_hex_distance (FhHexCell a,
                 FhHexCell b)
{
  int dq = a.q - b.q, dr = a.r - b.r;
  return (abs (dq) + abs (dr) + abs (dq + dr)) / 2;
}

static guint
cell_hash (gconstpointer key)
{
  const FhHexCell *c = key;
  return (guint) (c->q * 73856093) ^ (guint) (c->r * 19349663);
}

static gboolean
cell_equal (gconstpointer a, gconstpointer b)
{
  const FhHexCell *x = a, *y = b;
  return x->q == y->q && x->r == y->r;
}

static const FhHexInput *sort_items;

static int
compare_items (const void *a, const void *b)
{
  const Item *x = a, *y = b;

  if (x->located != y->located)
    return x->located ? -1 : 1;
  if (x->located && fabs (x->order_key - y->order_key) > 1e-12)
    return x->order_key < y->order_key ? -1 : 1;
  return g_strcmp0 (sort_items[x->index].code, sort_items[y->index].code);
}

/* The free cell nearest (x, y) in hex units, searching outward ring by ring;
 * ties go to the smaller (r, q). */
static FhHexCell
nearest_free (GHashTable *taken, double x, double y)
{
  FhHexCell start = fh_hex_cell_at (x, y, 1.0);
  FhHexCell best = start;
  double best_d = INFINITY;

  for (int radius = 0; radius < 64; radius++)
    {
      for (int dq = -radius; dq <= radius; dq++)
        for (int dr = MAX (-radius, -dq - radius); dr <= MIN (radius, -dq + radius); dr++)
          {
            FhHexCell c = { start.q + dq, start.r + dr };
            double cx, cy, d;

            if (fh_hex_distance (c, start) != radius || g_hash_table_contains (taken, &c))
              continue;
            fh_hex_cell_center (c, 1.0, &cx, &cy);
            d = (cx - x) * (cx - x) + (cy - y) * (cy - y);
            if (d < best_d - 1e-12 ||
                (fabs (d - best_d) <= 1e-12 && (c.r < best.r || (c.r == best.r && c.q < best.q))))
              {
                best = c;
                best_d = d;
              }
          }
      /* a cell one ring further out can still be nearer in the plane */
      if (isfinite (best_d) && sqrt (best_d) < radius * 1.5 - 1.0)
        break;
    }
  return best;
}

FhHexCell *
fh_hex_layout_compute (const FhHexInput *items,
                       guint             n)
{
  FhHexCell *cells = g_new0 (FhHexCell, MAX (n, 1));
  g_autofree Item *order = g_new0 (Item, MAX (n, 1));
  g_autoptr(GHashTable) taken = g_hash_table_new_full (cell_hash, cell_equal, g_free, NULL);
  double lon0 = 0, lat0 = 0, min_x = INFINITY, max_x = -INFINITY, min_y = INFINITY, max_y = -INFINITY;
  double mid_x = 0, mid_y = 0, scale = 1;
  guint located = 0;

  g_return_val_if_fail (n == 0 || items != NULL, cells);

  for (guint i = 0; i < n; i++)
    if (!isnan (items[i].lon) && !isnan (items[i].lat))
      {
        lon0 += items[i].lon;
        lat0 += items[i].lat;
        located++;
      }
  if (located > 0)
    {
      lon0 /= located;
      lat0 /= located;
    }

  for (guint i = 0; i < n; i++)
    {
      order[i].index = i;
      order[i].located = !isnan (items[i].lon) && !isnan (items[i].lat);
      if (order[i].located)
        {
          fh_project_point (items[i].lon, items[i].lat, lon0, lat0, &order[i].x, &order[i].y);
          min_x = MIN (min_x, order[i].x); max_x = MAX (max_x, order[i].x);
          min_y = MIN (min_y, order[i].y); max_y = MAX (max_y, order[i].y);
        }
    }

  /* Scale so the wards' spread covers about as many hexagons as wards
   * (hexagon area in hex units is 3√3/2). */
  if (located > 1)
    {
      double area = MAX ((max_x - min_x) * (max_y - min_y), 1e-9);
      scale = sqrt (located * 2.598 / area) * 0.9;
      mid_x = (min_x + max_x) / 2;
      mid_y = (min_y + max_y) / 2;
    }
  for (guint i = 0; i < n; i++)
    if (order[i].located)
      {
        order[i].x = (order[i].x - mid_x) * scale;
        order[i].y = (order[i].y - mid_y) * scale;
        order[i].order_key = hypot (order[i].x, order[i].y);
      }

  sort_items = items;
  qsort (order, n, sizeof (Item), compare_items);
  sort_items = NULL;

  for (guint k = 0; k < n; k++)
    {
      Item *it = &order[k];
      FhHexCell c = it->located ? nearest_free (taken, it->x, it->y) : nearest_free (taken, 0, 0);

      cells[it->index] = c;
      g_hash_table_add (taken, g_memdup2 (&c, sizeof c));
    }
  return cells;
}
