/* fh-geometry.h — ward boundaries: GeoJSON polygons, projected for drawing
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A geometry is a list of polygons; a polygon is a list of rings, the first
 * its outside and any others its holes; a ring is a closed list of points.
 * Coordinates are WGS84 longitude/latitude as parsed, and metres after
 * fh_geometry_project().
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define FH_GEOMETRY_ERROR (fh_geometry_error_quark ())

typedef enum {
  FH_GEOMETRY_ERROR_INVALID_JSON,
  FH_GEOMETRY_ERROR_UNSUPPORTED_TYPE,
  FH_GEOMETRY_ERROR_BAD_COORDINATES,
  FH_GEOMETRY_ERROR_NOT_LONGITUDE_LATITUDE,
  FH_GEOMETRY_ERROR_BAD_RING,
  FH_GEOMETRY_ERROR_TOO_DEEP,
} FhGeometryError;

/* How deeply fh_geometry_parse() lets arrays and objects nest: a
 * MultiPolygon needs five levels (object, coordinates, polygon, ring,
 * point). Deeper text is refused before json-glib sees it, because its
 * parser recurses once per level and a hostile file would exhaust the
 * stack. */
#define FH_GEOMETRY_MAX_DEPTH 32

typedef struct {
  double x, y;
} FhPoint;

typedef struct {
  GPtrArray *polygons;   /* of GPtrArray (rings) of GArray (FhPoint) */
} FhGeometry;

typedef struct {
  double min_x, min_y, max_x, max_y;
} FhBounds;

GQuark      fh_geometry_error_quark   (void);

FhGeometry *fh_geometry_new_empty     (void);
FhGeometry *fh_geometry_parse         (const char       *geojson,
                                       GError          **error);
FhGeometry *fh_geometry_parse_node    (JsonNode         *node,
                                       GError          **error);
FhGeometry *fh_geometry_copy          (const FhGeometry *self);
void        fh_geometry_free          (FhGeometry       *self);
gboolean    fh_geometry_is_empty      (const FhGeometry *self);
guint       fh_geometry_get_n_polygons(const FhGeometry *self);
guint       fh_geometry_get_n_rings   (const FhGeometry *self,
                                       guint             polygon);
GArray     *fh_geometry_get_ring      (const FhGeometry *self,
                                       guint             polygon,
                                       guint             ring);

void        fh_bounds_init            (FhBounds         *bounds);
void        fh_geometry_extend_bounds (const FhGeometry *self,
                                       FhBounds         *bounds);

/* Local equirectangular projection about (lon0, lat0): x east and y south
 * in metres, scaled by cos(lat0) so a city is not stretched. Returns a new
 * geometry. */
FhGeometry *fh_geometry_project       (const FhGeometry *self,
                                       double            lon0,
                                       double            lat0);
void        fh_project_point          (double            lon,
                                       double            lat,
                                       double            lon0,
                                       double            lat0,
                                       double           *x,
                                       double           *y);

/* Scale and offset that fit @bounds inside the rectangle, keeping the aspect
 * ratio and centring: screen = (p - min) * scale + offset. */
void        fh_bounds_fit             (const FhBounds   *bounds,
                                       double            x,
                                       double            y,
                                       double            width,
                                       double            height,
                                       double           *scale,
                                       double           *offset_x,
                                       double           *offset_y);

/* Even-odd rule over every ring, so holes are outside. */
gboolean    fh_geometry_contains      (const FhGeometry *self,
                                       double            x,
                                       double            y);
/* Area-weighted centroid of the outer rings less their holes; FALSE when empty. */
gboolean    fh_geometry_centroid      (const FhGeometry *self,
                                       double           *x,
                                       double           *y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FhGeometry, fh_geometry_free)

G_END_DECLS
