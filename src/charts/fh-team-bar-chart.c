/* fh-team-bar-chart.c — per team: open episodes, FTE and per FTE against a threshold
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "fh-chart-frame.h"
#include "fh-number-format.h"
#include "fh-results.h"
#include "fh-team-bar-chart.h"

#define MARGIN   FH_CHART_MARGIN
#define TEXT_PT  FH_CHART_TEXT_PT
#define SMALL_PT FH_CHART_SMALL_PT
#define ROW_H    34.0
#define BAR_H    16.0
#define N_PANELS 3

typedef struct {
  char   *label;
  double  threshold;
} Group;

typedef struct {
  guint   group;
  char   *label;
  char   *detail;
  gint64  open;
  double  fte;
  double  per_fte;
  /* the model, after a draw */
  double  bx[N_PANELS], bw[N_PANELS];
  double  y, h, threshold_x;   /* y: the bar's top; h: the row's height */
} Row;

struct _FhTeamBarChart
{
  FhChart  parent_instance;
  GArray  *groups;   /* of Group */
  GArray  *rows;     /* of Row */
};

G_DEFINE_FINAL_TYPE (FhTeamBarChart, fh_team_bar_chart, FH_TYPE_CHART)

static void
group_clear (gpointer data)
{
  g_free (((Group *) data)->label);
}

static void
row_clear (gpointer data)
{
  Row *r = data;

  g_free (r->label);
  g_free (r->detail);
}

static gboolean
row_above (FhTeamBarChart *self, const Row *r)
{
  Group *g = &g_array_index (self->groups, Group, r->group);

  return !isnan (r->per_fte) && !isnan (g->threshold) && r->per_fte > g->threshold;
}

static double
row_value (const Row *r, guint panel)
{
  switch (panel)
    {
    case FH_TEAM_BAR_OPEN: return r->open >= 0 ? (double) r->open : NAN;
    case FH_TEAM_BAR_FTE: return r->fte;
    default: return r->per_fte;
    }
}

static char *
row_text (const Row *r, guint panel, gboolean above)
{
  switch (panel)
    {
    case FH_TEAM_BAR_OPEN: return fh_format_count (r->open);
    case FH_TEAM_BAR_FTE: return fh_format_number (r->fte, 1);
    default:
      {
        g_autofree char *v = fh_format_rate (r->per_fte, r->open, 1);
        return above ? g_strdup_printf ("▲ %s", v) : g_steal_pointer (&v);
      }
    }
}

