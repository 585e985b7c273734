/* test-accessibility.c — what a screen reader and a keyboard find, under Xvfb
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the real window on the demo data (FH_TEST_CONNINFO or FH_CONNINFO)
 * and walks GTK's accessible API on every page: a focusable control or a
 * chart without a name fails, as does a chart whose name is not its title,
 * or a page the stack hides that is not hidden from assistive technology.
 * Then selects a ward on the map by the keyboard alone (the view's own key
 * bindings: Home, Right, Return) and checks that the selection and the
 * ward's figures are the same as a click on that ward gives, and moves
 * through an indicator's series on the Priorities detail, each point read
 * out as the database has it ("c" where suppressed). Without a display or
 * a database the tests are skipped.
 */
#include <gtk/gtk.h>
#include <libpq-fe.h>
#include <math.h>
#include <string.h>

#include "fh-bar-chart.h"
#include "fh-chart-table.h"
#include "fh-chart-view.h"
#include "fh-demand-page.h"
#include "fh-indicator-chart.h"
#include "fh-indicator-detail.h"
#include "fh-map-chart.h"
#include "fh-priorities-page.h"
#include "fh-ward-profile-view.h"
#include "fh-window.h"

static const char *conninfo;
static gboolean have_display;

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

static void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
wait_for_content (FhDataView *view, guint seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      FhDataViewState state = fh_data_view_get_state (view);

      if (state == FH_DATA_VIEW_CONTENT || state == FH_DATA_VIEW_EMPTY)
        return TRUE;
      if (state == FH_DATA_VIEW_ERROR)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return FALSE;
}

/* As test-window.c: a key press as far as the widget's own key bindings go. */
static gboolean
press_key (GtkWidget *widget, guint keyval)
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
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

/* ---- names ------------------------------------------------------------------ */

static gboolean
has_text_descendant (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (has_text_descendant (c))
      return TRUE;
  return FALSE;
}

/* A name as an AT computes it in GTK 4.8: the label property, a labelled-by
 * relation, a label's own text, or (buttons, tabs) the text they hold. */
static gboolean
has_name (GtkWidget *widget)
{
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));

  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL)
      || gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;
  if (GTK_IS_LABEL (widget))
    return *gtk_label_get_text (GTK_LABEL (widget)) != '\0';
  /* an entry's text widget is named by its entry */
  if (GTK_IS_TEXT (widget) && gtk_widget_get_parent (widget) != NULL
      && !GTK_IS_TEXT (gtk_widget_get_parent (widget)))
    return has_name (gtk_widget_get_parent (widget));
  if (role == GTK_ACCESSIBLE_ROLE_BUTTON || role == GTK_ACCESSIBLE_ROLE_TAB || role == GTK_ACCESSIBLE_ROLE_CHECKBOX
      || role == GTK_ACCESSIBLE_ROLE_RADIO || role == GTK_ACCESSIBLE_ROLE_LINK)
    return has_text_descendant (widget);
  return FALSE;
}

static void
describe (GtkWidget *widget, GString *out)
{
  g_string_append (out, "  ");
  for (GtkWidget *w = widget; w != NULL && !GTK_IS_WINDOW (w); w = gtk_widget_get_parent (w))
    g_string_append_printf (out, "%s%s", G_OBJECT_TYPE_NAME (w), gtk_widget_get_parent (w) ? " < " : "");
  g_string_append_c (out, '\n');
}

/* Every mapped control a keyboard can reach, and every chart, has a name. */
static void
walk (GtkWidget *widget, GString *nameless, guint *n_checked)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if ((gtk_widget_get_focusable (widget) && gtk_widget_get_can_focus (widget)
       && gtk_widget_is_sensitive (widget))
      || FH_IS_CHART_VIEW (widget))
    {
      (*n_checked)++;
      if (!has_name (widget))
        describe (widget, nameless);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    walk (c, nameless, n_checked);
}

