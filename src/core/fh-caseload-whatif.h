/* fh-caseload-whatif.h — what if a service or team had more or fewer FTE?
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Worked out on the caseloads already on screen, never written anywhere.
 * The arithmetic, once:
 *
 * - Only workers whose caseload per FTE is known take part (a suppressed
 *   caseload or no FTE is left out, as in FhCaseloadStats).
 * - A team's open episodes (E, summed over its workers) are shared over its
 *   FTE (F). Adding or removing d FTE in a team shares them over F + d, so
 *   every worker's caseload per FTE is multiplied by F / (F + d). A change
 *   to a whole service is spread over its teams in proportion to their FTE,
 *   so every team of the service changes by the same factor.
 * - Added FTE are new posts: ceil(d) workers of d / ceil(d) FTE each, each
 *   at the caseload per FTE of the team (or service) they join, afterwards:
 *   E / (F + d). Removed FTE remove capacity, not a worker.
 * - Moving m open episodes from service A to B multiplies A's caseloads by
 *   (E_A − m) / E_A and B's by (E_B + m) / E_B (after any FTE change).
 *   Not more than A holds can move.
 * - Capacity cannot fall to 0 FTE or below: such a change is refused.
 */
#pragma once

#include "fh-caseload-stats.h"

G_BEGIN_DECLS

typedef struct _FhCaseloadWhatIf FhCaseloadWhatIf;

/* Copies what it needs from @workers (FhWorkerCaseload). */
FhCaseloadWhatIf *fh_caseload_whatif_new           (GPtrArray         *workers);
void              fh_caseload_whatif_free          (FhCaseloadWhatIf  *self);
/* Back to today. */
void              fh_caseload_whatif_reset         (FhCaseloadWhatIf  *self);
/* Adds @delta FTE (negative: removes) to @team of @service, or to the whole
 * service when @team is NULL. FALSE (and nothing changed) when the service
 * or team has no counted workers or would fall to 0 FTE or below. */
gboolean          fh_caseload_whatif_change_fte    (FhCaseloadWhatIf  *self,
                                                    const char        *service,
                                                    const char        *team,
                                                    double             delta);
/* Moves @episodes open episodes from @from to @to. FALSE (and nothing
 * changed) when @from holds fewer, or either service has no counted worker. */
gboolean          fh_caseload_whatif_move_episodes (FhCaseloadWhatIf  *self,
                                                    const char        *from,
                                                    const char        *to,
                                                    gint64             episodes);
/* @service today and projected, over the counted workers (and new posts). */
void              fh_caseload_whatif_project       (FhCaseloadWhatIf  *self,
                                                    const char        *service,
                                                    double             threshold,
                                                    FhCaseloadStats   *today,
                                                    FhCaseloadStats   *projected);
/* The teams of @service with counted workers, sorted (a new array of
 * borrowed strings). */
GPtrArray        *fh_caseload_whatif_list_teams    (FhCaseloadWhatIf  *self,
                                                    const char        *service);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FhCaseloadWhatIf, fh_caseload_whatif_free)

G_END_DECLS
