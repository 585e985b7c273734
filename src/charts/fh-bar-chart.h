/* fh-bar-chart.h — a ranked horizontal bar chart with a reference line
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fh-chart.h"
#include "fh-chart-theme.h"

G_BEGIN_DECLS

#define FH_TYPE_BAR_CHART (fh_bar_chart_get_type ())
G_DECLARE_FINAL_TYPE (FhBarChart, fh_bar_chart, FH, BAR_CHART, FhChart)

/* One bar as laid out by the last draw (or fh_bar_chart_layout()). */
typedef struct {
  const char *label;
  guint       index;          /* position in the data given to set_bars() */
  double      value;          /* NAN: no data */
  char        value_text[32]; /* "1,234.5", "c" or "no data" */
  gboolean    no_data;
  gboolean    suppressed;
  gboolean    highlighted;
  double      x, y, width, height;   /* width 0 when suppressed or no data */
  double      mark_x, mark_width;     /* the hatched (suppressed) or dotted (no data)
                                       * chip drawn instead of a bar, set off from the
                                       * axis so it never reads as a length; else 0 */
  FhColor     color;
} FhChartBar;

FhBarChart *fh_bar_chart_new                (void);
void        fh_bar_chart_set_bars           (FhBarChart          *self,
                                             const char * const  *labels,
                                             const double        *values,
                                             guint                n);
void        fh_bar_chart_set_suppressed     (FhBarChart          *self,
                                             guint                index,
                                             gboolean             suppressed);
gboolean    fh_bar_chart_get_suppressed     (FhBarChart          *self,
                                             guint                index);
void        fh_bar_chart_set_sort_descending(FhBarChart          *self,
                                             gboolean             sort);
void        fh_bar_chart_set_reference_line (FhBarChart          *self,
                                             double               value,
                                             const char          *label);
void        fh_bar_chart_set_highlight      (FhBarChart          *self,
                                             int                  index);
void        fh_bar_chart_layout             (FhBarChart          *self,
                                             cairo_t             *cr,
                                             double               width,
                                             double               height);
guint       fh_bar_chart_get_n_bars         (FhBarChart          *self);
gboolean    fh_bar_chart_get_bar            (FhBarChart          *self,
                                             guint                position,
                                             FhChartBar          *out);
double      fh_bar_chart_get_reference_x    (FhBarChart          *self);
int         fh_bar_chart_hit_test           (FhBarChart          *self,
                                             double               x,
                                             double               y);

G_END_DECLS
