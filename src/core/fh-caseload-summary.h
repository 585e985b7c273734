/* fh-caseload-summary.h — Core beside Adolescence, from per-worker caseloads
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fh-results.h"

G_BEGIN_DECLS

typedef struct {
  guint  workers;
  double fte;
  gint64 open_episodes;
  double episodes_per_fte;     /* open episodes ÷ FTE for the whole service */
  double max_per_fte;
  double median_per_fte;
  guint  above_threshold;      /* workers with more than the threshold per FTE */
  guint  suppressed_workers;   /* workers whose caseload the reporting layer suppressed */
} FhCaseloadSummary;

/* Summarises the workers of @service ("core", "adolescence" or "early") in
 * @caseloads (FhWorkerCaseload). A service with no workers has workers = 0
 * and NAN ratios. When any of its workers' caseloads was suppressed, the
 * figures built on all of them cannot be known here: open_episodes is then
 * FH_COUNT_SUPPRESSED and the ratios NAN (above_threshold still counts the
 * published ones; a suppressed caseload is at most 5). */
void fh_caseload_summary_compute (GPtrArray         *caseloads,
                                  const char        *service,
                                  double             threshold,
                                  FhCaseloadSummary *out);

G_END_DECLS
