/* test-boundary-fuzz.c — the boundary importer against mutated files
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Needs FH_OWNER_CONNINFO for a database loaded with data/sql (run through
 * tests/core/run-with-postgres.sh). A good boundary file is made from the
 * demo wards' stored centroids (a small polygon around each; every fifth a
 * MultiPolygon with a hole); thousands of variants of it, from a fixed seed,
 * go to fh.import_ward_boundaries(). Each mutation knows whether it leaves
 * the file right (reordered features, reversed rings, an altitude, a renamed
 * code property …) or wrong (swapped axes, shifted or scaled wards, rings
 * with no area, empty parts, wrong types, deep nesting, truncation, NaN and
 * huge numbers, duplicate and unknown codes …):
 *
 *   - a right variant must be accepted, and what is stored must be the
 *     variant's geometry and independently sound: each ward's boundary
 *     parses (fh_geometry_parse), holds its own stored centroid and no other
 *     ward's (then it is rolled back);
 *   - a wrong variant must be refused with SQLSTATE 22023 and a message that
 *     gives the reason and, when one ward is wrong, names it; and the
 *     database must be exactly as before.
 *
 * When ../shared/data/nottingham-wards.geojson is beside the source tree (or
 * under FH_SHARED_DIR), the real ONS file gets the same treatment.
 */
#include <libpq-fe.h>
#include <math.h>
#include <string.h>

#include "fh-geometry.h"

#define SEED 20261126

typedef struct {
  char   *code;
  double  lon, lat;
} Ward;

typedef struct {
  char       *text;       /* the file */
  char       *property;   /* the code property to pass, or NULL */
  gboolean    good;
  const char *reason;     /* regex the refusal must match */
  char       *ward;       /* the ward the refusal must name, or NULL */
  const char *key;        /* the property that holds the code */
  const char *name;       /* the mutation */
} Variant;

typedef struct {
  GRand      *rand;
  JsonNode   *doc;        /* the variant being made */
  guint       n;          /* its features */
  const char *authority_code;
} Fuzz;

static PGconn    *conn;
static GPtrArray *wards;            /* of Ward: authority 1's, with centroids */
static char      *authority_code;

static void
variant_clear (Variant *v)
{
  g_free (v->text);
  g_free (v->property);
  g_free (v->ward);
  memset (v, 0, sizeof *v);
}

/* ---- the database ------------------------------------------------------- */

static PGresult *
exec (const char *sql, int n, const char * const *params)
{
  return PQexecParams (conn, sql, n, NULL, params, NULL, NULL, 0);
}

static char *
value (const char *sql, int n, const char * const *params)
{
  PGresult *r = exec (sql, n, params);
  char *out;

  if (PQresultStatus (r) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  out = g_strdup (PQgetvalue (r, 0, 0));
  PQclear (r);
  return out;
}

static void
command (const char *sql)
{
  PGresult *r = exec (sql, 0, NULL);

  if (PQresultStatus (r) != PGRES_COMMAND_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  PQclear (r);
}

static char *
fingerprint (void)
{
  return value ("SELECT md5(string_agg(ward_code || '=' || coalesce(boundary::text, '-'), '|'"
                " ORDER BY ward_code)) FROM fh.ward", 0, NULL);
}

static const Ward *
find_ward (const char *code)
{
  for (guint i = 0; i < wards->len; i++)
    if (g_str_equal (((Ward *) g_ptr_array_index (wards, i))->code, code))
      return g_ptr_array_index (wards, i);
  return NULL;
}

static void
load_wards (void)
{
  PGresult *r = exec ("SELECT w.ward_code, w.centroid_lon, w.centroid_lat, a.authority_code"
                      "  FROM fh.ward w JOIN fh.authority a USING (authority_id)"
                      " WHERE w.authority_id = (SELECT min(authority_id) FROM fh.ward)"
                      "   AND w.centroid_lon IS NOT NULL ORDER BY w.ward_code", 0, NULL);

  g_assert_cmpint (PQresultStatus (r), ==, PGRES_TUPLES_OK);
  g_assert_cmpint (PQntuples (r), >=, 3);
  wards = g_ptr_array_new ();
  for (int i = 0; i < PQntuples (r); i++)
    {
      Ward *w = g_new0 (Ward, 1);

      w->code = g_strdup (PQgetvalue (r, i, 0));
      w->lon = g_ascii_strtod (PQgetvalue (r, i, 1), NULL);
      w->lat = g_ascii_strtod (PQgetvalue (r, i, 2), NULL);
      g_ptr_array_add (wards, w);
    }
  authority_code = g_strdup (PQgetvalue (r, 0, 3));
  PQclear (r);
}

/* ---- the good file ------------------------------------------------------ */

static void
add_square (JsonBuilder *b, double x, double y, double h, gboolean clockwise)
{
  /* corners and midpoints, closed: nine points */
  static const double steps[][2] = { {-1, -1}, {0, -1}, {1, -1}, {1, 0}, {1, 1},
                                     {0, 1}, {-1, 1}, {-1, 0}, {-1, -1} };

  json_builder_begin_array (b);
  for (guint k = 0; k < G_N_ELEMENTS (steps); k++)
    {
      guint s = clockwise ? G_N_ELEMENTS (steps) - 1 - k : k;

      json_builder_begin_array (b);
      json_builder_add_double_value (b, x + steps[s][0] * h);
      json_builder_add_double_value (b, y + steps[s][1] * h);
      json_builder_end_array (b);
    }
  json_builder_end_array (b);
}

/* A polygon around each stored centroid, smaller than the distance to the
 * nearest other centroid so that none covers another's. */
static char *
generated_file (void)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "FeatureCollection");
  json_builder_set_member_name (b, "features");
  json_builder_begin_array (b);
  for (guint i = 0; i < wards->len; i++)
    {
      Ward *w = g_ptr_array_index (wards, i);
      double d = INFINITY, h;

      for (guint j = 0; j < wards->len; j++)
        {
          Ward *o = g_ptr_array_index (wards, j);
          if (j != i)
            d = MIN (d, MAX (fabs (o->lon - w->lon), fabs (o->lat - w->lat)));
        }
      h = MIN (0.4 * d, 0.01);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, "Feature");
      json_builder_set_member_name (b, "properties");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "ward_code");
      json_builder_add_string_value (b, w->code);
      json_builder_end_object (b);
      json_builder_set_member_name (b, "geometry");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "type");
      if (i % 5 == 4)
        {
          /* a square with a hole beside the centroid, and a small island */
          json_builder_add_string_value (b, "MultiPolygon");
          json_builder_set_member_name (b, "coordinates");
          json_builder_begin_array (b);
          json_builder_begin_array (b);
          add_square (b, w->lon, w->lat, 0.6 * h, FALSE);
          add_square (b, w->lon + 0.3 * h, w->lat + 0.3 * h, 0.1 * h, TRUE);
          json_builder_end_array (b);
          json_builder_begin_array (b);
          add_square (b, w->lon + 0.85 * h, w->lat + 0.85 * h, 0.1 * h, FALSE);
          json_builder_end_array (b);
          json_builder_end_array (b);
        }
      else
        {
          json_builder_add_string_value (b, "Polygon");
          json_builder_set_member_name (b, "coordinates");
          json_builder_begin_array (b);
          add_square (b, w->lon, w->lat, h, i % 2 == 1);
          json_builder_end_array (b);
        }
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

