/* fh-map-chart.c — a choropleth of wards: real boundaries or a hex map
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Classes come from fh-class-breaks (quantiles, rounded) and the Analysis
 * Function's sequential blues, lightest for the lowest class. Wards with no
 * data are light grey with a dotted outline and say so in the legend: never
 * the lowest class. Wards whose figure was suppressed are hatched and marked
 * "c" (fh_chart_hatch_path()), with their own key in the legend: never a
 * class and never "no data". The selected ward has a heavy outline and a bold label, so
 * colour is never the only signal.
 */
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "fh-chart-frame.h"
#include "fh-chart-summary.h"
#include "fh-class-breaks.h"
#include "fh-hex-layout.h"
#include "fh-map-chart.h"

#define MARGIN     FH_CHART_MARGIN
#define SMALL_PT   FH_CHART_SMALL_PT
#define LABEL_PT    8.0
#define N_CLASSES   5
#define LEGEND_W  170.0
#define MARK_PT    10.0
/* a suppressed ward's name sits this far above its centre, its "c" below */
#define SUPPRESSED_SHIFT 6.0

typedef struct {
  char       *code;
  char       *name;
  double      value;
  gboolean    suppressed;
  FhGeometry *boundary;      /* lon/lat */
  FhGeometry *projected;     /* metres, set at draw */
  double      lon, lat;
  FhHexCell   cell;
  double      label_x, label_y;
} Ward;

struct _FhMapChart
{
  FhChart        parent_instance;

  GPtrArray     *wards;          /* of Ward */
  FhMapStyle     style;
  char          *selected;
  double         reference;
  char          *reference_label;

  /* from the last draw */
  FhClassBreaks *breaks;
  FhMapStyle     drawn_style;
  double         scale, offset_x, offset_y, min_x, min_y;
  double         hex_size, hex_origin_x, hex_origin_y;
};

G_DEFINE_FINAL_TYPE (FhMapChart, fh_map_chart, FH_TYPE_CHART)

static void
ward_free (gpointer data)
{
  Ward *w = data;

  g_free (w->code);
  g_free (w->name);
  g_clear_pointer (&w->boundary, fh_geometry_free);
  g_clear_pointer (&w->projected, fh_geometry_free);
  g_free (w);
}

static void
changed (FhMapChart *self)
{
  g_clear_pointer (&self->breaks, fh_class_breaks_free);
  fh_chart_emit_changed (FH_CHART (self));
}

static void
ensure_breaks (FhMapChart *self)
{
  g_autofree double *values = NULL;

  if (self->breaks != NULL)
    return;
  values = g_new (double, MAX (self->wards->len, 1));
  for (guint i = 0; i < self->wards->len; i++)
    {
      Ward *w = g_ptr_array_index (self->wards, i);
      values[i] = w->suppressed ? NAN : w->value;
    }
  self->breaks = fh_class_breaks_new (values, self->wards->len, N_CLASSES);
}

static FhColor
class_colour (FhMapChart *self, int class_index)
{
  guint n = fh_class_breaks_get_n_classes (self->breaks);

  if (class_index < 0)
    return fh_chart_theme_background ();
  /* one class (every ward 0, say): nothing stands out, so the lightest
   * step, not the darkest, which would say "highest" */
  if (n == 1)
    return fh_chart_theme_sequential (0, 5);
  return fh_chart_theme_sequential (class_index, n);
}

/* Boundaries only when every ward has one: asked for without them, the
 * map would draw no shapes and pile the labels in a corner. */
static FhMapStyle
choose_style (FhMapChart *self)
{
  if (self->style == FH_MAP_HEXAGONS)
    return self->style;
  for (guint i = 0; i < self->wards->len; i++)
    {
      Ward *w = g_ptr_array_index (self->wards, i);
      if (w->boundary == NULL || fh_geometry_is_empty (w->boundary))
        return FH_MAP_HEXAGONS;
    }
  return self->wards->len > 0 ? FH_MAP_BOUNDARIES : FH_MAP_HEXAGONS;
}

/* ---- layout of the two styles ------------------------------------------ */

