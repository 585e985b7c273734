/* test-window.c — the window on the demo data, under Xvfb
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the real window on FH_CONNINFO, waits (iterating the main loop, never
 * blocking it) until the pages show content, and checks that the city's
 * referral figure on screen is the one an independent query gives.
 */
#include <gtk/gtk.h>
#include <libpq-fe.h>
#include <string.h>

#include "fh-application.h"
#include "fh-caseload-page.h"
#include "fh-connection-dialog.h"
#include "fh-chart-theme.h"
#include "fh-demand-page.h"
#include "fh-priorities-page.h"
#include "fh-window.h"

static const char *conninfo;

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

static char *
independent_count (const char *sql, GDateTime *from, GDateTime *to)
{
  g_autofree char *f = g_date_time_format (from, "%Y-%m-%d");
  g_autofree char *t = g_date_time_format (to, "%Y-%m-%d");
  const char *params[] = { f, t };
  PGconn *conn = PQconnectdb (conninfo);
  PGresult *r;
  char *value;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  r = PQexecParams (conn, sql, 2, NULL, params, NULL, NULL, 0);
  g_assert_cmpint (PQresultStatus (r), ==, PGRES_TUPLES_OK);
  value = fh_format_number (g_ascii_strtod (PQgetvalue (r, 0, 0), NULL), 0);
  PQclear (r);
  PQfinish (conn);
  return value;
}

static void
test_window_shows_real_figures (void)
{
  FhWindow *window = fh_window_new (NULL, conninfo);
  FhDemandPage *demand = FH_DEMAND_PAGE (fh_window_get_page (window, "demand"));
  FhCaseloadPage *caseloads = FH_CASELOAD_PAGE (fh_window_get_page (window, "caseloads"));
  FhPrioritiesPage *priorities = FH_PRIORITIES_PAGE (fh_window_get_page (window, "priorities"));
  g_autofree char *expected = NULL;
  guint refreshes;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_for_content (fh_demand_page_get_data_view (demand), 60));
  g_assert_true (wait_for_content (fh_caseload_page_get_data_view (caseloads), 60));
  g_assert_true (wait_for_content (fh_priorities_page_get_data_view (priorities), 60));

  expected = independent_count ("SELECT sum(referrals) FROM reporting.ward_demand(1, $1::date, $2::date)",
                                fh_demand_page_get_period_from (demand),
                                fh_demand_page_get_period_to (demand));
  g_assert_cmpstr (fh_demand_page_get_city_count (demand), ==, expected);
  g_assert_true (g_strrstr (fh_window_get_status_text (window), "familyhelp") != NULL);

  /* Refresh reloads every page from the database. */
  refreshes = fh_window_get_refresh_count (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL));
  g_assert_cmpuint (fh_window_get_refresh_count (window), ==, refreshes + 1);
  g_assert_true (wait_for_content (fh_demand_page_get_data_view (demand), 60));
  g_assert_cmpstr (fh_demand_page_get_city_count (demand), ==, expected);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Filters re-query; a choice superseded at once never shows its figures;
 * the selected ward is shared by the map and the bars. */
static void
test_demand_filters (void)
{
  FhWindow *window = fh_window_new (NULL, conninfo);
  FhDemandPage *demand = FH_DEMAND_PAGE (fh_window_get_page (window, "demand"));
  FhDataView *view = fh_demand_page_get_data_view (demand);
  g_autofree char *expected = NULL;
  guint loads;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_for_content (view, 60));

  /* Episodes started, Adolescence service only; then at once the need
   * "exploitation" as well: only the last choice's figures may show. */
  loads = fh_demand_page_get_load_count (demand);
  fh_demand_page_set_filter_index (demand, "demand-measure", 1);
  fh_demand_page_set_filter_index (demand, "demand-service", 2);
  fh_demand_page_set_filter_index (demand, "demand-need", 1);
  g_assert_cmpuint (fh_demand_page_get_load_count (demand), ==, loads + 3);
  g_assert_cmpint (fh_data_view_get_state (view), ==, FH_DATA_VIEW_LOADING);
  g_assert_true (wait_for_content (view, 60));

  expected = independent_count ("SELECT sum(episodes_started) FROM reporting.ward_demand(1, $1::date, $2::date,"
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

/* The demand page's choices survive into the next window. */
static void
test_demand_choices_remembered (void)
{
  FhWindow *first = fh_window_new (NULL, conninfo);
  FhDemandPage *demand = FH_DEMAND_PAGE (fh_window_get_page (first, "demand"));
  FhWindow *second;
  FhDemandPage *again;

  g_assert_true (wait_for_content (fh_demand_page_get_data_view (demand), 60));
  fh_demand_page_set_filter_index (demand, "demand-age-band", 3);   /* 10–17 */
  fh_demand_page_select_ward (demand, "E05012280");
  g_assert_true (wait_for_content (fh_demand_page_get_data_view (demand), 60));
  gtk_window_destroy (GTK_WINDOW (first));

  second = fh_window_new (NULL, conninfo);
  again = FH_DEMAND_PAGE (fh_window_get_page (second, "demand"));
  g_assert_true (wait_for_content (fh_demand_page_get_data_view (again), 60));
  g_assert_cmpstr (fh_demand_page_get_selected_ward (again), ==, "E05012280");
  {
    g_autofree char *expected = independent_count ("SELECT sum(referrals) FROM reporting.ward_demand(1, $1::date, $2::date,"
                                                   " NULL, NULL, NULL, NULL, '10-17')",
                                                   fh_demand_page_get_period_from (again),
                                                   fh_demand_page_get_period_to (again));
    g_assert_cmpstr (fh_demand_page_get_city_count (again), ==, expected);
  }
  fh_demand_page_set_filter_index (again, "demand-age-band", 0);
  g_assert_true (wait_for_content (fh_demand_page_get_data_view (again), 60));
  gtk_window_destroy (GTK_WINDOW (second));
}

/* A server that is not there: every page says so, in words a manager can use. */
static void
test_window_unreachable (void)
{
  FhWindow *window = fh_window_new (NULL, "host=/nonexistent-fh-dir port=5999 dbname=x");
  FhDemandPage *demand = FH_DEMAND_PAGE (fh_window_get_page (window, "demand"));
  FhDataView *view = fh_demand_page_get_data_view (demand);
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

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  conninfo = g_getenv ("FH_CONNINFO");

  g_test_add_func ("/app/conninfo-precedence", test_conninfo_precedence);
  if (!gtk_init_check ())
    {
      g_printerr ("No display: run under Xvfb (build-aux/check.sh does)\n");
      return 77;
    }
  if (conninfo == NULL)
    {
      g_printerr ("FH_CONNINFO is not set: run through build-aux/check.sh\n");
      return 77;
    }
  g_test_add_func ("/app/window/real-figures", test_window_shows_real_figures);
  g_test_add_func ("/app/window/unreachable", test_window_unreachable);
  g_test_add_func ("/app/demand/filters", test_demand_filters);
  g_test_add_func ("/app/demand/choices-remembered", test_demand_choices_remembered);
  g_test_add_func ("/app/connection-dialog", test_connection_dialog);

  return g_test_run ();
}