/* ---- reaching into a document ------------------------------------------- */

static JsonArray *
features (JsonNode *doc)
{
  return json_object_get_array_member (json_node_get_object (doc), "features");
}

static JsonObject *
feature (JsonNode *doc, guint i)
{
  return json_array_get_object_element (features (doc), i);
}

static JsonObject *
geometry (JsonNode *doc, guint i)
{
  return json_object_get_object_member (feature (doc, i), "geometry");
}

static gboolean
is_multi (JsonNode *doc, guint i)
{
  return g_str_equal (json_object_get_string_member (geometry (doc, i), "type"), "MultiPolygon");
}

/* The first polygon's list of rings. */
static JsonArray *
first_polygon (JsonNode *doc, guint i)
{
  JsonArray *c = json_object_get_array_member (geometry (doc, i), "coordinates");

  return is_multi (doc, i) ? json_array_get_array_element (c, 0) : c;
}

static JsonArray *
first_ring (JsonNode *doc, guint i)
{
  return json_array_get_array_element (first_polygon (doc, i), 0);
}

static const char *
code_of (JsonNode *doc, guint i)
{
  return json_object_get_string_member (json_object_get_object_member (feature (doc, i), "properties"),
                                        "ward_code");
}

typedef void (*PositionFunc) (JsonArray *pos, gpointer data);

static void
each_position (JsonNode *node, PositionFunc func, gpointer data)
{
  JsonArray *a;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return;
  a = json_node_get_array (node);
  if (json_array_get_length (a) > 0 && JSON_NODE_HOLDS_VALUE (json_array_get_element (a, 0)))
    {
      func (a, data);
      return;
    }
  for (guint k = 0; k < json_array_get_length (a); k++)
    each_position (json_array_get_element (a, k), func, data);
}

static void
each_feature_position (JsonNode *doc, guint i, PositionFunc func, gpointer data)
{
  each_position (json_object_get_member (geometry (doc, i), "coordinates"), func, data);
}

static double
px (JsonArray *pos)
{
  return json_array_get_double_element (pos, 0);
}

static double
py (JsonArray *pos)
{
  return json_array_get_double_element (pos, 1);
}

static void
set_xy (JsonArray *pos, double x, double y)
{
  json_node_set_double (json_array_get_element (pos, 0), x);
  json_node_set_double (json_array_get_element (pos, 1), y);
}

static void
swap_xy (JsonArray *pos, gpointer data)
{
  set_xy (pos, py (pos), px (pos));
}

typedef struct {
  double a, b, c, d;   /* x' = a + b x ; y' = c + d y */
} Affine;

static void
affine (JsonArray *pos, gpointer data)
{
  Affine *t = data;
  set_xy (pos, t->a + t->b * px (pos), t->c + t->d * py (pos));
}

static void
extend (JsonArray *pos, gpointer data)
{
  double *box = data;
  box[0] = MIN (box[0], px (pos));
  box[1] = MAX (box[1], px (pos));
  box[2] = MIN (box[2], py (pos));
  box[3] = MAX (box[3], py (pos));
}

static void
add_altitude (JsonArray *pos, gpointer data)
{
  json_array_add_double_element (pos, *(double *) data);
}

static JsonNode *
position_node (double x, double y)
{
  JsonArray *a = json_array_new ();
  JsonNode *n = json_node_new (JSON_NODE_ARRAY);

  json_array_add_double_element (a, x);
  json_array_add_double_element (a, y);
  json_node_take_array (n, a);
  return n;
}

/* Replaces the first ring of feature i with @ring. */
static void
set_first_ring (JsonNode *doc, guint i, JsonArray *ring)
{
  JsonArray *rings = first_polygon (doc, i);
  JsonNode *n = json_node_new (JSON_NODE_ARRAY);
  g_autoptr(JsonArray) rest = json_array_new ();

  json_node_take_array (n, ring);
  for (guint k = 1; k < json_array_get_length (rings); k++)
    json_array_add_element (rest, json_node_copy (json_array_get_element (rings, k)));
  while (json_array_get_length (rings) > 0)
    json_array_remove_element (rings, 0);
  json_array_add_element (rings, n);
  for (guint k = 0; k < json_array_get_length (rest); k++)
    json_array_add_element (rings, json_node_copy (json_array_get_element (rest, k)));
}

