/* fh-ward-table.c — every ward's figures and the authority's total
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row a ward: the three measures as counts, then the chosen measure as
 * shown (rate or count) against the same period a year earlier, and the
 * change; the authority's row last, in bold.
 */
#include <glib/gi18n.h>

#include "fh-number-format.h"
#include "fh-table.h"
#include "fh-ward-table.h"

struct _FhWardTable
{
  GtkWidget  parent_instance;

  GtkGrid   *grid;
};

G_DEFINE_FINAL_TYPE (FhWardTable, fh_ward_table, GTK_TYPE_WIDGET)

static const FhColumnKind kinds[] = { FH_COLUMN_TEXT, FH_COLUMN_NUMBER, FH_COLUMN_NUMBER,
                                      FH_COLUMN_NUMBER, FH_COLUMN_NUMBER, FH_COLUMN_NUMBER,
                                      FH_COLUMN_NUMBER, FH_COLUMN_NUMBER };

static void
add_row (GtkGrid               *grid,
         guint                  row,
         const FhDemandChoices *choices,
         const FhWardDemand    *w,
         const FhWardDemand    *b,
         gboolean               total)
{
  guint decimals = fh_demand_choices_get_decimals (choices);
  double now = fh_demand_choices_get_value (choices, w);
  double before = fh_demand_choices_get_value (choices, b);
  gint64 n = fh_demand_measure_count (choices->measure, w);
  gint64 n_before = fh_demand_measure_count (choices->measure, b);
  g_autofree char *children = fh_format_count (w->children_0_17);
  g_autofree char *referrals = fh_format_count (w->referrals);
  g_autofree char *started = fh_format_count (w->episodes_started);
  g_autofree char *open = fh_format_count (w->episodes_open);
  g_autofree char *value = fh_format_rate (now, n, decimals);
  g_autofree char *previous = fh_format_rate (before, n_before, decimals);
  g_autofree char *change = fh_demand_format_change (now, before, decimals);
  const char *cells[] = { w->ward_name, children, referrals, started, open, value, previous, change };

  fh_table_add_row (grid, row, cells, kinds, G_N_ELEMENTS (cells));
  for (guint c = 0; total && c < G_N_ELEMENTS (cells); c++)
    gtk_widget_add_css_class (gtk_grid_get_child_at (grid, c, row + 1), "total");
}

void
fh_ward_table_show (FhWardTable           *self,
                    const FhDemandChoices *choices,
                    const FhPeriod        *previous,
                    GPtrArray             *wards,
                    GPtrArray             *wards_before,
                    const FhWardDemand    *city,
                    const FhWardDemand    *city_before)
{
  g_autofree char *previous_label = NULL;
  const char *headers[8];

  g_return_if_fail (FH_IS_WARD_TABLE (self));
  g_return_if_fail (choices != NULL && previous != NULL && wards != NULL && city != NULL);

  previous_label = fh_period_get_label (previous);
  headers[0] = _("Ward");
  headers[1] = _("Children 0–17");
  headers[2] = _("Referrals");
  headers[3] = _("Episodes started");
  headers[4] = _("Open at period end");
  headers[5] = fh_demand_choices_get_heading (choices);
  headers[6] = previous_label;
  headers[7] = _("Change");

  fh_table_reset (self->grid, headers, kinds, G_N_ELEMENTS (headers));
  for (guint i = 0; i < wards->len; i++)
    {
      FhWardDemand *w = g_ptr_array_index (wards, i);

      add_row (self->grid, i, choices, w, fh_ward_demand_find (wards_before, w->ward_code), FALSE);
    }
  add_row (self->grid, wards->len, choices, city, city_before, TRUE);
}

static void
fh_ward_table_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), FH_TYPE_WARD_TABLE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (fh_ward_table_parent_class)->dispose (object);
}

static void
fh_ward_table_class_init (FhWardTableClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = fh_ward_table_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/familyhelp/Dashboard/fh-ward-table.ui");
  gtk_widget_class_bind_template_child (widget_class, FhWardTable, grid);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fh_ward_table_init (FhWardTable *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