static void
layout_boundaries (FhMapChart *self, double x, double y, double w, double h)
{
  FhBounds lonlat, projected;
  double lon0, lat0;

  fh_bounds_init (&lonlat);
  for (guint i = 0; i < self->wards->len; i++)
    fh_geometry_extend_bounds (((Ward *) g_ptr_array_index (self->wards, i))->boundary, &lonlat);
  lon0 = (lonlat.min_x + lonlat.max_x) / 2;
  lat0 = (lonlat.min_y + lonlat.max_y) / 2;

  fh_bounds_init (&projected);
  for (guint i = 0; i < self->wards->len; i++)
    {
      Ward *ward = g_ptr_array_index (self->wards, i);

      g_clear_pointer (&ward->projected, fh_geometry_free);
      ward->projected = fh_geometry_project (ward->boundary, lon0, lat0);
      fh_geometry_extend_bounds (ward->projected, &projected);
    }
  self->min_x = projected.min_x;
  self->min_y = projected.min_y;
  fh_bounds_fit (&projected, x, y, w, h, &self->scale, &self->offset_x, &self->offset_y);

  for (guint i = 0; i < self->wards->len; i++)
    {
      Ward *ward = g_ptr_array_index (self->wards, i);
      double cx = 0, cy = 0;

      fh_geometry_centroid (ward->projected, &cx, &cy);
      ward->label_x = (cx - self->min_x) * self->scale + self->offset_x;
      ward->label_y = (cy - self->min_y) * self->scale + self->offset_y;
    }
}

static void
layout_hexagons (FhMapChart *self, double x, double y, double w, double h)
{
  g_autofree FhHexInput *input = g_new0 (FhHexInput, MAX (self->wards->len, 1));
  g_autofree FhHexCell *cells = NULL;
  double min_x = INFINITY, max_x = -INFINITY, min_y = INFINITY, max_y = -INFINITY;

  for (guint i = 0; i < self->wards->len; i++)
    {
      Ward *ward = g_ptr_array_index (self->wards, i);
      input[i] = (FhHexInput) { ward->code, ward->lon, ward->lat };
    }
  cells = fh_hex_layout_compute (input, self->wards->len);

  for (guint i = 0; i < self->wards->len; i++)
    {
      double cx, cy;

      fh_hex_cell_center (cells[i], 1.0, &cx, &cy);
      min_x = MIN (min_x, cx - 0.8660254); max_x = MAX (max_x, cx + 0.8660254);
      min_y = MIN (min_y, cy - 1.0);       max_y = MAX (max_y, cy + 1.0);
      ((Ward *) g_ptr_array_index (self->wards, i))->cell = cells[i];
    }
  if (self->wards->len == 0)
    return;

  self->hex_size = MIN (w / (max_x - min_x), h / (max_y - min_y));
  self->hex_origin_x = x + (w - (max_x - min_x) * self->hex_size) / 2 - min_x * self->hex_size;
  self->hex_origin_y = y + (h - (max_y - min_y) * self->hex_size) / 2 - min_y * self->hex_size;

  for (guint i = 0; i < self->wards->len; i++)
    {
      Ward *ward = g_ptr_array_index (self->wards, i);
      double cx, cy;

      fh_hex_cell_center (ward->cell, self->hex_size, &cx, &cy);
      ward->label_x = cx + self->hex_origin_x;
      ward->label_y = cy + self->hex_origin_y;
    }
}

/* ---- drawing ------------------------------------------------------------ */

static void
path_boundary (FhMapChart *self, cairo_t *cr, Ward *ward)
{
  for (guint p = 0; p < fh_geometry_get_n_polygons (ward->projected); p++)
    for (guint r = 0; r < fh_geometry_get_n_rings (ward->projected, p); r++)
      {
        GArray *ring = fh_geometry_get_ring (ward->projected, p, r);

        for (guint i = 0; i < ring->len; i++)
          {
            FhPoint *pt = &g_array_index (ring, FhPoint, i);
            double sx = (pt->x - self->min_x) * self->scale + self->offset_x;
            double sy = (pt->y - self->min_y) * self->scale + self->offset_y;

            if (i == 0)
              cairo_move_to (cr, sx, sy);
            else
              cairo_line_to (cr, sx, sy);
          }
        cairo_close_path (cr);
      }
}

