/* fh-strip-chart.h — every worker a dot, one column per service
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A strip plot of a value per person (open episodes per FTE per worker),
 * one column per group (service): every dot drawn, spread sideways by a
 * deterministic jitter, a box from the lower to the upper quartile, a
 * thick median mark and the group's own threshold as a dashed line. Dots
 * above the threshold are triangles in another colour, so colour is never
 * the only signal. Dots whose value is withheld (NAN) are drawn hollow in
 * a strip under the axis, marked "c", so every worker is still there.
 */
#pragma once

#include "fh-chart.h"
#include "fh-chart-theme.h"

G_BEGIN_DECLS

#define FH_TYPE_STRIP_CHART (fh_strip_chart_get_type ())
G_DECLARE_FINAL_TYPE (FhStripChart, fh_strip_chart, FH, STRIP_CHART, FhChart)

FhStripChart *fh_strip_chart_new                (void);
void          fh_strip_chart_clear              (FhStripChart *self);
/* A column (its colour is the @i-th categorical colour); @threshold NAN
 * for none. Returns the column's index. */
guint         fh_strip_chart_add_column         (FhStripChart *self,
                                                 const char   *label,
                                                 double        threshold);
/* A dot in @column: @id (e.g. the worker's reference) seeds the jitter;
 * @detail goes into the CSV (e.g. the team). @value NAN: withheld.
 * Returns the dot's index, in the order added. */
guint         fh_strip_chart_add_dot            (FhStripChart *self,
                                                 guint         column,
                                                 const char   *id,
                                                 const char   *detail,
                                                 double        value);
void          fh_strip_chart_set_axis_label     (FhStripChart *self,
                                                 const char   *label);
/* The dot shown as selected (hovered or focused): a ring around it; -1 for none. */
void          fh_strip_chart_set_selected       (FhStripChart *self,
                                                 int           dot);
int           fh_strip_chart_get_selected       (FhStripChart *self);
guint         fh_strip_chart_get_n_dots         (FhStripChart *self);

/* The model, after a draw. Where dot @i was drawn; FALSE when not drawn. */
gboolean      fh_strip_chart_get_dot_position   (FhStripChart *self,
                                                 guint         i,
                                                 double       *x,
                                                 double       *y);
/* Whether dot @i is above its column's threshold. */
gboolean      fh_strip_chart_dot_is_above       (FhStripChart *self,
                                                 guint         i);
/* The column's quartiles and median of its known values (type 7, the
 * median the mean of the middle two); FALSE when it has none. */
gboolean      fh_strip_chart_get_quartiles      (FhStripChart *self,
                                                 guint         column,
                                                 double       *q1,
                                                 double       *median,
                                                 double       *q3);
/* Where the median mark and the threshold line were drawn: from @x0 to @x1
 * at @y. FALSE when not drawn. */
gboolean      fh_strip_chart_get_median_line    (FhStripChart *self,
                                                 guint         column,
                                                 double       *x0,
                                                 double       *x1,
                                                 double       *y);
gboolean      fh_strip_chart_get_threshold_line (FhStripChart *self,
                                                 guint         column,
                                                 double       *x0,
                                                 double       *x1,
                                                 double       *y);
/* The dot nearest (@x, @y) within a few points, or -1. */
int           fh_strip_chart_hit_test           (FhStripChart *self,
                                                 double        x,
                                                 double        y);

/* The colour of dots above the threshold. */
FhColor       fh_strip_chart_above_color        (void);

G_END_DECLS
