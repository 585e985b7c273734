/* fh-priority-projector.h — "Are we on track?": every priority on one screen
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FH_TYPE_PRIORITY_PROJECTOR (fh_priority_projector_get_type ())
G_DECLARE_FINAL_TYPE (FhPriorityProjector, fh_priority_projector, FH, PRIORITY_PROJECTOR, GtkWidget)

/* @overview: FhPriorityIndicator; @series: FhPriorityPoint of the authority. */
void        fh_priority_projector_show        (FhPriorityProjector *self,
                                               GPtrArray           *overview,
                                               GPtrArray           *series);
/* Priority @number's summary line as shown; NULL when it has none. */
const char *fh_priority_projector_get_summary (FhPriorityProjector *self,
                                               int                  number);

G_END_DECLS