static void
collect_charts (GtkWidget *widget, GPtrArray *out)
{
  if (FH_IS_CHART_VIEW (widget))
    g_ptr_array_add (out, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_charts (c, out);
}

static FhWindow *
open_window (void)
{
  FhWindow *window = fh_window_new (NULL, conninfo);
  const char *pages[] = { "demand", "caseloads", "priorities" };

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    g_assert_true (wait_for_content (fh_page_get_data_view (FH_PAGE (fh_window_get_page (window, pages[i]))), 90));
  spin (300);
  return window;
}

static void
test_every_control_named (void)
{
  FhWindow *window = open_window ();
  const char *pages[] = { "demand", "caseloads", "priorities", "board-pack" };
  guint charts_seen = 0;

  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      g_autoptr(GString) nameless = g_string_new (NULL);
      g_autoptr(GPtrArray) charts = g_ptr_array_new ();
      GtkWidget *page = fh_window_get_page (window, pages[p]);
      guint checked = 0;

      fh_window_show_page (window, pages[p]);
      spin (400);
      walk (GTK_WIDGET (window), nameless, &checked);
      g_test_message ("page %s: %u focusable controls and charts checked", pages[p], checked);
      g_assert_cmpuint (checked, >, 5);
      if (nameless->len > 0)
        g_error ("page %s: %u checked, these have no accessible name:\n%s", pages[p], checked, nameless->str);

      /* a chart's name is its title, its description the summary */
      collect_charts (page, charts);
      for (guint i = 0; i < charts->len; i++)
        {
          FhChartView *view = g_ptr_array_index (charts, i);
          FhChart *chart = fh_chart_view_get_chart (view);
          const char *title = fh_chart_get_title (chart);
          g_autofree char *summary = fh_chart_get_alt_text (chart);

          g_test_message ("page %s: chart %s, \"%s\"", pages[p], G_OBJECT_TYPE_NAME (chart),
                          title ? title : "");
          /* every chart is a Tab stop but a sparkline: its row is one,
           * and opens the full chart */
          g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (view))
                         == !(FH_IS_INDICATOR_CHART (chart)
                              && fh_indicator_chart_get_compact (FH_INDICATOR_CHART (chart))));
          /* the demand and caseload pages' charts, and the indicator
           * detail's, can all be shown as tables:
           * the view sits in a stack beside its table, under the toggle */
          if (g_str_equal (pages[p], "demand") || g_str_equal (pages[p], "caseloads")
              || (FH_IS_INDICATOR_CHART (chart) && !fh_indicator_chart_get_compact (FH_INDICATOR_CHART (chart))))
            {
              GtkWidget *stack = gtk_widget_get_parent (GTK_WIDGET (view));
              GtkWidget *toggle = stack ? gtk_widget_get_first_child (gtk_widget_get_parent (stack)) : NULL;

              g_assert_true (GTK_IS_STACK (stack));
              g_assert_true (GTK_IS_TOGGLE_BUTTON (toggle));
            }
          /* the export button is over every chart's corner but a
           * sparkline's, where it would cover the latest value */
          {
            gboolean button = FALSE;

            for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (view)); c; c = gtk_widget_get_next_sibling (c))
              button |= GTK_IS_MENU_BUTTON (c) && gtk_widget_get_visible (c);
            g_assert_true (button == !(FH_IS_INDICATOR_CHART (chart)
                                       && fh_indicator_chart_get_compact (FH_INDICATOR_CHART (chart))));
          }
          if (title != NULL && *title != '\0')
            gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_LABEL, title);
          if (fh_chart_get_focused_item (chart) < 0)
            gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary);
          charts_seen++;
        }

      /* the pages not shown are hidden from assistive technology */
      for (guint q = 0; q < G_N_ELEMENTS (pages); q++)
        gtk_test_accessible_assert_state (fh_window_get_page (window, pages[q]),
                                          GTK_ACCESSIBLE_STATE_HIDDEN, q != p);
    }
  g_assert_cmpuint (charts_seen, >=, 5);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- the keyboard selects a ward as a click does ------------------------------ */

