/* fh-chart.c — the chart interface
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "fh-chart.h"

G_DEFINE_INTERFACE (FhChart, fh_chart, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
fh_chart_default_init (FhChartInterface *iface)
{
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_INTERFACE (iface),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

void
fh_chart_draw (FhChart *self,
               cairo_t *cr,
               double   width,
               double   height)
{
  g_return_if_fail (FH_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  if (width <= 0 || height <= 0)
    return;

  cairo_save (cr);
  FH_CHART_GET_IFACE (self)->draw (self, cr, width, height);
  cairo_restore (cr);
}

const char *
fh_chart_get_title (FhChart *self)
{
  g_return_val_if_fail (FH_IS_CHART (self), NULL);

  return FH_CHART_GET_IFACE (self)->get_title (self);
}

const char *
fh_chart_get_caption (FhChart *self)
{
  g_return_val_if_fail (FH_IS_CHART (self), NULL);

  return FH_CHART_GET_IFACE (self)->get_caption (self);
}

char *
fh_chart_to_csv (FhChart *self)
{
  g_return_val_if_fail (FH_IS_CHART (self), NULL);

  return FH_CHART_GET_IFACE (self)->to_csv (self);
}

char *
fh_chart_get_alt_text (FhChart *self)
{
  g_return_val_if_fail (FH_IS_CHART (self), NULL);

  return FH_CHART_GET_IFACE (self)->get_alt_text (self);
}

void
fh_chart_emit_changed (FhChart *self)
{
  g_return_if_fail (FH_IS_CHART (self));

  g_signal_emit (self, signals[CHANGED], 0);
}

void
fh_csv_append_field (GString    *csv,
                     const char *field,
                     gboolean    last)
{
  if (field == NULL)
    field = "";

  if (strpbrk (field, ",\"\r\n") != NULL)
    {
      g_string_append_c (csv, '"');
      for (const char *p = field; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (csv, '"');
          g_string_append_c (csv, *p);
        }
      g_string_append_c (csv, '"');
    }
  else
    {
      g_string_append (csv, field);
    }

  g_string_append (csv, last ? "\r\n" : ",");
}
