/* fh-strip-chart.c — every worker a dot, one column per service
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "fh-chart-frame.h"
#include "fh-strip-chart.h"

#define MARGIN    FH_CHART_MARGIN
#define TEXT_PT   FH_CHART_TEXT_PT
#define SMALL_PT  FH_CHART_SMALL_PT
#define DOT_R     4.5
#define HIT_R     8.0

typedef struct {
  char   *label;
  double  threshold;
  /* the model, after a draw */
  double  median_x0, median_x1, median_y;
  double  threshold_x0, threshold_x1, threshold_y;
} Column;

typedef struct {
  guint   column;
  char   *id;
  char   *detail;
  double  value;
  double  sx, sy;   /* drawn position */
} Dot;

struct _FhStripChart
{
  FhChart  parent_instance;
  char    *axis_label;
  GArray  *columns;   /* of Column */
  GArray  *dots;      /* of Dot */
  int      selected;
};

G_DEFINE_FINAL_TYPE (FhStripChart, fh_strip_chart, FH_TYPE_CHART)

static void
column_clear (gpointer data)
{
  g_free (((Column *) data)->label);
}

static void
dot_clear (gpointer data)
{
  Dot *d = data;

  g_free (d->id);
  g_free (d->detail);
}

FhColor
fh_strip_chart_above_color (void)
{
  return fh_chart_theme_categorical (3);
}

static gboolean
dot_above (FhStripChart *self, const Dot *d)
{
  Column *c = &g_array_index (self->columns, Column, d->column);

  return !isnan (d->value) && !isnan (c->threshold) && d->value > c->threshold;
}

/* Sideways spread in [-1, 1] from the dot's id: the same on every draw,
 * every machine and every export. */