static void
set_coordinates (JsonNode *doc, guint i, const char *type, const char *json)
{
  JsonObject *g = geometry (doc, i);

  if (type != NULL)
    json_object_set_string_member (g, "type", type);
  json_object_set_member (g, "coordinates", json_from_string (json, NULL));
}

static guint
pick (Fuzz *f)
{
  return g_rand_int_range (f->rand, 0, f->n);
}

static double
uniform (Fuzz *f, double lo, double hi)
{
  return g_rand_double_range (f->rand, lo, hi) * (g_rand_boolean (f->rand) ? 1 : -1);
}

/* ---- mutations that leave the file right --------------------------------- */

static void
m_identity (Fuzz *f, Variant *v)
{
  v->good = TRUE;
}

static void
m_shuffle (Fuzz *f, Variant *v)
{
  JsonArray *old = features (f->doc);
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  JsonArray *shuffled = json_array_new ();

  for (guint k = 0; k < json_array_get_length (old); k++)
    g_ptr_array_add (nodes, json_array_get_element (old, k));
  for (guint k = nodes->len; k > 1; k--)
    {
      guint j = g_rand_int_range (f->rand, 0, k);
      gpointer t = nodes->pdata[k - 1];

      nodes->pdata[k - 1] = nodes->pdata[j];
      nodes->pdata[j] = t;
    }
  for (guint k = 0; k < nodes->len; k++)
    json_array_add_element (shuffled, json_node_copy (nodes->pdata[k]));
  json_object_set_array_member (json_node_get_object (f->doc), "features", shuffled);
  v->good = TRUE;
}

static void
m_subset (Fuzz *f, Variant *v)
{
  guint drop = g_rand_int_range (f->rand, 1, f->n);

  for (guint k = 0; k < drop; k++)
    json_array_remove_element (features (f->doc),
                               g_rand_int_range (f->rand, 0, json_array_get_length (features (f->doc))));
  v->good = TRUE;
}

static void
m_reverse_ring (Fuzz *f, Variant *v)
{
  guint i = pick (f);
  JsonArray *ring = first_ring (f->doc, i);
  JsonArray *reversed = json_array_new ();

  for (guint k = json_array_get_length (ring); k > 0; k--)
    json_array_add_element (reversed, json_node_copy (json_array_get_element (ring, k - 1)));
  set_first_ring (f->doc, i, reversed);
  v->good = TRUE;
}

static void
m_extras (Fuzz *f, Variant *v)
{
  guint i = pick (f);
  JsonObject *props = json_object_get_object_member (feature (f->doc, i), "properties");
  double altitude = g_rand_boolean (f->rand) ? 0 : 42.5;

  json_object_set_string_member (props, "ward_name", "Somewhere & “quoted”");
  json_object_set_int_member (props, "OBJECTID", g_rand_int (f->rand));
  json_object_set_string_member (props, "LAD23CD", f->authority_code);
  each_feature_position (f->doc, i, add_altitude, &altitude);
  json_object_set_string_member (json_node_get_object (f->doc), "name", "wards");
  v->good = TRUE;
}

static void
m_crs84 (Fuzz *f, Variant *v)
{
  static const char *names[] = { "urn:ogc:def:crs:OGC:1.3:CRS84", "EPSG:4326", "urn:ogc:def:crs:EPSG::4326" };
  g_autofree char *crs = g_strdup_printf ("{\"type\":\"name\",\"properties\":{\"name\":\"%s\"}}",
                                          names[g_rand_int_range (f->rand, 0, G_N_ELEMENTS (names))]);

  json_object_set_member (json_node_get_object (f->doc), "crs", json_from_string (crs, NULL));
  v->good = TRUE;
}

static void
m_as_multipolygon (Fuzz *f, Variant *v)
{
  guint i = pick (f);
  JsonObject *g = geometry (f->doc, i);

  if (!is_multi (f->doc, i))
    {
      JsonArray *wrapped = json_array_new ();

      json_array_add_element (wrapped, json_node_copy (json_object_get_member (g, "coordinates")));
      json_object_set_array_member (g, "coordinates", wrapped);
      json_object_set_string_member (g, "type", "MultiPolygon");
    }
  v->good = TRUE;
}

static void
m_midpoint (Fuzz *f, Variant *v)
{
  guint i = pick (f);
  JsonArray *ring = first_ring (f->doc, i);
  guint len = json_array_get_length (ring);
  guint k = g_rand_int_range (f->rand, 0, len - 1);
  JsonArray *a = json_array_get_array_element (ring, k), *b = json_array_get_array_element (ring, k + 1);
  JsonArray *out = json_array_new ();

  for (guint m = 0; m < len; m++)
    {
      json_array_add_element (out, json_node_copy (json_array_get_element (ring, m)));
      if (m == k)
        json_array_add_element (out, position_node ((px (a) + px (b)) / 2, (py (a) + py (b)) / 2));
    }
  set_first_ring (f->doc, i, out);
  v->good = TRUE;
}

static void
m_rotate_start (Fuzz *f, Variant *v)
{
  guint i = pick (f);
  JsonArray *ring = first_ring (f->doc, i);
  guint len = json_array_get_length (ring);
  guint s = g_rand_int_range (f->rand, 1, len - 1);
  JsonArray *out = json_array_new ();

  for (guint m = 0; m < len - 1; m++)
    json_array_add_element (out, json_node_copy (json_array_get_element (ring, (s + m) % (len - 1))));
  json_array_add_element (out, json_node_copy (json_array_get_element (ring, s)));
  set_first_ring (f->doc, i, out);
  v->good = TRUE;
}

static void
m_drop_vertex (Fuzz *f, Variant *v)
{
  guint i = pick (f);
  JsonArray *ring = first_ring (f->doc, i);

  /* a point that is neither first nor last, when five would be left */
  if (json_array_get_length (ring) > 5)
    json_array_remove_element (ring, g_rand_int_range (f->rand, 1, json_array_get_length (ring) - 1));
  v->good = TRUE;
}

