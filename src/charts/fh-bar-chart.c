/* fh-bar-chart.c — a ranked horizontal bar chart with a reference line
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Layout, top to bottom: the active title, the measure's name, the bars
 * (labels on the left, values at the bar ends, a dashed reference line with
 * its label), a value axis, and the caption (source, geography, period).
 *
 * A suppressed figure is a short hatched box labelled "c", a missing one a
 * dotted grey box labelled "no data": neither has a bar, so neither reads as
 * a zero, and they never look alike. With any suppressed, the caption ends
 * in the note "c = 1 to 5, suppressed".
 */
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "fh-bar-chart.h"
#include "fh-chart-frame.h"
#include "fh-chart-summary.h"

#define MARGIN       16.0
#define TITLE_PT     15.0
#define TEXT_PT      10.5
#define SMALL_PT      9.0

typedef struct {
  char     *label;
  double    value;
  gboolean  suppressed;
} Datum;

struct _FhBarChart
{
  FhChart     parent_instance;

  GArray     *data;          /* of Datum */
  gboolean    sort_descending;
  double      reference;
  char       *reference_label;
  int         highlight;

  /* laid out by the last draw */
  GArray     *bars;          /* of FhChartBar, in display order */
  double      reference_x;
};

G_DEFINE_FINAL_TYPE (FhBarChart, fh_bar_chart, FH_TYPE_CHART)

static void
datum_clear (gpointer data)
{
  Datum *d = data;
  g_free (d->label);
}

static void
changed (FhBarChart *self)
{
  fh_chart_emit_changed (FH_CHART (self));
}

static void
update_has_suppressed (FhBarChart *self)
{
  gboolean any = FALSE;

  for (guint i = 0; i < self->data->len; i++)
    any |= g_array_index (self->data, Datum, i).suppressed;
  fh_chart_set_has_suppressed (FH_CHART (self), any);
}

/* ---- layout ------------------------------------------------------------- */

static int
compare_display (gconstpointer a, gconstpointer b, gpointer user_data)
{
  GArray *data = user_data;
  const Datum *x = &g_array_index (data, Datum, *(const guint *) a);
  const Datum *y = &g_array_index (data, Datum, *(const guint *) b);
  gboolean x_missing = isnan (x->value) || x->suppressed;
  gboolean y_missing = isnan (y->value) || y->suppressed;

  /* Known values first, largest first; then suppressed and missing, by name. */
  if (x_missing != y_missing)
    return x_missing ? 1 : -1;
  if (!x_missing && x->value != y->value)
    return x->value > y->value ? -1 : 1;
  return g_utf8_collate (x->label, y->label);
}

typedef struct {
  double plot_x, plot_y, plot_w, plot_h;
  double axis_max, step;
  double title_h, subtitle_h, caption_h, axis_h;
  double label_w;
} Frame;

