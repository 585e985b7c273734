/* fh-chart-theme.c — colours, type and number formats for every chart
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "fh-chart-theme.h"

static const char *categorical[] = {
  "#12436D", "#28A197", "#801650", "#F46A25", "#3D3D3D", "#A285D1",
};

/* Darkest first. */
static const char *sequential[] = {
  "#12436D", "#2073BC", "#6BACE6", "#A6CFF2", "#D6E8F8",
};

FhColor
fh_color_from_hex (const char *hex)
{
  FhColor c = { 0, 0, 0, 1 };
  guint v = 0;

  g_return_val_if_fail (hex != NULL && hex[0] == '#' && strlen (hex) == 7, c);

  v = (guint) g_ascii_strtoull (hex + 1, NULL, 16);
  c.r = ((v >> 16) & 0xff) / 255.0;
  c.g = ((v >> 8) & 0xff) / 255.0;
  c.b = (v & 0xff) / 255.0;
  return c;
}

FhColor
fh_chart_theme_categorical (guint i)
{
  return fh_color_from_hex (categorical[i % G_N_ELEMENTS (categorical)]);
}

/* Step 0 is the lightest of @n_steps classes, n_steps - 1 the darkest. */
FhColor
fh_chart_theme_sequential (guint step,
                           guint n_steps)
{
  guint n = MIN (MAX (n_steps, 1), G_N_ELEMENTS (sequential));
  guint from_dark = n - 1 - MIN (step, n - 1);

  /* Use the darkest n of the five, so few classes still contrast well. */
  return fh_color_from_hex (sequential[from_dark * (G_N_ELEMENTS (sequential) - 1) / MAX (n - 1, 1)]);
}

FhColor fh_chart_theme_focus (void)      { return fh_color_from_hex ("#12436D"); }
FhColor fh_chart_theme_context (void)    { return fh_color_from_hex ("#BFBFBF"); }
FhColor fh_chart_theme_text (void)       { return fh_color_from_hex ("#0B0C0C"); }
FhColor fh_chart_theme_muted_text (void) { return fh_color_from_hex ("#505A5F"); }
FhColor fh_chart_theme_grid (void)       { return fh_color_from_hex ("#E1E1E1"); }
FhColor fh_chart_theme_background (void) { return fh_color_from_hex ("#FFFFFF"); }

FhColor fh_chart_theme_hatch (void)        { return fh_color_from_hex ("#505A5F"); }
FhColor fh_chart_theme_no_data (void)      { return fh_color_from_hex ("#F3F2F1"); }
FhColor fh_chart_theme_no_data_edge (void) { return fh_color_from_hex ("#8A8A8A"); }

#define HATCH_SPACING 5.0
#define HATCH_WIDTH   1.5

void
fh_chart_hatch_path (cairo_t *cr)
{
  FhColor background = fh_chart_theme_background ();
  FhColor hatch = fh_chart_theme_hatch ();
  double x1, y1, x2, y2;
  cairo_path_t *path;

  g_return_if_fail (cr != NULL);

  path = cairo_copy_path (cr);
  cairo_save (cr);
  fh_color_apply (&background, cr);
  cairo_fill_preserve (cr);
  cairo_clip_preserve (cr);
  cairo_fill_extents (cr, &x1, &y1, &x2, &y2);
  cairo_new_path (cr);
  fh_color_apply (&hatch, cr);
  cairo_set_line_width (cr, HATCH_WIDTH);
  cairo_set_dash (cr, NULL, 0, 0);
  /* lines at 45°, anchored to the page so neighbouring shapes line up */
  for (double t = floor ((x1 - (y2 - y1)) / HATCH_SPACING) * HATCH_SPACING; t < x2 + HATCH_SPACING;
       t += HATCH_SPACING)
    {
      cairo_move_to (cr, t, y2);
      cairo_line_to (cr, t + (y2 - y1), y1);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
  cairo_new_path (cr);
  cairo_append_path (cr, path);
  cairo_path_destroy (path);
}

void
fh_chart_no_data_path (cairo_t *cr)
{
  static const double dots[] = { 1.5, 2.5 };
  FhColor fill = fh_chart_theme_no_data ();
  FhColor edge = fh_chart_theme_no_data_edge ();

  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  fh_color_apply (&fill, cr);
  cairo_fill_preserve (cr);
  fh_color_apply (&edge, cr);
  cairo_set_line_width (cr, 1);
  cairo_set_dash (cr, dots, 2, 0);
  cairo_stroke_preserve (cr);
  cairo_restore (cr);
}

void
fh_color_apply (const FhColor *color,
                cairo_t       *cr)
{
  cairo_set_source_rgba (cr, color->r, color->g, color->b, color->a);
}

PangoLayout *
fh_chart_text_layout (cairo_t    *cr,
                      const char *text,
                      double      size_pt,
                      gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (FH_CHART_FONT_FAMILY);

  pango_font_description_set_absolute_size (font, size_pt * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text ? text : "", -1);
  pango_font_description_free (font);
  return layout;
}