static double
jitter (const Dot *d, guint index)
{
  guint32 h = 2166136261u;   /* FNV-1a */
  const char *s = d->id ? d->id : "";

  for (; *s; s++)
    h = (h ^ (guchar) *s) * 16777619u;
  h ^= index * 2654435761u * (d->id == NULL);
  return ((h % 2001) / 1000.0) - 1.0;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static double
quantile (const double *sorted, guint n, double p)
{
  double h = (n - 1) * p;
  guint lo = (guint) floor (h);

  if (lo + 1 >= n)
    return sorted[n - 1];
  return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
}

static void
draw_dot (cairo_t *cr, double x, double y, gboolean above, const FhColor *fill)
{
  cairo_new_path (cr);
  if (above)
    {
      /* a triangle pointing up, its centroid at (x, y) */
      double r = DOT_R + 1.5;
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r * 0.866, y + r * 0.5);
      cairo_line_to (cr, x - r * 0.866, y + r * 0.5);
      cairo_close_path (cr);
    }
  else
    cairo_arc (cr, x, y, DOT_R, 0, 2 * G_PI);
  fh_color_apply (fill, cr);
  cairo_fill_preserve (cr);
  /* a triangle has a dark outline too: it stands out in print and in grey */
  if (above)
    {
      FhColor text = fh_chart_theme_text ();
      fh_color_apply (&text, cr);
    }
  else
    {
      FhColor background = fh_chart_theme_background ();
      fh_color_apply (&background, cr);
    }
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

/* The key: what a circle, a triangle, the box, the median and the dashed line mean. */
static double
draw_key (FhStripChart *self, cairo_t *cr, double y, gboolean any_withheld)
{
  FhColor text = fh_chart_theme_text (), muted = fh_chart_theme_muted_text ();
  FhColor first = fh_chart_theme_categorical (0), above = fh_strip_chart_above_color ();
  double x = MARGIN, h = 0;
  const char *items[] = { _("at or below the threshold"), _("above the threshold"),
                          _("box: middle half of workers; bar: median"), _("threshold"),
                          any_withheld ? _("c: caseload withheld (small numbers)") : NULL };

  for (guint k = 0; k < G_N_ELEMENTS (items) && items[k]; k++)
    {
      g_autoptr(PangoLayout) l = fh_chart_text_layout (cr, items[k], SMALL_PT, FALSE);
      double lh = fh_layout_height (l), cy = y + lh / 2;

      h = MAX (h, lh);
      switch (k)
        {
        case 0: draw_dot (cr, x + 5, cy, FALSE, &first); break;
        case 1: draw_dot (cr, x + 5, cy, TRUE, &above); break;
        case 2:
          fh_color_apply (&muted, cr);
          cairo_set_line_width (cr, 1);
          cairo_rectangle (cr, x + 0.5, cy - 5.5, 10, 11);
          cairo_stroke (cr);
          fh_color_apply (&text, cr);
          cairo_set_line_width (cr, 3);
          cairo_move_to (cr, x - 2, cy); cairo_line_to (cr, x + 13, cy);
          cairo_stroke (cr);
          break;
        case 3:
          {
            static const double dash[] = { 5, 3 };
            fh_color_apply (&text, cr);
            cairo_set_line_width (cr, 1.5);
            cairo_set_dash (cr, dash, 2, 0);
            cairo_move_to (cr, x - 2, cy); cairo_line_to (cr, x + 13, cy);
            cairo_stroke (cr);
            cairo_set_dash (cr, NULL, 0, 0);
          }
          break;
        default:
          fh_color_apply (&muted, cr);
          cairo_set_line_width (cr, 1.25);
          cairo_new_path (cr);
          cairo_arc (cr, x + 5, cy, DOT_R - 0.5, 0, 2 * G_PI);
          cairo_stroke (cr);
          break;
        }
      fh_chart_show_layout (cr, l, x + 16, y, &muted);
      x += 16 + fh_layout_width (l) + 18;
    }
  return y + h + 8;
}

static void
fh_strip_chart_draw (FhChart *chart, cairo_t *cr, double width, double height)
{
  FhStripChart *self = FH_STRIP_CHART (chart);
  FhColor text = fh_chart_theme_text (), muted = fh_chart_theme_muted_text ();
  FhColor grid = fh_chart_theme_grid (), focus = fh_chart_theme_focus ();
  FhColor above_color = fh_strip_chart_above_color ();
  guint n_cols = self->columns->len;
  double top, bottom, max_v = 0, step, px, pw, py, ph, cw, labels_h = 0, withheld_y = 0;
  gboolean any_withheld = FALSE;
  guint decimals = fh_chart_get_value_decimals (chart);

  top = fh_chart_draw_heading (cr, width, fh_chart_get_title (chart), self->axis_label);
  for (guint i = 0; i < self->dots->len; i++)
    {
      Dot *d = &g_array_index (self->dots, Dot, i);

      d->sx = d->sy = NAN;
      if (isnan (d->value))
        any_withheld = TRUE;
      else
        max_v = MAX (max_v, d->value);
    }
  for (guint c = 0; c < n_cols; c++)
    {
      Column *col = &g_array_index (self->columns, Column, c);

      col->median_y = col->threshold_y = NAN;
      if (!isnan (col->threshold))
        max_v = MAX (max_v, col->threshold);
    }
  top = draw_key (self, cr, top, any_withheld);
  bottom = fh_chart_draw_caption (cr, width, height, fh_chart_get_caption (chart));
  if (n_cols == 0)
    return;

  /* column labels along the bottom */
  px = MARGIN + 40;
  pw = MAX (width - px - MARGIN, 10);
  cw = pw / n_cols;
  for (guint c = 0; c < n_cols; c++)
    {
      Column *col = &g_array_index (self->columns, Column, c);
      guint n = 0;
      g_autofree char *text_label = NULL;
      g_autoptr(PangoLayout) l = NULL;

      for (guint i = 0; i < self->dots->len; i++)
        n += g_array_index (self->dots, Dot, i).column == c;
      /* Translators: a column of the strip plot: "Core (30 workers)" */
      text_label = g_strdup_printf (g_dngettext (NULL, "%s (%u worker)", "%s (%u workers)", n),
                                    col->label, n);
      l = fh_chart_text_layout (cr, text_label, TEXT_PT, TRUE);
      labels_h = MAX (labels_h, fh_layout_height (l));
      fh_chart_show_layout (cr, l, px + cw * (c + 0.5) - fh_layout_width (l) / 2,
                            bottom - fh_layout_height (l), &text);
    }
  bottom -= labels_h + 6;
  if (any_withheld)
    {
      g_autoptr(PangoLayout) l = fh_chart_text_layout (cr, FH_FORMAT_SUPPRESSED, TEXT_PT, TRUE);

      withheld_y = bottom - 8;
      fh_chart_show_layout (cr, l, px - 10 - fh_layout_width (l), withheld_y - fh_layout_height (l) / 2, &muted);
      bottom -= 22;
    }

  py = top + 4;
  ph = MAX (bottom - py, 10);
  if (max_v <= 0)
    max_v = 1;
  step = fh_chart_nice_step (max_v, 5);
  max_v = ceil (max_v * 1.05 / step) * step;

  /* grid and values */
  cairo_set_line_width (cr, 1);
  for (double v = 0; v <= max_v + step / 2; v += step)
    {
      double y = round (py + ph * (1 - v / max_v)) + 0.5;
      g_autofree char *t = fh_format_number (v, step < 1 ? 1 : 0);
      g_autoptr(PangoLayout) l = fh_chart_text_layout (cr, t, SMALL_PT, FALSE);

      fh_color_apply (&grid, cr);
      cairo_move_to (cr, px, y); cairo_line_to (cr, px + pw, y); cairo_stroke (cr);
      fh_chart_show_layout (cr, l, px - 6 - fh_layout_width (l), y - fh_layout_height (l) / 2, &muted);
    }

  for (guint c = 0; c < n_cols; c++)
    {
      Column *col = &g_array_index (self->columns, Column, c);
      FhColor colour = fh_chart_theme_categorical (c);
      double cx = px + cw * (c + 0.5), box_hw = MIN (cw * 0.18, 36), spread = MIN (cw * 0.3, 70);
      double q1, med, q3;

      /* the box, behind the dots */
      if (fh_strip_chart_get_quartiles (self, c, &q1, &med, &q3))
        {
          double y1 = py + ph * (1 - q3 / max_v), y3 = py + ph * (1 - q1 / max_v);

          cairo_rectangle (cr, round (cx - box_hw) + 0.5, round (y1) + 0.5,
                           round (2 * box_hw), MAX (round (y3 - y1), 1));
          cairo_set_source_rgba (cr, colour.r, colour.g, colour.b, 0.10);
          cairo_fill_preserve (cr);
          fh_color_apply (&muted, cr);
          cairo_set_line_width (cr, 1);
          cairo_stroke (cr);
        }

      /* the dots: below the threshold first, those above on top */
      for (int pass = 0; pass < 2; pass++)
        for (guint i = 0; i < self->dots->len; i++)
          {
            Dot *d = &g_array_index (self->dots, Dot, i);
            gboolean above = dot_above (self, d);

            if (d->column != c || isnan (d->value) || above != (pass == 1))
              continue;
            d->sx = cx + jitter (d, i) * spread;
            d->sy = py + ph * (1 - d->value / max_v);
            draw_dot (cr, d->sx, d->sy, above, above ? &above_color : &colour);
          }
      /* withheld: hollow, under the axis */
      for (guint i = 0; i < self->dots->len; i++)
        {
          Dot *d = &g_array_index (self->dots, Dot, i);

          if (d->column != c || !isnan (d->value))
            continue;
          d->sx = cx + jitter (d, i) * spread;
          d->sy = withheld_y;
          cairo_new_path (cr);
          cairo_arc (cr, d->sx, d->sy, DOT_R - 0.5, 0, 2 * G_PI);
          {
            FhColor background = fh_chart_theme_background ();
            fh_color_apply (&background, cr);
          }
          cairo_fill_preserve (cr);
          fh_color_apply (&muted, cr);
          cairo_set_line_width (cr, 1.25);
          cairo_stroke (cr);
        }

      /* the threshold */
      if (!isnan (col->threshold))
        {
          static const double dash[] = { 5, 3 };
          g_autofree char *v = fh_format_number (col->threshold, 0);
          /* Translators: the threshold line's label, e.g. "threshold 20" */
          g_autofree char *t = g_strdup_printf (_("threshold %s"), v);
          g_autoptr(PangoLayout) l = fh_chart_text_layout (cr, t, SMALL_PT, FALSE);

          col->threshold_x0 = cx - cw * 0.47;
          col->threshold_x1 = cx + cw * 0.47;
          col->threshold_y = round (py + ph * (1 - col->threshold / max_v)) + 0.5;
          fh_color_apply (&text, cr);
          cairo_set_line_width (cr, 1.5);
          cairo_set_dash (cr, dash, 2, 0);
          cairo_move_to (cr, col->threshold_x0, col->threshold_y);
          cairo_line_to (cr, col->threshold_x1, col->threshold_y);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          fh_chart_show_layout (cr, l, col->threshold_x1 - fh_layout_width (l),
                                col->threshold_y - fh_layout_height (l) - 1, &text);
        }

      /* the median, on top of the dots */
      if (fh_strip_chart_get_quartiles (self, c, &q1, &med, &q3))
        {
          g_autofree char *v = fh_format_number (med, decimals);
          g_autofree char *t = g_strdup_printf (_("median %s"), v);
          g_autoptr(PangoLayout) l = fh_chart_text_layout (cr, t, SMALL_PT, TRUE);

          col->median_x0 = cx - box_hw - 6;
          col->median_x1 = cx + box_hw + 6;
          col->median_y = py + ph * (1 - med / max_v);
          fh_color_apply (&text, cr);
          cairo_set_line_width (cr, 3);
          cairo_move_to (cr, col->median_x0, col->median_y);
          cairo_line_to (cr, col->median_x1, col->median_y);
          cairo_stroke (cr);
          /* on the background, so a threshold line behind it does not cross the words */
          cairo_rectangle (cr, col->median_x0 - 6 - fh_layout_width (l), col->median_y - fh_layout_height (l) / 2,
                           fh_layout_width (l) + 4, fh_layout_height (l));
          {
            FhColor background = fh_chart_theme_background ();
            fh_color_apply (&background, cr);
          }
          cairo_fill (cr);
          fh_chart_show_layout (cr, l, col->median_x0 - 4 - fh_layout_width (l),
                                col->median_y - fh_layout_height (l) / 2, &text);
        }

    }

  /* the selected dot: a ring in the focus colour */
  if (self->selected >= 0 && (guint) self->selected < self->dots->len)
    {
      Dot *d = &g_array_index (self->dots, Dot, self->selected);

      if (!isnan (d->sx))
        {
          fh_color_apply (&focus, cr);
          cairo_set_line_width (cr, 2);
          cairo_new_path (cr);
          cairo_arc (cr, d->sx, d->sy, HIT_R + 1, 0, 2 * G_PI);
          cairo_stroke (cr);
        }
    }

  /* the baseline */
  fh_color_apply (&muted, cr);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, px, round (py + ph) + 0.5);
  cairo_line_to (cr, px + pw, round (py + ph) + 0.5);
  cairo_stroke (cr);
}

