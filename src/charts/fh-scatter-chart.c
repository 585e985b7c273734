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
#include "fh-chart-summary.h"
#include "fh-rate-interval.h"
#include "fh-scatter-chart.h"

#define MARGIN   FH_CHART_MARGIN
#define TEXT_PT  FH_CHART_TEXT_PT
#define SMALL_PT FH_CHART_SMALL_PT

typedef struct {
  char   *id;
  char   *label;
  double  x, y;
  double  sx, sy;   /* drawn position */
  gboolean suppressed;
} Point;

struct _FhScatterChart
{
  FhChart    parent_instance;
  char      *x_label, *y_label, *selected;
  GArray    *points;   /* of Point */
  double     funnel_target;   /* NAN: a plain scatter */
};

G_DEFINE_FINAL_TYPE (FhScatterChart, fh_scatter_chart, FH_TYPE_CHART)

static void
point_clear (gpointer data)
{
  Point *p = data;
  g_free (p->id);
  g_free (p->label);
}

/* 1 above the control limit of @z around the funnel's target, -1 below, 0 within. */
static int
outside_limits (FhScatterChart *self, const Point *p, double z)
{
  double lo, hi;

  if (isnan (self->funnel_target) || isnan (p->x) || isnan (p->y) || p->suppressed)
    return 0;
  fh_funnel_limits (self->funnel_target, p->x, z, &lo, &hi);
  return p->y > hi ? 1 : p->y < lo ? -1 : 0;
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
      p->sx = p->sy = NAN;
      if (p->suppressed) continue;
      if (isnan (p->x) || isnan (p->y)) { missing++; continue; }
      min_x = MIN (min_x, p->x); max_x = MAX (max_x, p->x); max_y = MAX (max_y, p->y);
      if (hi < 0 || p->y > g_array_index (self->points, Point, hi).y) hi = i;
      if (lo < 0 || p->y < g_array_index (self->points, Point, lo).y) lo = i;
    }
  {
    g_autofree char *full = fh_chart_dup_full_caption (chart);
    g_autofree char *cap = missing ? g_strdup_printf (_("%s %u wards without figures are not shown."),
                                                      full ?: "", missing)
                                   : g_steal_pointer (&full);
    g_autofree char *listed = fh_scatter_chart_dup_suppressed_text (self);

    bottom = fh_chart_draw_caption (cr, width, height, cap);
    if (listed != NULL)
      {
        /* the suppressed points, named under the plot with a hatched key */
        g_autoptr(PangoLayout) l = fh_chart_text_layout (cr, listed, SMALL_PT, FALSE);

        pango_layout_set_width (l, (inner_w - 24) * PANGO_SCALE);
        pango_layout_set_wrap (l, PANGO_WRAP_WORD);
        bottom -= fh_layout_height (l);
        cairo_new_path (cr);
        cairo_rectangle (cr, MARGIN + 0.5, bottom + 1.5, 17, 11);
        fh_chart_hatch_path (cr);
        fh_color_apply (&muted, cr);
        cairo_set_line_width (cr, 1);
        cairo_stroke (cr);
        fh_chart_show_layout (cr, l, MARGIN + 24, bottom, &text);
        bottom -= 8;
      }
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
  if (!isnan (self->funnel_target) && min_x > 0)
    {
      double lo, hi;

      /* room for the widest limits, at the smallest population */
      fh_funnel_limits (self->funnel_target, min_x, FH_Z_998, &lo, &hi);
      max_y = MAX (max_y, MIN (hi, 2.5 * MAX (max_y, self->funnel_target)));
    }
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

  if (!isnan (self->funnel_target) && max_x > 0)
    {
      static const double zs[] = { FH_Z_95, FH_Z_998 };
      double target_y = py + ph * (1 - self->funnel_target / max_y);

      cairo_save (cr);
      cairo_rectangle (cr, px, py, pw, ph);
      cairo_clip (cr);
      for (guint k = 0; k < G_N_ELEMENTS (zs); k++)
        for (int side = 0; side < 2; side++)
          {
            static const double dash95[] = { 6, 4 }, dash998[] = { 2, 3 };

            cairo_new_path (cr);
            for (int step = 0; step <= 200; step++)
              {
                double pop = MAX (min_x, 1) + (max_x - MAX (min_x, 1)) * step / 200.0;
                double lo, hi, y;

                fh_funnel_limits (self->funnel_target, pop, zs[k], &lo, &hi);
                y = py + ph * (1 - (side ? hi : lo) / max_y);
                cairo_line_to (cr, px + pw * (pop - min_x) / (max_x - min_x), y);
              }
            fh_color_apply (&text, cr);
            cairo_set_line_width (cr, 1.25);
            cairo_set_dash (cr, k == 0 ? dash95 : dash998, 2, 0);
            cairo_stroke (cr);
          }
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_width (cr, 2);
      fh_color_apply (&text, cr);
      cairo_move_to (cr, px, round (target_y) + 0.5);
      cairo_line_to (cr, px + pw, round (target_y) + 0.5);
      cairo_stroke (cr);
      cairo_restore (cr);
      {
        g_autofree char *v = fh_format_number (self->funnel_target, 1);
        /* Translators: the funnel's centre line, "City 1,809.9" */
        g_autofree char *t = g_strdup_printf (_("City %s"), v);
        g_autoptr(PangoLayout) l = fh_chart_text_layout (cr, t, SMALL_PT, TRUE);
        fh_chart_show_layout (cr, l, px + pw + 4, target_y - fh_layout_height (l) / 2, &text);
      }
    }

  /* context points first, the selected one on top */
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (double) * 4);
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->points->len; i++)
      {
        Point *p = &g_array_index (self->points, Point, i);
        gboolean selected = g_strcmp0 (p->id, self->selected) == 0;

        if (isnan (p->x) || isnan (p->y) || p->suppressed || (pass == 1) != selected)
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
        {
          FhColor ring = fh_chart_theme_background ();

          fh_color_apply (&ring, cr);
        }
        cairo_stroke (cr);
      }

  /* labels over every point: the selected ward's first, then the others
   * that do not overlap one already placed */
  for (int pass = 1; pass >= 0; pass--)
    for (guint i = 0; i < self->points->len; i++)
      {
        Point *p = &g_array_index (self->points, Point, i);
        gboolean selected = g_strcmp0 (p->id, self->selected) == 0;

        if (isnan (p->x) || isnan (p->y) || p->suppressed || (pass == 1) != selected)
          continue;
        if (selected || (!isnan (self->funnel_target) ? outside_limits (self, p, FH_Z_998) != 0
                                                      : ((int) i == hi || (int) i == lo)))
          {
            g_autoptr(PangoLayout) l = fh_chart_text_layout (cr, p->label, SMALL_PT, selected);
            double lx = p->sx + 9, w = fh_layout_width (l), h = fh_layout_height (l);
            double box[4];
            gboolean clash = FALSE;

            if (lx + w > width - MARGIN)
              lx = p->sx - 9 - w;
            box[0] = lx; box[1] = p->sy - h / 2; box[2] = lx + w; box[3] = p->sy + h / 2;
            for (guint k = 0; k < placed->len && !selected; k++)
              {
                double *o = &g_array_index (placed, double, k * 4);
                clash |= box[0] < o[2] && o[0] < box[2] && box[1] < o[3] && o[1] < box[3];
              }
            if (clash)
              continue;
            g_array_append_vals (placed, box, 1);
            fh_chart_show_layout (cr, l, lx, box[1], &text);
          }
      }
}


