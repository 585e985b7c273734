/* fh-line-chart.c — monthly series, with an optional forecast band
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Series are labelled directly at their right-hand end (no legend to look
 * across to), and dashed or thin lines as well as colour tell them apart.
 */
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "fh-chart-frame.h"
#include "fh-line-chart.h"

#define SMALL_PT FH_CHART_SMALL_PT
#define LABELS_W 150.0

typedef struct {
  char        *name;
  guint        start;
  GArray      *values;     /* double */
  GArray      *high;       /* double, bands only */
  GArray      *suppressed; /* gboolean, as values */
  guint        colour;
  FhLineStyle  style;
  gboolean     band;
} Series;

struct _FhLineChart
{
  FhChart    parent_instance;

  int        first_year, first_month;
  GPtrArray *series;

  /* last draw */
  double     plot_x, plot_y, plot_w, plot_h, y_max;
  guint      n_months;
};

G_DEFINE_FINAL_TYPE (FhLineChart, fh_line_chart, FH_TYPE_CHART)

static void
series_free (gpointer data)
{
  Series *s = data;

  g_free (s->name);
  g_array_unref (s->values);
  g_array_unref (s->suppressed);
  g_clear_pointer (&s->high, g_array_unref);
  g_free (s);
}

static double
month_x (FhLineChart *self, double offset)
{
  return self->plot_x + self->plot_w * offset / MAX (self->n_months - 1, 1);
}

static double
value_y (FhLineChart *self, double v)
{
  return self->plot_y + self->plot_h * (1 - v / self->y_max);
}

static gboolean
point_suppressed (Series *s, guint k)
{
  return k < s->suppressed->len && g_array_index (s->suppressed, gboolean, k);
}

/* Every month of the series is suppressed: it is named under the plot
 * rather than hatching the whole chart. */
static gboolean
all_suppressed (Series *s)
{
  for (guint k = 0; k < s->values->len; k++)
    if (!point_suppressed (s, k))
      return FALSE;
  return s->values->len > 0;
}

/* Whether month @offset of a partly suppressed series is suppressed. */
static gboolean
month_suppressed (FhLineChart *self, guint offset)
{
  for (guint i = 0; i < self->series->len; i++)
    {
      Series *s = g_ptr_array_index (self->series, i);

      if (offset >= s->start && point_suppressed (s, offset - s->start) && !all_suppressed (s))
        return TRUE;
    }
  return FALSE;
}

static void
band_of (FhLineChart *self, guint offset, double *x, double *w)
{
  double step = self->plot_w / MAX (self->n_months - 1, 1);
  double half = MAX (step, 8) / 2;
  double left = MAX (month_x (self, offset) - half, self->plot_x);
  double right = MIN (month_x (self, offset) + half, self->plot_x + self->plot_w);

  *x = left;
  *w = MAX (right - left, 1);
}

static void
update_has_suppressed (FhLineChart *self)
{
  gboolean any = FALSE;

  for (guint i = 0; i < self->series->len; i++)
    {
      Series *s = g_ptr_array_index (self->series, i);

      for (guint k = 0; k < s->suppressed->len; k++)
        any |= point_suppressed (s, k);
    }
  fh_chart_set_has_suppressed (FH_CHART (self), any);
}

