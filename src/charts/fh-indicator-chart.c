/* fh-indicator-chart.c — one indicator against its trajectory, or its sparkline
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Colour is never the only signal: the bands are named in the key, the
 * baseline and target are marked by shape and labelled, the trajectory is
 * dashed, comparators dotted, and the latest value is written out.
 */
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "fh-chart-frame.h"
#include "fh-indicator-chart.h"
#include "fh-priority-results.h"

#define SMALL_PT FH_CHART_SMALL_PT
#define AXIS_W   48.0
#define KEY_H    18.0
#define BAND_ALPHA 0.16
/* how far above the axis a value with no point (suppressed, missing) sits */
#define AXIS_MARK_DY 9.0

typedef struct {
  char   *name;
  GArray *points;          /* FhRagPoint, dates referenced */
} Comparator;

struct _FhIndicatorChart
{
  FhChart          parent_instance;

  gboolean         compact;
  char            *unit;
  FhRagRule        rule;
  GArray          *points;       /* FhRagPoint, dates referenced */
  GArray          *suppressed;   /* gboolean, one per point */
  GPtrArray       *comparators;  /* Comparator */
  FhRagAssessment  assessment;
  char            *annotation;

  /* last draw */
  double           plot_x, plot_y, plot_w, plot_h;
  double           y_min, y_max;
  GDateTime       *x_min, *x_max;
};

G_DEFINE_FINAL_TYPE (FhIndicatorChart, fh_indicator_chart, FH_TYPE_CHART)

static void
clear_points (GArray *points)
{
  for (guint i = 0; i < points->len; i++)
    g_clear_pointer (&g_array_index (points, FhRagPoint, i).date, g_date_time_unref);
  g_array_set_size (points, 0);
}

/* The points that have a date; @flags_out (may be NULL) gets their
 * @suppressed flags (NULL: none suppressed). */
static GArray *
copy_points (const FhRagPoint *points, const gboolean *suppressed, gsize n, GArray *flags_out)
{
  GArray *a = g_array_sized_new (FALSE, TRUE, sizeof (FhRagPoint), n);

  for (gsize i = 0; i < n; i++)
    if (points[i].date != NULL)
      {
        FhRagPoint p = { g_date_time_ref (points[i].date), points[i].value };
        gboolean flag = suppressed != NULL && suppressed[i];

        g_array_append_val (a, p);
        if (flags_out != NULL)
          g_array_append_val (flags_out, flag);
      }
  return a;
}

static gboolean
point_suppressed (FhIndicatorChart *self, guint i)
{
  return i < self->suppressed->len && g_array_index (self->suppressed, gboolean, i);
}

static void
comparator_free (gpointer data)
{
  Comparator *c = data;

  g_free (c->name);
  clear_points (c->points);
  g_array_unref (c->points);
  g_free (c);
}

FhColor
fh_indicator_chart_rag_color (FhRagStatus status)
{
  switch (status)
    {
    case FH_RAG_GREEN: return fh_color_from_hex ("#00703C");
    case FH_RAG_AMBER: return fh_color_from_hex ("#F47738");
    case FH_RAG_RED:   return fh_color_from_hex ("#D4351C");
    case FH_RAG_GREY:
    default:           return fh_color_from_hex ("#505A5F");
    }
}

static double
days_from (GDateTime *from, GDateTime *to)
{
  return g_date_time_difference (to, from) / (double) G_TIME_SPAN_DAY;
}

double
fh_indicator_chart_date_to_x (FhIndicatorChart *self,
                              GDateTime        *date)
{
  double span;

  g_return_val_if_fail (FH_IS_INDICATOR_CHART (self), NAN);
  g_return_val_if_fail (date != NULL, NAN);

  if (self->x_min == NULL)
    return NAN;
  span = MAX (days_from (self->x_min, self->x_max), 1);
  return self->plot_x + self->plot_w * days_from (self->x_min, date) / span;
}

double
fh_indicator_chart_value_to_y (FhIndicatorChart *self,
                               double            value)
{
  g_return_val_if_fail (FH_IS_INDICATOR_CHART (self), NAN);

  return self->plot_y + self->plot_h * (1 - (value - self->y_min) / (self->y_max - self->y_min));
}

static void
widen (GDateTime **lo, GDateTime **hi, GDateTime *d)
{
  if (d == NULL)
    return;
  if (*lo == NULL || g_date_time_compare (d, *lo) < 0)
    *lo = d;
  if (*hi == NULL || g_date_time_compare (d, *hi) > 0)
    *hi = d;
}

static void
widen_value (double *lo, double *hi, double v)
{
  if (isnan (v))
    return;
  *lo = MIN (*lo, v);
  *hi = MAX (*hi, v);
}

static gboolean
has_bands (FhIndicatorChart *self)
{
  return !isnan (self->assessment.tolerance);
}

/* The scales: time from the earliest to the latest date drawn (the series,
 * and unless compact the baseline, target and comparators), values with a
 * margin and, when full size, rounded to gridline steps. */
