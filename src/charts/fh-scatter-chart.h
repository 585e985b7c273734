/* fh-scatter-chart.h — one point per ward, e.g. demand against deprivation
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fh-chart.h"
#include "fh-chart-theme.h"

G_BEGIN_DECLS

#define FH_TYPE_SCATTER_CHART (fh_scatter_chart_get_type ())
G_DECLARE_FINAL_TYPE (FhScatterChart, fh_scatter_chart, FH, SCATTER_CHART, FhChart)

FhScatterChart *fh_scatter_chart_new           (void);
void            fh_scatter_chart_set_axes      (FhScatterChart *self,
                                                const char     *x_label,
                                                const char     *y_label);
void            fh_scatter_chart_clear         (FhScatterChart *self);
/* Points with a NAN coordinate are left out and counted in the caption. */
void            fh_scatter_chart_add_point     (FhScatterChart *self,
                                                const char     *id,
                                                const char     *label,
                                                double          x,
                                                double          y);
/* Point @id's figure was suppressed: it is not plotted (its position would
 * give the figure away) but named in a line under the plot, "c = 1 to 5,
 * suppressed, not plotted: Bilborough, Clifton East", and "c" in the CSV. */
void            fh_scatter_chart_set_suppressed (FhScatterChart *self,
                                                 const char     *id,
                                                 gboolean        suppressed);
gboolean        fh_scatter_chart_get_suppressed (FhScatterChart *self,
                                                 guint           i);
/* The line under the plot naming the suppressed points; NULL when none. */
char           *fh_scatter_chart_dup_suppressed_text (FhScatterChart *self);
void            fh_scatter_chart_set_selected  (FhScatterChart *self,
                                                const char     *id);
/* Where point @i was drawn by the last draw; FALSE when not drawn. */
gboolean        fh_scatter_chart_get_position  (FhScatterChart *self,
                                                guint           i,
                                                double         *x,
                                                double         *y);
int             fh_scatter_chart_hit_test      (FhScatterChart *self,
                                                double          x,
                                                double          y);
/* A funnel plot: with a target rate per 10,000 (not NAN), x is each point's
 * population and the chart draws the target and its 95% and 99.8% control
 * limits (fh_funnel_limits); points outside 99.8% are labelled. */
void            fh_scatter_chart_set_funnel    (FhScatterChart *self,
                                                double          target_rate);
/* How many drawn points lie above (@above TRUE) or below the control limit
 * of @z (FH_Z_95 or FH_Z_998) around the funnel's target. */
guint           fh_scatter_chart_count_outside (FhScatterChart *self,
                                                double          z,
                                                gboolean        above);

G_END_DECLS