static char *
to_csv (FhChart *chart)
{
  FhStripChart *self = FH_STRIP_CHART (chart);
  GString *csv = g_string_new (NULL);
  guint decimals = fh_chart_get_value_decimals (chart);

  fh_csv_append_field (csv, _("Group"), FALSE);
  fh_csv_append_field (csv, _("Id"), FALSE);
  fh_csv_append_field (csv, _("Detail"), FALSE);
  fh_csv_append_field (csv, self->axis_label ? self->axis_label : _("Value"), FALSE);
  fh_csv_append_field (csv, _("Threshold"), FALSE);
  fh_csv_append_field (csv, _("Above threshold"), TRUE);
  for (guint i = 0; i < self->dots->len; i++)
    {
      Dot *d = &g_array_index (self->dots, Dot, i);
      Column *c = &g_array_index (self->columns, Column, d->column);
      g_autofree char *value = isnan (d->value) ? g_strdup (FH_FORMAT_SUPPRESSED)
                                                : fh_format_csv_number (d->value, decimals);
      g_autofree char *threshold = fh_format_csv_number (c->threshold, decimals);

      fh_csv_append_field (csv, c->label, FALSE);
      fh_csv_append_field (csv, d->id ? d->id : "", FALSE);
      fh_csv_append_field (csv, d->detail ? d->detail : "", FALSE);
      fh_csv_append_field (csv, value, FALSE);
      fh_csv_append_field (csv, threshold, FALSE);
      fh_csv_append_field (csv, isnan (d->value) || isnan (c->threshold) ? ""
                                : dot_above (self, d) ? _("yes") : _("no"), TRUE);
    }
  return g_string_free (csv, FALSE);
}