static void
m_repeat_vertex (Fuzz *f, Variant *v)
{
  guint i = pick (f);
  JsonArray *ring = first_ring (f->doc, i);
  guint k = g_rand_int_range (f->rand, 0, json_array_get_length (ring));
  JsonArray *out = json_array_new ();

  for (guint m = 0; m < json_array_get_length (ring); m++)
    {
      json_array_add_element (out, json_node_copy (json_array_get_element (ring, m)));
      if (m == k)
        json_array_add_element (out, json_node_copy (json_array_get_element (ring, m)));
    }
  set_first_ring (f->doc, i, out);
  v->good = TRUE;
}

static void
m_nudge (Fuzz *f, Variant *v)
{
  Affine t = { uniform (f, 0, 2e-6), 1, uniform (f, 0, 2e-6), 1 };

  each_feature_position (f->doc, pick (f), affine, &t);
  v->good = TRUE;
}

static void
m_rename_property (Fuzz *f, Variant *v)
{
  static const char *names[] = { "WD23CD", "WD22CD", "wd19cd", "WD24CD", "CODE" };
  const char *name = names[g_rand_int_range (f->rand, 0, G_N_ELEMENTS (names))];

  for (guint i = 0; i < f->n; i++)
    {
      JsonObject *props = json_object_get_object_member (feature (f->doc, i), "properties");
      g_autofree char *code = g_strdup (json_object_get_string_member (props, "ward_code"));

      json_object_remove_member (props, "ward_code");
      json_object_set_string_member (props, name, code);
      json_object_set_string_member (props, "LAD22CD", f->authority_code);
    }
  if (g_str_equal (name, "CODE"))
    v->property = g_strdup (name);
  v->key = name;
  v->good = TRUE;
}

/* ---- mutations that make it wrong ---------------------------------------- */

static void
wrong (Variant *v, const char *reason, const char *ward)
{
  v->good = FALSE;
  v->reason = reason;
  v->ward = g_strdup (ward);
}

static void
m_swap_axes (Fuzz *f, Variant *v)
{
  guint i = pick (f);

  each_feature_position (f->doc, i, swap_xy, NULL);
  wrong (v, "swapped", code_of (f->doc, i));
}

static void
m_swap_axes_all (Fuzz *f, Variant *v)
{
  for (guint i = 0; i < f->n; i++)
    each_feature_position (f->doc, i, swap_xy, NULL);
  wrong (v, "swapped", code_of (f->doc, 0));
}

#define PLACE "stored centroid|swapped|outside the area|longitude/latitude|covers"

static void
m_shift (Fuzz *f, Variant *v)
{
  guint i = pick (f);
  guint axes = g_rand_int_range (f->rand, 1, 4);   /* x, y or both */
  double big = g_rand_boolean (f->rand) ? 100 : 1;
  Affine t = { axes & 1 ? uniform (f, 0.1, big) : 0, 1, axes & 2 ? uniform (f, 0.1, big) : 0, 1 };

  each_feature_position (f->doc, i, affine, &t);
  wrong (v, PLACE, code_of (f->doc, i));
}

static void
m_scale (Fuzz *f, Variant *v)
{
  static const double factors[] = { 0, 1e-9, 1e-7, 10, 50, 1000, 1e6 };
  double s = factors[g_rand_int_range (f->rand, 0, G_N_ELEMENTS (factors))];
  guint i = pick (f);
  double box[4] = { INFINITY, -INFINITY, INFINITY, -INFINITY };
  double cx, cy;
  Affine t;

  each_feature_position (f->doc, i, extend, box);
  cx = (box[0] + box[1]) / 2;
  cy = (box[2] + box[3]) / 2;
  t = (Affine) { cx - s * cx, s, cy - s * cy, s };
  each_feature_position (f->doc, i, affine, &t);
  wrong (v, "no area|" PLACE, code_of (f->doc, i));
}

static void
m_too_few_points (Fuzz *f, Variant *v)
{
  guint i = pick (f);
  JsonArray *ring = first_ring (f->doc, i);
  guint keep = g_rand_int_range (f->rand, 1, 4);
  JsonArray *out = json_array_new ();

  for (guint m = 0; m + 1 < keep; m++)
    json_array_add_element (out, json_node_copy (json_array_get_element (ring, m)));
  json_array_add_element (out, json_node_copy (json_array_get_element (ring, 0)));
  set_first_ring (f->doc, i, out);
  wrong (v, "fewer than four points", code_of (f->doc, i));
}

static void
m_open_ring (Fuzz *f, Variant *v)
{
  guint i = pick (f);
  JsonArray *ring = first_ring (f->doc, i);
  guint last = json_array_get_length (ring) - 1;

  if (g_rand_boolean (f->rand))
    json_array_remove_element (ring, last);
  else
    {
      JsonArray *p = json_array_get_array_element (ring, last);
      set_xy (p, px (p) + uniform (f, 1e-6, 1e-3), py (p));
    }
  wrong (v, "not closed", code_of (f->doc, i));
}

static void
m_duplicate (Fuzz *f, Variant *v)
{
  guint i = pick (f);
  g_autofree char *copy = json_to_string (json_array_get_element (features (f->doc), i), FALSE);

  json_array_add_element (features (f->doc), json_from_string (copy, NULL));
  wrong (v, "more than one feature", code_of (f->doc, i));
}

