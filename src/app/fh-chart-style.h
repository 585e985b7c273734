/* fh-chart-style.h — which chart style and text size the desktop asks for
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Charts on screen follow the desktop: the dark style (light text on a
 * dark window), high contrast (the HighContrast theme) and the text-size
 * setting (gtk-xft-dpi). Exports do not ask, so they stay dark on white.
 */
#pragma once

#include <gtk/gtk.h>

#include "fh-chart-theme.h"

G_BEGIN_DECLS

/* The style for charts in @widget; @text_scale (may be NULL) is the text
 * size against 96 dpi. */
FhChartStyle fh_chart_style_for_widget (GtkWidget *widget,
                                        double    *text_scale);
/* Redraws @widget when the theme or the text size changes. */
void         fh_chart_style_watch      (GtkWidget *widget);

G_END_DECLS
