/* test-map-chart.c — the ward map: classes, no data, selection, both styles
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "fh-chart-export.h"
#include "fh-map-chart.h"

/* A 4×3 grid of square "wards" near Nottingham, values 100..1200, one missing. */
static FhMapChart *
grid_map (gboolean with_boundaries)
{
  FhMapChart *map = fh_map_chart_new ();

  fh_chart_set_title (FH_CHART (map), "Referral rates are highest in the north-west");
  fh_chart_set_value_label (FH_CHART (map), "Referrals per 10,000 children aged 0–17");
  fh_chart_set_caption (FH_CHART (map), "Source: test data.");
  for (int i = 0; i < 12; i++)
    {
      int col = i % 4, row = i / 4;
      double lon = -1.20 + col * 0.02, lat = 53.00 - row * 0.02;
      g_autofree char *code = g_strdup_printf ("W%02d", i);
      g_autofree char *name = g_strdup_printf ("Ward %d", i);
      g_autofree char *json = g_strdup_printf (
        "{\"type\":\"Polygon\",\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}",
        lon, lat, lon + 0.02, lat, lon + 0.02, lat - 0.02, lon, lat - 0.02, lon, lat);
      FhGeometry *g = with_boundaries ? fh_geometry_parse (json, NULL) : NULL;

      fh_map_chart_add_ward (map, code, name, i == 5 ? NAN : 100.0 * (i + 1), g, lon + 0.01, lat - 0.01);
    }
  return map;
}

static guint32
pixel_at (cairo_surface_t *s, double x, double y)
{
  unsigned char *data = cairo_image_surface_get_data (s);
  int stride = cairo_image_surface_get_stride (s);

  return *(guint32 *) (data + (int) y * stride + (int) x * 4) & 0x00ffffff;
}

static guint32
rgb (FhColor c)
{
  return ((guint32) round (c.r * 255) << 16) | ((guint32) round (c.g * 255) << 8) | (guint32) round (c.b * 255);
}

static void
check_map (FhMapChart *map, FhMapStyle expected_style)
{
  cairo_surface_t *image = fh_chart_render_image (FH_CHART (map), 900, 600, 1.0);
  FhMapWard lowest, highest, missing;

  g_assert_cmpint (fh_map_chart_get_drawn_style (map), ==, expected_style);
  g_assert_true (fh_map_chart_get_ward (map, 0, &lowest));
  g_assert_true (fh_map_chart_get_ward (map, 11, &highest));
  g_assert_true (fh_map_chart_get_ward (map, 5, &missing));

  g_assert_cmpint (lowest.class_index, ==, 0);
  g_assert_cmpint (highest.class_index, ==, (int) fh_map_chart_get_n_classes (map) - 1);
  /* no data is its own thing, not the lowest class */
  g_assert_cmpint (missing.class_index, ==, -1);

  /* the fill reaches the pixels: sample a little off the label */
  g_assert_cmphex (pixel_at (image, highest.label_x, highest.label_y + 12 + (expected_style == FH_MAP_BOUNDARIES ? 10 : 0)), ==, rgb (highest.fill));
  g_assert_cmphex (pixel_at (image, lowest.label_x - 14, lowest.label_y + 14), ==, rgb (lowest.fill));
  g_assert_cmphex (rgb (highest.fill), ==, 0x12436D);     /* darkest for the highest */
  g_assert_cmphex (rgb (lowest.fill), !=, 0x12436D);

  /* hovering over a ward finds it */
  g_assert_cmpint (fh_map_chart_hit_test (map, highest.label_x, highest.label_y + 10), ==, 11);
  g_assert_cmpint (fh_map_chart_hit_test (map, 2, 2), ==, -1);
  cairo_surface_destroy (image);
}

static void
test_boundaries (void)
{
  g_autoptr(FhMapChart) map = grid_map (TRUE);
  check_map (map, FH_MAP_BOUNDARIES);
}

static void
test_hexagons_when_boundaries_missing (void)
{
  g_autoptr(FhMapChart) map = grid_map (FALSE);
  check_map (map, FH_MAP_HEXAGONS);
  /* asked for boundaries the data do not have: still hexagons */
  fh_map_chart_set_style (map, FH_MAP_BOUNDARIES);
  check_map (map, FH_MAP_HEXAGONS);
}

/* A narrow chart (a small window, or 200% text) keeps its map: the legend
 * goes under it instead of beside it, and the wards spread over most of the
 * width rather than a corner. */
