/* fh-chart-export-actions.h — export, copy and print any chart on screen
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every FhChartView gets a menu button over its top-right corner, a context
 * menu (right click, Menu, Shift+F10) and these actions:
 *
 *   chart.export (s)        a file chooser; "" asks for the format, or one of
 *                           "png-96", "png-150", "png-300", "svg", "pdf", "csv"
 *   chart.export-to ((ss))  the same without a chooser: (format, path)
 *   chart.copy              the chart as an image on the clipboard
 *   chart.print             the print dialog (with its preview)
 *   chart.print-preview     straight to the preview
 *   chart.print-to (s)      prints to a PDF file at the path, no dialog
 *   chart.menu              opens the context menu
 *
 * and the window gets win.export-chart, win.save-chart-data, win.copy-chart
 * and win.print-chart, which act on the focused chart or else on the shown
 * page's first (its main) chart; their keys are in fh-accels.c.
 *
 * An export is drawn by the same fh_chart_draw() at the size the chart has
 * on screen (in points), through the chart library's atomic writers, so a
 * failure leaves nothing behind and the message names the file and why.
 * Exports are always published figures: while exact figures may be on
 * screen (publication view off) every export, copy and print is refused
 * with a message saying to turn publication view on.
 */
#pragma once

#include <gtk/gtk.h>

#include "fh-chart-export.h"

G_BEGIN_DECLS

/* For FhChartView: the chart.* actions, from its class_init. */
void        fh_chart_export_actions_install        (GtkWidgetClass *chart_view_class);
/* For FhChartView: the menu button and the context menu, from its init. */
void        fh_chart_export_actions_attach         (GtkWidget      *chart_view);
/* Shows or hides the menu button over @chart_view's corner: a chart too
 * small for it (a sparkline in a row) keeps the context menu and the
 * window's shortcuts, without a button that covers what it draws. */
void        fh_chart_export_actions_set_button_visible (GtkWidget  *chart_view,
                                                        gboolean    visible);
/* For the window: the win.*-chart actions, from its class_init. */
void        fh_chart_export_actions_install_window (GtkWidgetClass *window_class);

/* The chart view a window-wide shortcut acts on: the focused one, else the
 * first of the page shown; NULL when there is none. */
GtkWidget  *fh_chart_export_find_chart_view        (GtkWidget      *window);
/* "demand-by-ward-2025-26.svg": the view's widget name (or its title) and
 * the period set with fh_chart_export_set_period_label() on an ancestor. */
char       *fh_chart_export_default_name           (GtkWidget      *chart_view,
                                                    FhChartFormat   format);
void        fh_chart_export_set_period_label       (GtkWidget      *ancestor,
                                                    const char     *label);
/* The size exports are drawn at: the chart's size on screen, in points. */
void        fh_chart_export_get_size               (GtkWidget      *chart_view,
                                                    double         *width_pt,
                                                    double         *height_pt);
/* FALSE, with a message saying why, when the chart may show exact figures
 * or has no figures yet. */
gboolean    fh_chart_export_check_allowed          (GtkWidget      *chart_view,
                                                    GError        **error);
/* Exports without a chooser: @format_id as for chart.export. */
gboolean    fh_chart_export_view_to                (GtkWidget      *chart_view,
                                                    const char     *format_id,
                                                    const char     *path,
                                                    GError        **error);
/* The message of the last failed export, copy or print of the view. */
const char *fh_chart_export_get_last_error         (GtkWidget      *chart_view);

G_END_DECLS
