/* fh-chart.h — what every chart is: a data object that draws on any cairo_t
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same fh_chart_draw() paints the screen (through a thin GTK widget), a
 * PNG, an SVG, a PDF page and a printed page, so every chart can be tested
 * and exported without a display. A chart emits "changed" when its data or
 * text changes, so a widget knows to redraw.
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

#define FH_TYPE_CHART (fh_chart_get_type ())
G_DECLARE_INTERFACE (FhChart, fh_chart, FH, CHART, GObject)

struct _FhChartInterface
{
  GTypeInterface parent_iface;

  void         (*draw)         (FhChart *self,
                                cairo_t *cr,
                                double   width,
                                double   height);
  const char  *(*get_title)    (FhChart *self);
  const char  *(*get_caption)  (FhChart *self);
  char        *(*to_csv)       (FhChart *self);
  char        *(*get_alt_text) (FhChart *self);
};

void         fh_chart_draw          (FhChart *self,
                                     cairo_t *cr,
                                     double   width,
                                     double   height);
const char  *fh_chart_get_title     (FhChart *self);
const char  *fh_chart_get_caption   (FhChart *self);
char        *fh_chart_to_csv        (FhChart *self);
char        *fh_chart_get_alt_text  (FhChart *self);
void         fh_chart_emit_changed  (FhChart *self);

/* RFC 4180: quotes a field when it holds a comma, quote or line break. */
void         fh_csv_append_field    (GString    *csv,
                                     const char *field,
                                     gboolean    last);

G_END_DECLS