static void
test_narrow_legend_below (void)
{
  g_autoptr(FhMapChart) map = grid_map (FALSE);
  cairo_surface_t *image = fh_chart_render_image (FH_CHART (map), 300, 560, 1.0);
  double min_x = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;

  for (guint i = 0; i < fh_map_chart_get_n_wards (map); i++)
    {
      FhMapWard w;

      g_assert_true (fh_map_chart_get_ward (map, i, &w));
      min_x = MIN (min_x, w.label_x);
      max_x = MAX (max_x, w.label_x);
      max_y = MAX (max_y, w.label_y);
    }
  /* 4 columns of hexagons over more than half of 300 pt */
  g_assert_cmpfloat (max_x - min_x, >, 150);
  /* the legend's darkest key sits under the lowest ward, at the left margin */
  {
    FhMapWard highest;
    gboolean found = FALSE;

    g_assert_true (fh_map_chart_get_ward (map, 11, &highest));
    for (int y = (int) max_y + 20; y < 540 && !found; y++)
      for (int x = 0; x < 60 && !found; x++)
        found = pixel_at (image, x, y) == rgb (highest.fill);
    g_assert_true (found);
  }
  cairo_surface_destroy (image);
}

static void
test_legend_and_csv (void)
{
  g_autoptr(FhMapChart) map = grid_map (TRUE);
  g_autofree char *first = NULL, *last = NULL, *csv = NULL, *alt = NULL;
  guint n = fh_map_chart_get_n_classes (map);

  g_assert_cmpuint (n, ==, 5);
  first = fh_map_chart_get_class_label (map, 0);
  last = fh_map_chart_get_class_label (map, n - 1);
  g_assert_true (g_str_has_prefix (first, "Under "));
  g_assert_true (g_str_has_suffix (last, " and over"));

  csv = fh_chart_to_csv (FH_CHART (map));
  g_assert_true (g_str_has_prefix (csv, "Ward code,Ward,\"Referrals per 10,000 children aged 0–17\"\r\nW00,Ward 0,100.0\r\n"));
  g_assert_nonnull (strstr (csv, "W05,Ward 5,\r\n"));
  alt = fh_chart_get_alt_text (FH_CHART (map));
  g_assert_cmpstr (alt, ==, "Highest in Ward 11, 1,200.0 per 10,000; lowest Ward 0, 100.0; 1 with no data.");
  fh_map_chart_set_reference (map, 650.26, "City");
  g_free (alt);
  alt = fh_chart_get_alt_text (FH_CHART (map));
  g_assert_true (g_str_has_suffix (alt, "; City 650.3; 1 with no data."));
}

static void
test_selection (void)
{
  g_autoptr(FhMapChart) map = grid_map (FALSE);
  cairo_surface_t *image;
  FhMapWard w;

  fh_map_chart_set_selected (map, "W06");
  image = fh_chart_render_image (FH_CHART (map), 900, 600, 1.0);
  g_assert_true (fh_map_chart_get_ward (map, 6, &w));
  g_assert_true (w.selected);
  g_assert_true (fh_map_chart_get_ward (map, 7, &w));
  g_assert_false (w.selected);
  cairo_surface_destroy (image);
}