static void
compute_frame (FhBarChart *self,
               cairo_t    *cr,
               double      width,
               double      height,
               Frame      *f)
{
  g_autoptr(PangoLayout) title = fh_chart_text_layout (cr, fh_chart_get_title (FH_CHART (self)), TITLE_PT, TRUE);
  g_autoptr(PangoLayout) subtitle = fh_chart_text_layout (cr, fh_chart_get_value_label (FH_CHART (self)), TEXT_PT, FALSE);
  g_autofree char *caption_text = fh_chart_dup_full_caption (FH_CHART (self));
  g_autoptr(PangoLayout) caption = fh_chart_text_layout (cr, caption_text, SMALL_PT, FALSE);
  double inner_w = width - 2 * MARGIN;
  double max_value = 0;

  pango_layout_set_width (title, inner_w * PANGO_SCALE);
  pango_layout_set_wrap (title, PANGO_WRAP_WORD);
  pango_layout_set_width (subtitle, inner_w * PANGO_SCALE);
  pango_layout_set_width (caption, inner_w * PANGO_SCALE);
  pango_layout_set_wrap (caption, PANGO_WRAP_WORD);

  f->title_h = fh_chart_get_title (FH_CHART (self)) ? fh_layout_height (title) + 4 : 0;
  f->subtitle_h = fh_chart_get_value_label (FH_CHART (self)) ? fh_layout_height (subtitle) + 8 : 4;
  f->caption_h = caption_text ? fh_layout_height (caption) + 8 : 0;
  f->axis_h = 18;

  f->label_w = 0;
  for (guint i = 0; i < self->data->len; i++)
    {
      Datum *d = &g_array_index (self->data, Datum, i);
      g_autoptr(PangoLayout) l = fh_chart_text_layout (cr, d->label, TEXT_PT, TRUE);
      f->label_w = MAX (f->label_w, fh_layout_width (l));
      if (!isnan (d->value) && !d->suppressed)
        max_value = MAX (max_value, d->value);
    }
  f->label_w = MIN (f->label_w + 8, inner_w * 0.38);

  if (!isnan (self->reference))
    max_value = MAX (max_value, self->reference);
  if (max_value <= 0)
    max_value = 1;
  f->step = fh_chart_nice_step (max_value, 5);
  f->axis_max = ceil (max_value * 1.02 / f->step) * f->step;

  f->plot_x = MARGIN + f->label_w;
  f->plot_y = MARGIN + f->title_h + f->subtitle_h + (isnan (self->reference) ? 0 : 16);
  /* leave room for the value text after the longest bar */
  f->plot_w = MAX (10, inner_w - f->label_w - 64);
  f->plot_h = MAX (10, height - f->plot_y - f->axis_h - f->caption_h - MARGIN);
}

void
fh_bar_chart_layout (FhBarChart *self,
                     cairo_t    *cr,
                     double      width,
                     double      height)
{
  g_autofree guint *order = NULL;
  Frame f;
  guint n;
  double row_h;

  g_return_if_fail (FH_IS_BAR_CHART (self));

  compute_frame (self, cr, width, height, &f);
  n = self->data->len;
  g_array_set_size (self->bars, 0);
  self->reference_x = isnan (self->reference) ? NAN
                      : f.plot_x + f.plot_w * self->reference / f.axis_max;
  if (n == 0)
    return;

  order = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    order[i] = i;
  if (self->sort_descending)
    g_qsort_with_data (order, n, sizeof (guint), compare_display, self->data);

  row_h = f.plot_h / n;
  for (guint pos = 0; pos < n; pos++)
    {
      Datum *d = &g_array_index (self->data, Datum, order[pos]);
      FhChartBar bar = { 0 };
      g_autofree char *text = NULL;

      bar.label = d->label;
      bar.index = order[pos];
      bar.value = d->value;
      bar.no_data = isnan (d->value) && !d->suppressed;   /* suppressed is not missing */
      bar.suppressed = d->suppressed;
      bar.highlighted = self->highlight == (int) order[pos];
      bar.x = f.plot_x;
      bar.height = MIN (row_h * 0.72, 28);
      bar.y = f.plot_y + pos * row_h + (row_h - bar.height) / 2;
      bar.width = (bar.no_data || bar.suppressed) ? 0 : f.plot_w * MAX (d->value, 0) / f.axis_max;
      /* a chip as wide as it is tall, apart from the zero line: a symbol, not a bar */
      bar.mark_x = (bar.no_data || bar.suppressed) ? f.plot_x + 4 : 0;
      bar.mark_width = (bar.no_data || bar.suppressed) ? MAX (bar.height * 1.25, 12) : 0;

      if (bar.suppressed)
        text = g_strdup ("c");
      else if (bar.no_data)
        text = g_strdup (_("no data"));
      else
        text = fh_format_number (d->value, fh_chart_get_value_decimals (FH_CHART (self)));
      g_strlcpy (bar.value_text, text, sizeof bar.value_text);

      if (self->highlight < 0)
        bar.color = fh_chart_theme_focus ();
      else
        bar.color = bar.highlighted ? fh_chart_theme_focus () : fh_chart_theme_context ();

      g_array_append_val (self->bars, bar);
    }
}

