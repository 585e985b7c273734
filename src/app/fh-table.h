/* fh-table.h — a plain, readable table of figures in a GtkGrid
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  FH_COLUMN_TEXT,    /* left-aligned */
  FH_COLUMN_NUMBER,  /* right-aligned, tabular figures */
} FhColumnKind;

/* Removes every child and writes the header row. */
void       fh_table_reset      (GtkGrid             *grid,
                                const char * const  *headers,
                                const FhColumnKind  *kinds,
                                guint                n_columns);
/* Appends a row of @n_columns cells; returns the row's first label. */
GtkWidget *fh_table_add_row    (GtkGrid             *grid,
                                guint                row,
                                const char * const  *cells,
                                const FhColumnKind  *kinds,
                                guint                n_columns);

G_END_DECLS