/* FH_CHART_SAMPLE_DIR=/tmp/x keeps the reference city's map to look at. */
static void
test_reference_city_sample (void)
{
  const char *dir = g_getenv ("FH_CHART_SAMPLE_DIR");
  g_autofree char *path = g_build_filename (g_getenv ("FH_SOURCE_ROOT") ? g_getenv ("FH_SOURCE_ROOT") : ".",
                                            "..", "shared", "data", "nottingham-wards.geojson", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(FhMapChart) geo = fh_map_chart_new ();
  g_autoptr(FhMapChart) hex = fh_map_chart_new ();
  JsonArray *features;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    {
      g_test_skip ("../shared/data/nottingham-wards.geojson is not here");
      return;
    }
  g_assert_true (json_parser_load_from_data (parser, contents, -1, NULL));
  features = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "features");
  for (guint i = 0; i < json_array_get_length (features); i++)
    {
      JsonObject *f = json_array_get_object_element (features, i);
      JsonObject *props = json_object_get_object_member (f, "properties");
      FhGeometry *g = fh_geometry_parse_node (json_object_get_member (f, "geometry"), NULL);
      double cx = NAN, cy = NAN;

      fh_geometry_centroid (g, &cx, &cy);
      fh_map_chart_add_ward (geo, json_object_get_string_member (props, "ward_code"),
                             json_object_get_string_member (props, "ward_name"),
                             i == 7 ? NAN : 1000 + 80.0 * i, g, cx, cy);
      fh_map_chart_add_ward (hex, json_object_get_string_member (props, "ward_code"),
                             json_object_get_string_member (props, "ward_name"),
                             i == 7 ? NAN : 1000 + 80.0 * i, NULL, cx, cy);
    }
  fh_map_chart_set_selected (geo, "E05012270");
  fh_map_chart_set_selected (hex, "E05012270");
  fh_chart_set_title (FH_CHART (geo), "Test values by ward");
  fh_chart_set_title (FH_CHART (hex), "Test values by ward (hex map)");
  g_assert_cmpuint (fh_map_chart_get_n_wards (geo), ==, 20);

  {
    cairo_surface_t *image = fh_chart_render_image (FH_CHART (geo), 800, 700, 1.0);
    FhMapWard aspley, bulwell, clifton;

    g_assert_cmpint (fh_map_chart_get_drawn_style (geo), ==, FH_MAP_BOUNDARIES);
    fh_map_chart_get_ward (geo, 0, &aspley);
    fh_map_chart_get_ward (geo, 5, &bulwell);
    fh_map_chart_get_ward (geo, 8, &clifton);
    /* north at the top: Bulwell above Clifton East */
    g_assert_cmpfloat (bulwell.label_y, <, clifton.label_y);
    g_assert_cmpint (fh_map_chart_hit_test (geo, aspley.label_x, aspley.label_y), ==, 0);
    cairo_surface_destroy (image);
  }

  if (dir != NULL)
    {
      g_autofree char *a = g_build_filename (dir, "map-boundaries.png", NULL);
      g_autofree char *b = g_build_filename (dir, "map-hexagons.png", NULL);
      g_assert_true (fh_chart_export_png (FH_CHART (geo), a, 560, 480, 144, NULL));
      g_assert_true (fh_chart_export_png (FH_CHART (hex), b, 560, 480, 144, NULL));
      {
        g_autofree char *pdf = g_build_filename (dir, "map-boundaries.pdf", NULL);
        /* A4 landscape, as in a board paper */
        g_assert_true (fh_chart_export_pdf (FH_CHART (geo), pdf, 842, 595, NULL));
      }
    }
}

/* Every ward 0 (nothing this month): one class, in the lightest blue, and
 * the legend and the summary say they are all the same; before, all were
 * the darkest blue under "0 and over". */
static void
test_all_zero (void)
{
  g_autoptr(FhMapChart) map = fh_map_chart_new ();
  g_autofree char *label = NULL, *alt = NULL;
  cairo_surface_t *image;

  fh_chart_set_value_label (FH_CHART (map), "Referrals per 10,000 children aged 0–17");
  for (int i = 0; i < 12; i++)
    {
      g_autofree char *code = g_strdup_printf ("W%02d", i);
      g_autofree char *name = g_strdup_printf ("Ward %d", i);

      fh_map_chart_add_ward (map, code, name, i == 5 ? NAN : 0.0, NULL,
                             -1.19 + (i % 4) * 0.02, 52.99 - (i / 4) * 0.02);
    }
  image = fh_chart_render_image (FH_CHART (map), 900, 600, 1.0);
  g_assert_cmpuint (fh_map_chart_get_n_classes (map), ==, 1);
  label = fh_map_chart_get_class_label (map, 0);
  g_assert_cmpstr (label, ==, "All 0");
  for (guint i = 0; i < 12; i++)
    {
      FhMapWard w;

      g_assert_true (fh_map_chart_get_ward (map, i, &w));
      if (i == 5)
        {
          g_assert_true (w.no_data);
          continue;
        }
      g_assert_cmpint (w.class_index, ==, 0);
      g_assert_cmphex (rgb (w.fill), ==, 0xD6E8F8);      /* the lightest step */
      g_assert_cmphex (pixel_at (image, w.label_x - 14, w.label_y + 14), ==, 0xD6E8F8);
    }
  alt = fh_chart_get_alt_text (FH_CHART (map));
  g_assert_cmpstr (alt, ==, "All 11 the same, 0.0 per 10,000; 1 with no data.");
  cairo_surface_destroy (image);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/charts/map/boundaries", test_boundaries);
  g_test_add_func ("/charts/map/hexagons-when-boundaries-missing", test_hexagons_when_boundaries_missing);
  g_test_add_func ("/charts/map/legend-and-csv", test_legend_and_csv);
  g_test_add_func ("/charts/map/narrow-legend-below", test_narrow_legend_below);
  g_test_add_func ("/charts/map/selection", test_selection);
  g_test_add_func ("/charts/map/all-zero", test_all_zero);
  g_test_add_func ("/charts/map/reference-city", test_reference_city_sample);
  return g_test_run ();
}