static void
fh_team_bar_chart_draw (FhChart *chart, cairo_t *cr, double width, double height)
{
  FhTeamBarChart *self = FH_TEAM_BAR_CHART (chart);
  FhColor text = fh_chart_theme_text (), muted = fh_chart_theme_muted_text (), grid = fh_chart_theme_grid ();
  FhColor above_color = fh_chart_theme_categorical (3);
  const char *headers[N_PANELS] = { _("Open episodes"), _("FTE"), _("Open episodes per FTE") };
  double top, label_w = 0, x = MARGIN, max[N_PANELS] = { 0, 0, 0 }, panel_x[N_PANELS], panel_w;
  double key_h = 0;

  double bottom, row_h = ROW_H;

  top = fh_chart_draw_heading (cr, width, fh_chart_get_title (chart), NULL);
  bottom = fh_chart_draw_caption (cr, width, height, fh_chart_get_caption (chart));

  /* the key: a swatch per group, then the threshold tick and the triangle */
  for (guint g = 0; g <= self->groups->len; g++)
    {
      FhColor c = fh_chart_theme_categorical (g);
      const char *label = g < self->groups->len ? g_array_index (self->groups, Group, g).label
                                                : _("| threshold of the team's service   ▲ above it");
      g_autoptr(PangoLayout) l = fh_chart_text_layout (cr, label, SMALL_PT, FALSE);

      if (g < self->groups->len)
        {
          fh_color_apply (&c, cr);
          cairo_rectangle (cr, x, top + 2, 12, 10);
          cairo_fill (cr);
          x += 16;
        }
      fh_chart_show_layout (cr, l, x, top, &muted);
      x += fh_layout_width (l) + 18;
      key_h = MAX (key_h, fh_layout_height (l));
    }
  top += key_h + 10;

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *r = &g_array_index (self->rows, Row, i);
      Group *g = &g_array_index (self->groups, Group, r->group);
      g_autoptr(PangoLayout) l = fh_chart_text_layout (cr, r->label, TEXT_PT, TRUE);

      label_w = MAX (label_w, fh_layout_width (l));
      for (guint p = 0; p < N_PANELS; p++)
        if (!isnan (row_value (r, p)))
          max[p] = MAX (max[p], row_value (r, p));
      if (!isnan (g->threshold))
        max[FH_TEAM_BAR_PER_FTE] = MAX (max[FH_TEAM_BAR_PER_FTE], g->threshold);
      r->y = NAN;
    }
  label_w = MIN (label_w + 12, width * 0.3);
  panel_w = (width - 2 * MARGIN - label_w) / N_PANELS;
  for (guint p = 0; p < N_PANELS; p++)
    {
      g_autoptr(PangoLayout) l = fh_chart_text_layout (cr, headers[p], SMALL_PT, TRUE);

      panel_x[p] = MARGIN + label_w + p * panel_w;
      max[p] = max[p] > 0 ? max[p] * 1.25 : 1;   /* room for the figure after the bar */
      fh_chart_show_layout (cr, l, panel_x[p], top, &text);
      key_h = fh_layout_height (l);
    }
  top += key_h + 6;
  /* every row fits above the caption: closer together when they must be */
  if (self->rows->len > 0)
    row_h = CLAMP ((bottom - top) / self->rows->len, BAR_H + 4, ROW_H);

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *r = &g_array_index (self->rows, Row, i);
      Group *g = &g_array_index (self->groups, Group, r->group);
      FhColor colour = fh_chart_theme_categorical (r->group);
      gboolean above = row_above (self, r);
      double y = top + i * row_h, by = y + (row_h - BAR_H) / 2;
      g_autoptr(PangoLayout) name = fh_chart_text_layout (cr, r->label, TEXT_PT, TRUE);
      double threshold_x = isnan (g->threshold) ? NAN
                           : round (panel_x[FH_TEAM_BAR_PER_FTE] + (panel_w - 12) * g->threshold
                                    / max[FH_TEAM_BAR_PER_FTE]);

      r->y = by;
      r->h = row_h;
      pango_layout_set_width (name, (label_w - 8) * PANGO_SCALE);
      pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
      fh_chart_show_layout (cr, name, MARGIN, y + 2, &text);
      if (r->detail)
        {
          g_autoptr(PangoLayout) d = fh_chart_text_layout (cr, r->detail, SMALL_PT, FALSE);
          pango_layout_set_width (d, (label_w - 8) * PANGO_SCALE);
          pango_layout_set_ellipsize (d, PANGO_ELLIPSIZE_END);
          fh_chart_show_layout (cr, d, MARGIN, y + 2 + fh_layout_height (name), &muted);
        }
      fh_color_apply (&grid, cr);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, MARGIN, round (y + row_h) + 0.5);
      cairo_line_to (cr, width - MARGIN, round (y + row_h) + 0.5);
      cairo_stroke (cr);

      for (guint p = 0; p < N_PANELS; p++)
        {
          double v = row_value (r, p), bar_w = isnan (v) ? 0 : (panel_w - 12) * v / max[p];
          gboolean mark = p == FH_TEAM_BAR_PER_FTE && above;
          g_autofree char *t = row_text (r, p, mark);
          g_autoptr(PangoLayout) l = fh_chart_text_layout (cr, t, SMALL_PT, mark);

          r->bx[p] = panel_x[p];
          r->bw[p] = bar_w;
          if (bar_w > 0)
            {
              cairo_rectangle (cr, panel_x[p], by, bar_w, BAR_H);
              fh_color_apply (mark ? &above_color : &colour, cr);
              cairo_fill_preserve (cr);
              if (mark)
                {
                  fh_color_apply (&text, cr);
                  cairo_set_line_width (cr, 1);
                  cairo_stroke (cr);
                }
              else
                cairo_new_path (cr);
            }
          /* the figure after the bar, and after the threshold tick when it is near */
          fh_chart_show_layout (cr, l, panel_x[p] + MAX (bar_w, p == FH_TEAM_BAR_PER_FTE && !isnan (threshold_x)
                                                                 && threshold_x - panel_x[p] > bar_w - 2
                                                                 && threshold_x - panel_x[p] < bar_w + 30
                                                                 ? threshold_x - panel_x[p] + 2 : bar_w) + 4,
                                by + (BAR_H - fh_layout_height (l)) / 2, &text);
        }

      /* the service's threshold across the row */
      r->threshold_x = threshold_x;
      if (!isnan (g->threshold))
        {
          fh_color_apply (&text, cr);
          cairo_set_line_width (cr, 2);
          cairo_move_to (cr, r->threshold_x, by - 4);
          cairo_line_to (cr, r->threshold_x, by + BAR_H + 4);
          cairo_stroke (cr);
        }
    }
}