static void
fh_line_chart_draw (FhChart *chart, cairo_t *cr, double width, double height)
{
  FhLineChart *self = FH_LINE_CHART (chart);
  FhColor muted = fh_chart_theme_muted_text ();
  FhColor grid = fh_chart_theme_grid ();
  double inner_w = width - 2 * FH_CHART_MARGIN, step, max = 0;
  double top = fh_chart_draw_heading (cr, width, fh_chart_get_title (FH_CHART (self)), fh_chart_get_value_label (FH_CHART (self))) + 2;
  double bottom = fh_chart_draw_chart_caption (cr, chart, width, height);
  g_autoptr(GDateTime) first = NULL;
  g_autofree char *listed = fh_line_chart_dup_suppressed_text (self);

  if (listed != NULL)
    {
      /* series with every month suppressed, named under the plot after a hatched key */
      FhColor text = fh_chart_theme_text ();
      g_autoptr(PangoLayout) l = fh_chart_text_layout (cr, listed, SMALL_PT, FALSE);

      pango_layout_set_width (l, (inner_w - 24) * PANGO_SCALE);
      pango_layout_set_wrap (l, PANGO_WRAP_WORD);
      bottom -= fh_layout_height (l);
      cairo_new_path (cr);
      cairo_rectangle (cr, FH_CHART_MARGIN + 0.5, bottom + 1.5, 17, 11);
      fh_chart_hatch_path (cr);
      fh_color_apply (&muted, cr);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      fh_chart_show_layout (cr, l, FH_CHART_MARGIN + 24, bottom, &text);
      bottom -= 8;
    }

  self->n_months = 1;
  for (guint i = 0; i < self->series->len; i++)
    {
      Series *s = g_ptr_array_index (self->series, i);
      GArray *top_values = s->band ? s->high : s->values;

      self->n_months = MAX (self->n_months, s->start + s->values->len);
      for (guint k = 0; k < top_values->len; k++)
        if (!isnan (g_array_index (top_values, double, k)) && !point_suppressed (s, k))
          max = MAX (max, g_array_index (top_values, double, k));
    }
  if (max <= 0)
    max = 1;
  step = fh_chart_nice_step (max, 5);
  self->y_max = ceil (max * 1.05 / step) * step;
  self->plot_x = FH_CHART_MARGIN + 44;
  self->plot_y = top;
  self->plot_w = MAX (inner_w - 44 - LABELS_W, 10);
  self->plot_h = MAX (bottom - 20 - top, 10);

  /* horizontal gridlines with their values */
  cairo_set_line_width (cr, 1);
  for (double v = 0; v <= self->y_max + step / 2; v += step)
    {
      double y = round (value_y (self, v)) + 0.5;
      g_autofree char *t = fh_format_number (v, step < 1 ? 1 : 0);
      g_autoptr(PangoLayout) l = fh_chart_text_layout (cr, t, SMALL_PT, FALSE);

      fh_color_apply (&grid, cr);
      cairo_move_to (cr, self->plot_x, y);
      cairo_line_to (cr, self->plot_x + self->plot_w, y);
      cairo_stroke (cr);
      fh_chart_show_layout (cr, l, self->plot_x - 6 - fh_layout_width (l), y - fh_layout_height (l) / 2, &muted);
    }

  /* month labels: every April and October, with the year */
  first = g_date_time_new_utc (self->first_year, self->first_month, 1, 0, 0, 0);
  for (guint m = 0; m < self->n_months; m++)
    {
      g_autoptr(GDateTime) d = g_date_time_add_months (first, m);
      int month = g_date_time_get_month (d);

      if (month == 4 || month == 10)
        {
          g_autofree char *t = g_date_time_format (d, "%b %Y");
          g_autoptr(PangoLayout) l = fh_chart_text_layout (cr, t, SMALL_PT, FALSE);
          double x = month_x (self, m);

          fh_color_apply (&grid, cr);
          cairo_move_to (cr, round (x) + 0.5, self->plot_y + self->plot_h);
          cairo_line_to (cr, round (x) + 0.5, self->plot_y + self->plot_h + 4);
          cairo_stroke (cr);
          fh_chart_show_layout (cr, l, x - fh_layout_width (l) / 2, self->plot_y + self->plot_h + 5, &muted);
        }
    }

  /* suppressed months: a hatched band, marked "c" at its top */
  for (guint m = 0; m < self->n_months; m++)
    if (month_suppressed (self, m))
      {
        double x, w;

        band_of (self, m, &x, &w);
        cairo_new_path (cr);
        cairo_rectangle (cr, x, self->plot_y, w, self->plot_h);
        fh_chart_hatch_path (cr);
        cairo_new_path (cr);
      }
  for (guint m = 0; m < self->n_months; m++)
    if (month_suppressed (self, m) && (m == 0 || !month_suppressed (self, m - 1)))
      {
        /* one "c" per run of suppressed months, in its middle */
        guint end = m;

        while (end + 1 < self->n_months && month_suppressed (self, end + 1))
          end++;
        fh_chart_draw_suppressed_mark (cr, (month_x (self, m) + month_x (self, end)) / 2,
                                       self->plot_y + 10, FH_CHART_TEXT_PT);
      }

  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (double) * 3);

  for (guint i = 0; i < self->series->len; i++)
    {
      Series *s = g_ptr_array_index (self->series, i);
      FhColor c = fh_chart_theme_categorical (s->colour);
      gboolean pen_down = FALSE;
      double last_x = NAN, last_y = NAN;

      if (s->band)
        {
          c.a = 0.18;
          fh_color_apply (&c, cr);
          for (guint k = 0; k < s->values->len; k++)
            {
              double x = month_x (self, s->start + k);
              double y = value_y (self, g_array_index (s->high, double, k));
              if (k == 0) cairo_move_to (cr, x, y); else cairo_line_to (cr, x, y);
            }
          for (guint k = s->values->len; k-- > 0;)
            cairo_line_to (cr, month_x (self, s->start + k), value_y (self, g_array_index (s->values, double, k)));
          cairo_close_path (cr);
          cairo_fill (cr);
          continue;
        }

      fh_color_apply (&c, cr);
      cairo_set_line_width (cr, fh_chart_theme_stroke (s->style == FH_LINE_THIN ? 1.25 : 2.5));
      if (s->style == FH_LINE_DASHED)
        {
          static const double dash[] = { 6, 4 };
          cairo_set_dash (cr, dash, 2, 0);
        }
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      for (guint k = 0; k < s->values->len; k++)
        {
          double v = g_array_index (s->values, double, k);

          if (isnan (v) || point_suppressed (s, k))
            {
              pen_down = FALSE;
              continue;
            }
          last_x = month_x (self, s->start + k);
          last_y = value_y (self, v);
          if (pen_down)
            cairo_line_to (cr, last_x, last_y);
          else
            cairo_move_to (cr, last_x, last_y);
          pen_down = TRUE;
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      /* a month between gaps (missing or suppressed) has no line: a dot */
      for (guint k = 0; k < s->values->len; k++)
        {
          gboolean here = !isnan (g_array_index (s->values, double, k)) && !point_suppressed (s, k);
          gboolean before = k > 0 && !isnan (g_array_index (s->values, double, k - 1))
                            && !point_suppressed (s, k - 1);
          gboolean after = k + 1 < s->values->len && !isnan (g_array_index (s->values, double, k + 1))
                           && !point_suppressed (s, k + 1);

          if (!here || before || after)
            continue;
          cairo_new_path (cr);
          cairo_arc (cr, month_x (self, s->start + k), value_y (self, g_array_index (s->values, double, k)),
                     s->style == FH_LINE_THIN ? 2 : 3, 0, 2 * G_PI);
          cairo_fill (cr);
        }

      if (!isnan (last_x))
        {
          double end[3] = { last_x, last_y, i };
          g_array_append_vals (ends, end, 1);
        }
    }

  /* Direct labels at the line ends, nudged apart so none overlap. */
  {
    double gap = 13;
    guint n = ends->len;
    g_autofree double *ys = g_new (double, MAX (n, 1));
    g_autofree guint *order = g_new (guint, MAX (n, 1));

    for (guint k = 0; k < n; k++)
      {
        order[k] = k;
        ys[k] = ((double *) ends->data)[k * 3 + 1];
      }
    for (guint a = 0; a < n; a++)           /* sort by y */
      for (guint b = a + 1; b < n; b++)
        if (ys[order[b]] < ys[order[a]])
          {
            guint t = order[a]; order[a] = order[b]; order[b] = t;
          }
    for (guint k = 1; k < n; k++)
      if (ys[order[k]] - ys[order[k - 1]] < gap)
        ys[order[k]] = ys[order[k - 1]] + gap;

    for (guint k = 0; k < n; k++)
      {
        double *end = &((double *) ends->data)[k * 3];
        Series *s = g_ptr_array_index (self->series, (guint) end[2]);
        /* text in the line's colour only where that colour reads as text */
        FhColor c = fh_chart_theme_readable (fh_chart_theme_categorical (s->colour));
        g_autoptr(PangoLayout) l = fh_chart_text_layout (cr, s->name, SMALL_PT, s->style == FH_LINE_SOLID);

        pango_layout_set_width (l, (LABELS_W - 8) * PANGO_SCALE);
        pango_layout_set_ellipsize (l, PANGO_ELLIPSIZE_END);
        fh_chart_show_layout (cr, l, self->plot_x + self->plot_w + 8, ys[k] - fh_layout_height (l) / 2, &c);
      }
  }
}


