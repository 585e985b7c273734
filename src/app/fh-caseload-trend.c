/* fh-caseload-trend.c — caseload per FTE month by month, per service
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * At each month end: the median and mean open episodes per FTE over the
 * workers in post, per service, as lines; and the open episodes against
 * the FTE in post as a table, so a manager sees pressure building.
 */
#include <glib/gi18n.h>
#include <math.h>

#include "fh-caseload-queries.h"
#include "fh-caseload-trend.h"
#include "fh-chart-view.h"
#include "fh-filter.h"
#include "fh-line-chart.h"
#include "fh-number-format.h"
#include "fh-table.h"

#define SECTION_KEY  "fh-caseload-trend"
#define TREND_MONTHS 24
#define TABLE_MONTHS 6

struct _FhCaseloadTrend
{
  GtkWidget    parent_instance;

  FhLineChart *chart;
  GtkGrid     *month_grid;
};

G_DEFINE_FINAL_TYPE (FhCaseloadTrend, fh_caseload_trend, GTK_TYPE_WIDGET)

static const char *services[] = { "core", "adolescence", "early" };

static const char *
service_name (const char *service)
{
  if (g_strcmp0 (service, "adolescence") == 0)
    return C_("service", "Adolescence");
  if (g_strcmp0 (service, "early") == 0)
    return C_("service", "Early Help");
  return C_("service", "Core");
}

static void
show_months (FhCaseloadTrend *self,
             GPtrArray       *rows)
{
  static const FhColumnKind kinds[] = { FH_COLUMN_TEXT, FH_COLUMN_TEXT, FH_COLUMN_NUMBER, FH_COLUMN_NUMBER,
                                        FH_COLUMN_NUMBER, FH_COLUMN_NUMBER };
  const char *headers[] = { _("Month end"), _("Service"), _("Open episodes"), _("Held by workers"),
                            _("Workers"), _("FTE in post") };
  guint n_months = rows->len / G_N_ELEMENTS (services);
  FhCaseloadMonth *first;
  guint row = 0;

  fh_line_chart_clear (self->chart);
  if (n_months == 0)
    return;
  first = g_ptr_array_index (rows, 0);
  fh_line_chart_set_first_month (self->chart, g_date_time_get_year (first->month_end),
                                 g_date_time_get_month (first->month_end));

  for (guint s = 0; s < G_N_ELEMENTS (services); s++)
    {
      g_autofree double *median = g_new (double, n_months);
      g_autofree double *mean = g_new (double, n_months);
      g_autofree char *median_name = NULL, *mean_name = NULL;

      for (guint m = 0; m < n_months; m++)
        {
          FhCaseloadMonth *c = g_ptr_array_index (rows, m * G_N_ELEMENTS (services) + s);

          median[m] = c->median_per_fte;
          mean[m] = c->mean_per_fte;
        }
      /* Translators: a line of the chart, e.g. "Core, median" */
      median_name = g_strdup_printf (_("%s, median"), service_name (services[s]));
      mean_name = g_strdup_printf (_("%s, mean"), service_name (services[s]));
      fh_line_chart_add_series (self->chart, mean_name, 0, mean, n_months, s, FH_LINE_DASHED);
      fh_line_chart_add_series (self->chart, median_name, 0, median, n_months, s, FH_LINE_SOLID);
    }

  fh_table_reset (self->month_grid, headers, kinds, G_N_ELEMENTS (headers));
  for (guint i = rows->len > TABLE_MONTHS * G_N_ELEMENTS (services) ? rows->len - TABLE_MONTHS * G_N_ELEMENTS (services) : 0;
       i < rows->len; i++)
    {
      FhCaseloadMonth *c = g_ptr_array_index (rows, i);
      g_autofree char *month = fh_date_to_iso (c->month_end);
      g_autofree char *open = fh_format_count (c->open_episodes);
      g_autofree char *held = fh_format_count (c->held_episodes);
      g_autofree char *workers = fh_format_count (c->workers);
      g_autofree char *fte = fh_format_number (c->fte, 1);
      const char *cells[] = { month, service_name (c->service), open, held, workers, fte };

      fh_table_add_row (self->month_grid, row++, cells, kinds, G_N_ELEMENTS (cells));
    }
}

static gboolean
finish_trend (gpointer      page,
              GObject      *source,
              GAsyncResult *result,
              GError      **error)
{
  g_autoptr(GPtrArray) rows = fh_database_caseload_trend_finish (FH_DATABASE (source), result, error);

  if (rows == NULL)
    return FALSE;
  show_months (g_object_get_data (G_OBJECT (page), SECTION_KEY), rows);
  return TRUE;
}

void
fh_caseload_trend_load (FhCaseloadTrend *self,
                        FhPage          *page,
                        GDateTime       *as_at)
{
  g_autoptr(GDateTime) next = NULL, month = NULL, to = NULL, from = NULL;

  g_return_if_fail (FH_IS_CASELOAD_TREND (self));
  g_return_if_fail (FH_IS_PAGE (page));
  g_return_if_fail (as_at != NULL);

  /* the last whole month on the date */
  next = g_date_time_add_days (as_at, 1);
  month = fh_date_new (g_date_time_get_year (next), g_date_time_get_month (next), 1);
  to = g_date_time_add_days (month, -1);
  from = g_date_time_add_months (month, -TREND_MONTHS);

  g_object_set_data (G_OBJECT (page), SECTION_KEY, self);
  fh_database_caseload_trend_async (fh_page_get_database (page), fh_page_get_authority_id (page), from, to,
                                    FH_PAGE_QUERY (page, "caseload_trend", finish_trend));
}

static void
fh_caseload_trend_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), FH_TYPE_CASELOAD_TREND);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (fh_caseload_trend_parent_class)->dispose (object);
}

static void
fh_caseload_trend_class_init (FhCaseloadTrendClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = fh_caseload_trend_dispose;

  g_type_ensure (FH_TYPE_CHART_VIEW);
  g_type_ensure (FH_TYPE_LINE_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/familyhelp/Dashboard/fh-caseload-trend.ui");
  gtk_widget_class_bind_template_child (widget_class, FhCaseloadTrend, chart);
  gtk_widget_class_bind_template_child (widget_class, FhCaseloadTrend, month_grid);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fh_caseload_trend_init (FhCaseloadTrend *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fh_chart_set_title (FH_CHART (self->chart), _("Caseload per FTE month by month, by service"));
  fh_chart_set_caption (FH_CHART (self->chart),
                        _("Source: Family Help reporting data. At each month end, open episodes each worker in "
                          "post holds per FTE: median (solid) and mean (dashed) over the service's workers. "
                          "A figure that could reveal a caseload of 1 to 5 is withheld: the mean whenever "
                          "any worker's caseload is suppressed."));
  fh_chart_set_value_label (FH_CHART (self->chart), _("Open episodes per FTE"));
  fh_chart_set_value_decimals (FH_CHART (self->chart), 1);
}
