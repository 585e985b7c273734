/* fh-caseload-trend.h — caseload per FTE month by month, per service
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "fh-page.h"

G_BEGIN_DECLS

#define FH_TYPE_CASELOAD_TREND (fh_caseload_trend_get_type ())
G_DECLARE_FINAL_TYPE (FhCaseloadTrend, fh_caseload_trend, FH, CASELOAD_TREND, GtkWidget)

/* Starts the section's query in @page's current round (FH_PAGE_QUERY): the
 * 24 month ends up to @as_at's month (its own end when @as_at is one, else
 * the month before). */
void fh_caseload_trend_load (FhCaseloadTrend *self,
                             FhPage          *page,
                             GDateTime       *as_at);

G_END_DECLS
