/* fh-chart-keyboard.h — a chart you can reach, move through and hear
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What FhChartView does for keyboard and assistive-technology users: it is
 * focusable (with a visible focus ring), the arrow keys move between the
 * chart's items (FhChart's item API: wards, bars, points), Enter or Space
 * activates the focused item as a click on it does ("item-activated"), and
 * the chart's accessible label is its title, its description the summary
 * sentence with the focused item first.
 */
#pragma once

#include <gtk/gtk.h>

#include "fh-chart.h"

G_BEGIN_DECLS

/* From the view's class_init: the "item-activated" signal (one guint, the
 * item's index), the chart.* actions and their key bindings. */
void fh_chart_keyboard_class_init         (GtkWidgetClass *widget_class);
/* From the view's init: focusable, and a click activates the item under it. */
void fh_chart_keyboard_init               (GtkWidget      *view);
/* The label and description, anew (the chart changed or focus moved). */
void fh_chart_keyboard_update_accessible  (GtkWidget      *view,
                                           FhChart        *chart);
/* The ring around the focused item, when the view has the focus. */
void fh_chart_keyboard_snapshot           (GtkWidget      *view,
                                           FhChart        *chart,
                                           GtkSnapshot    *snapshot,
                                           double          scale);

G_END_DECLS
