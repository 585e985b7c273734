/* fh-team-caseload.h — open episodes and FTE per team, counted in SQL
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * reporting.caseload_by_team: per team in post on a date, the distinct open
 * episodes its workers hold (an episode two of them share counts once),
 * its workers and FTE, and its locality.
 */
#pragma once

#include "fh-database.h"
#include "fh-results.h"

G_BEGIN_DECLS

typedef struct {
  char   *team_name;
  char   *service;            /* "core" | "adolescence" | "early" */
  char   *locality;           /* NULL when the team has none */
  guint   workers;
  double  fte;
  gint64  open_episodes;      /* may be FH_COUNT_SUPPRESSED */
  double  episodes_per_fte;   /* NAN when suppressed or without FTE */
} FhTeamCaseload;

void       fh_team_caseload_free            (FhTeamCaseload      *self);

/* GPtrArray of FhTeamCaseload, by service (core, adolescence, early), then
 * locality and name. */
void       fh_database_team_caseloads_async  (FhDatabase          *self,
                                              int                  authority_id,
                                              GDateTime           *as_at,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GPtrArray *fh_database_team_caseloads_finish (FhDatabase          *self,
                                              GAsyncResult        *result,
                                              GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FhTeamCaseload, fh_team_caseload_free)

G_END_DECLS