static void
path_hexagon (FhMapChart *self, cairo_t *cr, Ward *ward)
{
  double r = self->hex_size * 0.96;

  for (int k = 0; k < 6; k++)
    {
      double angle = G_PI / 180 * (60 * k - 30);
      double px = ward->label_x + r * cos (angle);
      double py = ward->label_y + r * sin (angle);

      if (k == 0)
        cairo_move_to (cr, px, py);
      else
        cairo_line_to (cr, px, py);
    }
  cairo_close_path (cr);
}

/* Breaks are rounded to two significant figures: when they are whole
 * numbers the legend needs no decimals. */
static guint
legend_decimals (FhMapChart *self)
{
  /* one class is labelled by its values themselves ("All 12.5") */
  if (fh_class_breaks_get_n_classes (self->breaks) == 1
      && !(fh_class_breaks_is_uniform (self->breaks)
           && fh_class_breaks_get_lower (self->breaks, 0) == floor (fh_class_breaks_get_lower (self->breaks, 0))))
    return fh_chart_get_value_decimals (FH_CHART (self));
  for (guint i = 1; i < fh_class_breaks_get_n_classes (self->breaks); i++)
    {
      double b = fh_class_breaks_get_lower (self->breaks, i);
      if (b != floor (b))
        return fh_chart_get_value_decimals (FH_CHART (self));
    }
  return 0;
}

/* How many rows the legend has: the classes, then "suppressed" and "no
 * data" when any ward is. */
static guint
legend_rows (FhMapChart *self)
{
  gboolean any_missing = FALSE, any_suppressed = FALSE;

  for (guint i = 0; i < self->wards->len; i++)
    {
      Ward *w = g_ptr_array_index (self->wards, i);

      any_suppressed |= w->suppressed;
      any_missing |= !w->suppressed && isnan (w->value);
    }
  return fh_class_breaks_get_n_classes (self->breaks) + any_suppressed + any_missing;
}

static void
draw_legend (FhMapChart *self, cairo_t *cr, double x, double y)
{
  FhColor text = fh_chart_theme_text ();
  FhColor edge = fh_chart_theme_muted_text ();
  guint n = fh_class_breaks_get_n_classes (self->breaks);
  gboolean any_missing = FALSE, any_suppressed = FALSE;
  double sy = y;

  for (guint i = 0; i < self->wards->len; i++)
    {
      Ward *w = g_ptr_array_index (self->wards, i);

      any_suppressed |= w->suppressed;
      any_missing |= !w->suppressed && isnan (w->value);
    }

  /* highest class first, as a reader scans down from "most"; then
   * suppressed, then no data */
  for (guint k = 0; k < n + 2; k++)
    {
      g_autofree char *label = NULL;
      g_autoptr(PangoLayout) l = NULL;

      if ((k == n && !any_suppressed) || (k == n + 1 && !any_missing))
        continue;
      label = k < n ? fh_class_breaks_get_label (self->breaks, n - 1 - k, legend_decimals (self))
              : k == n ? g_strdup (fh_chart_suppressed_note ())
              : g_strdup (_("No data"));
      cairo_new_path (cr);
      cairo_rectangle (cr, x, sy, 18, 14);
      if (k < n)
        {
          FhColor fill = class_colour (self, n - 1 - k);
          fh_color_apply (&fill, cr);
          cairo_fill_preserve (cr);
        }
      else if (k == n)
        fh_chart_hatch_path (cr);
      else
        fh_chart_no_data_path (cr);
      fh_color_apply (&edge, cr);
      cairo_set_line_width (cr, 0.75);
      if (k == n + 1)
        cairo_new_path (cr);   /* keeps its dotted outline */
      cairo_stroke (cr);
      l = fh_chart_text_layout (cr, label, SMALL_PT, FALSE);
      fh_chart_show_layout (cr, l, x + 24, sy + 7 - fh_layout_height (l) / 2, &text);
      sy += 22;
    }
}

typedef struct { double x1, y1, x2, y2; } Box;

static gboolean
overlaps (GArray *boxes, Box b)
{
  for (guint i = 0; i < boxes->len; i++)
    {
      Box *o = &g_array_index (boxes, Box, i);
      if (b.x1 < o->x2 && o->x1 < b.x2 && b.y1 < o->y2 && o->y1 < b.y2)
        return TRUE;
    }
  return FALSE;
}

/* Labels with a white halo; in the boundary map a label that would collide
 * with one already placed is left out (the selected ward's goes first), so
 * those shown stay readable. Hexagons always have room for theirs. */
