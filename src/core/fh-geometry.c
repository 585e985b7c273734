/* fh-geometry.c — ward boundaries: GeoJSON polygons, projected for drawing
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "fh-geometry.h"

#define EARTH_RADIUS_M 6371008.8

G_DEFINE_QUARK (fh-geometry-error-quark, fh_geometry_error)

static void
ring_list_free (gpointer rings)
{
  g_ptr_array_unref (rings);
}

FhGeometry *
fh_geometry_new_empty (void)
{
  FhGeometry *self = g_new0 (FhGeometry, 1);

  self->polygons = g_ptr_array_new_with_free_func (ring_list_free);
  return self;
}

FhGeometry *
fh_geometry_copy (const FhGeometry *self)
{
  FhGeometry *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = fh_geometry_new_empty ();
  for (guint p = 0; p < self->polygons->len; p++)
    {
      GPtrArray *rings = g_ptr_array_index (self->polygons, p);
      GPtrArray *rings_copy = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

      for (guint r = 0; r < rings->len; r++)
        {
          GArray *ring = g_ptr_array_index (rings, r);
          GArray *ring_copy = g_array_sized_new (FALSE, FALSE, sizeof (FhPoint), ring->len);

          g_array_append_vals (ring_copy, ring->data, ring->len);
          g_ptr_array_add (rings_copy, ring_copy);
        }
      g_ptr_array_add (copy->polygons, rings_copy);
    }
  return copy;
}

void
fh_geometry_free (FhGeometry *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->polygons);
  g_free (self);
}

static gboolean
is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_DOUBLE || type == G_TYPE_INT64;
}

static GArray *
parse_ring (JsonArray *ring_json, guint polygon, guint ring_index, GError **error)
{
  g_autoptr(GArray) ring = g_array_new (FALSE, FALSE, sizeof (FhPoint));
  guint n = json_array_get_length (ring_json);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *pos = json_array_get_element (ring_json, i);
      JsonArray *pair;
      FhPoint p;

      if (!JSON_NODE_HOLDS_ARRAY (pos) ||
          json_array_get_length (pair = json_node_get_array (pos)) < 2 ||
          !is_number (json_array_get_element (pair, 0)) ||
          !is_number (json_array_get_element (pair, 1)))
        {
          g_set_error (error, FH_GEOMETRY_ERROR, FH_GEOMETRY_ERROR_BAD_COORDINATES,
                       _("Polygon %u, ring %u, point %u is not a pair of numbers."),
                       polygon + 1, ring_index + 1, i + 1);
          return NULL;
        }
      p.x = json_array_get_double_element (pair, 0);
      p.y = json_array_get_double_element (pair, 1);
      if (!isfinite (p.x) || !isfinite (p.y) || fabs (p.x) > 180 || fabs (p.y) > 90)
        {
          g_set_error (error, FH_GEOMETRY_ERROR, FH_GEOMETRY_ERROR_NOT_LONGITUDE_LATITUDE,
                       _("The point (%g, %g) is not a longitude/latitude: the boundaries may be "
                         "in another coordinate system, such as British National Grid."),
                       p.x, p.y);
          return NULL;
        }
      g_array_append_val (ring, p);
    }

  if (ring->len < 4)
    {
      g_set_error (error, FH_GEOMETRY_ERROR, FH_GEOMETRY_ERROR_BAD_RING,
                   _("Polygon %u, ring %u has fewer than four points."), polygon + 1, ring_index + 1);
      return NULL;
    }
  {
    FhPoint *first = &g_array_index (ring, FhPoint, 0);
    FhPoint *last = &g_array_index (ring, FhPoint, ring->len - 1);

    if (first->x != last->x || first->y != last->y)
      {
        g_set_error (error, FH_GEOMETRY_ERROR, FH_GEOMETRY_ERROR_BAD_RING,
                     _("Polygon %u, ring %u is not closed."), polygon + 1, ring_index + 1);
        return NULL;
      }
  }
  return g_steal_pointer (&ring);
}

static gboolean
parse_polygon (FhGeometry *self, JsonNode *node, guint polygon, GError **error)
{
  g_autoptr(GPtrArray) rings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, FH_GEOMETRY_ERROR, FH_GEOMETRY_ERROR_BAD_COORDINATES,
                   _("Polygon %u is not a list of rings."), polygon + 1);
      return FALSE;
    }
  array = json_node_get_array (node);
  for (guint r = 0; r < json_array_get_length (array); r++)
    {
      JsonNode *ring_node = json_array_get_element (array, r);
      GArray *ring;

      if (!JSON_NODE_HOLDS_ARRAY (ring_node))
        {
          g_set_error (error, FH_GEOMETRY_ERROR, FH_GEOMETRY_ERROR_BAD_COORDINATES,
                       _("Polygon %u, ring %u is not a list of points."), polygon + 1, r + 1);
          return FALSE;
        }
      ring = parse_ring (json_node_get_array (ring_node), polygon, r, error);
      if (ring == NULL)
        return FALSE;
      g_ptr_array_add (rings, ring);
    }
  if (rings->len > 0)
    g_ptr_array_add (self->polygons, g_steal_pointer (&rings));
  return TRUE;
}

FhGeometry *
fh_geometry_parse_node (JsonNode  *node,
                        GError   **error)
{
  g_autoptr(FhGeometry) self = fh_geometry_new_empty ();
  JsonObject *object;
  const char *type;
  JsonNode *coordinates;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, FH_GEOMETRY_ERROR, FH_GEOMETRY_ERROR_INVALID_JSON,
                           _("The geometry is not a GeoJSON object."));
      return NULL;
    }
  object = json_node_get_object (node);
  type = json_object_get_string_member_with_default (object, "type", NULL);
  coordinates = json_object_get_member (object, "coordinates");

  if (g_strcmp0 (type, "Polygon") != 0 && g_strcmp0 (type, "MultiPolygon") != 0)
    {
      g_set_error (error, FH_GEOMETRY_ERROR, FH_GEOMETRY_ERROR_UNSUPPORTED_TYPE,
                   _("A ward boundary must be a Polygon or a MultiPolygon, not “%s”."),
                   type ? type : _("a geometry with no type"));
      return NULL;
    }
  if (coordinates == NULL || JSON_NODE_HOLDS_NULL (coordinates))
    return g_steal_pointer (&self);   /* empty geometry */
  if (!JSON_NODE_HOLDS_ARRAY (coordinates))
    {
      g_set_error_literal (error, FH_GEOMETRY_ERROR, FH_GEOMETRY_ERROR_BAD_COORDINATES,
                           _("The geometry's coordinates are not a list."));
      return NULL;
    }

  if (g_str_equal (type, "Polygon"))
    {
      if (json_array_get_length (json_node_get_array (coordinates)) > 0 &&
          !parse_polygon (self, coordinates, 0, error))
        return NULL;
    }
  else
    {
      JsonArray *polygons = json_node_get_array (coordinates);

      for (guint i = 0; i < json_array_get_length (polygons); i++)
        if (!parse_polygon (self, json_array_get_element (polygons, i), i, error))
          return NULL;
    }
  return g_steal_pointer (&self);
}