static char *
get_alt_text (FhChart *chart)
{
  FhStripChart *self = FH_STRIP_CHART (chart);
  GString *alt = g_string_new (NULL);
  guint decimals = fh_chart_get_value_decimals (chart);

  g_string_append_printf (alt, _("%s. Strip plot of %u dots in %u groups: %s."),
                          fh_chart_get_title (chart) ? fh_chart_get_title (chart) : "",
                          self->dots->len, self->columns->len,
                          self->axis_label ? self->axis_label : _("values"));
  for (guint c = 0; c < self->columns->len; c++)
    {
      Column *col = &g_array_index (self->columns, Column, c);
      guint n = 0, above = 0, withheld = 0;
      double q1, med, q3;

      for (guint i = 0; i < self->dots->len; i++)
        {
          Dot *d = &g_array_index (self->dots, Dot, i);
          if (d->column != c)
            continue;
          n++;
          above += dot_above (self, d);
          withheld += isnan (d->value);
        }
      if (fh_strip_chart_get_quartiles (self, c, &q1, &med, &q3))
        {
          g_autofree char *m = fh_format_number (med, decimals);
          g_autofree char *a = fh_format_number (q1, decimals);
          g_autofree char *b = fh_format_number (q3, decimals);
          g_autofree char *t = fh_format_number (col->threshold, decimals);

          g_string_append_printf (alt, _(" %s: %u, median %s, middle half %s to %s, %u above the "
                                         "threshold of %s"), col->label, n, m, a, b, above, t);
        }
      else
        g_string_append_printf (alt, _(" %s: %u, none with a known value"), col->label, n);
      if (withheld > 0)
        g_string_append_printf (alt, _(", %u withheld"), withheld);
      g_string_append_c (alt, '.');
    }
  return g_string_free (alt, FALSE);
}

