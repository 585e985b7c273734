/* fh-caseload-stats.h — one service's spread of caseloads per FTE
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From the per-worker rows of reporting.caseload_by_worker (already
 * disclosed: pseudonymous, small counts suppressed): the median, mean,
 * range and the workers above the service's threshold, over the workers
 * whose caseload per FTE is known. A worker with no FTE (0 or missing) has
 * no caseload per FTE and a suppressed caseload is not known: both are left
 * out and counted, so the page can say so.
 */
#pragma once

#include "fh-results.h"

G_BEGIN_DECLS

typedef struct {
  guint   workers;       /* in post in the service on the date */
  guint   counted;       /* the figures below are over these */
  guint   zero_fte;      /* left out: no FTE, so no caseload per FTE */
  guint   withheld;      /* left out: caseload suppressed ("c") */
  double  fte;           /* of the counted workers */
  gint64  open_episodes; /* held by the counted workers, summed per worker */
  double  median;        /* open episodes per FTE; NAN when counted is 0 */
  double  mean;
  double  min;
  double  max;
  double  threshold;
  guint   above;         /* counted workers above the threshold */
} FhCaseloadStats;

/* A worker's open episodes per FTE to one decimal, as the reporting layer
 * rounds it; NAN when suppressed or without FTE. */
double      fh_worker_caseload_per_fte     (const FhWorkerCaseload *worker);

/* Summarises @workers (FhWorkerCaseload) of @service. */
void        fh_caseload_stats_compute      (GPtrArray              *workers,
                                            const char             *service,
                                            double                  threshold,
                                            FhCaseloadStats        *stats);

/* The same over plain values (per FTE, NAN values left out); @values is
 * sorted in place. Fills median, mean, min, max, above and counted. */
void        fh_caseload_stats_from_values  (double                 *values,
                                            guint                   n,
                                            double                  threshold,
                                            FhCaseloadStats        *stats);

/* The services in the order the page shows them: core, adolescence, early. */
extern const char * const fh_caseload_services[3];

/* "Core", "Adolescence", "Early Help" (translated); @service itself otherwise. */
const char *fh_caseload_service_label      (const char             *service);

/* The GSettings key holding @service's threshold, e.g.
 * "caseload-threshold-core"; NULL for an unknown service. */
const char *fh_caseload_threshold_key      (const char             *service);

G_END_DECLS
