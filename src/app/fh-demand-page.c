/* fh-demand-page.c — demand for Family Help by ward
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A measure (referrals, episodes started, episodes open at the period end),
 * as a count or a rate per 10,000 children, for a period compared with the
 * same period a year earlier, filtered by level, service, need, source and
 * age band. Shown as a map and a ranked bar chart that share one selected
 * ward, and a ward table with the change. Every figure comes from the
 * reporting layer; changing a filter cancels the queries it supersedes, so
 * their late results are dropped, and the choices are remembered.
 */
#include <glib/gi18n.h>
#include <math.h>

#include "fh-bar-chart.h"
#include "fh-chart-view.h"
#include "fh-demand-page.h"
#include "fh-forecast.h"
#include "fh-line-chart.h"
#include "fh-map-chart.h"
#include "fh-period.h"
#include "fh-scatter-chart.h"
#include "fh-settings.h"
#include "fh-table.h"

/* Codes behind each drop-down's rows, in the template's order; "" is "all". */
static const char *measure_codes[] = { "referrals", "started", "open" };
static const char *period_codes[] = { "month", "quarter", "financial-year", "rolling-12-months", "custom" };
static const char *level_codes[] = { "", "early", "targeted" };
static const char *service_codes[] = { "", "core", "adolescence" };
static const char *need_codes[] = { "", "exploitation", "missing", "asb", "criminality", "education",
                                    "domestic_abuse", "parental_mental_health", "substance_misuse",
                                    "send", "housing", "parenting", "child_mental_health", "neglect",
                                    "financial_hardship" };
static const char *source_codes[] = { "", "school", "police", "health", "self_family", "council",
                                      "voluntary", "other" };
static const char *age_codes[] = { "", "0-4", "5-9", "10-17" };
static const char *map_style_codes[] = { "automatic", "boundaries", "hexagons" };

typedef struct {
  const char   *key;
  const char  **codes;
  guint         n_codes;
  gsize         offset;   /* of the GtkDropDown * in FhDemandPage */
} Choice;

struct _FhDemandPage
{
  FhPage          parent_instance;

  GtkDropDown    *measure_dropdown;
  GtkDropDown    *unit_dropdown;
  GtkDropDown    *period_dropdown;
  GtkEntry       *from_entry;
  GtkEntry       *to_entry;
  GtkDropDown    *level_dropdown;
  GtkDropDown    *service_dropdown;
  GtkDropDown    *need_dropdown;
  GtkDropDown    *source_dropdown;
  GtkDropDown    *age_dropdown;
  GtkDropDown    *map_style_dropdown;
  GtkLabel       *period_label;
  GtkLabel       *city_rate_label;
  GtkLabel       *city_rate_caption;
  GtkLabel       *city_count_label;
  GtkLabel       *city_count_caption;
  GtkLabel       *city_change_label;
  FhChartView    *map_view;
  FhChartView    *bar_view;
  FhChartView    *trend_view;
  GtkLabel       *trend_note;
  GtkGrid        *profile_grid;
  FhChartView    *scatter_view;
  GtkGrid        *ward_grid;

  GSettings      *settings;
  FhMapChart     *map;
  FhBarChart     *bars;
  FhLineChart    *trend;
  FhScatterChart *scatter;
  FhQueryGroup   *needs_queries;
  GPtrArray      *needs;
  FhQueryGroup   *trend_queries;
  GPtrArray      *trend_ward;
  GPtrArray      *trend_city;
  FhPeriod       *period;
  FhPeriod       *previous_period;
  GPtrArray      *profiles;
  GPtrArray      *wards;
  GPtrArray      *wards_before;
  FhWardDemand   *city;
  FhWardDemand   *city_before;
  char           *selected;
  gboolean        restoring;
};

static void reload (FhDemandPage *self);

G_DEFINE_FINAL_TYPE (FhDemandPage, fh_demand_page, FH_TYPE_PAGE)

#define CHOICE(key, codes, field) { key, codes, G_N_ELEMENTS (codes), G_STRUCT_OFFSET (FhDemandPage, field) }
static const Choice choices[] = {
  CHOICE ("demand-measure", measure_codes, measure_dropdown),
  CHOICE ("demand-period", period_codes, period_dropdown),
  CHOICE ("demand-level", level_codes, level_dropdown),
  CHOICE ("demand-service", service_codes, service_dropdown),
  CHOICE ("demand-need", need_codes, need_dropdown),
  CHOICE ("demand-source", source_codes, source_dropdown),
  CHOICE ("demand-age-band", age_codes, age_dropdown),
  CHOICE ("demand-map-style", map_style_codes, map_style_dropdown),
};

static GtkDropDown *
choice_dropdown (FhDemandPage *self, const Choice *c)
{
  return G_STRUCT_MEMBER (GtkDropDown *, self, c->offset);
}

static const char *
choice_code (FhDemandPage *self, const Choice *c)
{
  guint i = gtk_drop_down_get_selected (choice_dropdown (self, c));
  return i < c->n_codes ? c->codes[i] : c->codes[0];
}

static const Choice *
find_choice (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    if (g_str_equal (choices[i].key, key))
      return &choices[i];
  return NULL;
}

static char *
nullable (const char *code)
{
  return code && *code ? g_strdup (code) : NULL;
}

/* ---- figures for the chosen measure ------------------------------------- */

static gint64
measure_count (FhDemandPage *self, const FhWardDemand *d)
{
  const char *m = choice_code (self, find_choice ("demand-measure"));

  if (d == NULL)
    return FH_COUNT_MISSING;
  if (g_str_equal (m, "started"))
    return d->episodes_started;
  if (g_str_equal (m, "open"))
    return d->episodes_open;
  return d->referrals;
}

