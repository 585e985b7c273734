/* fh-chart-style.c — which chart style and text size the desktop asks for
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fh-chart-style.h"

static gboolean
is_high_contrast (const char *theme)
{
  return theme != NULL && g_str_has_prefix (theme, "HighContrast");
}

FhChartStyle
fh_chart_style_for_widget (GtkWidget *widget,
                           double    *text_scale)
{
  GtkSettings *settings;
  g_autofree char *theme = NULL;
  const char *env_theme = g_getenv ("GTK_THEME");
  int dpi = 0;
  GdkRGBA fg;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FH_CHART_STYLE_DEFAULT);

  settings = gtk_widget_get_settings (widget);
  g_object_get (settings, "gtk-theme-name", &theme, "gtk-xft-dpi", &dpi, NULL);
  if (text_scale != NULL)
    *text_scale = dpi > 0 ? dpi / (96.0 * 1024) : 1.0;

  /* light text on the widget means a dark style, whatever it is called */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  if (0.2126 * fg.red + 0.7152 * fg.green + 0.0722 * fg.blue > 0.5)
    return FH_CHART_STYLE_DARK;
  if (is_high_contrast (env_theme) || is_high_contrast (theme))
    return FH_CHART_STYLE_HIGH_CONTRAST;
  return FH_CHART_STYLE_DEFAULT;
}

void
fh_chart_style_watch (GtkWidget *widget)
{
  GtkSettings *settings = gtk_widget_get_settings (widget);

  g_signal_connect_object (settings, "notify::gtk-theme-name", G_CALLBACK (gtk_widget_queue_draw), widget,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "notify::gtk-xft-dpi", G_CALLBACK (gtk_widget_queue_resize), widget,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "notify::gtk-application-prefer-dark-theme",
                           G_CALLBACK (gtk_widget_queue_draw), widget, G_CONNECT_SWAPPED);
}
