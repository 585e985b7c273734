/* fh-caseload-page.c — Core and Adolescence caseloads per worker
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Open episodes per worker as at the day the data was extracted up to
 * (yesterday at most): Core beside Adolescence, and every worker's caseload
 * per FTE against the safe-caseload threshold.
 */
#include <glib/gi18n.h>
#include <math.h>

#include "fh-caseload-page.h"
#include "fh-caseload-trend.h"
#include "fh-caseload-waiting.h"
#include "fh-front-door.h"
#include "fh-routing-check.h"
#include "fh-service-caseload.h"
#include "fh-chart-theme.h"
#include "fh-filter.h"
#include "fh-settings.h"
#include "fh-table.h"

struct _FhCaseloadPage
{
  FhPage        parent_instance;

  GtkLabel     *as_at_label;
  GtkLabel     *core_figure;
  GtkLabel     *core_label;
  GtkLabel     *adolescence_figure;
  GtkLabel     *adolescence_label;
  GtkLabel     *early_figure;
  GtkLabel     *early_label;
  GtkGrid      *worker_grid;
  FhCaseloadWaiting *waiting_section;
  FhCaseloadTrend   *trend_section;
  FhFrontDoor       *front_door_section;
  FhRoutingCheck    *routing_section;

  GSettings    *settings;
  GDateTime    *as_at;
  double        threshold;
  GPtrArray    *rows;
  GPtrArray    *services;
};

G_DEFINE_FINAL_TYPE (FhCaseloadPage, fh_caseload_page, FH_TYPE_PAGE)

/* One service's card: the open episodes per FTE across the service as the
 * figure, then workers, median, highest and how many are above the threshold. */
/* A figure the reporting layer withheld (it would give a suppressed
 * caseload away) shows as "c", like the count it protects. */
static char *
format_withheld (double value)
{
  return isnan (value) ? g_strdup (FH_FORMAT_SUPPRESSED) : fh_format_number (value, 1);
}

/* One service's card, from reporting.caseload_by_service: counted in SQL
 * from exact per-worker caseloads, so a reader sees the same medians as a
 * manager even where single workers' caseloads are suppressed. */
static void
describe_service (GPtrArray  *services,
                  const char *service,
                  double      threshold,
                  GtkLabel   *figure,
                  GtkLabel   *details)
{
  FhServiceCaseload *s = NULL;
  g_autofree char *per_fte = NULL, *median = NULL, *max = NULL, *fte = NULL, *above = NULL, *text = NULL;

  for (guint i = 0; i < services->len && s == NULL; i++)
    if (g_strcmp0 (((FhServiceCaseload *) g_ptr_array_index (services, i))->service, service) == 0)
      s = g_ptr_array_index (services, i);
  if (s == NULL || s->workers == 0)
    {
      gtk_label_set_text (figure, FH_FORMAT_MISSING);
      gtk_label_set_text (details, _("No workers in post"));
      return;
    }

  per_fte = s->open_episodes == FH_COUNT_SUPPRESSED ? g_strdup (FH_FORMAT_SUPPRESSED)
                                                    : fh_format_number (s->episodes_per_fte, 1);
  median = format_withheld (s->median_per_fte);
  max = format_withheld (s->max_per_fte);
  fte = fh_format_number (s->fte, 1);
  above = fh_format_count (s->above_threshold);
  /* Translators: a card's details, one item a line; the last line counts the
   * workers above the safe caseload threshold, e.g. "10 above 20 per FTE" */
  text = g_strdup_printf (_("%u workers (%s FTE)\n"
                            "Median %s, highest %s per FTE\n"
                            "<b>%s above %.0f per FTE</b>"),
                          s->workers, fte, median, max, above, threshold);
  gtk_label_set_text (figure, per_fte);
  gtk_label_set_markup (details, text);
}

static const char *
service_label (const char *service)
{
  if (g_strcmp0 (service, "core") == 0)
    return C_("service", "Core");
  if (g_strcmp0 (service, "adolescence") == 0)
    return C_("service", "Adolescence");
  if (g_strcmp0 (service, "early") == 0)
    return C_("service", "Early Help");
  return service ? service : "";
}

static gboolean
finish_caseloads (FhCaseloadPage *self, GObject *source, GAsyncResult *result, GError **error)
{
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->rows = fh_database_caseloads_finish (FH_DATABASE (source), result, error);
  return self->rows != NULL;
}

static gboolean
finish_services (FhCaseloadPage *self, GObject *source, GAsyncResult *result, GError **error)
{
  g_clear_pointer (&self->services, g_ptr_array_unref);
  self->services = fh_database_service_caseloads_finish (FH_DATABASE (source), result, error);
  return self->services != NULL;
}