/* The deepest nesting of arrays and objects in @text, counting no further
 * than @limit + 1: one pass over the raw text, skipping strings (and their
 * escaped quotes). Brackets need not balance; json-glib judges the rest. */
static guint
nesting_depth (const char *text, guint limit)
{
  guint depth = 0, deepest = 0;
  gboolean in_string = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (in_string)
        {
          if (*p == '\\' && p[1] != '\0')
            p++;
          else if (*p == '"')
            in_string = FALSE;
        }
      else if (*p == '"')
        in_string = TRUE;
      else if (*p == '[' || *p == '{')
        {
          depth++;
          deepest = MAX (deepest, depth);
          if (deepest > limit)
            break;
        }
      else if ((*p == ']' || *p == '}') && depth > 0)
        depth--;
    }
  return deepest;
}

FhGeometry *
fh_geometry_parse (const char  *geojson,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (geojson != NULL, NULL);

  /* A geometry is an object. (json-glib 1.6 also takes "true{…}", and
   * then leaks the object after the scalar.) */
  if (*(geojson + strspn (geojson, " \t\r\n")) != '{')
    {
      g_set_error_literal (error, FH_GEOMETRY_ERROR, FH_GEOMETRY_ERROR_INVALID_JSON,
                           _("The geometry is not a GeoJSON object."));
      return NULL;
    }
  if (nesting_depth (geojson, FH_GEOMETRY_MAX_DEPTH) > FH_GEOMETRY_MAX_DEPTH)
    {
      g_set_error (error, FH_GEOMETRY_ERROR, FH_GEOMETRY_ERROR_TOO_DEEP,
                   _("The boundary nests lists more than %d deep; a ward boundary needs no more than five."),
                   FH_GEOMETRY_MAX_DEPTH);
      return NULL;
    }
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, geojson, -1, &local_error))
    {
      g_set_error (error, FH_GEOMETRY_ERROR, FH_GEOMETRY_ERROR_INVALID_JSON,
                   _("The boundary is not valid JSON: %s"), local_error->message);
      return NULL;
    }
  return fh_geometry_parse_node (json_parser_get_root (parser), error);
}

