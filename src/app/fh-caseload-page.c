/* fh-caseload-page.c — Core and Adolescence caseloads per worker
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Open episodes per worker as at a chosen date (by default the day before
 * the data was extracted): a card per service (median, mean, range and the
 * workers above that service's threshold), every worker as a dot in a strip
 * plot, a what-if for added or removed FTE, and the table of workers. More
 * sections are appended at the end of content_box.
 */
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "fh-caseload-card.h"
#include "fh-caseload-distribution.h"
#include "fh-caseload-page.h"
#include "fh-caseload-stats.h"
#include "fh-caseload-whatif-panel.h"
#include "fh-caseload-trend.h"
#include "fh-caseload-waiting.h"
#include "fh-front-door.h"
#include "fh-routing-check.h"
#include "fh-caseload-queries.h"
#include "fh-service-caseload.h"
#include "fh-session-privileges.h"
#include "fh-team-bar-chart.h"
#include "fh-team-caseload.h"
#include "fh-chart-table.h"
#include "fh-chart-view.h"
#include "fh-chart-theme.h"
#include "fh-filter.h"
#include "fh-settings.h"
#include "fh-table.h"
#include "fh-worker-table.h"

#define N_SERVICES G_N_ELEMENTS (fh_caseload_services)

struct _FhCaseloadPage
{
  FhPage                  parent_instance;

  GtkLabel               *as_at_label;
  GtkMenuButton          *date_button;
  GtkCalendar            *calendar;
  GtkLabel               *figures[N_SERVICES];
  GtkLabel               *details[N_SERVICES];
  FhCaseloadDistribution *distribution;
  FhCaseloadWhatIfPanel  *whatif;
  FhChartView            *team_view;
  FhTeamBarChart         *team_chart;
  GtkGrid                *worker_grid;
  GtkBox                 *content_box;
  FhCaseloadWaiting      *waiting_section;
  FhCaseloadTrend        *trend_section;
  FhFrontDoor            *front_door_section;
  FhRoutingCheck         *routing_section;

  GSettings              *settings;
  GDateTime              *as_at;
  GDateTime              *chosen;      /* a date the user picked; NULL: the default */
  double                  thresholds[N_SERVICES];
  GPtrArray              *rows;
  GPtrArray              *services;
  GPtrArray              *teams;
  gboolean                names_allowed; /* fh_manager: worker display names */
  GHashTable             *names;         /* worker_ref → display name */
  GCancellable           *names_cancellable;
};

G_DEFINE_FINAL_TYPE (FhCaseloadPage, fh_caseload_page, FH_TYPE_PAGE)

static void
read_thresholds (FhCaseloadPage *self)
{
  for (guint s = 0; s < N_SERVICES; s++)
    self->thresholds[s] = g_settings_get_double (self->settings, fh_caseload_threshold_key (fh_caseload_services[s]));
}

