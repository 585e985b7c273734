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