static void
m_zero_area (Fuzz *f, Variant *v)
{
  guint i = pick (f);
  JsonArray *ring = first_ring (f->doc, i);
  JsonArray *p0 = json_array_get_array_element (ring, 0);
  double x0 = px (p0), y0 = py (p0);
  double dx = uniform (f, 1e-4, 1e-2), dy = uniform (f, 1e-4, 1e-2);
  guint kind = g_rand_int_range (f->rand, 0, 3);

  for (guint m = 0; m < json_array_get_length (ring); m++)
    {
      JsonArray *p = json_array_get_array_element (ring, m);
      double t = (m == json_array_get_length (ring) - 1) ? 0 : (m % 3) / 2.0;

      if (kind == 0)        /* on one horizontal line */
        set_xy (p, px (p), y0);
      else if (kind == 1)   /* there and back along a slope */
        set_xy (p, x0 + t * dx, y0 + t * dy);
      else                  /* one point over and over */
        set_xy (p, x0, y0);
    }
  wrong (v, "no area", code_of (f->doc, i));
}

static void
m_empty_part (Fuzz *f, Variant *v)
{
  guint i = pick (f);
  g_autofree char *ring = json_to_string (json_array_get_element (first_polygon (f->doc, i), 0), FALSE);
  g_autofree char *multi = g_strdup_printf ("[[%s],[]]", ring);
  g_autofree char *empty_ring = g_strdup_printf ("[[%s],[[]]]", ring);

  switch (g_rand_int_range (f->rand, 0, 5))
    {
    case 0: set_coordinates (f->doc, i, "Polygon", "[]"); break;
    case 1: set_coordinates (f->doc, i, "MultiPolygon", "[]"); break;
    case 2: set_coordinates (f->doc, i, "MultiPolygon", multi); break;
    case 3: set_coordinates (f->doc, i, "Polygon", "[[]]"); break;
    default: set_coordinates (f->doc, i, "MultiPolygon", empty_ring); break;
    }
  wrong (v, "empty", code_of (f->doc, i));
}

static void
m_wrong_type (Fuzz *f, Variant *v)
{
  guint i = pick (f);
  JsonObject *feat = feature (f->doc, i);
  JsonObject *props = json_object_get_object_member (feat, "properties");
  g_autofree char *code = g_strdup (code_of (f->doc, i));
  JsonArray *ring = first_ring (f->doc, i);
  guint k = g_rand_int_range (f->rand, 1, json_array_get_length (ring) - 1);
  JsonArray *pos = json_array_get_array_element (ring, k);

  switch (g_rand_int_range (f->rand, 0, 14))
    {
    case 0:
      set_coordinates (f->doc, i, "Point", "[-1.2, 52.9]");
      wrong (v, "not a Polygon or MultiPolygon", code);
      break;
    case 1:
      json_object_set_string_member (json_object_get_object_member (feat, "geometry"), "type", "LineString");
      wrong (v, "not a Polygon or MultiPolygon", code);
      break;
    case 2:
      json_object_set_int_member (json_object_get_object_member (feat, "geometry"), "type", 7);
      wrong (v, "not a Polygon or MultiPolygon", code);
      break;
    case 3:
      json_object_set_string_member (feat, "type", "Topology");
      wrong (v, "not a Feature", code);
      break;
    case 4:
      json_object_set_null_member (feat, "properties");
      wrong (v, "has no properties", NULL);
      break;
    case 5:
      json_object_set_null_member (feat, "geometry");
      wrong (v, "has no geometry", code);
      break;
    case 6:
      json_object_set_member (json_object_get_object_member (feat, "geometry"), "coordinates",
                              json_from_string ("{\"a\":1}", NULL));
      wrong (v, "has no coordinates", code);
      break;
    case 7:
      json_array_remove_element (pos, 1);
      json_array_add_string_element (pos, "52.9");
      wrong (v, "not a pair of numbers", code);
      break;
    case 8:
      json_array_remove_element (pos, 1);
      wrong (v, "not a pair of numbers", code);
      break;
    case 9:
      json_array_add_int_element (pos, 1);
      json_array_add_int_element (pos, 2);
      wrong (v, "not a pair of numbers", code);
      break;
    case 10:
      json_object_set_int_member (props, "ward_code", 5012270);
      wrong (v, "no ward code", NULL);
      break;
    case 11:
      json_array_remove_element (features (f->doc), i);
      json_array_add_int_element (features (f->doc), 42);
      wrong (v, "not a GeoJSON object", NULL);
      break;
    case 12:
      json_object_set_string_member (json_node_get_object (f->doc), "type", "Feature");
      wrong (v, "not a GeoJSON FeatureCollection", NULL);
      break;
    default:
      set_coordinates (f->doc, i, "Polygon", "[[1,2,3,4,5]]");
      wrong (v, "not a list of points", code);
      break;
    }
}

static void
m_no_code (Fuzz *f, Variant *v)
{
  guint i = pick (f);

  json_object_remove_member (json_object_get_object_member (feature (f->doc, i), "properties"), "ward_code");
  wrong (v, "has no \"ward_code\" property", NULL);
}

static void
m_unknown_code (Fuzz *f, Variant *v)
{
  guint i = pick (f);
  JsonObject *props = json_object_get_object_member (feature (f->doc, i), "properties");

  json_object_set_string_member (props, "ward_code", g_rand_boolean (f->rand) ? "E05999999" : "W05000999");
  wrong (v, "not in the database", code_of (f->doc, i));
}

static void
m_authority_code (Fuzz *f, Variant *v)
{
  guint i = pick (f);
  JsonObject *props = json_object_get_object_member (feature (f->doc, i), "properties");

  json_object_set_string_member (props, "ward_code", f->authority_code);
  wrong (v, "local authority", f->authority_code);
}

static void
m_authority_property (Fuzz *f, Variant *v)
{
  gboolean explicit = g_rand_boolean (f->rand);

  for (guint i = 0; i < f->n; i++)
    {
      JsonObject *props = json_object_get_object_member (feature (f->doc, i), "properties");

      if (!explicit)
        json_object_remove_member (props, "ward_code");
      json_object_set_string_member (props, "LAD23CD", f->authority_code);
    }
  if (explicit)
    v->property = g_strdup ("LAD23CD");
  wrong (v, "local authority", "LAD23CD");
}

