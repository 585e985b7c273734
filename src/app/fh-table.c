/* fh-table.c — a plain, readable table of figures in a GtkGrid
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fh-table.h"

static GtkWidget *
cell (const char *text, FhColumnKind kind)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), kind == FH_COLUMN_NUMBER ? 1.0 : 0.0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (kind == FH_COLUMN_NUMBER)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

void
fh_table_reset (GtkGrid            *grid,
                const char * const *headers,
                const FhColumnKind *kinds,
                guint               n_columns)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_GRID (grid));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);

  for (guint c = 0; c < n_columns; c++)
    {
      GtkWidget *label = cell (headers[c], kinds[c]);

      gtk_widget_add_css_class (label, "heading");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_grid_attach (grid, label, c, 0, 1, 1);
    }
}

GtkWidget *
fh_table_add_row (GtkGrid            *grid,
                  guint               row,
                  const char * const *cells,
                  const FhColumnKind *kinds,
                  guint               n_columns)
{
  GtkWidget *first = NULL;

  g_return_val_if_fail (GTK_IS_GRID (grid), NULL);

  for (guint c = 0; c < n_columns; c++)
    {
      GtkWidget *label = cell (cells[c], kinds[c]);

      gtk_grid_attach (grid, label, c, row + 1, 1, 1);
      if (first == NULL)
        first = label;
    }
  return first;
}
