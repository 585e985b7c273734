/* fh-caseload-page.h — Core and Adolescence caseloads per worker
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fh-caseload-distribution.h"
#include "fh-caseload-whatif-panel.h"
#include "fh-page.h"
#include "fh-team-bar-chart.h"

G_BEGIN_DECLS

#define FH_TYPE_CASELOAD_PAGE (fh_caseload_page_get_type ())
G_DECLARE_FINAL_TYPE (FhCaseloadPage, fh_caseload_page, FH, CASELOAD_PAGE, FhPage)

/* The page's vertical box of sections: further sections are appended to it. */
GtkBox *fh_caseload_page_get_content_box (FhCaseloadPage *self);

/* The date the caseloads are counted on (NULL before the first load). */
GDateTime              *fh_caseload_page_get_as_at        (FhCaseloadPage *self);
/* Counts them on @date from now on (NULL: the default, the day before
 * extraction), reloading. */
void                    fh_caseload_page_set_as_at        (FhCaseloadPage *self,
                                                           GDateTime      *date);
/* The details on @service's card, as shown. */
/* The worker table's first cell for @worker_ref ("W12201", or
 * "W12201 · Jo Smith" when the connection may read names); NULL if absent. */
const char             *fh_caseload_page_get_worker_cell (FhCaseloadPage *self,
                                                           const char     *worker_ref);
const char             *fh_caseload_page_get_card_details (FhCaseloadPage *self,
                                                           const char     *service);
FhCaseloadDistribution *fh_caseload_page_get_distribution (FhCaseloadPage *self);
FhTeamBarChart         *fh_caseload_page_get_team_chart   (FhCaseloadPage *self);
FhCaseloadWhatIfPanel  *fh_caseload_page_get_whatif       (FhCaseloadPage *self);

G_END_DECLS
