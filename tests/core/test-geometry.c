/* test-geometry.c — GeoJSON boundaries: parsing, holes, projection
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "fh-geometry.h"

static void
test_polygon (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FhGeometry) g = fh_geometry_parse (
    "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[0,2],[2,2],[2,0],[0,0]]]}", &error);
  double cx, cy;

  g_assert_no_error (error);
  g_assert_cmpuint (fh_geometry_get_n_polygons (g), ==, 1);
  g_assert_cmpuint (fh_geometry_get_n_rings (g, 0), ==, 1);
  g_assert_cmpuint (fh_geometry_get_ring (g, 0, 0)->len, ==, 5);
  g_assert_true (fh_geometry_contains (g, 1, 1));
  g_assert_false (fh_geometry_contains (g, 3, 1));
  g_assert_true (fh_geometry_centroid (g, &cx, &cy));
  g_assert_cmpfloat_with_epsilon (cx, 1, 1e-12);
  g_assert_cmpfloat_with_epsilon (cy, 1, 1e-12);
}

static void
test_hole_and_multipolygon (void)
{
  g_autoptr(GError) error = NULL;
  /* a 4×4 square with a 2×2 hole in the middle, and a separate 1×1 square */
  g_autoptr(FhGeometry) g = fh_geometry_parse (
    "{\"type\":\"MultiPolygon\",\"coordinates\":["
    "[[[0,0],[4,0],[4,4],[0,4],[0,0]],[[1,1],[1,3],[3,3],[3,1],[1,1]]],"
    "[[[10,10],[11,10],[11,11],[10,11],[10,10]]]]}", &error);
  FhBounds bounds;
  double cx, cy;

  g_assert_no_error (error);
  g_assert_cmpuint (fh_geometry_get_n_polygons (g), ==, 2);
  g_assert_cmpuint (fh_geometry_get_n_rings (g, 0), ==, 2);
  g_assert_true (fh_geometry_contains (g, 0.5, 0.5));
  g_assert_false (fh_geometry_contains (g, 2, 2));     /* in the hole */
  g_assert_true (fh_geometry_contains (g, 10.5, 10.5));
  g_assert_false (fh_geometry_contains (g, 7, 7));

  fh_bounds_init (&bounds);
  fh_geometry_extend_bounds (g, &bounds);
  g_assert_cmpfloat (bounds.min_x, ==, 0);
  g_assert_cmpfloat (bounds.max_x, ==, 11);

  {
    g_autoptr(FhGeometry) copy = fh_geometry_copy (g);
    g_assert_cmpuint (fh_geometry_get_n_rings (copy, 0), ==, 2);
    g_assert_false (fh_geometry_contains (copy, 2, 2));
    g_assert_true (fh_geometry_get_ring (copy, 0, 0) != fh_geometry_get_ring (g, 0, 0));
  }

  /* area 16 - 4 = 12 centred on (2,2), plus area 1 at (10.5,10.5) */
  g_assert_true (fh_geometry_centroid (g, &cx, &cy));
  g_assert_cmpfloat_with_epsilon (cx, (12 * 2 + 1 * 10.5) / 13, 1e-12);
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FhGeometry) a = fh_geometry_parse ("{\"type\":\"Polygon\",\"coordinates\":[]}", &error);
  g_autoptr(FhGeometry) b = fh_geometry_parse ("{\"type\":\"MultiPolygon\",\"coordinates\":[]}", &error);
  double x, y;

  g_assert_no_error (error);
  g_assert_true (fh_geometry_is_empty (a));
  g_assert_true (fh_geometry_is_empty (b));
  g_assert_false (fh_geometry_centroid (a, &x, &y));
  g_assert_false (fh_geometry_contains (a, 0, 0));
}

static void
test_malformed (void)
{
  struct { const char *json; int code; } cases[] = {
    { "not json at all", FH_GEOMETRY_ERROR_INVALID_JSON },
    { "[1,2,3]", FH_GEOMETRY_ERROR_INVALID_JSON },
    /* json-glib takes a scalar with an object after it (and leaks the object) */
    { "true{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[0,2],[2,2],[0,0]]]}", FH_GEOMETRY_ERROR_INVALID_JSON },
    { "{\"type\":\"Point\",\"coordinates\":[0,0]}", FH_GEOMETRY_ERROR_UNSUPPORTED_TYPE },
    { "{\"coordinates\":[]}", FH_GEOMETRY_ERROR_UNSUPPORTED_TYPE },
    { "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[0,1],[1,1]]]}", FH_GEOMETRY_ERROR_BAD_RING },
    { "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[0,1],[1,1],[1,0]]]}", FH_GEOMETRY_ERROR_BAD_RING },
    { "{\"type\":\"Polygon\",\"coordinates\":[[[0,\"a\"],[0,1],[1,1],[0,\"a\"]]]}", FH_GEOMETRY_ERROR_BAD_COORDINATES },
    { "{\"type\":\"Polygon\",\"coordinates\":[[[0],[0,1],[1,1],[0]]]}", FH_GEOMETRY_ERROR_BAD_COORDINATES },
    { "{\"type\":\"Polygon\",\"coordinates\":{\"a\":1}}", FH_GEOMETRY_ERROR_BAD_COORDINATES },
    { "{\"type\":\"MultiPolygon\",\"coordinates\":[7]}", FH_GEOMETRY_ERROR_BAD_COORDINATES },
    { "{\"type\":\"Polygon\",\"coordinates\":[[[455000,342000],[456000,342000],[456000,343000],[455000,342000]]]}",
      FH_GEOMETRY_ERROR_NOT_LONGITUDE_LATITUDE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FhGeometry) g = fh_geometry_parse (cases[i].json, &error);

      g_assert_null (g);
      g_assert_error (error, FH_GEOMETRY_ERROR, cases[i].code);
    }
}

