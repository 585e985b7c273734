/* fh-indicator-row.h — one indicator on a priority's card
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "fh-priority-results.h"

G_BEGIN_DECLS

#define FH_TYPE_INDICATOR_ROW (fh_indicator_row_get_type ())
G_DECLARE_FINAL_TYPE (FhIndicatorRow, fh_indicator_row, FH, INDICATOR_ROW, GtkListBoxRow)

GtkWidget   *fh_indicator_row_new           (void);
/* Shows @indicator assessed on @series (FhPriorityPoint of any indicators);
 * @measures names the success measures it serves, or NULL. */
void         fh_indicator_row_set           (FhIndicatorRow            *self,
                                             const FhPriorityIndicator *indicator,
                                             GPtrArray                 *series,
                                             const char                *measures);
const char  *fh_indicator_row_get_code      (FhIndicatorRow            *self);
FhRagStatus  fh_indicator_row_get_status    (FhIndicatorRow            *self);
/* What the row shows, for tests: the latest value as written ("16.8%", "c"). */
const char  *fh_indicator_row_get_latest_text (FhIndicatorRow          *self);

/* "rag-green", "rag-amber", "rag-red", "rag-grey": the colour of a status
 * (ui/style.css), always beside its symbol and word. */
const char  *fh_rag_status_get_css_class    (FhRagStatus                status);
/* The latest value of @indicator as the cards write it: "c" when the
 * reporting layer suppressed it, "–" when there is none. */
char        *fh_indicator_format_latest     (const FhPriorityIndicator *indicator);

G_END_DECLS
