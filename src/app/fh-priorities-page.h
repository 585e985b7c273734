/* fh-priorities-page.h — progress against the strategy's four priorities
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fh-indicator-detail.h"
#include "fh-page.h"
#include "fh-priority-card.h"
#include "fh-priority-projector.h"

G_BEGIN_DECLS

#define FH_TYPE_PRIORITIES_PAGE (fh_priorities_page_get_type ())
G_DECLARE_FINAL_TYPE (FhPrioritiesPage, fh_priorities_page, FH, PRIORITIES_PAGE, FhPage)

/* "no data" for NAN, else fh_priority_format_value(). */
char                *fh_indicator_format_value          (double            value,
                                                         const char       *unit);

/* What the page shows: "overview", "detail" or "projector". */
const char          *fh_priorities_page_get_view        (FhPrioritiesPage *self);
/* Priority @number's card (1–4), NULL before the first load. */
FhPriorityCard      *fh_priorities_page_get_card        (FhPrioritiesPage *self,
                                                         int               number);
FhIndicatorDetail   *fh_priorities_page_get_detail      (FhPrioritiesPage *self);
FhPriorityProjector *fh_priorities_page_get_projector   (FhPrioritiesPage *self);
/* Opens the detail of @indicator_code (as activating its row does). */
void                 fh_priorities_page_show_indicator  (FhPrioritiesPage *self,
                                                         const char       *indicator_code);

G_END_DECLS
