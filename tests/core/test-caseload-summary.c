/* test-caseload-summary.c — the caseload trend's per-load summary
 * (data/sql/10-caseload-summary.sql) holds what the rows say, and a stale
 * one is never served
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As the owner (a superuser, so exact figures), each test in a transaction
 * that it rolls back, so the demo data are left as they were. Other tests
 * may have changed the rows before this one runs (which marks the summary
 * stale, as it should), so each test refreshes it first, in its
 * transaction.
 */
#include <libpq-fe.h>
#include <stdlib.h>

#include <glib.h>

#include "fh-test-sql.h"

static const char *owner_conninfo;

/* Every output row of reporting.caseload_trend for a few ranges, exact and
 * suppressed, as one digest. The ranges are inside the summary's month
 * ends (the demo data run from 2021 to 2026), one of them a single month. */
static const char *digest_sql =
  "SELECT md5(string_agg(x, '|' ORDER BY n)) FROM ("
  "  SELECT 1 AS n, string_agg(t::text, ',') AS x"
  "    FROM reporting.caseload_trend(1, '2024-04-01', '2026-03-31') t"
  "  UNION ALL SELECT 2, string_agg(t::text, ',')"
  "    FROM reporting.caseload_trend(1, '2024-04-01', '2026-03-31', true) t"
  "  UNION ALL SELECT 3, string_agg(t::text, ',')"
  "    FROM reporting.caseload_trend(1, '2021-11-15', '2026-10-31') t"
  "  UNION ALL SELECT 4, string_agg(t::text, ',')"
  "    FROM reporting.caseload_trend(1, '2022-02-01', '2025-02-28', true) t"
  "  UNION ALL SELECT 5, string_agg(t::text, ',')"
  "    FROM reporting.caseload_trend(1, '2026-03-31', '2026-03-31') t) d";

/* The summary's month end as a string, "core" figures of authority 1. */
static const char *june_sql =
  "SELECT open_episodes || '|' || held_episodes || '|' || median_per_fte"
  "  FROM reporting.caseload_trend(1, '2025-01-01', '2025-06-30', true)"
  " WHERE month_end = '2025-06-30' AND service = 'core'";

static gboolean
is_fresh (PGconn *conn)
{
  g_autofree char *v = fh_test_sql_value (conn, "SELECT fh.caseload_summary_covers('2025-06-30', '2025-06-30')::text");

  return g_strcmp0 (v, "true") == 0;
}

/* BEGIN, and the summary made from the rows as they are now. */
static void
begin_fresh (PGconn *conn)
{
  fh_test_sql_command (conn, "BEGIN");
  g_assert_cmpint (fh_test_sql_count (conn, "SELECT fh.refresh_caseload_summary()"), >, 0);
  g_assert_true (is_fresh (conn));
}

static void
test_refresh_marks_fresh (void)
{
  PGconn *conn = fh_test_sql_connect (owner_conninfo);

  fh_test_sql_command (conn, "BEGIN");
  fh_test_sql_command (conn, "UPDATE fh.caseload_summary_state SET fresh = false");
  g_assert_false (is_fresh (conn));
  g_assert_cmpint (fh_test_sql_count (conn, "SELECT fh.refresh_caseload_summary()"), >, 1000);
  g_assert_true (is_fresh (conn));
  /* every month end of the demo data, and no further back than its first date */
  g_assert_cmpint (fh_test_sql_count (conn, "SELECT count(*) FROM fh.caseload_summary_state"
                                " WHERE first_month_end <= '2021-11-30' AND last_month_end >= '2026-10-31'"
                                "   AND first_month_end >= (SELECT min(active_from) FROM fh.worker)"),
                   ==, 1);
  g_assert_cmpint (fh_test_sql_count (conn, "SELECT count(*) FROM fh.caseload_month_worker WHERE authority_id = 1"), >, 500);
  /* month ends beyond the range are not covered */
  {
    g_autofree char *v = fh_test_sql_value (conn, "SELECT fh.caseload_summary_covers('1999-01-31', '2025-06-30')::text");

    g_assert_cmpstr (v, ==, "false");
  }
  fh_test_sql_command (conn, "ROLLBACK");
  PQfinish (conn);
}

/* The summary against counts written here another way: per month end, a
 * join of workers in post to their current allocations of open episodes,
 * and correlated counts per service, with 'infinity' for open ends. */