static char *
to_csv (FhChart *chart)
{
  FhLineChart *self = FH_LINE_CHART (chart);
  GString *csv = g_string_new (NULL);
  g_autoptr(GDateTime) first = g_date_time_new_utc (self->first_year, self->first_month, 1, 0, 0, 0);
  guint months = 0;
  gboolean note = fh_chart_get_has_suppressed (chart);

  fh_csv_append_field (csv, _("Month"), self->series->len == 0 && !note);
  for (guint i = 0; i < self->series->len; i++)
    {
      Series *s = g_ptr_array_index (self->series, i);
      g_autofree char *name = s->band ? g_strdup_printf (_("%s (low)"), s->name) : g_strdup (s->name);

      months = MAX (months, s->start + s->values->len);
      fh_csv_append_field (csv, name, !s->band && i + 1 == self->series->len && !note);
      if (s->band)
        {
          g_autofree char *high = g_strdup_printf (_("%s (high)"), s->name);
          fh_csv_append_field (csv, high, i + 1 == self->series->len && !note);
        }
    }
  if (note)
    fh_csv_append_note (csv, TRUE, FALSE);
  for (guint m = 0; m < months; m++)
    {
      g_autoptr(GDateTime) d = g_date_time_add_months (first, m);
      g_autofree char *month = g_date_time_format (d, "%Y-%m");

      gboolean row_suppressed = FALSE;

      fh_csv_append_field (csv, month, self->series->len == 0 && !note);
      for (guint i = 0; i < self->series->len; i++)
        {
          Series *s = g_ptr_array_index (self->series, i);
          gboolean in = m >= s->start && m < s->start + s->values->len;
          gboolean c = in && point_suppressed (s, m - s->start);
          double v = in ? g_array_index (s->values, double, m - s->start) : NAN;
          g_autofree char *t = c ? g_strdup (FH_FORMAT_SUPPRESSED) : fh_format_csv_number (v, 1);

          row_suppressed |= c;
          fh_csv_append_field (csv, t, !s->band && i + 1 == self->series->len && !note);
          if (s->band)
            {
              double h = in ? g_array_index (s->high, double, m - s->start) : NAN;
              g_autofree char *ht = c ? g_strdup (FH_FORMAT_SUPPRESSED) : fh_format_csv_number (h, 1);
              fh_csv_append_field (csv, ht, i + 1 == self->series->len && !note);
            }
        }
      if (note)
        fh_csv_append_note (csv, FALSE, row_suppressed);
    }
  return g_string_free (csv, FALSE);
}

