/* fh-demand-page.h — demand for Family Help by ward
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fh-page.h"

G_BEGIN_DECLS

#define FH_TYPE_DEMAND_PAGE (fh_demand_page_get_type ())
G_DECLARE_FINAL_TYPE (FhDemandPage, fh_demand_page, FH, DEMAND_PAGE, FhPage)

/* The authority's figures for the chosen measure, as shown. */
const char *fh_demand_page_get_city_count      (FhDemandPage *self);
const char *fh_demand_page_get_city_rate       (FhDemandPage *self);
/* The line under the table that says what the figures leave out. */
const char *fh_demand_page_get_completeness    (FhDemandPage *self);
GDateTime  *fh_demand_page_get_period_from     (FhDemandPage *self);
GDateTime  *fh_demand_page_get_period_to       (FhDemandPage *self);
const char *fh_demand_page_get_selected_ward   (FhDemandPage *self);
void        fh_demand_page_select_ward         (FhDemandPage *self,
                                                const char   *ward_code);
/* Filter by choosing a row of a filter menu, as a user would. */
void        fh_demand_page_set_filter_index    (FhDemandPage *self,
                                                const char   *filter,
                                                guint         index);

G_END_DECLS
