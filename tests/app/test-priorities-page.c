/* test-priorities-page.c — the Priorities page on the demo data, under Xvfb
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the real window on FH_TEST_CONNINFO and checks what the cards show
 * against SQL written here, on the owner's tables: a row per indicator of
 * each priority, each row's latest value as written ("c" when the small
 * numbers rule hides it) and its RAG status by the trajectory rule, and each
 * card's summary line; then the detail (chart and values) of one indicator,
 * the projector view's summaries and F11. Without a display or a database
 * the tests are skipped.
 */
#include <gtk/gtk.h>
#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>

#include "fh-priorities-page.h"
#include "fh-window.h"

static const char *conninfo;
static gboolean have_display;

#define HIDDEN_SQL "(coalesce(v.numerator BETWEEN 1 AND 5, false)"        \
                   " OR coalesce(v.denominator BETWEEN 1 AND 5, false)"   \
                   " OR (i.unit = 'count' AND v.value > 0 AND v.value <= 5))"

/* Per indicator of authority 1: priority, code, the latest value as the
 * card should write it (before digit grouping), its unit, and the status
 * by the rule in docs/priorities.md, worked out in exact decimals. */
static const char *expected_sql =
  "WITH latest AS ("
  "  SELECT DISTINCT ON (i.indicator_id) i.indicator_id, v.value, " HIDDEN_SQL " AS hidden"
  "    FROM fh.indicator i JOIN fh.indicator_value v USING (indicator_id)"
  "   WHERE i.authority_id = 1 ORDER BY i.indicator_id, v.period_end DESC"
  "), shown AS ("
  "  SELECT v.indicator_id, v.period_end, v.value FROM fh.indicator_value v"
  "    JOIN fh.indicator i USING (indicator_id)"
  "   WHERE i.authority_id = 1 AND NOT " HIDDEN_SQL
  "), l AS ("
  "  SELECT DISTINCT ON (s.indicator_id) s.indicator_id, s.value AS x, s.period_end AS d"
  "    FROM shown s ORDER BY s.indicator_id, s.period_end DESC"
  "), f AS ("
  "  SELECT DISTINCT ON (s.indicator_id) s.indicator_id, s.value AS v0, s.period_end AS d0"
  "    FROM shown s ORDER BY s.indicator_id, s.period_end"
  "), r AS ("
  "  SELECT i.priority_number, i.indicator_code, i.unit, lt.value AS latest, lt.hidden,"
  "         CASE i.polarity WHEN 'higher_is_better' THEN 1 ELSE -1 END AS s,"
  "         coalesce(i.baseline, CASE WHEN f.d0 < l.d THEN f.v0 END) AS b,"
  "         coalesce(i.baseline_period, CASE WHEN f.d0 < l.d THEN f.d0 END) AS bd,"
  "         i.target AS t, i.target_date AS td, i.rag_tolerance AS tol0, l.x, l.d"
  "    FROM fh.indicator i LEFT JOIN latest lt USING (indicator_id)"
  "    LEFT JOIN l USING (indicator_id) LEFT JOIN f USING (indicator_id)"
  "   WHERE i.authority_id = 1"
  "), e AS ("
  "  SELECT *, CASE WHEN b IS NULL OR d >= td THEN t WHEN d <= bd THEN b"
  "                 ELSE b + (t - b) * (d - bd) / (td - bd)::numeric END AS ex,"
  "         coalesce(tol0, CASE WHEN b IS NULL THEN 0.10 * abs(t) ELSE 0.25 * abs(t - b) END) AS tol"
  "    FROM r"
  ")"
  "SELECT priority_number, indicator_code,"
  "       CASE WHEN latest IS NULL THEN '–' WHEN hidden THEN 'c'"
  "            WHEN unit = 'count' THEN round(latest)::text ELSE round(latest, 1)::text END,"
  "       unit,"
  "       CASE WHEN x IS NULL OR t IS NULL OR td IS NULL THEN 'grey'"
  "            WHEN (x - t) * s >= 0 THEN 'green'"
  "            WHEN (ex - x) * s <= 0 THEN 'green'"
  "            WHEN (ex - x) * s <= tol THEN 'amber'"
  "            ELSE 'red' END,"
  "       (x IS NULL)::text"
  "  FROM e ORDER BY priority_number, indicator_code";