static double
measure_rate (FhDemandPage *self, const FhWardDemand *d)
{
  const char *m = choice_code (self, find_choice ("demand-measure"));

  if (d == NULL)
    return NAN;
  if (g_str_equal (m, "started"))
    return d->started_rate;
  if (g_str_equal (m, "open"))
    return d->open_rate;
  return d->referral_rate;
}

static gboolean
showing_counts (FhDemandPage *self)
{
  return gtk_drop_down_get_selected (self->unit_dropdown) == 1;
}

static double
measure_value (FhDemandPage *self, const FhWardDemand *d)
{
  if (d == NULL)
    return NAN;
  if (showing_counts (self))
    {
      gint64 n = measure_count (self, d);
      return n == FH_COUNT_MISSING ? NAN : (double) n;
    }
  return measure_rate (self, d);
}

static const char *
measure_name (FhDemandPage *self)
{
  const char *m = choice_code (self, find_choice ("demand-measure"));

  if (g_str_equal (m, "started"))
    return _("Episodes of Family Help started");
  if (g_str_equal (m, "open"))
    return _("Episodes of Family Help open at the period end");
  return _("Referrals received");
}

static char *
value_label (FhDemandPage *self)
{
  const char *band = choice_code (self, find_choice ("demand-age-band"));
  g_autofree char *children = *band ? g_strdup_printf (_("children aged %s"), band)
                                    : g_strdup (_("children aged 0–17"));

  if (showing_counts (self))
    return g_strdup (measure_name (self));
  /* Translators: "Referrals received per 10,000 children aged 0–17" */
  return g_strdup_printf (_("%s per 10,000 %s"), measure_name (self), children);
}

static FhWardDemand *
find_ward (GPtrArray *wards, const char *code)
{
  for (guint i = 0; wards != NULL && i < wards->len; i++)
    {
      FhWardDemand *d = g_ptr_array_index (wards, i);
      if (g_strcmp0 (d->ward_code, code) == 0)
        return d;
    }
  return NULL;
}

static FhWardProfile *
find_profile (FhDemandPage *self, const char *code)
{
  for (guint i = 0; self->profiles != NULL && i < self->profiles->len; i++)
    {
      FhWardProfile *p = g_ptr_array_index (self->profiles, i);
      if (g_strcmp0 (p->ward_code, code) == 0)
        return p;
    }
  return NULL;
}

static char *
format_change (double now, double before, guint decimals)
{
  double diff, pct;
  g_autofree char *d = NULL, *p = NULL;

  fh_change_compute (now, before, &diff, &pct);
  if (isnan (diff))
    return g_strdup (_("no comparison"));
  d = fh_format_number (fabs (diff), decimals);
  if (isnan (pct))
    return g_strdup_printf ("%s%s", diff < 0 ? "−" : "+", d);
  p = fh_format_number (fabs (pct), 1);
  /* "▲ +120.4 (+6.5%)": an arrow and a sign, so colour is not needed */
  return g_strdup_printf ("%s %s%s (%s%s%%)", diff > 0 ? "▲" : diff < 0 ? "▼" : "▶",
                          diff < 0 ? "−" : "+", d, pct < 0 ? "−" : "+", p);
}

/* ---- trend and forecast ------------------------------------------------------ */

#define TREND_MONTHS    36
#define HISTORY_MONTHS  48
#define FORECAST_MONTHS  6

static double
monthly_rate (gint64 count, gint64 children)
{
  if (count == FH_COUNT_MISSING || children <= 0)
    return NAN;
  return count * 10000.0 / children;
}