static GtkWidget *
find_view (GtkWidget *widget, GType chart_type)
{
  if (FH_IS_CHART_VIEW (widget) && fh_chart_view_get_chart (FH_CHART_VIEW (widget)) != NULL
      && G_TYPE_CHECK_INSTANCE_TYPE (fh_chart_view_get_chart (FH_CHART_VIEW (widget)), chart_type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_view (c, chart_type);
      if (found)
        return found;
    }
  return NULL;
}

static void
append_labels (GtkWidget *widget, GString *out)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s|", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    append_labels (c, out);
}

/* The selected ward's figures as the profile shows them, once settled:
 * the ward's needs arrive by a query of their own, so wait for them and
 * then for the text to hold still. */
static char *
profile_text (GtkWidget *page)
{
  GtkWidget *profile = NULL;
  g_autofree char *last = NULL;

  {
    g_autoptr(GPtrArray) stack = g_ptr_array_new ();

    g_ptr_array_add (stack, page);
    while (stack->len > 0 && profile == NULL)
      {
        GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

        if (FH_IS_WARD_PROFILE_VIEW (w))
          profile = w;
        for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
          g_ptr_array_add (stack, c);
      }
  }
  g_assert_nonnull (profile);
  for (guint tries = 0; tries < 100; tries++)
    {
      g_autoptr(GString) now = g_string_new (NULL);

      spin (100);
      append_labels (profile, now);
      if (last != NULL && g_str_equal (last, now->str) && strstr (now->str, "Top needs") != NULL)
        return g_steal_pointer (&last);
      g_free (last);
      last = g_strdup (now->str);
    }
  return g_steal_pointer (&last);
}

static void
click_item (GtkWidget *view, guint item)
{
  FhChart *chart = fh_chart_view_get_chart (FH_CHART_VIEW (view));
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (view);
  double x, y, w, h, cx, cy;
  gboolean clicked = FALSE;

  double px = NAN, py = NAN;

  g_assert_true (fh_chart_get_item_bounds (chart, item, &x, &y, &w, &h));
  /* a point of the item itself: a ward boundary's box can have its centre
   * in a neighbouring ward, so look for one the chart's hit test agrees on */
  for (int k = 0; k < 21 * 21 && isnan (px); k++)
    {
      /* a 21 × 21 grid over the box, row by row */
      double tx = x + w / 2 + ((k % 21) - 10) * w / 21, ty = y + h / 2 + ((k / 21) - 10) * h / 21;

      if (fh_chart_hit_item (chart, tx, ty) == (int) item)
        {
          px = tx;
          py = ty;
        }
    }
  g_assert_false (isnan (px));
  x = px - w / 2;
  y = py - h / 2;
  /* chart coordinates → the widget's: the view's scale, measured */
  fh_chart_view_to_chart (FH_CHART_VIEW (view), 1000, 1000, &cx, &cy);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      /* the primary button's gesture (the export menu has a secondary one) */
      if (GTK_IS_GESTURE_CLICK (controller)
          && gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_PRIMARY)
        {
          g_signal_emit_by_name (controller, "pressed", 1, (x + w / 2) * 1000 / cx, (y + h / 2) * 1000 / cy);
          clicked = TRUE;
        }
    }
  g_assert_true (clicked);
}

static void save_window (GtkWidget *window, const char *name);