static void
test_summary_matches_rows (void)
{
  PGconn *conn = fh_test_sql_connect (owner_conninfo);

  begin_fresh (conn);
  g_assert_cmpint (fh_test_sql_count (conn,
    "WITH m AS ("
    "  SELECT (g + interval '1 month')::date - 1 AS d"
    "    FROM fh.caseload_summary_state s,"
    "         generate_series(date_trunc('month', s.first_month_end), s.last_month_end, interval '1 month') g"
    "), expected AS ("
    "  SELECT t.authority_id, m.d, w.worker_id, count(DISTINCT e.episode_id) AS held"
    "    FROM m"
    "    JOIN fh.worker w ON w.active_from <= m.d AND coalesce(w.active_to, 'infinity') >= m.d"
    "    JOIN fh.team t ON t.team_id = w.team_id"
    "    JOIN fh.allocation a ON a.worker_id = w.worker_id AND a.allocated_from <= m.d"
    "                        AND coalesce(a.allocated_to, 'infinity') > m.d"
    "    JOIN fh.episode e ON e.episode_id = a.episode_id AND e.authority_id = t.authority_id"
    "                     AND e.started_on <= m.d AND coalesce(e.ended_on, 'infinity') > m.d"
    "   WHERE t.authority_id = 1"
    "   GROUP BY 1, 2, 3"
    "), got AS ("
    "  SELECT authority_id, month_end, worker_id, held FROM fh.caseload_month_worker WHERE authority_id = 1"
    ")"
    "SELECT count(*) FROM ((TABLE expected EXCEPT TABLE got) UNION ALL (TABLE got EXCEPT TABLE expected)) d"),
    ==, 0);

  g_assert_cmpint (fh_test_sql_count (conn,
    "WITH m AS ("
    "  SELECT (g + interval '1 month')::date - 1 AS d"
    "    FROM generate_series(date '2023-11-01', date '2026-10-01', interval '1 month') g"
    "), expected AS ("
    "  SELECT m.d, s.svc,"
    "         (SELECT count(*) FROM fh.episode e"
    "           WHERE e.authority_id = 1 AND coalesce(e.service, 'early') = s.svc"
    "             AND e.started_on <= m.d AND coalesce(e.ended_on, 'infinity') > m.d) AS open_n,"
    "         (SELECT count(DISTINCT e.episode_id) FROM fh.episode e"
    "            JOIN fh.allocation a ON a.episode_id = e.episode_id"
    "            JOIN fh.worker w ON w.worker_id = a.worker_id"
    "            JOIN fh.team t ON t.team_id = w.team_id"
    "           WHERE e.authority_id = 1 AND t.authority_id = 1 AND t.service = s.svc"
    "             AND e.started_on <= m.d AND coalesce(e.ended_on, 'infinity') > m.d"
    "             AND a.allocated_from <= m.d AND coalesce(a.allocated_to, 'infinity') > m.d"
    "             AND w.active_from <= m.d AND coalesce(w.active_to, 'infinity') >= m.d) AS held_n,"
    "         (SELECT count(DISTINCT e.episode_id) FROM fh.episode e"
    "            JOIN fh.allocation a ON a.episode_id = e.episode_id"
    "           WHERE e.authority_id = 1 AND coalesce(e.service, 'early') = s.svc"
    "             AND e.started_on <= m.d AND coalesce(e.ended_on, 'infinity') > m.d"
    "             AND a.allocated_from <= m.d AND coalesce(a.allocated_to, 'infinity') > m.d) AS alloc_n"
    "    FROM m CROSS JOIN (VALUES ('core'), ('adolescence'), ('early')) s (svc)"
    "), got AS ("
    "  SELECT month_end, service, open_episodes, held_episodes, allocated_episodes"
    "    FROM fh.caseload_month_service"
    "   WHERE authority_id = 1 AND month_end BETWEEN '2023-11-30' AND '2026-10-31'"
    ")"
    "SELECT count(*) FROM ((TABLE expected EXCEPT TABLE got) UNION ALL (TABLE got EXCEPT TABLE expected)) d"),
    ==, 0);
  /* and the counts are not all zero */
  g_assert_cmpint (fh_test_sql_count (conn, "SELECT min(open_episodes) FROM fh.caseload_month_service"
                                " WHERE authority_id = 1 AND month_end BETWEEN '2023-11-30' AND '2026-10-31'"),
                   >, 0);
  fh_test_sql_command (conn, "ROLLBACK");
  PQfinish (conn);
}

/* Counting from the rows (stale) and from the summary (fresh) agree. */
static void
test_stale_and_fresh_agree (void)
{
  PGconn *conn = fh_test_sql_connect (owner_conninfo);
  g_autofree char *fresh = NULL;
  g_autofree char *stale = NULL;

  begin_fresh (conn);
  fresh = fh_test_sql_value (conn, digest_sql);
  fh_test_sql_command (conn, "UPDATE fh.caseload_summary_state SET fresh = false");
  g_assert_false (is_fresh (conn));
  stale = fh_test_sql_value (conn, digest_sql);
  fh_test_sql_command (conn, "ROLLBACK");
  g_assert_nonnull (fresh);
  g_assert_cmpstr (fresh, ==, stale);
  PQfinish (conn);
}

/* A load that does not refresh: each base table's change marks the summary
 * stale at once, the change shows at once, and the refresh brings it back
 * with the change. */