static FhServiceCaseload *
find_service (GPtrArray *services, const char *service)
{
  for (guint i = 0; services != NULL && i < services->len; i++)
    if (g_strcmp0 (((FhServiceCaseload *) g_ptr_array_index (services, i))->service, service) == 0)
      return g_ptr_array_index (services, i);
  return NULL;
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

static gboolean
finish_privileges (FhCaseloadPage *self, GObject *source, GAsyncResult *result, GError **error)
{
  g_autoptr(FhSessionPrivileges) privileges = fh_database_session_privileges_finish (FH_DATABASE (source),
                                                                                     result, error);

  self->names_allowed = privileges != NULL && privileges->exact_allowed;
  return privileges != NULL;
}

static gboolean
finish_teams (FhCaseloadPage *self, GObject *source, GAsyncResult *result, GError **error)
{
  g_clear_pointer (&self->teams, g_ptr_array_unref);
  self->teams = fh_database_team_caseloads_finish (FH_DATABASE (source), result, error);
  return self->teams != NULL;
}

/* Team bars, services in the page's order, each coloured as in the strip plot. */
static void
show_teams (FhCaseloadPage *self, const char *caption)
{
  int groups[N_SERVICES] = { -1, -1, -1 };
  guint above = 0, rows = 0;
  g_autofree char *title = NULL;

  fh_team_bar_chart_clear (self->team_chart);
  for (guint s = 0; s < N_SERVICES; s++)
    for (guint i = 0; i < self->teams->len; i++)
      {
        FhTeamCaseload *t = g_ptr_array_index (self->teams, i);

        if (g_strcmp0 (t->service, fh_caseload_services[s]) != 0 || t->workers == 0)
          continue;
        if (groups[s] < 0)
          groups[s] = fh_team_bar_chart_add_group (self->team_chart, fh_caseload_service_label (t->service),
                                                   self->thresholds[s]);
        fh_team_bar_chart_add_row (self->team_chart, groups[s], t->team_name, t->locality,
                                   t->open_episodes, t->fte, t->episodes_per_fte);
        above += fh_team_bar_chart_row_is_above (self->team_chart, rows++);
      }
  title = g_strdup_printf (g_dngettext (NULL, "%u team above its service's threshold per FTE",
                                        "%u teams above their service's threshold per FTE", above), above);
  fh_chart_set_title (FH_CHART (self->team_chart), title);
  fh_chart_set_caption (FH_CHART (self->team_chart), caption);
  gtk_widget_set_size_request (GTK_WIDGET (self->team_view), 320, 200 + 45 * rows);
}

/* Everything that depends on the thresholds as well as the figures: shown
 * again without asking the database when a threshold changes. */
static void
show_figures (FhCaseloadPage *self)
{
  g_autofree char *day = NULL, *as_at = NULL, *caption = NULL;

  day = g_date_time_format (self->as_at, "%e %B %Y");
  g_strstrip (day);
  as_at = g_strdup_printf (_("Open episodes held by each worker in post on %s, per full-time "
                             "equivalent (FTE). ▲ marks a worker above their service's threshold."), day);
  gtk_label_set_text (self->as_at_label, as_at);
  gtk_menu_button_set_label (self->date_button, day);
  for (guint s = 0; s < N_SERVICES; s++)
    fh_caseload_card_show (self->figures[s], self->details[s], self->rows,
                           find_service (self->services, fh_caseload_services[s]),
                           fh_caseload_services[s], self->thresholds[s]);

  /* Translators: the strip plot's caption */
  caption = g_strdup_printf (_("Source: case management data, open episodes held on %s by workers in "
                               "post, per FTE to one decimal. Caseloads of 1 to 5 (and those that would "
                               "reveal them) are withheld, shown as c. Thresholds are local settings."), day);
  fh_caseload_distribution_show (self->distribution, self->rows, self->thresholds, caption);
  show_teams (self, caption);
  fh_caseload_whatif_panel_set_workers (self->whatif, self->rows, self->thresholds);
  fh_worker_table_fill (self->worker_grid, self->rows, self->names, self->thresholds);
}

/* A manager's connection may read the workers' names (a reader's never
 * can: reporting.worker_names refuses it); they join the references in the
 * worker table when they come. */
static void
on_names (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(FhCaseloadPage) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = fh_database_worker_names_finish (FH_DATABASE (source), result, &error);

  if (rows == NULL)
    {
      g_debug ("worker names: %s", error->message);
      return;
    }
  g_clear_pointer (&self->names, g_hash_table_unref);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < rows->len; i++)
    {
      FhWorkerName *n = g_ptr_array_index (rows, i);

      if (n->display_name != NULL)
        g_hash_table_insert (self->names, g_strdup (n->worker_ref), g_strdup (n->display_name));
    }
  if (self->rows != NULL)
    fh_worker_table_fill (self->worker_grid, self->rows, self->names, self->thresholds);
}

static void
fh_caseload_page_loaded (FhPage *page)
{
  FhCaseloadPage *self = FH_CASELOAD_PAGE (page);

  g_cancellable_cancel (self->names_cancellable);
  g_clear_object (&self->names_cancellable);
  g_clear_pointer (&self->names, g_hash_table_unref);
  if (self->names_allowed)
    {
      self->names_cancellable = g_cancellable_new ();
      fh_database_worker_names_async (fh_page_get_database (page), fh_page_get_authority_id (page), self->as_at,
                                      self->names_cancellable, on_names, g_object_ref (self));
    }

  if (self->rows->len == 0)
    {
      fh_page_show_empty (page, _("No workers are recorded as in post on this date."));
      return;
    }
  show_figures (self);
  fh_page_show_content (page);
}

static void
on_threshold_changed (FhCaseloadPage *self)
{
  read_thresholds (self);
  if (self->rows != NULL && self->rows->len > 0
      && fh_page_get_state (FH_PAGE (self)) == FH_DATA_VIEW_CONTENT)
    show_figures (self);
}

