/* fh-demand-charts.h — the demand page's ward charts, filled from its figures
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fh-bar-chart.h"
#include "fh-demand-query.h"
#include "fh-map-chart.h"
#include "fh-period.h"
#include "fh-results.h"
#include "fh-scatter-chart.h"

G_BEGIN_DECLS

/* What the demand page has loaded: every chart is drawn from it alone. */
typedef struct {
  const FhDemandChoices *choices;
  const FhPeriod        *period;
  GPtrArray             *wards;      /* FhWardDemand, in the order every chart lists them */
  GPtrArray             *profiles;   /* FhWardProfile: deprivation, boundaries */
  const FhWardDemand    *city;
  GDateTime             *extracted;  /* the data's extraction date */
  const char            *selected;   /* a ward code, or NULL */
} FhDemandFigures;

gboolean fh_demand_figures_is_suppressed  (const FhDemandFigures *figures,
                                           const FhWardDemand    *ward);
/* The map and the ranked bars; returns whether every ward has a boundary
 * (so the map may be drawn as boundaries). */
gboolean fh_demand_charts_show_ranking    (const FhDemandFigures *figures,
                                           FhMapChart            *map,
                                           FhBarChart            *bars);
/* Each ward's rate against its deprivation; returns the selected ward's
 * deprivation rank (1 = most deprived). */
guint    fh_demand_charts_show_deprivation (const FhDemandFigures *figures,
                                            FhScatterChart        *scatter);
/* Each ward's rate against its children, inside control limits around the city rate. */
void     fh_demand_charts_show_funnel      (const FhDemandFigures *figures,
                                            FhScatterChart        *funnel);

G_END_DECLS