static void
m_british_national_grid (Fuzz *f, Variant *v)
{
  if (g_rand_boolean (f->rand))
    {
      json_object_set_member (json_node_get_object (f->doc), "crs", json_from_string (
        g_rand_boolean (f->rand) ? "{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::27700\"}}"
                                 : "{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:27700\"}}", NULL));
      wrong (v, "British National Grid \\(EPSG:27700.*ogr2ogr", NULL);
    }
  else
    {
      /* roughly eastings and northings */
      Affine t = { 460000 + 1.2 * 68000, 68000, 340000 - 52.9 * 111000, 111000 };

      for (guint i = 0; i < f->n; i++)
        each_feature_position (f->doc, i, affine, &t);
      wrong (v, "British National Grid \\(EPSG:27700\\) eastings and northings.*ogr2ogr", code_of (f->doc, 0));
    }
}

static void
m_other_crs (Fuzz *f, Variant *v)
{
  json_object_set_member (json_node_get_object (f->doc), "crs", json_from_string (
    "{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::3857\"}}", NULL));
  wrong (v, "coordinate system \"urn:ogc:def:crs:EPSG::3857\"", NULL);
}

static void
m_exchange_codes (Fuzz *f, Variant *v)
{
  guint i = pick (f), j = pick (f);
  JsonObject *a, *b;
  g_autofree char *ca = NULL, *cb = NULL;

  if (i == j)
    j = (i + 1) % f->n;
  a = json_object_get_object_member (feature (f->doc, i), "properties");
  b = json_object_get_object_member (feature (f->doc, j), "properties");
  ca = g_strdup (json_object_get_string_member (a, "ward_code"));
  cb = g_strdup (json_object_get_string_member (b, "ward_code"));
  json_object_set_string_member (a, "ward_code", cb);
  json_object_set_string_member (b, "ward_code", ca);
  wrong (v, "stored centroid", MIN (i, j) == i ? cb : ca);
}

static void
m_huge_number (Fuzz *f, Variant *v)
{
  /* (not -1e308: json-glib writes it as "-1e+308.0") */
  static const struct { double value; int axis; } huge[] = {
    { 1e300, -1 }, { -1.5e308, -1 }, { 1.7976931348623157e308, -1 }, { 4e15, -1 }, { -181, 0 }, { 90.5, 1 } };
  guint h = g_rand_int_range (f->rand, 0, G_N_ELEMENTS (huge));
  int axis = huge[h].axis >= 0 ? huge[h].axis : g_rand_int_range (f->rand, 0, 2);
  guint i = pick (f);
  JsonArray *ring = first_ring (f->doc, i);
  JsonArray *p = json_array_get_array_element (ring, g_rand_int_range (f->rand, 1, json_array_get_length (ring) - 1));

  set_xy (p, axis == 0 ? huge[h].value : px (p), axis == 1 ? huge[h].value : py (p));
  wrong (v, "not longitude/latitude", code_of (f->doc, i));
}

/* text mutations: on the file as written */

static void
m_truncate (Fuzz *f, Variant *v)
{
  gsize len = strlen (v->text);

  v->text[g_rand_int_range (f->rand, 1, len - 1)] = '\0';
  wrong (v, "not valid JSON", NULL);
}

static void
m_nan (Fuzz *f, Variant *v)
{
  static const char *tokens[] = { "NaN", "Infinity", "-Infinity", "nan", "inf", "1e999999", "0x10", "--1", "1.2.3" };
  GString *s = g_string_new (v->text);
  const char *token = tokens[g_rand_int_range (f->rand, 0, G_N_ELEMENTS (tokens))];
  /* a number: after "[" (a position's first) or "," inside a position */
  gsize start, end;

  do
    start = g_rand_int_range (f->rand, 0, s->len - 2);
  while (!(s->str[start] == '[' && (g_ascii_isdigit (s->str[start + 1]) || s->str[start + 1] == '-')));
  start++;
  for (end = start; end < s->len && strchr ("0123456789.eE+-", s->str[end]); end++)
    ;
  g_string_erase (s, start, end - start);
  g_string_insert (s, start, token);
  g_free (v->text);
  v->text = g_string_free (s, FALSE);
  wrong (v, g_ascii_strncasecmp (token, "nan", 3) == 0 || strstr (token, "nf") != NULL
            ? "not valid JSON .*JSON has no NaN or Infinity"
            : "not valid JSON|not longitude/latitude", NULL);
}

static void
m_deep_nesting (Fuzz *f, Variant *v)
{
  guint depth = g_rand_boolean (f->rand) ? 100000 : 1000 + g_rand_int_range (f->rand, 0, 5000);
  GString *s = g_string_sized_new (strlen (v->text) + 2 * depth);
  const char *at;

  if (g_rand_boolean (f->rand))
    {
      /* the whole file, deep inside arrays */
      for (guint k = 0; k < depth; k++)
        g_string_append_c (s, '[');
      g_string_append (s, v->text);
      for (guint k = 0; k < depth; k++)
        g_string_append_c (s, ']');
      wrong (v, depth > 10000 ? "nests lists far more deeply than GeoJSON needs"
                              : "nests lists far more deeply|not a GeoJSON FeatureCollection", NULL);
    }
  else
    {
      /* one position of the first feature, deep inside arrays */
      at = strstr (v->text, "[[[");
      g_assert_nonnull (at);
      g_string_append_len (s, v->text, at + 3 - v->text);
      for (guint k = 0; k < depth; k++)
        g_string_append_c (s, '[');
      at += 3;
      {
        const char *close = strchr (at, ']');
        g_string_append_len (s, at, close + 1 - at);
        for (guint k = 0; k < depth; k++)
          g_string_append_c (s, ']');
        g_string_append (s, close + 1);
      }
      wrong (v, "not valid JSON|not a pair of numbers|not a list of points|not closed", NULL);
    }
  g_free (v->text);
  v->text = g_string_free (s, FALSE);
}

