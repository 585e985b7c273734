/* fh-line-chart.h — monthly series, with an optional forecast band
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Months are counted from a first month (year, month); every series is a
 * run of values at consecutive months starting at its own offset, so a
 * forecast can continue where the history stops. NAN leaves a gap.
 *
 * A month whose figure was suppressed is a gap too, but marked: a hatched
 * band over the month, labelled "c", so it reads neither as a dip to zero
 * nor as missing data. A series with every month suppressed is not drawn
 * and is named under the plot instead.
 */
#pragma once

#include "fh-chart.h"
#include "fh-chart-theme.h"

G_BEGIN_DECLS

#define FH_TYPE_LINE_CHART (fh_line_chart_get_type ())
G_DECLARE_FINAL_TYPE (FhLineChart, fh_line_chart, FH, LINE_CHART, FhChart)

typedef enum {
  FH_LINE_SOLID,
  FH_LINE_DASHED,
  FH_LINE_THIN,
} FhLineStyle;

FhLineChart *fh_line_chart_new             (void);
void         fh_line_chart_set_first_month (FhLineChart  *self,
                                            int           year,
                                            int           month);
void         fh_line_chart_clear           (FhLineChart  *self);
/* Returns the series' index. @colour_index picks the categorical colour. */
guint        fh_line_chart_add_series      (FhLineChart  *self,
                                            const char   *name,
                                            guint         start_offset,
                                            const double *values,
                                            guint         n,
                                            guint         colour_index,
                                            FhLineStyle   style);
/* A shaded interval (e.g. a forecast's 80% range). */
void         fh_line_chart_add_band        (FhLineChart  *self,
                                            const char   *name,
                                            guint         start_offset,
                                            const double *low,
                                            const double *high,
                                            guint         n,
                                            guint         colour_index);
/* Month @offset of series @series was suppressed (its value is not drawn). */
void         fh_line_chart_set_suppressed  (FhLineChart  *self,
                                            guint         series,
                                            guint         offset,
                                            gboolean      suppressed);
gboolean     fh_line_chart_get_suppressed  (FhLineChart  *self,
                                            guint         series,
                                            guint         offset);
/* The line under the plot naming the series whose every month is
 * suppressed (they get no bands: they would hatch the whole chart); NULL
 * when none. */
char        *fh_line_chart_dup_suppressed_text (FhLineChart *self);
/* The hatched band the last draw gave month @offset; FALSE when none. */
gboolean     fh_line_chart_get_suppressed_band (FhLineChart *self,
                                                guint        offset,
                                                double      *x,
                                                double      *y,
                                                double      *width,
                                                double      *height);
guint        fh_line_chart_get_n_series    (FhLineChart  *self);
/* Where month @offset of series @series was drawn by the last draw. */
gboolean     fh_line_chart_get_point       (FhLineChart  *self,
                                            guint         series,
                                            guint         offset,
                                            double       *x,
                                            double       *y);

G_END_DECLS
