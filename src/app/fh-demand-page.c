/* fh-demand-page.c — demand for Family Help by ward
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A measure (referrals, episodes started, episodes open at the period end),
 * as a count or a rate per 10,000 children, for a period compared with the
 * same period a year earlier, filtered by level, service, need, source and
 * age band (the filter bar; the logic is fh-demand-query.c). Shown as a
 * headline, a map and a ranked bar chart that share one selected ward, the
 * trend, the ward's profile beside a scatter of every ward, and the ward
 * table. Every figure comes from the reporting layer; a new choice cancels
 * the load it supersedes, so its late results are dropped.
 */
#include <glib/gi18n.h>

#include "fh-bar-chart.h"
#include "fh-chart-table.h"
#include "fh-chart-view.h"
#include "fh-demand-charts.h"
#include "fh-demand-filter-bar.h"
#include "fh-demand-headline.h"
#include "fh-data-completeness.h"
#include "fh-demand-measures.h"
#include "fh-demand-page.h"
#include "fh-chart-export-actions.h"
#include "fh-demand-trend.h"
#include "fh-map-chart.h"
#include "fh-scatter-chart.h"
#include "fh-settings.h"
#include "fh-ward-profile-view.h"
#include "fh-ward-table.h"

struct _FhDemandPage
{
  FhPage              parent_instance;

  FhDemandFilterBar  *filter_bar;
  FhDemandHeadline   *headline;
  FhChartView        *map_view;
  FhChartView        *bar_view;
  FhChartView        *scatter_view;
  FhChartView        *funnel_view;
  FhMapChart         *map;
  FhBarChart         *bars;
  FhScatterChart     *scatter;
  FhScatterChart     *funnel;
  FhDemandTrend      *trend;
  FhWardProfileView  *profile;
  FhWardTable        *ward_table;
  GtkLabel           *completeness_label;

  GSettings          *settings;
  FhDemandChoices     choices;
  FhPeriod           *period;
  FhPeriod           *previous_period;
  GPtrArray          *profiles;
  GPtrArray          *wards;
  GPtrArray          *wards_before;
  FhWardDemand       *city;
  FhWardDemand       *city_before;
  FhQueryGroup       *needs_queries;
  GPtrArray          *needs;
  GPtrArray          *completeness;
  char               *selected;
};

G_DEFINE_FINAL_TYPE (FhDemandPage, fh_demand_page, FH_TYPE_PAGE)

/* What the charts are drawn from; valid until the next load or choice. */
static FhDemandFigures
figures_of (FhDemandPage *self, GDateTime *extracted)
{
  return (FhDemandFigures) {
    .choices = &self->choices,
    .period = self->period,
    .wards = self->wards,
    .profiles = self->profiles,
    .city = self->city,
    .extracted = extracted,
    .selected = self->selected,
  };
}

/* ---- the selected ward ------------------------------------------------------ */

static void
show_profile (FhDemandPage *self)
{
  g_autoptr(GDateTime) extracted = fh_page_dup_reference_date (FH_PAGE (self));
  FhDemandFigures figures = figures_of (self, extracted);
  guint rank = fh_demand_charts_show_deprivation (&figures, self->scatter);

  fh_demand_charts_show_funnel (&figures, self->funnel);
  fh_ward_profile_view_show (self->profile, fh_ward_profile_find (self->profiles, self->selected),
                             fh_ward_demand_find (self->wards, self->selected), rank,
                             self->wards ? self->wards->len : 0, self->needs);
}

static gboolean
finish_needs (FhDemandPage *self, GObject *source, GAsyncResult *result, GError **error)
{
  g_clear_pointer (&self->needs, g_ptr_array_unref);
  self->needs = fh_database_top_needs_finish (FH_DATABASE (source), result, error);
  return self->needs != NULL;
}

static void
needs_done (gpointer owner, const GError *error)
{
  show_profile (FH_DEMAND_PAGE (owner));
}

static void
load_needs (FhDemandPage *self)
{
  FhDatabase *database = fh_page_get_database (FH_PAGE (self));

  fh_query_group_restart (self->needs_queries);
  g_clear_pointer (&self->needs, g_ptr_array_unref);
  if (database == NULL || self->period == NULL || self->selected == NULL || !*self->selected)
    return;
  fh_database_top_needs_async (database, fh_page_get_authority_id (FH_PAGE (self)), self->selected,
                               self->period->from, self->period->to,
                               FH_QUERY (self->needs_queries, "top_needs", (FhQueryFinishFunc) finish_needs));
}