static void
fh_strip_chart_finalize (GObject *object)
{
  FhStripChart *self = FH_STRIP_CHART (object);

  g_free (self->axis_label);
  g_array_unref (self->columns);
  g_array_unref (self->dots);
  G_OBJECT_CLASS (fh_strip_chart_parent_class)->finalize (object);
}

static void
fh_strip_chart_class_init (FhStripChartClass *klass)
{
  FhChartClass *chart_class = FH_CHART_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = fh_strip_chart_finalize;
  chart_class->draw = fh_strip_chart_draw;
  chart_class->to_csv = to_csv;
  chart_class->get_alt_text = get_alt_text;
}

static void
fh_strip_chart_init (FhStripChart *self)
{
  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (self->columns, column_clear);
  self->dots = g_array_new (FALSE, TRUE, sizeof (Dot));
  g_array_set_clear_func (self->dots, dot_clear);
  self->selected = -1;
}

FhStripChart *
fh_strip_chart_new (void)
{
  return g_object_new (FH_TYPE_STRIP_CHART, NULL);
}

void
fh_strip_chart_clear (FhStripChart *self)
{
  g_return_if_fail (FH_IS_STRIP_CHART (self));

  g_array_set_size (self->dots, 0);
  g_array_set_size (self->columns, 0);
  self->selected = -1;
  fh_chart_emit_changed (FH_CHART (self));
}

guint
fh_strip_chart_add_column (FhStripChart *self, const char *label, double threshold)
{
  Column c = { g_strdup (label), threshold, NAN, NAN, NAN, NAN, NAN, NAN };

  g_return_val_if_fail (FH_IS_STRIP_CHART (self), 0);

  g_array_append_val (self->columns, c);
  fh_chart_emit_changed (FH_CHART (self));
  return self->columns->len - 1;
}

guint
fh_strip_chart_add_dot (FhStripChart *self, guint column, const char *id, const char *detail, double value)
{
  Dot d = { column, g_strdup (id), g_strdup (detail), value, NAN, NAN };

  g_return_val_if_fail (FH_IS_STRIP_CHART (self), 0);
  g_return_val_if_fail (column < self->columns->len, 0);

  g_array_append_val (self->dots, d);
  fh_chart_emit_changed (FH_CHART (self));
  return self->dots->len - 1;
}