static void
show_trend (FhDemandPage *self)
{
  GPtrArray *subject = self->trend_ward ? self->trend_ward : self->trend_city;
  FhWardDemand *ward = self->trend_ward ? find_ward (self->wards, self->selected) : NULL;
  const char *name = self->trend_ward ? (ward ? ward->ward_name : self->selected) : _("Whole authority");
  guint n = subject->len, skip = n > TREND_MONTHS ? n - TREND_MONTHS : 0;
  g_autofree double *history = g_new (double, n);
  g_autofree double *shown = g_new (double, n);
  g_autofree double *city = g_new (double, n);
  g_autofree double *rolling = g_new (double, n);
  g_autofree char *title = NULL, *caption = NULL, *note = NULL;
  g_autoptr(FhForecast) forecast = NULL;
  g_autoptr(GError) error = NULL;
  FhMonthlyDemand *first;
  gint64 children;

  if (n == 0)
    return;
  first = g_ptr_array_index (subject, skip);
  children = ((FhMonthlyDemand *) g_ptr_array_index (subject, 0))->children_0_17;

  for (guint i = 0; i < n; i++)
    {
      FhMonthlyDemand *m = g_ptr_array_index (subject, i);
      FhMonthlyDemand *c = i < self->trend_city->len ? g_ptr_array_index (self->trend_city, i) : NULL;

      history[i] = (double) m->referrals;
      shown[i] = monthly_rate (m->referrals, m->children_0_17);
      city[i] = c ? monthly_rate (c->referrals, c->children_0_17) : NAN;
      rolling[i] = m->referrals_12m == FH_COUNT_MISSING ? NAN
                   : monthly_rate (m->referrals_12m, m->children_0_17) / 12.0;
    }

  fh_line_chart_clear (self->trend);
  fh_line_chart_set_first_month (self->trend, g_date_time_get_year (first->month),
                                 g_date_time_get_month (first->month));

  forecast = fh_forecast_compute (history, n, g_date_time_get_month (((FhMonthlyDemand *) g_ptr_array_index (subject, 0))->month),
                                  FORECAST_MONTHS, &error);
  if (forecast != NULL)
    {
      double point[FORECAST_MONTHS], low[FORECAST_MONTHS], high[FORECAST_MONTHS];

      for (guint h = 0; h < FORECAST_MONTHS; h++)
        {
          point[h] = forecast->steps[h].point * 10000.0 / children;
          low[h] = forecast->steps[h].lo80 * 10000.0 / children;
          high[h] = forecast->steps[h].hi80 * 10000.0 / children;
        }
      fh_line_chart_add_band (self->trend, _("80% forecast interval"), n - skip, low, high, FORECAST_MONTHS, 0);
      fh_line_chart_add_series (self->trend, _("Forecast"), n - skip, point, FORECAST_MONTHS, 0, FH_LINE_DASHED);
    }
  if (self->trend_ward != NULL)
    fh_line_chart_add_series (self->trend, _("Whole authority"), 0, city + skip, n - skip, 4, FH_LINE_THIN);
  fh_line_chart_add_series (self->trend, _("12-month average"), 0, rolling + skip, n - skip, 1, FH_LINE_DASHED);
  fh_line_chart_add_series (self->trend, name, 0, shown + skip, n - skip, 0, FH_LINE_SOLID);

  title = g_strdup_printf (_("Referrals in %s month by month"),
                           self->trend_ward || self->city == NULL ? name : self->city->ward_name);
  caption = g_strdup_printf (_("Source: Family Help reporting data. Referrals received each month per "
                               "10,000 children aged 0–17, with the 12-month average and a %u-month "
                               "seasonal forecast (80%% interval)."), FORECAST_MONTHS);
  fh_chart_set_title (FH_CHART (self->trend), title);
  fh_chart_set_caption (FH_CHART (self->trend), caption);
  fh_chart_set_value_label (FH_CHART (self->trend), _("Referrals per 10,000 children aged 0–17, per month"));

  if (forecast == NULL)
    note = g_strdup (error->message);
  else
    note = g_strdup (_("Forecast: seasonal decomposition of the last 48 months (each calendar month's "
                       "usual share, so the August and December dips carry forward) times a straight-line "
                       "trend. Select a ward on the map or the bars to see its own trend."));
  gtk_label_set_text (self->trend_note, note);
}

static void
trend_done (gpointer owner, const GError *error)
{
  FhDemandPage *self = FH_DEMAND_PAGE (owner);

  if (error != NULL || self->trend_city == NULL)
    {
      gtk_label_set_text (self->trend_note, error ? error->message : "");
      return;
    }
  /* the ward names come with the main load */
  if (fh_page_get_state (FH_PAGE (self)) == FH_DATA_VIEW_CONTENT)
    show_trend (self);
}

#define DEFINE_TREND_FINISH(name, field)                                             \
  static gboolean name (FhDemandPage *self, GObject *source, GAsyncResult *result, GError **error) \
  {                                                                                  \
    g_clear_pointer (&self->field, g_ptr_array_unref);                               \
    self->field = fh_database_demand_monthly_finish (FH_DATABASE (source), result, error); \
    return self->field != NULL;                                                      \
  }

DEFINE_TREND_FINISH (finish_trend_ward, trend_ward)
DEFINE_TREND_FINISH (finish_trend_city, trend_city)

static void
load_trend (FhDemandPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = fh_date_new (g_date_time_get_year (now), g_date_time_get_month (now), 1);
  g_autoptr(GDateTime) to = g_date_time_add_days (today, -1);
  g_autoptr(GDateTime) from = g_date_time_add_months (today, -HISTORY_MONTHS);

  FhDatabase *database = fh_page_get_database (FH_PAGE (self));
  int authority_id = fh_page_get_authority_id (FH_PAGE (self));

  if (database == NULL)
    return;
  fh_query_group_restart (self->trend_queries);
  g_clear_pointer (&self->trend_ward, g_ptr_array_unref);
  g_clear_pointer (&self->trend_city, g_ptr_array_unref);

  fh_database_demand_monthly_async (database, authority_id, NULL, from, to,
                                    FH_QUERY (self->trend_queries, "demand_monthly", (FhQueryFinishFunc) finish_trend_city));
  if (self->selected != NULL && *self->selected)
    fh_database_demand_monthly_async (database, authority_id, self->selected, from, to,
                                      FH_QUERY (self->trend_queries, "demand_monthly (ward)",
                                                (FhQueryFinishFunc) finish_trend_ward));
}

/* ---- ward profile ---------------------------------------------------------------- */

static void
add_profile_row (GtkGrid *grid, guint row, const char *name, const char *value)
{
  GtkWidget *n = gtk_label_new (name);
  GtkWidget *v = gtk_label_new (value);

  gtk_label_set_xalign (GTK_LABEL (n), 0);
  gtk_label_set_xalign (GTK_LABEL (v), 1);
  gtk_label_set_wrap (GTK_LABEL (v), TRUE);
  gtk_widget_add_css_class (n, "dim-label");
  gtk_widget_add_css_class (v, "numeric");
  gtk_grid_attach (grid, n, 0, row, 1, 1);
  gtk_grid_attach (grid, v, 1, row, 1, 1);
}

static char *
share (gint64 part, gint64 whole)
{
  g_autofree char *n = fh_format_count (part);
  g_autofree char *p = fh_format_number (whole > 0 ? 100.0 * part / whole : NAN, 1);
  return g_strdup_printf ("%s (%s%%)", n, p);
}

