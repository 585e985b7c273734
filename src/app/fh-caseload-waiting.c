/* fh-caseload-waiting.c — episodes waiting for allocation, by team and by days waited
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Targeted episodes open on the date with no worker allocated: how many wait
 * in each team (the service's team in the episode's locality), how long
 * they have waited in bands of days, and the five longest waits. All of it
 * counted and suppressed by the reporting layer (08-caseload.sql).
 */
#include <glib/gi18n.h>
#include <math.h>

#include "fh-bar-chart.h"
#include "fh-caseload-queries.h"
#include "fh-caseload-waiting.h"
#include "fh-chart-view.h"
#include "fh-number-format.h"
#include "fh-table.h"

#define SECTION_KEY "fh-caseload-waiting"

struct _FhCaseloadWaiting
{
  GtkWidget    parent_instance;

  FhBarChart  *bands_chart;
  GtkGrid     *team_grid;
  GtkLabel    *longest_label;
};

G_DEFINE_FINAL_TYPE (FhCaseloadWaiting, fh_caseload_waiting, GTK_TYPE_WIDGET)

static const char *
service_name (const char *service)
{
  return g_strcmp0 (service, "adolescence") == 0 ? C_("service", "Adolescence") : C_("service", "Core");
}

static FhCaseloadWaiting *
section_of (gpointer page)
{
  return g_object_get_data (G_OBJECT (page), SECTION_KEY);
}

static void
show_teams (FhCaseloadWaiting *self,
            GPtrArray         *rows)
{
  static const FhColumnKind kinds[] = { FH_COLUMN_TEXT, FH_COLUMN_TEXT, FH_COLUMN_NUMBER, FH_COLUMN_NUMBER };
  const char *headers[] = { _("Service"), _("Team"), _("Waiting"), _("Median days waited") };

  fh_table_reset (self->team_grid, headers, kinds, G_N_ELEMENTS (headers));
  for (guint i = 0; i < rows->len; i++)
    {
      FhWaitingTeam *t = g_ptr_array_index (rows, i);
      g_autofree char *waiting = fh_format_count (t->waiting);
      g_autofree char *median = t->waiting == FH_COUNT_SUPPRESSED ? g_strdup (FH_FORMAT_SUPPRESSED)
                                                                  : fh_format_number (t->median_days_waiting, 1);
      const char *team = t->is_total ? _("All teams") : t->team_name ? t->team_name : _("Ward not known");
      const char *cells[] = { service_name (t->service), team, waiting, median };
      GtkWidget *first = fh_table_add_row (self->team_grid, i, cells, kinds, G_N_ELEMENTS (cells));

      if (t->is_total)
        gtk_widget_add_css_class (first, "heading");
    }
}

static void
show_bands (FhCaseloadWaiting *self,
            GPtrArray         *rows)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree double *values = g_new0 (double, MAX (rows->len, 1));

  for (guint i = 0; i < rows->len; i++)
    {
      FhWaitingBand *b = g_ptr_array_index (rows, i);

      if (b->max_days < 0)
        /* Translators: a band of days waited, e.g. "Core: 57 days or more" */
        g_ptr_array_add (labels, g_strdup_printf (_("%s: %d days or more"), service_name (b->service), b->min_days));
      else
        /* Translators: a band of days waited, e.g. "Core: 8–14 days" */
        g_ptr_array_add (labels, g_strdup_printf (_("%s: %d–%d days"), service_name (b->service),
                                                  b->min_days, b->max_days));
      values[i] = b->waiting < 0 ? NAN : (double) b->waiting;
    }
  g_ptr_array_add (labels, NULL);
  fh_bar_chart_set_sort_descending (self->bands_chart, FALSE);
  fh_bar_chart_set_bars (self->bands_chart, (const char * const *) labels->pdata, values, rows->len);
  for (guint i = 0; i < rows->len; i++)
    if (((FhWaitingBand *) g_ptr_array_index (rows, i))->waiting == FH_COUNT_SUPPRESSED)
      fh_bar_chart_set_suppressed (self->bands_chart, i, TRUE);
}

