/* fh-chart-theme.c — colours, type and number formats for every chart
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "fh-chart-theme.h"

/* One palette per style. In the default style the lighter classes do not
 * reach 3:1 against white: every shape carries an edge that does. */
typedef struct {
  const char *categorical[6];
  const char *sequential[5];     /* darkest (highest) first */
  const char *focus, *context, *text, *muted, *grid, *background, *edge;
  double      stroke;
} Palette;

static const Palette palettes[] = {
  [FH_CHART_STYLE_DEFAULT] = {
    { "#12436D", "#28A197", "#801650", "#F46A25", "#3D3D3D", "#A285D1" },
    { "#12436D", "#2073BC", "#6BACE6", "#A6CFF2", "#D6E8F8" },
    "#12436D", "#8A8A8A", "#0B0C0C", "#505A5F", "#E1E1E1", "#FFFFFF", "#505A5F", 1.0,
  },
  /* on Adwaita's dark view: light on dark; the highest class brightest */
  [FH_CHART_STYLE_DARK] = {
    { "#6BACE6", "#3CC7B5", "#E58BBE", "#F68D5A", "#C8C8C8", "#B9A3E0" },
    { "#D6E8F8", "#A6CFF2", "#6BACE6", "#2073BC", "#16507F" },
    "#8FC3F0", "#8A8A8A", "#FFFFFF", "#C8C8C8", "#3A3A3A", "#1E1E1E", "#C8C8C8", 1.0,
  },
  /* black on white, every colour 4.5:1 or more, strokes half as thick again */
  [FH_CHART_STYLE_HIGH_CONTRAST] = {
    { "#0B2B49", "#00625A", "#801650", "#9A3600", "#000000", "#553A86" },
    { "#0B2B49", "#1A5E9A", "#6BACE6", "#A6CFF2", "#D6E8F8" },
    "#000000", "#666666", "#000000", "#000000", "#767676", "#FFFFFF", "#000000", 1.6,
  },
};

typedef struct {
  FhChartStyle style;
  double       text_scale;
} ThreadStyle;

static void
thread_style_free (gpointer data)
{
  g_free (data);
}

static GPrivate thread_style = G_PRIVATE_INIT (thread_style_free);

static ThreadStyle *
get_thread_style (void)
{
  ThreadStyle *ts = g_private_get (&thread_style);

  if (ts == NULL)
    {
      ts = g_new0 (ThreadStyle, 1);
      ts->style = FH_CHART_STYLE_DEFAULT;
      ts->text_scale = 1.0;
      g_private_set (&thread_style, ts);
    }
  return ts;
}

static const Palette *
palette (void)
{
  return &palettes[get_thread_style ()->style];
}

FhChartStyle
fh_chart_theme_push_style (FhChartStyle style,
                           double       text_scale)
{
  ThreadStyle *ts = get_thread_style ();
  FhChartStyle before = ts->style;

  g_return_val_if_fail (style <= FH_CHART_STYLE_HIGH_CONTRAST, before);
  ts->style = style;
  ts->text_scale = text_scale > 0.5 && text_scale < 4 ? text_scale : 1.0;
  return before;
}

void
fh_chart_theme_pop_style (FhChartStyle previous)
{
  ThreadStyle *ts = get_thread_style ();

  ts->style = previous;
  ts->text_scale = 1.0;
}

FhChartStyle
fh_chart_theme_get_style (void)
{
  return get_thread_style ()->style;
}

double
fh_chart_theme_text_scale (void)
{
  return get_thread_style ()->text_scale;
}

double
fh_chart_theme_stroke (double width)
{
  return width * palette ()->stroke;
}

static double
luminance (FhColor c)
{
  double v[3] = { c.r, c.g, c.b };

  for (guint i = 0; i < 3; i++)
    v[i] = v[i] <= 0.04045 ? v[i] / 12.92 : pow ((v[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}

double
fh_color_contrast (FhColor a,
                   FhColor b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

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
  return fh_color_from_hex (palette ()->categorical[i % G_N_ELEMENTS (palette ()->categorical)]);
}

/* Step 0 is the lightest of @n_steps classes, n_steps - 1 the darkest. */
FhColor
fh_chart_theme_sequential (guint step,
                           guint n_steps)
{
  const char * const *sequential = palette ()->sequential;
  guint n = MIN (MAX (n_steps, 1), 5);
  guint from_dark = n - 1 - MIN (step, n - 1);

  /* Use the darkest n of the five, so few classes still contrast well. */
  return fh_color_from_hex (sequential[from_dark * (5 - 1) / MAX (n - 1, 1)]);
}

FhColor fh_chart_theme_focus (void)      { return fh_color_from_hex (palette ()->focus); }
FhColor fh_chart_theme_context (void)    { return fh_color_from_hex (palette ()->context); }
FhColor fh_chart_theme_text (void)       { return fh_color_from_hex (palette ()->text); }
FhColor fh_chart_theme_muted_text (void) { return fh_color_from_hex (palette ()->muted); }
FhColor fh_chart_theme_grid (void)       { return fh_color_from_hex (palette ()->grid); }
FhColor fh_chart_theme_background (void) { return fh_color_from_hex (palette ()->background); }
FhColor fh_chart_theme_edge (void)       { return fh_color_from_hex (palette ()->edge); }

FhColor
fh_chart_theme_readable (FhColor color)
{
  if (fh_color_contrast (color, fh_chart_theme_background ()) >= 4.5)
    return color;
  return fh_chart_theme_text ();
}

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

  pango_font_description_set_absolute_size (font, size_pt * fh_chart_theme_text_scale () * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text ? text : "", -1);
  pango_font_description_free (font);
  return layout;
}
