/* test-window.c — the window on the demo data, under Xvfb
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the real window on FH_TEST_CONNINFO (or FH_CONNINFO), waits
 * (iterating the main loop, never blocking it) until the pages show content,
 * and checks that the city's referral figures on screen, as the labels read,
 * are what an independent libpq query gives; that F5 and Ctrl+R (through the
 * window's own key bindings) reload; that Alt+1…4 switch pages. Without a
 * display or a database the UI tests are skipped (g_test_skip).
 */
#include <gtk/gtk.h>
#include <libpq-fe.h>
#include <string.h>

#include "fh-application.h"
#include "fh-bar-chart.h"
#include "fh-caseload-page.h"
#include "fh-chart-export.h"
#include "fh-chart-view.h"
#include "fh-connection-dialog.h"
#include "fh-demand-page.h"
#include "fh-demand-query.h"
#include "fh-priorities-page.h"
#include "fh-map-chart.h"
#include "fh-settings.h"
#include "fh-ward-table.h"
#include "fh-window.h"

static const char *conninfo;
static gboolean have_display;

/* Skips the calling test when it cannot run here. */
static gboolean
can_run_ui (void)
{
  if (!have_display)
    {
      g_test_skip ("no display: run under Xvfb (build-aux/check.sh does)");
      return FALSE;
    }
  if (conninfo == NULL)
    {
      g_test_skip ("FH_TEST_CONNINFO is not set: run through build-aux/check.sh");
      return FALSE;
    }
  return TRUE;
}

/* Presses a key as far as the window is concerned: finds the shortcut
 * bound to it among the widget's own controllers and activates it, as
 * GTK does for a real key press (GTK 4 has no public way to synthesise one). */
static gboolean
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

static gboolean
wait_for_content (FhDataView *view, guint seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      FhDataViewState state = fh_data_view_get_state (view);

      if (state == FH_DATA_VIEW_CONTENT)
        return TRUE;
      if (state == FH_DATA_VIEW_ERROR)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return FALSE;
}

/* The database's own text for a number ("12345", "3532.1") with a comma
 * every three digits and @decimals places, written here rather than with
 * the app's formatter, so a formatting bug in the app fails the test. */