static void
m_byte_order_mark (Fuzz *f, Variant *v)
{
  g_autofree char *text = v->text;

  v->text = g_strconcat ("\xEF\xBB\xBF", g_rand_boolean (f->rand) ? "\r\n " : "", text, "\r\n", NULL);
  v->good = TRUE;
}

static void
m_garbage (Fuzz *f, Variant *v)
{
  static const char *texts[] = { "", " ", "null", "[]", "{}", "\"FeatureCollection\"",
                                 "{\"type\":\"FeatureCollection\"}",
                                 "{\"type\":\"FeatureCollection\",\"features\":[]}",
                                 "{\"type\":\"FeatureCollection\",\"features\":{}}" };

  g_free (v->text);
  v->text = g_strdup (texts[g_rand_int_range (f->rand, 0, G_N_ELEMENTS (texts))]);
  wrong (v, "not valid JSON|not a GeoJSON FeatureCollection|has no features", NULL);
}

typedef struct {
  const char *name;
  void      (*func) (Fuzz *f, Variant *v);
  gboolean    on_text;
} Mutation;

static const Mutation mutations[] = {
  { "identity", m_identity, FALSE },
  { "shuffle", m_shuffle, FALSE },
  { "subset", m_subset, FALSE },
  { "reverse-ring", m_reverse_ring, FALSE },
  { "extras", m_extras, FALSE },
  { "crs84", m_crs84, FALSE },
  { "as-multipolygon", m_as_multipolygon, FALSE },
  { "midpoint", m_midpoint, FALSE },
  { "rotate-start", m_rotate_start, FALSE },
  { "drop-vertex", m_drop_vertex, FALSE },
  { "repeat-vertex", m_repeat_vertex, FALSE },
  { "nudge", m_nudge, FALSE },
  { "rename-property", m_rename_property, FALSE },
  { "swap-axes", m_swap_axes, FALSE },
  { "swap-axes-all", m_swap_axes_all, FALSE },
  { "shift", m_shift, FALSE },
  { "scale", m_scale, FALSE },
  { "too-few-points", m_too_few_points, FALSE },
  { "open-ring", m_open_ring, FALSE },
  { "duplicate", m_duplicate, FALSE },
  { "zero-area", m_zero_area, FALSE },
  { "empty-part", m_empty_part, FALSE },
  { "wrong-type", m_wrong_type, FALSE },
  { "no-code", m_no_code, FALSE },
  { "unknown-code", m_unknown_code, FALSE },
  { "authority-code", m_authority_code, FALSE },
  { "authority-property", m_authority_property, FALSE },
  { "british-national-grid", m_british_national_grid, FALSE },
  { "other-crs", m_other_crs, FALSE },
  { "exchange-codes", m_exchange_codes, FALSE },
  { "huge-number", m_huge_number, FALSE },
  { "truncate", m_truncate, TRUE },
  { "nan", m_nan, TRUE },
  { "deep-nesting", m_deep_nesting, TRUE },
  { "garbage", m_garbage, TRUE },
  { "byte-order-mark", m_byte_order_mark, TRUE },
};

/* ---- checking one variant ------------------------------------------------ */

typedef struct {
  guint  accepted, refused;
  guint  count[G_N_ELEMENTS (mutations)];
  gint64 time[G_N_ELEMENTS (mutations)];
} Tally;

/* What is stored after an accepted import is the file's geometry, and each
 * boundary of the authority is sound on its own terms. */
static void
check_stored (const Variant *v, const char *count)
{
  const char *params[] = { v->text, v->key ? v->key : "ward_code" };
  PGresult *r = exec (
    "SELECT w.ward_code, w.boundary::text, f.value IS NOT NULL,"
    "       w.boundary = jsonb_build_object('type', f.value->'geometry'->'type',"
    "                                       'coordinates', f.value->'geometry'->'coordinates')"
    "  FROM fh.ward w"
    "  LEFT JOIN jsonb_array_elements(ltrim($1, U&'\\FEFF')::jsonb->'features') f ON w.ward_code = f.value->'properties'->>$2"
    " WHERE w.boundary IS NOT NULL AND w.authority_id = (SELECT min(authority_id) FROM fh.ward)", 2, params);
  int in_file = 0;

  g_assert_cmpint (PQresultStatus (r), ==, PGRES_TUPLES_OK);
  g_assert_cmpint (PQntuples (r), ==, wards->len);
  for (int row = 0; row < PQntuples (r); row++)
    {
      const Ward *w = find_ward (PQgetvalue (r, row, 0));
      g_autoptr(GError) error = NULL;
      g_autoptr(FhGeometry) g = fh_geometry_parse (PQgetvalue (r, row, 1), &error);

      /* a ward in the file holds exactly the file's geometry */
      if (g_str_equal (PQgetvalue (r, row, 2), "t"))
        {
          in_file++;
          g_assert_cmpstr (PQgetvalue (r, row, 3), ==, "t");
        }
      /* and every boundary is sound */
      g_assert_nonnull (w);
      g_assert_no_error (error);
      g_assert_false (fh_geometry_is_empty (g));
      if (!fh_geometry_contains (g, w->lon, w->lat))
        g_error ("%s: ward %s does not hold its own centroid after import", v->name, w->code);
      for (guint o = 0; o < wards->len; o++)
        {
          const Ward *other = g_ptr_array_index (wards, o);
          if (other != w && fh_geometry_contains (g, other->lon, other->lat))
            g_error ("%s: ward %s holds the centroid of %s after import", v->name, w->code, other->code);
        }
    }
  g_assert_cmpint (in_file, ==, atoi (count));
  PQclear (r);
}

