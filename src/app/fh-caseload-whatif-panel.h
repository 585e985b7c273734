/* fh-caseload-whatif-panel.h — what if a service or team had more or fewer FTE?
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FH_TYPE_CASELOAD_WHATIF_PANEL (fh_caseload_whatif_panel_get_type ())
G_DECLARE_FINAL_TYPE (FhCaseloadWhatIfPanel, fh_caseload_whatif_panel, FH, CASELOAD_WHATIF_PANEL, GtkWidget)

/* @workers: FhWorkerCaseload rows (copied from); @thresholds in the order
 * of fh_caseload_services. Clears every change. */
void        fh_caseload_whatif_panel_set_workers (FhCaseloadWhatIfPanel *self,
                                                  GPtrArray             *workers,
                                                  const double           thresholds[3]);
/* A change to @service's FTE: @team NULL for the whole service. */
gboolean    fh_caseload_whatif_panel_set_change  (FhCaseloadWhatIfPanel *self,
                                                  const char            *service,
                                                  const char            *team,
                                                  double                 delta);
/* What the panel says for @service: today beside projected. */
const char *fh_caseload_whatif_panel_get_result  (FhCaseloadWhatIfPanel *self,
                                                  const char            *service);

G_END_DECLS
