/* fh-chart-theme.h — colours and type for every chart (numbers: fh-number-format.h)
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * After the Government Analysis Function's colour guidance: categorical
 * #12436D #28A197 #801650 #F46A25 #3D3D3D #A285D1 in that order; sequential
 * #12436D #2073BC #6BACE6 with lighter steps #A6CFF2 #D6E8F8; focus #12436D
 * against #BFBFBF for everything else. Colour is never the only signal:
 * charts also label, bold or pattern what the colour shows.
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

#include "fh-number-format.h"

G_BEGIN_DECLS

typedef struct {
  double r, g, b, a;
} FhColor;

#define FH_CHART_FONT_FAMILY "Cantarell, DejaVu Sans, sans-serif"

/* The screen follows the desktop's style; exports and print are always
 * FH_CHART_STYLE_DEFAULT (dark on white). */
typedef enum {
  FH_CHART_STYLE_DEFAULT,
  FH_CHART_STYLE_DARK,
  FH_CHART_STYLE_HIGH_CONTRAST,
} FhChartStyle;

/* For the calling thread's next draws: the style and a text scale (the
 * desktop's text-size setting, 1.0 by default). Returns the style before,
 * so a caller can put it back. */
FhChartStyle fh_chart_theme_push_style  (FhChartStyle style,
                                         double       text_scale);
void         fh_chart_theme_pop_style   (FhChartStyle previous);
FhChartStyle fh_chart_theme_get_style   (void);
double       fh_chart_theme_text_scale  (void);
/* A stroke of @width points, thicker in high contrast. */
double       fh_chart_theme_stroke      (double       width);
/* Outlines every shape: 3:1 or more against the background. */
FhColor      fh_chart_theme_edge        (void);
/* @color for text when it reaches 4.5:1 on the background, else the text colour. */
FhColor      fh_chart_theme_readable    (FhColor      color);
/* WCAG 2.2 contrast ratio of two opaque colours, 1 to 21. */
double       fh_color_contrast          (FhColor      a,
                                         FhColor      b);

FhColor fh_chart_theme_categorical (guint i);
FhColor fh_chart_theme_sequential  (guint step,
                                    guint n_steps);
FhColor fh_chart_theme_focus       (void);
FhColor fh_chart_theme_context     (void);
FhColor fh_chart_theme_text        (void);
FhColor fh_chart_theme_muted_text  (void);
FhColor fh_chart_theme_grid        (void);
FhColor fh_chart_theme_background  (void);
FhColor fh_color_from_hex          (const char *hex);
void    fh_color_apply             (const FhColor *color,
                                    cairo_t       *cr);

/* Suppressed figures (counts 1 to 5, and what would reveal them) are
 * hatched: white with diagonal lines in fh_chart_theme_hatch() (#505A5F,
 * 6.9:1 on white). Missing data is not: it is light grey with a dotted
 * outline (fh_chart_theme_no_data()), so the two never look alike, and
 * neither looks like a zero. */
FhColor fh_chart_theme_hatch       (void);
FhColor fh_chart_theme_no_data     (void);
FhColor fh_chart_theme_no_data_edge(void);
/* Fills the current path white and hatches it; the path is kept. */
void    fh_chart_hatch_path        (cairo_t       *cr);
/* Fills the current path light grey with a dotted grey outline; the path
 * is kept. */
void    fh_chart_no_data_path      (cairo_t       *cr);

PangoLayout *fh_chart_text_layout  (cairo_t    *cr,
                                    const char *text,
                                    double      size_pt,
                                    gboolean    bold);

G_END_DECLS
