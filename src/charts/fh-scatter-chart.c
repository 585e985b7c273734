/* fh-scatter-chart.c — one point per ward, e.g. demand against deprivation
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The selected ward is a larger point in the focus colour with a bold label;
 * the highest and lowest wards are labelled too, so the chart can be read
 * without hovering.
 */
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "fh-chart-frame.h"
#include "fh-scatter-chart.h"

#define MARGIN   FH_CHART_MARGIN
#define TEXT_PT  FH_CHART_TEXT_PT
#define SMALL_PT FH_CHART_SMALL_PT

typedef struct {
  char   *id;
  char   *label;
  double  x, y;
  double  sx, sy;   /* drawn position */
} Point;

struct _FhScatterChart
{
  FhChart    parent_instance;
  char      *x_label, *y_label, *selected;
  GArray    *points;   /* of Point */
};

G_DEFINE_FINAL_TYPE (FhScatterChart, fh_scatter_chart, FH_TYPE_CHART)

static void
point_clear (gpointer data)
{
  Point *p = data;
  g_free (p->id);
  g_free (p->label);
}

static void
fh_scatter_chart_draw (FhChart *chart, cairo_t *cr, double width, double height)
{
  FhScatterChart *self = FH_SCATTER_CHART (chart);
  FhColor text = fh_chart_theme_text (), muted = fh_chart_theme_muted_text ();
  FhColor grid = fh_chart_theme_grid ();
  FhColor focus = fh_chart_theme_focus (), context = fh_chart_theme_context ();
  double inner_w = width - 2 * MARGIN, top = fh_chart_draw_heading (cr, width, fh_chart_get_title (FH_CHART (self)), self->y_label) + 2;
  double bottom = height - MARGIN;
  double min_x = INFINITY, max_x = -INFINITY, max_y = 0, sx, sy, px, py, pw, ph;
  int hi = -1, lo = -1;
  guint missing = 0;
  for (guint i = 0; i < self->points->len; i++)
    {
      Point *p = &g_array_index (self->points, Point, i);
      if (isnan (p->x) || isnan (p->y)) { missing++; continue; }
      min_x = MIN (min_x, p->x); max_x = MAX (max_x, p->x); max_y = MAX (max_y, p->y);
      if (hi < 0 || p->y > g_array_index (self->points, Point, hi).y) hi = i;
      if (lo < 0 || p->y < g_array_index (self->points, Point, lo).y) lo = i;
    }
  {
    g_autofree char *cap = missing ? g_strdup_printf (_("%s %u wards without figures are not shown."),
                                                      fh_chart_get_caption (FH_CHART (self)) ? fh_chart_get_caption (FH_CHART (self)) : "", missing)
                                   : g_strdup (fh_chart_get_caption (FH_CHART (self)));
    bottom = fh_chart_draw_caption (cr, width, height, cap);
  }
  if (self->x_label)
    {
      g_autoptr(PangoLayout) l = fh_chart_text_layout (cr, self->x_label, TEXT_PT, FALSE);
      bottom -= fh_layout_height (l);
      fh_chart_show_layout (cr, l, width - MARGIN - fh_layout_width (l), bottom, &muted);
      bottom -= 6;
    }
  if (!isfinite (min_x))
    return;
  if (max_x <= min_x) { max_x = min_x + 1; }
  if (max_y <= 0) max_y = 1;

  sx = fh_chart_nice_step (max_x - MIN (min_x, 0), 5);
  sy = fh_chart_nice_step (max_y, 5);
  min_x = floor (min_x / sx) * sx;
  max_x = ceil (max_x / sx) * sx;
  max_y = ceil (max_y * 1.05 / sy) * sy;
  px = MARGIN + 48; py = top; pw = MAX (inner_w - 48 - 60, 10); ph = MAX (bottom - 18 - top, 10);

  cairo_set_line_width (cr, 1);
  for (double v = 0; v <= max_y + sy / 2; v += sy)
    {
      double y = round (py + ph * (1 - v / max_y)) + 0.5;
      g_autofree char *t = fh_format_number (v, sy < 1 ? 1 : 0);
      g_autoptr(PangoLayout) l = fh_chart_text_layout (cr, t, SMALL_PT, FALSE);
      fh_color_apply (&grid, cr);
      cairo_move_to (cr, px, y); cairo_line_to (cr, px + pw, y); cairo_stroke (cr);
      fh_chart_show_layout (cr, l, px - 6 - fh_layout_width (l), y - fh_layout_height (l) / 2, &muted);
    }
  for (double v = min_x; v <= max_x + sx / 2; v += sx)
    {
      double x = round (px + pw * (v - min_x) / (max_x - min_x)) + 0.5;
      g_autofree char *t = fh_format_number (v, sx < 1 ? 1 : 0);
      g_autoptr(PangoLayout) l = fh_chart_text_layout (cr, t, SMALL_PT, FALSE);
      fh_color_apply (&grid, cr);
      cairo_move_to (cr, x, py); cairo_line_to (cr, x, py + ph); cairo_stroke (cr);
      fh_chart_show_layout (cr, l, x - fh_layout_width (l) / 2, py + ph + 3, &muted);
    }

  /* context points first, the selected one on top */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->points->len; i++)
      {
        Point *p = &g_array_index (self->points, Point, i);
        gboolean selected = g_strcmp0 (p->id, self->selected) == 0;

        if (isnan (p->x) || isnan (p->y) || (pass == 1) != selected)
          continue;
        p->sx = px + pw * (p->x - min_x) / (max_x - min_x);
        p->sy = py + ph * (1 - p->y / max_y);
        cairo_new_path (cr);
        cairo_arc (cr, p->sx, p->sy, selected ? 7 : 5, 0, 2 * G_PI);
        if (self->selected == NULL || selected)
          fh_color_apply (&focus, cr);
        else
          fh_color_apply (&context, cr);
        cairo_fill_preserve (cr);
        cairo_set_source_rgb (cr, 1, 1, 1);
        cairo_stroke (cr);

        if (selected || (int) i == hi || (int) i == lo)
          {
            g_autoptr(PangoLayout) l = fh_chart_text_layout (cr, p->label, SMALL_PT, selected);
            double lx = p->sx + 9;
            if (lx + fh_layout_width (l) > width - MARGIN)
              lx = p->sx - 9 - fh_layout_width (l);
            fh_chart_show_layout (cr, l, lx, p->sy - fh_layout_height (l) / 2, &text);
          }
      }
}