static char *
to_csv (FhChart *chart)
{
  FhTeamBarChart *self = FH_TEAM_BAR_CHART (chart);
  GString *csv = g_string_new (NULL);
  const char *headers[] = { _("Team"), _("Locality"), _("Service"), _("Open episodes"), _("FTE"),
                            _("Open episodes per FTE"), _("Threshold"), _("Above threshold") };

  for (guint k = 0; k < G_N_ELEMENTS (headers); k++)
    fh_csv_append_field (csv, headers[k], k + 1 == G_N_ELEMENTS (headers));
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *r = &g_array_index (self->rows, Row, i);
      Group *g = &g_array_index (self->groups, Group, r->group);
      g_autofree char *open = fh_format_csv_count (r->open);
      g_autofree char *fte = fh_format_csv_number (r->fte, 2);
      g_autofree char *per = r->open == FH_COUNT_SUPPRESSED ? g_strdup (FH_FORMAT_SUPPRESSED)
                                                            : fh_format_csv_number (r->per_fte, 1);
      g_autofree char *threshold = fh_format_csv_number (g->threshold, 1);

      fh_csv_append_field (csv, r->label, FALSE);
      fh_csv_append_field (csv, r->detail ? r->detail : "", FALSE);
      fh_csv_append_field (csv, g->label, FALSE);
      fh_csv_append_field (csv, open, FALSE);
      fh_csv_append_field (csv, fte, FALSE);
      fh_csv_append_field (csv, per, FALSE);
      fh_csv_append_field (csv, threshold, FALSE);
      fh_csv_append_field (csv, isnan (r->per_fte) ? "" : row_above (self, r) ? _("yes") : _("no"), TRUE);
    }
  return g_string_free (csv, FALSE);
}

static char *
get_alt_text (FhChart *chart)
{
  FhTeamBarChart *self = FH_TEAM_BAR_CHART (chart);
  GString *alt = g_string_new (NULL);
  guint above = 0;

  g_string_append_printf (alt, _("%s. Bars for %u teams: open episodes, FTE and open episodes per FTE "
                                 "against their service's threshold."),
                          fh_chart_get_title (chart) ? fh_chart_get_title (chart) : "", self->rows->len);
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *r = &g_array_index (self->rows, Row, i);
      Group *g = &g_array_index (self->groups, Group, r->group);
      g_autofree char *per = NULL, *t = NULL;

      if (!row_above (self, r))
        continue;
      per = fh_format_number (r->per_fte, 1);
      t = fh_format_number (g->threshold, 0);
      g_string_append_printf (alt, above++ == 0 ? _(" Above: %s (%s against %s)") : _(", %s (%s against %s)"),
                              r->label, per, t);
    }
  g_string_append (alt, above > 0 ? "." : _(" No team is above its threshold."));
  return g_string_free (alt, FALSE);
}

static void
fh_team_bar_chart_finalize (GObject *object)
{
  FhTeamBarChart *self = FH_TEAM_BAR_CHART (object);

  g_array_unref (self->groups);
  g_array_unref (self->rows);
  G_OBJECT_CLASS (fh_team_bar_chart_parent_class)->finalize (object);
}

/* ---- items: one per team row, for the keyboard and screen readers ------- */

static guint
team_get_n_items (FhChart *chart)
{
  return FH_TEAM_BAR_CHART (chart)->rows->len;
}

static char *
team_get_item_label (FhChart *chart, guint item)
{
  FhTeamBarChart *self = FH_TEAM_BAR_CHART (chart);
  Row *r = &g_array_index (self->rows, Row, item);
  Group *g = &g_array_index (self->groups, Group, r->group);
  g_autofree char *open = fh_format_count (r->open);
  g_autofree char *fte = fh_format_number (r->fte, 1);
  g_autofree char *per = isnan (r->per_fte) ? g_strdup (r->open == FH_COUNT_SUPPRESSED ? FH_FORMAT_SUPPRESSED
                                                                                       : FH_FORMAT_MISSING)
                                            : fh_format_number (r->per_fte, 1);

  if (row_above (self, r))
    {
      g_autofree char *limit = fh_format_number (g->threshold, 0);

      /* Translators: a team read out, "North Core: 236 open episodes, 9.4 FTE,
       * 25.1 per FTE, above the threshold of 20" */
      return g_strdup_printf (_("%s: %s open episodes, %s FTE, %s per FTE, above the threshold of %s"),
                              r->label, open, fte, per, limit);
    }
  /* Translators: a team read out, "Central Core: 187 open episodes, 9.6 FTE, 19.5 per FTE" */
  return g_strdup_printf (_("%s: %s open episodes, %s FTE, %s per FTE"), r->label, open, fte, per);
}

static gboolean
team_get_item_bounds (FhChart *chart, guint item, double *x, double *y, double *w, double *h)
{
  FhTeamBarChart *self = FH_TEAM_BAR_CHART (chart);
  Row *r = &g_array_index (self->rows, Row, item);

  if (isnan (r->y))
    return FALSE;
  /* the whole row: its label and its three panels */
  *x = MARGIN;
  *y = r->y - (r->h - BAR_H) / 2;
  *w = r->bx[N_PANELS - 1] + MAX (r->bw[N_PANELS - 1], 0) + 48 - MARGIN;
  *h = r->h;
  return TRUE;
}

