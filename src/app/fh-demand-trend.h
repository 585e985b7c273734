/* fh-demand-trend.h — monthly referrals with their seasonal forecast
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "fh-database.h"

G_BEGIN_DECLS

#define FH_TYPE_DEMAND_TREND (fh_demand_trend_get_type ())
G_DECLARE_FINAL_TYPE (FhDemandTrend, fh_demand_trend, FH, DEMAND_TREND, GtkWidget)

/* Asks for the authority's months and, with @ward_code, the ward's;
 * cancels the last question. */
void fh_demand_trend_load      (FhDemandTrend *self,
                                FhDatabase    *database,
                                int            authority_id,
                                const char    *ward_code,
                                GDateTime     *today);
/* Names for the title, known once the page's figures are in (NULL: not yet). */
void fh_demand_trend_set_names (FhDemandTrend *self,
                                const char    *ward_name,
                                const char    *authority_name);

G_END_DECLS