/* ---- drawing ------------------------------------------------------------ */

static void
fh_bar_chart_draw (FhChart *chart,
                   cairo_t *cr,
                   double   width,
                   double   height)
{
  FhBarChart *self = FH_BAR_CHART (chart);
  FhColor text = fh_chart_theme_text ();
  FhColor muted = fh_chart_theme_muted_text ();
  FhColor grid = fh_chart_theme_grid ();
  FhColor background = fh_chart_theme_background ();
  double inner_w = width - 2 * MARGIN;
  gboolean any_value;
  Frame f;

  fh_bar_chart_layout (self, cr, width, height);
  compute_frame (self, cr, width, height, &f);

  fh_color_apply (&background, cr);
  cairo_paint (cr);

  if (fh_chart_get_title (FH_CHART (self)))
    {
      g_autoptr(PangoLayout) l = fh_chart_text_layout (cr, fh_chart_get_title (FH_CHART (self)), TITLE_PT, TRUE);
      pango_layout_set_width (l, inner_w * PANGO_SCALE);
      pango_layout_set_wrap (l, PANGO_WRAP_WORD);
      fh_chart_show_layout (cr, l, MARGIN, MARGIN, &text);
    }
  if (fh_chart_get_value_label (FH_CHART (self)))
    {
      g_autoptr(PangoLayout) l = fh_chart_text_layout (cr, fh_chart_get_value_label (FH_CHART (self)), TEXT_PT, FALSE);
      pango_layout_set_width (l, inner_w * PANGO_SCALE);
      pango_layout_set_ellipsize (l, PANGO_ELLIPSIZE_END);
      fh_chart_show_layout (cr, l, MARGIN, MARGIN + f.title_h, &muted);
    }

  /* value axis: light gridlines and tick labels; none when no bar has a
   * figure to read against it (all suppressed or missing) */
  any_value = !isnan (self->reference);
  for (guint i = 0; i < self->bars->len; i++)
    {
      FhChartBar *bar = &g_array_index (self->bars, FhChartBar, i);
      any_value |= !bar->no_data && !bar->suppressed;
    }
  cairo_set_line_width (cr, 1);
  for (double v = 0; any_value && v <= f.axis_max + f.step / 2; v += f.step)
    {
      double x = round (f.plot_x + f.plot_w * v / f.axis_max) + 0.5;
      g_autofree char *tick = fh_format_number (v, f.step < 1 ? 1 : 0);
      g_autoptr(PangoLayout) l = fh_chart_text_layout (cr, tick, SMALL_PT, FALSE);

      fh_color_apply (&grid, cr);
      cairo_move_to (cr, x, f.plot_y);
      cairo_line_to (cr, x, f.plot_y + f.plot_h);
      cairo_stroke (cr);
      fh_chart_show_layout (cr, l, x - fh_layout_width (l) / 2, f.plot_y + f.plot_h + 3, &muted);
    }

  if (!isnan (self->reference_x))
    {
      g_autofree char *value = fh_format_number (self->reference, fh_chart_get_value_decimals (FH_CHART (self)));
      g_autofree char *label_text = g_strdup_printf ("%s: %s", self->reference_label ? self->reference_label : _("Reference"), value);
      g_autoptr(PangoLayout) l = fh_chart_text_layout (cr, label_text, SMALL_PT, TRUE);
      double x = round (self->reference_x) + 0.5;
      double lx = MIN (x - fh_layout_width (l) / 2, width - MARGIN - fh_layout_width (l));
      static const double dash[] = { 4, 3 };

      fh_color_apply (&text, cr);
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, x, f.plot_y - 4);
      cairo_line_to (cr, x, f.plot_y + f.plot_h);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      fh_chart_show_layout (cr, l, MAX (lx, f.plot_x), f.plot_y - 18, &text);
    }

  for (guint i = 0; i < self->bars->len; i++)
    {
      FhChartBar *bar = &g_array_index (self->bars, FhChartBar, i);
      g_autoptr(PangoLayout) label = fh_chart_text_layout (cr, bar->label, TEXT_PT, bar->highlighted);
      /* a bold "c", so a suppressed figure is not passed over */
      g_autoptr(PangoLayout) value = fh_chart_text_layout (cr, bar->value_text, TEXT_PT,
                                                           bar->highlighted || bar->suppressed);
      double cy = bar->y + bar->height / 2;

      pango_layout_set_width (label, (f.label_w - 8) * PANGO_SCALE);
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (label, PANGO_ALIGN_RIGHT);
      fh_chart_show_layout (cr, label, MARGIN, cy - fh_layout_height (label) / 2, &text);

      if (bar->no_data || bar->suppressed)
        {
          cairo_new_path (cr);
          cairo_rectangle (cr, bar->mark_x + 0.5, bar->y + 0.5, bar->mark_width - 1, bar->height - 1);
          if (bar->suppressed)
            {
              FhColor hatch = fh_chart_theme_hatch ();

              fh_chart_hatch_path (cr);
              fh_color_apply (&hatch, cr);
              cairo_set_line_width (cr, 1);
              cairo_stroke (cr);
            }
          else
            {
              fh_chart_no_data_path (cr);
              cairo_new_path (cr);
            }
          fh_chart_show_layout (cr, value, bar->mark_x + bar->mark_width + 4, cy - fh_layout_height (value) / 2,
                                bar->suppressed ? &text : &muted);
          continue;
        }

      fh_color_apply (&bar->color, cr);
      cairo_rectangle (cr, bar->x, bar->y, bar->width, bar->height);
      cairo_fill (cr);
      /* a background behind the value keeps it readable across the reference line */
      fh_color_apply (&background, cr);
      cairo_rectangle (cr, bar->x + bar->width + 2, cy - fh_layout_height (value) / 2,
                       fh_layout_width (value) + 4, fh_layout_height (value));
      cairo_fill (cr);
      fh_chart_show_layout (cr, value, bar->x + bar->width + 4, cy - fh_layout_height (value) / 2, &text);
    }

  fh_chart_draw_chart_caption (cr, chart, width, height);
}

