/* fh-demand-filter-bar.h — the demand page's measure, period and filters
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "fh-demand-query.h"

G_BEGIN_DECLS

#define FH_TYPE_DEMAND_FILTER_BAR (fh_demand_filter_bar_get_type ())
G_DECLARE_FINAL_TYPE (FhDemandFilterBar, fh_demand_filter_bar, FH, DEMAND_FILTER_BAR, GtkWidget)

/* Fills @choices (clear it with fh_demand_choices_clear()). */
void fh_demand_filter_bar_get_choices     (FhDemandFilterBar *self,
                                           FhDemandChoices   *choices);
/* Marks the custom range's entries as wrong (or not). */
void fh_demand_filter_bar_set_range_valid (FhDemandFilterBar *self,
                                           gboolean           valid);
/* Chooses row @index of the drop-down stored in settings @key (or
 * "demand-unit"), as a user would. */
/* The map-style choice is offered only when the wards have boundaries. */
void fh_demand_filter_bar_set_boundaries_available (FhDemandFilterBar *self,
                                                    gboolean           available);
void fh_demand_filter_bar_set_index       (FhDemandFilterBar *self,
                                           const char        *key,
                                           guint              index);

G_END_DECLS