static char *
month_name (FhLineChart *self, guint offset)
{
  g_autoptr(GDateTime) first = g_date_time_new_utc (self->first_year, self->first_month, 1, 0, 0, 0);
  g_autoptr(GDateTime) d = g_date_time_add_months (first, offset);

  return g_date_time_format (d, "%B %Y");
}

/* For each line: its latest figure and its highest, with their months. */
static char *
get_alt_text (FhChart *chart)
{
  FhLineChart *self = FH_LINE_CHART (chart);
  GString *alt = g_string_new (NULL);
  guint decimals = fh_chart_get_value_decimals (chart);

  for (guint i = 0; i < self->series->len; i++)
    {
      Series *s = g_ptr_array_index (self->series, i);
      int last = -1, top = -1;
      guint n_suppressed = 0;

      if (s->band)
        continue;
      for (guint k = 0; k < s->values->len; k++)
        {
          double v = g_array_index (s->values, double, k);

          if (point_suppressed (s, k))
            {
              n_suppressed++;
              continue;
            }
          if (isnan (v))
            continue;
          last = k;
          if (top < 0 || v > g_array_index (s->values, double, top))
            top = k;
        }
      if (alt->len > 0)
        g_string_append (alt, " ");
      if (last < 0)
        {
          /* Translators: a line with no figures, "Aspley: no data." */
          g_string_append_printf (alt, _("%s: no data."), s->name);
          continue;
        }
      {
        g_autofree char *lv = fh_format_number (g_array_index (s->values, double, last), decimals);
        g_autofree char *tv = fh_format_number (g_array_index (s->values, double, top), decimals);
        g_autofree char *lm = month_name (self, s->start + last);
        g_autofree char *tm = month_name (self, s->start + top);

        /* Translators: "Aspley: latest 212.0 in March 2025; highest 250.1 in January 2025." */
        g_string_append_printf (alt, _("%s: latest %s in %s; highest %s in %s."), s->name, lv, lm, tv, tm);
      }
      if (n_suppressed > 0)
        /* Translators: alt text, after a series: "2 months suppressed (c = 1 to 5, suppressed)." */
        g_string_append_printf (alt, _(" %u months suppressed (%s)."), n_suppressed, fh_chart_suppressed_note ());
    }
  if (alt->len == 0)
    g_string_append (alt, _("No figures to show."));
  return g_string_free (alt, FALSE);
}