/* ---- FhChart ------------------------------------------------------------ */

static char *
fh_bar_chart_to_csv (FhChart *chart)
{
  FhBarChart *self = FH_BAR_CHART (chart);
  GString *csv = g_string_new (NULL);
  gboolean note = fh_chart_get_has_suppressed (chart);

  fh_csv_append_field (csv, _("Name"), FALSE);
  fh_csv_append_field (csv, fh_chart_get_value_label (FH_CHART (self)) ?: _("Value"), !note);
  if (note)
    fh_csv_append_note (csv, TRUE, FALSE);
  for (guint i = 0; i < self->data->len; i++)
    {
      Datum *d = &g_array_index (self->data, Datum, i);
      g_autofree char *value = NULL;

      if (d->suppressed)
        value = g_strdup (FH_FORMAT_SUPPRESSED);
      else
        value = fh_format_csv_number (d->value, fh_chart_get_value_decimals (FH_CHART (self)));
      fh_csv_append_field (csv, d->label, FALSE);
      fh_csv_append_field (csv, value, !note);
      if (note)
        fh_csv_append_note (csv, FALSE, d->suppressed);
    }
  return g_string_free (csv, FALSE);
}

static char *
fh_bar_chart_get_alt_text (FhChart *chart)
{
  FhBarChart *self = FH_BAR_CHART (chart);
  guint n = self->data->len;
  g_autofree const char **labels = g_new0 (const char *, n + 1);
  g_autofree double *values = g_new0 (double, n + 1);
  g_autofree gboolean *suppressed = g_new0 (gboolean, n + 1);

  for (guint i = 0; i < n; i++)
    {
      const Datum *d = &g_array_index (self->data, Datum, i);

      labels[i] = d->label;
      values[i] = d->value;
      suppressed[i] = d->suppressed;
    }
  return fh_chart_summary_extremes (labels, values, suppressed, n,
                                    fh_chart_get_value_decimals (FH_CHART (self)),
                                    fh_chart_get_value_label (FH_CHART (self)), self->reference,
                                    self->reference_label);
}

