/* fh-chart-view.h — a thin widget that shows an FhChart
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "fh-chart.h"

G_BEGIN_DECLS

#define FH_TYPE_CHART_VIEW (fh_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (FhChartView, fh_chart_view, FH, CHART_VIEW, GtkWidget)

GtkWidget *fh_chart_view_new       (void);
void       fh_chart_view_set_chart (FhChartView *self,
                                    FhChart     *chart);
FhChart   *fh_chart_view_get_chart (FhChartView *self);
/* From widget coordinates to the chart's own (the view scales charts up). */
void       fh_chart_view_to_chart  (FhChartView *self,
                                    double       x,
                                    double       y,
                                    double      *chart_x,
                                    double      *chart_y);

G_END_DECLS