static int
team_hit_item (FhChart *chart, double x, double y)
{
  return fh_team_bar_chart_hit_test (FH_TEAM_BAR_CHART (chart), x, y);
}

static void
fh_team_bar_chart_class_init (FhTeamBarChartClass *klass)
{
  FhChartClass *chart_class = FH_CHART_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = fh_team_bar_chart_finalize;
  chart_class->draw = fh_team_bar_chart_draw;
  chart_class->to_csv = to_csv;
  chart_class->get_alt_text = get_alt_text;
  chart_class->get_n_items = team_get_n_items;
  chart_class->get_item_label = team_get_item_label;
  chart_class->get_item_bounds = team_get_item_bounds;
  chart_class->hit_item = team_hit_item;
}

static void
fh_team_bar_chart_init (FhTeamBarChart *self)
{
  self->groups = g_array_new (FALSE, TRUE, sizeof (Group));
  g_array_set_clear_func (self->groups, group_clear);
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self->rows, row_clear);
}

FhTeamBarChart *
fh_team_bar_chart_new (void)
{
  return g_object_new (FH_TYPE_TEAM_BAR_CHART, NULL);
}

void
fh_team_bar_chart_clear (FhTeamBarChart *self)
{
  g_return_if_fail (FH_IS_TEAM_BAR_CHART (self));

  g_array_set_size (self->rows, 0);
  g_array_set_size (self->groups, 0);
  fh_chart_emit_changed (FH_CHART (self));
}

guint
fh_team_bar_chart_add_group (FhTeamBarChart *self, const char *label, double threshold)
{
  Group g = { g_strdup (label), threshold };

  g_return_val_if_fail (FH_IS_TEAM_BAR_CHART (self), 0);

  g_array_append_val (self->groups, g);
  fh_chart_emit_changed (FH_CHART (self));
  return self->groups->len - 1;
}

guint
fh_team_bar_chart_add_row (FhTeamBarChart *self, guint group, const char *label, const char *detail,
                           gint64 open, double fte, double per_fte)
{
  Row r = { group, g_strdup (label), g_strdup (detail), open, fte, per_fte,
            { NAN, NAN, NAN }, { 0, 0, 0 }, NAN, ROW_H, NAN };

  g_return_val_if_fail (FH_IS_TEAM_BAR_CHART (self), 0);
  g_return_val_if_fail (group < self->groups->len, 0);

  g_array_append_val (self->rows, r);
  fh_chart_emit_changed (FH_CHART (self));
  return self->rows->len - 1;
}

guint
fh_team_bar_chart_get_n_rows (FhTeamBarChart *self)
{
  g_return_val_if_fail (FH_IS_TEAM_BAR_CHART (self), 0);
  return self->rows->len;
}

gboolean
fh_team_bar_chart_row_is_above (FhTeamBarChart *self, guint row)
{
  g_return_val_if_fail (FH_IS_TEAM_BAR_CHART (self), FALSE);
  g_return_val_if_fail (row < self->rows->len, FALSE);
  return row_above (self, &g_array_index (self->rows, Row, row));
}

gboolean
fh_team_bar_chart_get_bar (FhTeamBarChart *self, guint row, FhTeamBarPanel panel,
                           double *x, double *y, double *width, double *height)
{
  Row *r;

  g_return_val_if_fail (FH_IS_TEAM_BAR_CHART (self), FALSE);
  if (row >= self->rows->len || panel >= N_PANELS)
    return FALSE;
  r = &g_array_index (self->rows, Row, row);
  if (isnan (r->y))
    return FALSE;
  *x = r->bx[panel];
  *y = r->y;
  *width = r->bw[panel];
  *height = BAR_H;
  return TRUE;
}

gboolean
fh_team_bar_chart_get_threshold_x (FhTeamBarChart *self, guint row, double *x)
{
  Row *r;

  g_return_val_if_fail (FH_IS_TEAM_BAR_CHART (self), FALSE);
  if (row >= self->rows->len)
    return FALSE;
  r = &g_array_index (self->rows, Row, row);
  if (isnan (r->y) || isnan (r->threshold_x))
    return FALSE;
  *x = r->threshold_x;
  return TRUE;
}

int
fh_team_bar_chart_hit_test (FhTeamBarChart *self, double x, double y)
{
  g_return_val_if_fail (FH_IS_TEAM_BAR_CHART (self), -1);

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *r = &g_array_index (self->rows, Row, i);
      double top = r->y - (r->h - BAR_H) / 2;

      if (!isnan (r->y) && y >= top && y < top + r->h && x >= MARGIN)
        return i;
    }
  return -1;
}
