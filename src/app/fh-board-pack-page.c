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
#include "fh-service-caseload.h"
#include "fh-chart-theme.h"
#include "fh-period.h"
#include "fh-settings.h"

struct _FhBoardPackPage
{
  FhPage        parent_instance;

  GtkLabel     *demand_label;
  GtkLabel     *caseload_label;
  GtkLabel     *priorities_label;

  GSettings    *settings;
  FhPeriod     *period;
  double        core_threshold;
  double        adolescence_threshold;
  FhServiceCaseload *core;          /* counted against core_threshold */
  FhServiceCaseload *adolescence;   /* counted against adolescence_threshold */
};

G_DEFINE_FINAL_TYPE (FhBoardPackPage, fh_board_pack_page, FH_TYPE_PAGE)

static gboolean
finish_city (FhBoardPackPage *self, GObject *source, GAsyncResult *result, GError **error)
{
  g_autoptr(FhWardDemand) city = fh_database_authority_demand_finish (FH_DATABASE (source), result, error);
  g_autofree char *rate = NULL, *period = NULL, *text = NULL;

  if (city == NULL)
    return FALSE;
  rate = fh_format_rate (city->referral_rate, city->referrals, 1);
  period = fh_period_get_label (self->period);
  text = g_strdup_printf (_("%s referrals per 10,000 children aged 0–17 in %s, "
                            "with a ranked chart of every ward."), rate, period);
  gtk_label_set_text (self->demand_label, text);
  return TRUE;
}

static char *
format_service_ratio (FhServiceCaseload *s)
{
  if (s == NULL)
    return g_strdup (FH_FORMAT_MISSING);
  return fh_format_rate (s->episodes_per_fte, s->open_episodes, 1);
}

/* Keeps @service's row of a caseload_by_service answer: each service is
 * asked with its own threshold, so "above the threshold" means the
 * threshold of that service. */
static gboolean
take_service (GObject            *source,
              GAsyncResult       *result,
              const char         *service,
              FhServiceCaseload **out,
              GError            **error)
{
  g_autoptr(GPtrArray) services = fh_database_service_caseloads_finish (FH_DATABASE (source), result, error);

  if (services == NULL)
    return FALSE;
  g_clear_pointer (out, fh_service_caseload_free);
  for (guint i = 0; i < services->len; i++)
    if (g_strcmp0 (((FhServiceCaseload *) g_ptr_array_index (services, i))->service, service) == 0)
      *out = g_ptr_array_steal_index (services, i);
  return TRUE;
}

static gboolean
finish_core (FhBoardPackPage *self, GObject *source, GAsyncResult *result, GError **error)
{
  return take_service (source, result, "core", &self->core, error);
}

static gboolean
finish_adolescence (FhBoardPackPage *self, GObject *source, GAsyncResult *result, GError **error)
{
  return take_service (source, result, "adolescence", &self->adolescence, error);
}

static char *
format_above (FhServiceCaseload *s)
{
  if (s == NULL)
    return g_strdup (FH_FORMAT_MISSING);
  return s->above_threshold == FH_COUNT_SUPPRESSED ? g_strdup (FH_FORMAT_SUPPRESSED)
                                                   : fh_format_count (s->above_threshold);
}

static gboolean
finish_indicators (FhBoardPackPage *self, GObject *source, GAsyncResult *result, GError **error)
{
  g_autoptr(GPtrArray) rows = fh_database_indicators_finish (FH_DATABASE (source), result, error);
  guint with_data = 0;
  g_autofree char *text = NULL;

  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    if (((FhIndicatorSummary *) g_ptr_array_index (rows, i))->latest_period != NULL)
      with_data++;
  text = g_strdup_printf (_("%u indicators across the four priorities, %u with data."),
                          rows->len, with_data);
  gtk_label_set_text (self->priorities_label, text);
  return TRUE;
}