static void
show_longest (FhCaseloadWaiting *self,
              GPtrArray         *rows)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *services[] = { "core", "adolescence" };

  for (guint s = 0; s < G_N_ELEMENTS (services); s++)
    {
      g_autoptr(GString) days = g_string_new (NULL);

      for (guint i = 0; i < rows->len; i++)
        {
          FhWaitingLongest *l = g_ptr_array_index (rows, i);
          g_autofree char *n = NULL;

          if (g_strcmp0 (l->service, services[s]) != 0)
            continue;
          n = l->days_waiting < 0 ? g_strdup (FH_FORMAT_SUPPRESSED) : fh_format_count (l->days_waiting);
          g_string_append_printf (days, "%s%s", days->len ? ", " : "", n);
        }
      if (text->len)
        g_string_append_c (text, '\n');
      if (days->len == 0)
        /* Translators: e.g. "Adolescence: nobody waiting" */
        g_string_append_printf (text, _("%s: nobody waiting"), service_name (services[s]));
      else
        /* Translators: e.g. "Core: 28, 27, 22, 21, 20 days" */
        g_string_append_printf (text, _("%s: %s days"), service_name (services[s]), days->str);
    }
  gtk_label_set_text (self->longest_label, text->str);
}

#define DEFINE_FINISH(name, finish_func, show_func)                                          \
  static gboolean                                                                          \
  name (gpointer page, GObject *source, GAsyncResult *result, GError **error)               \
  {                                                                                        \
    g_autoptr(GPtrArray) rows = finish_func (FH_DATABASE (source), result, error);          \
                                                                                           \
    if (rows == NULL)                                                                      \
      return FALSE;                                                                        \
    show_func (section_of (page), rows);                                                   \
    return TRUE;                                                                           \
  }

DEFINE_FINISH (finish_teams, fh_database_waiting_by_team_finish, show_teams)
DEFINE_FINISH (finish_bands, fh_database_waiting_bands_finish, show_bands)
DEFINE_FINISH (finish_longest, fh_database_waiting_longest_finish, show_longest)

void
fh_caseload_waiting_load (FhCaseloadWaiting *self,
                          FhPage            *page,
                          GDateTime         *as_at)
{
  FhDatabase *database;
  int authority_id;

  g_return_if_fail (FH_IS_CASELOAD_WAITING (self));
  g_return_if_fail (FH_IS_PAGE (page));
  g_return_if_fail (as_at != NULL);

  database = fh_page_get_database (page);
  authority_id = fh_page_get_authority_id (page);
  g_object_set_data (G_OBJECT (page), SECTION_KEY, self);
  fh_database_waiting_by_team_async (database, authority_id, as_at,
                                     FH_PAGE_QUERY (page, "waiting_by_team", finish_teams));
  fh_database_waiting_bands_async (database, authority_id, as_at,
                                   FH_PAGE_QUERY (page, "waiting_bands", finish_bands));
  fh_database_waiting_longest_async (database, authority_id, as_at,
                                     FH_PAGE_QUERY (page, "waiting_longest", finish_longest));
}

static void
fh_caseload_waiting_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), FH_TYPE_CASELOAD_WAITING);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (fh_caseload_waiting_parent_class)->dispose (object);
}

static void
fh_caseload_waiting_class_init (FhCaseloadWaitingClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = fh_caseload_waiting_dispose;

  g_type_ensure (FH_TYPE_CHART_VIEW);
  g_type_ensure (FH_TYPE_BAR_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/familyhelp/Dashboard/fh-caseload-waiting.ui");
  gtk_widget_class_bind_template_child (widget_class, FhCaseloadWaiting, bands_chart);
  gtk_widget_class_bind_template_child (widget_class, FhCaseloadWaiting, team_grid);
  gtk_widget_class_bind_template_child (widget_class, FhCaseloadWaiting, longest_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fh_caseload_waiting_init (FhCaseloadWaiting *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fh_chart_set_title (FH_CHART (self->bands_chart), _("How long episodes have waited for a worker"));
  fh_chart_set_caption (FH_CHART (self->bands_chart),
                        _("Source: Family Help reporting data. Targeted episodes open on the date with no "
                          "worker allocated, by days since the episode started; counts of 1 to 5 shown as c."));
  fh_chart_set_value_label (FH_CHART (self->bands_chart), _("Episodes waiting"));
  fh_chart_set_value_decimals (FH_CHART (self->bands_chart), 0);
}
