/* fh-table.c — a plain, readable table of figures in a GtkGrid
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fh-table.h"

/* Roles for assistive technology: the grid is a table (its role is set
 * where it is built), headings are column headers, the first cell of a
 * row its row header, the others cells named "Aspley, Change: +4.1%", so a
 * screen reader says what a figure is wherever it lands. */
#define HEADERS "fh-table-headers"

static GtkWidget *
cell_with_role (const char *text, FhColumnKind kind, GtkAccessibleRole role)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "label", text, "accessible-role", role, NULL);

  gtk_label_set_xalign (GTK_LABEL (label), kind == FH_COLUMN_NUMBER ? 1.0 : 0.0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (kind == FH_COLUMN_NUMBER)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

static GtkWidget *
cell (const char *text, FhColumnKind kind)
{
  return cell_with_role (text, kind, GTK_ACCESSIBLE_ROLE_CELL);
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

  {
    /* @headers has n_columns strings, not a NULL at the end */
    GStrv copy = g_new0 (char *, n_columns + 1);

    for (guint c = 0; c < n_columns; c++)
      copy[c] = g_strdup (headers[c]);
    g_object_set_data_full (G_OBJECT (grid), HEADERS, copy, (GDestroyNotify) g_strfreev);
  }
  for (guint c = 0; c < n_columns; c++)
    {
      GtkWidget *label = cell_with_role (headers[c], kinds[c], GTK_ACCESSIBLE_ROLE_COLUMN_HEADER);

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
  GStrv headers;

  g_return_val_if_fail (GTK_IS_GRID (grid), NULL);

  headers = g_object_get_data (G_OBJECT (grid), HEADERS);
  for (guint c = 0; c < n_columns; c++)
    {
      GtkWidget *label = c == 0 ? cell_with_role (cells[c], kinds[c], GTK_ACCESSIBLE_ROLE_ROW_HEADER)
                                : cell (cells[c], kinds[c]);

      if (c > 0 && headers != NULL && c < g_strv_length (headers))
        {
          g_autofree char *name = g_strdup_printf ("%s, %s: %s", cells[0], headers[c], cells[c]);

          gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
        }

      gtk_grid_attach (grid, label, c, row + 1, 1, 1);
      if (first == NULL)
        first = label;
    }
  return first;
}