static char *
group_digits (const char *text, guint decimals)
{
  const char *dot = strchr (text, '.');
  gsize int_len = dot ? (gsize) (dot - text) : strlen (text);
  gboolean negative = text[0] == '-';
  GString *out = g_string_new (negative ? "-" : "");
  guint have = dot ? (guint) strlen (dot + 1) : 0;

  g_assert_cmpuint (have, <=, decimals);   /* SQL rounds to the places shown */
  for (gsize i = negative; i < int_len; i++)
    {
      if (i > (gsize) negative && (int_len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, text[i]);
    }
  if (decimals > 0)
    {
      g_string_append_c (out, '.');
      if (dot)
        g_string_append (out, dot + 1);
      for (guint k = have; k < decimals; k++)
        g_string_append_c (out, '0');
    }
  return g_string_free (out, FALSE);
}

/* The widget named @name under @widget (gtk_widget_get_name), or NULL. */
static GtkWidget *
find_named_widget (GtkWidget *widget, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named_widget (c, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Runs @sql with $1 the authority, $2 and $3 the period, on a connection
 * of its own, and formats the one value it returns as the page should. */
static char *
independent_figure (const char *sql, int authority_id, GDateTime *from, GDateTime *to, guint decimals)
{
  g_autofree char *a = g_strdup_printf ("%d", authority_id);
  g_autofree char *f = g_date_time_format (from, "%Y-%m-%d");
  g_autofree char *t = g_date_time_format (to, "%Y-%m-%d");
  const char *params[] = { a, f, t };
  PGconn *conn = PQconnectdb (conninfo);
  PGresult *r;
  char *value;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  r = PQexecParams (conn, sql, 3, NULL, params, NULL, NULL, 0);
  g_assert_cmpint (PQresultStatus (r), ==, PGRES_TUPLES_OK);
  g_assert_cmpint (PQntuples (r), ==, 1);
  g_assert_false (PQgetisnull (r, 0, 0));
  value = group_digits (PQgetvalue (r, 0, 0), decimals);
  PQclear (r);
  PQfinish (conn);
  return value;
}

static char *
independent_count (const char *sql, GDateTime *from, GDateTime *to)
{
  return independent_figure (sql, 1, from, to, 0);
}

/* The latest full financial year (April to March) before today. */
static void
assert_latest_financial_year (GDateTime *from, GDateTime *to)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now) - (g_date_time_get_month (now) < 4 ? 2 : 1);

  g_assert_cmpint (g_date_time_get_year (from), ==, year);
  g_assert_cmpint (g_date_time_get_month (from), ==, 4);
  g_assert_cmpint (g_date_time_get_day_of_month (from), ==, 1);
  g_assert_cmpint (g_date_time_get_year (to), ==, year + 1);
  g_assert_cmpint (g_date_time_get_month (to), ==, 3);
  g_assert_cmpint (g_date_time_get_day_of_month (to), ==, 31);
}

static void
test_window_shows_real_figures (void)
{
  FhWindow *window;
  FhDemandPage *demand;
  FhCaseloadPage *caseloads;
  FhPrioritiesPage *priorities;
  FhDataView *view;
  GtkDropDown *dropdown;
  g_autofree char *expected = NULL;
  g_autofree char *expected_rate = NULL;
  int authority;
  guint refreshes, loads;

  window = fh_window_new (NULL, conninfo);
  demand = FH_DEMAND_PAGE (fh_window_get_page (window, "demand"));
  caseloads = FH_CASELOAD_PAGE (fh_window_get_page (window, "caseloads"));
  priorities = FH_PRIORITIES_PAGE (fh_window_get_page (window, "priorities"));
  view = fh_page_get_data_view (FH_PAGE (demand));

  gtk_window_present (GTK_WINDOW (window));
  /* The page shown loads first; the others once it has its figures. */
  {
    gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

    while (fh_page_get_load_count (FH_PAGE (demand)) == 0 && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpuint (fh_page_get_load_count (FH_PAGE (demand)), ==, 1);
    g_assert_cmpuint (fh_page_get_load_count (FH_PAGE (caseloads)), ==, 0);
  }
  g_assert_true (wait_for_content (view, 60));
  g_assert_true (wait_for_content (fh_page_get_data_view (FH_PAGE (caseloads)), 60));
  g_assert_cmpuint (fh_page_get_load_count (FH_PAGE (caseloads)), ==, 1);
  g_assert_true (wait_for_content (fh_page_get_data_view (FH_PAGE (priorities)), 60));

  /* What the figures leave out, counted independently */
  {
    g_autofree char *expected_line = NULL;
    PGconn *conn = PQconnectdb (g_getenv ("FH_OWNER_CONNINFO") ? g_getenv ("FH_OWNER_CONNINFO") : conninfo);
    g_autofree char *from = g_date_time_format (fh_demand_page_get_period_from (demand), "%Y-%m-%d");
    g_autofree char *to = g_date_time_format (fh_demand_page_get_period_to (demand), "%Y-%m-%d");
    const char *params[] = { from, to };
    PGresult *r = PQexecParams (conn, "SELECT count(*) FILTER (WHERE ward_code IS NULL) FROM fh.referral"
                                      " WHERE authority_id = 1 AND received_on BETWEEN $1::date AND $2::date",
                                2, NULL, params, NULL, NULL, 0);

    if (PQresultStatus (r) == PGRES_TUPLES_OK)
      {
        expected_line = g_strdup_printf (" %s of ", PQgetvalue (r, 0, 0));
        g_assert_nonnull (strstr (fh_demand_page_get_completeness (demand), "What these figures leave out"));
        g_assert_nonnull (strstr (fh_demand_page_get_completeness (demand), "referrals have no known ward"));
        g_assert_nonnull (strstr (fh_demand_page_get_completeness (demand), expected_line));
      }
    else
      g_test_message ("no owner connection: the completeness count is not checked");
    PQclear (r);
    PQfinish (conn);
  }

  /* "Latest complete" is measured from the data's extraction, not the clock */
  {
    g_autoptr(GDateTime) reference = fh_page_dup_reference_date (FH_PAGE (demand));
    g_autofree char *iso = g_date_time_format (reference, "%Y-%m-%d");
    PGconn *conn = PQconnectdb (conninfo);
    PGresult *r = PQexec (conn, "SELECT (reporting.data_extract_time(1) AT TIME ZONE 'UTC')::date::text");

    g_assert_cmpint (PQresultStatus (r), ==, PGRES_TUPLES_OK);
    g_assert_cmpstr (iso, ==, PQgetvalue (r, 0, 0));
    PQclear (r);
    PQfinish (conn);
  }

  /* The first authority (the setting's default); a choice only when there is one to make. */
  authority = fh_window_get_authority_id (window);
  g_assert_cmpint (authority, ==, 1);
  dropdown = fh_window_get_authority_dropdown (window);
  g_assert_cmpint (gtk_widget_get_visible (GTK_WIDGET (dropdown)), ==,
                   g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)) > 1);

  /* The figures as the labels read, against libpq on its own connection. */
  assert_latest_financial_year (fh_demand_page_get_period_from (demand),
                                fh_demand_page_get_period_to (demand));
  expected = independent_figure ("SELECT referrals FROM reporting.authority_demand($1::int, $2::date, $3::date)",
                                 authority, fh_demand_page_get_period_from (demand),
                                 fh_demand_page_get_period_to (demand), 0);
  expected_rate = independent_figure ("SELECT referral_rate FROM reporting.authority_demand($1::int, $2::date, $3::date)",
                                      authority, fh_demand_page_get_period_from (demand),
                                      fh_demand_page_get_period_to (demand), 1);
  g_assert_cmpstr (fh_demand_page_get_city_count (demand), ==, expected);
  g_assert_cmpstr (fh_demand_page_get_city_rate (demand), ==, expected_rate);
  /* the ward chart's caption names the population base the rates use */
  {
    g_autofree char *from = g_date_time_format (fh_demand_page_get_period_from (demand), "%Y-%m-%d");
    g_autofree char *to = g_date_time_format (fh_demand_page_get_period_to (demand), "%Y-%m-%d");
    const char *params[] = { from, to };
    PGconn *conn = PQconnectdb (conninfo);
    PGresult *r = PQexecParams (conn, "SELECT population_year FROM reporting.authority_demand(1, $1::date, $2::date)",
                                2, NULL, params, NULL, NULL, 0);
    g_autofree char *base = NULL;
    GtkWidget *view = find_named_widget (GTK_WIDGET (demand), "demand-by-ward");

    g_assert_cmpint (PQresultStatus (r), ==, PGRES_TUPLES_OK);
    base = g_strdup_printf ("(ONS mid-%s estimates)", PQgetvalue (r, 0, 0));
    PQclear (r);
    PQfinish (conn);
    g_assert_nonnull (view);
    g_assert_nonnull (strstr (fh_chart_get_caption (fh_chart_view_get_chart (FH_CHART_VIEW (view))), base));
  }
  g_assert_nonnull (g_strrstr (fh_window_get_status_text (window), "familyhelp"));
  g_assert_nonnull (g_strrstr (fh_window_get_status_text (window), "data extracted"));

  /* F5 reloads every page from the database: the demand page queries
   * again, shows its spinner, then the same figures. */
  refreshes = fh_window_get_refresh_count (window);
  loads = fh_page_get_load_count (FH_PAGE (demand));
  g_assert_true (press_key (GTK_WIDGET (window), GDK_KEY_F5, 0));
  g_assert_cmpuint (fh_window_get_refresh_count (window), ==, refreshes + 1);
  g_assert_cmpint (fh_data_view_get_state (view), ==, FH_DATA_VIEW_LOADING);
  /* the pages load once the extraction time is back */
  {
    gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

    while (fh_page_get_load_count (FH_PAGE (demand)) == loads && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_cmpuint (fh_page_get_load_count (FH_PAGE (demand)), ==, loads + 1);
  g_assert_true (wait_for_content (view, 60));
  g_assert_cmpstr (fh_demand_page_get_city_count (demand), ==, expected);

  /* Ctrl+R and the win.refresh action do the same. */
  g_assert_true (press_key (GTK_WIDGET (window), GDK_KEY_r, GDK_CONTROL_MASK));
  g_assert_cmpuint (fh_window_get_refresh_count (window), ==, refreshes + 2);
  g_assert_true (wait_for_content (view, 60));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL));
  g_assert_cmpuint (fh_window_get_refresh_count (window), ==, refreshes + 3);
  g_assert_true (wait_for_content (view, 60));
  g_assert_cmpstr (fh_demand_page_get_city_count (demand), ==, expected);
  g_assert_cmpstr (fh_demand_page_get_city_rate (demand), ==, expected_rate);

  /* Alt+2 goes to the caseloads, Alt+1 back. */
  g_assert_true (press_key (GTK_WIDGET (window), GDK_KEY_2, GDK_ALT_MASK));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (caseloads)));
  g_assert_true (press_key (GTK_WIDGET (window), GDK_KEY_4, GDK_ALT_MASK));
  g_assert_true (gtk_widget_get_mapped (fh_window_get_page (window, "board-pack")));
  g_assert_true (press_key (GTK_WIDGET (window), GDK_KEY_1, GDK_ALT_MASK));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (demand)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Filters re-query; a choice superseded at once never shows its figures;
 * the selected ward is shared by the map and the bars. */