static char *
to_csv (FhChart *chart)
{
  FhScatterChart *self = FH_SCATTER_CHART (chart);
  GString *csv = g_string_new (NULL);
  gboolean note = fh_chart_get_has_suppressed (chart);

  fh_csv_append_field (csv, _("Name"), FALSE);
  fh_csv_append_field (csv, self->x_label ? self->x_label : "x", FALSE);
  fh_csv_append_field (csv, self->y_label ? self->y_label : "y", !note);
  if (note)
    fh_csv_append_note (csv, TRUE, FALSE);
  for (guint i = 0; i < self->points->len; i++)
    {
      Point *p = &g_array_index (self->points, Point, i);
      char x[G_ASCII_DTOSTR_BUF_SIZE] = "";
      g_autofree char *y = p->suppressed ? g_strdup (FH_FORMAT_SUPPRESSED) : fh_format_csv_number (p->y, 1);

      if (!isnan (p->x))
        g_ascii_formatd (x, sizeof x, "%g", p->x);
      fh_csv_append_field (csv, p->label, FALSE);
      fh_csv_append_field (csv, x, FALSE);
      fh_csv_append_field (csv, y, !note);
      if (note)
        fh_csv_append_note (csv, FALSE, p->suppressed);
    }
  return g_string_free (csv, FALSE);
}