static void
draw_labels (FhMapChart *self, cairo_t *cr, FhMapStyle style)
{
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (Box));
  FhColor text = fh_chart_theme_text ();

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->wards->len; i++)
      {
        Ward *ward = g_ptr_array_index (self->wards, i);
        gboolean selected = g_strcmp0 (ward->code, self->selected) == 0;
        g_autoptr(PangoLayout) l = NULL;
        double lw, lh, lx, ly;
        Box b;

        if ((pass == 0) != selected)
          continue;
        l = fh_chart_text_layout (cr, ward->name, LABEL_PT, selected);
        if (style == FH_MAP_HEXAGONS)
          {
            pango_layout_set_width (l, self->hex_size * 1.55 * PANGO_SCALE);
            pango_layout_set_wrap (l, PANGO_WRAP_WORD);
            pango_layout_set_alignment (l, PANGO_ALIGN_CENTER);
            pango_layout_set_ellipsize (l, PANGO_ELLIPSIZE_END);
            /* a suppressed ward's "c" goes under a one-line name */
            pango_layout_set_height (l, ward->suppressed ? -1 : -2);
          }
        {
          PangoRectangle logical;

          /* centre the text itself, not the box a wrapped layout is given */
          pango_layout_get_extents (l, NULL, &logical);
          lw = (double) logical.width / PANGO_SCALE;
          lh = (double) logical.height / PANGO_SCALE;
          lx = ward->label_x - (double) logical.x / PANGO_SCALE - lw / 2;
        }
        ly = ward->suppressed ? ward->label_y - SUPPRESSED_SHIFT - lh / 2 : ward->label_y - lh / 2;
        b = (Box) { ward->label_x - lw / 2 - 2, ly - 1, ward->label_x + lw / 2 + 2, ly + lh + 1 };
        if (style == FH_MAP_BOUNDARIES && !selected && overlaps (boxes, b))
          continue;
        g_array_append_val (boxes, b);

        cairo_move_to (cr, lx, ly);
        pango_cairo_layout_path (cr, l);
        {
          FhColor halo = fh_chart_theme_background ();

          halo.a = 0.85;
          fh_color_apply (&halo, cr);
        }
        cairo_set_line_width (cr, 3);
        cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
        cairo_stroke (cr);
        fh_chart_show_layout (cr, l, lx, ly, &text);
      }

  /* every suppressed ward says so, whether or not its name found room */
  for (guint i = 0; i < self->wards->len; i++)
    {
      Ward *ward = g_ptr_array_index (self->wards, i);

      if (ward->suppressed)
        fh_chart_draw_suppressed_mark (cr, ward->label_x, ward->label_y + SUPPRESSED_SHIFT, MARK_PT);
    }
}