static void
test_demand_filters (void)
{
  FhWindow *window = fh_window_new (NULL, conninfo);
  FhDemandPage *demand = FH_DEMAND_PAGE (fh_window_get_page (window, "demand"));
  FhDataView *view = fh_page_get_data_view (FH_PAGE (demand));
  g_autofree char *expected = NULL;
  guint loads;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_for_content (view, 60));

  /* Episodes started, Adolescence service only; then at once the need
   * "exploitation" as well: only the last choice's figures may show. */
  loads = fh_page_get_load_count (FH_PAGE (demand));
  fh_demand_page_set_filter_index (demand, "demand-measure", FH_DEMAND_MEASURE_STARTED);
  fh_demand_page_set_filter_index (demand, "demand-service", 2);
  fh_demand_page_set_filter_index (demand, "demand-need", 1);
  g_assert_cmpuint (fh_page_get_load_count (FH_PAGE (demand)), ==, loads + 3);
  g_assert_cmpint (fh_data_view_get_state (view), ==, FH_DATA_VIEW_LOADING);
  g_assert_true (wait_for_content (view, 60));

  /* The city figure, not a sum of wards: with small numbers suppressed the
   * published wards no longer add up to it. */
  expected = independent_count ("SELECT episodes_started FROM reporting.authority_demand($1::int, $2::date, $3::date,"
                                " NULL, 'adolescence', 'exploitation')",
                                fh_demand_page_get_period_from (demand),
                                fh_demand_page_get_period_to (demand));
  g_assert_cmpstr (fh_demand_page_get_city_count (demand), ==, expected);

  fh_demand_page_select_ward (demand, "E05012275");
  g_assert_cmpstr (fh_demand_page_get_selected_ward (demand), ==, "E05012275");

  /* back to the defaults, so other tests see them */
  fh_demand_page_set_filter_index (demand, "demand-measure", 0);
  fh_demand_page_set_filter_index (demand, "demand-service", 0);
  fh_demand_page_set_filter_index (demand, "demand-need", 0);
  g_assert_true (wait_for_content (view, 60));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The first chart of @type shown under @widget, or the first widget of @type. */