static char *
get_alt_text_extremes (FhScatterChart *self)
{
  guint n = self->points->len;
  g_autofree const char **labels = g_new0 (const char *, n + 1);
  g_autofree double *values = g_new0 (double, n + 1);

  for (guint i = 0; i < n; i++)
    {
      labels[i] = g_array_index (self->points, Point, i).label;
      values[i] = g_array_index (self->points, Point, i).y;
    }
  return fh_chart_summary_extremes (labels, values, NULL, n, fh_chart_get_value_decimals (FH_CHART (self)),
                                    self->y_label, self->funnel_target, _("city"));
}

/* what kind of chart, in words, after the figures */
static char *
get_alt_text_sentence (FhScatterChart *self)
{
  if (!isnan (self->funnel_target))
    {
      g_autofree char *target = fh_format_number (self->funnel_target, fh_chart_get_value_decimals (FH_CHART (self)));

      return g_strdup_printf (_("Funnel plot of %u wards: %s against children's population, with 95%% and "
                                "99.8%% control limits around the city's %s. Above the 99.8%% limit: %u; "
                                "below it: %u."),
                              self->points->len, self->y_label ? self->y_label : "y", target,
                              fh_scatter_chart_count_outside (self, FH_Z_998, TRUE),
                              fh_scatter_chart_count_outside (self, FH_Z_998, FALSE));
    }
  return g_strdup_printf (_("Scatter chart of %u wards: %s against %s."),
                          self->points->len,
                          self->y_label ? self->y_label : "y", self->x_label ? self->x_label : "x");
}

static char *
get_alt_text (FhChart *chart)
{
  FhScatterChart *self = FH_SCATTER_CHART (chart);
  g_autofree char *extremes = get_alt_text_extremes (self);
  g_autofree char *sentence = get_alt_text_sentence (self);
  g_autofree char *listed = fh_scatter_chart_dup_suppressed_text (self);

  if (listed == NULL)
    return g_strdup_printf ("%s %s", extremes, sentence);
  return g_strdup_printf ("%s %s %s.", extremes, sentence, listed);
}

/* ---- items: one per point, in the order added ----------------------------- */

static guint
scatter_get_n_items (FhChart *chart)
{
  return FH_SCATTER_CHART (chart)->points->len;
}

static char *
scatter_get_item_label (FhChart *chart, guint item)
{
  FhScatterChart *self = FH_SCATTER_CHART (chart);
  Point *p = &g_array_index (self->points, Point, item);
  g_autofree char *y = fh_format_number (p->y, fh_chart_get_value_decimals (chart));
  g_autofree char *x = fh_format_number (p->x, isnan (self->funnel_target) ? 1 : 0);

  /* Translators: a point read out, "Aspley: 2,673.9 against 45.1" (y, then x) */
  return g_strdup_printf (_("%s: %s against %s%s"), p->label, y, x,
                          g_strcmp0 (p->id, self->selected) == 0 ? _(", selected") : "");
}