/* ---- items: every drawn month of every line, line by line ----------------- */

static gboolean
item_at (FhLineChart *self, guint item, guint *series, guint *offset)
{
  for (guint i = 0; i < self->series->len; i++)
    {
      Series *s = g_ptr_array_index (self->series, i);

      if (s->band)
        continue;
      if (item < s->values->len)
        {
          *series = i;
          *offset = s->start + item;
          return TRUE;
        }
      item -= s->values->len;
    }
  return FALSE;
}

static guint
line_get_n_items (FhChart *chart)
{
  FhLineChart *self = FH_LINE_CHART (chart);
  guint n = 0;

  for (guint i = 0; i < self->series->len; i++)
    {
      Series *s = g_ptr_array_index (self->series, i);

      if (!s->band)
        n += s->values->len;
    }
  return n;
}

static char *
line_get_item_label (FhChart *chart, guint item)
{
  FhLineChart *self = FH_LINE_CHART (chart);
  guint series, offset;
  Series *s;
  g_autofree char *month = NULL, *value = NULL;

  if (!item_at (self, item, &series, &offset))
    return NULL;
  s = g_ptr_array_index (self->series, series);
  month = month_name (self, offset);
  value = point_suppressed (s, offset - s->start) ? g_strdup (FH_FORMAT_SUPPRESSED)
          : fh_format_number (g_array_index (s->values, double, offset - s->start), fh_chart_get_value_decimals (chart));
  /* Translators: a point of a line read out, "Aspley, March 2025: 212.0" */
  return g_strdup_printf (_("%s, %s: %s"), s->name, month, value);
}

static gboolean
line_get_item_bounds (FhChart *chart, guint item, double *x, double *y, double *w, double *h)
{
  FhLineChart *self = FH_LINE_CHART (chart);
  guint series, offset;
  double px, py;

  if (!item_at (self, item, &series, &offset)
      || !fh_line_chart_get_point (self, series, offset, &px, &py))
    return FALSE;
  *x = px - 5;
  *y = py - 5;
  *w = 10;
  *h = 10;
  return TRUE;
}

static void
chart_class_init (FhChartClass *iface)
{
  iface->draw = fh_line_chart_draw;
  iface->to_csv = to_csv;
  iface->get_alt_text = get_alt_text;
  iface->get_n_items = line_get_n_items;
  iface->get_item_label = line_get_item_label;
  iface->get_item_bounds = line_get_item_bounds;
}

static void
fh_line_chart_finalize (GObject *object)
{
  FhLineChart *self = FH_LINE_CHART (object);

  g_ptr_array_unref (self->series);

  G_OBJECT_CLASS (fh_line_chart_parent_class)->finalize (object);
}

static void
fh_line_chart_class_init (FhLineChartClass *klass)
{
  chart_class_init (FH_CHART_CLASS (klass));
  G_OBJECT_CLASS (klass)->finalize = fh_line_chart_finalize;
}

static void
fh_line_chart_init (FhLineChart *self)
{
  self->series = g_ptr_array_new_with_free_func (series_free);
  self->first_year = 2000;
  self->first_month = 1;
}

FhLineChart *
fh_line_chart_new (void)
{
  return g_object_new (FH_TYPE_LINE_CHART, NULL);
}


void
fh_line_chart_set_first_month (FhLineChart *self, int year, int month)
{
  g_return_if_fail (FH_IS_LINE_CHART (self));
  g_return_if_fail (month >= 1 && month <= 12);
  self->first_year = year;
  self->first_month = month;
  fh_chart_emit_changed (FH_CHART (self));
}

void
fh_line_chart_clear (FhLineChart *self)
{
  g_return_if_fail (FH_IS_LINE_CHART (self));
  g_ptr_array_set_size (self->series, 0);
  fh_chart_set_has_suppressed (FH_CHART (self), FALSE);
  fh_chart_emit_changed (FH_CHART (self));
}