/* ---- items: one per bar, in the order of the data ---------------------- */

static guint
bar_get_n_items (FhChart *chart)
{
  return FH_BAR_CHART (chart)->data->len;
}

static const FhChartBar *
find_bar (FhBarChart *self, guint index, guint *position)
{
  for (guint pos = 0; pos < self->bars->len; pos++)
    {
      const FhChartBar *bar = &g_array_index (self->bars, FhChartBar, pos);

      if (bar->index == index)
        {
          if (position)
            *position = pos;
          return bar;
        }
    }
  return NULL;
}

static char *
bar_get_item_label (FhChart *chart, guint item)
{
  FhBarChart *self = FH_BAR_CHART (chart);
  const Datum *d = &g_array_index (self->data, Datum, item);
  g_autofree char *value = d->suppressed ? g_strdup (FH_FORMAT_SUPPRESSED)
                                         : fh_format_number (d->value, fh_chart_get_value_decimals (chart));
  guint pos = 0;

  if (find_bar (self, item, &pos) != NULL)
    /* Translators: a bar read out, "Aspley, 2,673.9, 1 of 20" */
    return g_strdup_printf (_("%s, %s, %u of %u"), d->label, value, pos + 1, self->data->len);
  return g_strdup_printf ("%s, %s", d->label, value);
}

static gboolean
bar_get_item_bounds (FhChart *chart, guint item, double *x, double *y, double *w, double *h)
{
  FhBarChart *self = FH_BAR_CHART (chart);
  const FhChartBar *bar = find_bar (self, item, NULL);

  if (bar == NULL)
    return FALSE;
  /* the label to the left and the value to the right belong to the bar */
  *x = MARGIN;
  *y = bar->y - 2;
  *w = bar->x + bar->width + 56 - MARGIN;
  *h = bar->height + 4;
  return TRUE;
}

static int
bar_hit_item (FhChart *chart, double x, double y)
{
  return fh_bar_chart_hit_test (FH_BAR_CHART (chart), x, y);
}

static void
chart_class_init (FhChartClass *iface)
{
  iface->draw = fh_bar_chart_draw;
  iface->to_csv = fh_bar_chart_to_csv;
  iface->get_alt_text = fh_bar_chart_get_alt_text;
  iface->get_n_items = bar_get_n_items;
  iface->get_item_label = bar_get_item_label;
  iface->get_item_bounds = bar_get_item_bounds;
  iface->hit_item = bar_hit_item;
}

/* ---- GObject and setters ------------------------------------------------ */

static void
fh_bar_chart_finalize (GObject *object)
{
  FhBarChart *self = FH_BAR_CHART (object);

  g_free (self->reference_label);
  g_array_unref (self->data);
  g_array_unref (self->bars);

  G_OBJECT_CLASS (fh_bar_chart_parent_class)->finalize (object);
}

