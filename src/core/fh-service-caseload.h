/* fh-service-caseload.h — Core beside Adolescence: one row per service, counted in SQL
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * reporting.caseload_by_service: the reporting layer works out every
 * service figure from exact per-worker counts and withholds only what would
 * give a suppressed worker away, so a reader sees the same medians a
 * manager does.
 */
#pragma once

#include "fh-database.h"
#include "fh-results.h"

G_BEGIN_DECLS

typedef struct {
  char   *service;            /* "core" | "adolescence" | "early" */
  guint   workers;            /* in post on the date */
  double  fte;
  gint64  open_episodes;      /* distinct open episodes its workers hold; may be FH_COUNT_SUPPRESSED */
  double  episodes_per_fte;   /* NAN when withheld */
  double  median_per_fte;     /* NAN when withheld */
  double  max_per_fte;        /* NAN when withheld */
  gint64  above_threshold;    /* workers above the threshold per FTE; FH_COUNT_SUPPRESSED when withheld */
} FhServiceCaseload;

void       fh_service_caseload_free              (FhServiceCaseload *self);

/* GPtrArray of FhServiceCaseload: core, adolescence, early. */
void       fh_database_service_caseloads_async   (FhDatabase          *self,
                                                  int                  authority_id,
                                                  GDateTime           *as_at,
                                                  double               threshold,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
GPtrArray *fh_database_service_caseloads_finish  (FhDatabase          *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FhServiceCaseload, fh_service_caseload_free)

G_END_DECLS