guint
fh_line_chart_add_series (FhLineChart  *self,
                          const char   *name,
                          guint         start_offset,
                          const double *values,
                          guint         n,
                          guint         colour_index,
                          FhLineStyle   style)
{
  Series *s;

  g_return_val_if_fail (FH_IS_LINE_CHART (self), 0);
  g_return_val_if_fail (n == 0 || values != NULL, 0);

  s = g_new0 (Series, 1);
  s->name = g_strdup (name);
  s->start = start_offset;
  s->values = g_array_sized_new (FALSE, FALSE, sizeof (double), n);
  g_array_append_vals (s->values, values, n);
  s->suppressed = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_array_set_size (s->suppressed, n);
  s->colour = colour_index;
  s->style = style;
  g_ptr_array_add (self->series, s);
  fh_chart_emit_changed (FH_CHART (self));
  return self->series->len - 1;
}

void
fh_line_chart_add_band (FhLineChart  *self,
                        const char   *name,
                        guint         start_offset,
                        const double *low,
                        const double *high,
                        guint         n,
                        guint         colour_index)
{
  guint i = fh_line_chart_add_series (self, name, start_offset, low, n, colour_index, FH_LINE_THIN);
  Series *s = g_ptr_array_index (self->series, i);

  s->band = TRUE;
  s->high = g_array_sized_new (FALSE, FALSE, sizeof (double), n);
  g_array_append_vals (s->high, high, n);
  /* bands go under the lines */
  g_ptr_array_steal_index (self->series, i);
  g_ptr_array_insert (self->series, 0, s);
}

void
fh_line_chart_set_suppressed (FhLineChart *self,
                              guint        series,
                              guint        offset,
                              gboolean     suppressed)
{
  Series *s;

  g_return_if_fail (FH_IS_LINE_CHART (self));
  g_return_if_fail (series < self->series->len);
  s = g_ptr_array_index (self->series, series);
  g_return_if_fail (offset >= s->start && offset < s->start + s->values->len);

  g_array_index (s->suppressed, gboolean, offset - s->start) = !!suppressed;
  update_has_suppressed (self);
  fh_chart_emit_changed (FH_CHART (self));
}

gboolean
fh_line_chart_get_suppressed (FhLineChart *self,
                              guint        series,
                              guint        offset)
{
  Series *s;

  g_return_val_if_fail (FH_IS_LINE_CHART (self), FALSE);
  if (series >= self->series->len)
    return FALSE;
  s = g_ptr_array_index (self->series, series);
  return offset >= s->start && point_suppressed (s, offset - s->start);
}

char *
fh_line_chart_dup_suppressed_text (FhLineChart *self)
{
  g_autoptr(GString) names = g_string_new (NULL);

  g_return_val_if_fail (FH_IS_LINE_CHART (self), NULL);

  for (guint i = 0; i < self->series->len; i++)
    {
      Series *s = g_ptr_array_index (self->series, i);

      if (!all_suppressed (s))
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, s->name);
    }
  if (names->len == 0)
    return NULL;
  /* Translators: under a line chart, "c = 1 to 5, suppressed, every month: 12-month average" */
  return g_strdup_printf (_("%s, every month: %s"), fh_chart_suppressed_note (), names->str);
}

gboolean
fh_line_chart_get_suppressed_band (FhLineChart *self,
                                   guint        offset,
                                   double      *x,
                                   double      *y,
                                   double      *width,
                                   double      *height)
{
  double bx, bw;

  g_return_val_if_fail (FH_IS_LINE_CHART (self), FALSE);
  if (offset >= self->n_months || self->plot_w <= 0 || !month_suppressed (self, offset))
    return FALSE;
  band_of (self, offset, &bx, &bw);
  if (x) *x = bx;
  if (y) *y = self->plot_y;
  if (width) *width = bw;
  if (height) *height = self->plot_h;
  return TRUE;
}

guint
fh_line_chart_get_n_series (FhLineChart *self)
{
  g_return_val_if_fail (FH_IS_LINE_CHART (self), 0);
  return self->series->len;
}

gboolean
fh_line_chart_get_point (FhLineChart *self,
                         guint        series,
                         guint        offset,
                         double      *x,
                         double      *y)
{
  Series *s;
  double v;

  g_return_val_if_fail (FH_IS_LINE_CHART (self), FALSE);
  if (series >= self->series->len)
    return FALSE;
  s = g_ptr_array_index (self->series, series);
  if (offset < s->start || offset >= s->start + s->values->len)
    return FALSE;
  v = g_array_index (s->values, double, offset - s->start);
  if (isnan (v) || point_suppressed (s, offset - s->start))
    return FALSE;
  *x = month_x (self, offset);
  *y = value_y (self, v);
  return TRUE;
}