/* The projection keeps distances east and north in proportion at the city's
 * latitude: 0.01° of longitude at 53°N is about 0.6 of 0.01° of latitude. */
static void
test_projection (void)
{
  double x, y;

  fh_project_point (-1.14, 52.95, -1.15, 52.95, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 0.01 * G_PI / 180 * cos (52.95 * G_PI / 180) * 6371008.8, 1e-6);
  g_assert_cmpfloat_with_epsilon (y, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (x, 669.5, 1.0);
  fh_project_point (-1.15, 52.96, -1.15, 52.95, &x, &y);
  g_assert_cmpfloat_with_epsilon (y, -1111.9, 1.0);  /* north is up: y decreases */

  {
    FhBounds b = { 0, 0, 200, 100 };
    double scale, ox, oy;

    fh_bounds_fit (&b, 10, 10, 400, 400, &scale, &ox, &oy);
    g_assert_cmpfloat (scale, ==, 2);
    g_assert_cmpfloat (ox, ==, 10);
    g_assert_cmpfloat (oy, ==, 10 + 100);  /* centred vertically */
  }
}

/* The reference city's ONS file, when ../shared is here. */
static void
test_reference_boundaries (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("FH_SOURCE_ROOT") ? g_getenv ("FH_SOURCE_ROOT") : ".",
                                            "..", "shared", "data", "nottingham-wards.geojson", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *features;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    {
      g_test_skip ("../shared/data/nottingham-wards.geojson is not here");
      return;
    }
  g_assert_true (json_parser_load_from_data (parser, contents, -1, NULL));
  features = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "features");
  g_assert_cmpuint (json_array_get_length (features), ==, 20);

  for (guint i = 0; i < 20; i++)
    {
      JsonObject *f = json_array_get_object_element (features, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(FhGeometry) g = fh_geometry_parse_node (json_object_get_member (f, "geometry"), &error);
      double cx, cy;

      g_assert_no_error (error);
      g_assert_cmpuint (fh_geometry_get_n_polygons (g), ==, 1);
      g_assert_true (fh_geometry_centroid (g, &cx, &cy));
      /* every Nottingham ward lies in this box */
      g_assert_cmpfloat (cx, >, -1.25);
      g_assert_cmpfloat (cx, <, -1.08);
      g_assert_cmpfloat (cy, >, 52.88);
      g_assert_cmpfloat (cy, <, 53.02);
    }
}

/* json-glib's parser recurses once per level: a million '[' would take the
 * stack (it does today: a segfault). The depth is checked on the raw text
 * before json-glib sees it. */
static void
test_deep_nesting (void)
{
  const guint depth = 1000000;
  g_autofree char *deep = g_malloc (2 * depth + 64);
  g_autoptr(GError) error = NULL;
  g_autoptr(FhGeometry) g = NULL;
  char *p = deep;

  p = g_stpcpy (p, "{\"type\":\"Polygon\",\"coordinates\":");
  memset (p, '[', depth);
  p += depth;
  memset (p, ']', depth);
  p += depth;
  strcpy (p, "}");

  g = fh_geometry_parse (deep, &error);
  g_assert_null (g);
  g_assert_error (error, FH_GEOMETRY_ERROR, FH_GEOMETRY_ERROR_TOO_DEEP);

  /* unbalanced: only opening brackets */
  g_clear_error (&error);
  deep[depth] = '\0';
  memset (deep, '{', depth);
  g_assert_null (fh_geometry_parse (deep, &error));
  g_assert_error (error, FH_GEOMETRY_ERROR, FH_GEOMETRY_ERROR_TOO_DEEP);
}

static void
test_nesting_limit (void)
{
  GString *s = g_string_new ("{\"type\":\"Polygon\",\"name\":\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\","
                             "\"coordinates\":[[[0,0],[0,2],[2,2],[2,0],[0,0]]],\"extra\":");
  g_autoptr(GError) error = NULL;
  FhGeometry *g;

  /* brackets inside strings do not count; up to the limit is allowed */
  for (guint k = 0; k < FH_GEOMETRY_MAX_DEPTH - 1; k++)
    g_string_append_c (s, '[');
  for (guint k = 0; k < FH_GEOMETRY_MAX_DEPTH - 1; k++)
    g_string_append_c (s, ']');
  g_string_append_c (s, '}');
  g = fh_geometry_parse (s->str, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fh_geometry_get_n_polygons (g), ==, 1);
  fh_geometry_free (g);

  /* one more level is refused */
  g_string_insert_c (s, s->len - 1 - (FH_GEOMETRY_MAX_DEPTH - 1), '[');
  g_string_insert_c (s, s->len - 1, ']');
  g = fh_geometry_parse (s->str, &error);
  g_assert_null (g);
  g_assert_error (error, FH_GEOMETRY_ERROR, FH_GEOMETRY_ERROR_TOO_DEEP);
  g_string_free (s, TRUE);
}

/* Thousands of mangled boundaries, from a fixed seed: each is either refused
 * with an error or parsed into rings that are closed, at least four points
 * long and inside longitude/latitude ranges. Never a crash. */
static void
test_fuzz (void)
{
  static const char *good =
    "{\"type\":\"MultiPolygon\",\"coordinates\":["
    "[[[-1.2,52.9],[-1.1,52.9],[-1.1,53.0],[-1.2,53.0],[-1.2,52.9]],"
    "[[-1.17,52.93],[-1.17,52.95],[-1.15,52.95],[-1.17,52.93]]],"
    "[[[-1.3,52.8],[-1.25,52.8],[-1.25,52.85],[-1.3,52.8]]]]}";
  static const char *inserts[] = { "[", "]", "{", "}", ",", "0", "-", "1e999", "NaN", "\"", "null",
                                   "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", "1e308", "\\", ":", "true" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261126);
  guint parsed = 0, refused = 0;

  for (guint k = 0; k < 5000; k++)
    {
      GString *s = g_string_new (good);
      g_autoptr(GError) error = NULL;
      FhGeometry *g;
      guint edits = g_rand_int_range (rand, 1, 4);

      for (guint e = 0; e < edits && s->len > 0; e++)
        {
          guint at = g_rand_int_range (rand, 0, s->len);
          guint span = g_rand_int_range (rand, 1, 8);

          switch (g_rand_int_range (rand, 0, 4))
            {
            case 0: g_string_erase (s, at, MIN (s->len - at, span)); break;
            case 1: g_string_insert (s, at, inserts[g_rand_int_range (rand, 0, G_N_ELEMENTS (inserts))]); break;
            case 2: g_string_truncate (s, at); break;
            default: s->str[at] = (char) g_rand_int_range (rand, 32, 127); break;
            }
        }

      g = fh_geometry_parse (s->str, &error);
      if (g == NULL)
        {
          g_assert_nonnull (error);
          g_assert_true (error->domain == FH_GEOMETRY_ERROR);
          refused++;
        }
      else
        {
          g_assert_no_error (error);
          for (guint pi = 0; pi < fh_geometry_get_n_polygons (g); pi++)
            for (guint r = 0; r < fh_geometry_get_n_rings (g, pi); r++)
              {
                GArray *ring = fh_geometry_get_ring (g, pi, r);
                FhPoint *first = &g_array_index (ring, FhPoint, 0);
                FhPoint *last = &g_array_index (ring, FhPoint, ring->len - 1);

                g_assert_cmpuint (ring->len, >=, 4);
                g_assert_true (first->x == last->x && first->y == last->y);
                for (guint i = 0; i < ring->len; i++)
                  {
                    FhPoint *pt = &g_array_index (ring, FhPoint, i);
                    g_assert_true (isfinite (pt->x) && fabs (pt->x) <= 180);
                    g_assert_true (isfinite (pt->y) && fabs (pt->y) <= 90);
                  }
              }
          fh_geometry_free (g);
          parsed++;
        }
      g_string_free (s, TRUE);
    }
  g_test_message ("5000 mangled boundaries: %u parsed and sound, %u refused", parsed, refused);
  g_assert_cmpuint (parsed + refused, ==, 5000);
  g_assert_cmpuint (refused, >, 2500);
  g_assert_cmpuint (parsed, >, 50);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/geometry/polygon", test_polygon);
  g_test_add_func ("/geometry/hole-and-multipolygon", test_hole_and_multipolygon);
  g_test_add_func ("/geometry/empty", test_empty);
  g_test_add_func ("/geometry/malformed", test_malformed);
  g_test_add_func ("/geometry/projection", test_projection);
  g_test_add_func ("/geometry/reference-boundaries", test_reference_boundaries);
  g_test_add_func ("/geometry/deep-nesting", test_deep_nesting);
  g_test_add_func ("/geometry/nesting-limit", test_nesting_limit);
  g_test_add_func ("/geometry/fuzz", test_fuzz);

  return g_test_run ();
}