static void
fh_caseload_page_load (FhPage *page)
{
  FhCaseloadPage *self = FH_CASELOAD_PAGE (page);
  /* the data's extraction date stands for "today": what is complete is
   * what the data covers, whatever the clock says */
  g_autoptr(GDateTime) today = fh_page_dup_reference_date (page);
  g_autoptr(GDateTime) latest = g_date_time_add_days (today, -1);

  g_clear_pointer (&self->as_at, g_date_time_unref);
  if (self->chosen != NULL && g_date_time_compare (self->chosen, latest) <= 0)
    self->as_at = g_date_time_ref (self->chosen);
  else
    self->as_at = g_date_time_ref (latest);
  read_thresholds (self);

  fh_database_caseloads_async (fh_page_get_database (page), fh_page_get_authority_id (page), self->as_at,
                               FH_PAGE_QUERY (self, "caseloads", finish_caseloads));
  /* the threshold here only feeds above_threshold, which the page counts
   * itself per service: any valid value will do */
  fh_database_service_caseloads_async (fh_page_get_database (page), fh_page_get_authority_id (page),
                                       self->as_at, self->thresholds[0],
                                       FH_PAGE_QUERY (self, "service-caseloads", finish_services));
  fh_database_team_caseloads_async (fh_page_get_database (page), fh_page_get_authority_id (page), self->as_at,
                                    FH_PAGE_QUERY (self, "team-caseloads", finish_teams));
  fh_database_session_privileges_async (fh_page_get_database (page),
                                        FH_PAGE_QUERY (self, "session_privileges", finish_privileges));
  fh_caseload_waiting_load (self->waiting_section, page, self->as_at);
  fh_caseload_trend_load (self->trend_section, page, self->as_at);
  fh_front_door_load (self->front_door_section, page, self->as_at);
  fh_routing_check_load (self->routing_section, page, self->as_at);
}

static void
fh_caseload_page_invalidate (FhPage *page)
{
  /* another database or authority: its own default date */
  g_clear_pointer (&FH_CASELOAD_PAGE (page)->chosen, g_date_time_unref);
}

void
fh_caseload_page_set_as_at (FhCaseloadPage *self,
                            GDateTime      *date)
{
  g_return_if_fail (FH_IS_CASELOAD_PAGE (self));

  g_clear_pointer (&self->chosen, g_date_time_unref);
  if (date != NULL)
    self->chosen = fh_date_new (g_date_time_get_year (date), g_date_time_get_month (date),
                                g_date_time_get_day_of_month (date));
  fh_page_reload (FH_PAGE (self));
}

GDateTime *
fh_caseload_page_get_as_at (FhCaseloadPage *self)
{
  g_return_val_if_fail (FH_IS_CASELOAD_PAGE (self), NULL);
  return self->as_at;
}

const char *
fh_caseload_page_get_worker_cell (FhCaseloadPage *self,
                                  const char     *worker_ref)
{
  g_return_val_if_fail (FH_IS_CASELOAD_PAGE (self), NULL);
  g_return_val_if_fail (worker_ref != NULL, NULL);

  for (int row = 1; ; row++)
    {
      GtkWidget *cell = gtk_grid_get_child_at (self->worker_grid, 0, row);
      const char *text;

      if (cell == NULL)
        return NULL;
      text = gtk_label_get_text (GTK_LABEL (cell));
      if (g_str_has_prefix (text, worker_ref)
          && (text[strlen (worker_ref)] == '\0' || text[strlen (worker_ref)] == ' '))
        return text;
    }
}

const char *
fh_caseload_page_get_card_details (FhCaseloadPage *self,
                                   const char     *service)
{
  g_return_val_if_fail (FH_IS_CASELOAD_PAGE (self), NULL);

  for (guint s = 0; s < N_SERVICES; s++)
    if (g_strcmp0 (service, fh_caseload_services[s]) == 0)
      return gtk_label_get_text (self->details[s]);
  return NULL;
}

FhCaseloadDistribution *
fh_caseload_page_get_distribution (FhCaseloadPage *self)
{
  g_return_val_if_fail (FH_IS_CASELOAD_PAGE (self), NULL);
  return self->distribution;
}

FhTeamBarChart *
fh_caseload_page_get_team_chart (FhCaseloadPage *self)
{
  g_return_val_if_fail (FH_IS_CASELOAD_PAGE (self), NULL);
  return self->team_chart;
}

FhCaseloadWhatIfPanel *
fh_caseload_page_get_whatif (FhCaseloadPage *self)
{
  g_return_val_if_fail (FH_IS_CASELOAD_PAGE (self), NULL);
  return self->whatif;
}

static void
on_day_selected (GtkCalendar *calendar, FhCaseloadPage *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (calendar);

  gtk_menu_button_popdown (self->date_button);
  fh_caseload_page_set_as_at (self, picked);
}

static void
latest_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  fh_caseload_page_set_as_at (FH_CASELOAD_PAGE (widget), NULL);
}

static void
on_date_popup (GtkPopover *popover, FhCaseloadPage *self)
{
  if (self->as_at != NULL)
    {
      g_signal_handlers_block_by_func (self->calendar, on_day_selected, self);
      gtk_calendar_select_day (self->calendar, self->as_at);
      g_signal_handlers_unblock_by_func (self->calendar, on_day_selected, self);
    }
}