static void
show_profile (FhDemandPage *self)
{
  FhWardProfile *p = find_profile (self, self->selected);
  FhWardDemand *d = find_ward (self->wards, self->selected);
  GtkWidget *child;
  guint row = 0, rank = 1;
  g_autofree char *title = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->profile_grid))) != NULL)
    gtk_grid_remove (self->profile_grid, child);

  fh_scatter_chart_clear (self->scatter);
  for (guint i = 0; self->wards != NULL && i < self->wards->len; i++)
    {
      FhWardDemand *w = g_ptr_array_index (self->wards, i);
      FhWardProfile *wp = find_profile (self, w->ward_code);

      fh_scatter_chart_add_point (self->scatter, w->ward_code, w->ward_name,
                                  wp ? wp->imd_score : NAN, measure_rate (self, w));
      if (p && wp && wp->imd_score > p->imd_score)
        rank++;
    }
  {
    g_autofree char *y = value_label (self);
    fh_scatter_chart_set_axes (self->scatter, _("Index of Multiple Deprivation 2019, average score (more deprived →)"), y);
  }
  fh_chart_set_title (FH_CHART (self->scatter), _("More deprived wards have more demand"));
  fh_chart_set_caption (FH_CHART (self->scatter), _("Source: Family Help reporting data; English Indices of Deprivation 2019 (MHCLG)."));
  fh_scatter_chart_set_selected (self->scatter, self->selected);

  if (p == NULL)
    {
      GtkWidget *hint = gtk_label_new (_("Select a ward on the map, the bars or the scatter to see its profile."));
      gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
      gtk_label_set_xalign (GTK_LABEL (hint), 0);
      gtk_widget_add_css_class (hint, "dim-label");
      gtk_grid_attach (self->profile_grid, hint, 0, 0, 2, 1);
      return;
    }

  title = g_strdup_printf ("%s", p->ward_name);
  {
    GtkWidget *heading = gtk_label_new (title);
    gtk_label_set_xalign (GTK_LABEL (heading), 0);
    gtk_widget_add_css_class (heading, "title-3");
    gtk_grid_attach (self->profile_grid, heading, 0, row++, 2, 1);
  }
  {
    g_autofree char *all = fh_format_count (p->population_total);
    g_autofree char *kids = fh_format_count (p->children_0_17);
    g_autofree char *b1 = share (p->children_0_4, p->children_0_17);
    g_autofree char *b2 = share (p->children_5_9, p->children_0_17);
    g_autofree char *b3 = share (p->children_10_17, p->children_0_17);
    g_autofree char *imd = fh_format_number (p->imd_score, 1);
    g_autofree char *imd_text = g_strdup_printf (_("%s (%u of %u wards, most deprived first)"), imd, rank, self->wards->len);
    g_autofree char *gm_text = fh_format_percent (p->pct_global_majority, 1);
    g_autofree char *r1 = fh_format_number (d ? d->referral_rate : NAN, 1);
    g_autofree char *r2 = fh_format_number (d ? d->started_rate : NAN, 1);
    g_autofree char *r3 = fh_format_number (d ? d->open_rate : NAN, 1);

    if (p->locality)
      add_profile_row (self->profile_grid, row++, _("Locality"), p->locality);
    add_profile_row (self->profile_grid, row++, _("Residents"), all);
    add_profile_row (self->profile_grid, row++, _("Children aged 0–17"), kids);
    add_profile_row (self->profile_grid, row++, _("aged 0–4"), b1);
    add_profile_row (self->profile_grid, row++, _("aged 5–9"), b2);
    add_profile_row (self->profile_grid, row++, _("aged 10–17"), b3);
    add_profile_row (self->profile_grid, row++, _("Deprivation (IMD 2019 score)"), imd_text);
    add_profile_row (self->profile_grid, row++, _("Global Majority residents"), gm_text);
    add_profile_row (self->profile_grid, row++, _("Referrals per 10,000 children"), r1);
    add_profile_row (self->profile_grid, row++, _("Episodes started per 10,000"), r2);
    add_profile_row (self->profile_grid, row++, _("Open at period end per 10,000"), r3);
  }
  if (self->needs != NULL)
    {
      g_autoptr(GString) top = g_string_new (NULL);

      for (guint i = 0; i < self->needs->len; i++)
        {
          FhNeedCount *n = g_ptr_array_index (self->needs, i);
          g_autofree char *count = fh_format_count (n->episodes);
          g_string_append_printf (top, "%s%s (%s)", i ? "\n" : "", fh_need_get_label (n->need), count);
        }
      add_profile_row (self->profile_grid, row++, _("Top needs (episodes started)"),
                       top->len ? top->str : _("none recorded"));
    }
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

/* ---- showing results ------------------------------------------------------ */

static void
update_selection (FhDemandPage *self)
{
  int index = -1;

  for (guint i = 0; self->wards != NULL && i < self->wards->len; i++)
    if (g_strcmp0 (((FhWardDemand *) g_ptr_array_index (self->wards, i))->ward_code, self->selected) == 0)
      index = i;
  fh_bar_chart_set_highlight (self->bars, index);
  fh_map_chart_set_selected (self->map, self->selected);
}

/* One row of the ward table: the three measures as counts, then the chosen
 * measure as shown (rate or count) against the year before. */
