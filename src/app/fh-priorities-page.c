/* fh-priorities-page.c — progress against the strategy's four priorities
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every indicator under its priority: latest value and period, baseline,
 * target, and which way is better. RAG status, trajectories and sparklines
 * are the Priorities issue's work; this page shows the figures honestly,
 * including indicators that have no data yet.
 */
#include <glib/gi18n.h>
#include <math.h>

#include "fh-chart-theme.h"
#include "fh-priorities-page.h"
#include "fh-table.h"

struct _FhPrioritiesPage
{
  FhPage        parent_instance;

  GtkBox       *priorities_box;

  GPtrArray    *rows;
};

G_DEFINE_FINAL_TYPE (FhPrioritiesPage, fh_priorities_page, FH_TYPE_PAGE)

char *
fh_indicator_format_value (double      value,
                           const char *unit)
{
  g_autofree char *number = NULL;

  if (isnan (value))
    return g_strdup (_("no data"));

  if (g_strcmp0 (unit, "percent") == 0)
    return fh_format_percent (value, 1);
  if (g_strcmp0 (unit, "count") == 0)
    return fh_format_number (value, 0);
  if (g_strcmp0 (unit, "days") == 0)
    {
      number = fh_format_number (value, 1);
      return g_strdup_printf (_("%s days"), number);
    }
  return fh_format_number (value, 1);
}

static char *
format_period (GDateTime *date)
{
  return date ? g_date_time_format (date, "%b %Y") : g_strdup ("–");
}

static gboolean
finish_indicators (FhPrioritiesPage *self, GObject *source, GAsyncResult *result, GError **error)
{
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->rows = fh_database_indicators_finish (FH_DATABASE (source), result, error);
  return self->rows != NULL;
}

static void
fh_priorities_page_loaded (FhPage *page)
{
  FhPrioritiesPage *self = FH_PRIORITIES_PAGE (page);
  GPtrArray *rows = self->rows;
  static const FhColumnKind kinds[] = { FH_COLUMN_TEXT, FH_COLUMN_NUMBER, FH_COLUMN_TEXT,
                                        FH_COLUMN_NUMBER, FH_COLUMN_NUMBER, FH_COLUMN_TEXT };
  const char *headers[] = { _("Indicator"), _("Latest"), _("Period"), _("Baseline"),
                            _("Target"), _("Better when") };
  GtkWidget *child;
  GtkGrid *grid = NULL;
  int priority = 0;
  guint row = 0;

  if (rows->len == 0)
    {
      fh_page_show_empty (page, _("No indicators are recorded for this authority."));
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->priorities_box))) != NULL)
    gtk_box_remove (self->priorities_box, child);

  for (guint i = 0; i < rows->len; i++)
    {
      FhIndicatorSummary *s = g_ptr_array_index (rows, i);
      g_autofree char *latest = s->latest_suppressed ? g_strdup (FH_FORMAT_SUPPRESSED)
                                : fh_indicator_format_value (s->latest_value, s->unit);
      g_autofree char *period = format_period (s->latest_period);
      g_autofree char *baseline = fh_indicator_format_value (s->baseline, s->unit);
      g_autofree char *target = fh_indicator_format_value (s->target, s->unit);
      g_autofree char *target_when = format_period (s->target_date);
      g_autofree char *target_text = g_strdup_printf ("%s (%s)", target, target_when);
      const char *cells[] = { s->indicator_name, latest, period, baseline, target_text,
                              s->higher_is_better ? _("higher") : _("lower") };

      if (s->priority_number != priority)
        {
          g_autofree char *heading = g_strdup_printf (_("Priority %d: %s"), s->priority_number,
                                                      s->priority_title);
          GtkWidget *label = gtk_label_new (heading);

          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_widget_add_css_class (label, "title-4");
          gtk_widget_set_margin_top (label, priority == 0 ? 0 : 18);
          gtk_box_append (self->priorities_box, label);

          grid = GTK_GRID (gtk_grid_new ());
          gtk_grid_set_column_spacing (grid, 24);
          gtk_grid_set_row_spacing (grid, 6);
          gtk_widget_add_css_class (GTK_WIDGET (grid), "figure-table");
          gtk_box_append (self->priorities_box, GTK_WIDGET (grid));
          fh_table_reset (grid, headers, kinds, G_N_ELEMENTS (headers));
          priority = s->priority_number;
          row = 0;
        }
      {
        GtkWidget *first = fh_table_add_row (grid, row++, cells, kinds, G_N_ELEMENTS (cells));
        gtk_label_set_wrap (GTK_LABEL (first), TRUE);
        gtk_label_set_max_width_chars (GTK_LABEL (first), 48);
        gtk_widget_set_hexpand (first, TRUE);
      }
    }
  fh_page_show_content (page);
}

static void
fh_priorities_page_load (FhPage *page)
{
  fh_database_indicators_async (fh_page_get_database (page), fh_page_get_authority_id (page),
                                FH_PAGE_QUERY (page, "indicators", finish_indicators));
}

static void
fh_priorities_page_dispose (GObject *object)
{
  FhPrioritiesPage *self = FH_PRIORITIES_PAGE (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (fh_priorities_page_parent_class)->dispose (object);
}

static void
fh_priorities_page_class_init (FhPrioritiesPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = fh_priorities_page_dispose;
  FH_PAGE_CLASS (klass)->load = fh_priorities_page_load;
  FH_PAGE_CLASS (klass)->loaded = fh_priorities_page_loaded;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/familyhelp/Dashboard/fh-priorities-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FhPrioritiesPage, priorities_box);
}

static void
fh_priorities_page_init (FhPrioritiesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