static void
check_variant (const Variant *v, const char *before, Tally *tally, guint index)
{
  const char *params[] = { v->text, v->property };
  PGresult *r;

  if (v->good)
    command ("BEGIN");
  r = exec ("SELECT fh.import_ward_boundaries($1, $2)", 2, params);
  if (v->good)
    {
      if (PQresultStatus (r) != PGRES_TUPLES_OK)
        g_error ("variant %u (%s) is right but was refused: %s", index, v->name,
                 PQresultErrorField (r, PG_DIAG_MESSAGE_PRIMARY));
      check_stored (v, PQgetvalue (r, 0, 0));
      PQclear (r);
      command ("ROLLBACK");
      tally->accepted++;
    }
  else
    {
      const char *message = PQresultErrorField (r, PG_DIAG_MESSAGE_PRIMARY);
      const char *state = PQresultErrorField (r, PG_DIAG_SQLSTATE);
      g_autofree char *after = NULL;

      if (PQresultStatus (r) == PGRES_TUPLES_OK)
        g_error ("variant %u (%s) is wrong but was accepted (%s wards)", index, v->name, PQgetvalue (r, 0, 0));
      if (g_strcmp0 (state, "22023") != 0)
        g_error ("variant %u (%s) failed with %s, not a refusal: %s", index, v->name, state, message);
      if (!g_regex_match_simple (v->reason, message, 0, 0))
        g_error ("variant %u (%s): the message does not say /%s/: %s", index, v->name, v->reason, message);
      if (v->ward != NULL && strstr (message, v->ward) == NULL)
        g_error ("variant %u (%s): the message does not name %s: %s", index, v->name, v->ward, message);
      PQclear (r);
      after = fingerprint ();
      g_assert_cmpstr (after, ==, before);
      tally->refused++;
    }
}

static void
fuzz (const char *good, guint n_variants, guint seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree char *before = NULL;
  const char *params[] = { good, NULL };
  Tally tally = { 0 };
  gint64 start = g_get_monotonic_time ();
  PGresult *r;

  /* The good file is stored first, so a refusal has something to spoil. */
  r = exec ("SELECT fh.import_ward_boundaries($1, $2)", 2, params);
  if (PQresultStatus (r) != PGRES_TUPLES_OK)
    g_error ("the good file is refused: %s", PQerrorMessage (conn));
  g_assert_cmpint (atoi (PQgetvalue (r, 0, 0)), ==, wards->len);
  PQclear (r);
  before = fingerprint ();

  for (guint k = 0; k < n_variants; k++)
    {
      const Mutation *m = &mutations[k % G_N_ELEMENTS (mutations)];
      gint64 t0 = g_get_monotonic_time ();
      Fuzz f = { rand, json_from_string (good, NULL), 0, authority_code };
      Variant v = { 0 };

      f.n = json_array_get_length (features (f.doc));
      v.name = m->name;
      if (m->on_text)
        {
          v.text = json_to_string (f.doc, FALSE);
          m->func (&f, &v);
        }
      else
        {
          m->func (&f, &v);
          v.text = json_to_string (f.doc, FALSE);
        }
      /* each accepted variant leaves 20 dead row versions behind (it is
       * rolled back); scanning them all would slow every later check */
      if (k % 100 == 99)
        command ("VACUUM fh.ward");
      check_variant (&v, before, &tally, k);
      tally.count[k % G_N_ELEMENTS (mutations)]++;
      tally.time[k % G_N_ELEMENTS (mutations)] += g_get_monotonic_time () - t0;
      json_node_unref (f.doc);
      variant_clear (&v);
    }

  for (guint m = 0; m < G_N_ELEMENTS (mutations); m++)
    g_test_message ("%-22s %4u variants, %6.1f ms each", mutations[m].name, tally.count[m],
                    tally.count[m] ? tally.time[m] / 1e3 / tally.count[m] : 0.0);
  g_test_message ("%u variants: %u right ones accepted and verified, %u wrong ones refused with"
                  " the reason, the database unchanged; %.1f s",
                  n_variants, tally.accepted, tally.refused,
                  (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (tally.accepted + tally.refused, ==, n_variants);
  g_assert_cmpuint (tally.accepted, >, n_variants / 5);
  g_assert_cmpuint (tally.refused, >, n_variants / 2);
}

static void
test_generated (void)
{
  g_autofree char *good = generated_file ();

  fuzz (good, G_N_ELEMENTS (mutations) * 60, SEED);
}

static void
test_reference_file (void)
{
  const char *shared = g_getenv ("FH_SHARED_DIR");
  g_autofree char *dir = shared ? g_strdup (shared)
                                : g_build_filename (g_getenv ("FH_SOURCE_ROOT"), "..", "shared", NULL);
  g_autofree char *path = g_build_filename (dir, "data", "nottingham-wards.geojson", NULL);
  g_autofree char *good = NULL;

  if (!g_file_get_contents (path, &good, NULL, NULL))
    {
      g_test_skip ("../shared/data/nottingham-wards.geojson is not here");
      return;
    }
  fuzz (good, G_N_ELEMENTS (mutations) * 5, SEED + 1);
}

int
main (int argc, char *argv[])
{
  const char *conninfo = g_getenv ("FH_OWNER_CONNINFO");
  int status;

  g_test_init (&argc, &argv, NULL);
  if (conninfo == NULL || g_getenv ("FH_SOURCE_ROOT") == NULL)
    {
      g_printerr ("FH_OWNER_CONNINFO and FH_SOURCE_ROOT are not set: run through meson and run-with-postgres.sh\n");
      return 1;
    }
  conn = PQconnectdb (conninfo);
  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  load_wards ();
  command ("CREATE TEMPORARY TABLE saved_boundary AS SELECT ward_code, boundary FROM fh.ward");

  g_test_add_func ("/boundary-fuzz/generated", test_generated);
  g_test_add_func ("/boundary-fuzz/reference-file", test_reference_file);
  status = g_test_run ();

  /* Leave the boundaries as they were. */
  command ("UPDATE fh.ward w SET boundary = s.boundary FROM saved_boundary s WHERE s.ward_code = w.ward_code");
  PQfinish (conn);
  return status;
}