static void
add_table_row (FhDemandPage       *self,
               guint               row,
               const FhWardDemand *w,
               const FhWardDemand *b,
               const char         *name,
               guint               decimals,
               gboolean            total)
{
  static const FhColumnKind kinds[] = { FH_COLUMN_TEXT, FH_COLUMN_NUMBER, FH_COLUMN_NUMBER,
                                        FH_COLUMN_NUMBER, FH_COLUMN_NUMBER, FH_COLUMN_NUMBER,
                                        FH_COLUMN_NUMBER, FH_COLUMN_NUMBER };
  g_autofree char *children = fh_format_count (w->children_0_17);
  g_autofree char *referrals = fh_format_count (w->referrals);
  g_autofree char *started = fh_format_count (w->episodes_started);
  g_autofree char *open = fh_format_count (w->episodes_open);
  g_autofree char *value = fh_format_number (measure_value (self, w), decimals);
  g_autofree char *before = fh_format_number (measure_value (self, b), decimals);
  g_autofree char *change = format_change (measure_value (self, w), measure_value (self, b), decimals);
  const char *cells[] = { name, children, referrals, started, open, value, before, change };

  fh_table_add_row (self->ward_grid, row, cells, kinds, G_N_ELEMENTS (cells));
  for (guint c = 0; total && c < G_N_ELEMENTS (cells); c++)
    gtk_widget_add_css_class (gtk_grid_get_child_at (self->ward_grid, c, row + 1), "total");
}

/* The chosen measure as the charts show it, short enough for a column heading. */
static const char *
shown_heading (FhDemandPage *self)
{
  const char *m = choice_code (self, find_choice ("demand-measure"));

  if (showing_counts (self))
    return g_str_equal (m, "started") ? _("Started (count)")
           : g_str_equal (m, "open") ? _("Open (count)") : _("Referrals (count)");
  return g_str_equal (m, "started") ? _("Started per 10,000")
         : g_str_equal (m, "open") ? _("Open per 10,000") : _("Referrals per 10,000");
}

static void
fill_table (FhDemandPage *self, guint decimals)
{
  static const FhColumnKind kinds[] = { FH_COLUMN_TEXT, FH_COLUMN_NUMBER, FH_COLUMN_NUMBER,
                                        FH_COLUMN_NUMBER, FH_COLUMN_NUMBER, FH_COLUMN_NUMBER,
                                        FH_COLUMN_NUMBER, FH_COLUMN_NUMBER };
  g_autofree char *previous = fh_period_get_label (self->previous_period);
  const char *headers[] = { _("Ward"), _("Children 0–17"), _("Referrals"), _("Episodes started"),
                            _("Open at period end"), shown_heading (self), previous, _("Change") };

  fh_table_reset (self->ward_grid, headers, kinds, G_N_ELEMENTS (headers));
  for (guint i = 0; i < self->wards->len; i++)
    {
      FhWardDemand *w = g_ptr_array_index (self->wards, i);

      add_table_row (self, i, w, find_ward (self->wards_before, w->ward_code), w->ward_name, decimals, FALSE);
    }
  add_table_row (self, self->wards->len, self->city, self->city_before, self->city->ward_name, decimals, TRUE);
}

static void
show_results (FhDemandPage *self)
{
  g_autofree const char **labels = NULL;
  g_autofree double *values = NULL;
  g_autofree char *period = fh_period_get_label (self->period);
  g_autofree char *previous = fh_period_get_label (self->previous_period);
  g_autofree char *label = value_label (self);
  g_autofree char *rate = NULL, *count = NULL, *change = NULL, *text = NULL;
  g_autofree char *title = NULL, *caption = NULL, *map_title = NULL;
  guint decimals = showing_counts (self) ? 0 : 1;
  FhWardDemand *top = NULL;

  if (self->wards->len == 0)
    {
      fh_page_show_empty (FH_PAGE (self), _("This authority has no wards in the database."));
      return;
    }

  rate = fh_format_rate (measure_rate (self, self->city), measure_count (self, self->city), 1);
  count = fh_format_count (measure_count (self, self->city));
  gtk_label_set_text (self->city_rate_label, rate);
  gtk_label_set_text (self->city_count_label, count);
  gtk_label_set_text (self->city_count_caption, measure_name (self));
  text = g_strdup_printf (_("per 10,000 children · %s"), self->city->ward_name);
  gtk_label_set_text (self->city_rate_caption, text);
  g_free (text);
  change = format_change (measure_value (self, self->city), measure_value (self, self->city_before), decimals);
  text = g_strdup_printf (_("%s on %s"), change, previous);
  gtk_label_set_text (self->city_change_label, text);
  g_free (text);
  text = g_strdup_printf (_("%s · compared with %s"), period, previous);
  gtk_label_set_text (self->period_label, text);

  labels = g_new0 (const char *, self->wards->len);
  values = g_new0 (double, self->wards->len);
  fh_map_chart_clear (self->map);
  for (guint i = 0; i < self->wards->len; i++)
    {
      FhWardDemand *w = g_ptr_array_index (self->wards, i);
      FhWardProfile *p = find_profile (self, w->ward_code);

      labels[i] = w->ward_name;
      values[i] = measure_value (self, w);
      if (!isnan (values[i]) && (top == NULL || values[i] > measure_value (self, top)))
        top = w;
      fh_map_chart_add_ward (self->map, w->ward_code, w->ward_name, values[i],
                             p && p->boundary ? fh_geometry_copy (p->boundary) : NULL,
                             p ? p->centroid_lon : NAN, p ? p->centroid_lat : NAN);
    }

  title = top ? g_strdup_printf (_("%s is highest of %u wards"), top->ward_name, self->wards->len)
              : g_strdup (_("By ward"));
  map_title = top ? g_strdup_printf (_("Highest in %s"), top->ward_name) : g_strdup (_("By ward"));
  caption = g_strdup_printf (_("Source: %s, Family Help reporting data. %s, %s. Rates per 10,000 "
                               "children (ONS mid-2020 estimates). Dashed line: whole authority."),
                             self->city->ward_name, measure_name (self), period);

  fh_chart_set_title (FH_CHART (self->bars), title);
  fh_chart_set_caption (FH_CHART (self->bars), caption);
  fh_chart_set_value_label (FH_CHART (self->bars), label);
  fh_chart_set_value_decimals (FH_CHART (self->bars), decimals);
  fh_bar_chart_set_bars (self->bars, labels, values, self->wards->len);
  fh_bar_chart_set_reference_line (self->bars, showing_counts (self) ? NAN : measure_rate (self, self->city),
                                   _("City"));

  fh_chart_set_title (FH_CHART (self->map), map_title);
  fh_chart_set_value_label (FH_CHART (self->map), label);
  fh_chart_set_caption (FH_CHART (self->map), caption);
  fh_chart_set_value_decimals (FH_CHART (self->map), decimals);
  {
    guint style = gtk_drop_down_get_selected (self->map_style_dropdown);
    fh_map_chart_set_style (self->map, style == 1 ? FH_MAP_BOUNDARIES : style == 2 ? FH_MAP_HEXAGONS : FH_MAP_AUTOMATIC);
  }

  update_selection (self);
  fill_table (self, decimals);
  show_profile (self);
  load_needs (self);
  /* the trend may have arrived first, before the ward names */
  if (fh_query_group_get_pending (self->trend_queries) == 0 && self->trend_city != NULL)
    show_trend (self);
  fh_page_show_content (FH_PAGE (self));
}

