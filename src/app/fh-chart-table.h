/* fh-chart-table.h — a chart's figures as a real, sortable table
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Show as table" for any chart: a GtkColumnView (rows, columns and cells
 * a screen reader can move through; click a heading to sort) built from
 * the chart's own CSV, so the figures are the chart's, "c" where a count
 * is suppressed and "–" where a figure is missing, formatted by
 * fh-number-format. It follows the chart's "changed".
 */
#pragma once

#include <gtk/gtk.h>

#include "fh-chart-view.h"

G_BEGIN_DECLS

/* A scrolled GtkColumnView of @chart's figures. */
GtkWidget     *fh_chart_table_new         (FhChart     *chart);
/* Puts a "Show as table" toggle over @view (a GtkFrame's child) that swaps
 * the chart for its table. Returns the toggle. */
GtkToggleButton *fh_chart_table_add_toggle (FhChartView *view);
/* For tests: the column view inside a table from fh_chart_table_new(). */
GtkColumnView *fh_chart_table_get_column_view (GtkWidget *table);
/* For tests: the text of a cell as shown, in the order shown (sorted). */
char          *fh_chart_table_dup_cell    (GtkWidget   *table,
                                           guint        row,
                                           guint        column);

G_END_DECLS
