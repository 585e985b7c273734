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

G_END_DECLS