/* ---- queries ---------------------------------------------------------------- */

/* Each finish keeps one result of the load. */
#define DEFINE_ARRAY_FINISH(name, finish, field)                                    \
  static gboolean name (FhDemandPage *self, GObject *source, GAsyncResult *result, GError **error) \
  {                                                                                 \
    g_clear_pointer (&self->field, g_ptr_array_unref);                              \
    self->field = finish (FH_DATABASE (source), result, error);                     \
    return self->field != NULL;                                                     \
  }

DEFINE_ARRAY_FINISH (finish_wards, fh_database_ward_demand_finish, wards)
DEFINE_ARRAY_FINISH (finish_wards_before, fh_database_ward_demand_finish, wards_before)
DEFINE_ARRAY_FINISH (finish_profiles, fh_database_ward_profiles_finish, profiles)

#define DEFINE_CITY_FINISH(name, field)                                              \
  static gboolean name (FhDemandPage *self, GObject *source, GAsyncResult *result, GError **error) \
  {                                                                                  \
    g_clear_pointer (&self->field, fh_ward_demand_free);                             \
    self->field = fh_database_authority_demand_finish (FH_DATABASE (source), result, error); \
    if (self->field == NULL && error != NULL && *error == NULL)                      \
      g_set_error_literal (error, FH_DATABASE_ERROR, FH_DATABASE_ERROR_QUERY,        \
                           _("The database returned no authority figure."));         \
    return self->field != NULL;                                                      \
  }

DEFINE_CITY_FINISH (finish_city, city)
DEFINE_CITY_FINISH (finish_city_before, city_before)

/* The date entries belong to the custom period only. */
static void
show_custom_entries (FhDemandPage *self)
{
  gboolean custom = g_str_equal (choice_code (self, find_choice ("demand-period")), "custom");

  gtk_widget_set_visible (GTK_WIDGET (self->from_entry), custom);
  gtk_widget_set_visible (GTK_WIDGET (self->to_entry), custom);
}

static FhPeriod *
chosen_period (FhDemandPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = fh_date_new (g_date_time_get_year (now), g_date_time_get_month (now),
                                            g_date_time_get_day_of_month (now));
  const char *kind = choice_code (self, find_choice ("demand-period"));

  show_custom_entries (self);

  if (g_str_equal (kind, "custom"))
    {
      g_autoptr(GDateTime) from = fh_date_from_iso (gtk_editable_get_text (GTK_EDITABLE (self->from_entry)));
      g_autoptr(GDateTime) to = fh_date_from_iso (gtk_editable_get_text (GTK_EDITABLE (self->to_entry)));
      gboolean ok = from != NULL && to != NULL && g_date_time_compare (from, to) <= 0;

      if (!ok)
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->from_entry), "error");
          gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");
          return NULL;
        }
      gtk_widget_remove_css_class (GTK_WIDGET (self->from_entry), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->to_entry), "error");
      return fh_period_new_custom (from, to);
    }
  if (g_str_equal (kind, "month"))
    return fh_period_new_latest_complete (FH_PERIOD_MONTH, today);
  if (g_str_equal (kind, "quarter"))
    return fh_period_new_latest_complete (FH_PERIOD_QUARTER, today);
  if (g_str_equal (kind, "rolling-12-months"))
    return fh_period_new_latest_complete (FH_PERIOD_ROLLING_12_MONTHS, today);
  return fh_period_new_latest_complete (FH_PERIOD_FINANCIAL_YEAR, today);
}

static FhDemandFilter *
filter_for (FhDemandPage *self, const FhPeriod *period)
{
  FhDemandFilter *filter = fh_demand_filter_new (fh_page_get_authority_id (FH_PAGE (self)),
                                                 period->from, period->to);

  filter->level = nullable (choice_code (self, find_choice ("demand-level")));
  filter->service = nullable (choice_code (self, find_choice ("demand-service")));
  filter->need = nullable (choice_code (self, find_choice ("demand-need")));
  filter->source = nullable (choice_code (self, find_choice ("demand-source")));
  filter->age_band = nullable (choice_code (self, find_choice ("demand-age-band")));
  return filter;
}

static void
reload (FhDemandPage *self)
{
  if (!self->restoring)
    fh_page_reload (FH_PAGE (self));
}