static GObject *
find_descendant (GtkWidget *widget, GType type)
{
  if (FH_IS_CHART_VIEW (widget) && fh_chart_view_get_chart (FH_CHART_VIEW (widget)) != NULL
      && g_type_is_a (G_OBJECT_TYPE (fh_chart_view_get_chart (FH_CHART_VIEW (widget))), type))
    return G_OBJECT (fh_chart_view_get_chart (FH_CHART_VIEW (widget)));
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    return G_OBJECT (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GObject *found = find_descendant (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The text in column @column of the ward table's row that starts with @name. */
static const char *
ward_table_cell (GtkWidget *table, const char *name, int column)
{
  GtkWidget *grid = GTK_WIDGET (find_descendant (table, GTK_TYPE_GRID));

  g_assert_nonnull (grid);
  for (GtkWidget *child = gtk_widget_get_first_child (grid); child; child = gtk_widget_get_next_sibling (child))
    {
      int col, row, w, h;
      GtkWidget *cell;

      if (!GTK_IS_LABEL (child) || g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), name) != 0)
        continue;
      gtk_grid_query_child (GTK_GRID (grid), child, &col, &row, &w, &h);
      if (col != 0)
        continue;
      cell = gtk_grid_get_child_at (GTK_GRID (grid), column, row);
      g_assert_true (GTK_IS_LABEL (cell));
      return gtk_label_get_text (GTK_LABEL (cell));
    }
  return NULL;
}

/* Small numbers on screen: for a month and one need the reporting layer
 * suppresses many wards' counts. Every one it flags (asked here on a
 * connection of our own) is hatched as suppressed on the bars and the map,
 * never drawn as missing or zero, and reads "c" in the ward table; every
 * other ward is not flagged. */
static void
test_demand_suppressed (void)
{
  FhWindow *window = fh_window_new (NULL, conninfo);
  FhDemandPage *demand = FH_DEMAND_PAGE (fh_window_get_page (window, "demand"));
  FhDataView *view = fh_page_get_data_view (FH_PAGE (demand));
  FhBarChart *bars;
  FhMapChart *map;
  GtkWidget *table;
  g_autofree char *a = NULL, *f = NULL, *t = NULL;
  PGconn *conn;
  PGresult *r;
  guint n_suppressed = 0;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_for_content (view, 60));
  fh_demand_page_set_filter_index (demand, "demand-period", FH_DEMAND_PERIOD_MONTH);
  fh_demand_page_set_filter_index (demand, "demand-need", 1);   /* exploitation */
  g_assert_true (wait_for_content (view, 60));

  bars = FH_BAR_CHART (find_descendant (GTK_WIDGET (demand), FH_TYPE_BAR_CHART));
  map = FH_MAP_CHART (find_descendant (GTK_WIDGET (demand), FH_TYPE_MAP_CHART));
  table = GTK_WIDGET (find_descendant (GTK_WIDGET (demand), FH_TYPE_WARD_TABLE));
  g_assert_nonnull (bars);
  g_assert_nonnull (map);
  g_assert_nonnull (table);
  /* lay the bars out as a draw would, whether or not the view has drawn yet */
  cairo_surface_destroy (fh_chart_render_image (FH_CHART (bars), 800, 600, 1.0));

  a = g_strdup_printf ("%d", fh_window_get_authority_id (window));
  f = g_date_time_format (fh_demand_page_get_period_from (demand), "%Y-%m-%d");
  t = g_date_time_format (fh_demand_page_get_period_to (demand), "%Y-%m-%d");
  {
    const char *params[] = { a, f, t };

    conn = PQconnectdb (conninfo);
    g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
    r = PQexecParams (conn, "SELECT ward_code, ward_name, referrals_suppressed, referrals"
                            "  FROM reporting.ward_demand($1::int, $2::date, $3::date, NULL, NULL, 'exploitation')",
                      3, NULL, params, NULL, NULL, 0);
    g_assert_cmpint (PQresultStatus (r), ==, PGRES_TUPLES_OK);
  }
  g_assert_cmpuint (fh_map_chart_get_n_wards (map), ==, PQntuples (r));
  g_assert_cmpuint (fh_bar_chart_get_n_bars (bars), ==, PQntuples (r));
  for (int row = 0; row < PQntuples (r); row++)
    {
      const char *code = PQgetvalue (r, row, 0), *name = PQgetvalue (r, row, 1);
      gboolean suppressed = g_str_equal (PQgetvalue (r, row, 2), "t");
      gboolean found = FALSE;

      n_suppressed += suppressed;
      for (guint i = 0; i < fh_map_chart_get_n_wards (map); i++)
        {
          FhMapWard ward;

          g_assert_true (fh_map_chart_get_ward (map, i, &ward));
          if (!g_str_equal (ward.code, code))
            continue;
          found = TRUE;
          g_assert_cmpint (ward.suppressed, ==, suppressed);
          if (suppressed)
            g_assert_false (ward.no_data);
        }
      g_assert_true (found);
      found = FALSE;
      for (guint i = 0; i < fh_bar_chart_get_n_bars (bars); i++)
        {
          FhChartBar bar;

          g_assert_true (fh_bar_chart_get_bar (bars, i, &bar));
          if (!g_str_equal (bar.label, name))
            continue;
          found = TRUE;
          g_assert_cmpint (bar.suppressed, ==, suppressed);
          if (suppressed)
            {
              g_assert_false (bar.no_data);
              g_assert_cmpstr (bar.value_text, ==, "c");
            }
        }
      g_assert_true (found);
      /* the rate column of the table */
      if (suppressed)
        g_assert_cmpstr (ward_table_cell (table, name, 2), ==, "c");
      else
        g_assert_cmpstr (ward_table_cell (table, name, 2), !=, "c");
    }
  /* the demo data has small numbers here, so the test can fail */
  g_assert_cmpuint (n_suppressed, >, 0);
  g_assert_true (fh_chart_get_has_suppressed (FH_CHART (bars)));
  g_assert_true (fh_chart_get_has_suppressed (FH_CHART (map)));
  PQclear (r);
  PQfinish (conn);

  /* back to the defaults, so other tests see them */
  fh_demand_page_set_filter_index (demand, "demand-period", FH_DEMAND_PERIOD_FINANCIAL_YEAR);
  fh_demand_page_set_filter_index (demand, "demand-need", 0);
  g_assert_true (wait_for_content (view, 60));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The connection dialog keeps a failed attempt's message next to the entry
 * and stays open; a good connection closes it and reports the database. */
static void
on_dialog_connected (FhConnectionDialog *dialog, FhDatabase *database, gpointer data)
{
  FhDatabase **out = data;
  *out = g_object_ref (database);
}

static void
test_connection_dialog (void)
{
  FhConnectionDialog *dialog = fh_connection_dialog_new (NULL, "host=/nonexistent-fh-dir port=5999 dbname=x");
  g_autoptr(FhDatabase) connected = NULL;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  g_object_ref_sink (dialog);
  g_signal_connect (dialog, "connected", G_CALLBACK (on_dialog_connected), &connected);
  g_assert_null (fh_connection_dialog_get_error (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.connect", NULL));
  while (fh_connection_dialog_get_error (dialog) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (strstr (fh_connection_dialog_get_error (dialog), "is it running?"));
  g_assert_null (connected);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);

  dialog = fh_connection_dialog_new (NULL, conninfo);
  g_object_ref_sink (dialog);
  g_signal_connect (dialog, "connected", G_CALLBACK (on_dialog_connected), &connected);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.connect", NULL));
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (connected == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (connected);
  g_assert_true (fh_database_is_connected (connected));
  g_object_unref (dialog);
}

/* The window names the role it is connected as; a reader gets no warning,
 * a superuser a lasting one. A password in the connection text is used but
 * never remembered. */
static FhConnectionDialog *
find_connection_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* owned by GTK */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (FH_IS_CONNECTION_DIALOG (w))
        return FH_CONNECTION_DIALOG (w);
    }
  return NULL;
}

static void
test_window_privileges_and_password (void)
{
  g_autofree char *with_password = g_strdup_printf ("%s password=not-to-be-kept", conninfo);
  FhWindow *window = fh_window_new (NULL, with_password);
  FhDataView *view = fh_page_get_data_view (FH_PAGE (fh_window_get_page (window, "demand")));
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  const char *owner = g_getenv ("FH_OWNER_CONNINFO");
  FhConnectionDialog *dialog;
  gint64 deadline;

  g_settings_set_string (settings, "conninfo", "");
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_for_content (view, 60));
  g_assert_null (fh_window_get_privilege_warning (window));
  g_assert_nonnull (strstr (fh_window_get_status_text (window), " as fh_reader"));

  /* Connect again through the dialog, which holds the same text. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.connect", NULL));
  dialog = find_connection_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.connect", NULL));
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    {
      g_autofree char *saved = g_settings_get_string (settings, "conninfo");
      if (*saved != '\0')
        break;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  {
    g_autofree char *saved = g_settings_get_string (settings, "conninfo");

    g_assert_cmpstr (saved, !=, "");
    g_assert_null (strstr (saved, "not-to-be-kept"));
    g_assert_null (strstr (saved, "password"));
    g_assert_nonnull (strstr (saved, "fh_reader"));
  }
  g_settings_set_string (settings, "conninfo", "");
  g_assert_true (wait_for_content (view, 60));
  gtk_window_destroy (GTK_WINDOW (window));

  if (owner == NULL)
    {
      g_test_message ("FH_OWNER_CONNINFO unset: the superuser warning is not tried");
      return;
    }
  window = fh_window_new (NULL, owner);
  view = fh_page_get_data_view (FH_PAGE (fh_window_get_page (window, "demand")));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_for_content (view, 60));
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (fh_window_get_privilege_warning (window) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (fh_window_get_privilege_warning (window));
  g_assert_nonnull (strstr (fh_window_get_privilege_warning (window), "superuser"));
  g_assert_nonnull (strstr (fh_window_get_privilege_warning (window), "fh_reader"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The demand page's choices survive into the next window. */
static void
test_demand_choices_remembered (void)
{
  FhWindow *first = fh_window_new (NULL, conninfo);
  FhDemandPage *demand = FH_DEMAND_PAGE (fh_window_get_page (first, "demand"));
  FhWindow *second;
  FhDemandPage *again;

  g_assert_true (wait_for_content (fh_page_get_data_view (FH_PAGE (demand)), 60));
  fh_demand_page_set_filter_index (demand, "demand-age-band", 3);   /* 10–17 */
  fh_demand_page_select_ward (demand, "E05012280");
  g_assert_true (wait_for_content (fh_page_get_data_view (FH_PAGE (demand)), 60));
  gtk_window_destroy (GTK_WINDOW (first));

  second = fh_window_new (NULL, conninfo);
  again = FH_DEMAND_PAGE (fh_window_get_page (second, "demand"));
  g_assert_true (wait_for_content (fh_page_get_data_view (FH_PAGE (again)), 60));
  g_assert_cmpstr (fh_demand_page_get_selected_ward (again), ==, "E05012280");
  {
    g_autofree char *expected = independent_count ("SELECT referrals FROM reporting.authority_demand($1::int, $2::date, $3::date,"
                                                   " NULL, NULL, NULL, NULL, '10-17')",
                                                   fh_demand_page_get_period_from (again),
                                                   fh_demand_page_get_period_to (again));
    g_assert_cmpstr (fh_demand_page_get_city_count (again), ==, expected);
  }
  fh_demand_page_set_filter_index (again, "demand-age-band", 0);
  g_assert_true (wait_for_content (fh_page_get_data_view (FH_PAGE (again)), 60));
  gtk_window_destroy (GTK_WINDOW (second));
}

/* With two or more authorities the header bar offers them; choosing one
 * reloads every page with its figures and is remembered. With one there is
 * nothing to choose and nothing shown (the demo's usual case; run the test
 * against `fh-postgres.sh start 2` to exercise the rest). */
static void
test_window_authorities (void)
{
  FhWindow *window = fh_window_new (NULL, conninfo);
  FhDemandPage *demand = FH_DEMAND_PAGE (fh_window_get_page (window, "demand"));
  FhDataView *view = fh_page_get_data_view (FH_PAGE (demand));
  GtkDropDown *dropdown = fh_window_get_authority_dropdown (window);
  g_autoptr(GSettings) settings = g_settings_new ("org.familyhelp.Dashboard");
  g_autofree char *expected = NULL;
  FhWindow *again;
  int first;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_for_content (view, 60));
  first = fh_window_get_authority_id (window);
  if (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)) < 2)
    {
      g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dropdown)));
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dropdown)));
  gtk_drop_down_set_selected (dropdown, 1);
  g_assert_cmpint (fh_window_get_authority_id (window), !=, first);
  g_assert_cmpint (g_settings_get_int (settings, "authority-id"), ==, fh_window_get_authority_id (window));
  g_assert_cmpint (fh_data_view_get_state (view), ==, FH_DATA_VIEW_LOADING);
  g_assert_true (wait_for_content (view, 60));
  expected = independent_figure ("SELECT referrals FROM reporting.authority_demand($1::int, $2::date, $3::date)",
                                 fh_window_get_authority_id (window),
                                 fh_demand_page_get_period_from (demand),
                                 fh_demand_page_get_period_to (demand), 0);
  g_assert_cmpstr (fh_demand_page_get_city_count (demand), ==, expected);
  gtk_window_destroy (GTK_WINDOW (window));

  /* The next window opens on the authority chosen last. */
  again = fh_window_new (NULL, conninfo);
  demand = FH_DEMAND_PAGE (fh_window_get_page (again, "demand"));
  g_assert_true (wait_for_content (fh_page_get_data_view (FH_PAGE (demand)), 60));
  g_assert_cmpint (fh_window_get_authority_id (again), ==, g_settings_get_int (settings, "authority-id"));
  g_assert_cmpuint (gtk_drop_down_get_selected (fh_window_get_authority_dropdown (again)), ==, 1);
  g_assert_cmpstr (fh_demand_page_get_city_count (demand), ==, expected);
  gtk_window_destroy (GTK_WINDOW (again));
  g_settings_reset (settings, "authority-id");
}