static void
set_scales (FhIndicatorChart *self, double *step)
{
  GDateTime *lo = NULL, *hi = NULL;
  double vlo = INFINITY, vhi = -INFINITY;
  const FhRagAssessment *a = &self->assessment;

  for (guint i = 0; i < self->points->len; i++)
    {
      FhRagPoint *p = &g_array_index (self->points, FhRagPoint, i);
      widen (&lo, &hi, p->date);
      widen_value (&vlo, &vhi, p->value);
    }
  if (!self->compact)
    {
      widen (&lo, &hi, self->rule.baseline_date);
      widen (&lo, &hi, self->rule.target_date);
      widen (&lo, &hi, a->baseline_date);
      widen_value (&vlo, &vhi, self->rule.baseline);
      widen_value (&vlo, &vhi, self->rule.target);
      for (guint c = 0; c < self->comparators->len; c++)
        {
          Comparator *cmp = g_ptr_array_index (self->comparators, c);
          for (guint i = 0; i < cmp->points->len; i++)
            {
              FhRagPoint *p = &g_array_index (cmp->points, FhRagPoint, i);
              widen (&lo, &hi, p->date);
              widen_value (&vlo, &vhi, p->value);
            }
        }
    }
  else if (has_bands (self) && lo != NULL)
    {
      widen_value (&vlo, &vhi, fh_rag_trajectory_at (&self->rule, a->baseline, a->baseline_date, lo));
      widen_value (&vlo, &vhi, fh_rag_trajectory_at (&self->rule, a->baseline, a->baseline_date, hi));
    }

  g_clear_pointer (&self->x_min, g_date_time_unref);
  g_clear_pointer (&self->x_max, g_date_time_unref);
  if (lo == NULL)
    {
      self->x_min = g_date_time_new_utc (2000, 1, 1, 0, 0, 0);
      self->x_max = g_date_time_add_years (self->x_min, 1);
    }
  else
    {
      double days = MAX (days_from (lo, hi), 30);
      double pad = self->compact ? 0 : days * 0.03;

      self->x_min = g_date_time_add (lo, -(GTimeSpan) (pad * G_TIME_SPAN_DAY));
      self->x_max = g_date_time_add (hi, (GTimeSpan) (pad * G_TIME_SPAN_DAY));
    }

  if (!isfinite (vlo))
    {
      vlo = 0;
      vhi = 1;
    }
  if (vhi - vlo < 1e-9)
    {
      double d = MAX (fabs (vlo) * 0.1, 1);
      vlo -= d;
      vhi += d;
    }
  {
    double margin = (vhi - vlo) * (self->compact ? 0.12 : 0.08);

    vlo -= margin;
    vhi += margin;
  }
  *step = fh_chart_nice_step (vhi - vlo, 5);
  if (self->compact)
    {
      self->y_min = vlo;
      self->y_max = vhi;
    }
  else
    {
      self->y_min = floor (vlo / *step) * *step;
      self->y_max = ceil (vhi / *step) * *step;
    }
}

/* The bands: a polygon between the trajectory shifted by @from and @to
 * tolerances towards the worse side (INFINITY: the plot's edge). */