static void
fh_demand_page_load (FhPage *page)
{
  FhDemandPage *self = FH_DEMAND_PAGE (page);
  FhDatabase *database = fh_page_get_database (page);
  g_autoptr(FhPeriod) period = chosen_period (self);
  g_autoptr(FhDemandFilter) now = NULL;
  g_autoptr(FhDemandFilter) before = NULL;

  if (period == NULL)
    {
      /* an unfinished custom range: the entries are marked */
      fh_page_show_empty (page, _("Enter a custom range as two dates, YYYY-MM-DD, and press Enter."));
      return;
    }

  g_clear_pointer (&self->period, fh_period_free);
  g_clear_pointer (&self->previous_period, fh_period_free);
  self->period = g_steal_pointer (&period);
  self->previous_period = fh_period_year_earlier (self->period);
  now = filter_for (self, self->period);
  before = filter_for (self, self->previous_period);

  fh_database_ward_demand_async (database, now, FH_PAGE_QUERY (self, "ward_demand", finish_wards));
  fh_database_ward_demand_async (database, before, FH_PAGE_QUERY (self, "ward_demand (year earlier)", finish_wards_before));
  fh_database_authority_demand_async (database, now, FH_PAGE_QUERY (self, "authority_demand", finish_city));
  fh_database_authority_demand_async (database, before,
                                      FH_PAGE_QUERY (self, "authority_demand (year earlier)", finish_city_before));
  load_trend (self);
  /* Profiles and boundaries do not change with the filters: asked for once a refresh. */
  if (self->profiles == NULL)
    fh_database_ward_profiles_async (database, fh_page_get_authority_id (page),
                                     FH_PAGE_QUERY (self, "ward_profiles", finish_profiles));
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

/* ---- controls ------------------------------------------------------------------ */

static void
on_choice_changed (GtkDropDown  *dropdown,
                   GParamSpec   *pspec,
                   FhDemandPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    if (choice_dropdown (self, &choices[i]) == dropdown && self->settings && !self->restoring)
      g_settings_set_string (self->settings, choices[i].key, choice_code (self, &choices[i]));

  /* the map style and the unit need no new query */
  if (dropdown == self->map_style_dropdown || dropdown == self->unit_dropdown)
    {
      if (self->settings && !self->restoring)
        g_settings_set_boolean (self->settings, "demand-show-count", showing_counts (self));
      if (self->wards != NULL && fh_page_get_state (FH_PAGE (self)) == FH_DATA_VIEW_CONTENT)
        show_results (self);
      return;
    }
  reload (self);
}

static void
on_custom_date_activated (GtkEntry     *entry,
                          FhDemandPage *self)
{
  if (self->settings)
    {
      g_settings_set_string (self->settings, "demand-custom-from", gtk_editable_get_text (GTK_EDITABLE (self->from_entry)));
      g_settings_set_string (self->settings, "demand-custom-to", gtk_editable_get_text (GTK_EDITABLE (self->to_entry)));
    }
  reload (self);
}

void
fh_demand_page_select_ward (FhDemandPage *self,
                            const char   *ward_code)
{
  g_return_if_fail (FH_IS_DEMAND_PAGE (self));

  g_free (self->selected);
  self->selected = g_strdup (ward_code);
  if (self->settings)
    g_settings_set_string (self->settings, "demand-selected-ward", ward_code ? ward_code : "");
  update_selection (self);
  load_trend (self);
  if (self->wards != NULL)
    show_profile (self);
  load_needs (self);
}

static void
on_map_pressed (GtkGestureClick *gesture, int n_press, double x, double y, FhDemandPage *self)
{
  double cx, cy;
  int i;
  FhMapWard ward;

  fh_chart_view_to_chart (self->map_view, x, y, &cx, &cy);
  i = fh_map_chart_hit_test (self->map, cx, cy);
  if (i >= 0 && fh_map_chart_get_ward (self->map, i, &ward))
    fh_demand_page_select_ward (self, ward.code);
}

static void
on_scatter_pressed (GtkGestureClick *gesture, int n_press, double x, double y, FhDemandPage *self)
{
  double cx, cy;
  int i;

  fh_chart_view_to_chart (self->scatter_view, x, y, &cx, &cy);
  i = fh_scatter_chart_hit_test (self->scatter, cx, cy);
  if (i >= 0 && self->wards != NULL && (guint) i < self->wards->len)
    fh_demand_page_select_ward (self, ((FhWardDemand *) g_ptr_array_index (self->wards, i))->ward_code);
}

static void
on_bars_pressed (GtkGestureClick *gesture, int n_press, double x, double y, FhDemandPage *self)
{
  double cx, cy;
  int i;

  fh_chart_view_to_chart (self->bar_view, x, y, &cx, &cy);
  i = fh_bar_chart_hit_test (self->bars, cx, cy);
  if (i >= 0 && self->wards != NULL && (guint) i < self->wards->len)
    fh_demand_page_select_ward (self, ((FhWardDemand *) g_ptr_array_index (self->wards, i))->ward_code);
}

/* Hover: ward, value, rate and change, as a tooltip. */
static gboolean
on_map_query_tooltip (GtkWidget  *widget,
                      int         x,
                      int         y,
                      gboolean    keyboard,
                      GtkTooltip *tooltip,
                      FhDemandPage *self)
{
  double cx, cy;
  int i;
  FhMapWard ward;
  FhWardDemand *now, *before;
  g_autofree char *count = NULL, *rate = NULL, *change = NULL, *text = NULL;

  fh_chart_view_to_chart (self->map_view, x, y, &cx, &cy);
  i = fh_map_chart_hit_test (self->map, cx, cy);
  if (i < 0 || !fh_map_chart_get_ward (self->map, i, &ward))
    return FALSE;
  now = find_ward (self->wards, ward.code);
  before = find_ward (self->wards_before, ward.code);
  count = fh_format_count (measure_count (self, now));
  rate = fh_format_rate (measure_rate (self, now), measure_count (self, now), 1);
  change = format_change (measure_value (self, now), measure_value (self, before), showing_counts (self) ? 0 : 1);
  text = g_markup_printf_escaped (_("<b>%s</b>\n%s: %s\nRate per 10,000 children: %s\nChange on a year earlier: %s"),
                                  ward.name, measure_name (self), count, rate, change);
  gtk_tooltip_set_markup (tooltip, text);
  return TRUE;
}

static void
restore_settings (FhDemandPage *self)
{
  self->restoring = TRUE;
  for (guint i = 0; self->settings && i < G_N_ELEMENTS (choices); i++)
    {
      g_autofree char *code = g_settings_get_string (self->settings, choices[i].key);

      for (guint k = 0; k < choices[i].n_codes; k++)
        if (g_str_equal (choices[i].codes[k], code))
          gtk_drop_down_set_selected (choice_dropdown (self, &choices[i]), k);
    }
  if (self->settings)
    {
      g_autofree char *from = g_settings_get_string (self->settings, "demand-custom-from");
      g_autofree char *to = g_settings_get_string (self->settings, "demand-custom-to");

      gtk_drop_down_set_selected (self->unit_dropdown, g_settings_get_boolean (self->settings, "demand-show-count") ? 1 : 0);
      gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from);
      gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to);
      g_free (self->selected);
      self->selected = g_settings_get_string (self->settings, "demand-selected-ward");
    }
  show_custom_entries (self);
  self->restoring = FALSE;
}

