/* fh-worker-table.h — the caseloads page's table of workers
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Fills @grid (an fh-table.h grid) with a row per FhWorkerCaseload in
 * @workers; @names (worker_ref → display name) only for a role that may see
 * them, else NULL; @thresholds per fh_caseload_services[], a worker above
 * theirs marked with ▲ and bold, not only coloured. */
void fh_worker_table_fill (GtkGrid      *grid,
                           GPtrArray    *workers,
                           GHashTable   *names,
                           const double *thresholds);

G_END_DECLS