static void
fh_map_chart_draw (FhChart *chart, cairo_t *cr, double width, double height)
{
  FhMapChart *self = FH_MAP_CHART (chart);
  FhColor text = fh_chart_theme_text ();
  double inner_w = width - 2 * MARGIN, top, bottom;
  double map_x, map_y, map_w, map_h, legend_h;
  gboolean legend_below;
  FhMapStyle style;

  ensure_breaks (self);
  top = fh_chart_draw_heading (cr, width, fh_chart_get_title (FH_CHART (self)), fh_chart_get_value_label (FH_CHART (self)));
  bottom = fh_chart_draw_chart_caption (cr, chart, width, height);

  map_x = MARGIN;
  map_y = top;
  /* beside the map when there is room for both (the legend's width is a
   * chart's width over 2.5 or less), else under it: a narrow chart (a small
   * window, large text) keeps its map instead of squeezing it to a corner */
  legend_below = inner_w < 2.5 * LEGEND_W;
  legend_h = legend_rows (self) * 22.0;
  map_w = legend_below ? MAX (inner_w, 10) : MAX (inner_w - LEGEND_W - 12, 10);
  map_h = MAX (bottom - top - (legend_below ? legend_h + 8 : 0), 10);

  style = choose_style (self);
  self->drawn_style = style;
  if (style == FH_MAP_BOUNDARIES)
    layout_boundaries (self, map_x, map_y, map_w, map_h);
  else
    layout_hexagons (self, map_x, map_y, map_w, map_h);

  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  for (guint i = 0; i < self->wards->len; i++)
    {
      Ward *ward = g_ptr_array_index (self->wards, i);
      int k = ward->suppressed ? -1 : fh_class_breaks_classify (self->breaks, ward->value);

      cairo_new_path (cr);
      if (style == FH_MAP_BOUNDARIES)
        path_boundary (self, cr, ward);
      else
        path_hexagon (self, cr, ward);
      if (k >= 0)
        {
          FhColor fill = class_colour (self, k);
          fh_color_apply (&fill, cr);
          cairo_fill_preserve (cr);
        }
      else if (ward->suppressed)
        fh_chart_hatch_path (cr);
      else
        {
          /* no data: its dotted outline stays visible */
          fh_chart_no_data_path (cr);
          cairo_new_path (cr);
          continue;
        }
      /* an edge of 3:1 or more: the lightest classes and no data are
       * too close to the background to stand on their fill alone */
      {
        FhColor edge = fh_chart_theme_edge ();

        fh_color_apply (&edge, cr);
      }
      cairo_set_line_width (cr, fh_chart_theme_stroke (0.75));
      cairo_stroke (cr);
    }

  /* the selected ward on top, outlined heavily */
  for (guint i = 0; i < self->wards->len; i++)
    {
      Ward *ward = g_ptr_array_index (self->wards, i);

      if (g_strcmp0 (ward->code, self->selected) != 0)
        continue;
      cairo_new_path (cr);
      if (style == FH_MAP_BOUNDARIES)
        path_boundary (self, cr, ward);
      else
        path_hexagon (self, cr, ward);
      fh_color_apply (&text, cr);
      cairo_set_line_width (cr, fh_chart_theme_stroke (3));
      cairo_stroke (cr);
    }

  draw_labels (self, cr, style);
  if (legend_below)
    draw_legend (self, cr, MARGIN, map_y + map_h + 8);
  else
    draw_legend (self, cr, width - MARGIN - LEGEND_W, map_y + 8);
}

/* ---- FhChart ------------------------------------------------------------ */


static char *
to_csv (FhChart *chart)
{
  FhMapChart *self = FH_MAP_CHART (chart);
  GString *csv = g_string_new (NULL);
  gboolean note = fh_chart_get_has_suppressed (chart);

  fh_csv_append_field (csv, _("Ward code"), FALSE);
  fh_csv_append_field (csv, _("Ward"), FALSE);
  fh_csv_append_field (csv, fh_chart_get_value_label (FH_CHART (self)) ?: _("Value"), !note);
  if (note)
    fh_csv_append_note (csv, TRUE, FALSE);
  for (guint i = 0; i < self->wards->len; i++)
    {
      Ward *w = g_ptr_array_index (self->wards, i);
      g_autofree char *v = w->suppressed ? g_strdup (FH_FORMAT_SUPPRESSED)
                           : fh_format_csv_number (w->value, fh_chart_get_value_decimals (FH_CHART (self)));

      fh_csv_append_field (csv, w->code, FALSE);
      fh_csv_append_field (csv, w->name, FALSE);
      fh_csv_append_field (csv, v, !note);
      if (note)
        fh_csv_append_note (csv, FALSE, w->suppressed);
    }
  return g_string_free (csv, FALSE);
}

static char *
get_alt_text (FhChart *chart)
{
  FhMapChart *self = FH_MAP_CHART (chart);
  guint n = self->wards->len;
  g_autofree const char **labels = g_new0 (const char *, n + 1);
  g_autofree double *values = g_new0 (double, n + 1);
  g_autofree gboolean *suppressed = g_new0 (gboolean, n + 1);

  for (guint i = 0; i < n; i++)
    {
      Ward *w = g_ptr_array_index (self->wards, i);

      labels[i] = w->name;
      values[i] = w->value;
      suppressed[i] = w->suppressed;
    }
  return fh_chart_summary_extremes (labels, values, suppressed, n, fh_chart_get_value_decimals (chart),
                                    fh_chart_get_value_label (chart), self->reference, self->reference_label);
}

/* ---- items: one per ward, in the order added ------------------------------- */

static guint
map_get_n_items (FhChart *chart)
{
  return FH_MAP_CHART (chart)->wards->len;
}

