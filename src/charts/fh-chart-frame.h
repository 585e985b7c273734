/* fh-chart-frame.h — what every chart draws the same way
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The white page, the active title and the measure's name at the top, the
 * caption at the bottom, laid-out text, and "nice" axis steps.
 */
#pragma once

#include <pango/pangocairo.h>

#include "fh-chart.h"
#include "fh-chart-theme.h"

G_BEGIN_DECLS

#define FH_CHART_MARGIN    16.0
#define FH_CHART_TITLE_PT  15.0
#define FH_CHART_TEXT_PT   10.5
#define FH_CHART_SMALL_PT   9.0

double fh_layout_width          (PangoLayout   *layout);
double fh_layout_height         (PangoLayout   *layout);
void   fh_chart_show_layout     (cairo_t       *cr,
                                 PangoLayout   *layout,
                                 double         x,
                                 double         y,
                                 const FhColor *color);

/* Paints the background and draws the title and subtitle (either may be
 * NULL); returns the y below them. */
double fh_chart_draw_heading    (cairo_t       *cr,
                                 double         width,
                                 const char    *title,
                                 const char    *subtitle);
/* Draws the caption at the bottom; returns the y above it. */
double fh_chart_draw_caption    (cairo_t       *cr,
                                 double         width,
                                 double         height,
                                 const char    *caption);

/* The chart's caption, with the suppression note when the chart shows a
 * suppressed figure (fh_chart_dup_full_caption()); returns the y above it. */
double fh_chart_draw_chart_caption (cairo_t    *cr,
                                    FhChart    *chart,
                                    double      width,
                                    double      height);

/* "c = 1 to 5, suppressed", translated: the caption's note, the legend's key. */
const char *fh_chart_suppressed_note (void);
/* A bold "c" centred on (@cx, @cy) with a white halo, over a hatch. */
void   fh_chart_draw_suppressed_mark (cairo_t *cr,
                                      double   cx,
                                      double   cy,
                                      double   size_pt);

/* 1, 2 or 5 × a power of ten, giving about @ticks steps over @range. */
double fh_chart_nice_step       (double         range,
                                 int            ticks);

G_END_DECLS