static char *
to_csv (FhChart *chart)
{
  FhScatterChart *self = FH_SCATTER_CHART (chart);
  GString *csv = g_string_new (NULL);

  fh_csv_append_field (csv, _("Name"), FALSE);
  fh_csv_append_field (csv, self->x_label ? self->x_label : "x", FALSE);
  fh_csv_append_field (csv, self->y_label ? self->y_label : "y", TRUE);
  for (guint i = 0; i < self->points->len; i++)
    {
      Point *p = &g_array_index (self->points, Point, i);
      char x[G_ASCII_DTOSTR_BUF_SIZE] = "";
      g_autofree char *y = fh_format_csv_number (p->y, 1);

      if (!isnan (p->x))
        g_ascii_formatd (x, sizeof x, "%g", p->x);
      fh_csv_append_field (csv, p->label, FALSE);
      fh_csv_append_field (csv, x, FALSE);
      fh_csv_append_field (csv, y, TRUE);
    }
  return g_string_free (csv, FALSE);
}

static char *
get_alt_text (FhChart *chart)
{
  FhScatterChart *self = FH_SCATTER_CHART (chart);
  return g_strdup_printf (_("%s. Scatter chart of %u wards: %s against %s."),
                          fh_chart_get_title (FH_CHART (self)) ? fh_chart_get_title (FH_CHART (self)) : "", self->points->len,
                          self->y_label ? self->y_label : "y", self->x_label ? self->x_label : "x");
}

static void
chart_class_init (FhChartClass *iface)
{
  iface->draw = fh_scatter_chart_draw;
  iface->to_csv = to_csv;
  iface->get_alt_text = get_alt_text;
}

static void
fh_scatter_chart_finalize (GObject *object)
{
  FhScatterChart *self = FH_SCATTER_CHART (object);
  g_free (self->x_label);
  g_free (self->y_label); g_free (self->selected);
  g_array_unref (self->points);
  G_OBJECT_CLASS (fh_scatter_chart_parent_class)->finalize (object);
}

static void
fh_scatter_chart_class_init (FhScatterChartClass *klass)
{
  chart_class_init (FH_CHART_CLASS (klass));
  G_OBJECT_CLASS (klass)->finalize = fh_scatter_chart_finalize;
}

static void
fh_scatter_chart_init (FhScatterChart *self)
{
  self->points = g_array_new (FALSE, TRUE, sizeof (Point));
  g_array_set_clear_func (self->points, point_clear);
}

FhScatterChart *
fh_scatter_chart_new (void)
{
  return g_object_new (FH_TYPE_SCATTER_CHART, NULL);
}

void
fh_scatter_chart_set_axes (FhScatterChart *self, const char *x_label, const char *y_label)
{
  g_return_if_fail (FH_IS_SCATTER_CHART (self));
  g_free (self->x_label);
  g_free (self->y_label);
  self->x_label = g_strdup (x_label);
  self->y_label = g_strdup (y_label);
  fh_chart_emit_changed (FH_CHART (self));
}

void
fh_scatter_chart_clear (FhScatterChart *self)
{
  g_return_if_fail (FH_IS_SCATTER_CHART (self));
  g_array_set_size (self->points, 0);
  fh_chart_emit_changed (FH_CHART (self));
}

void
fh_scatter_chart_add_point (FhScatterChart *self, const char *id, const char *label, double x, double y)
{
  Point p = { g_strdup (id), g_strdup (label), x, y, NAN, NAN };

  g_return_if_fail (FH_IS_SCATTER_CHART (self));
  g_array_append_val (self->points, p);
  fh_chart_emit_changed (FH_CHART (self));
}

void
fh_scatter_chart_set_selected (FhScatterChart *self, const char *id)
{
  g_return_if_fail (FH_IS_SCATTER_CHART (self));
  g_free (self->selected);
  self->selected = g_strdup (id);
  fh_chart_emit_changed (FH_CHART (self));
}

gboolean
fh_scatter_chart_get_position (FhScatterChart *self, guint i, double *x, double *y)
{
  Point *p;

  g_return_val_if_fail (FH_IS_SCATTER_CHART (self), FALSE);
  if (i >= self->points->len)
    return FALSE;
  p = &g_array_index (self->points, Point, i);
  if (isnan (p->sx))
    return FALSE;
  *x = p->sx;
  *y = p->sy;
  return TRUE;
}

int
fh_scatter_chart_hit_test (FhScatterChart *self, double x, double y)
{
  int best = -1;
  double best_d = 8 * 8;

  g_return_val_if_fail (FH_IS_SCATTER_CHART (self), -1);
  for (guint i = 0; i < self->points->len; i++)
    {
      Point *p = &g_array_index (self->points, Point, i);
      double d = (p->sx - x) * (p->sx - x) + (p->sy - y) * (p->sy - y);
      if (!isnan (p->sx) && d <= best_d)
        {
          best = i;
          best_d = d;
        }
    }
  return best;
}