enum {
  PROP_0,
  PROP_SORT_DESCENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fh_bar_chart_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SORT_DESCENDING:
      g_value_set_boolean (value, FH_BAR_CHART (object)->sort_descending);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fh_bar_chart_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SORT_DESCENDING:
      fh_bar_chart_set_sort_descending (FH_BAR_CHART (object), g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fh_bar_chart_class_init (FhBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  chart_class_init (FH_CHART_CLASS (klass));
  object_class->finalize = fh_bar_chart_finalize;
  object_class->get_property = fh_bar_chart_get_property;
  object_class->set_property = fh_bar_chart_set_property;

  /* Largest first, as a ranked chart (otherwise in the order given). */
  properties[PROP_SORT_DESCENDING] =
    g_param_spec_boolean ("sort-descending", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fh_bar_chart_init (FhBarChart *self)
{
  self->data = g_array_new (FALSE, TRUE, sizeof (Datum));
  g_array_set_clear_func (self->data, datum_clear);
  self->bars = g_array_new (FALSE, TRUE, sizeof (FhChartBar));
  self->reference = NAN;
  self->reference_x = NAN;
  self->highlight = -1;
}

FhBarChart *
fh_bar_chart_new (void)
{
  return g_object_new (FH_TYPE_BAR_CHART, NULL);
}


void
fh_bar_chart_set_bars (FhBarChart         *self,
                       const char * const *labels,
                       const double       *values,
                       guint               n)
{
  g_return_if_fail (FH_IS_BAR_CHART (self));
  g_return_if_fail (n == 0 || (labels != NULL && values != NULL));

  g_array_set_size (self->data, 0);
  g_array_set_size (self->bars, 0);
  for (guint i = 0; i < n; i++)
    {
      Datum d = { g_strdup (labels[i]), values[i], FALSE };
      g_array_append_val (self->data, d);
    }
  if (self->highlight >= (int) n)
    self->highlight = -1;
  update_has_suppressed (self);
  changed (self);
}

void
fh_bar_chart_set_suppressed (FhBarChart *self,
                             guint       index,
                             gboolean    suppressed)
{
  g_return_if_fail (FH_IS_BAR_CHART (self));
  g_return_if_fail (index < self->data->len);

  g_array_index (self->data, Datum, index).suppressed = !!suppressed;
  update_has_suppressed (self);
  changed (self);
}

gboolean
fh_bar_chart_get_suppressed (FhBarChart *self,
                             guint       index)
{
  g_return_val_if_fail (FH_IS_BAR_CHART (self), FALSE);
  g_return_val_if_fail (index < self->data->len, FALSE);

  return g_array_index (self->data, Datum, index).suppressed;
}

void
fh_bar_chart_set_sort_descending (FhBarChart *self,
                                  gboolean    sort)
{
  g_return_if_fail (FH_IS_BAR_CHART (self));

  if (self->sort_descending == !!sort)
    return;
  self->sort_descending = !!sort;
  /* notify redraws */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_DESCENDING]);
}

void
fh_bar_chart_set_reference_line (FhBarChart *self,
                                 double      value,
                                 const char *label)
{
  g_return_if_fail (FH_IS_BAR_CHART (self));

  self->reference = value;
  g_free (self->reference_label);
  self->reference_label = g_strdup (label);
  changed (self);
}

void
fh_bar_chart_set_highlight (FhBarChart *self,
                            int         index)
{
  g_return_if_fail (FH_IS_BAR_CHART (self));

  self->highlight = (index >= 0 && index < (int) self->data->len) ? index : -1;
  changed (self);
}

guint
fh_bar_chart_get_n_bars (FhBarChart *self)
{
  g_return_val_if_fail (FH_IS_BAR_CHART (self), 0);

  return self->bars->len;
}

gboolean
fh_bar_chart_get_bar (FhBarChart *self,
                      guint       position,
                      FhChartBar *out)
{
  g_return_val_if_fail (FH_IS_BAR_CHART (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (position >= self->bars->len)
    return FALSE;
  *out = g_array_index (self->bars, FhChartBar, position);
  return TRUE;
}

double
fh_bar_chart_get_reference_x (FhBarChart *self)
{
  g_return_val_if_fail (FH_IS_BAR_CHART (self), NAN);

  return self->reference_x;
}

/* The data index of the row under (x, y), or -1. Whole rows count, so the
 * label and a short bar are as easy to hit as a long one. */
int
fh_bar_chart_hit_test (FhBarChart *self,
                       double      x,
                       double      y)
{
  g_return_val_if_fail (FH_IS_BAR_CHART (self), -1);

  for (guint i = 0; i < self->bars->len; i++)
    {
      FhChartBar *bar = &g_array_index (self->bars, FhChartBar, i);
      double pad = bar->height * 0.2;

      if (y >= bar->y - pad && y <= bar->y + bar->height + pad && x >= MARGIN)
        return (int) bar->index;
    }
  return -1;
}
