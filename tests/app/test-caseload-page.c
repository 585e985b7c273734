/* test-caseload-page.c — the caseload page on the demo data, under Xvfb
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every worker's dot, the cards' workers above the threshold, the hover
 * line, a threshold change, the what-if and another as-at date, each
 * against caseloads counted here with SQL of the test's own on the fh
 * tables (as the owner). Skipped without a display or a database.
 */
#include <gtk/gtk.h>
#include <libpq-fe.h>
#include <math.h>
#include <string.h>

#include "fh-caseload-page.h"
#include "fh-window.h"

static const char *conninfo;
static const char *owner_conninfo;
static gboolean have_display;

typedef struct {
  char   *service;
  char   *team;
  double  fte;
  gint64  open;
} Worker;

static void
worker_free (Worker *w)
{
  g_free (w->service);
  g_free (w->team);
  g_free (w);
}

/* Workers in post on @date and the distinct episodes open then that they
 * hold, by worker reference. */
static GHashTable *
independent_workers (GDateTime *date)
{
  g_autofree char *day = g_date_time_format (date, "%Y-%m-%d");
  const char *params[] = { day };
  GHashTable *workers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) worker_free);
  PGconn *conn = PQconnectdb (owner_conninfo);
  PGresult *r;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  r = PQexecParams (conn,
                    "SELECT w.worker_ref, t.service, t.team_name, w.fte::float8,"
                    "       (SELECT count(*) FROM (SELECT DISTINCT a.episode_id"
                    "                                FROM fh.allocation a, fh.episode e"
                    "                               WHERE e.episode_id = a.episode_id AND a.worker_id = w.worker_id"
                    "                                 AND a.allocated_from <= $1::date"
                    "                                 AND coalesce(a.allocated_to, 'infinity'::date) > $1::date"
                    "                                 AND e.started_on <= $1::date"
                    "                                 AND coalesce(e.ended_on, 'infinity'::date) > $1::date) x)"
                    "  FROM fh.worker w, fh.team t"
                    " WHERE t.team_id = w.team_id AND t.authority_id = 1"
                    "   AND w.active_from <= $1::date AND coalesce(w.active_to, 'infinity'::date) >= $1::date",
                    1, NULL, params, NULL, NULL, 0);
  g_assert_cmpint (PQresultStatus (r), ==, PGRES_TUPLES_OK);
  for (int i = 0; i < PQntuples (r); i++)
    {
      Worker *w = g_new0 (Worker, 1);

      w->service = g_strdup (PQgetvalue (r, i, 1));
      w->team = g_strdup (PQgetvalue (r, i, 2));
      w->fte = g_ascii_strtod (PQgetvalue (r, i, 3), NULL);
      w->open = g_ascii_strtoll (PQgetvalue (r, i, 4), NULL, 10);
      g_hash_table_insert (workers, g_strdup (PQgetvalue (r, i, 0)), w);
    }
  PQclear (r);
  PQfinish (conn);
  return workers;
}

static double
per_fte (const Worker *w)
{
  return round (w->open / w->fte * 10) / 10;
}

/* The strip plot's rows (its CSV): id → shown value ("c" when withheld). */
static GHashTable *
shown_values (FhCaseloadPage *page, guint *n_rows)
{
  FhStripChart *chart = fh_caseload_distribution_get_chart (fh_caseload_page_get_distribution (page));
  g_autofree char *csv = fh_chart_to_csv (FH_CHART (chart));
  g_auto(GStrv) lines = g_strsplit (csv, "\r\n", -1);
  GHashTable *shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  *n_rows = 0;
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], ",", -1);

      g_assert_cmpuint (g_strv_length (f), ==, 6);
      g_hash_table_insert (shown, g_strdup (f[1]), g_strdup (f[3]));
      (*n_rows)++;
    }
  return shown;
}