static void
fh_caseload_page_loaded (FhPage *page)
{
  FhCaseloadPage *self = FH_CASELOAD_PAGE (page);
  GPtrArray *rows = self->rows;
  static const FhColumnKind kinds[] = { FH_COLUMN_TEXT, FH_COLUMN_TEXT, FH_COLUMN_TEXT,
                                        FH_COLUMN_TEXT, FH_COLUMN_NUMBER, FH_COLUMN_NUMBER,
                                        FH_COLUMN_NUMBER };
  const char *headers[] = { _("Worker"), _("Team"), _("Service"), _("Locality"), _("FTE"),
                            _("Open episodes"), _("Per FTE") };
  g_autofree char *day = NULL, *as_at = NULL;

  if (rows->len == 0)
    {
      fh_page_show_empty (page, _("No workers are recorded as in post on this date."));
      return;
    }

  day = g_date_time_format (self->as_at, "%e %B %Y");
  as_at = g_strdup_printf (_("Open episodes held by each worker on %s. Safe caseload threshold: %.0f per FTE; "
                             "▲ in bold marks a worker above it."),
                           g_strstrip (day), self->threshold);
  gtk_label_set_text (self->as_at_label, as_at);
  describe_service (self->services, "core", self->threshold, self->core_figure, self->core_label);
  describe_service (self->services, "adolescence", self->threshold, self->adolescence_figure, self->adolescence_label);
  describe_service (self->services, "early", self->threshold, self->early_figure, self->early_label);

  fh_table_reset (self->worker_grid, headers, kinds, G_N_ELEMENTS (headers));
  for (guint i = 0; i < rows->len; i++)
    {
      FhWorkerCaseload *c = g_ptr_array_index (rows, i);
      g_autofree char *fte = fh_format_number (c->fte, 2);
      g_autofree char *open = fh_format_count (c->open_episodes);
      g_autofree char *per = fh_format_rate (c->episodes_per_fte, c->open_episodes, 1);
      const char *cells[] = { c->worker_ref, c->team_name, service_label (c->service),
                              c->locality ? c->locality : "", fte, open, per };
      GtkWidget *first = fh_table_add_row (self->worker_grid, i, cells, kinds, G_N_ELEMENTS (cells));

      /* Above the threshold: bold and marked, not only coloured. */
      if (c->episodes_per_fte > self->threshold)
        {
          GtkWidget *last = gtk_grid_get_child_at (self->worker_grid, G_N_ELEMENTS (cells) - 1, i + 1);
          g_autofree char *marked = g_strdup_printf ("▲ %s", per);

          gtk_label_set_text (GTK_LABEL (last), marked);
          gtk_widget_add_css_class (last, "over-threshold");
          gtk_widget_add_css_class (first, "over-threshold");
        }
    }
  fh_page_show_content (page);
}

static void
fh_caseload_page_load (FhPage *page)
{
  FhCaseloadPage *self = FH_CASELOAD_PAGE (page);
  /* the data's extraction date stands for "today": what is complete is
   * what the data covers, whatever the clock says */
  g_autoptr(GDateTime) today = fh_page_dup_reference_date (page);

  g_clear_pointer (&self->as_at, g_date_time_unref);
  self->as_at = g_date_time_add_days (today, -1);
  self->threshold = g_settings_get_double (self->settings, "caseload-threshold");

  fh_database_caseloads_async (fh_page_get_database (page), fh_page_get_authority_id (page), self->as_at,
                               FH_PAGE_QUERY (self, "caseloads", finish_caseloads));
  fh_database_service_caseloads_async (fh_page_get_database (page), fh_page_get_authority_id (page),
                                       self->as_at, self->threshold,
                                       FH_PAGE_QUERY (self, "service-caseloads", finish_services));
  fh_caseload_waiting_load (self->waiting_section, page, self->as_at);
  fh_caseload_trend_load (self->trend_section, page, self->as_at);
  fh_front_door_load (self->front_door_section, page, self->as_at);
  fh_routing_check_load (self->routing_section, page, self->as_at);
}

static void
fh_caseload_page_dispose (GObject *object)
{
  FhCaseloadPage *self = FH_CASELOAD_PAGE (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->as_at, g_date_time_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->services, g_ptr_array_unref);

  G_OBJECT_CLASS (fh_caseload_page_parent_class)->dispose (object);
}

static void
fh_caseload_page_class_init (FhCaseloadPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  FhPageClass *page_class = FH_PAGE_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = fh_caseload_page_dispose;
  page_class->load = fh_caseload_page_load;
  page_class->loaded = fh_caseload_page_loaded;

  g_type_ensure (FH_TYPE_CASELOAD_WAITING);
  g_type_ensure (FH_TYPE_CASELOAD_TREND);
  g_type_ensure (FH_TYPE_FRONT_DOOR);
  g_type_ensure (FH_TYPE_ROUTING_CHECK);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/familyhelp/Dashboard/fh-caseload-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FhCaseloadPage, as_at_label);
  gtk_widget_class_bind_template_child (widget_class, FhCaseloadPage, core_figure);
  gtk_widget_class_bind_template_child (widget_class, FhCaseloadPage, core_label);
  gtk_widget_class_bind_template_child (widget_class, FhCaseloadPage, adolescence_figure);
  gtk_widget_class_bind_template_child (widget_class, FhCaseloadPage, adolescence_label);
  gtk_widget_class_bind_template_child (widget_class, FhCaseloadPage, early_figure);
  gtk_widget_class_bind_template_child (widget_class, FhCaseloadPage, early_label);
  gtk_widget_class_bind_template_child (widget_class, FhCaseloadPage, worker_grid);
  gtk_widget_class_bind_template_child (widget_class, FhCaseloadPage, waiting_section);
  gtk_widget_class_bind_template_child (widget_class, FhCaseloadPage, trend_section);
  gtk_widget_class_bind_template_child (widget_class, FhCaseloadPage, front_door_section);
  gtk_widget_class_bind_template_child (widget_class, FhCaseloadPage, routing_section);
}

static void
fh_caseload_page_init (FhCaseloadPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = fh_settings_new ();
  self->threshold = g_settings_get_double (self->settings, "caseload-threshold");
  /* a new threshold flags other workers: ask again */
  g_signal_connect_object (self->settings, "changed::caseload-threshold",
                           G_CALLBACK (fh_page_reload), self, G_CONNECT_SWAPPED);
}