static gboolean
scatter_get_item_bounds (FhChart *chart, guint item, double *x, double *y, double *w, double *h)
{
  double sx, sy;

  if (!fh_scatter_chart_get_position (FH_SCATTER_CHART (chart), item, &sx, &sy))
    return FALSE;
  *x = sx - 6;
  *y = sy - 6;
  *w = 12;
  *h = 12;
  return TRUE;
}

static int
scatter_hit_item (FhChart *chart, double x, double y)
{
  return fh_scatter_chart_hit_test (FH_SCATTER_CHART (chart), x, y);
}

static void
chart_class_init (FhChartClass *iface)
{
  iface->draw = fh_scatter_chart_draw;
  iface->to_csv = to_csv;
  iface->get_alt_text = get_alt_text;
  iface->get_n_items = scatter_get_n_items;
  iface->get_item_label = scatter_get_item_label;
  iface->get_item_bounds = scatter_get_item_bounds;
  iface->hit_item = scatter_hit_item;
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
  self->funnel_target = NAN;
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
  fh_chart_set_has_suppressed (FH_CHART (self), FALSE);
  fh_chart_emit_changed (FH_CHART (self));
}

void
fh_scatter_chart_add_point (FhScatterChart *self, const char *id, const char *label, double x, double y)
{
  Point p = { g_strdup (id), g_strdup (label), x, y, NAN, NAN, FALSE };

  g_return_if_fail (FH_IS_SCATTER_CHART (self));
  g_array_append_val (self->points, p);
  fh_chart_emit_changed (FH_CHART (self));
}

void
fh_scatter_chart_set_suppressed (FhScatterChart *self,
                                 const char     *id,
                                 gboolean        suppressed)
{
  gboolean any = FALSE;

  g_return_if_fail (FH_IS_SCATTER_CHART (self));
  g_return_if_fail (id != NULL);

  for (guint i = 0; i < self->points->len; i++)
    {
      Point *p = &g_array_index (self->points, Point, i);

      if (g_strcmp0 (p->id, id) == 0)
        p->suppressed = !!suppressed;
      any |= p->suppressed;
    }
  fh_chart_set_has_suppressed (FH_CHART (self), any);
  fh_chart_emit_changed (FH_CHART (self));
}

gboolean
fh_scatter_chart_get_suppressed (FhScatterChart *self,
                                 guint           i)
{
  g_return_val_if_fail (FH_IS_SCATTER_CHART (self), FALSE);
  g_return_val_if_fail (i < self->points->len, FALSE);

  return g_array_index (self->points, Point, i).suppressed;
}

char *
fh_scatter_chart_dup_suppressed_text (FhScatterChart *self)
{
  g_autoptr(GString) names = g_string_new (NULL);

  g_return_val_if_fail (FH_IS_SCATTER_CHART (self), NULL);

  for (guint i = 0; i < self->points->len; i++)
    {
      Point *p = &g_array_index (self->points, Point, i);

      if (!p->suppressed)
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, p->label ? p->label : p->id);
    }
  if (names->len == 0)
    return NULL;
  /* Translators: under a scatter plot, "c = 1 to 5, suppressed, not plotted: Bilborough, Clifton East" */
  return g_strdup_printf (_("%s, not plotted: %s"), fh_chart_suppressed_note (), names->str);
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

void
fh_scatter_chart_set_funnel (FhScatterChart *self,
                             double          target_rate)
{
  g_return_if_fail (FH_IS_SCATTER_CHART (self));

  self->funnel_target = target_rate;
  fh_chart_emit_changed (FH_CHART (self));
}

guint
fh_scatter_chart_count_outside (FhScatterChart *self,
                                double          z,
                                gboolean        above)
{
  guint n = 0;

  g_return_val_if_fail (FH_IS_SCATTER_CHART (self), 0);

  for (guint i = 0; i < self->points->len; i++)
    if (outside_limits (self, &g_array_index (self->points, Point, i), z) == (above ? 1 : -1))
      n++;
  return n;
}