static char *
map_get_item_label (FhChart *chart, guint item)
{
  FhMapChart *self = FH_MAP_CHART (chart);
  Ward *w = g_ptr_array_index (self->wards, item);
  g_autofree char *value = w->suppressed ? g_strdup (FH_FORMAT_SUPPRESSED)
                                         : fh_format_number (w->value, fh_chart_get_value_decimals (chart));

  if (g_strcmp0 (w->code, self->selected) == 0)
    /* Translators: a ward read out on the map, "Aspley, 2,673.9, selected" */
    return g_strdup_printf (_("%s, %s, selected"), w->name, value);
  return g_strdup_printf ("%s, %s", w->name, value);
}

static gboolean
map_get_item_bounds (FhChart *chart, guint item, double *x, double *y, double *w, double *h)
{
  FhMapChart *self = FH_MAP_CHART (chart);
  Ward *ward = g_ptr_array_index (self->wards, item);

  if (self->drawn_style == FH_MAP_BOUNDARIES)
    {
      FhBounds b;

      if (ward->projected == NULL)
        return FALSE;
      fh_bounds_init (&b);
      fh_geometry_extend_bounds (ward->projected, &b);
      if (b.max_x < b.min_x)
        return FALSE;
      *x = (b.min_x - self->min_x) * self->scale + self->offset_x;
      *y = (b.min_y - self->min_y) * self->scale + self->offset_y;
      *w = (b.max_x - b.min_x) * self->scale;
      *h = (b.max_y - b.min_y) * self->scale;
      if (*h < 0)
        {
          *y += *h;
          *h = -*h;
        }
      return TRUE;
    }
  if (self->hex_size <= 0)
    return FALSE;
  *x = ward->label_x - self->hex_size * 0.8660254;
  *y = ward->label_y - self->hex_size;
  *w = self->hex_size * 2 * 0.8660254;
  *h = self->hex_size * 2;
  return TRUE;
}

static int
map_hit_item (FhChart *chart, double x, double y)
{
  return fh_map_chart_hit_test (FH_MAP_CHART (chart), x, y);
}

void
fh_map_chart_set_reference (FhMapChart *self,
                            double      value,
                            const char *label)
{
  g_return_if_fail (FH_IS_MAP_CHART (self));

  self->reference = value;
  g_free (self->reference_label);
  self->reference_label = g_strdup (label);
  fh_chart_emit_changed (FH_CHART (self));
}

static void
chart_class_init (FhChartClass *iface)
{
  iface->draw = fh_map_chart_draw;
  iface->to_csv = to_csv;
  iface->get_alt_text = get_alt_text;
  iface->get_n_items = map_get_n_items;
  iface->get_item_label = map_get_item_label;
  iface->get_item_bounds = map_get_item_bounds;
  iface->hit_item = map_hit_item;
}

/* ---- GObject and API ------------------------------------------------------ */

static void
fh_map_chart_finalize (GObject *object)
{
  FhMapChart *self = FH_MAP_CHART (object);

  g_free (self->selected);
  g_free (self->reference_label);
  g_ptr_array_unref (self->wards);
  g_clear_pointer (&self->breaks, fh_class_breaks_free);

  G_OBJECT_CLASS (fh_map_chart_parent_class)->finalize (object);
}

static void
fh_map_chart_class_init (FhMapChartClass *klass)
{
  chart_class_init (FH_CHART_CLASS (klass));
  G_OBJECT_CLASS (klass)->finalize = fh_map_chart_finalize;
}

static void
fh_map_chart_init (FhMapChart *self)
{
  self->wards = g_ptr_array_new_with_free_func (ward_free);
  self->reference = NAN;
}

FhMapChart *
fh_map_chart_new (void)
{
  return g_object_new (FH_TYPE_MAP_CHART, NULL);
}


void
fh_map_chart_clear (FhMapChart *self)
{
  g_return_if_fail (FH_IS_MAP_CHART (self));
  g_ptr_array_set_size (self->wards, 0);
  fh_chart_set_has_suppressed (FH_CHART (self), FALSE);
  changed (self);
}

void
fh_map_chart_add_ward (FhMapChart *self,
                       const char *code,
                       const char *name,
                       double      value,
                       FhGeometry *boundary,
                       double      centroid_lon,
                       double      centroid_lat)
{
  Ward *w;

  g_return_if_fail (FH_IS_MAP_CHART (self));
  g_return_if_fail (code != NULL);

  w = g_new0 (Ward, 1);
  w->code = g_strdup (code);
  w->name = g_strdup (name ? name : code);
  w->value = value;
  w->boundary = boundary;
  w->lon = centroid_lon;
  w->lat = centroid_lat;
  g_ptr_array_add (self->wards, w);
  changed (self);
}

