/* fh-priority-card.h — one strategic priority and its indicators
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "fh-indicator-row.h"

G_BEGIN_DECLS

#define FH_TYPE_PRIORITY_CARD (fh_priority_card_get_type ())
G_DECLARE_FINAL_TYPE (FhPriorityCard, fh_priority_card, FH, PRIORITY_CARD, GtkWidget)

GtkWidget      *fh_priority_card_new         (void);
/* Shows priority @number of @overview (FhPriorityIndicator), assessed on
 * @series; @measures maps an indicator code to the success measures it
 * serves (may be NULL). */
void            fh_priority_card_set         (FhPriorityCard *self,
                                              int             number,
                                              GPtrArray      *overview,
                                              GPtrArray      *series,
                                              GHashTable     *measures);
int             fh_priority_card_get_number  (FhPriorityCard *self);
const char     *fh_priority_card_get_summary (FhPriorityCard *self);
guint           fh_priority_card_get_n_rows  (FhPriorityCard *self);
FhIndicatorRow *fh_priority_card_get_row     (FhPriorityCard *self,
                                              guint           i);

G_END_DECLS
