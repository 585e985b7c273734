/* fh-data-completeness.h — what the figures leave out
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * reporting.data_completeness: for a period, the records a figure cannot
 * place (no decision yet, no known ward, no need, no referral), each out of
 * its total, so a reader knows what the figures rest on.
 */
#pragma once

#include "fh-database.h"
#include "fh-results.h"

G_BEGIN_DECLS

typedef struct {
  char   *item;       /* "requests_without_decision", "referrals_without_ward", … */
  gint64  count;      /* may be FH_COUNT_SUPPRESSED */
  gint64  out_of;     /* FH_COUNT_SUPPRESSED with it */
} FhCompletenessItem;

void        fh_completeness_item_free          (FhCompletenessItem *self);
/* "23 of 12,836 referrals have no known ward" — or NULL for an unknown item. */
char       *fh_completeness_item_describe      (const FhCompletenessItem *self);

/* GPtrArray of FhCompletenessItem. */
void        fh_database_completeness_async     (FhDatabase          *self,
                                                int                  authority_id,
                                                GDateTime           *from,
                                                GDateTime           *to,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
GPtrArray  *fh_database_completeness_finish    (FhDatabase          *self,
                                                GAsyncResult        *result,
                                                GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FhCompletenessItem, fh_completeness_item_free)

G_END_DECLS
