/* fh-demand-trend.c — monthly referrals with their seasonal forecast
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The selected ward's (or the authority's) referrals per 10,000 children
 * each month for three years, against the authority, with the 12-month
 * average and a six-month seasonal forecast with its 80% interval.
 */
#include <glib/gi18n.h>
#include <math.h>

#include "fh-chart-table.h"
#include "fh-chart-view.h"
#include "fh-demand-trend.h"
#include "fh-forecast.h"
#include "fh-line-chart.h"
#include "fh-query-group.h"

#define TREND_MONTHS    36
#define HISTORY_MONTHS  48
#define FORECAST_MONTHS  6

struct _FhDemandTrend
{
  GtkWidget     parent_instance;

  FhLineChart  *chart;
  FhChartView  *view;
  GtkLabel     *note;

  FhQueryGroup *queries;
  GPtrArray    *ward;       /* of FhMonthlyDemand; NULL: the authority only */
  GPtrArray    *city;
  char         *ward_code;
  char         *ward_name;
  char         *authority_name;
  gboolean      asked_exact;  /* a load asked for exact figures */
};

G_DEFINE_FINAL_TYPE (FhDemandTrend, fh_demand_trend, GTK_TYPE_WIDGET)

static double
monthly_rate (gint64 count, gint64 children)
{
  if (count < 0 || children <= 0)
    return NAN;
  return count * 10000.0 / children;
}

