/* fh-demand-page.c — demand for Family Help by ward
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The latest complete financial year: the city's referral rate, a ranked bar
 * chart of every ward's rate against it, and the ward table.
 */
#include <glib/gi18n.h>
#include <math.h>

#include "fh-bar-chart.h"
#include "fh-chart-view.h"
#include "fh-demand-page.h"
#include "fh-period.h"
#include "fh-table.h"

struct _FhDemandPage
{
  GtkWidget       parent_instance;

  FhDataView     *data_view;
  GtkLabel       *period_label;
  GtkLabel       *city_rate_label;
  GtkLabel       *city_referrals_label;
  GtkLabel       *city_open_label;
  FhChartView    *chart_view;
  GtkGrid        *ward_grid;

  FhBarChart     *chart;
  GCancellable   *cancellable;
  FhPeriod       *period;
  FhWardDemand   *city;
  GPtrArray      *wards;
  int             pending;
  GError         *error;
};

static void page_iface_init (FhPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FhDemandPage, fh_demand_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (FH_TYPE_PAGE, page_iface_init))

static void
show_results (FhDemandPage *self)
{
  static const FhColumnKind kinds[] = { FH_COLUMN_TEXT, FH_COLUMN_NUMBER, FH_COLUMN_NUMBER,
                                        FH_COLUMN_NUMBER, FH_COLUMN_NUMBER, FH_COLUMN_NUMBER };
  const char *headers[] = { _("Ward"), _("Children 0–17"), _("Referrals"),
                            _("Referrals per 10,000"), _("Episodes started"),
                            _("Open at period end") };
  g_autofree const char **labels = NULL;
  g_autofree double *values = NULL;
  g_autofree char *period = fh_period_get_label (self->period);
  g_autofree char *rate = NULL, *referrals = NULL, *open = NULL, *text = NULL, *day = NULL;
  g_autofree char *title = NULL, *caption = NULL;
  FhWardDemand *top = NULL;

  if (self->wards->len == 0)
    {
      fh_data_view_show_empty (self->data_view, _("This authority has no wards in the database."));
      return;
    }

  rate = fh_format_number (self->city->referral_rate, 1);
  referrals = fh_format_number (self->city->referrals, 0);
  open = fh_format_number (self->city->episodes_open, 0);
  gtk_label_set_text (self->city_rate_label, rate);
  gtk_label_set_text (self->city_referrals_label, referrals);
  day = g_date_time_format (self->period->to, "%e %B %Y");
  /* Translators: "1,234 episodes of Family Help open on 31 March 2026" */
  text = g_strdup_printf (_("%s episodes of Family Help open on %s"), open, g_strstrip (day));
  gtk_label_set_text (self->city_open_label, text);
  g_free (text);
  text = g_strdup_printf (_("Financial year %s · %s"), period, self->city->ward_name);
  gtk_label_set_text (self->period_label, text);

  labels = g_new0 (const char *, self->wards->len);
  values = g_new0 (double, self->wards->len);
  fh_table_reset (self->ward_grid, headers, kinds, G_N_ELEMENTS (headers));
  for (guint i = 0; i < self->wards->len; i++)
    {
      FhWardDemand *w = g_ptr_array_index (self->wards, i);
      g_autofree char *c0 = fh_format_number (w->children_0_17, 0);
      g_autofree char *c1 = fh_format_number (w->referrals, 0);
      g_autofree char *c2 = fh_format_number (w->referral_rate, 1);
      g_autofree char *c3 = fh_format_number (w->episodes_started, 0);
      g_autofree char *c4 = fh_format_number (w->episodes_open, 0);
      const char *cells[] = { w->ward_name, c0, c1, c2, c3, c4 };

      fh_table_add_row (self->ward_grid, i, cells, kinds, G_N_ELEMENTS (cells));
      labels[i] = w->ward_name;
      values[i] = w->referral_rate;
      if (!isnan (w->referral_rate) && (top == NULL || w->referral_rate > top->referral_rate))
        top = w;
    }

  /* An active title that says the finding. */
  title = top ? g_strdup_printf (_("%s has the highest referral rate of %u wards"),
                                 top->ward_name, self->wards->len)
              : g_strdup (_("Referral rate by ward"));
  caption = g_strdup_printf (_("Source: %s Family Help referrals (reporting.ward_demand). "
                               "Referrals received %s, per 10,000 children aged 0–17 "
                               "(ONS mid-2020 estimates). Dashed line: whole authority."),
                             self->city->ward_name, period);
  fh_bar_chart_set_title (self->chart, title);
  fh_bar_chart_set_caption (self->chart, caption);
  fh_bar_chart_set_value_label (self->chart, _("Referrals per 10,000 children aged 0–17"));
  fh_bar_chart_set_bars (self->chart, labels, values, self->wards->len);
  fh_bar_chart_set_reference_line (self->chart, self->city->referral_rate, _("City"));

  fh_data_view_show_content (self->data_view);
}

