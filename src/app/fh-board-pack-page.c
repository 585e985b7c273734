/* fh-board-pack-page.c — what a board pack will contain
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sections of the board pack, each with the headline figure that would
 * go into it, from the same reporting queries as the pages. Producing the
 * PDF itself is the board-pack issue's work.
 */
#include <glib/gi18n.h>
#include <math.h>

#include "fh-board-pack-page.h"
#include "fh-caseload-summary.h"
#include "fh-chart-theme.h"
#include "fh-period.h"

struct _FhBoardPackPage
{
  GtkWidget     parent_instance;

  FhDataView   *data_view;
  GtkLabel     *demand_label;
  GtkLabel     *caseload_label;
  GtkLabel     *priorities_label;

  GCancellable *cancellable;
  FhPeriod     *period;
  double        threshold;
  int           pending;
  GError       *error;
};

static void page_iface_init (FhPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FhBoardPackPage, fh_board_pack_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (FH_TYPE_PAGE, page_iface_init))

static void
part_done (FhBoardPackPage *self,
           GError          *error)
{
  if (error != NULL && self->error == NULL)
    self->error = g_error_copy (error);
  if (--self->pending > 0)
    return;
  if (self->error != NULL)
    {
      if (!g_error_matches (self->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fh_data_view_show_error (self->data_view, self->error);
      g_clear_error (&self->error);
      return;
    }
  fh_data_view_show_content (self->data_view);
}

static void
on_city (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(FhBoardPackPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FhWardDemand) city = fh_database_authority_demand_finish (FH_DATABASE (source), result, &error);

  if (city != NULL)
    {
      g_autofree char *rate = fh_format_number (city->referral_rate, 1);
      g_autofree char *period = fh_period_get_label (self->period);
      g_autofree char *text = g_strdup_printf (_("%s referrals per 10,000 children aged 0–17 in %s, "
                                                 "with a ranked chart of every ward."), rate, period);
      gtk_label_set_text (self->demand_label, text);
    }
  part_done (self, error);
}

static void
on_caseloads (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(FhBoardPackPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = fh_database_caseloads_finish (FH_DATABASE (source), result, &error);

  if (rows != NULL)
    {
      FhCaseloadSummary core, adolescence;
      g_autofree char *core_ratio = NULL, *adol_ratio = NULL, *text = NULL;

      fh_caseload_summary_compute (rows, "core", self->threshold, &core);
      fh_caseload_summary_compute (rows, "adolescence", self->threshold, &adolescence);
      core_ratio = fh_format_number (core.episodes_per_fte, 1);
      adol_ratio = fh_format_number (adolescence.episodes_per_fte, 1);
      /* Translators: "Core 15.9 and Adolescence 12.6 open episodes per FTE; 13 workers above 20 per FTE." */
      text = g_strdup_printf (_("Core %s and Adolescence %s open episodes per FTE; %u workers "
                                "above %.0f per FTE."), core_ratio, adol_ratio,
                              core.above_threshold + adolescence.above_threshold, self->threshold);
      gtk_label_set_text (self->caseload_label, text);
    }
  part_done (self, error);
}

static void
on_indicators (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(FhBoardPackPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = fh_database_indicators_finish (FH_DATABASE (source), result, &error);

  if (rows != NULL)
    {
      guint with_data = 0;
      g_autofree char *text = NULL;

      for (guint i = 0; i < rows->len; i++)
        if (((FhIndicatorSummary *) g_ptr_array_index (rows, i))->latest_period != NULL)
          with_data++;
      text = g_strdup_printf (_("%u indicators across the four priorities, %u with data."),
                              rows->len, with_data);
      gtk_label_set_text (self->priorities_label, text);
    }
  part_done (self, error);
}

static void
fh_board_pack_page_load (FhPage     *page,
                         FhDatabase *database,
                         int         authority_id)
{
  FhBoardPackPage *self = FH_BOARD_PACK_PAGE (page);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = fh_date_new (g_date_time_get_year (now), g_date_time_get_month (now),
                                            g_date_time_get_day_of_month (now));
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (today, -1);
  g_autoptr(FhDemandFilter) filter = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_error (&self->error);

  g_clear_pointer (&self->period, fh_period_free);
  self->period = fh_period_new_latest_complete (FH_PERIOD_FINANCIAL_YEAR, today);
  filter = fh_demand_filter_new (authority_id, self->period->from, self->period->to);

  fh_data_view_show_loading (self->data_view);
  self->pending = 3;
  fh_database_authority_demand_async (database, filter, self->cancellable, on_city, g_object_ref (self));
  fh_database_caseloads_async (database, authority_id, yesterday, self->cancellable,
                               on_caseloads, g_object_ref (self));
  fh_database_indicators_async (database, authority_id, self->cancellable,
                                on_indicators, g_object_ref (self));
}

static void
page_iface_init (FhPageInterface *iface)
{
  iface->load = fh_board_pack_page_load;
}

static void
fh_board_pack_page_dispose (GObject *object)
{
  FhBoardPackPage *self = FH_BOARD_PACK_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->period, fh_period_free);
  g_clear_error (&self->error);
  gtk_widget_dispose_template (GTK_WIDGET (object), FH_TYPE_BOARD_PACK_PAGE);

  G_OBJECT_CLASS (fh_board_pack_page_parent_class)->dispose (object);
}

static void
fh_board_pack_page_class_init (FhBoardPackPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = fh_board_pack_page_dispose;

  g_type_ensure (FH_TYPE_DATA_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/familyhelp/Dashboard/fh-board-pack-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FhBoardPackPage, data_view);
  gtk_widget_class_bind_template_child (widget_class, FhBoardPackPage, demand_label);
  gtk_widget_class_bind_template_child (widget_class, FhBoardPackPage, caseload_label);
  gtk_widget_class_bind_template_child (widget_class, FhBoardPackPage, priorities_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fh_board_pack_page_init (FhBoardPackPage *self)
{
  self->threshold = 20;
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
fh_board_pack_page_set_threshold (FhBoardPackPage *self,
                                  double           threshold)
{
  g_return_if_fail (FH_IS_BOARD_PACK_PAGE (self));
  self->threshold = threshold;
}

FhDataView *
fh_board_pack_page_get_data_view (FhBoardPackPage *self)
{
  g_return_val_if_fail (FH_IS_BOARD_PACK_PAGE (self), NULL);
  return self->data_view;
}