/* ---- GObject -------------------------------------------------------------------- */

static void
fh_demand_page_dispose (GObject *object)
{
  FhDemandPage *self = FH_DEMAND_PAGE (object);

  g_clear_object (&self->settings);
  if (self->needs_queries != NULL)
    fh_query_group_cancel (self->needs_queries);
  g_clear_pointer (&self->needs, g_ptr_array_unref);
  if (self->trend_queries != NULL)
    fh_query_group_cancel (self->trend_queries);
  g_clear_pointer (&self->trend_ward, g_ptr_array_unref);
  g_clear_pointer (&self->trend_city, g_ptr_array_unref);
  g_clear_pointer (&self->period, fh_period_free);
  g_clear_pointer (&self->previous_period, fh_period_free);
  g_clear_pointer (&self->profiles, g_ptr_array_unref);
  g_clear_pointer (&self->wards, g_ptr_array_unref);
  g_clear_pointer (&self->wards_before, g_ptr_array_unref);
  g_clear_pointer (&self->city, fh_ward_demand_free);
  g_clear_pointer (&self->city_before, fh_ward_demand_free);
  g_clear_pointer (&self->selected, g_free);

  G_OBJECT_CLASS (fh_demand_page_parent_class)->dispose (object);
}

static void
fh_demand_page_finalize (GObject *object)
{
  FhDemandPage *self = FH_DEMAND_PAGE (object);

  g_clear_pointer (&self->needs_queries, fh_query_group_free);
  g_clear_pointer (&self->trend_queries, fh_query_group_free);

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

  g_type_ensure (FH_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/familyhelp/Dashboard/fh-demand-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, measure_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, level_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, service_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, need_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, source_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, age_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, map_style_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, city_rate_label);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, city_rate_caption);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, city_count_label);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, city_count_caption);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, city_change_label);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, map_view);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, bar_view);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, trend_view);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, trend_note);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, profile_grid);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, scatter_view);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, ward_grid);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, map);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, bars);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, trend);
  gtk_widget_class_bind_template_child (widget_class, FhDemandPage, scatter);
}

static void
fh_demand_page_init (FhDemandPage *self)
{
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->trend_queries = fh_query_group_new (self, trend_done);
  self->needs_queries = fh_query_group_new (self, needs_done);

  self->settings = fh_settings_new ();
  restore_settings (self);

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    g_signal_connect (choice_dropdown (self, &choices[i]), "notify::selected",
                      G_CALLBACK (on_choice_changed), self);
  g_signal_connect (self->unit_dropdown, "notify::selected", G_CALLBACK (on_choice_changed), self);
  g_signal_connect (self->from_entry, "activate", G_CALLBACK (on_custom_date_activated), self);
  g_signal_connect (self->to_entry, "activate", G_CALLBACK (on_custom_date_activated), self);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (on_map_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map_view), GTK_EVENT_CONTROLLER (click));
  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (on_bars_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->bar_view), GTK_EVENT_CONTROLLER (click));
  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (on_scatter_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->scatter_view), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->map_view), TRUE);
  g_signal_connect (self->map_view, "query-tooltip", G_CALLBACK (on_map_query_tooltip), self);
}

/* ---- for tests ------------------------------------------------------------------- */

const char *
fh_demand_page_get_city_count (FhDemandPage *self)
{
  g_return_val_if_fail (FH_IS_DEMAND_PAGE (self), NULL);
  return gtk_label_get_text (self->city_count_label);
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
  const Choice *c;

  g_return_if_fail (FH_IS_DEMAND_PAGE (self));

  if (g_str_equal (filter, "demand-unit"))
    {
      gtk_drop_down_set_selected (self->unit_dropdown, index);
      return;
    }
  c = find_choice (filter);
  g_return_if_fail (c != NULL && index < c->n_codes);
  gtk_drop_down_set_selected (choice_dropdown (self, c), index);
}