GtkBox *
fh_caseload_page_get_content_box (FhCaseloadPage *self)
{
  g_return_val_if_fail (FH_IS_CASELOAD_PAGE (self), NULL);
  return self->content_box;
}

static void
fh_caseload_page_dispose (GObject *object)
{
  FhCaseloadPage *self = FH_CASELOAD_PAGE (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->as_at, g_date_time_unref);
  g_clear_pointer (&self->chosen, g_date_time_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->services, g_ptr_array_unref);
  g_clear_pointer (&self->teams, g_ptr_array_unref);
  g_cancellable_cancel (self->names_cancellable);
  g_clear_object (&self->names_cancellable);
  g_clear_pointer (&self->names, g_hash_table_unref);

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
  page_class->invalidate = fh_caseload_page_invalidate;

  g_type_ensure (FH_TYPE_CASELOAD_DISTRIBUTION);
  g_type_ensure (FH_TYPE_CASELOAD_WHATIF_PANEL);
  g_type_ensure (FH_TYPE_CHART_VIEW);
  g_type_ensure (FH_TYPE_TEAM_BAR_CHART);
  g_type_ensure (FH_TYPE_CASELOAD_WAITING);
  g_type_ensure (FH_TYPE_CASELOAD_TREND);
  g_type_ensure (FH_TYPE_FRONT_DOOR);
  g_type_ensure (FH_TYPE_ROUTING_CHECK);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/familyhelp/Dashboard/fh-caseload-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FhCaseloadPage, as_at_label);
  gtk_widget_class_bind_template_child (widget_class, FhCaseloadPage, date_button);
  gtk_widget_class_bind_template_child (widget_class, FhCaseloadPage, calendar);
  gtk_widget_class_bind_template_child_full (widget_class, "core_figure", FALSE,
                                             G_STRUCT_OFFSET (FhCaseloadPage, figures[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "core_label", FALSE,
                                             G_STRUCT_OFFSET (FhCaseloadPage, details[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "adolescence_figure", FALSE,
                                             G_STRUCT_OFFSET (FhCaseloadPage, figures[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "adolescence_label", FALSE,
                                             G_STRUCT_OFFSET (FhCaseloadPage, details[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "early_figure", FALSE,
                                             G_STRUCT_OFFSET (FhCaseloadPage, figures[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "early_label", FALSE,
                                             G_STRUCT_OFFSET (FhCaseloadPage, details[2]));
  gtk_widget_class_bind_template_child (widget_class, FhCaseloadPage, distribution);
  gtk_widget_class_bind_template_child (widget_class, FhCaseloadPage, whatif);
  gtk_widget_class_bind_template_child (widget_class, FhCaseloadPage, team_view);
  gtk_widget_class_bind_template_child (widget_class, FhCaseloadPage, team_chart);
  gtk_widget_class_bind_template_child (widget_class, FhCaseloadPage, worker_grid);
  gtk_widget_class_bind_template_child (widget_class, FhCaseloadPage, content_box);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_date_popup);
  gtk_widget_class_install_action (widget_class, "caseload.latest", NULL, latest_activated);
  gtk_widget_class_bind_template_child (widget_class, FhCaseloadPage, waiting_section);
  gtk_widget_class_bind_template_child (widget_class, FhCaseloadPage, trend_section);
  gtk_widget_class_bind_template_child (widget_class, FhCaseloadPage, front_door_section);
  gtk_widget_class_bind_template_child (widget_class, FhCaseloadPage, routing_section);
}

/* Every chart on the page (its own and its sections') framed as a chart:
 * collected first, as adding the toggle moves the view. */
static void
collect_framed_charts (GtkWidget *widget, GPtrArray *views)
{
  if (FH_IS_CHART_VIEW (widget) && GTK_IS_FRAME (gtk_widget_get_parent (widget)))
    g_ptr_array_add (views, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_framed_charts (c, views);
}

static void
fh_caseload_page_init (FhCaseloadPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  {
    g_autoptr(GPtrArray) views = g_ptr_array_new ();

    /* "Show as table" on every chart, as on the demand page */
    collect_framed_charts (GTK_WIDGET (self->content_box), views);
    for (guint i = 0; i < views->len; i++)
      fh_chart_table_add_toggle (g_ptr_array_index (views, i));
  }
  self->settings = fh_settings_new ();
  read_thresholds (self);
  /* a new threshold flags other workers: show the same figures again */
  for (guint s = 0; s < N_SERVICES; s++)
    {
      g_autofree char *signal = g_strconcat ("changed::", fh_caseload_threshold_key (fh_caseload_services[s]), NULL);

      g_signal_connect_object (self->settings, signal, G_CALLBACK (on_threshold_changed), self, G_CONNECT_SWAPPED);
    }
}