gboolean
fh_geometry_is_empty (const FhGeometry *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->polygons->len == 0;
}

guint
fh_geometry_get_n_polygons (const FhGeometry *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->polygons->len;
}

guint
fh_geometry_get_n_rings (const FhGeometry *self,
                         guint             polygon)
{
  g_return_val_if_fail (self != NULL && polygon < self->polygons->len, 0);
  return ((GPtrArray *) g_ptr_array_index (self->polygons, polygon))->len;
}

GArray *
fh_geometry_get_ring (const FhGeometry *self,
                      guint             polygon,
                      guint             ring)
{
  GPtrArray *rings;

  g_return_val_if_fail (self != NULL && polygon < self->polygons->len, NULL);
  rings = g_ptr_array_index (self->polygons, polygon);
  g_return_val_if_fail (ring < rings->len, NULL);
  return g_ptr_array_index (rings, ring);
}

void
fh_bounds_init (FhBounds *bounds)
{
  bounds->min_x = bounds->min_y = INFINITY;
  bounds->max_x = bounds->max_y = -INFINITY;
}

void
fh_geometry_extend_bounds (const FhGeometry *self,
                           FhBounds         *bounds)
{
  g_return_if_fail (self != NULL && bounds != NULL);

  for (guint p = 0; p < self->polygons->len; p++)
    {
      GPtrArray *rings = g_ptr_array_index (self->polygons, p);
      GArray *outer = g_ptr_array_index (rings, 0);

      for (guint i = 0; i < outer->len; i++)
        {
          FhPoint *pt = &g_array_index (outer, FhPoint, i);
          bounds->min_x = MIN (bounds->min_x, pt->x);
          bounds->max_x = MAX (bounds->max_x, pt->x);
          bounds->min_y = MIN (bounds->min_y, pt->y);
          bounds->max_y = MAX (bounds->max_y, pt->y);
        }
    }
}

void
fh_project_point (double  lon,
                  double  lat,
                  double  lon0,
                  double  lat0,
                  double *x,
                  double *y)
{
  double to_rad = G_PI / 180.0;

  *x = (lon - lon0) * to_rad * cos (lat0 * to_rad) * EARTH_RADIUS_M;
  *y = -(lat - lat0) * to_rad * EARTH_RADIUS_M;
}