static double
median (GArray *values)
{
  double *v = (double *) values->data;
  guint n = values->len;

  for (guint i = 1; i < n; i++)   /* insertion sort: a few dozen values */
    for (guint j = i; j > 0 && v[j - 1] > v[j]; j--)
      {
        double t = v[j];
        v[j] = v[j - 1];
        v[j - 1] = t;
      }
  return (v[(n - 1) / 2] + v[n / 2]) / 2;
}

static gboolean
wait_for_load (FhPage *page, guint loads, guint seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      if (fh_page_get_load_count (page) >= loads && fh_page_get_state (page) == FH_DATA_VIEW_CONTENT)
        return TRUE;
      if (fh_page_get_state (page) == FH_DATA_VIEW_ERROR)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return FALSE;
}

static void
test_caseload_page (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.familyhelp.Dashboard");
  FhWindow *window = fh_window_new (NULL, conninfo);
  FhCaseloadPage *page = FH_CASELOAD_PAGE (fh_window_get_page (window, "caseloads"));
  g_autoptr(GHashTable) truth = NULL;
  g_autoptr(GHashTable) shown = NULL;
  g_autoptr(GArray) core_today = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) core_then = g_array_new (FALSE, FALSE, sizeof (double));
  GHashTableIter iter;
  gpointer key, value;
  guint n_rows, above20 = 0, above30 = 0, loads;
  double team_fte = 0;
  gint64 team_open = 0;
  const char *team = "North Core Family Help";
  g_autofree char *expected = NULL;
  g_autofree char *m0 = NULL, *m1 = NULL;

  if (!have_display || conninfo == NULL || *conninfo == '\0' || owner_conninfo == NULL || *owner_conninfo == '\0')
    {
      g_test_skip ("needs a display, FH_TEST_CONNINFO and FH_OWNER_CONNINFO: run through build-aux/check.sh");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_for_load (FH_PAGE (page), 1, 120));
  loads = fh_page_get_load_count (FH_PAGE (page));

  /* every worker in post is a dot, with their own figure or "c" */
  truth = independent_workers (fh_caseload_page_get_as_at (page));
  shown = shown_values (page, &n_rows);
  g_assert_cmpuint (g_hash_table_size (truth), >, 20);
  g_assert_cmpuint (n_rows, ==, g_hash_table_size (truth));
  g_hash_table_iter_init (&iter, truth);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Worker *w = value;
      const char *v = g_hash_table_lookup (shown, key);

      g_assert_nonnull (v);
      if (w->open >= 1 && w->open <= 5)
        g_assert_cmpstr (v, ==, "c");      /* a small caseload never shows */
      if (g_str_equal (v, "c"))
        continue;
      {
        g_autofree char *exact = g_strdup_printf ("%.1f", per_fte (w));
        g_assert_cmpstr (v, ==, exact);
      }
      if (!g_str_equal (w->service, "core"))
        continue;
      above20 += per_fte (w) > 20;
      above30 += per_fte (w) > 30;
      g_array_append_val (core_today, (double) { per_fte (w) });
      if (g_str_equal (w->team, team))
        {
          team_fte += w->fte;
          team_open += w->open;
        }
    }

  /* the Core card counts them against Core's threshold, 20 by default */
  expected = g_strdup_printf ("▲ %u above 20 per FTE", above20);
  g_assert_nonnull (strstr (fh_caseload_page_get_card_details (page, "core"), expected));
  g_assert_cmpuint (above20, >, above30);

  /* a bar per team with workers in post, in the order of the services */
  {
    g_autoptr(GHashTable) teams = g_hash_table_new (g_str_hash, g_str_equal);
    FhTeamBarChart *bars = fh_caseload_page_get_team_chart (page);
    g_autofree char *csv = fh_chart_to_csv (FH_CHART (bars));

    g_hash_table_iter_init (&iter, truth);
    while (g_hash_table_iter_next (&iter, &key, &value))
      g_hash_table_add (teams, ((Worker *) value)->team);
    g_assert_cmpuint (fh_team_bar_chart_get_n_rows (bars), ==, g_hash_table_size (teams));
    g_assert_nonnull (strstr (csv, "\r\nCentral Core Family Help,Central locality,Core,"));
  }

  /* hover or keyboard: the worker's reference, team, episodes and FTE */
  {
    FhCaseloadDistribution *dist = fh_caseload_page_get_distribution (page);
    FhStripChart *chart = fh_caseload_distribution_get_chart (dist);
    g_autofree char *csv = fh_chart_to_csv (FH_CHART (chart));
    g_auto(GStrv) lines = g_strsplit (csv, "\r\n", 3);
    g_auto(GStrv) first = g_strsplit (lines[1], ",", -1);
    Worker *w = g_hash_table_lookup (truth, first[1]);
    g_autofree char *fte = g_strdup_printf ("%.2f FTE", w->fte);

    fh_caseload_distribution_select (dist, 0);
    g_assert_cmpint (fh_strip_chart_get_selected (chart), ==, 0);
    g_assert_true (g_str_has_prefix (fh_caseload_distribution_get_detail (dist), first[1]));
    g_assert_nonnull (strstr (fh_caseload_distribution_get_detail (dist), w->team));
    g_assert_nonnull (strstr (fh_caseload_distribution_get_detail (dist), fte));
    if (w->open > 5)
      {
        g_autofree char *open = g_strdup_printf (" %" G_GINT64_FORMAT " open episodes", w->open);
        g_assert_nonnull (strstr (fh_caseload_distribution_get_detail (dist), open));
      }
  }

  /* a new Core threshold: counted again, without a query */
  g_settings_set_double (settings, "caseload-threshold-core", 30);
  g_free (expected);
  expected = g_strdup_printf ("▲ %u above 30 per FTE", above30);
  g_assert_nonnull (strstr (fh_caseload_page_get_card_details (page, "core"), expected));
  g_assert_cmpuint (fh_page_get_load_count (FH_PAGE (page)), ==, loads);
  g_settings_reset (settings, "caseload-threshold-core");

  /* what if the North Core team had one more FTE: its workers' caseloads
   * × F / (F + 1), and a new post at its episodes / (F + 1) */
  g_assert_cmpfloat (team_fte, >, 0);
  g_hash_table_iter_init (&iter, truth);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Worker *w = value;
      double v;

      if (!g_str_equal (w->service, "core") || g_str_equal (g_hash_table_lookup (shown, key), "c"))
        continue;
      v = per_fte (w) * (g_str_equal (w->team, team) ? team_fte / (team_fte + 1) : 1);
      g_array_append_val (core_then, v);
    }
  g_array_append_val (core_then, (double) { team_open / (team_fte + 1) });
  m0 = g_strdup_printf ("%.1f", median (core_today));
  m1 = g_strdup_printf ("%.1f", median (core_then));
  g_free (expected);
  expected = g_strdup_printf ("Median %s → %s per FTE", m0, m1);
  g_assert_true (fh_caseload_whatif_panel_set_change (fh_caseload_page_get_whatif (page), "core", team, 1));
  g_assert_true (g_str_has_prefix (fh_caseload_whatif_panel_get_result (fh_caseload_page_get_whatif (page), "core"),
                                   expected));
  g_assert_false (fh_caseload_whatif_panel_set_change (fh_caseload_page_get_whatif (page), "core", "No team", 1));

  /* another date: counted on it */
  {
    g_autoptr(GDateTime) earlier = g_date_time_add_months (fh_caseload_page_get_as_at (page), -7);
    g_autoptr(GHashTable) then = NULL, then_shown = NULL;

    fh_caseload_page_set_as_at (page, earlier);
    g_assert_true (wait_for_load (FH_PAGE (page), loads + 1, 120));
    g_assert_cmpint (g_date_time_compare (fh_caseload_page_get_as_at (page), earlier), ==, 0);
    then = independent_workers (earlier);
    then_shown = shown_values (page, &n_rows);
    g_assert_cmpuint (n_rows, ==, g_hash_table_size (then));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Names by role, enforced by PostgreSQL: a manager's table shows each
 * worker's display name beside the reference, as recorded (checked against
 * the owner's fh.worker); a reader's shows references alone. */
static void
test_names_by_role (void)
{
  const char *roles[] = { "fh_manager", "fh_reader" };

  if (!have_display || conninfo == NULL || *conninfo == '\0' || owner_conninfo == NULL || *owner_conninfo == '\0')
    {
      g_test_skip ("needs a display, FH_TEST_CONNINFO and FH_OWNER_CONNINFO: run through build-aux/check.sh");
      return;
    }
  for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
    {
      g_autofree char *full = g_strdup_printf ("%s user=%s", conninfo, roles[r]);
      FhWindow *window = fh_window_new (NULL, full);
      FhCaseloadPage *page = FH_CASELOAD_PAGE (fh_window_get_page (window, "caseloads"));
      g_autoptr(GDateTime) as_at = NULL;
      g_autofree char *day = NULL;
      PGconn *conn;
      PGresult *res;
      guint checked = 0;

      gtk_window_present (GTK_WINDOW (window));
      fh_window_show_page (window, "caseloads");
      g_assert_true (wait_for_load (FH_PAGE (page), 1, 120));
      as_at = g_date_time_ref (fh_caseload_page_get_as_at (page));
      day = g_date_time_format (as_at, "%Y-%m-%d");
      conn = PQconnectdb (owner_conninfo);
      g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
      {
        const char *params[] = { day };

        res = PQexecParams (conn,
                            "SELECT w.worker_ref, w.display_name FROM fh.worker w JOIN fh.team t USING (team_id)"
                            " WHERE t.authority_id = 1 AND w.display_name IS NOT NULL"
                            "   AND w.active_from <= $1::date AND (w.active_to IS NULL OR w.active_to >= $1::date)",
                            1, NULL, params, NULL, NULL, 0);
      }
      g_assert_cmpint (PQresultStatus (res), ==, PGRES_TUPLES_OK);
      g_assert_cmpint (PQntuples (res), >, 10);
      /* the names come after the figures: wait for the first */
      for (gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
           r == 0 && g_get_monotonic_time () < end; )
        {
          const char *cell = fh_caseload_page_get_worker_cell (page, PQgetvalue (res, 0, 0));

          if (cell != NULL && strstr (cell, " · ") != NULL)
            break;
          g_main_context_iteration (NULL, FALSE);
          g_usleep (1000);
        }
      for (int i = 0; i < PQntuples (res); i++)
        {
          const char *cell = fh_caseload_page_get_worker_cell (page, PQgetvalue (res, i, 0));
          g_autofree char *with_name = g_strdup_printf ("%s · %s", PQgetvalue (res, i, 0), PQgetvalue (res, i, 1));

          if (cell == NULL)
            continue;          /* not in the table on this date */
          if (r == 0)
            g_assert_cmpstr (cell, ==, with_name);
          else
            g_assert_cmpstr (cell, ==, PQgetvalue (res, i, 0));
          checked++;
        }
      g_test_message ("%s: %u workers' cells checked", roles[r], checked);
      g_assert_cmpuint (checked, >, 10);
      PQclear (res);
      PQfinish (conn);
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  conninfo = g_getenv ("FH_TEST_CONNINFO");
  if (conninfo == NULL || *conninfo == '\0')
    conninfo = g_getenv ("FH_CONNINFO");
  owner_conninfo = g_getenv ("FH_OWNER_CONNINFO");
  have_display = gtk_init_check ();

  g_test_add_func ("/app/caseloads/page", test_caseload_page);
  g_test_add_func ("/app/caseloads/names-by-role", test_names_by_role);
  return g_test_run ();
}