static void
query_done (FhDemandPage *self)
{
  if (--self->pending > 0)
    return;

  if (self->error != NULL)
    {
      if (!g_error_matches (self->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fh_data_view_show_error (self->data_view, self->error);
      g_clear_error (&self->error);
      return;
    }
  show_results (self);
}

static void
on_wards (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(FhDemandPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *wards = fh_database_ward_demand_finish (FH_DATABASE (source), result, &error);

  if (wards != NULL)
    {
      g_clear_pointer (&self->wards, g_ptr_array_unref);
      self->wards = wards;
    }
  else if (self->error == NULL)
    self->error = g_steal_pointer (&error);
  query_done (self);
}

static void
on_city (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(FhDemandPage) self = user_data;
  g_autoptr(GError) error = NULL;
  FhWardDemand *city = fh_database_authority_demand_finish (FH_DATABASE (source), result, &error);

  if (city != NULL)
    {
      g_clear_pointer (&self->city, fh_ward_demand_free);
      self->city = city;
    }
  else if (self->error == NULL)
    self->error = error ? g_steal_pointer (&error)
                        : g_error_new_literal (FH_DATABASE_ERROR, FH_DATABASE_ERROR_QUERY,
                                               _("The database returned no authority figure."));
  query_done (self);
}

static void
fh_demand_page_load (FhPage     *page,
                     FhDatabase *database,
                     int         authority_id)
{
  FhDemandPage *self = FH_DEMAND_PAGE (page);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = fh_date_new (g_date_time_get_year (now), g_date_time_get_month (now),
                                            g_date_time_get_day_of_month (now));
  g_autoptr(FhDemandFilter) filter = NULL;

  /* A newer load supersedes this one: its results are dropped. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_error (&self->error);

  g_clear_pointer (&self->period, fh_period_free);
  self->period = fh_period_new_latest_complete (FH_PERIOD_FINANCIAL_YEAR, today);
  filter = fh_demand_filter_new (authority_id, self->period->from, self->period->to);

  fh_data_view_show_loading (self->data_view);
  self->pending = 2;
  fh_database_ward_demand_async (database, filter, self->cancellable, on_wards, g_object_ref (self));
  fh_database_authority_demand_async (database, filter, self->cancellable, on_city, g_object_ref (self));
}

static void
page_iface_init (FhPageInterface *iface)
{
  iface->load = fh_demand_page_load;
}

static void
fh_demand_page_dispose (GObject *object)
{
  FhDemandPage *self = FH_DEMAND_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->chart);
  g_clear_pointer (&self->period, fh_period_free);
  g_clear_pointer (&self->city, fh_ward_demand_free);
  g_clear_pointer (&self->wards, g_ptr_array_unref);
  g_clear_error (&self->error);
  gtk_widget_dispose_template (GTK_WIDGET (object), FH_TYPE_DEMAND_PAGE);

  G_OBJECT_CLASS (fh_demand_page_parent_class)->dispose (object);
}

static void
fh_demand_page_class_init (FhDemandPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = fh_demand_page_dispose;

  g_type_ensure (FH_TYPE_DATA_VIEW);
  g_type_ensure (FH_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/familyhelp/Dashboard/fh-demand-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, data_view);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, city_rate_label);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, city_referrals_label);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, city_open_label);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, chart_view);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, ward_grid);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fh_demand_page_init (FhDemandPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->chart = fh_bar_chart_new ();
  fh_bar_chart_set_sort_descending (self->chart, TRUE);
  fh_chart_view_set_chart (self->chart_view, FH_CHART (self->chart));
}

FhDataView *
fh_demand_page_get_data_view (FhDemandPage *self)
{
  g_return_val_if_fail (FH_IS_DEMAND_PAGE (self), NULL);
  return self->data_view;
}

const char *
fh_demand_page_get_city_referrals (FhDemandPage *self)
{
  g_return_val_if_fail (FH_IS_DEMAND_PAGE (self), NULL);
  return gtk_label_get_text (self->city_referrals_label);
}

const char *
fh_demand_page_get_city_rate (FhDemandPage *self)
{
  g_return_val_if_fail (FH_IS_DEMAND_PAGE (self), NULL);
  return gtk_label_get_text (self->city_rate_label);
}

GDateTime *
fh_demand_page_get_period_from (FhDemandPage *self)
{
  g_return_val_if_fail (FH_IS_DEMAND_PAGE (self), NULL);
  return self->period ? self->period->from : NULL;
}

GDateTime *
fh_demand_page_get_period_to (FhDemandPage *self)
{
  g_return_val_if_fail (FH_IS_DEMAND_PAGE (self), NULL);
  return self->period ? self->period->to : NULL;
}
