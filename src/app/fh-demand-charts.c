/* fh-demand-charts.c — the demand page's ward charts, filled from its figures
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The map, the ranked bars, deprivation against demand and the funnel plot
 * all list the wards in the order of the page's figures, so an item's index
 * in any of them is the same ward; a suppressed ward is hatched with "c"
 * in every one (never drawn as zero or as missing).
 */
#include <glib/gi18n.h>
#include <math.h>

#include "fh-demand-charts.h"
#include "fh-demand-measures.h"
#include "fh-rate-interval.h"

static double
value_of (const FhDemandFigures *f, const FhWardDemand *d)
{
  return fh_demand_choices_get_value (f->choices, d);
}

/* The reporting layer withheld the ward's count (and so any rate on it). */
gboolean
fh_demand_figures_is_suppressed (const FhDemandFigures *f,
                                 const FhWardDemand    *ward)
{
  g_return_val_if_fail (f != NULL, FALSE);
  return ward != NULL && fh_demand_measure_count (f->choices->measure, ward) == FH_COUNT_SUPPRESSED;
}

gboolean
fh_demand_charts_show_ranking (const FhDemandFigures *f,
                               FhMapChart            *map,
                               FhBarChart            *bars)
{
  guint n, decimals;
  g_autofree const char **labels = NULL;
  g_autofree double *values = NULL;
  g_autofree char *period = NULL, *label = NULL, *extracted_text = NULL;
  g_autofree char *title = NULL, *caption = NULL, *map_title = NULL;
  const char *measure;
  const FhWardDemand *top = NULL;
  gboolean boundaries;
  double city_rate;

  g_return_val_if_fail (f != NULL && f->wards != NULL && f->city != NULL, FALSE);
  g_return_val_if_fail (FH_IS_MAP_CHART (map) && FH_IS_BAR_CHART (bars), FALSE);

  n = f->wards->len;
  decimals = fh_demand_choices_get_decimals (f->choices);
  labels = g_new0 (const char *, n);
  values = g_new0 (double, n);
  period = fh_period_get_label (f->period);
  label = fh_demand_choices_get_value_label (f->choices);
  measure = fh_demand_measure_get_name (f->choices->measure);
  boundaries = n > 0;

  fh_map_chart_clear (map);
  for (guint i = 0; i < n; i++)
    {
      FhWardDemand *w = g_ptr_array_index (f->wards, i);
      FhWardProfile *p = fh_ward_profile_find (f->profiles, w->ward_code);

      labels[i] = w->ward_name;
      values[i] = value_of (f, w);
      boundaries = boundaries && p != NULL && p->boundary != NULL;
      if (!isnan (values[i]) && (top == NULL || values[i] > value_of (f, top)))
        top = w;
      fh_map_chart_add_ward (map, w->ward_code, w->ward_name, values[i],
                             p && p->boundary ? fh_geometry_copy (p->boundary) : NULL,
                             p ? p->centroid_lon : NAN, p ? p->centroid_lat : NAN);
      if (fh_demand_figures_is_suppressed (f, w))
        fh_map_chart_set_suppressed (map, w->ward_code, TRUE);
    }

  title = top ? g_strdup_printf (_("%s is highest of %u wards"), top->ward_name, n) : g_strdup (_("By ward"));
  map_title = top ? g_strdup_printf (_("Highest in %s"), top->ward_name) : g_strdup (_("By ward"));
  extracted_text = g_date_time_format (f->extracted, "%-d %B %Y");
  /* Translators: "Source: Nottingham, Family Help reporting data. Requests
   * for support, 2025-26. Rates per 10,000 children (ONS mid-2025
   * estimates). Dashed line: whole authority. Data extracted 1 November 2026." */
  caption = g_strdup_printf (_("Source: %s, Family Help reporting data. %s, %s. Rates per 10,000 "
                               "children (ONS mid-%d estimates). Dashed line: whole authority. "
                               "Data extracted %s."),
                             f->city->ward_name, measure, period, f->city->population_year,
                             extracted_text);
  city_rate = f->choices->unit == FH_DEMAND_UNIT_COUNT ? NAN
              : fh_demand_measure_rate (f->choices->measure, f->city);

  g_object_set (bars, "title", title, "caption", caption, "value-label", label,
                "value-decimals", decimals, NULL);
  fh_bar_chart_set_bars (bars, labels, values, n);
  for (guint i = 0; i < n; i++)
    if (fh_demand_figures_is_suppressed (f, g_ptr_array_index (f->wards, i)))
      fh_bar_chart_set_suppressed (bars, i, TRUE);
  fh_bar_chart_set_reference_line (bars, city_rate, _("City"));

  g_object_set (map, "title", map_title, "caption", caption, "value-label", label,
                "value-decimals", decimals, NULL);
  G_STATIC_ASSERT ((int) FH_DEMAND_MAP_STYLE_HEXAGONS == (int) FH_MAP_HEXAGONS);
  fh_map_chart_set_style (map, (FhMapStyle) f->choices->map_style);
  fh_map_chart_set_reference (map, city_rate, _("City"));
  return boundaries;
}