static void
show (FhDemandTrend *self)
{
  GPtrArray *subject = self->ward ? self->ward : self->city;
  const char *name = self->ward ? (self->ward_name ? self->ward_name : self->ward_code) : _("Whole authority");
  guint n = subject->len, skip = n > TREND_MONTHS ? n - TREND_MONTHS : 0;
  g_autofree double *history = NULL, *shown = NULL, *city = NULL, *rolling = NULL;
  g_autofree char *title = NULL, *caption = NULL;
  g_autoptr(FhForecast) forecast = NULL;
  g_autoptr(GError) error = NULL;
  FhMonthlyDemand *first, *start;
  gint64 children;
  guint n_suppressed = 0, subject_series;

  if (n == 0)
    return;
  history = g_new (double, n);
  shown = g_new (double, n);
  city = g_new (double, n);
  rolling = g_new (double, n);
  start = g_ptr_array_index (subject, 0);
  first = g_ptr_array_index (subject, skip);
  children = start->children_0_17;

  for (guint i = 0; i < n; i++)
    {
      FhMonthlyDemand *m = g_ptr_array_index (subject, i);
      FhMonthlyDemand *c = i < self->city->len ? g_ptr_array_index (self->city, i) : NULL;

      /* a suppressed (or missing) month is no figure: never -2 or 0 */
      history[i] = m->referrals < 0 ? NAN : (double) m->referrals;
      n_suppressed += m->referrals == FH_COUNT_SUPPRESSED;
      shown[i] = monthly_rate (m->referrals, m->children_0_17);
      city[i] = c ? monthly_rate (c->referrals, c->children_0_17) : NAN;
      rolling[i] = m->referrals_12m < 0 ? NAN : monthly_rate (m->referrals_12m, m->children_0_17) / 12.0;
    }

  fh_line_chart_clear (self->chart);
  fh_line_chart_set_first_month (self->chart, g_date_time_get_year (first->month),
                                 g_date_time_get_month (first->month));

  if (n_suppressed > 0)
    /* a forecast would be built on figures that are withheld */
    g_set_error (&error, FH_FORECAST_ERROR, FH_FORECAST_ERROR_MISSING_VALUES,
                 ngettext ("No forecast: %u month's figure is suppressed (c = 1 to 5).",
                           "No forecast: %u months' figures are suppressed (c = 1 to 5).", n_suppressed),
                 n_suppressed);
  else
    forecast = fh_forecast_compute (history, n, g_date_time_get_month (start->month), FORECAST_MONTHS, &error);
  if (forecast != NULL)
    {
      double point[FORECAST_MONTHS], low[FORECAST_MONTHS], high[FORECAST_MONTHS];

      for (guint h = 0; h < FORECAST_MONTHS; h++)
        {
          point[h] = forecast->steps[h].point * 10000.0 / children;
          low[h] = forecast->steps[h].lo80 * 10000.0 / children;
          high[h] = forecast->steps[h].hi80 * 10000.0 / children;
        }
      fh_line_chart_add_band (self->chart, _("80% forecast interval"), n - skip, low, high, FORECAST_MONTHS, 0);
      fh_line_chart_add_series (self->chart, _("Forecast"), n - skip, point, FORECAST_MONTHS, 0, FH_LINE_DASHED);
    }
  if (self->ward != NULL)
    {
      guint city_series = fh_line_chart_add_series (self->chart, _("Whole authority"), 0, city + skip, n - skip,
                                                    4, FH_LINE_THIN);

      for (guint i = skip; i < n && i < self->city->len; i++)
        if (((FhMonthlyDemand *) g_ptr_array_index (self->city, i))->referrals == FH_COUNT_SUPPRESSED)
          fh_line_chart_set_suppressed (self->chart, city_series, i - skip, TRUE);
    }
  {
    guint rolling_series = fh_line_chart_add_series (self->chart, _("12-month average"), 0, rolling + skip,
                                                     n - skip, 1, FH_LINE_DASHED);

    for (guint i = skip; i < n; i++)
      if (((FhMonthlyDemand *) g_ptr_array_index (subject, i))->referrals_12m == FH_COUNT_SUPPRESSED)
        fh_line_chart_set_suppressed (self->chart, rolling_series, i - skip, TRUE);
  }
  subject_series = fh_line_chart_add_series (self->chart, name, 0, shown + skip, n - skip, 0, FH_LINE_SOLID);
  /* suppressed months: a hatched band marked "c", not a gap like missing data */
  for (guint i = skip; i < n; i++)
    if (((FhMonthlyDemand *) g_ptr_array_index (subject, i))->referrals == FH_COUNT_SUPPRESSED)
      fh_line_chart_set_suppressed (self->chart, subject_series, i - skip, TRUE);

  title = g_strdup_printf (_("Requests for support in %s month by month"),
                           self->ward || self->authority_name == NULL ? name : self->authority_name);
  caption = g_strdup_printf (_("Source: Family Help reporting data. Requests for support (with a decision) "
                               "each month per 10,000 children aged 0–17, on the latest mid-year population "
                               "before the month; the 12-month average where a whole year of data lies "
                               "behind it, and a %u-month seasonal forecast (80%% interval)."), FORECAST_MONTHS);
  fh_chart_set_title (FH_CHART (self->chart), title);
  fh_chart_set_caption (FH_CHART (self->chart), caption);
  fh_chart_set_value_label (FH_CHART (self->chart), _("Requests per 10,000 children aged 0–17, per month"));

  gtk_label_set_text (self->note, forecast == NULL ? error->message
                      : _("Forecast: seasonal decomposition of the last 48 months (each calendar month's "
                          "usual share, so the August and December dips carry forward) times a straight-line "
                          "trend. Select a ward on the map or the bars to see its own trend."));
}

static void
on_done (gpointer owner, const GError *error)
{
  FhDemandTrend *self = FH_DEMAND_TREND (owner);

  if (error != NULL || self->city == NULL)
    {
      gtk_label_set_text (self->note, error ? error->message : "");
      return;
    }
  /* the names come with the page's figures, which show the trend then */
  if (self->authority_name != NULL)
    show (self);
}

#define DEFINE_FINISH(name, field)                                                   \
  static gboolean name (FhDemandTrend *self, GObject *source, GAsyncResult *result, GError **error) \
  {                                                                                  \
    g_clear_pointer (&self->field, g_ptr_array_unref);                               \
    self->field = fh_database_demand_monthly_finish (FH_DATABASE (source), result, error); \
    return self->field != NULL;                                                      \
  }

