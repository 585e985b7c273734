/* test-demand-summary.c — the demand functions' per-load summary
 * (data/sql/09-demand-summary.sql) holds what the rows say, and a stale one
 * is never served
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

/* Every output row of the demand functions the summary speeds up, for a few
 * periods and filters, as one digest. */
static const char *digest_sql =
  "SELECT md5(string_agg(x, '|' ORDER BY n)) FROM ("
  "  SELECT 1 AS n, string_agg(t::text, ',') AS x"
  "    FROM reporting.demand_measures(1, '2025-04-01', '2026-03-31') t"
  "  UNION ALL SELECT 2, string_agg(t::text, ',')"
  "    FROM reporting.demand_measures(1, '2024-01-01', '2024-06-30', 'targeted', 'adolescence',"
  "                                   NULL, NULL, '10-17') t"
  "  UNION ALL SELECT 3, string_agg(t::text, ',')"
  "    FROM reporting.demand_measures(1, '2025-04-05', '2026-03-17', NULL, NULL, NULL, NULL, NULL, true) t"
  "  UNION ALL SELECT 4, string_agg(t::text, ',')"
  "    FROM reporting.demand_monthly(1, NULL, '2021-11-01', '2026-10-31') t"
  "  UNION ALL SELECT 5, string_agg(w.ward_code || t::text, ',')"
  "    FROM fh.ward w, reporting.demand_monthly(1, w.ward_code, '2023-11-01', '2026-10-31', true) t"
  "   WHERE w.authority_id = 1) d";

/* BEGIN, and the summary made from the rows as they are now. */
static void
begin_fresh (PGconn *conn)
{
  fh_test_sql_command (conn, "BEGIN");
  g_assert_cmpint (fh_test_sql_count (conn, "SELECT fh.refresh_demand_summary()"), >, 0);
}

static void
test_refresh_marks_fresh (void)
{
  PGconn *conn = fh_test_sql_connect (owner_conninfo);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  fh_test_sql_command (conn, "BEGIN");
  fh_test_sql_command (conn, "UPDATE fh.demand_summary_state SET fresh = false");
  before = fh_test_sql_value (conn, "SELECT fh.demand_summary_fresh()::text");
  g_assert_cmpint (fh_test_sql_count (conn, "SELECT fh.refresh_demand_summary()"), >, 200);
  after = fh_test_sql_value (conn, "SELECT fh.demand_summary_fresh()::text");
  g_assert_cmpstr (before, ==, "false");
  g_assert_cmpstr (after, ==, "true");
  g_assert_cmpint (fh_test_sql_count (conn, "SELECT count(*) FROM fh.demand_month WHERE authority_id = 1"), >, 100);
  g_assert_cmpint (fh_test_sql_count (conn, "SELECT count(*) FROM fh.rereferral WHERE authority_id = 1"), >, 100);
  fh_test_sql_command (conn, "ROLLBACK");
  PQfinish (conn);
}

/* The summary against counts written here another way: a join of each
 * accepted referral to the child's earlier ones, and months by to_char. */
static void
test_summary_matches_rows (void)
{
  PGconn *conn = fh_test_sql_connect (owner_conninfo);

  begin_fresh (conn);
  g_assert_cmpint (fh_test_sql_count (conn,
    "WITH mine AS ("
    "  SELECT authority_id, ward_code, to_char(received_on, 'YYYY-MM') AS ym,"
    "         count(*) FILTER (WHERE decision IS NOT NULL) AS requests, 0::bigint AS started"
    "    FROM fh.referral GROUP BY 1, 2, 3"
    "  UNION ALL"
    "  SELECT authority_id, ward_code, to_char(started_on, 'YYYY-MM'), 0, count(*)"
    "    FROM fh.episode GROUP BY 1, 2, 3"
    "), expected AS ("
    "  SELECT authority_id, ward_code, ym, sum(requests) AS requests, sum(started) AS started"
    "    FROM mine GROUP BY 1, 2, 3"
    "), got AS ("
    "  SELECT authority_id, ward_code, to_char(month, 'YYYY-MM') AS ym,"
    "         requests::numeric, episodes_started::numeric FROM fh.demand_month"
    ")"
    "SELECT count(*) FROM ((TABLE expected EXCEPT TABLE got) UNION ALL (TABLE got EXCEPT TABLE expected)) d"),
    ==, 0);

  g_assert_cmpint (fh_test_sql_count (conn,
    "WITH acc AS ("
    "  SELECT referral_id, authority_id, child_id, received_on FROM fh.referral"
    "   WHERE decision IN ('early_help', 'targeted_core', 'targeted_adolescence')"
    "), expected AS ("
    "  SELECT DISTINCT a.referral_id, a.authority_id, a.received_on"
    "    FROM acc a JOIN acc b ON b.child_id = a.child_id AND b.referral_id <> a.referral_id"
    "   WHERE b.received_on < a.received_on"
    "     AND b.received_on >= (a.received_on - interval '1 year')::date"
    ")"
    "SELECT count(*) FROM ((TABLE expected EXCEPT TABLE fh.rereferral)"
    "                      UNION ALL (TABLE fh.rereferral EXCEPT TABLE expected)) d"),
    ==, 0);
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
  g_autofree char *state = NULL;

  begin_fresh (conn);
  fresh = fh_test_sql_value (conn, digest_sql);
  fh_test_sql_command (conn, "UPDATE fh.demand_summary_state SET fresh = false");
  state = fh_test_sql_value (conn, "SELECT fh.demand_summary_fresh()::text");
  g_assert_cmpstr (state, ==, "false");
  stale = fh_test_sql_value (conn, digest_sql);
  fh_test_sql_command (conn, "ROLLBACK");
  g_assert_nonnull (fresh);
  g_assert_cmpstr (fresh, ==, stale);
  PQfinish (conn);
}

