/* fh-demand-headline.h — the authority's figure for the chosen measure
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "fh-demand-query.h"

G_BEGIN_DECLS

#define FH_TYPE_DEMAND_HEADLINE (fh_demand_headline_get_type ())
G_DECLARE_FINAL_TYPE (FhDemandHeadline, fh_demand_headline, FH, DEMAND_HEADLINE, GtkWidget)

void        fh_demand_headline_show      (FhDemandHeadline      *self,
                                          const FhDemandChoices *choices,
                                          const FhPeriod        *period,
                                          const FhPeriod        *previous,
                                          const FhWardDemand    *city,
                                          const FhWardDemand    *city_before);
/* The figures as the labels read them. */
const char *fh_demand_headline_get_rate  (FhDemandHeadline      *self);
const char *fh_demand_headline_get_count (FhDemandHeadline      *self);

G_END_DECLS