void
fh_map_chart_set_suppressed (FhMapChart *self,
                             const char *code,
                             gboolean    suppressed)
{
  gboolean any = FALSE;

  g_return_if_fail (FH_IS_MAP_CHART (self));
  g_return_if_fail (code != NULL);

  for (guint i = 0; i < self->wards->len; i++)
    {
      Ward *w = g_ptr_array_index (self->wards, i);

      if (g_strcmp0 (w->code, code) == 0)
        w->suppressed = !!suppressed;
      any |= w->suppressed;
    }
  fh_chart_set_has_suppressed (FH_CHART (self), any);
  changed (self);
}

void
fh_map_chart_set_style (FhMapChart *self, FhMapStyle style)
{
  g_return_if_fail (FH_IS_MAP_CHART (self));
  self->style = style;
  changed (self);
}

FhMapStyle
fh_map_chart_get_drawn_style (FhMapChart *self)
{
  g_return_val_if_fail (FH_IS_MAP_CHART (self), FH_MAP_HEXAGONS);
  return self->drawn_style;
}

void
fh_map_chart_set_selected (FhMapChart *self, const char *code)
{
  g_return_if_fail (FH_IS_MAP_CHART (self));
  g_free (self->selected);
  self->selected = g_strdup (code);
  fh_chart_emit_changed (FH_CHART (self));
}

guint
fh_map_chart_get_n_wards (FhMapChart *self)
{
  g_return_val_if_fail (FH_IS_MAP_CHART (self), 0);
  return self->wards->len;
}

gboolean
fh_map_chart_get_ward (FhMapChart *self, guint i, FhMapWard *out)
{
  Ward *w;

  g_return_val_if_fail (FH_IS_MAP_CHART (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  if (i >= self->wards->len)
    return FALSE;

  ensure_breaks (self);
  w = g_ptr_array_index (self->wards, i);
  out->code = w->code;
  out->name = w->name;
  out->suppressed = w->suppressed;
  out->value = w->suppressed ? NAN : w->value;
  out->no_data = !w->suppressed && isnan (w->value);
  out->class_index = fh_class_breaks_classify (self->breaks, out->value);
  out->fill = w->suppressed ? fh_chart_theme_background ()
              : out->no_data ? fh_chart_theme_no_data () : class_colour (self, out->class_index);
  out->selected = g_strcmp0 (w->code, self->selected) == 0;
  out->label_x = w->label_x;
  out->label_y = w->label_y;
  return TRUE;
}

guint
fh_map_chart_get_n_classes (FhMapChart *self)
{
  g_return_val_if_fail (FH_IS_MAP_CHART (self), 0);
  ensure_breaks (self);
  return fh_class_breaks_get_n_classes (self->breaks);
}

char *
fh_map_chart_get_class_label (FhMapChart *self, guint i)
{
  g_return_val_if_fail (FH_IS_MAP_CHART (self), NULL);
  ensure_breaks (self);
  return fh_class_breaks_get_label (self->breaks, i, legend_decimals (self));
}

int
fh_map_chart_hit_test (FhMapChart *self, double x, double y)
{
  g_return_val_if_fail (FH_IS_MAP_CHART (self), -1);

  if (self->drawn_style == FH_MAP_BOUNDARIES)
    {
      double px = (x - self->offset_x) / self->scale + self->min_x;
      double py = (y - self->offset_y) / self->scale + self->min_y;

      for (guint i = 0; i < self->wards->len; i++)
        {
          Ward *w = g_ptr_array_index (self->wards, i);
          if (w->projected != NULL && fh_geometry_contains (w->projected, px, py))
            return i;
        }
      return -1;
    }

  if (self->hex_size <= 0)
    return -1;
  {
    FhHexCell c = fh_hex_cell_at (x - self->hex_origin_x, y - self->hex_origin_y, self->hex_size);

    for (guint i = 0; i < self->wards->len; i++)
      {
        Ward *w = g_ptr_array_index (self->wards, i);
        if (w->cell.q == c.q && w->cell.r == c.r)
          return i;
      }
  }
  return -1;
}