/* A load that does not refresh: the change shows at once, and the summary
 * is not read. */
static void
test_stale_is_never_served (void)
{
  PGconn *conn = fh_test_sql_connect (owner_conninfo);
  const char *month_sql =
    "SELECT referrals FROM reporting.demand_monthly(1, NULL, '2025-06-01', '2025-06-30', true)";
  const char *rereferrals_sql =
    "SELECT count FROM reporting.demand_measures(1, '2025-06-01', '2025-06-30', p_exact => true)"
    " WHERE ward_code IS NULL AND measure = 'rereferrals'";
  gint64 before, rerefs_before;
  g_autofree char *state = NULL;

  begin_fresh (conn);
  before = fh_test_sql_count (conn, month_sql);
  rerefs_before = fh_test_sql_count (conn, rereferrals_sql);
  /* a second accepted referral of a child accepted in May 2025: one more
   * request in June, and a re-referral */
  fh_test_sql_command (conn,
    "INSERT INTO fh.referral (referral_id, authority_id, child_id, family_id, ward_code, age_at_referral,"
    "                         received_on, source, route, decision, decided_on)"
    "SELECT (SELECT max(referral_id) + 1 FROM fh.referral), authority_id, child_id, family_id, ward_code,"
    "       age_at_referral, date '2025-06-15', source, route, 'early_help', date '2025-06-16'"
    "  FROM fh.referral"
    " WHERE authority_id = 1 AND decision = 'early_help' AND received_on BETWEEN '2025-05-01' AND '2025-05-31'"
    "   AND NOT EXISTS (SELECT 1 FROM fh.referral q WHERE q.child_id = referral.child_id"
    "                      AND q.received_on BETWEEN '2025-06-01' AND '2025-06-30')"
    " ORDER BY referral_id LIMIT 1");
  state = fh_test_sql_value (conn, "SELECT fresh::text FROM fh.demand_summary_state");
  g_assert_cmpstr (state, ==, "false");
  g_assert_cmpint (fh_test_sql_count (conn, month_sql), ==, before + 1);
  g_assert_cmpint (fh_test_sql_count (conn, rereferrals_sql), ==, rerefs_before + 1);

  /* and the refresh brings the summary back, with the new row */
  g_assert_cmpint (fh_test_sql_count (conn, "SELECT fh.refresh_demand_summary()"), >, 0);
  g_clear_pointer (&state, g_free);
  state = fh_test_sql_value (conn, "SELECT fresh::text FROM fh.demand_summary_state");
  g_assert_cmpstr (state, ==, "true");
  g_assert_cmpint (fh_test_sql_count (conn, month_sql), ==, before + 1);
  g_assert_cmpint (fh_test_sql_count (conn, rereferrals_sql), ==, rerefs_before + 1);
  fh_test_sql_command (conn, "ROLLBACK");

  /* rolled back: the new referral is gone, whichever way it is counted */
  g_assert_cmpint (fh_test_sql_count (conn, month_sql), ==, before);
  PQfinish (conn);
}

/* The summary is the owner's: the reader can neither read nor refresh it. */
static void
test_reader_cannot_touch_it (void)
{
  const char *reader = g_getenv ("FH_CONNINFO");
  const char *const sqls[] = {
    "SELECT count(*) FROM fh.demand_month",
    "SELECT count(*) FROM fh.rereferral",
    "SELECT fh.refresh_demand_summary()",
    "SELECT fh.demand_summary_fresh()",
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
  g_test_add_func ("/demand-summary/refresh-marks-fresh", test_refresh_marks_fresh);
  g_test_add_func ("/demand-summary/matches-rows", test_summary_matches_rows);
  g_test_add_func ("/demand-summary/stale-and-fresh-agree", test_stale_and_fresh_agree);
  g_test_add_func ("/demand-summary/stale-is-never-served", test_stale_is_never_served);
  g_test_add_func ("/demand-summary/reader-cannot-touch-it", test_reader_cannot_touch_it);
  return g_test_run ();
}
