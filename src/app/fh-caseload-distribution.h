/* fh-caseload-distribution.h — every worker's caseload per FTE, Core beside Adolescence
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "fh-strip-chart.h"

G_BEGIN_DECLS

#define FH_TYPE_CASELOAD_DISTRIBUTION (fh_caseload_distribution_get_type ())
G_DECLARE_FINAL_TYPE (FhCaseloadDistribution, fh_caseload_distribution, FH, CASELOAD_DISTRIBUTION, GtkWidget)

/* @workers: FhWorkerCaseload rows; @thresholds: per FTE, in the order of
 * fh_caseload_services. Services without workers get no column. */
void          fh_caseload_distribution_show        (FhCaseloadDistribution *self,
                                                    GPtrArray              *workers,
                                                    const double            thresholds[3],
                                                    const char             *caption);
/* Selects worker @i of the rows shown (-1: none) and describes it. */
void          fh_caseload_distribution_select      (FhCaseloadDistribution *self,
                                                    int                     i);
/* The line describing the selected worker. */
const char   *fh_caseload_distribution_get_detail  (FhCaseloadDistribution *self);
FhStripChart *fh_caseload_distribution_get_chart   (FhCaseloadDistribution *self);

G_END_DECLS
