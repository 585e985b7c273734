/* fh-chart-print.h — a chart on paper, through GtkPrintOperation
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Prints the chart of @chart_view on one page, drawn by fh_chart_draw() at
 * its on-screen proportions and scaled to fit the printable area, caption
 * included; landscape when the chart is wider than tall. @action is
 * GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG (asynchronous: errors are shown
 * when it is done), _PREVIEW, or _EXPORT to write a PDF to @pdf_path
 * (synchronous, for tests and scripts). */
gboolean fh_chart_print (GtkWidget                *chart_view,
                         GtkPrintOperationAction   action,
                         const char               *pdf_path,
                         GError                  **error);

G_END_DECLS
