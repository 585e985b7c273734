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
#include <math.h>

#include "fh-number-format.h"
#include "fh-table.h"
#include "fh-demand-measures.h"
#include "fh-ward-table.h"

struct _FhWardTable
{
  GtkWidget  parent_instance;

  GtkGrid   *grid;
};

G_DEFINE_FINAL_TYPE (FhWardTable, fh_ward_table, GTK_TYPE_WIDGET)

static const FhColumnKind kinds[] = { FH_COLUMN_TEXT, FH_COLUMN_NUMBER, FH_COLUMN_NUMBER,
                                      FH_COLUMN_NUMBER, FH_COLUMN_TEXT, FH_COLUMN_NUMBER,
                                      FH_COLUMN_NUMBER };

static int
figure_index (const FhDemandChoices *choices)
{
  return fh_demand_measure_get_figure (choices->measure);
}

/* "1,700.2–1,912.8": the 95% interval of the value shown (the rate's, or
 * the count's from it); "c" when the count is suppressed. */
static char *
format_interval (const FhDemandChoices *choices,
                 const FhWardDemand    *w)
{
  int k = figure_index (choices);
  double lo, hi, scale = 1;
  guint decimals = fh_demand_choices_get_decimals (choices);
  g_autofree char *a = NULL, *b = NULL;

  if (!w->has_figures)
    return g_strdup (FH_FORMAT_MISSING);
  if (w->counts[k] == FH_COUNT_SUPPRESSED)
    return g_strdup (FH_FORMAT_SUPPRESSED);
  if (choices->unit == FH_DEMAND_UNIT_COUNT)
    scale = w->children_0_17 / 10000.0;
  lo = w->lower95[k] * scale;
  hi = w->upper95[k] * scale;
  if (isnan (lo) || isnan (hi))
    return g_strdup (FH_FORMAT_MISSING);
  a = fh_format_number (lo, decimals);
  b = fh_format_number (hi, decimals);
  return g_strdup_printf ("%s–%s", a, b);
}

/* In words and with an arrow, so colour is never the only signal. */
static const char *
versus_label (const FhWardDemand *w, int k)
{
  /* a comparison on a suppressed count is withheld with it */
  if (w->has_figures && w->counts[k] == FH_COUNT_SUPPRESSED)
    return FH_FORMAT_SUPPRESSED;
  switch (w->has_figures ? w->versus[k] : FH_VERSUS_UNKNOWN)
    {
    case FH_VERSUS_HIGHER:
      return _("▲ higher");
    case FH_VERSUS_LOWER:
      return _("▼ lower");
    case FH_VERSUS_SIMILAR:
      return _("similar");
    default:
      return "";
    }
}

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
  g_autofree char *value = fh_format_rate (now, n, decimals);
  g_autofree char *interval = format_interval (choices, w);
  g_autofree char *previous = fh_format_rate (before, n_before, decimals);
  /* a change on a suppressed count would give it away: withheld, "c" */
  g_autofree char *change = n == FH_COUNT_SUPPRESSED || n_before == FH_COUNT_SUPPRESSED
                            ? g_strdup (FH_FORMAT_SUPPRESSED) : fh_demand_choices_format_change (choices, w, b);
  const char *cells[] = { w->ward_name, children, value, interval, versus_label (w, figure_index (choices)),
                          previous, change };

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
  g_autofree char *previous_label = NULL, *children = NULL;
  const char *headers[7];

  g_return_if_fail (FH_IS_WARD_TABLE (self));
  g_return_if_fail (choices != NULL && previous != NULL && wards != NULL && city != NULL);

  previous_label = fh_period_get_label (previous);
  /* Translators: the column of the population a rate uses, "Children (mid-2025)" */
  children = city->population_year > 0 ? g_strdup_printf (_("Children (mid-%d)"), city->population_year)
                                        : g_strdup (_("Children"));
  headers[0] = _("Ward");
  headers[1] = children;
  headers[2] = fh_demand_choices_get_heading (choices);
  headers[3] = _("95% interval");
  headers[4] = _("Against the city");
  headers[5] = previous_label;
  headers[6] = _("Change");

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