FhGeometry *
fh_geometry_project (const FhGeometry *self,
                     double            lon0,
                     double            lat0)
{
  FhGeometry *out;

  g_return_val_if_fail (self != NULL, NULL);

  out = fh_geometry_new_empty ();
  for (guint p = 0; p < self->polygons->len; p++)
    {
      GPtrArray *rings = g_ptr_array_index (self->polygons, p);
      GPtrArray *projected = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

      for (guint r = 0; r < rings->len; r++)
        {
          GArray *ring = g_ptr_array_index (rings, r);
          GArray *copy = g_array_sized_new (FALSE, FALSE, sizeof (FhPoint), ring->len);

          for (guint i = 0; i < ring->len; i++)
            {
              FhPoint *pt = &g_array_index (ring, FhPoint, i);
              FhPoint q;

              fh_project_point (pt->x, pt->y, lon0, lat0, &q.x, &q.y);
              g_array_append_val (copy, q);
            }
          g_ptr_array_add (projected, copy);
        }
      g_ptr_array_add (out->polygons, projected);
    }
  return out;
}

void
fh_bounds_fit (const FhBounds *bounds,
               double          x,
               double          y,
               double          width,
               double          height,
               double         *scale,
               double         *offset_x,
               double         *offset_y)
{
  double bw = MAX (bounds->max_x - bounds->min_x, 1e-9);
  double bh = MAX (bounds->max_y - bounds->min_y, 1e-9);

  *scale = MIN (width / bw, height / bh);
  *offset_x = x + (width - bw * *scale) / 2;
  *offset_y = y + (height - bh * *scale) / 2;
}

static gboolean
ring_contains (GArray *ring, double x, double y)
{
  gboolean inside = FALSE;

  for (guint i = 0, j = ring->len - 1; i < ring->len; j = i++)
    {
      FhPoint *a = &g_array_index (ring, FhPoint, i);
      FhPoint *b = &g_array_index (ring, FhPoint, j);

      if (((a->y > y) != (b->y > y)) &&
          (x < (b->x - a->x) * (y - a->y) / (b->y - a->y) + a->x))
        inside = !inside;
    }
  return inside;
}

gboolean
fh_geometry_contains (const FhGeometry *self,
                      double            x,
                      double            y)
{
  gboolean inside = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);

  for (guint p = 0; p < self->polygons->len; p++)
    {
      GPtrArray *rings = g_ptr_array_index (self->polygons, p);

      for (guint r = 0; r < rings->len; r++)
        if (ring_contains (g_ptr_array_index (rings, r), x, y))
          inside = !inside;
    }
  return inside;
}

static void
ring_moments (GArray *ring, double *area, double *cx, double *cy)
{
  double a = 0, x = 0, y = 0;

  for (guint i = 0; i + 1 < ring->len; i++)
    {
      FhPoint *p = &g_array_index (ring, FhPoint, i);
      FhPoint *q = &g_array_index (ring, FhPoint, i + 1);
      double cross = p->x * q->y - q->x * p->y;

      a += cross;
      x += (p->x + q->x) * cross;
      y += (p->y + q->y) * cross;
    }
  *area = a / 2;
  *cx = x / 6;
  *cy = y / 6;
}

gboolean
fh_geometry_centroid (const FhGeometry *self,
                      double           *x,
                      double           *y)
{
  double total = 0, sx = 0, sy = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  for (guint p = 0; p < self->polygons->len; p++)
    {
      GPtrArray *rings = g_ptr_array_index (self->polygons, p);

      for (guint r = 0; r < rings->len; r++)
        {
          double a, mx, my;

          ring_moments (g_ptr_array_index (rings, r), &a, &mx, &my);
          /* outer rings add, holes subtract, whatever their winding */
          if ((r == 0) != (a > 0))
            {
              a = -a; mx = -mx; my = -my;
            }
          total += a;
          sx += mx;
          sy += my;
        }
    }
  if (total == 0)
    return FALSE;
  *x = sx / total;
  *y = sy / total;
  return TRUE;
}