static void
fh_board_pack_page_loaded (FhPage *page)
{
  FhBoardPackPage *self = FH_BOARD_PACK_PAGE (page);
  g_autofree char *core_ratio = format_service_ratio (self->core);
  g_autofree char *adol_ratio = format_service_ratio (self->adolescence);
  g_autofree char *core_above = format_above (self->core);
  g_autofree char *adol_above = format_above (self->adolescence);
  g_autofree char *text = NULL;

  /* Translators: "Core 15.9 and Adolescence 12.6 open episodes per FTE;
   * workers above their service's threshold: Core 11 (above 20 per FTE),
   * Adolescence 4 (above 15 per FTE)." */
  text = g_strdup_printf (_("Core %s and Adolescence %s open episodes per FTE; workers above their "
                            "service's threshold: Core %s (above %.0f per FTE), Adolescence %s "
                            "(above %.0f per FTE)."),
                          core_ratio, adol_ratio, core_above, self->core_threshold,
                          adol_above, self->adolescence_threshold);
  gtk_label_set_text (self->caseload_label, text);
  fh_page_show_content (page);
}

static void
fh_board_pack_page_load (FhPage *page)
{
  FhBoardPackPage *self = FH_BOARD_PACK_PAGE (page);
  FhDatabase *database = fh_page_get_database (page);
  int authority_id = fh_page_get_authority_id (page);
  /* the data's extraction date stands for "today": what is complete is
   * what the data covers, whatever the clock says */
  g_autoptr(GDateTime) today = fh_page_dup_reference_date (page);
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (today, -1);
  g_autoptr(FhDemandFilter) filter = NULL;

  g_clear_pointer (&self->period, fh_period_free);
  self->period = fh_period_new_latest_complete (FH_PERIOD_FINANCIAL_YEAR, today);
  filter = fh_demand_filter_new (authority_id, self->period->from, self->period->to);
  self->core_threshold = g_settings_get_double (self->settings, "caseload-threshold-core");
  self->adolescence_threshold = g_settings_get_double (self->settings, "caseload-threshold-adolescence");

  fh_database_authority_demand_async (database, filter, FH_PAGE_QUERY (self, "authority_demand", finish_city));
  fh_database_service_caseloads_async (database, authority_id, yesterday, self->core_threshold,
                                       FH_PAGE_QUERY (self, "caseloads-core", finish_core));
  fh_database_service_caseloads_async (database, authority_id, yesterday, self->adolescence_threshold,
                                       FH_PAGE_QUERY (self, "caseloads-adolescence", finish_adolescence));
  fh_database_indicators_async (database, authority_id, FH_PAGE_QUERY (self, "indicators", finish_indicators));
}

static void
fh_board_pack_page_dispose (GObject *object)
{
  FhBoardPackPage *self = FH_BOARD_PACK_PAGE (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->period, fh_period_free);
  g_clear_pointer (&self->core, fh_service_caseload_free);
  g_clear_pointer (&self->adolescence, fh_service_caseload_free);

  G_OBJECT_CLASS (fh_board_pack_page_parent_class)->dispose (object);
}

static void
fh_board_pack_page_class_init (FhBoardPackPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = fh_board_pack_page_dispose;
  FH_PAGE_CLASS (klass)->load = fh_board_pack_page_load;
  FH_PAGE_CLASS (klass)->loaded = fh_board_pack_page_loaded;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/familyhelp/Dashboard/fh-board-pack-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FhBoardPackPage, demand_label);
  gtk_widget_class_bind_template_child (widget_class, FhBoardPackPage, caseload_label);
  gtk_widget_class_bind_template_child (widget_class, FhBoardPackPage, priorities_label);
}

static void
fh_board_pack_page_init (FhBoardPackPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = fh_settings_new ();
  g_signal_connect_object (self->settings, "changed::caseload-threshold-core",
                           G_CALLBACK (fh_page_reload), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::caseload-threshold-adolescence",
                           G_CALLBACK (fh_page_reload), self, G_CONNECT_SWAPPED);
}