static gboolean
can_run_ui (void)
{
  if (!have_display)
    {
      g_test_skip ("no display: run under Xvfb (build-aux/check.sh does)");
      return FALSE;
    }
  if (conninfo == NULL || g_getenv ("FH_OWNER_CONNINFO") == NULL)
    {
      g_test_skip ("FH_TEST_CONNINFO and FH_OWNER_CONNINFO are not set: run through build-aux/check.sh");
      return FALSE;
    }
  return TRUE;
}

/* "1234.5" → "1,234.5", written here rather than with the app's formatter. */
static char *
group_digits (const char *text)
{
  const char *dot = strchr (text, '.');
  gsize int_len = dot ? (gsize) (dot - text) : strlen (text);
  gboolean negative = text[0] == '-';
  GString *out = g_string_new (negative ? "-" : "");

  for (gsize i = negative; i < int_len; i++)
    {
      if (i > (gsize) negative && (int_len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, text[i]);
    }
  if (dot)
    g_string_append (out, dot);
  return g_string_free (out, FALSE);
}

static char *
expected_text (const char *value, const char *unit)
{
  g_autofree char *grouped = NULL;

  if (strcmp (value, "c") == 0 || strcmp (value, "–") == 0)
    return g_strdup (value);
  grouped = group_digits (value);
  if (strcmp (unit, "percent") == 0)
    return g_strconcat (grouped, "%", NULL);
  if (strcmp (unit, "days") == 0)
    return g_strconcat (grouped, " days", NULL);
  return g_steal_pointer (&grouped);
}

static gboolean
wait_for (gboolean (*done) (gpointer), gpointer data, guint seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      if (done (data))
        return TRUE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return done (data);
}

static gboolean
page_has_content (gpointer page)
{
  return fh_page_get_state (FH_PAGE (page)) == FH_DATA_VIEW_CONTENT;
}

static gboolean
detail_has_values (gpointer detail)
{
  return fh_indicator_detail_get_n_values (FH_INDICATOR_DETAIL (detail)) > 0;
}

static PGresult *
owner_query (PGconn *conn, const char *sql, int n, const char * const *params)
{
  PGresult *r = PQexecParams (conn, sql, n, NULL, params, NULL, NULL, 0);

  g_assert_cmpint (PQresultStatus (r), ==, PGRES_TUPLES_OK);
  return r;
}

/* The summary line from the counts, written here. */
static char *
expected_summary (guint green, guint amber, guint red, guint no_data, guint no_target)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "%u of %u on track", green, green + amber + red + no_data + no_target);
  if (amber) g_string_append_printf (s, ", %u close", amber);
  if (red) g_string_append_printf (s, ", %u off track", red);
  if (no_data) g_string_append_printf (s, ", %u no data", no_data);
  if (no_target) g_string_append_printf (s, ", %u no target", no_target);
  return g_string_free (s, FALSE);
}

