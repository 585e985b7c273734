/* fh-chart-menu.h — how a chart's export actions are reached (private)
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "fh-chart-export.h"

G_BEGIN_DECLS

/* chart.menu: the context menu, from the keyboard. */
void         fh_chart_menu_action        (GtkWidget     *widget,
                                          const char    *action_name,
                                          GVariant      *parameter);
/* Enables the chart's export actions when it may be exported now (FALSE,
 * with the reason, otherwise); menus call it as they open. */
gboolean     fh_chart_export_update_enabled (GtkWidget    *chart_view,
                                             GError      **error);
void         fh_chart_export_show_error     (GtkWidget    *chart_view,
                                             const char   *primary,
                                             const GError *error);
/* The formats chart.export knows, for the menus. */
guint        fh_chart_export_n_formats   (void);
const char  *fh_chart_export_format_info (guint          i,
                                          const char   **menu_label,
                                          FhChartFormat *format,
                                          gboolean      *is_default);

G_END_DECLS
