/* fh-caseload-waiting.h — episodes waiting for allocation, by team and by days waited
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "fh-page.h"

G_BEGIN_DECLS

#define FH_TYPE_CASELOAD_WAITING (fh_caseload_waiting_get_type ())
G_DECLARE_FINAL_TYPE (FhCaseloadWaiting, fh_caseload_waiting, FH, CASELOAD_WAITING, GtkWidget)

/* Starts the section's queries in @page's current round (FH_PAGE_QUERY);
 * the section fills itself as their results come in. */
void fh_caseload_waiting_load (FhCaseloadWaiting *self,
                               FhPage            *page,
                               GDateTime         *as_at);

G_END_DECLS