static void
update_selection (FhDemandPage *self)
{
  FhWardDemand *ward = fh_ward_demand_find (self->wards, self->selected);
  int index = -1;

  for (guint i = 0; self->wards != NULL && i < self->wards->len; i++)
    if (g_ptr_array_index (self->wards, i) == ward)
      index = i;
  fh_bar_chart_set_highlight (self->bars, index);
  fh_map_chart_set_selected (self->map, self->selected);
  fh_demand_trend_set_names (self->trend, ward ? ward->ward_name : self->selected,
                             self->city ? self->city->ward_name : NULL);
}

void
fh_demand_page_select_ward (FhDemandPage *self,
                            const char   *ward_code)
{
  FhDatabase *database;

  g_return_if_fail (FH_IS_DEMAND_PAGE (self));

  g_free (self->selected);
  self->selected = g_strdup (ward_code);
  g_settings_set_string (self->settings, "demand-selected-ward", ward_code ? ward_code : "");
  database = fh_page_get_database (FH_PAGE (self));
  if (database != NULL)
    {
      g_autoptr(GDateTime) today = fh_page_dup_reference_date (FH_PAGE (self));

      fh_demand_trend_load (self->trend, database, fh_page_get_authority_id (FH_PAGE (self)), self->selected,
                            today);
    }
  update_selection (self);
  /* the last ward's needs go first: never shown under this ward's name */
  load_needs (self);
  if (self->wards != NULL)
    show_profile (self);
}

/* ---- showing results -------------------------------------------------------- */

/* What the figures leave out, in words, under the table. */
static void
show_completeness (FhDemandPage *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *period = fh_period_get_label (self->period);

  for (guint i = 0; self->completeness != NULL && i < self->completeness->len; i++)
    {
      g_autofree char *line = fh_completeness_item_describe (g_ptr_array_index (self->completeness, i));

      if (line != NULL)
        g_string_append_printf (text, "%s%s", text->len ? "; " : "", line);
    }
  /* an empty selectable label would be a nameless stop for the keyboard */
  gtk_widget_set_visible (GTK_WIDGET (self->completeness_label), text->len > 0);
  if (text->len == 0)
    {
      gtk_label_set_text (self->completeness_label, "");
      return;
    }
  {
    /* Translators: "What these figures leave out, 2025-26: 23 of 12,836 referrals …." */
    g_autofree char *intro = g_strdup_printf (_("What these figures leave out, %s: "), period);
    g_string_prepend (text, intro);
  }
  g_string_append_c (text, '.');
  gtk_label_set_text (self->completeness_label, text->str);
}

static void
show_results (FhDemandPage *self)
{
  if (self->wards->len == 0)
    {
      fh_page_show_empty (FH_PAGE (self), _("This authority has no wards in the database."));
      return;
    }
  fh_demand_headline_show (self->headline, &self->choices, self->period, self->previous_period,
                           self->city, self->city_before);
  {
    g_autoptr(GDateTime) extracted = fh_page_dup_reference_date (FH_PAGE (self));
    FhDemandFigures figures = figures_of (self, extracted);

    /* a map style the data cannot draw is not offered */
    fh_demand_filter_bar_set_boundaries_available (self->filter_bar,
                                                   fh_demand_charts_show_ranking (&figures, self->map, self->bars));
  }
  update_selection (self);
  fh_ward_table_show (self->ward_table, &self->choices, self->previous_period, self->wards,
                      self->wards_before, self->city, self->city_before);
  show_profile (self);
  show_completeness (self);
  fh_page_show_content (FH_PAGE (self));
  g_debug ("demand page: figures shown");
}

/* ---- queries ---------------------------------------------------------------- */

static gboolean
finish_completeness (FhDemandPage *self, GObject *source, GAsyncResult *result, GError **error)
{
  g_clear_pointer (&self->completeness, g_ptr_array_unref);
  self->completeness = fh_database_completeness_finish (FH_DATABASE (source), result, error);
  return self->completeness != NULL;
}

#define DEFINE_ARRAY_FINISH(name, finish, field)                                    \
  static gboolean name (FhDemandPage *self, GObject *source, GAsyncResult *result, GError **error) \
  {                                                                                 \
    g_clear_pointer (&self->field, g_ptr_array_unref);                              \
    self->field = finish (FH_DATABASE (source), result, error);                     \
    return self->field != NULL;                                                     \
  }

DEFINE_ARRAY_FINISH (finish_profiles, fh_database_ward_profiles_finish, profiles)

/* One call of reporting.demand_measures gives every measure, for the
 * period and a year earlier, for the wards and the authority. */