static void
fill_band (FhIndicatorChart *self, cairo_t *cr, double from, double to, FhRagStatus status)
{
  const FhRagAssessment *a = &self->assessment;
  double worse = self->rule.higher_is_better ? -1 : 1;
  GDateTime *dates[4];
  guint n = 0;
  FhColor c = fh_indicator_chart_rag_color (status);

  dates[n++] = self->x_min;
  if (a->baseline_date && g_date_time_compare (a->baseline_date, self->x_min) > 0
      && g_date_time_compare (a->baseline_date, self->x_max) < 0)
    dates[n++] = a->baseline_date;
  if (g_date_time_compare (self->rule.target_date, self->x_min) > 0
      && g_date_time_compare (self->rule.target_date, self->x_max) < 0)
    dates[n++] = self->rule.target_date;
  dates[n++] = self->x_max;

  /* the edges run on past the plot; the clip cuts them there */
  cairo_save (cr);
  cairo_rectangle (cr, self->plot_x, self->plot_y, self->plot_w, self->plot_h);
  cairo_clip (cr);
  c.a = BAND_ALPHA;
  fh_color_apply (&c, cr);
  for (guint k = 0; k < n; k++)
    {
      double t = fh_rag_trajectory_at (&self->rule, a->baseline, a->baseline_date, dates[k]);
      double v = isinf (from) ? (from * worse > 0 ? self->y_max : self->y_min) : t + worse * from * a->tolerance;
      double x = fh_indicator_chart_date_to_x (self, dates[k]);
      double y = fh_indicator_chart_value_to_y (self, v);

      if (k == 0) cairo_move_to (cr, x, y); else cairo_line_to (cr, x, y);
    }
  for (guint k = n; k-- > 0;)
    {
      double t = fh_rag_trajectory_at (&self->rule, a->baseline, a->baseline_date, dates[k]);
      double v = isinf (to) ? (to * worse > 0 ? self->y_max : self->y_min) : t + worse * to * a->tolerance;

      cairo_line_to (cr, fh_indicator_chart_date_to_x (self, dates[k]),
                     fh_indicator_chart_value_to_y (self, v));
    }
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
stroke_series (FhIndicatorChart *self, cairo_t *cr, GArray *points)
{
  gboolean pen_down = FALSE;

  for (guint i = 0; i < points->len; i++)
    {
      FhRagPoint *p = &g_array_index (points, FhRagPoint, i);
      double x, y;

      if (isnan (p->value))
        {
          pen_down = FALSE;
          continue;
        }
      x = fh_indicator_chart_date_to_x (self, p->date);
      y = fh_indicator_chart_value_to_y (self, p->value);
      if (pen_down) cairo_line_to (cr, x, y); else cairo_move_to (cr, x, y);
      pen_down = TRUE;
    }
  cairo_stroke (cr);
}

static void
stroke_trajectory (FhIndicatorChart *self, cairo_t *cr, double width)
{
  const FhRagAssessment *a = &self->assessment;
  static const double dash[] = { 6, 4 };
  FhColor text = fh_chart_theme_text ();
  GDateTime *from = a->baseline_date ? a->baseline_date : self->x_min;
  GDateTime *to = self->rule.target_date;

  if (self->compact)
    {
      from = g_date_time_compare (from, self->x_min) < 0 ? self->x_min : from;
      to = g_date_time_compare (to, self->x_max) > 0 ? self->x_max : to;
    }
  fh_color_apply (&text, cr);
  cairo_set_line_width (cr, width);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_move_to (cr, fh_indicator_chart_date_to_x (self, from),
                 fh_indicator_chart_value_to_y (self, fh_rag_trajectory_at (&self->rule, a->baseline, a->baseline_date, from)));
  cairo_line_to (cr, fh_indicator_chart_date_to_x (self, to),
                 fh_indicator_chart_value_to_y (self, fh_rag_trajectory_at (&self->rule, a->baseline, a->baseline_date, to)));
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
draw_compact (FhIndicatorChart *self, cairo_t *cr, double width, double height)
{
  FhColor focus = fh_chart_theme_focus ();
  double step;

  set_scales (self, &step);
  self->plot_x = 3;
  self->plot_y = 3;
  self->plot_w = MAX (width - 6, 1);
  self->plot_h = MAX (height - 6, 1);

  if (has_bands (self))
    stroke_trajectory (self, cr, 1);
  fh_color_apply (&focus, cr);
  cairo_set_line_width (cr, 1.75);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  stroke_series (self, cr, self->points);
  if (self->assessment.latest_date != NULL)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, fh_indicator_chart_date_to_x (self, self->assessment.latest_date),
                 fh_indicator_chart_value_to_y (self, self->assessment.latest_value), 2.75, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

static gboolean
overlaps (const double *a, double x, double y, double w, double h)
{
  return a != NULL && x < a[0] + a[2] && a[0] < x + w && y < a[1] + a[3] && a[1] < y + h;
}

static gboolean
overlaps_any (const double (*boxes)[4], guint n, double x, double y, double w, double h)
{
  for (guint i = 0; i < n; i++)
    if (overlaps (boxes[i], x, y, w, h))
      return TRUE;
  return FALSE;
}

/* A diamond at (@date, @value), hollow or filled, labelled above it, or
 * below, or clear of the @n_avoid boxes (x, y, w, h: the latest value's
 * ring and its annotation) above or below them, whichever first fits in
 * the plot without covering any. */
static void
marker (FhIndicatorChart *self, cairo_t *cr, GDateTime *date, double value, gboolean filled,
        const char *label, gboolean label_left, const double (*avoid)[4], guint n_avoid)
{
  FhColor text = fh_chart_theme_text ();
  double x = fh_indicator_chart_date_to_x (self, date);
  double y = fh_indicator_chart_value_to_y (self, value);
  g_autoptr(PangoLayout) l = fh_chart_text_layout (cr, label, SMALL_PT, TRUE);
  double lw = fh_layout_width (l), lh = fh_layout_height (l);
  double lx = label_left ? x - 8 - lw : x + 8;

  fh_color_apply (&text, cr);
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, x, y - 6);
  cairo_line_to (cr, x + 6, y);
  cairo_line_to (cr, x, y + 6);
  cairo_line_to (cr, x - 6, y);
  cairo_close_path (cr);
  if (filled)
    cairo_fill (cr);
  else
    {
      FhColor bg = fh_chart_theme_background ();
      cairo_stroke_preserve (cr);
      fh_color_apply (&bg, cr);
      cairo_fill (cr);
    }
  lx = CLAMP (lx, self->plot_x + 2, self->plot_x + self->plot_w - lw - 2);
  {
    double top = y, bottom = y;
    double candidates[4];
    double ly = y - lh - 6;

    /* the boxes in the label's column, as one span */
    for (guint i = 0; i < n_avoid; i++)
      if (lx < avoid[i][0] + avoid[i][2] && avoid[i][0] < lx + lw)
        {
          top = MIN (top, avoid[i][1]);
          bottom = MAX (bottom, avoid[i][1] + avoid[i][3]);
        }
    candidates[0] = y - lh - 6;
    candidates[1] = y + 8;
    candidates[2] = MAX (bottom, y + 8) + 2;
    candidates[3] = MIN (top, y - 6) - lh - 2;
    for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
      if (candidates[k] >= self->plot_y && candidates[k] + lh <= self->plot_y + self->plot_h
          && !overlaps_any (avoid, n_avoid, lx, candidates[k], lw, lh))
        {
          ly = candidates[k];
          break;
        }
    fh_chart_show_layout (cr, l, lx, ly, &text);
  }
}

static void
key_item (cairo_t *cr, double *x, double y, const FhColor *c, int kind, const char *text)
{
  FhColor muted = fh_chart_theme_text ();
  g_autoptr(PangoLayout) l = fh_chart_text_layout (cr, text, SMALL_PT, FALSE);
  static const double dash[] = { 6, 4 }, dot[] = { 1.5, 3 };

  fh_color_apply (c, cr);
  if (kind == 0)
    {
      cairo_rectangle (cr, *x, y - 5, 18, 10);
      cairo_fill (cr);
    }
  else
    {
      cairo_set_line_width (cr, kind == 1 ? 2.5 : 1.5);
      if (kind == 2) cairo_set_dash (cr, dash, 2, 0);
      if (kind == 3) cairo_set_dash (cr, dot, 2, 0);
      cairo_move_to (cr, *x, y);
      cairo_line_to (cr, *x + 18, y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  fh_chart_show_layout (cr, l, *x + 22, y - fh_layout_height (l) / 2, &muted);
  *x += 22 + fh_layout_width (l) + 14;
}

static void
fh_indicator_chart_draw (FhChart *chart, cairo_t *cr, double width, double height)
{
  FhIndicatorChart *self = FH_INDICATOR_CHART (chart);
  const FhRagAssessment *a = &self->assessment;
  FhColor muted = fh_chart_theme_muted_text ();
  FhColor grid = fh_chart_theme_grid ();
  FhColor focus = fh_chart_theme_focus ();
  FhColor text = fh_chart_theme_text ();
  double top, bottom, step, avoid[2][4] = { { 0 } };
  guint n_avoid = 0;

  if (self->compact)
    {
      draw_compact (self, cr, width, height);
      return;
    }

  top = fh_chart_draw_heading (cr, width, fh_chart_get_title (chart), fh_chart_get_value_label (chart)) + 8;
  bottom = fh_chart_draw_chart_caption (cr, chart, width, height);
  set_scales (self, &step);
  self->plot_x = FH_CHART_MARGIN + AXIS_W;
  self->plot_y = top;
  self->plot_w = MAX (width - 2 * FH_CHART_MARGIN - AXIS_W, 10);
  self->plot_h = MAX (bottom - top - 20 - KEY_H - 6, 10);

  /* bands under everything: green on the better side, amber one tolerance
   * deep on the worse side, red beyond */
  if (has_bands (self))
    {
      fill_band (self, cr, -INFINITY, 0, FH_RAG_GREEN);
      fill_band (self, cr, 0, 1, FH_RAG_AMBER);
      fill_band (self, cr, 1, INFINITY, FH_RAG_RED);
    }

  /* gridlines and their values */
  cairo_set_line_width (cr, 1);
  for (double v = self->y_min; v <= self->y_max + step / 2; v += step)
    {
      double y = round (fh_indicator_chart_value_to_y (self, v)) + 0.5;
      g_autofree char *t = fh_format_number (v, step < 1 ? 1 : 0);
      g_autoptr(PangoLayout) l = fh_chart_text_layout (cr, t, SMALL_PT, FALSE);

      fh_color_apply (&grid, cr);
      cairo_move_to (cr, self->plot_x, y);
      cairo_line_to (cr, self->plot_x + self->plot_w, y);
      cairo_stroke (cr);
      fh_chart_show_layout (cr, l, self->plot_x - 6 - fh_layout_width (l), y - fh_layout_height (l) / 2, &muted);
    }

  /* years along the bottom, at 1 January */
  for (int year = g_date_time_get_year (self->x_min) + 1; year <= g_date_time_get_year (self->x_max); year++)
    {
      g_autoptr(GDateTime) d = g_date_time_new_utc (year, 1, 1, 0, 0, 0);
      g_autofree char *t = g_strdup_printf ("%d", year);
      g_autoptr(PangoLayout) l = fh_chart_text_layout (cr, t, SMALL_PT, FALSE);
      double x = round (fh_indicator_chart_date_to_x (self, d)) + 0.5;

      fh_color_apply (&grid, cr);
      cairo_move_to (cr, x, self->plot_y + self->plot_h);
      cairo_line_to (cr, x, self->plot_y + self->plot_h + 4);
      cairo_stroke (cr);
      fh_chart_show_layout (cr, l, x - fh_layout_width (l) / 2, self->plot_y + self->plot_h + 5, &muted);
    }

  /* comparators: dotted, labelled at their last point */
  for (guint c = 0; c < self->comparators->len; c++)
    {
      Comparator *cmp = g_ptr_array_index (self->comparators, c);
      FhColor colour = fh_chart_theme_categorical (c == 0 ? 4 : 2);
      static const double dot[] = { 1.5, 3 };

      fh_color_apply (&colour, cr);
      cairo_set_line_width (cr, 1.5);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, dot, 2, 0);
      stroke_series (self, cr, cmp->points);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
    }

  if (has_bands (self))
    stroke_trajectory (self, cr, 1.5);

  /* the series, with a dot at every value */
  fh_color_apply (&focus, cr);
  cairo_set_line_width (cr, 2.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  stroke_series (self, cr, self->points);
  for (guint i = 0; i < self->points->len; i++)
    {
      FhRagPoint *p = &g_array_index (self->points, FhRagPoint, i);

      if (isnan (p->value))
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, fh_indicator_chart_date_to_x (self, p->date),
                 fh_indicator_chart_value_to_y (self, p->value), 2.5, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  /* a suppressed value is not a gap in the data: "c" on the axis where it
   * would be (its item's bounds, for the keyboard) */
  for (guint i = 0; i < self->points->len; i++)
    if (point_suppressed (self, i))
      {
        FhRagPoint *p = &g_array_index (self->points, FhRagPoint, i);

        fh_chart_draw_suppressed_mark (cr, fh_indicator_chart_date_to_x (self, p->date),
                                       self->plot_y + self->plot_h - AXIS_MARK_DY, SMALL_PT);
      }

  /* the latest value, ringed and written out */
  if (a->latest_date != NULL)
    {
      double x = fh_indicator_chart_date_to_x (self, a->latest_date);
      double y = fh_indicator_chart_value_to_y (self, a->latest_value);
      FhColor rag = fh_indicator_chart_rag_color (a->status);
      g_autoptr(PangoLayout) l = fh_chart_text_layout (cr, self->annotation, FH_CHART_TEXT_PT, TRUE);
      double lw = fh_layout_width (l), lh = fh_layout_height (l);
      double lx = CLAMP (x - lw / 2, self->plot_x + 2, self->plot_x + self->plot_w - lw - 2);
      double ly = y - 14 - lh;
      FhColor bg = fh_chart_theme_background ();

      fh_color_apply (&rag, cr);
      cairo_set_line_width (cr, 2.5);
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, 6, 0, 2 * G_PI);
      cairo_stroke (cr);
      if (ly < self->plot_y)
        ly = y + 12;
      bg.a = 0.85;
      fh_color_apply (&bg, cr);
      cairo_rectangle (cr, lx - 3, ly - 1, lw + 6, lh + 2);
      cairo_fill (cr);
      fh_chart_show_layout (cr, l, lx, ly, &text);
      /* the marker labels keep off the annotation and the ring */
      avoid[0][0] = lx - 3;
      avoid[0][1] = ly - 1;
      avoid[0][2] = lw + 6;
      avoid[0][3] = lh + 2;
      avoid[1][0] = x - 9;
      avoid[1][1] = y - 9;
      avoid[1][2] = 18;
      avoid[1][3] = 18;
      n_avoid = 2;
    }

  /* baseline and target */
  if (!isnan (a->baseline) && a->baseline_date != NULL)
    {
      g_autofree char *v = fh_priority_format_value (a->baseline, self->unit);
      g_autofree char *label = g_strdup_printf (_("Baseline %s"), v);
      marker (self, cr, a->baseline_date, a->baseline, FALSE, label, FALSE, (const double (*)[4]) avoid, n_avoid);
    }
  if (!isnan (self->rule.target) && self->rule.target_date != NULL)
    {
      g_autofree char *v = fh_priority_format_value (self->rule.target, self->unit);
      g_autofree char *when = g_date_time_format (self->rule.target_date, "%b %Y");
      g_autofree char *label = g_strdup_printf (_("Target %s by %s"), v, when);
      marker (self, cr, self->rule.target_date, self->rule.target, TRUE, label, TRUE, (const double (*)[4]) avoid, n_avoid);
    }

  /* the key, in one line under the axis */
  {
    double x = self->plot_x, y = self->plot_y + self->plot_h + 20 + KEY_H / 2;
    FhColor g = fh_indicator_chart_rag_color (FH_RAG_GREEN);
    FhColor am = fh_indicator_chart_rag_color (FH_RAG_AMBER);
    FhColor r = fh_indicator_chart_rag_color (FH_RAG_RED);

    key_item (cr, &x, y, &focus, 1, _("Indicator"));
    if (has_bands (self))
      {
        key_item (cr, &x, y, &text, 2, _("Trajectory"));
        g.a = am.a = r.a = BAND_ALPHA * 2;
        key_item (cr, &x, y, &g, 0, _("On track"));
        key_item (cr, &x, y, &am, 0, _("Within tolerance"));
        key_item (cr, &x, y, &r, 0, _("Behind"));
      }
    for (guint c = 0; c < self->comparators->len; c++)
      {
        Comparator *cmp = g_ptr_array_index (self->comparators, c);
        FhColor colour = fh_chart_theme_categorical (c == 0 ? 4 : 2);
        key_item (cr, &x, y, &colour, 3, cmp->name);
      }
  }
}

static char *
to_csv (FhChart *chart)
{
  FhIndicatorChart *self = FH_INDICATOR_CHART (chart);
  GString *csv = g_string_new (NULL);
  gboolean note = fh_chart_get_has_suppressed (chart);

  fh_csv_append_field (csv, _("Series"), FALSE);
  fh_csv_append_field (csv, _("Period end"), FALSE);
  fh_csv_append_field (csv, _("Value"), !note);
  if (note)
    fh_csv_append_note (csv, TRUE, FALSE);
  for (guint c = 0; c <= self->comparators->len; c++)
    {
      GArray *points = c == 0 ? self->points : ((Comparator *) g_ptr_array_index (self->comparators, c - 1))->points;
      const char *name = c == 0 ? (fh_chart_get_title (chart) ?: _("Indicator"))
                                : ((Comparator *) g_ptr_array_index (self->comparators, c - 1))->name;

      for (guint i = 0; i < points->len; i++)
        {
          FhRagPoint *p = &g_array_index (points, FhRagPoint, i);
          gboolean suppressed = c == 0 && point_suppressed (self, i);
          g_autofree char *d = g_date_time_format (p->date, "%Y-%m-%d");
          g_autofree char *v = suppressed ? g_strdup (FH_FORMAT_SUPPRESSED) : fh_format_csv_number (p->value, 1);

          fh_csv_append_field (csv, name, FALSE);
          fh_csv_append_field (csv, d, FALSE);
          fh_csv_append_field (csv, v, !note);
          if (note)
            fh_csv_append_note (csv, FALSE, suppressed);
        }
    }
  return g_string_free (csv, FALSE);
}

static char *
get_alt_text (FhChart *chart)
{
  FhIndicatorChart *self = FH_INDICATOR_CHART (chart);
  const FhRagAssessment *a = &self->assessment;
  GString *alt = g_string_new (fh_chart_get_title (chart) ?: "");

  if (alt->len > 0)
    g_string_append (alt, ". ");
  if (a->latest_date == NULL)
    g_string_append (alt, _("No data yet."));
  else
    g_string_append_printf (alt, _("Latest %s."), self->annotation);
  if (!isnan (self->rule.target) && self->rule.target_date != NULL)
    {
      g_autofree char *v = fh_priority_format_value (self->rule.target, self->unit);
      g_autofree char *when = g_date_time_format (self->rule.target_date, "%B %Y");
      g_string_append_printf (alt, _(" Target %s by %s."), v, when);
    }
  g_string_append_printf (alt, " %s: %s", fh_rag_status_get_label (a->status),
                          fh_rag_reason_get_description (a->reason));
  return g_string_free (alt, FALSE);
}

/* ---- items: the series' points, oldest first ---------------------------- */

static guint
indicator_get_n_items (FhChart *chart)
{
  FhIndicatorChart *self = FH_INDICATOR_CHART (chart);

  /* a sparkline is a picture in a row that says the same in words */
  return self->compact ? 0 : self->points->len;
}

/* The status the bands give @p: the rule with the assessment's baseline
 * and tolerance, so a point reads as the colour it is drawn on. */
static FhRagStatus
point_status (FhIndicatorChart *self, const FhRagPoint *p)
{
  FhRagRule rule = self->rule;
  FhRagAssessment one;

  rule.baseline = self->assessment.baseline;
  rule.baseline_date = self->assessment.baseline_date;
  rule.tolerance = self->assessment.tolerance;
  fh_rag_assess (&rule, p, 1, &one);
  return one.status;
}

static char *
format_value (FhIndicatorChart *self, double value)
{
  g_autofree char *v = fh_priority_format_value (value, self->unit);

  if (isnan (value))
    return g_steal_pointer (&v);
  /* Translators: a rate read out, "113.8 per 10,000" */
  if (g_strcmp0 (self->unit, "rate_per_10k") == 0)
    return g_strdup_printf (_("%s per 10,000"), v);
  /* Translators: a rate read out, "113.8 per 100,000" */
  if (g_strcmp0 (self->unit, "rate_per_100k") == 0)
    return g_strdup_printf (_("%s per 100,000"), v);
  return g_steal_pointer (&v);
}

static char *
indicator_get_item_label (FhChart *chart, guint item)
{
  FhIndicatorChart *self = FH_INDICATOR_CHART (chart);
  FhRagPoint *p;
  g_autofree char *when = NULL, *value = NULL, *expected = NULL;
  double trajectory;

  if (item >= indicator_get_n_items (chart))
    return NULL;
  p = &g_array_index (self->points, FhRagPoint, item);
  when = g_date_time_format (p->date, "%B %Y");
  if (point_suppressed (self, item))
    /* Translators: a suppressed value read out, "June 2025: c" */
    return g_strdup_printf (_("%s: %s"), when, FH_FORMAT_SUPPRESSED);
  value = format_value (self, p->value);
  if (isnan (p->value))
    return g_strdup_printf (_("%s: %s"), when, value);
  trajectory = fh_rag_trajectory_at (&self->rule, self->assessment.baseline,
                                     self->assessment.baseline_date, p->date);
  if (isnan (trajectory))
    /* Translators: a point read out, "September 2025: 113.8 per 10,000, Not rated" */
    return g_strdup_printf (_("%s: %s, %s"), when, value,
                            fh_rag_status_get_label (point_status (self, p)));
  expected = fh_priority_format_value (trajectory, self->unit);
  /* Translators: a point read out, "September 2025: 113.8 per 10,000,
   * trajectory 101.0, Off track" */
  return g_strdup_printf (_("%s: %s, trajectory %s, %s"), when, value, expected,
                          fh_rag_status_get_label (point_status (self, p)));
}

static gboolean
indicator_get_item_bounds (FhChart *chart, guint item, double *x, double *y, double *w, double *h)
{
  FhIndicatorChart *self = FH_INDICATOR_CHART (chart);
  FhRagPoint *p;
  double px, py;

  if (item >= indicator_get_n_items (chart) || self->x_min == NULL)
    return FALSE;
  p = &g_array_index (self->points, FhRagPoint, item);
  px = fh_indicator_chart_date_to_x (self, p->date);
  /* no value: where the "c" is drawn, just above the axis */
  py = isnan (p->value) ? self->plot_y + self->plot_h - AXIS_MARK_DY
                        : fh_indicator_chart_value_to_y (self, p->value);
  *x = px - 6;
  *y = py - 6;
  *w = 12;
  *h = 12;
  return TRUE;
}

static void
fh_indicator_chart_finalize (GObject *object)
{
  FhIndicatorChart *self = FH_INDICATOR_CHART (object);

  clear_points (self->points);
  g_array_unref (self->points);
  g_array_unref (self->suppressed);
  g_ptr_array_unref (self->comparators);
  g_clear_pointer (&self->rule.baseline_date, g_date_time_unref);
  g_clear_pointer (&self->rule.target_date, g_date_time_unref);
  g_clear_pointer (&self->x_min, g_date_time_unref);
  g_clear_pointer (&self->x_max, g_date_time_unref);
  g_free (self->unit);
  g_free (self->annotation);

  G_OBJECT_CLASS (fh_indicator_chart_parent_class)->finalize (object);
}

static void
fh_indicator_chart_class_init (FhIndicatorChartClass *klass)
{
  FhChartClass *chart_class = FH_CHART_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = fh_indicator_chart_finalize;
  chart_class->draw = fh_indicator_chart_draw;
  chart_class->to_csv = to_csv;
  chart_class->get_alt_text = get_alt_text;
  chart_class->get_n_items = indicator_get_n_items;
  chart_class->get_item_label = indicator_get_item_label;
  chart_class->get_item_bounds = indicator_get_item_bounds;
}

static void
fh_indicator_chart_init (FhIndicatorChart *self)
{
  self->points = g_array_new (FALSE, TRUE, sizeof (FhRagPoint));
  self->suppressed = g_array_new (FALSE, TRUE, sizeof (gboolean));
  self->comparators = g_ptr_array_new_with_free_func (comparator_free);
  self->rule = (FhRagRule) { TRUE, NAN, NULL, NAN, NULL, NAN };
  fh_rag_assess (&self->rule, NULL, 0, &self->assessment);
  self->plot_w = self->plot_h = 1;
  self->y_max = 1;
}

FhIndicatorChart *
fh_indicator_chart_new (void)
{
  return g_object_new (FH_TYPE_INDICATOR_CHART, NULL);
}

void
fh_indicator_chart_set_compact (FhIndicatorChart *self,
                                gboolean          compact)
{
  g_return_if_fail (FH_IS_INDICATOR_CHART (self));

  self->compact = !!compact;
  fh_chart_emit_changed (FH_CHART (self));
}

gboolean
fh_indicator_chart_get_compact (FhIndicatorChart *self)
{
  g_return_val_if_fail (FH_IS_INDICATOR_CHART (self), FALSE);

  return self->compact;
}

static void
update_annotation (FhIndicatorChart *self)
{
  const FhRagAssessment *a = &self->assessment;

  g_clear_pointer (&self->annotation, g_free);
  if (a->latest_date != NULL)
    {
      g_autofree char *v = fh_priority_format_value (a->latest_value, self->unit);
      g_autofree char *when = g_date_time_format (a->latest_date, "%b %Y");

      /* TRANSLATORS: the latest value and its period, "16.8%, Sep 2026" */
      self->annotation = g_strdup_printf (_("%s, %s"), v, when);
    }
}

void
fh_indicator_chart_set_unit (FhIndicatorChart *self,
                             const char       *unit)
{
  g_return_if_fail (FH_IS_INDICATOR_CHART (self));

  g_free (self->unit);
  self->unit = g_strdup (unit);
  update_annotation (self);
  fh_chart_emit_changed (FH_CHART (self));
}

void
fh_indicator_chart_set_data (FhIndicatorChart *self,
                             const FhRagRule  *rule,
                             const FhRagPoint *points,
                             gsize             n_points)
{
  fh_indicator_chart_set_data_full (self, rule, points, NULL, n_points);
}

void
fh_indicator_chart_set_data_full (FhIndicatorChart *self,
                                  const FhRagRule  *rule,
                                  const FhRagPoint *points,
                                  const gboolean   *suppressed,
                                  gsize             n_points)
{
  g_autoptr(GArray) copy = NULL;
  gboolean any = FALSE;

  g_return_if_fail (FH_IS_INDICATOR_CHART (self));
  g_return_if_fail (rule != NULL);
  g_return_if_fail (points != NULL || n_points == 0);

  g_array_set_size (self->suppressed, 0);
  copy = copy_points (points, suppressed, n_points, self->suppressed);
  clear_points (self->points);
  g_array_append_vals (self->points, copy->data, copy->len);
  g_array_set_size (copy, 0);   /* the dates moved */
  for (guint i = 0; i < self->suppressed->len; i++)
    any = any || g_array_index (self->suppressed, gboolean, i);

  g_clear_pointer (&self->rule.baseline_date, g_date_time_unref);
  g_clear_pointer (&self->rule.target_date, g_date_time_unref);
  self->rule = *rule;
  if (rule->baseline_date != NULL)
    g_date_time_ref (rule->baseline_date);
  if (rule->target_date != NULL)
    g_date_time_ref (rule->target_date);

  fh_rag_assess (&self->rule, (FhRagPoint *) self->points->data, self->points->len, &self->assessment);
  update_annotation (self);
  fh_chart_set_has_suppressed (FH_CHART (self), any);
  fh_chart_emit_changed (FH_CHART (self));
}

void
fh_indicator_chart_clear_comparators (FhIndicatorChart *self)
{
  g_return_if_fail (FH_IS_INDICATOR_CHART (self));

  g_ptr_array_set_size (self->comparators, 0);
  fh_chart_emit_changed (FH_CHART (self));
}

void
fh_indicator_chart_add_comparator (FhIndicatorChart *self,
                                   const char       *name,
                                   const FhRagPoint *points,
                                   gsize             n_points)
{
  Comparator *c;

  g_return_if_fail (FH_IS_INDICATOR_CHART (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (points != NULL || n_points == 0);

  c = g_new0 (Comparator, 1);
  c->name = g_strdup (name);
  c->points = copy_points (points, NULL, n_points, NULL);
  g_ptr_array_add (self->comparators, c);
  fh_chart_emit_changed (FH_CHART (self));
}

const FhRagAssessment *
fh_indicator_chart_get_assessment (FhIndicatorChart *self)
{
  g_return_val_if_fail (FH_IS_INDICATOR_CHART (self), NULL);

  return &self->assessment;
}

gboolean
fh_indicator_chart_get_trajectory (FhIndicatorChart *self,
                                   double           *x0,
                                   double           *y0,
                                   double           *x1,
                                   double           *y1)
{
  const FhRagAssessment *a;

  g_return_val_if_fail (FH_IS_INDICATOR_CHART (self), FALSE);

  a = &self->assessment;
  if (!has_bands (self) || a->baseline_date == NULL || self->x_min == NULL)
    return FALSE;
  *x0 = fh_indicator_chart_date_to_x (self, a->baseline_date);
  *y0 = fh_indicator_chart_value_to_y (self, a->baseline);
  *x1 = fh_indicator_chart_date_to_x (self, self->rule.target_date);
  *y1 = fh_indicator_chart_value_to_y (self, self->rule.target);
  return TRUE;
}

gboolean
fh_indicator_chart_get_annotation (FhIndicatorChart *self,
                                   double           *x,
                                   double           *y,
                                   const char      **text)
{
  g_return_val_if_fail (FH_IS_INDICATOR_CHART (self), FALSE);

  if (self->assessment.latest_date == NULL || self->x_min == NULL)
    return FALSE;
  *x = fh_indicator_chart_date_to_x (self, self->assessment.latest_date);
  *y = fh_indicator_chart_value_to_y (self, self->assessment.latest_value);
  *text = self->annotation;
  return TRUE;
}

void
fh_indicator_chart_get_plot (FhIndicatorChart *self,
                             double           *x,
                             double           *y,
                             double           *width,
                             double           *height)
{
  g_return_if_fail (FH_IS_INDICATOR_CHART (self));

  *x = self->plot_x;
  *y = self->plot_y;
  *width = self->plot_w;
  *height = self->plot_h;
}