static void
test_cards_match_sql (void)
{
  static const char *names[] = { [FH_RAG_GREY] = "grey", [FH_RAG_RED] = "red",
                                 [FH_RAG_AMBER] = "amber", [FH_RAG_GREEN] = "green" };
  FhWindow *window;
  FhPrioritiesPage *page;
  PGconn *conn;
  PGresult *r;
  int row = 0;

  if (!can_run_ui ())
    return;
  window = fh_window_new (NULL, conninfo);
  page = FH_PRIORITIES_PAGE (fh_window_get_page (window, "priorities"));
  conn = PQconnectdb (g_getenv ("FH_OWNER_CONNINFO"));
  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_for (page_has_content, page, 120));
  g_assert_cmpstr (fh_priorities_page_get_view (page), ==, "overview");

  r = owner_query (conn, expected_sql, 0, NULL);
  for (int n = 1; n <= 4; n++)
    {
      FhPriorityCard *card = fh_priorities_page_get_card (page, n);
      guint counts[4] = { 0 }, no_data = 0;
      g_autofree char *summary = NULL;
      guint k = 0;

      g_assert_nonnull (card);
      for (; row < PQntuples (r) && atoi (PQgetvalue (r, row, 0)) == n; row++, k++)
        {
          FhIndicatorRow *ir;
          g_autofree char *text = expected_text (PQgetvalue (r, row, 2), PQgetvalue (r, row, 3));
          const char *status = PQgetvalue (r, row, 4);

          g_assert_cmpuint (k, <, fh_priority_card_get_n_rows (card));
          ir = fh_priority_card_get_row (card, k);
          g_test_message ("%s: %s %s", PQgetvalue (r, row, 1), text, status);
          g_assert_cmpstr (fh_indicator_row_get_code (ir), ==, PQgetvalue (r, row, 1));
          g_assert_cmpstr (fh_indicator_row_get_latest_text (ir), ==, text);
          g_assert_cmpstr (names[fh_indicator_row_get_status (ir)], ==, status);
          for (guint s = 0; s < G_N_ELEMENTS (names); s++)
            if (strcmp (names[s], status) == 0)
              counts[s]++;
          if (strcmp (status, "grey") == 0 && strcmp (PQgetvalue (r, row, 5), "true") == 0)
            no_data++;
        }
      g_assert_cmpuint (fh_priority_card_get_n_rows (card), ==, k);
      summary = expected_summary (counts[FH_RAG_GREEN], counts[FH_RAG_AMBER], counts[FH_RAG_RED],
                                  no_data, counts[FH_RAG_GREY] - no_data);
      g_assert_cmpstr (fh_priority_card_get_summary (card), ==, summary);
      /* the projector says the same */
      g_assert_cmpstr (fh_priority_projector_get_summary (fh_priorities_page_get_projector (page), n), ==, summary);
    }
  g_assert_cmpint (row, ==, PQntuples (r));
  PQclear (r);

  /* the detail of one indicator: its latest value annotated, every value
   * listed with numerator and denominator */
  {
    const char *params[] = { "cla_rate" };
    FhIndicatorDetail *detail = fh_priorities_page_get_detail (page);
    double x, y;
    const char *annotation;
    g_autofree char *expected = NULL;

    fh_priorities_page_show_indicator (page, "cla_rate");
    g_assert_cmpstr (fh_priorities_page_get_view (page), ==, "detail");
    g_assert_true (wait_for (detail_has_values, detail, 60));
    r = owner_query (conn, "SELECT count(*),"
                           "       (array_agg(to_char(v.period_end, 'Mon YYYY') || ' ' || round(v.value, 1)"
                           "                  ORDER BY v.period_end DESC))[1]"
                           "  FROM fh.indicator_value v JOIN fh.indicator i USING (indicator_id)"
                           " WHERE i.authority_id = 1 AND i.indicator_code = $1", 1, params);
    g_assert_cmpuint (fh_indicator_detail_get_n_values (detail), ==, atoi (PQgetvalue (r, 0, 0)));
    /* draw it once so the annotation has a place */
    {
      cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 400);
      cairo_t *cr = cairo_create (s);

      fh_chart_draw (FH_CHART (fh_indicator_detail_get_chart (detail)), cr, 800, 400);
      cairo_destroy (cr);
      cairo_surface_destroy (s);
    }
    g_assert_true (fh_indicator_chart_get_annotation (fh_indicator_detail_get_chart (detail), &x, &y, &annotation));
    {
      /* "Sep 2026 113.8" → "113.8, Sep 2026" */
      g_auto(GStrv) parts = g_strsplit (PQgetvalue (r, 0, 1), " ", 3);
      expected = g_strdup_printf ("%s, %s %s", parts[2], parts[0], parts[1]);
    }
    g_assert_cmpstr (annotation, ==, expected);
    PQclear (r);
  }

  /* back, the projector, and F11 bound to the window's full screen */
  gtk_widget_activate_action (GTK_WIDGET (page), "priorities.show-view", "s", "overview");
  g_assert_cmpstr (fh_priorities_page_get_view (page), ==, "overview");
  gtk_widget_activate_action (GTK_WIDGET (page), "priorities.show-view", "s", "projector");
  g_assert_cmpstr (fh_priorities_page_get_view (page), ==, "projector");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.fullscreen", NULL));
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
    gboolean f11 = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) c = g_list_model_get_item (controllers, i);

        if (!GTK_IS_SHORTCUT_CONTROLLER (c))
          continue;
        for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (c)); j++)
          {
            g_autoptr(GtkShortcut) sc = g_list_model_get_item (G_LIST_MODEL (c), j);
            GtkShortcutTrigger *t = gtk_shortcut_get_trigger (sc);
            GtkShortcutAction *a = gtk_shortcut_get_action (sc);

            if (GTK_IS_KEYVAL_TRIGGER (t) && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (t)) == GDK_KEY_F11
                && GTK_IS_NAMED_ACTION (a)
                && g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (a)), "win.fullscreen") == 0)
              f11 = TRUE;
          }
      }
    g_assert_true (f11);
  }

  PQfinish (conn);
  gtk_window_destroy (GTK_WINDOW (window));
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

  g_test_add_func ("/app/priorities/cards-detail-projector", test_cards_match_sql);
  return g_test_run ();
}
