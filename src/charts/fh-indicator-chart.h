/* fh-indicator-chart.h — one indicator against its trajectory, or its sparkline
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The series by date, the baseline and target marked, the straight-line
 * trajectory between them (fh-rag.h, rule 5), the RAG bands the rule uses
 * (green on or ahead of the trajectory, amber within the tolerance, red
 * beyond), the latest value annotated, and comparators (England,
 * statistical neighbours) as thin labelled lines. Time runs left to right
 * in days, so the target date sits where it falls. Compact, it is a
 * sparkline: the series, the trajectory over the same span and the latest
 * value, with no text, for a card.
 */
#pragma once

#include "fh-chart.h"
#include "fh-chart-theme.h"
#include "fh-rag.h"

G_BEGIN_DECLS

#define FH_TYPE_INDICATOR_CHART (fh_indicator_chart_get_type ())
G_DECLARE_FINAL_TYPE (FhIndicatorChart, fh_indicator_chart, FH, INDICATOR_CHART, FhChart)

FhIndicatorChart *fh_indicator_chart_new             (void);
void              fh_indicator_chart_set_compact     (FhIndicatorChart *self,
                                                      gboolean          compact);
gboolean          fh_indicator_chart_get_compact     (FhIndicatorChart *self);
/* "percent", "count", "days", "rate_per_10k"…: how values are written. */
void              fh_indicator_chart_set_unit        (FhIndicatorChart *self,
                                                      const char       *unit);
/* The rule (copied, dates referenced) and the series (copied; NAN leaves a
 * gap). Either one clears the comparators' scale; the assessment is worked
 * out again by fh_rag_assess(). */
void              fh_indicator_chart_set_data        (FhIndicatorChart *self,
                                                      const FhRagRule  *rule,
                                                      const FhRagPoint *points,
                                                      gsize             n_points);
/* As set_data, with @suppressed (may be NULL) parallel to @points: TRUE
 * where the value is NAN because the reporting layer suppressed it, so the
 * chart marks it "c" (on the axis, in its items and its CSV) rather than a
 * gap, and says so in the caption. */
void              fh_indicator_chart_set_data_full   (FhIndicatorChart *self,
                                                      const FhRagRule  *rule,
                                                      const FhRagPoint *points,
                                                      const gboolean   *suppressed,
                                                      gsize             n_points);
void              fh_indicator_chart_clear_comparators (FhIndicatorChart *self);
void              fh_indicator_chart_add_comparator  (FhIndicatorChart *self,
                                                      const char       *name,
                                                      const FhRagPoint *points,
                                                      gsize             n_points);
/* The assessment behind the bands and the annotation (dates borrowed). */
const FhRagAssessment *fh_indicator_chart_get_assessment (FhIndicatorChart *self);

/* What the last draw put where, in the chart's coordinates. */
double            fh_indicator_chart_date_to_x       (FhIndicatorChart *self,
                                                      GDateTime        *date);
double            fh_indicator_chart_value_to_y      (FhIndicatorChart *self,
                                                      double            value);
/* The trajectory's drawn end points (baseline and target); FALSE when the
 * rule has none. */
gboolean          fh_indicator_chart_get_trajectory  (FhIndicatorChart *self,
                                                      double           *x0,
                                                      double           *y0,
                                                      double           *x1,
                                                      double           *y1);
/* The latest value's point and its annotation ("16.8%, Sep 2026"); FALSE
 * with no value. @text is borrowed. */
gboolean          fh_indicator_chart_get_annotation  (FhIndicatorChart *self,
                                                      double           *x,
                                                      double           *y,
                                                      const char      **text);
/* The plot area of the last draw. */
void              fh_indicator_chart_get_plot        (FhIndicatorChart *self,
                                                      double           *x,
                                                      double           *y,
                                                      double           *width,
                                                      double           *height);

/* The colour of a RAG status (#00703C, #F47738, #D4351C, #505A5F). */
FhColor           fh_indicator_chart_rag_color       (FhRagStatus       status);

G_END_DECLS