static gboolean
finish_figures (FhDemandPage *self, GObject *source, GAsyncResult *result, GError **error)
{
  g_autoptr(GPtrArray) figures = fh_database_demand_measures_finish (FH_DATABASE (source), result, error);

  if (figures == NULL)
    return FALSE;
  g_clear_pointer (&self->wards, g_ptr_array_unref);
  g_clear_pointer (&self->wards_before, g_ptr_array_unref);
  g_clear_pointer (&self->city, fh_ward_demand_free);
  g_clear_pointer (&self->city_before, fh_ward_demand_free);
  fh_demand_figures_to_wards (figures, FALSE, &self->wards, &self->city);
  fh_demand_figures_to_wards (figures, TRUE, &self->wards_before, &self->city_before);
  if (self->city == NULL || self->city_before == NULL)
    {
      g_set_error_literal (error, FH_DATABASE_ERROR, FH_DATABASE_ERROR_QUERY,
                           _("The database returned no authority figure."));
      return FALSE;
    }
  return TRUE;
}

static void
fh_demand_page_load (FhPage *page)
{
  FhDemandPage *self = FH_DEMAND_PAGE (page);
  FhDatabase *database = fh_page_get_database (page);
  int authority_id = fh_page_get_authority_id (page);
  /* the data's extraction date stands for "today": what is complete is
   * what the data covers, whatever the clock says */
  g_autoptr(GDateTime) today = fh_page_dup_reference_date (page);
  g_autoptr(FhPeriod) period = NULL;
  g_autoptr(FhDemandFilter) filter = NULL;

  fh_demand_filter_bar_get_choices (self->filter_bar, &self->choices);
  period = fh_demand_choices_get_period (&self->choices, today);
  fh_demand_filter_bar_set_range_valid (self->filter_bar, period != NULL || self->choices.period != FH_DEMAND_PERIOD_CUSTOM);
  if (period == NULL)
    {
      fh_page_show_empty (page, _("Enter a custom range as two dates, YYYY-MM-DD, and press Enter."));
      return;
    }

  g_clear_pointer (&self->period, fh_period_free);
  g_clear_pointer (&self->previous_period, fh_period_free);
  self->period = g_steal_pointer (&period);
  self->previous_period = fh_period_year_earlier (self->period);
  {
    g_autofree char *label = fh_period_get_label (self->period);

    fh_chart_export_set_period_label (GTK_WIDGET (self), label);   /* for file names */
  }
  filter = fh_demand_choices_get_filter (&self->choices, authority_id, self->period);

  fh_database_demand_measures_async (database, filter, FH_PAGE_QUERY (self, "demand_measures", finish_figures));
  fh_database_completeness_async (database, authority_id, self->period->from, self->period->to,
                                  FH_PAGE_QUERY (self, "data_completeness", finish_completeness));
  /* Profiles and boundaries do not change with the choices: once a refresh. */
  if (self->profiles == NULL)
    fh_database_ward_profiles_async (database, authority_id, FH_PAGE_QUERY (self, "ward_profiles", finish_profiles));
  fh_demand_trend_load (self->trend, database, authority_id, self->selected, today);
  load_needs (self);
}

static void
fh_demand_page_loaded (FhPage *page)
{
  show_results (FH_DEMAND_PAGE (page));
}

static void
fh_demand_page_invalidate (FhPage *page)
{
  g_clear_pointer (&FH_DEMAND_PAGE (page)->profiles, g_ptr_array_unref);
}

static void
on_choices_changed (FhDemandPage *self,
                    gboolean      requery)
{
  if (requery)
    {
      fh_page_reload (FH_PAGE (self));
      return;
    }
  /* rate or count, the map's style: the same figures, shown anew */
  fh_demand_filter_bar_get_choices (self->filter_bar, &self->choices);
  if (self->wards != NULL && fh_page_get_state (FH_PAGE (self)) == FH_DATA_VIEW_CONTENT)
    show_results (self);
}

/* ---- pointer ---------------------------------------------------------------- */

/* A click on a ward, bar or point, or Enter on the focused one: every
 * chart on the page lists the wards in the order of self->wards. */
static void
on_item_activated (FhChartView  *view,
                   guint         item,
                   FhDemandPage *self)
{
  if (self->wards != NULL && item < self->wards->len)
    fh_demand_page_select_ward (self, ((FhWardDemand *) g_ptr_array_index (self->wards, item))->ward_code);
}

/* Hover: ward, value, rate and change, as a tooltip. */
static gboolean
on_map_query_tooltip (GtkWidget    *widget,
                      int           x,
                      int           y,
                      gboolean      keyboard,
                      GtkTooltip   *tooltip,
                      FhDemandPage *self)
{
  double cx, cy;
  int i;
  FhMapWard ward;
  g_autofree char *text = NULL;

  fh_chart_view_to_chart (self->map_view, x, y, &cx, &cy);
  i = fh_map_chart_hit_test (self->map, cx, cy);
  if (i < 0 || !fh_map_chart_get_ward (self->map, i, &ward))
    return FALSE;
  text = fh_demand_describe_ward (&self->choices, ward.name, fh_ward_demand_find (self->wards, ward.code),
                                  fh_ward_demand_find (self->wards_before, ward.code));
  gtk_tooltip_set_markup (tooltip, text);
  return TRUE;
}