guint
fh_demand_charts_show_deprivation (const FhDemandFigures *f,
                                   FhScatterChart        *scatter)
{
  FhWardProfile *p;
  guint rank = 1;
  g_autofree char *y = NULL;

  g_return_val_if_fail (f != NULL, 0);
  g_return_val_if_fail (FH_IS_SCATTER_CHART (scatter), 0);

  p = fh_ward_profile_find (f->profiles, f->selected);
  y = fh_demand_choices_get_value_label (f->choices);
  fh_scatter_chart_clear (scatter);
  for (guint i = 0; f->wards != NULL && i < f->wards->len; i++)
    {
      FhWardDemand *w = g_ptr_array_index (f->wards, i);
      FhWardProfile *wp = fh_ward_profile_find (f->profiles, w->ward_code);

      fh_scatter_chart_add_point (scatter, w->ward_code, w->ward_name, wp ? wp->imd_score : NAN,
                                  fh_demand_measure_rate (f->choices->measure, w));
      if (fh_demand_figures_is_suppressed (f, w))
        fh_scatter_chart_set_suppressed (scatter, w->ward_code, TRUE);
      if (p && wp && wp->imd_score > p->imd_score)
        rank++;
    }
  fh_scatter_chart_set_axes (scatter, _("Index of Multiple Deprivation 2019, average score (more deprived →)"), y);
  fh_chart_set_title (FH_CHART (scatter), _("More deprived wards have more demand"));
  fh_chart_set_caption (FH_CHART (scatter), _("Source: Family Help reporting data; English Indices of Deprivation 2019 (MHCLG)."));
  fh_scatter_chart_set_selected (scatter, f->selected);
  return rank;
}

/* Is a ward's rate really different from the city's, or is it noise? Each
 * ward's rate against its children, inside the 95% and 99.8% control limits
 * around the city rate (docs/demand-by-ward.md). Rates only: a count has no
 * funnel. */
void
fh_demand_charts_show_funnel (const FhDemandFigures *f,
                              FhScatterChart        *funnel)
{
  double target;
  g_autofree char *y = NULL;
  g_autofree char *caption = NULL, *title = NULL;
  guint above, below;

  g_return_if_fail (f != NULL);
  g_return_if_fail (FH_IS_SCATTER_CHART (funnel));

  target = f->city ? fh_demand_measure_rate (f->choices->measure, f->city) : NAN;
  y = fh_demand_choices_get_value_label (f->choices);
  fh_scatter_chart_clear (funnel);
  for (guint i = 0; f->wards != NULL && i < f->wards->len; i++)
    {
      FhWardDemand *w = g_ptr_array_index (f->wards, i);

      fh_scatter_chart_add_point (funnel, w->ward_code, w->ward_name, (double) w->children_0_17,
                                  fh_demand_measure_rate (f->choices->measure, w));
      if (fh_demand_figures_is_suppressed (f, w))
        fh_scatter_chart_set_suppressed (funnel, w->ward_code, TRUE);
    }
  fh_scatter_chart_set_funnel (funnel, target);
  above = fh_scatter_chart_count_outside (funnel, FH_Z_998, TRUE);
  below = fh_scatter_chart_count_outside (funnel, FH_Z_998, FALSE);
  if (above + below == 0)
    title = g_strdup (_("No ward is far from the city rate"));
  else
    /* Translators: a funnel plot's finding, "3 wards above and 2 below the city beyond chance" */
    title = g_strdup_printf (_("%u wards above and %u below the city beyond chance"), above, below);
  caption = g_strdup_printf (_("Source: Family Help reporting data. Dashed lines: 95%% control limits; dotted: "
                               "99.8%%, around the city rate, for a ward of that many children (Byar's "
                               "method). Children: mid-%d estimates."), f->city ? f->city->population_year : 0);
  fh_scatter_chart_set_axes (funnel, _("Children in the ward (the rate's denominator)"), y);
  fh_chart_set_title (FH_CHART (funnel), title);
  fh_chart_set_caption (FH_CHART (funnel), caption);
  fh_scatter_chart_set_selected (funnel, f->selected);
}