/* Runs one statement as the owner (a superuser), $1 the app's database. */
static void
owner_exec (PGconn *owner, const char *sql, const char *dbname)
{
  const char *params[] = { dbname };
  PGresult *r = PQexecParams (owner, sql, 1, NULL, params, NULL, NULL, 0);

  if (PQresultStatus (r) == PGRES_FATAL_ERROR)
    g_error ("%s: %s", sql, PQerrorMessage (owner));
  PQclear (r);
}

static gboolean
wait_for_state (FhPage *page, FhDataViewState wanted, guint seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (fh_page_get_state (page) != wanted && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return fh_page_get_state (page) == wanted;
}

/* Iterates until the status line holds @needle. */
static gboolean
wait_for_status (FhWindow *window, const char *needle, guint seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (strstr (fh_window_get_status_text (window), needle) == NULL && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return strstr (fh_window_get_status_text (window), needle) != NULL;
}

/* F5 asks again for everything, ward boundaries and profiles included (a
 * filter does not); when the server is gone the status line says the
 * refresh failed, and the next F5 after it is back says refreshed. */
static void
test_refresh_tells_the_truth (void)
{
  const char *owner_conninfo = g_getenv ("FH_OWNER_CONNINFO");
  FhWindow *window;
  FhPage *demand;
  FhQueryGroup *queries;
  PGconn *owner;
  g_autofree char *dbname = NULL, *other = NULL;
  guint profiles;

  if (owner_conninfo == NULL || *owner_conninfo == '\0')
    {
      g_test_skip ("FH_OWNER_CONNINFO is not set: run through build-aux/check.sh");
      return;
    }
  window = fh_window_new (NULL, conninfo);
  demand = FH_PAGE (fh_window_get_page (window, "demand"));
  queries = fh_page_get_queries (demand);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_for_content (fh_page_get_data_view (demand), 60));

  profiles = fh_query_group_count_started (queries, "ward_profiles");
  g_assert_cmpuint (profiles, ==, 1);
  fh_demand_page_set_filter_index (FH_DEMAND_PAGE (demand), "demand-age-band", 1);
  g_assert_true (wait_for_content (fh_page_get_data_view (demand), 60));
  g_assert_cmpuint (fh_query_group_count_started (queries, "ward_profiles"), ==, profiles);
  fh_demand_page_set_filter_index (FH_DEMAND_PAGE (demand), "demand-age-band", 0);
  g_assert_true (wait_for_content (fh_page_get_data_view (demand), 60));
  g_assert_true (press_key (GTK_WIDGET (window), GDK_KEY_F5, 0));
  g_assert_true (wait_for_content (fh_page_get_data_view (demand), 60));
  g_assert_cmpuint (fh_query_group_count_started (queries, "ward_profiles"), ==, profiles + 1);
  g_assert_true (wait_for_status (window, " · refreshed ", 60));

  /* The server stops taking connections and drops the app's. */
  owner = PQconnectdb (owner_conninfo);
  g_assert_cmpint (PQstatus (owner), ==, CONNECTION_OK);
  dbname = g_strdup (PQdb (owner));
  PQfinish (owner);
  owner_conninfo = other = g_strdup_printf ("%s dbname=postgres", owner_conninfo);
  owner = PQconnectdb (owner_conninfo);
  g_assert_cmpint (PQstatus (owner), ==, CONNECTION_OK);
  owner_exec (owner, "UPDATE pg_database SET datallowconn = false WHERE datname = $1", dbname);
  owner_exec (owner, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", dbname);
  g_assert_true (press_key (GTK_WIDGET (window), GDK_KEY_F5, 0));
  g_assert_true (wait_for_state (demand, FH_DATA_VIEW_ERROR, 60));
  g_assert_true (wait_for_status (window, "refresh failed at", 60));
  g_assert_null (strstr (fh_window_get_status_text (window), " · refreshed "));

  /* Back again: the next refresh works and says so. */
  owner_exec (owner, "UPDATE pg_database SET datallowconn = true WHERE datname = $1", dbname);
  PQfinish (owner);
  g_assert_true (press_key (GTK_WIDGET (window), GDK_KEY_F5, 0));
  g_assert_true (wait_for_content (fh_page_get_data_view (demand), 60));
  g_assert_true (wait_for_status (window, " · refreshed ", 60));
  g_assert_null (strstr (fh_window_get_status_text (window), "failed"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A server that is not there: every page says so, in words a manager can use. */
static void
test_window_unreachable (void)
{
  FhWindow *window = fh_window_new (NULL, "host=/nonexistent-fh-dir port=5999 dbname=x");
  FhDemandPage *demand = FH_DEMAND_PAGE (fh_window_get_page (window, "demand"));
  FhDataView *view = fh_page_get_data_view (FH_PAGE (demand));
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (fh_data_view_get_state (view) != FH_DATA_VIEW_ERROR && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (fh_data_view_get_state (view), ==, FH_DATA_VIEW_ERROR);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_conninfo_precedence (void)
{
  g_autofree char *a = fh_application_choose_conninfo ("service=x", "host=env", "host=saved");
  g_autofree char *b = fh_application_choose_conninfo (NULL, "host=env", "host=saved");
  g_autofree char *c = fh_application_choose_conninfo (NULL, "", "host=saved");
  g_autofree char *d = fh_application_choose_conninfo (NULL, NULL, NULL);

  g_assert_cmpstr (a, ==, "service=x");
  g_assert_cmpstr (b, ==, "host=env");
  g_assert_cmpstr (c, ==, "host=saved");
  g_assert_cmpstr (d, ==, "");
}

/* A UI test runs only with a display and a database, and is skipped otherwise. */
static void
run_ui_test (gconstpointer data)
{
  void (*test) (void) = (void (*) (void)) data;

  if (can_run_ui ())
    test ();
}

static void
add_ui_test (const char *path, void (*test) (void))
{
  g_test_add_data_func (path, (gconstpointer) test, run_ui_test);
}

/* A manager with publication view off sees exact figures, and the first
 * page is loaded once, with them: the role is asked for before the first
 * load (it used to load with suppressed figures, then again). */
static void
test_window_manager_loads_once (void)
{
  g_autofree char *full = g_strdup_printf ("%s user=fh_manager", conninfo);
  g_autoptr(GSettings) settings = fh_settings_new ();
  FhWindow *window;
  FhPage *demand;

  g_settings_set_boolean (settings, "publication-view", FALSE);
  window = fh_window_new (NULL, full);
  demand = FH_PAGE (fh_window_get_page (window, "demand"));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_for_content (fh_page_get_data_view (demand), 60));
  g_assert_true (fh_publication_view_get_exact (fh_window_get_publication_view (window)));
  g_assert_true (fh_database_get_exact_figures (fh_window_get_database (window)));
  g_assert_cmpuint (fh_page_get_load_count (demand), ==, 1);
  g_assert_cmpuint (fh_window_get_refresh_count (window), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "publication-view");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  conninfo = g_getenv ("FH_TEST_CONNINFO");
  if (conninfo == NULL || *conninfo == '\0')
    conninfo = g_getenv ("FH_CONNINFO");
  if (conninfo != NULL && *conninfo == '\0')
    conninfo = NULL;
  have_display = gtk_init_check ();
  /* A dialog destroyed while its entry's cursor blinks makes GTK warn that
   * the entry "did not receive a focus-out event", which fails the test
   * whenever a busy machine lets the blink start first. */
  if (have_display)
    g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  g_test_add_func ("/app/conninfo-precedence", test_conninfo_precedence);
  add_ui_test ("/app/window/real-figures", test_window_shows_real_figures);
  add_ui_test ("/app/window/unreachable", test_window_unreachable);
  add_ui_test ("/app/window/authorities", test_window_authorities);
  add_ui_test ("/app/demand/filters", test_demand_filters);
  add_ui_test ("/app/demand/choices-remembered", test_demand_choices_remembered);
  add_ui_test ("/app/demand/suppressed", test_demand_suppressed);
  add_ui_test ("/app/connection-dialog", test_connection_dialog);
  add_ui_test ("/app/window/privileges-and-password", test_window_privileges_and_password);
  add_ui_test ("/app/window/refresh-tells-the-truth", test_refresh_tells_the_truth);
  add_ui_test ("/app/window/manager-loads-once", test_window_manager_loads_once);

  return g_test_run ();
}