/* ---- GObject ---------------------------------------------------------------- */

static void
fh_demand_page_dispose (GObject *object)
{
  FhDemandPage *self = FH_DEMAND_PAGE (object);

  if (self->needs_queries != NULL)
    fh_query_group_cancel (self->needs_queries);
  g_clear_object (&self->settings);
  fh_demand_choices_clear (&self->choices);
  g_clear_pointer (&self->needs, g_ptr_array_unref);
  g_clear_pointer (&self->period, fh_period_free);
  g_clear_pointer (&self->previous_period, fh_period_free);
  g_clear_pointer (&self->profiles, g_ptr_array_unref);
  g_clear_pointer (&self->wards, g_ptr_array_unref);
  g_clear_pointer (&self->wards_before, g_ptr_array_unref);
  g_clear_pointer (&self->city, fh_ward_demand_free);
  g_clear_pointer (&self->completeness, g_ptr_array_unref);
  g_clear_pointer (&self->city_before, fh_ward_demand_free);
  g_clear_pointer (&self->selected, g_free);

  G_OBJECT_CLASS (fh_demand_page_parent_class)->dispose (object);
}

static void
fh_demand_page_finalize (GObject *object)
{
  g_clear_pointer (&FH_DEMAND_PAGE (object)->needs_queries, fh_query_group_free);

  G_OBJECT_CLASS (fh_demand_page_parent_class)->finalize (object);
}

static void
fh_demand_page_class_init (FhDemandPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = fh_demand_page_dispose;
  G_OBJECT_CLASS (klass)->finalize = fh_demand_page_finalize;
  FH_PAGE_CLASS (klass)->load = fh_demand_page_load;
  FH_PAGE_CLASS (klass)->loaded = fh_demand_page_loaded;
  FH_PAGE_CLASS (klass)->invalidate = fh_demand_page_invalidate;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/familyhelp/Dashboard/fh-demand-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, headline);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, map_view);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, bar_view);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, scatter_view);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, funnel_view);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, map);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, bars);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, scatter);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, funnel);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, trend);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, profile);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, ward_table);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, completeness_label);
}

static void
fh_demand_page_init (FhDemandPage *self)
{
  GtkWidget *views[4];

  gtk_widget_init_template (GTK_WIDGET (self));
  self->needs_queries = fh_query_group_new (self, needs_done);
  self->settings = fh_settings_new ();
  self->selected = g_settings_get_string (self->settings, "demand-selected-ward");
  fh_demand_filter_bar_get_choices (self->filter_bar, &self->choices);
  g_signal_connect_swapped (self->filter_bar, "changed", G_CALLBACK (on_choices_changed), self);

  views[0] = GTK_WIDGET (self->map_view);
  views[1] = GTK_WIDGET (self->bar_view);
  views[2] = GTK_WIDGET (self->scatter_view);
  views[3] = GTK_WIDGET (self->funnel_view);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_signal_connect (views[i], "item-activated", G_CALLBACK (on_item_activated), self);
      fh_chart_table_add_toggle (FH_CHART_VIEW (views[i]));
    }
  g_signal_connect (self->map_view, "query-tooltip", G_CALLBACK (on_map_query_tooltip), self);
}

/* ---- for tests ---------------------------------------------------------------- */

const char *
fh_demand_page_get_city_count (FhDemandPage *self)
{
  g_return_val_if_fail (FH_IS_DEMAND_PAGE (self), NULL);
  return fh_demand_headline_get_count (self->headline);
}

const char *
fh_demand_page_get_completeness (FhDemandPage *self)
{
  g_return_val_if_fail (FH_IS_DEMAND_PAGE (self), NULL);
  return gtk_label_get_text (self->completeness_label);
}

const char *
fh_demand_page_get_city_rate (FhDemandPage *self)
{
  g_return_val_if_fail (FH_IS_DEMAND_PAGE (self), NULL);
  return fh_demand_headline_get_rate (self->headline);
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

const char *
fh_demand_page_get_selected_ward (FhDemandPage *self)
{
  g_return_val_if_fail (FH_IS_DEMAND_PAGE (self), NULL);
  return self->selected;
}

void
fh_demand_page_set_filter_index (FhDemandPage *self,
                                 const char   *filter,
                                 guint         index)
{
  g_return_if_fail (FH_IS_DEMAND_PAGE (self));
  fh_demand_filter_bar_set_index (self->filter_bar, filter, index);
}