static void
test_keyboard_selects_ward (void)
{
  FhWindow *window = open_window ();
  FhDemandPage *demand = FH_DEMAND_PAGE (fh_window_get_page (window, "demand"));
  GtkWidget *map_view = find_view (GTK_WIDGET (demand), FH_TYPE_MAP_CHART);
  GtkWidget *bar_view = find_view (GTK_WIDGET (demand), FH_TYPE_BAR_CHART);
  FhMapChart *map = FH_MAP_CHART (fh_chart_view_get_chart (FH_CHART_VIEW (map_view)));
  FhBarChart *bars = FH_BAR_CHART (fh_chart_view_get_chart (FH_CHART_VIEW (bar_view)));
  g_autofree char *keyboard_ward = NULL, *keyboard_profile = NULL, *click_profile = NULL;
  g_autofree char *other_profile = NULL;
  FhMapWard ward;
  int item;
  guint presses = 0;

  fh_window_show_page (window, "demand");
  spin (300);
  g_assert_cmpuint (fh_chart_get_n_items (FH_CHART (map)), >=, 3);

  /* start away from the ward the keyboard will pick */
  g_assert_true (fh_map_chart_get_ward (map, 0, &ward));
  fh_demand_page_select_ward (demand, ward.code);
  spin (200);

  /* keyboard only: focus the map, Home, Right until another ward, Return */
  gtk_widget_grab_focus (map_view);
  g_assert_true (gtk_widget_is_focus (map_view));
  g_assert_true (press_key (map_view, GDK_KEY_Home));
  do
    {
      g_assert_true (press_key (map_view, GDK_KEY_Right));
      item = fh_chart_get_focused_item (FH_CHART (map));
      g_assert_cmpint (item, >=, 0);
      g_assert_true (fh_map_chart_get_ward (map, item, &ward));
    }
  while (ward.selected && ++presses < 5);
  g_assert_false (ward.selected);
  keyboard_ward = g_strdup (ward.code);
  {
    /* the focused ward is announced: first in the chart's description */
    g_autofree char *item_label = fh_chart_get_item_label (FH_CHART (map), item);
    g_autofree char *summary = fh_chart_get_alt_text (FH_CHART (map));
    g_autofree char *announced = g_strdup_printf ("%s. %s", item_label, summary);

    g_assert_true (g_str_has_prefix (item_label, ward.name));
    gtk_test_accessible_assert_property (map_view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, announced);
  }
  g_assert_true (press_key (map_view, GDK_KEY_Return));
  g_assert_cmpstr (fh_demand_page_get_selected_ward (demand), ==, keyboard_ward);
  spin (1000);
  save_window (GTK_WIDGET (window), "keyboard-focus.png");
  g_assert_true (fh_map_chart_get_ward (map, item, &ward));
  g_assert_true (ward.selected);
  keyboard_profile = profile_text (GTK_WIDGET (demand));
  g_assert_nonnull (strstr (keyboard_profile, ward.name));
  /* the bar chart shares the selection: the same ward is highlighted */
  for (guint i = 0; i < fh_bar_chart_get_n_bars (bars); i++)
    {
      FhChartBar bar;

      g_assert_true (fh_bar_chart_get_bar (bars, i, &bar));
      g_assert_cmpint (bar.highlighted, ==, g_str_equal (bar.label, ward.name));
    }

  /* away, then back by a click on the same ward */
  g_assert_true (press_key (map_view, GDK_KEY_End));
  g_assert_true (press_key (map_view, GDK_KEY_Return));
  g_assert_cmpstr (fh_demand_page_get_selected_ward (demand), !=, keyboard_ward);
  other_profile = profile_text (GTK_WIDGET (demand));
  g_assert_cmpstr (other_profile, !=, keyboard_profile);

  click_item (map_view, item);
  g_assert_cmpstr (fh_demand_page_get_selected_ward (demand), ==, keyboard_ward);
  click_profile = profile_text (GTK_WIDGET (demand));
  g_assert_cmpstr (click_profile, ==, keyboard_profile);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- the keyboard reads an indicator's series on the Priorities detail ------ */

static void
test_keyboard_indicator_detail (void)
{
  /* the demo indicator with suppressed values (small numerators) */
  const char *params[] = { "family_voice_difference" };
  FhWindow *window = open_window ();
  FhPrioritiesPage *page = FH_PRIORITIES_PAGE (fh_window_get_page (window, "priorities"));
  FhIndicatorDetail *detail = fh_priorities_page_get_detail (page);
  FhChart *chart = FH_CHART (fh_indicator_detail_get_chart (detail));
  GtkWidget *view = find_view (GTK_WIDGET (detail), FH_TYPE_INDICATOR_CHART);
  PGconn *conn = PQconnectdb (g_getenv ("FH_OWNER_CONNINFO"));
  PGresult *r;
  guint n, hidden_seen = 0;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  fh_window_show_page (window, "priorities");
  fh_priorities_page_show_indicator (page, params[0]);
  for (guint tries = 0; tries < 600 && fh_indicator_detail_get_n_values (detail) == 0; tries++)
    spin (100);
  spin (300);
  g_assert_nonnull (view);
  g_assert_true (fh_chart_view_get_chart (FH_CHART_VIEW (view)) == chart);
  g_assert_true (gtk_widget_get_mapped (view));

  /* each period, oldest first: its month, and the value or c as the small
   * numbers rule decides it here (a numerator or denominator of 1 to 5) */
  r = PQexecParams (conn,
                    "SELECT trim(to_char(v.period_end, 'Month')) || ' ' || to_char(v.period_end, 'YYYY'),"
                    "       coalesce(v.numerator BETWEEN 1 AND 5, false)"
                    "       OR coalesce(v.denominator BETWEEN 1 AND 5, false),"
                    "       to_char(round(v.value, 1), 'FM990.0'),"
                    "       to_char(v.period_end, 'YYYY-MM-DD')"
                    "  FROM fh.indicator_value v JOIN fh.indicator i USING (indicator_id)"
                    " WHERE i.authority_id = 1 AND i.indicator_code = $1 ORDER BY v.period_end",
                    1, NULL, params, NULL, NULL, 0);
  g_assert_cmpint (PQresultStatus (r), ==, PGRES_TUPLES_OK);
  n = PQntuples (r);
  g_assert_cmpuint (n, >=, 3);
  g_assert_cmpuint (fh_chart_get_n_items (chart), ==, n);

  /* keyboard only: focus the chart, Home, then Right through every point */
  gtk_widget_grab_focus (view);
  g_assert_true (gtk_widget_is_focus (view));
  g_assert_true (press_key (view, GDK_KEY_Home));
  for (guint i = 0; i < n; i++)
    {
      int item = fh_chart_get_focused_item (chart);
      g_autofree char *label = NULL, *summary = NULL, *announced = NULL, *expected = NULL;
      gboolean hidden = g_str_equal (PQgetvalue (r, i, 1), "t");

      if (i > 0)
        {
          g_assert_true (press_key (view, GDK_KEY_Right));
          item = fh_chart_get_focused_item (chart);
        }
      g_assert_cmpint (item, ==, (int) i);
      label = fh_chart_get_item_label (chart, item);
      expected = hidden ? g_strdup_printf ("%s: c", PQgetvalue (r, i, 0))
                        : g_strdup_printf ("%s: %s%%, ", PQgetvalue (r, i, 0), PQgetvalue (r, i, 2));
      g_test_message ("point %u: %s", i, label);
      if (hidden)
        {
          g_assert_cmpstr (label, ==, expected);
          hidden_seen++;
        }
      else
        g_assert_true (g_str_has_prefix (label, expected));
      /* announced: first in the chart's description */
      summary = fh_chart_get_alt_text (chart);
      announced = g_strdup_printf ("%s. %s", label, summary);
      gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, announced);
    }
  g_assert_cmpuint (hidden_seen, >=, 1);

  /* shown as a table: the same periods, c where suppressed */
  {
    GtkWidget *stack = gtk_widget_get_parent (view);
    GtkWidget *toggle = gtk_widget_get_first_child (gtk_widget_get_parent (stack));
    GtkWidget *table = gtk_stack_get_child_by_name (GTK_STACK (stack), "table");

    g_assert_true (GTK_IS_TOGGLE_BUTTON (toggle));
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
    spin (200);
    g_assert_true (gtk_stack_get_visible_child (GTK_STACK (stack)) == table);
    for (guint i = 0; i < n; i++)
      {
        g_autofree char *period = fh_chart_table_dup_cell (table, i, 1);
        g_autofree char *value = fh_chart_table_dup_cell (table, i, 2);
        g_autofree char *iso = NULL;

        iso = g_strdup (PQgetvalue (r, i, 3));
        g_assert_cmpstr (period, ==, iso);
        if (g_str_equal (PQgetvalue (r, i, 1), "t"))
          g_assert_cmpstr (value, ==, "c");
        else
          g_assert_cmpfloat_with_epsilon (g_ascii_strtod (value, NULL), g_ascii_strtod (PQgetvalue (r, i, 2), NULL), 0.05 + 1e-9);
      }
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), FALSE);
    spin (200);
    gtk_widget_grab_focus (view);
  }

  /* the last point is the latest, and Right stays there */
  g_assert_true (press_key (view, GDK_KEY_Right));
  g_assert_cmpint (fh_chart_get_focused_item (chart), ==, (int) n - 1);
  spin (1000);
  save_window (GTK_WIDGET (window), "keyboard-indicator.png");
  PQclear (r);
  PQfinish (conn);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- "Show as table": the chart's figures, "c" and "–", sortable ------------ */

