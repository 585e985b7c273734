/* fh-ward-table.h — every ward's figures and the authority's total
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "fh-demand-query.h"

G_BEGIN_DECLS

#define FH_TYPE_WARD_TABLE (fh_ward_table_get_type ())
G_DECLARE_FINAL_TYPE (FhWardTable, fh_ward_table, FH, WARD_TABLE, GtkWidget)

/* @wards and @wards_before of FhWardDemand; the authority is the last row. */
void fh_ward_table_show (FhWardTable           *self,
                         const FhDemandChoices *choices,
                         const FhPeriod        *previous,
                         GPtrArray             *wards,
                         GPtrArray             *wards_before,
                         const FhWardDemand    *city,
                         const FhWardDemand    *city_before);

G_END_DECLS
