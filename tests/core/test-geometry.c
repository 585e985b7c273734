/* test-geometry.c — GeoJSON boundaries: parsing, holes, projection
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

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

  return g_test_run ();
}
