/* fh-caseload-card.h — a service's card on the caseloads page
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "fh-results.h"
#include "fh-service-caseload.h"

G_BEGIN_DECLS

/* Fills a service's card: @figure its open episodes per FTE (from @summary,
 * the reporting layer's, or "–"), @details the spread over @workers
 * (FhWorkerCaseload) of @service against @threshold, saying who is left out. */
void fh_caseload_card_show (GtkLabel                *figure,
                            GtkLabel                *details,
                            GPtrArray               *workers,
                            const FhServiceCaseload *summary,
                            const char              *service,
                            double                   threshold);

G_END_DECLS