static void
test_stale_is_never_served (void)
{
  PGconn *conn = fh_test_sql_connect (owner_conninfo);
  g_autofree char *before = NULL;
  g_autofree char *with_episode = NULL;
  g_autofree char *with_allocation = NULL;
  g_autofree char *refreshed = NULL;
  g_autofree char *after = NULL;
  g_auto(GStrv) b = NULL;
  g_auto(GStrv) e = NULL;
  g_auto(GStrv) a = NULL;

  begin_fresh (conn);
  before = fh_test_sql_value (conn, june_sql);

  /* a Core episode open since June 2025, not allocated: one more open */
  fh_test_sql_command (conn,
    "INSERT INTO fh.episode (episode_id, authority_id, family_id, child_id, ward_code, referral_id,"
    "                        age_at_start, level, service, started_on, ended_on, lead_agency)"
    "SELECT (SELECT max(episode_id) + 1 FROM fh.episode), authority_id, family_id, child_id, ward_code,"
    "       NULL, age_at_start, 'targeted', 'core', date '2025-06-02', NULL, lead_agency"
    "  FROM fh.episode WHERE authority_id = 1 AND service = 'core' ORDER BY episode_id LIMIT 1");
  g_assert_false (is_fresh (conn));
  with_episode = fh_test_sql_value (conn, june_sql);

  /* refreshed, then allocated to a Core worker in post: one more held */
  g_assert_cmpint (fh_test_sql_count (conn, "SELECT fh.refresh_caseload_summary()"), >, 0);
  g_assert_true (is_fresh (conn));
  fh_test_sql_command (conn,
    "INSERT INTO fh.allocation (allocation_id, episode_id, worker_id, allocated_from, allocated_to)"
    "SELECT (SELECT max(allocation_id) + 1 FROM fh.allocation), (SELECT max(episode_id) FROM fh.episode),"
    "       w.worker_id, date '2025-06-09', NULL"
    "  FROM fh.worker w JOIN fh.team t ON t.team_id = w.team_id"
    " WHERE t.authority_id = 1 AND t.service = 'core'"
    "   AND w.active_from <= '2025-06-30' AND coalesce(w.active_to, 'infinity') >= '2025-06-30'"
    " ORDER BY w.worker_id LIMIT 1");
  g_assert_false (is_fresh (conn));
  with_allocation = fh_test_sql_value (conn, june_sql);
  g_assert_cmpint (fh_test_sql_count (conn, "SELECT fh.refresh_caseload_summary()"), >, 0);
  refreshed = fh_test_sql_value (conn, june_sql);

  b = g_strsplit (before, "|", -1);
  e = g_strsplit (with_episode, "|", -1);
  a = g_strsplit (with_allocation, "|", -1);
  g_assert_cmpint (atoi (e[0]), ==, atoi (b[0]) + 1);
  g_assert_cmpint (atoi (e[1]), ==, atoi (b[1]));
  g_assert_cmpint (atoi (a[0]), ==, atoi (b[0]) + 1);
  g_assert_cmpint (atoi (a[1]), ==, atoi (b[1]) + 1);
  g_assert_cmpstr (refreshed, ==, with_allocation);

  /* workers and teams too: a statement that changes no row still marks it */
  fh_test_sql_command (conn, "UPDATE fh.worker SET fte = fte WHERE worker_id < 0");
  g_assert_false (is_fresh (conn));
  g_assert_cmpint (fh_test_sql_count (conn, "SELECT fh.refresh_caseload_summary()"), >, 0);
  fh_test_sql_command (conn, "UPDATE fh.team SET team_name = team_name WHERE team_id < 0");
  g_assert_false (is_fresh (conn));
  fh_test_sql_command (conn, "ROLLBACK");

  /* rolled back: the new episode is gone, whichever way it is counted */
  after = fh_test_sql_value (conn, june_sql);
  g_assert_cmpstr (after, ==, before);
  PQfinish (conn);
}

/* The summary is the owner's: the reader can neither read nor refresh it. */
static void
test_reader_cannot_touch_it (void)
{
  const char *reader = g_getenv ("FH_CONNINFO");
  const char *const sqls[] = {
    "SELECT count(*) FROM fh.caseload_month_worker",
    "SELECT count(*) FROM fh.caseload_month_service",
    "SELECT count(*) FROM fh.caseload_summary_state",
    "SELECT fh.refresh_caseload_summary()",
    "SELECT fh.caseload_summary_covers('2025-06-30', '2025-06-30')",
  };

  if (reader == NULL)
    {
      g_test_skip ("FH_CONNINFO is not set");
      return;
    }
  fh_test_sql_assert_refused (reader, sqls, G_N_ELEMENTS (sqls));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  owner_conninfo = g_getenv ("FH_OWNER_CONNINFO");
  if (owner_conninfo == NULL)
    {
      g_printerr ("FH_OWNER_CONNINFO is not set: run through run-with-postgres.sh\n");
      return 77;
    }
  g_test_add_func ("/caseload-summary/refresh-marks-fresh", test_refresh_marks_fresh);
  g_test_add_func ("/caseload-summary/matches-rows", test_summary_matches_rows);
  g_test_add_func ("/caseload-summary/stale-and-fresh-agree", test_stale_and_fresh_agree);
  g_test_add_func ("/caseload-summary/stale-is-never-served", test_stale_is_never_served);
  g_test_add_func ("/caseload-summary/reader-cannot-touch-it", test_reader_cannot_touch_it);
  return g_test_run ();
}
