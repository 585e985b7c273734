/* fh-chart-frame.c — what every chart draws the same way
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>

#include "fh-chart-frame.h"

double
fh_layout_width (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) w / PANGO_SCALE;
}

double
fh_layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

void
fh_chart_show_layout (cairo_t       *cr,
                      PangoLayout   *layout,
                      double         x,
                      double         y,
                      const FhColor *color)
{
  fh_color_apply (color, cr);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

double
fh_chart_draw_heading (cairo_t    *cr,
                       double      width,
                       const char *title,
                       const char *subtitle)
{
  FhColor text = fh_chart_theme_text ();
  FhColor muted = fh_chart_theme_muted_text ();
  FhColor background = fh_chart_theme_background ();
  double inner_w = width - 2 * FH_CHART_MARGIN;
  double top = FH_CHART_MARGIN;

  fh_color_apply (&background, cr);
  cairo_paint (cr);

  if (title != NULL)
    {
      g_autoptr(PangoLayout) l = fh_chart_text_layout (cr, title, FH_CHART_TITLE_PT, TRUE);

      pango_layout_set_width (l, inner_w * PANGO_SCALE);
      pango_layout_set_wrap (l, PANGO_WRAP_WORD);
      fh_chart_show_layout (cr, l, FH_CHART_MARGIN, top, &text);
      top += fh_layout_height (l) + 4;
    }
  if (subtitle != NULL)
    {
      g_autoptr(PangoLayout) l = fh_chart_text_layout (cr, subtitle, FH_CHART_TEXT_PT, FALSE);

      pango_layout_set_width (l, inner_w * PANGO_SCALE);
      pango_layout_set_ellipsize (l, PANGO_ELLIPSIZE_END);
      fh_chart_show_layout (cr, l, FH_CHART_MARGIN, top, &muted);
      top += fh_layout_height (l) + 10;
    }
  return top;
}

double
fh_chart_draw_caption (cairo_t    *cr,
                       double      width,
                       double      height,
                       const char *caption)
{
  FhColor muted = fh_chart_theme_muted_text ();
  double bottom = height - FH_CHART_MARGIN;
  g_autoptr(PangoLayout) l = NULL;

  if (caption == NULL)
    return bottom;

  l = fh_chart_text_layout (cr, caption, FH_CHART_SMALL_PT, FALSE);
  pango_layout_set_width (l, (width - 2 * FH_CHART_MARGIN) * PANGO_SCALE);
  pango_layout_set_wrap (l, PANGO_WRAP_WORD);
  bottom -= fh_layout_height (l);
  fh_chart_show_layout (cr, l, FH_CHART_MARGIN, bottom, &muted);
  return bottom - 8;
}

const char *
fh_chart_suppressed_note (void)
{
  /* Translators: the statistical convention: "c" marks a confidential
   * (suppressed) figure; keep the letter c. */
  return _("c = 1 to 5, suppressed");
}

double
fh_chart_draw_chart_caption (cairo_t *cr,
                             FhChart *chart,
                             double   width,
                             double   height)
{
  g_autofree char *caption = NULL;

  g_return_val_if_fail (FH_IS_CHART (chart), height - FH_CHART_MARGIN);

  caption = fh_chart_dup_full_caption (chart);
  return fh_chart_draw_caption (cr, width, height, caption);
}

void
fh_chart_draw_suppressed_mark (cairo_t *cr,
                               double   cx,
                               double   cy,
                               double   size_pt)
{
  FhColor text = fh_chart_theme_text ();
  g_autoptr(PangoLayout) l = fh_chart_text_layout (cr, FH_FORMAT_SUPPRESSED, size_pt, TRUE);
  double x = cx - fh_layout_width (l) / 2, y = cy - fh_layout_height (l) / 2;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_move_to (cr, x, y);
  pango_cairo_layout_path (cr, l);
  {
    FhColor background = fh_chart_theme_background ();
    fh_color_apply (&background, cr);
  }
  cairo_set_line_width (cr, 4);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  fh_chart_show_layout (cr, l, x, y, &text);
  cairo_restore (cr);
}

double
fh_chart_nice_step (double range,
                    int    ticks)
{
  double raw = range / MAX (ticks, 1);
  double magnitude, residual;

  if (!(raw > 0))
    return 1;
  magnitude = pow (10, floor (log10 (raw)));
  residual = raw / magnitude;
  if (residual > 5) return 10 * magnitude;
  if (residual > 2) return 5 * magnitude;
  if (residual > 1) return 2 * magnitude;
  return magnitude;
}
