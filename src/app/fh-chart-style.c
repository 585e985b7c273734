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

#define BASE_HEIGHT "fh-chart-style-base-height"

/* With larger text a chart needs proportionally more height: its height
 * request (from the template) grows with the text scale. */
static void
update_height (GtkWidget *widget)
{
  double text_scale = 1.0;
  int w = -1, h = -1, base;

  fh_chart_style_for_widget (widget, &text_scale);
  if (g_object_get_data (G_OBJECT (widget), BASE_HEIGHT) == NULL)
    {
      gtk_widget_get_size_request (widget, &w, &h);
      g_object_set_data (G_OBJECT (widget), BASE_HEIGHT, GINT_TO_POINTER (MAX (h, 1)));
    }
  base = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), BASE_HEIGHT));
  gtk_widget_get_size_request (widget, &w, &h);
  if (base > 1 && h != (int) (base * MAX (text_scale, 1.0)))
    gtk_widget_set_size_request (widget, w, (int) (base * MAX (text_scale, 1.0)));
}

void
fh_chart_style_watch (GtkWidget *widget)
{
  GtkSettings *settings = gtk_widget_get_settings (widget);

  g_signal_connect (widget, "map", G_CALLBACK (update_height), NULL);
  g_signal_connect_object (settings, "notify::gtk-xft-dpi", G_CALLBACK (update_height), widget,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (settings, "notify::gtk-theme-name", G_CALLBACK (gtk_widget_queue_draw), widget,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "notify::gtk-application-prefer-dark-theme",
                           G_CALLBACK (gtk_widget_queue_draw), widget, G_CONNECT_SWAPPED);
}