void
fh_strip_chart_set_axis_label (FhStripChart *self, const char *label)
{
  g_return_if_fail (FH_IS_STRIP_CHART (self));

  g_free (self->axis_label);
  self->axis_label = g_strdup (label);
  fh_chart_emit_changed (FH_CHART (self));
}

void
fh_strip_chart_set_selected (FhStripChart *self, int dot)
{
  g_return_if_fail (FH_IS_STRIP_CHART (self));

  if (dot >= (int) self->dots->len)
    dot = -1;
  if (self->selected == dot)
    return;
  self->selected = dot;
  fh_chart_emit_changed (FH_CHART (self));
}

int
fh_strip_chart_get_selected (FhStripChart *self)
{
  g_return_val_if_fail (FH_IS_STRIP_CHART (self), -1);
  return self->selected;
}

guint
fh_strip_chart_get_n_dots (FhStripChart *self)
{
  g_return_val_if_fail (FH_IS_STRIP_CHART (self), 0);
  return self->dots->len;
}

gboolean
fh_strip_chart_get_dot_position (FhStripChart *self, guint i, double *x, double *y)
{
  Dot *d;

  g_return_val_if_fail (FH_IS_STRIP_CHART (self), FALSE);
  if (i >= self->dots->len)
    return FALSE;
  d = &g_array_index (self->dots, Dot, i);
  if (isnan (d->sx))
    return FALSE;
  *x = d->sx;
  *y = d->sy;
  return TRUE;
}

gboolean
fh_strip_chart_dot_is_above (FhStripChart *self, guint i)
{
  g_return_val_if_fail (FH_IS_STRIP_CHART (self), FALSE);
  g_return_val_if_fail (i < self->dots->len, FALSE);
  return dot_above (self, &g_array_index (self->dots, Dot, i));
}

gboolean
fh_strip_chart_get_quartiles (FhStripChart *self, guint column, double *q1, double *median, double *q3)
{
  g_autofree double *values = NULL;
  guint n = 0;

  g_return_val_if_fail (FH_IS_STRIP_CHART (self), FALSE);
  if (column >= self->columns->len)
    return FALSE;
  values = g_new (double, self->dots->len + 1);
  for (guint i = 0; i < self->dots->len; i++)
    {
      Dot *d = &g_array_index (self->dots, Dot, i);
      if (d->column == column && !isnan (d->value))
        values[n++] = d->value;
    }
  if (n == 0)
    return FALSE;
  qsort (values, n, sizeof (double), compare_doubles);
  *q1 = quantile (values, n, 0.25);
  *median = quantile (values, n, 0.5);
  *q3 = quantile (values, n, 0.75);
  return TRUE;
}

gboolean
fh_strip_chart_get_median_line (FhStripChart *self, guint column, double *x0, double *x1, double *y)
{
  Column *c;

  g_return_val_if_fail (FH_IS_STRIP_CHART (self), FALSE);
  if (column >= self->columns->len)
    return FALSE;
  c = &g_array_index (self->columns, Column, column);
  if (isnan (c->median_y))
    return FALSE;
  *x0 = c->median_x0;
  *x1 = c->median_x1;
  *y = c->median_y;
  return TRUE;
}

gboolean
fh_strip_chart_get_threshold_line (FhStripChart *self, guint column, double *x0, double *x1, double *y)
{
  Column *c;

  g_return_val_if_fail (FH_IS_STRIP_CHART (self), FALSE);
  if (column >= self->columns->len)
    return FALSE;
  c = &g_array_index (self->columns, Column, column);
  if (isnan (c->threshold_y))
    return FALSE;
  *x0 = c->threshold_x0;
  *x1 = c->threshold_x1;
  *y = c->threshold_y;
  return TRUE;
}

int
fh_strip_chart_hit_test (FhStripChart *self, double x, double y)
{
  int best = -1;
  double best_d = HIT_R * HIT_R;

  g_return_val_if_fail (FH_IS_STRIP_CHART (self), -1);
  for (guint i = 0; i < self->dots->len; i++)
    {
      Dot *d = &g_array_index (self->dots, Dot, i);
      double dd = (d->sx - x) * (d->sx - x) + (d->sy - y) * (d->sy - y);

      if (!isnan (d->sx) && dd <= best_d)
        {
          best = i;
          best_d = dd;
        }
    }
  return best;
}
