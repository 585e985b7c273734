/* fh-chart.h — what every chart is: a data object that draws on any cairo_t
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same fh_chart_draw() paints the screen (through a thin GTK widget), a
 * PNG, an SVG, a PDF page and a printed page, so every chart can be tested
 * and exported without a display. FhChart is an abstract base: it keeps
 * what every chart has (title, caption, value label, decimals of its
 * values) as properties, and emits "changed" whenever a property is set
 * (through notify) or a subclass says its data changed, so a widget knows
 * to redraw. A subclass implements draw(), to_csv() and get_alt_text().
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

#define FH_TYPE_CHART (fh_chart_get_type ())
G_DECLARE_DERIVABLE_TYPE (FhChart, fh_chart, FH, CHART, GObject)

struct _FhChartClass
{
  GObjectClass parent_class;

  void   (*draw)         (FhChart *self,
                          cairo_t *cr,
                          double   width,
                          double   height);
  char  *(*to_csv)       (FhChart *self);
  char  *(*get_alt_text) (FhChart *self);

  /* Items: the wards, bars or points a keyboard moves between and a
   * screen reader announces, indexed in the order the data were given.
   * Bounds are in chart coordinates, as laid out by the last draw. */
  guint     (*get_n_items)     (FhChart *self);
  char     *(*get_item_label)  (FhChart *self,
                                guint    item);
  gboolean  (*get_item_bounds) (FhChart *self,
                                guint    item,
                                double  *x,
                                double  *y,
                                double  *width,
                                double  *height);
  /* optional: the item under (x, y), or -1; the default uses the bounds */
  int       (*hit_item)        (FhChart *self,
                                double   x,
                                double   y);
};

void         fh_chart_draw                (FhChart    *self,
                                           cairo_t    *cr,
                                           double      width,
                                           double      height);
char        *fh_chart_to_csv              (FhChart    *self);
char        *fh_chart_get_alt_text        (FhChart    *self);

const char  *fh_chart_get_title           (FhChart    *self);
void         fh_chart_set_title           (FhChart    *self,
                                           const char *title);
const char  *fh_chart_get_caption         (FhChart    *self);
void         fh_chart_set_caption         (FhChart    *self,
                                           const char *caption);
/* What the values are, e.g. "Referrals per 10,000 children aged 0–17". */
const char  *fh_chart_get_value_label     (FhChart    *self);
void         fh_chart_set_value_label     (FhChart    *self,
                                           const char *value_label);
/* Decimals shown on values (0–6, default 1). */
guint        fh_chart_get_value_decimals  (FhChart    *self);
void         fh_chart_set_value_decimals  (FhChart    *self,
                                           guint       decimals);

/* Items (see FhChartClass): what keyboard and assistive technology use. */
guint        fh_chart_get_n_items         (FhChart    *self);
char        *fh_chart_get_item_label      (FhChart    *self,
                                           guint       item);
gboolean     fh_chart_get_item_bounds     (FhChart    *self,
                                           guint       item,
                                           double     *x,
                                           double     *y,
                                           double     *width,
                                           double     *height);
int          fh_chart_hit_item            (FhChart    *self,
                                           double      x,
                                           double      y);
/* The item with keyboard focus, or -1 (the default; reset when the number
 * of items changes). Setting it emits "changed". */
int          fh_chart_get_focused_item    (FhChart    *self);
void         fh_chart_set_focused_item    (FhChart    *self,
                                           int         item);
/* Whether the chart shows a suppressed figure (a count of 1 to 5, or one
 * hidden so that such a count cannot be worked out, or a rate on it). A
 * subclass sets it whenever its data change; the frame then adds
 * fh_chart_suppressed_note() to the caption on screen and in every export,
 * and to_csv() adds a "Note" column (see fh_csv_append_note()). */
gboolean     fh_chart_get_has_suppressed  (FhChart    *self);
void         fh_chart_set_has_suppressed  (FhChart    *self,
                                           gboolean    has_suppressed);
/* The caption, followed by "c = 1 to 5, suppressed." when the chart has
 * suppressed figures and the caption does not say so already. */
char        *fh_chart_dup_full_caption    (FhChart    *self);

/* For subclasses: the data changed, redraw. */
void         fh_chart_emit_changed        (FhChart    *self);

/* Saves the chart by @path's extension: .png (at @dpi), .svg, .pdf or .csv;
 * sizes in points. */
gboolean     fh_chart_save                (FhChart    *self,
                                           const char *path,
                                           double      width_pt,
                                           double      height_pt,
                                           double      dpi,
                                           GError    **error);

/* RFC 4180: quotes a field when it holds a comma, quote or line break. */
void         fh_csv_append_field          (GString    *csv,
                                           const char *field,
                                           gboolean    last);

/* CSV and suppression: a suppressed cell holds "c" (FH_FORMAT_SUPPRESSED).
 * When the chart has any, every record gets one more, last field: the
 * header's is "Note", a data record's is the suppression note when the
 * record holds a "c" and empty otherwise. Every record keeps the same
 * number of fields (RFC 4180), one record per item as before, so the file
 * reads back into the chart's model with the note as an extra column. */
void         fh_csv_append_note           (GString    *csv,
                                           gboolean    header,
                                           gboolean    suppressed);

G_END_DECLS
