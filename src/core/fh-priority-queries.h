/* fh-priority-queries.h — the reporting-layer calls of the Priorities page
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Like every FhDatabase call (fh-database.h): the query runs on the
 * database's worker thread, the callback comes in the caller's main context,
 * and cancelling sends the server a cancel request. Each is one call of a
 * function in data/sql/07-priorities.sql.
 */
#pragma once

#include "fh-database.h"
#include "fh-priority-results.h"

G_BEGIN_DECLS

/* GPtrArray of FhPriorityIndicator, by priority then indicator code */
void        fh_database_priority_overview_async      (FhDatabase          *self,
                                                      int                  authority_id,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
GPtrArray  *fh_database_priority_overview_finish     (FhDatabase          *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* GPtrArray of FhPriorityPoint: every value of every indicator of the
 * authority, by indicator code then period (no numerators) */
void        fh_database_priority_series_async        (FhDatabase          *self,
                                                      int                  authority_id,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
GPtrArray  *fh_database_priority_series_finish       (FhDatabase          *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* GPtrArray of FhPriorityPoint with numerators and denominators, oldest
 * first. An indicator the authority does not have is an error. */
void        fh_database_indicator_detail_async       (FhDatabase          *self,
                                                      int                  authority_id,
                                                      const char          *indicator_code,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
GPtrArray  *fh_database_indicator_detail_finish      (FhDatabase          *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* GPtrArray of FhIndicatorComparator of @indicator_code (NULL: of every
 * indicator), by indicator, comparator and period; empty when there are none */
void        fh_database_indicator_comparators_async  (FhDatabase          *self,
                                                      int                  authority_id,
                                                      const char          *indicator_code,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
GPtrArray  *fh_database_indicator_comparators_finish (FhDatabase          *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* GPtrArray of FhIndicatorCommentary of @indicator_code (NULL: of every
 * indicator), by indicator, newest period first */
void        fh_database_indicator_commentary_async   (FhDatabase          *self,
                                                      int                  authority_id,
                                                      const char          *indicator_code,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
GPtrArray  *fh_database_indicator_commentary_finish  (FhDatabase          *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* GPtrArray of FhSuccessMeasure, in the strategy's order */
void        fh_database_success_measures_async       (FhDatabase          *self,
                                                      int                  authority_id,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
GPtrArray  *fh_database_success_measures_finish      (FhDatabase          *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

G_END_DECLS