static void
test_chart_table (void)
{
  const char *labels[] = { "Aspley", "Castle", "Bulwell", "Dales" };
  const double values[] = { 3532.1, 1737.8, NAN, 2725.4 };
  g_autoptr(FhBarChart) chart = fh_bar_chart_new ();
  GtkWidget *table, *window;
  GtkColumnView *view;
  GListModel *columns;
  g_autoptr(GtkColumnViewColumn) value_column = NULL;
  const char *expected[4][2] = {
    { "Aspley", "3,532.1" }, { "Castle", "c" }, { "Bulwell", FH_FORMAT_MISSING }, { "Dales", "2,725.4" },
  };

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  fh_chart_set_title (FH_CHART (chart), "Aspley is highest");
  fh_chart_set_value_label (FH_CHART (chart), "Referrals per 10,000 children");
  fh_bar_chart_set_bars (chart, labels, values, 4);
  fh_bar_chart_set_suppressed (chart, 1, TRUE);

  table = fh_chart_table_new (FH_CHART (chart));
  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), table);
  gtk_window_present (GTK_WINDOW (window));
  spin (100);
  view = fh_chart_table_get_column_view (table);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (view)), ==, GTK_ACCESSIBLE_ROLE_TREE_GRID);
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_LABEL, "Aspley is highest");
  columns = gtk_column_view_get_columns (view);
  /* name and figure (and the suppression note's column, when the CSV has one) */
  g_assert_cmpuint (g_list_model_get_n_items (columns), >=, 2);
  for (guint r = 0; r < 4; r++)
    for (guint c = 0; c < 2; c++)
      {
        g_autofree char *cell = fh_chart_table_dup_cell (table, r, c);
        g_assert_cmpstr (cell, ==, expected[r][c]);
      }

  /* sorted by the figures, from the highest: numbers first, then "c" and "–" */
  value_column = g_list_model_get_item (columns, 1);
  gtk_column_view_sort_by_column (view, value_column, GTK_SORT_DESCENDING);
  {
    const char *order[] = { "Aspley", "Dales" };
    g_autofree char *third = fh_chart_table_dup_cell (table, 2, 1);
    g_autofree char *fourth = fh_chart_table_dup_cell (table, 3, 1);

    for (guint i = 0; i < 2; i++)
      {
        g_autofree char *name = fh_chart_table_dup_cell (table, i, 0);
        g_assert_cmpstr (name, ==, order[i]);
      }
    /* "c" and "–" (in either order) after every figure */
    g_assert_true ((g_str_equal (third, "c") && g_str_equal (fourth, FH_FORMAT_MISSING))
                   || (g_str_equal (third, FH_FORMAT_MISSING) && g_str_equal (fourth, "c")));
  }
  gtk_column_view_sort_by_column (view, value_column, GTK_SORT_ASCENDING);
  {
    /* from the lowest: no figure first, then the lowest figure */
    g_autofree char *lowest = fh_chart_table_dup_cell (table, 2, 0);
    g_assert_cmpstr (lowest, ==, "Dales");
  }
  gtk_column_view_sort_by_column (view, NULL, GTK_SORT_ASCENDING);

  /* the chart changes: the table follows */
  fh_bar_chart_set_suppressed (chart, 1, FALSE);
  {
    g_autofree char *castle = fh_chart_table_dup_cell (table, 1, 1);
    g_assert_cmpstr (castle, ==, "1,737.8");
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- 200% text at 1280×720: nothing wider than the window ------------------ */

/* With FH_SCREENSHOT_DIR set, the window as drawn, for looking at. */
static void
save_window (GtkWidget *window, const char *name)
{
  const char *dir = g_getenv ("FH_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  int w = gtk_widget_get_width (window), h = gtk_widget_get_height (window);

  if (dir == NULL)
    return;
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    {
      g_test_message ("%s: nothing drawn yet, no screenshot", name);
      return;
    }
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

/* Says which widgets make the window that wide: the widest child, down. */
static void
report_widest (GtkWidget *widget, guint depth)
{
  GtkWidget *widest = NULL;
  int widest_min = -1;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      int min = 0;

      if (!gtk_widget_get_visible (c))
        continue;
      gtk_widget_measure (c, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      if (min > widest_min)
        {
          widest_min = min;
          widest = c;
        }
    }
  if (widest == NULL || depth > 24)
    return;
  /* on stderr, so a CI log (which shows a failed test's stderr) says what is wide */
  g_printerr ("%*s%s%s%s: %d px\n", (int) depth, "", G_OBJECT_TYPE_NAME (widest),
                  GTK_IS_LABEL (widest) ? " " : "", GTK_IS_LABEL (widest) ? gtk_label_get_text (GTK_LABEL (widest)) : "",
                  widest_min);
  report_widest (widest, depth + 1);
}

static void
test_large_text (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  int dpi = 0;
  FhWindow *window;
  const char *pages[] = { "demand", "caseloads", "priorities", "board-pack" };

  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  /* the app's own CSS (FhApplication loads it; this test has no application) */
  gtk_css_provider_load_from_resource (css, "/org/familyhelp/Dashboard/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (settings, "gtk-xft-dpi", 2 * 96 * 1024, NULL);
  window = open_window ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
  gtk_window_unmaximize (GTK_WINDOW (window));
  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      int minimum = 0, natural = 0;
      g_autofree char *name = g_strdup_printf ("text-200-%s.png", pages[p]);

      fh_window_show_page (window, pages[p]);
      spin (600);
      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
      g_test_message ("page %s at 200%% text: the window needs %d px (natural %d), is %d px",
                      pages[p], minimum, natural, gtk_widget_get_width (GTK_WIDGET (window)));
      save_window (GTK_WIDGET (window), name);
      if (minimum > 1280)
        report_widest (GTK_WIDGET (window), 0);
      /* the page fits 1280 px: nothing is pushed past the window's edge */
      g_assert_cmpint (minimum, <=, 1280);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css));
}

static void
run_ui_test (gconstpointer data)
{
  void (*test) (void) = (void (*) (void)) data;

  if (can_run_ui ())
    test ();
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

  g_test_add_func ("/a11y/chart-table", test_chart_table);
  g_test_add_data_func ("/a11y/every-control-named", (gconstpointer) test_every_control_named, run_ui_test);
  g_test_add_data_func ("/a11y/large-text", (gconstpointer) test_large_text, run_ui_test);
  g_test_add_data_func ("/a11y/keyboard-selects-ward", (gconstpointer) test_keyboard_selects_ward, run_ui_test);
  g_test_add_data_func ("/a11y/keyboard-indicator-detail", (gconstpointer) test_keyboard_indicator_detail, run_ui_test);
  return g_test_run ();
}