DEFINE_FINISH (finish_ward, ward)
DEFINE_FINISH (finish_city, city)

void
fh_demand_trend_load (FhDemandTrend *self,
                      FhDatabase    *database,
                      int            authority_id,
                      const char    *ward_code,
                      GDateTime     *today)
{
  g_autoptr(GDateTime) month = fh_date_new (g_date_time_get_year (today), g_date_time_get_month (today), 1);
  g_autoptr(GDateTime) to = g_date_time_add_days (month, -1);
  g_autoptr(GDateTime) from = g_date_time_add_months (month, -HISTORY_MONTHS);

  g_return_if_fail (FH_IS_DEMAND_TREND (self));
  g_return_if_fail (FH_IS_DATABASE (database));

  fh_query_group_restart (self->queries);
  /* Exact figures never outlive publication view being turned on: the
   * chart is emptied until the suppressed ones arrive (exports check it). */
  if (self->asked_exact && !fh_database_get_exact_figures (database))
    fh_line_chart_clear (self->chart);
  self->asked_exact = fh_database_get_exact_figures (database);
  g_clear_pointer (&self->ward, g_ptr_array_unref);
  g_clear_pointer (&self->city, g_ptr_array_unref);
  g_free (self->ward_code);
  self->ward_code = ward_code && *ward_code ? g_strdup (ward_code) : NULL;

  fh_database_demand_monthly_async (database, authority_id, NULL, from, to,
                                    FH_QUERY (self->queries, "demand_monthly", (FhQueryFinishFunc) finish_city));
  if (self->ward_code != NULL)
    fh_database_demand_monthly_async (database, authority_id, self->ward_code, from, to,
                                      FH_QUERY (self->queries, "demand_monthly (ward)",
                                                (FhQueryFinishFunc) finish_ward));
}

void
fh_demand_trend_set_names (FhDemandTrend *self,
                           const char    *ward_name,
                           const char    *authority_name)
{
  g_return_if_fail (FH_IS_DEMAND_TREND (self));

  g_free (self->ward_name);
  g_free (self->authority_name);
  self->ward_name = g_strdup (ward_name);
  self->authority_name = g_strdup (authority_name);
  if (self->city != NULL && fh_query_group_get_pending (self->queries) == 0 && authority_name != NULL)
    show (self);
}

static void
fh_demand_trend_dispose (GObject *object)
{
  FhDemandTrend *self = FH_DEMAND_TREND (object);
  GtkWidget *child;

  fh_query_group_cancel (self->queries);
  g_clear_pointer (&self->ward, g_ptr_array_unref);
  g_clear_pointer (&self->city, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), FH_TYPE_DEMAND_TREND);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (fh_demand_trend_parent_class)->dispose (object);
}

static void
fh_demand_trend_finalize (GObject *object)
{
  FhDemandTrend *self = FH_DEMAND_TREND (object);

  g_clear_pointer (&self->queries, fh_query_group_free);
  g_free (self->ward_code);
  g_free (self->ward_name);
  g_free (self->authority_name);

  G_OBJECT_CLASS (fh_demand_trend_parent_class)->finalize (object);
}

static void
fh_demand_trend_class_init (FhDemandTrendClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = fh_demand_trend_dispose;
  G_OBJECT_CLASS (klass)->finalize = fh_demand_trend_finalize;

  g_type_ensure (FH_TYPE_CHART_VIEW);
  g_type_ensure (FH_TYPE_LINE_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/familyhelp/Dashboard/fh-demand-trend.ui");
  gtk_widget_class_bind_template_child (widget_class, FhDemandTrend, chart);
  gtk_widget_class_bind_template_child (widget_class, FhDemandTrend, view);
  gtk_widget_class_bind_template_child (widget_class, FhDemandTrend, note);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fh_demand_trend_init (FhDemandTrend *self)
{
  self->queries = fh_query_group_new (self, on_done);
  gtk_widget_init_template (GTK_WIDGET (self));
  /* its figures as a table too, as the page's other charts */
  fh_chart_table_add_toggle (self->view);
}
