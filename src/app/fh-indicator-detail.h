/* fh-indicator-detail.h — one indicator in depth
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "fh-indicator-chart.h"
#include "fh-priority-results.h"

G_BEGIN_DECLS

#define FH_TYPE_INDICATOR_DETAIL (fh_indicator_detail_get_type ())
G_DECLARE_FINAL_TYPE (FhIndicatorDetail, fh_indicator_detail, FH, INDICATOR_DETAIL, GtkWidget)

/* @series: FhPriorityPoint of any indicators; @comparators
 * (FhIndicatorComparator) and @commentary (FhIndicatorCommentary) of any
 * indicators or NULL; @measures: the success measures it serves or NULL. */
void              fh_indicator_detail_show       (FhIndicatorDetail         *self,
                                                  const FhPriorityIndicator *indicator,
                                                  GPtrArray                 *series,
                                                  GPtrArray                 *comparators,
                                                  GPtrArray                 *commentary,
                                                  const char                *measures);
/* The values with numerators and denominators (FhPriorityPoint of this
 * indicator, oldest first, from fh_database_indicator_detail_finish()). */
void              fh_indicator_detail_set_values (FhIndicatorDetail         *self,
                                                  GPtrArray                 *points);
const char       *fh_indicator_detail_get_code   (FhIndicatorDetail         *self);
/* How many values the table shows (0 until fh_indicator_detail_set_values()). */
guint             fh_indicator_detail_get_n_values (FhIndicatorDetail       *self);
FhIndicatorChart *fh_indicator_detail_get_chart  (FhIndicatorDetail         *self);

G_END_DECLS
