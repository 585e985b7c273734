/* fh-hex-layout.h — an equal-area hex map: one hexagon per ward
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each ward gets one pointy-top hexagon on an axial (q, r) grid, placed from
 * its projected centroid: wards are taken nearest the middle first, each to
 * the free cell nearest its own position, so neighbours stay near each other
 * and no two share a cell. Ties and the order of taking go by ward code, so
 * the same wards always give the same map, whatever order they come in.
 * Wards without a centroid go, in code order, to the free cells nearest the
 * middle.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *code;
  double      lon;     /* NAN when unknown */
  double      lat;
} FhHexInput;

typedef struct {
  int q, r;
} FhHexCell;

/* Returns @n cells, in the order of @items. */
FhHexCell *fh_hex_layout_compute     (const FhHexInput *items,
                                      guint             n);
/* Centre of a cell for hexagons of @size (centre to corner). */
void       fh_hex_cell_center        (FhHexCell         cell,
                                      double            size,
                                      double           *x,
                                      double           *y);
/* The cell whose hexagon holds (x, y). */
FhHexCell  fh_hex_cell_at            (double            x,
                                      double            y,
                                      double            size);
int        fh_hex_distance           (FhHexCell         a,
                                      FhHexCell         b);

G_END_DECLS
