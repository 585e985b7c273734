/* test-caseload.c — the caseload sections of issue 10 against cases made by hand
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small authority of its own (id 980: two wards, two Core teams and an
 * Adolescence team) holds the edges: an episode with two overlapping
 * allocation rows to one worker, an episode and an allocation that start on
 * the date, an episode and an allocation that end on it, a part-time
 * worker, a worker with no cases, a worker who left and one who leaves on
 * the date, episodes waiting with and without a known ward, children just
 * either side of ten, referrals decided over a weekend and over a bank
 * holiday. Its figures are counted by hand below and compared with the
 * reporting functions (data/sql/08-caseload.sql) as a manager asking for
 * exact figures. On the demo data the functions are held against
 * independent SQL written here. A reader and a manager each connect and
 * the test proves what each can and cannot read.
 */
#include <stdlib.h>
#include <string.h>

#include <math.h>

#include <libpq-fe.h>
#include <glib.h>

#include "fh-caseload-queries.h"
#include "fh-filter.h"

static const char *reader_conninfo;
static const char *owner_conninfo;

#define AS_AT "2026-09-30"

static PGconn *
connect_as (const char *conninfo, const char *user)
{
  g_autofree char *full = user ? g_strdup_printf ("%s user=%s", conninfo, user) : g_strdup (conninfo);
  PGconn *conn = PQconnectdb (full);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("cannot connect: %s", PQerrorMessage (conn));
  return conn;
}

static void
run_ok (PGconn *conn, const char *sql)
{
  PGresult *r = PQexec (conn, sql);

  if (PQresultStatus (r) != PGRES_COMMAND_OK && PQresultStatus (r) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (r));
  PQclear (r);
}

static PGresult *
rows (PGconn *conn, const char *sql, int n, const char * const *params)
{
  PGresult *r = PQexecParams (conn, sql, n, NULL, params, NULL, NULL, 0);

  if (PQresultStatus (r) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (r));
  return r;
}

/* The single value of @sql ("NULL" for SQL NULL), as a new string. */
static char *
value (PGconn *conn, const char *sql, int n, const char * const *params)
{
  PGresult *r = rows (conn, sql, n, params);
  char *v;

  if (PQntuples (r) != 1)
    g_error ("%s: %d rows, expected one", sql, PQntuples (r));
  v = g_strdup (PQgetisnull (r, 0, 0) ? "NULL" : PQgetvalue (r, 0, 0));
  PQclear (r);
  return v;
}

static char *
sqlstate_of (PGconn *conn, const char *sql, int n, const char * const *params)
{
  PGresult *r = PQexecParams (conn, sql, n, NULL, params, NULL, NULL, 0);
  char *state;

  if (PQresultStatus (r) == PGRES_TUPLES_OK || PQresultStatus (r) == PGRES_COMMAND_OK)
    state = g_strdup ("00000");
  else
    state = g_strdup (PQresultErrorField (r, PG_DIAG_SQLSTATE));
  PQclear (r);
  return state;
}

#define assert_value(conn, sql, n, params, expected) \
  G_STMT_START { \
    g_autofree char *got_ = value ((conn), (sql), (n), (params)); \
    g_assert_cmpstr (got_, ==, (expected)); \
  } G_STMT_END

static const char *remove_fixture =
  "DELETE FROM fh.allocation WHERE episode_id IN (SELECT episode_id FROM fh.episode WHERE authority_id = 980);"
  "DELETE FROM fh.episode_need WHERE episode_id IN (SELECT episode_id FROM fh.episode WHERE authority_id = 980);"
  "DELETE FROM fh.episode WHERE authority_id = 980;"
  "DELETE FROM fh.referral WHERE authority_id = 980;"
  "DELETE FROM fh.child WHERE family_id IN (SELECT family_id FROM fh.family WHERE authority_id = 980);"
  "DELETE FROM fh.family WHERE authority_id = 980;"
  "DELETE FROM fh.worker WHERE team_id IN (SELECT team_id FROM fh.team WHERE authority_id = 980);"
  "DELETE FROM fh.team WHERE authority_id = 980;"
  "DELETE FROM fh.ward_locality WHERE ward_code LIKE 'T98%';"
  "DELETE FROM fh.locality WHERE authority_id = 980;"
  "DELETE FROM fh.ward WHERE authority_id = 980;"
  "DELETE FROM fh.authority WHERE authority_id = 980;";

static void
add_fixture (PGconn *owner)
{
  run_ok (owner, remove_fixture);
  run_ok (owner,
    "INSERT INTO fh.authority VALUES (980, 'T98000000', 'Caseload test authority');"
    "INSERT INTO fh.ward (ward_code, authority_id, ward_name, population_total, children_0_17,"
    "                     children_0_4, children_5_9, children_10_17)"
    "  VALUES ('T9800001', 980, 'Upper', 5000, 1500, 400, 500, 600),"
    "         ('T9800002', 980, 'Lower', 6000, 2500, 800, 800, 900);"
    "INSERT INTO fh.locality VALUES (9801, 980, 'Upper locality'), (9802, 980, 'Lower locality');"
    "INSERT INTO fh.ward_locality VALUES ('T9800001', 9801), ('T9800002', 9802);"
    "INSERT INTO fh.team VALUES (9801, 980, 'T Core A', 'core', 9801), (9802, 980, 'T Core B', 'core', 9802),"
    "                           (9803, 980, 'T Adolescence', 'adolescence', 9801);"
    "INSERT INTO fh.worker (worker_id, team_id, display_name, role, fte, active_from, active_to, worker_ref) VALUES"
    "  (980001, 9801, 'Ann Example', 'family_help_worker', 1.0, '2020-01-01', NULL, 'W98001'),"
    "  (980002, 9801, 'Bob Example', 'family_help_worker', 0.6, '2020-01-01', NULL, 'W98002'),"   /* part-time */
    "  (980003, 9801, 'Cat Example', 'family_help_worker', 1.0, '2020-01-01', NULL, 'W98003'),"   /* no cases */
    "  (980004, 9801, 'Dan Example', 'family_help_worker', 1.0, '2020-01-01', '2026-06-30', 'W98004')," /* left */
    "  (980005, 9802, 'Eve Example', 'family_help_worker', 1.0, '2020-01-01', '" AS_AT "', 'W98005'),"  /* last day */
    "  (980006, 9803, 'Fay Example', 'family_help_worker', 0.8, '2020-01-01', NULL, 'W98006');"
    "INSERT INTO fh.family VALUES (98000001, 980, 'T9800001'), (98000002, 980, 'T9800002');"
    "INSERT INTO fh.child VALUES"
    "  (98000101, 98000001, '2011-03-01'), (98000102, 98000001, '2016-01-01'),"
    "  (98000103, 98000001, '2015-05-01'), (98000104, 98000002, '2014-02-01'),"
    "  (98000105, 98000002, '2017-06-01'), (98000106, 98000002, '2016-09-01'),"   /* 9; ten this month */
    "  (98000107, 98000001, '2012-01-01'), (98000108, 98000002, '2020-01-01');"
    "INSERT INTO fh.episode (episode_id, authority_id, family_id, child_id, ward_code, referral_id, age_at_start,"
    "                        level, service, started_on, ended_on, lead_agency, taf_in_place, closure_reason) VALUES"
    "  (98000001, 980, 98000001, 98000101, 'T9800001', NULL, 14, 'targeted', 'core', '2026-01-10', NULL, 'council', false, NULL),"
    "  (98000002, 980, 98000001, 98000102, 'T9800001', NULL, 10, 'targeted', 'core', '" AS_AT "', NULL, 'council', false, NULL),"
    "  (98000003, 980, 98000001, 98000101, 'T9800001', NULL, 14, 'targeted', 'core', '2026-02-01', '" AS_AT "', 'council', false, 'needs_met'),"
    "  (98000004, 980, 98000001, 98000103, 'T9800001', NULL, 11, 'targeted', 'core', '2026-08-01', NULL, 'council', false, NULL),"
    "  (98000005, 980, 98000001, 98000108, 'T9800001', NULL, 6, 'targeted', 'core', '2026-02-01', NULL, 'council', false, NULL),"
    "  (98000006, 980, 98000001, 98000108, 'T9800001', NULL, 6, 'targeted', 'core', '2026-05-01', NULL, 'council', false, NULL),"
    "  (98000007, 980, 98000001, 98000108, 'T9800001', NULL, 6, 'targeted', 'core', '2026-03-01', NULL, 'council', false, NULL),"
    "  (98000008, 980, 98000002, 98000105, 'T9800002', NULL, 9, 'targeted', 'core', '2026-09-20', NULL, 'council', false, NULL),"
    "  (98000009, 980, 98000002, 98000108, NULL, NULL, 6, 'targeted', 'core', '2026-09-27', NULL, 'council', false, NULL),"
    "  (98000010, 980, 98000002, 98000104, 'T9800002', NULL, 12, 'targeted', 'core', '2026-04-01', NULL, 'council', false, NULL),"
    "  (98000011, 980, 98000002, 98000106, 'T9800002', NULL, 9, 'targeted', 'core', '2026-06-01', NULL, 'council', false, NULL),"
    "  (98000012, 980, 98000001, 98000107, 'T9800001', NULL, 14, 'targeted', 'adolescence', '2026-03-01', NULL, 'council', false, NULL),"
    "  (98000013, 980, 98000001, 98000101, 'T9800001', NULL, 15, 'targeted', 'core', '2026-10-01', NULL, 'council', false, NULL);"
    "INSERT INTO fh.episode_need VALUES"
    "  (98000001, 'criminality'), (98000001, 'education'), (98000002, 'parenting'), (98000003, 'missing'),"
    "  (98000004, 'education'), (98000005, 'housing'), (98000006, 'parenting'), (98000008, 'exploitation'),"
    "  (98000009, 'missing'), (98000010, 'missing'), (98000010, 'housing'), (98000011, 'parenting'),"
    "  (98000012, 'asb'), (98000013, 'exploitation');"
    "INSERT INTO fh.allocation VALUES"
    "  (98000001, 98000001, 980001, '2026-01-12', NULL),"
    "  (98000002, 98000001, 980001, '2026-03-01', NULL),"        /* overlapping second row */
    "  (98000003, 98000002, 980001, '" AS_AT "', NULL),"         /* starts on the date */
    "  (98000004, 98000003, 980001, '2026-02-01', '" AS_AT "'),"  /* episode ends on the date */
    "  (98000005, 98000004, 980001, '2026-08-02', '" AS_AT "'),"  /* allocation ends on the date */
    "  (98000006, 98000005, 980002, '2026-02-01', NULL),"
    "  (98000007, 98000006, 980002, '2026-05-01', NULL),"
    "  (98000008, 98000007, 980004, '2026-03-01', NULL),"        /* the worker who left */
    "  (98000009, 98000010, 980005, '2026-04-01', NULL),"
    "  (98000010, 98000011, 980005, '2026-06-01', NULL),"
    "  (98000011, 98000012, 980006, '2026-03-01', NULL),"
    "  (98000012, 98000013, 980001, '2026-10-01', NULL);"        /* after the date */
    /* the front door, August and September 2026 (31 August a bank holiday) */
    "INSERT INTO fh.referral VALUES"
    "  (98000101, 980, 98000101, 98000001, 'T9800001', 15, '2026-09-04', 'police', 'mash', 'targeted_adolescence', '2026-09-07'),"
    "  (98000102, 980, 98000102, 98000001, 'T9800001', 10, '2026-09-04', 'school', 'mash', 'targeted_core', '2026-09-08'),"
    "  (98000103, 980, 98000103, 98000001, 'T9800001', 11, '2026-09-09', 'school', 'mash', 'nfa', '2026-09-09'),"
    "  (98000104, 980, 98000104, 98000002, 'T9800002', 12, '2026-09-12', 'health', 'mash', 'targeted_core', '2026-09-14'),"
    "  (98000105, 980, 98000105, 98000002, 'T9800002', 9, '2026-08-28', 'health', 'mash', 'early_help', '2026-09-01'),"
    "  (98000106, 980, 98000106, 98000002, 'T9800002', 10, '2026-09-09', 'self_family', 'community', 'universal', '2026-09-09'),"
    "  (98000107, 980, 98000107, 98000001, 'T9800001', 14, '2026-09-29', 'school', 'mash', NULL, NULL),"
    "  (98000108, 980, 98000108, 98000002, NULL, 6, '2026-09-14', 'council', 'mash', 'statutory', '2026-09-16'),"
    "  (98000109, 980, 98000101, 98000001, 'T9800001', 15, '2026-07-31', 'police', 'mash', 'nfa', '2026-07-31'),"
    "  (98000110, 980, 98000107, 98000001, 'T9800001', 14, '2026-09-15', 'police', 'mash', 'targeted_adolescence', '2026-09-16');");
}

/* ---- the edges, counted by hand --------------------------------------------- */

static void
test_workers_by_hand (void)
{
  PGconn *owner = connect_as (owner_conninfo, NULL);
  PGconn *manager = connect_as (reader_conninfo, "fh_manager");
  const char *sql = "SELECT open_episodes || '|' || episodes_per_fte"
                    "  FROM reporting.caseload_by_worker(980, '" AS_AT "', true) WHERE worker_ref = $1";
  struct { const char *ref, *expected; } cases[] = {
    { "W98001", "2|2.0" },    /* two rows of one episode count once; starts on the date counts,
                                 ends on the date does not */
    { "W98002", "2|3.3" },    /* part-time 0.6 */
    { "W98003", "0|0.0" },    /* no cases */
    { "W98005", "2|2.0" },    /* leaves on the date: still in post */
    { "W98006", "1|1.3" },
  };

  add_fixture (owner);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *params[] = { cases[i].ref };
      assert_value (manager, sql, 1, params, cases[i].expected);
    }
  /* the worker who left is not in post */
  assert_value (manager, "SELECT count(*) FROM reporting.caseload_by_worker(980, '" AS_AT "', true)"
                         " WHERE worker_ref = 'W98004'", 0, NULL, "0");
  assert_value (manager, "SELECT count(*) FROM reporting.caseload_by_worker(980, '" AS_AT "', true)",
                0, NULL, "5");
  assert_value (manager, "SELECT workers || '|' || fte || '|' || open_episodes || '|' || median_per_fte"
                         "  FROM reporting.caseload_by_service(980, '" AS_AT "', 20, true) WHERE service = 'core'",
                0, NULL, "4|3.60|6|2.0");
  PQfinish (manager);
  PQfinish (owner);
}

static void
test_waiting_by_hand (void)
{
  PGconn *owner = connect_as (owner_conninfo, NULL);
  PGconn *manager = connect_as (reader_conninfo, "fh_manager");
  PGconn *reader = connect_as (reader_conninfo, NULL);
  PGresult *r;

  add_fixture (owner);
  /* e4 (its allocation ended on the date, 60 days), e8 (10 days, Lower's
   * Core team), e9 (ward not known, 3 days) */
  r = rows (manager, "SELECT coalesce(team_name, '-'), is_total, waiting, median_days_waiting"
                     "  FROM reporting.waiting_by_team(980, '" AS_AT "', true) WHERE service = 'core'", 0, NULL);
  g_assert_cmpint (PQntuples (r), ==, 4);
  g_assert_cmpstr (PQgetvalue (r, 0, 0), ==, "T Core A");
  g_assert_cmpstr (PQgetvalue (r, 0, 2), ==, "1");
  g_assert_cmpstr (PQgetvalue (r, 0, 3), ==, "60.0");
  g_assert_cmpstr (PQgetvalue (r, 1, 0), ==, "T Core B");
  g_assert_cmpstr (PQgetvalue (r, 1, 3), ==, "10.0");
  g_assert_cmpstr (PQgetvalue (r, 2, 0), ==, "-");
  g_assert_cmpstr (PQgetvalue (r, 2, 1), ==, "f");
  g_assert_cmpstr (PQgetvalue (r, 2, 3), ==, "3.0");
  g_assert_cmpstr (PQgetvalue (r, 3, 1), ==, "t");
  g_assert_cmpstr (PQgetvalue (r, 3, 2), ==, "3");
  g_assert_cmpstr (PQgetvalue (r, 3, 3), ==, "10.0");
  PQclear (r);
  assert_value (manager, "SELECT waiting FROM reporting.waiting_by_team(980, '" AS_AT "', true)"
                         " WHERE service = 'adolescence' AND is_total", 0, NULL, "0");
  /* the same as the existing summary */
  assert_value (manager, "SELECT waiting FROM reporting.unallocated_episodes(980, '" AS_AT "', true)"
                         " WHERE service = 'core'", 0, NULL, "3");

  assert_value (manager, "SELECT string_agg(waiting::text, ',' ORDER BY min_days)"
                         "  FROM reporting.waiting_bands(980, '" AS_AT "', true) WHERE service = 'core'",
                0, NULL, "1,1,0,0,1");
  assert_value (manager, "SELECT string_agg(days_waiting::text, ',' ORDER BY rank)"
                         "  FROM reporting.waiting_longest(980, '" AS_AT "', true)", 0, NULL, "60,10,3");

  /* a reader: every count of 1 suppressed; five rows of withheld days, not three */
  assert_value (reader, "SELECT count(*) FROM reporting.waiting_by_team(980, '" AS_AT "')"
                        " WHERE waiting BETWEEN 1 AND 5", 0, NULL, "0");
  assert_value (reader, "SELECT bool_and(waiting_suppressed) FROM reporting.waiting_by_team(980, '" AS_AT "')"
                        " WHERE service = 'core'", 0, NULL, "t");
  assert_value (reader, "SELECT count(*) || '|' || count(days_waiting) || '|' || bool_and(days_suppressed)"
                        "  FROM reporting.waiting_longest(980, '" AS_AT "')", 0, NULL, "5|0|true");
  PQfinish (reader);
  PQfinish (manager);
  PQfinish (owner);
}

static void
test_trend_by_hand (void)
{
  PGconn *owner = connect_as (owner_conninfo, NULL);
  PGconn *manager = connect_as (reader_conninfo, "fh_manager");
  const char *sql = "SELECT workers || '|' || fte || '|' || open_episodes || '|' || held_episodes"
                    "       || '|' || median_per_fte || '|' || mean_per_fte"
                    "  FROM reporting.caseload_trend(980, '2024-10-01', '2026-09-15', true)"
                    " WHERE month_end = $1::date AND service = $2";
  struct { const char *month, *service, *expected; } cases[] = {
    /* ratios 2.0, 3.3, 0, 2.0: median 2.0, mean (2 + 2/0.6 + 0 + 2) / 4 */
    { AS_AT, "core", "4|3.60|10|6|2.0|1.8" },
    /* the episode ending on 30 September and the allocation ending then
     * are still open on 31 August; the worker who left in June is gone:
     * ratios 3.0, 3.3, 0, 2.0 */
    { "2026-08-31", "core", "4|3.60|8|7|2.5|2.1" },
    { "2026-08-31", "adolescence", "1|0.80|1|1|1.3|1.3" },
    /* Dan in post on his last day with his one episode: ratios 2.0, 3.3,
     * 0, 1.0, 2.0 */
    { "2026-06-30", "core", "5|4.60|7|7|2.0|1.7" },
  };

  add_fixture (owner);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *params[] = { cases[i].month, cases[i].service };
      assert_value (manager, sql, 2, params, cases[i].expected);
    }
  /* 24 month ends, three services each */
  assert_value (manager, "SELECT count(DISTINCT month_end) || '|' || count(*)"
                         "  FROM reporting.caseload_trend(980, '2024-10-01', '2026-09-15', true)",
                0, NULL, "24|72");
  PQfinish (manager);
  PQfinish (owner);
}

static void
test_front_door_by_hand (void)
{
  PGconn *owner = connect_as (owner_conninfo, NULL);
  PGconn *manager = connect_as (reader_conninfo, "fh_manager");
  PGconn *reader = connect_as (reader_conninfo, NULL);
  const char *sql = "SELECT referrals || '|' || within_one_day || '|' || coalesce(pct_within_one_day::text, '-')"
                    "  FROM reporting.front_door(980, '2026-08-01', '2026-09-30', true)"
                    " WHERE ward_code IS NOT DISTINCT FROM $1 AND decision = $2";
  struct { const char *ward, *decision, *expected; } cases[] = {
    /* MASH only, decided only, received in the period; Friday to Monday is
     * one working day, Friday to Tuesday two, Saturday to Monday one, and
     * Friday to the Tuesday after a bank holiday Monday one */
    { NULL, "all", "7|5|71.4" },
    { NULL, "statutory", "1|0|0.0" },       /* ward not known: the authority only */
    { NULL, "universal", "0|0|-" },         /* the community referral is not the front door */
    { "T9800001", "all", "4|3|75.0" },
    { "T9800001", "targeted_adolescence", "2|2|100.0" },
    { "T9800001", "targeted_core", "1|0|0.0" },
    { "T9800002", "all", "2|2|100.0" },
    { "T9800002", "early_help", "1|1|100.0" },
  };

  add_fixture (owner);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *params[] = { cases[i].ward, cases[i].decision };
      assert_value (manager, sql, 2, params, cases[i].expected);
    }
  /* the working-day rule, written again: weekdays after receipt up to the
   * decision, less bank holidays */
  assert_value (owner,
                "SELECT count(*) FROM fh.referral r"
                " WHERE r.authority_id = 980 AND r.route = 'mash' AND r.decision IS NOT NULL"
                "   AND r.received_on BETWEEN '2026-08-01' AND '2026-09-30'"
                "   AND (SELECT count(*) FROM generate_series(r.received_on + 1, r.decided_on, '1 day') d"
                "         WHERE extract(dow FROM d) NOT IN (0, 6)"
                "           AND d::date NOT IN (SELECT day FROM fh.bank_holiday)) <= 1", 0, NULL, "5");

  assert_value (manager, "SELECT string_agg(targeted_core || '/' || targeted_adolescence, ',' ORDER BY min_age)"
                         "  FROM reporting.front_door_path(980, '2026-08-01', '2026-09-30', true)",
                0, NULL, "0/0,0/0,2/0,0/2,0/0");

  /* a reader: whole months only, and no count of 1 to 5 */
  {
    g_autofree char *state = sqlstate_of (reader, "SELECT * FROM reporting.front_door(980, '2026-09-04', '2026-09-30')", 0, NULL);
    g_assert_cmpstr (state, ==, "22023");
  }
  assert_value (reader, "SELECT count(*) FROM reporting.front_door(980, '2026-08-01', '2026-09-30')"
                        " WHERE referrals BETWEEN 1 AND 5 OR within_one_day BETWEEN 1 AND 5"
                        "    OR referrals - within_one_day BETWEEN 1 AND 5", 0, NULL, "0");
  assert_value (reader, "SELECT count(*) FROM reporting.front_door_path(980, '2026-08-01', '2026-09-30')"
                        " WHERE targeted_core BETWEEN 1 AND 5 OR targeted_adolescence BETWEEN 1 AND 5",
                0, NULL, "0");
  PQfinish (reader);
  PQfinish (manager);
  PQfinish (owner);
}

static void
test_routing_by_hand (void)
{
  PGconn *owner = connect_as (owner_conninfo, NULL);
  PGconn *manager = connect_as (reader_conninfo, "fh_manager");

  add_fixture (owner);
  /* e1 (15, criminality and education: Core A), e10 (12, missing: Core B),
   * e4 (11, education: not allocated). Not: e2 and e11 (ten, parenting
   * only), e8 (nine, exploitation), e9 (six, missing), e3 (ended on the
   * date), e12 (Adolescence), e13 (starts after the date). */
  assert_value (manager, "SELECT string_agg(coalesce(team_name, '-') || '=' || episodes, ',')"
                         "  FROM reporting.routing_check(980, '" AS_AT "', true) WHERE NOT is_total",
                0, NULL, "T Core A=1,T Core B=1,-=1");
  assert_value (manager, "SELECT episodes FROM reporting.routing_check(980, '" AS_AT "', true) WHERE is_total",
                0, NULL, "3");
  assert_value (manager, "SELECT string_agg(episode_ref || ':' || age || ':' || needs, ';')"
                         "  FROM reporting.routing_review(980, '" AS_AT "')",
                0, NULL, "E98000001:15:criminality, education;E98000010:12:missing;E98000004:11:education");
  /* the rule written again, on the fixture */
  assert_value (owner,
                "SELECT count(DISTINCT e.episode_id) FROM fh.episode e JOIN fh.child c USING (child_id)"
                "  JOIN fh.episode_need n USING (episode_id)"
                " WHERE e.authority_id = 980 AND e.service = 'core'"
                "   AND e.started_on <= '" AS_AT "' AND coalesce(e.ended_on, 'infinity') > '" AS_AT "'"
                "   AND date_part('year', age('" AS_AT "', c.birth_month)) >= 10"
                "   AND n.need IN ('exploitation', 'missing', 'asb', 'criminality', 'education')",
                0, NULL, "3");
  PQfinish (manager);
  PQfinish (owner);
}

/* ---- who sees what ----------------------------------------------------------------- */

static void
test_roles (void)
{
  PGconn *owner = connect_as (owner_conninfo, NULL);
  PGconn *manager = connect_as (reader_conninfo, "fh_manager");
  PGconn *reader = connect_as (reader_conninfo, NULL);
  const char *refused[] = {
    "SELECT * FROM reporting.worker_names(980, '" AS_AT "')",
    "SELECT * FROM reporting.routing_review(980, '" AS_AT "')",
    "SELECT * FROM reporting.routing_review(1, '2026-10-31')",
    "SELECT display_name FROM fh.worker",
    "SELECT * FROM reporting.waiting_by_team(980, '" AS_AT "', true)",
    "SELECT * FROM reporting.waiting_longest(980, '" AS_AT "', true)",
    "SELECT * FROM reporting.routing_check(980, '" AS_AT "', true)",
    "SELECT * FROM reporting.caseload_trend(980, '2024-10-01', '2026-09-30', true)",
    "SELECT * FROM reporting.front_door(980, '2026-08-01', '2026-09-30', true)",
  };

  add_fixture (owner);
  /* the reader: no names, no episode list, no exact figures */
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *state = sqlstate_of (reader, refused[i], 0, NULL);
      if (!g_str_equal (state, "42501"))
        g_error ("a reader ran %s (%s)", refused[i], state);
    }
  /* and no result of any function it may run holds a name or an episode key */
  assert_value (reader, "SELECT count(*) FROM reporting.caseload_by_worker(980, '" AS_AT "') c"
                        " WHERE c::text LIKE '%Example%' OR c::text LIKE '%98000%'", 0, NULL, "0");
  assert_value (reader, "SELECT count(*) FROM reporting.routing_check(980, '" AS_AT "') c"
                        " WHERE c::text LIKE '%98000%'", 0, NULL, "0");
  assert_value (reader, "SELECT count(*) FROM reporting.waiting_longest(980, '" AS_AT "') c"
                        " WHERE c::text LIKE '%98000%'", 0, NULL, "0");

  /* the manager: names of the workers in post, and the review list */
  assert_value (manager, "SELECT string_agg(worker_ref || '=' || display_name, ',' ORDER BY worker_ref)"
                         "  FROM reporting.worker_names(980, '" AS_AT "')",
                0, NULL, "W98001=Ann Example,W98002=Bob Example,W98003=Cat Example,W98005=Eve Example,W98006=Fay Example");
  assert_value (manager, "SELECT count(*) FROM reporting.routing_review(980, '" AS_AT "')", 0, NULL, "3");
  /* but still not the tables */
  {
    g_autofree char *state = sqlstate_of (manager, "SELECT display_name FROM fh.worker", 0, NULL);
    g_assert_cmpstr (state, ==, "42501");
  }
  /* nobody but the manager may run the two lists at all */
  assert_value (owner, "SELECT has_function_privilege('fh_reader', 'reporting.worker_names(int, date)', 'EXECUTE')"
                       "    OR has_function_privilege('fh_reader', 'reporting.routing_review(int, date)', 'EXECUTE')"
                       "    OR has_function_privilege('public', 'reporting.routing_review(int, date)', 'EXECUTE')",
                0, NULL, "f");
  PQfinish (reader);
  PQfinish (manager);
  PQfinish (owner);
}

/* The house rules for every function 08-caseload.sql adds to reporting. */
static void
test_house_rules (void)
{
  PGconn *owner = connect_as (owner_conninfo, NULL);
  const char *names = "('waiting_by_team', 'waiting_bands', 'waiting_longest', 'caseload_trend',"
                      " 'front_door', 'front_door_path', 'routing_check', 'routing_review', 'worker_names')";
  g_autofree char *all = g_strdup_printf ("SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                                          " WHERE n.nspname = 'reporting' AND p.proname IN %s", names);
  g_autofree char *good = g_strdup_printf ("SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                                           " WHERE n.nspname = 'reporting' AND p.proname IN %s"
                                           "   AND p.prosecdef AND p.provolatile = 's'"
                                           "   AND p.proowner = 'fh_owner'::regrole"
                                           "   AND p.proconfig @> ARRAY['search_path=pg_catalog, fh, pg_temp']"
                                           "   AND has_function_privilege('fh_manager', p.oid, 'EXECUTE')"
                                           "   AND NOT has_function_privilege('public', p.oid, 'EXECUTE')", names);

  assert_value (owner, all, 0, NULL, "9");
  assert_value (owner, good, 0, NULL, "9");
  PQfinish (owner);
}

/* ---- the demo data against independent SQL ----------------------------------------- */

static void
test_demo_independent (void)
{
  PGconn *owner = connect_as (owner_conninfo, NULL);
  PGconn *manager = connect_as (reader_conninfo, "fh_manager");
  PGconn *reader = connect_as (reader_conninfo, NULL);
  const char *dates[] = { "2026-10-31", "2025-03-31" };

  for (guint k = 0; k < G_N_ELEMENTS (dates); k++)
    {
      const char *params[] = { dates[k] };
      g_autofree char *waiting = NULL, *total = NULL, *routed = NULL, *routed_sql = NULL;
      g_autofree char *open_sql = NULL, *open = NULL, *svc = NULL, *trend = NULL;

      /* waiting: targeted, open, no allocation current on the date */
      waiting = value (owner,
                       "SELECT string_agg(n::text, ',' ORDER BY s) FROM ("
                       " SELECT e.service AS s, count(*) AS n FROM fh.episode e"
                       "  WHERE e.authority_id = 1 AND e.level = 'targeted'"
                       "    AND e.started_on <= $1::date AND (e.ended_on IS NULL OR e.ended_on > $1::date)"
                       "    AND e.episode_id NOT IN (SELECT a.episode_id FROM fh.allocation a"
                       "                             WHERE a.allocated_from <= $1::date"
                       "                               AND coalesce(a.allocated_to, 'infinity') > $1::date)"
                       "  GROUP BY e.service) x", 1, params);
      total = value (manager, "SELECT string_agg(waiting::text, ',' ORDER BY service)"
                              "  FROM reporting.waiting_by_team(1, $1::date, true) WHERE is_total", 1, params);
      g_assert_cmpstr (total, ==, waiting);
      g_clear_pointer (&total, g_free);
      total = value (manager, "SELECT string_agg(s::text, ',' ORDER BY service) FROM"
                              " (SELECT service, sum(waiting) AS s FROM reporting.waiting_bands(1, $1::date, true)"
                              "   GROUP BY service) x", 1, params);
      g_assert_cmpstr (total, ==, waiting);

      /* routing */
      routed_sql = value (owner,
                          "SELECT count(*) FROM fh.episode e JOIN fh.child c ON c.child_id = e.child_id"
                          " WHERE e.authority_id = 1 AND e.service = 'core'"
                          "   AND e.started_on <= $1::date AND (e.ended_on IS NULL OR e.ended_on > $1::date)"
                          "   AND c.birth_month + interval '10 years' <= $1::date"
                          "   AND e.episode_id IN (SELECT episode_id FROM fh.episode_need"
                          "                         WHERE need IN ('exploitation', 'missing', 'asb', 'criminality', 'education'))",
                          1, params);
      routed = value (manager, "SELECT episodes FROM reporting.routing_check(1, $1::date, true) WHERE is_total",
                      1, params);
      g_assert_cmpstr (routed, ==, routed_sql);
      g_assert_cmpint (atoi (routed), >, 0);

      /* the trend's month equals the service summary and a plain count */
      open_sql = value (owner,
                        "SELECT count(*) FROM fh.episode e WHERE e.authority_id = 1 AND e.service = 'core'"
                        "   AND e.started_on <= $1::date AND (e.ended_on IS NULL OR e.ended_on > $1::date)",
                        1, params);
      open = value (manager, "SELECT open_episodes FROM reporting.caseload_trend(1, $1::date - 400, $1::date, true)"
                             " WHERE month_end = $1::date AND service = 'core'", 1, params);
      g_assert_cmpstr (open, ==, open_sql);
      svc = value (manager, "SELECT workers || '|' || fte || '|' || open_episodes || '|' || median_per_fte"
                            "  FROM reporting.caseload_by_service(1, $1::date, 20, true) WHERE service = 'core'",
                   1, params);
      trend = value (manager, "SELECT workers || '|' || fte || '|' || held_episodes || '|' || median_per_fte"
                              "  FROM reporting.caseload_trend(1, $1::date - 400, $1::date, true)"
                              " WHERE month_end = $1::date AND service = 'core'", 1, params);
      g_assert_cmpstr (trend, ==, svc);

      /* and what a reader gets of it is what the summary gives a reader:
       * the same suppression of the same line of workers */
      for (guint s = 0; s < 3; s++)
        {
          const char *services[] = { "core", "adolescence", "early" };
          const char *p2[] = { dates[k], services[s] };
          g_autofree char *summary = value (reader,
            "SELECT workers || '|' || coalesce(open_episodes::text, 'c') || '|' || coalesce(median_per_fte::text, 'c')"
            "  FROM reporting.caseload_by_service(1, $1::date, 20) WHERE service = $2", 2, p2);
          g_autofree char *month = value (reader,
            "SELECT workers || '|' || coalesce(held_episodes::text, 'c') || '|' || coalesce(median_per_fte::text, 'c')"
            "  FROM reporting.caseload_trend(1, $1::date - 400, $1::date) WHERE month_end = $1::date AND service = $2",
            2, p2);

          g_assert_cmpstr (month, ==, summary);
        }
    }

  /* the mean per FTE over workers, written again */
  {
    g_autofree char *mean_sql = value (owner,
      "SELECT round(avg(n / fte), 1) FROM ("
      " SELECT w.worker_id, w.fte, count(DISTINCT a.episode_id) FILTER (WHERE e.episode_id IS NOT NULL) AS n"
      "   FROM fh.worker w JOIN fh.team t ON t.team_id = w.team_id"
      "   LEFT JOIN fh.allocation a ON a.worker_id = w.worker_id AND a.allocated_from <= '2026-10-31'"
      "                            AND coalesce(a.allocated_to, 'infinity') > '2026-10-31'"
      "   LEFT JOIN fh.episode e ON e.episode_id = a.episode_id AND e.started_on <= '2026-10-31'"
      "                         AND coalesce(e.ended_on, 'infinity') > '2026-10-31'"
      "  WHERE t.authority_id = 1 AND t.service = 'adolescence' AND w.active_from <= '2026-10-31'"
      "    AND coalesce(w.active_to, 'infinity') >= '2026-10-31'"
      "  GROUP BY w.worker_id, w.fte) x", 0, NULL);
    assert_value (manager, "SELECT mean_per_fte FROM reporting.caseload_trend(1, '2024-11-01', '2026-10-31', true)"
                           " WHERE month_end = '2026-10-31' AND service = 'adolescence'", 0, NULL, mean_sql);
  }

  /* the front door for a financial year, with the working days counted again */
  {
    g_autofree char *expected = value (owner,
      "SELECT count(*) || '|' || count(*) FILTER (WHERE (SELECT count(*) FROM generate_series(r.received_on + 1, r.decided_on, '1 day') d"
      "                                                 WHERE extract(dow FROM d) NOT IN (0, 6)"
      "                                                   AND d::date NOT IN (SELECT day FROM fh.bank_holiday)) <= 1)"
      "  FROM fh.referral r WHERE r.authority_id = 1 AND r.route = 'mash' AND r.decision IS NOT NULL"
      "   AND r.received_on BETWEEN '2025-04-01' AND '2026-03-31'", 0, NULL);
    g_autofree char *by_ward = value (owner,
      "SELECT count(*) FROM fh.referral r WHERE r.authority_id = 1 AND r.route = 'mash'"
      "   AND r.decision = 'targeted_adolescence' AND r.ward_code = 'E05012270'"
      "   AND r.received_on BETWEEN '2025-04-01' AND '2026-03-31'", 0, NULL);
    g_autofree char *path = value (owner,
      "SELECT count(*) FILTER (WHERE decision = 'targeted_core') || '/' || count(*) FILTER (WHERE decision = 'targeted_adolescence')"
      "  FROM fh.referral r WHERE r.authority_id = 1 AND r.route = 'mash' AND r.age_at_referral BETWEEN 14 AND 15"
      "   AND r.received_on BETWEEN '2025-04-01' AND '2026-03-31'", 0, NULL);

    assert_value (reader, "SELECT referrals || '|' || within_one_day FROM reporting.front_door(1, '2025-04-01', '2026-03-31')"
                          " WHERE ward_code IS NULL AND decision = 'all'", 0, NULL, expected);
    assert_value (reader, "SELECT referrals FROM reporting.front_door(1, '2025-04-01', '2026-03-31')"
                          " WHERE ward_code = 'E05012270' AND decision = 'targeted_adolescence'", 0, NULL, by_ward);
    assert_value (reader, "SELECT targeted_core || '/' || targeted_adolescence"
                          "  FROM reporting.front_door_path(1, '2025-04-01', '2026-03-31') WHERE age_band = '14-15'",
                  0, NULL, path);
  }

  /* no suppressed front-door count can be worked out from its ward's row
   * (decisions add up to "all") or its decision's column (wards add up to
   * the authority, less referrals of no known ward): never exactly one
   * hidden cell in a line whose total is shown */
  assert_value (reader,
                "WITH f AS (SELECT * FROM reporting.front_door(1, '2025-04-01', '2026-03-31')),"
                " rows_ AS (SELECT ward_code FROM f WHERE decision <> 'all' AND ward_code IS NOT NULL"
                "            GROUP BY ward_code HAVING count(*) FILTER (WHERE referrals_suppressed) = 1"
                "               OR count(*) FILTER (WHERE within_one_day_suppressed) = 1),"
                " cols AS (SELECT decision FROM f WHERE ward_code IS NOT NULL"
                "            GROUP BY decision HAVING count(*) FILTER (WHERE referrals_suppressed) = 1"
                "               OR count(*) FILTER (WHERE within_one_day_suppressed) = 1)"
                " SELECT (SELECT count(*) FROM rows_) + (SELECT count(*) FROM cols)", 0, NULL, "0");
  assert_value (reader, "SELECT count(*) > 0 FROM reporting.front_door(1, '2025-04-01', '2026-03-31')"
                        " WHERE referrals_suppressed", 0, NULL, "t");

  /* a reader never gets a count of 1 to 5 from any of them on the demo data */
  assert_value (reader,
                "SELECT (SELECT count(*) FROM reporting.waiting_by_team(1, '2026-10-31') WHERE waiting BETWEEN 1 AND 5)"
                "     + (SELECT count(*) FROM reporting.waiting_bands(1, '2026-10-31') WHERE waiting BETWEEN 1 AND 5)"
                "     + (SELECT count(*) FROM reporting.routing_check(1, '2026-10-31') WHERE episodes BETWEEN 1 AND 5)"
                "     + (SELECT count(*) FROM reporting.caseload_trend(1, '2024-11-01', '2026-10-31')"
                "         WHERE open_episodes BETWEEN 1 AND 5 OR held_episodes BETWEEN 1 AND 5)"
                "     + (SELECT count(*) FROM reporting.front_door(1, '2025-04-01', '2026-03-31')"
                "         WHERE referrals BETWEEN 1 AND 5 OR within_one_day BETWEEN 1 AND 5)", 0, NULL, "0");
  PQfinish (reader);
  PQfinish (manager);
  PQfinish (owner);
}


/* ---- the core's typed results (src/core/fh-caseload-queries.c) ------------------------ */

typedef struct {
  GMainLoop *loop;
  GPtrArray *rows;
  gboolean   ok;
  GError    *error;
} Wait;

static void
on_connected (GObject *source, GAsyncResult *result, gpointer data)
{
  Wait *w = data;

  w->ok = fh_database_connect_finish (FH_DATABASE (source), result, &w->error);
  g_main_loop_quit (w->loop);
}

typedef GPtrArray *(*FinishFunc) (FhDatabase *, GAsyncResult *, GError **);

static void
on_rows (GObject *source, GAsyncResult *result, gpointer data)
{
  Wait *w = data;
  FinishFunc finish = g_object_get_data (G_OBJECT (source), "test-finish");

  w->rows = finish (FH_DATABASE (source), result, &w->error);
  g_main_loop_quit (w->loop);
}

static FhDatabase *
database_as (const char *user)
{
  g_autofree char *conninfo = user ? g_strdup_printf ("%s user=%s", reader_conninfo, user) : g_strdup (reader_conninfo);
  FhDatabase *db = fh_database_new (conninfo);
  Wait w = { g_main_loop_new (NULL, FALSE), NULL, FALSE, NULL };

  fh_database_connect_async (db, NULL, on_connected, &w);
  g_main_loop_run (w.loop);
  g_main_loop_unref (w.loop);
  g_assert_no_error (w.error);
  g_assert_true (w.ok);
  return db;
}

static GPtrArray *
wait_rows (FhDatabase *db, Wait *w)
{
  g_main_loop_run (w->loop);
  g_main_loop_unref (w->loop);
  return w->rows;
}

#define START(w, db, finish) \
  (g_object_set_data (G_OBJECT (db), "test-finish", (gpointer) (finish)), \
   (w) = (Wait) { g_main_loop_new (NULL, FALSE), NULL, FALSE, NULL })

static void
test_core_results (void)
{
  PGconn *owner = connect_as (owner_conninfo, NULL);
  PGconn *reader = connect_as (reader_conninfo, NULL);
  g_autoptr(FhDatabase) db = database_as (NULL);
  g_autoptr(FhDatabase) mdb = database_as ("fh_manager");
  g_autoptr(GDateTime) as_at = g_date_time_new_utc (2026, 10, 31, 0, 0, 0);
  g_autoptr(GDateTime) sept = g_date_time_new_utc (2026, 9, 30, 0, 0, 0);
  g_autoptr(GDateTime) from = g_date_time_new_utc (2024, 11, 1, 0, 0, 0);
  g_autoptr(GDateTime) fy_from = g_date_time_new_utc (2025, 4, 1, 0, 0, 0);
  g_autoptr(GDateTime) fy_to = g_date_time_new_utc (2026, 3, 31, 0, 0, 0);
  g_autoptr(GPtrArray) teams = NULL, months = NULL, cells = NULL, routing = NULL;
  g_autoptr(GPtrArray) review = NULL, names = NULL, longest = NULL, bands = NULL, path = NULL;
  Wait w;

  add_fixture (owner);

  START (w, db, fh_database_waiting_by_team_finish);
  fh_database_waiting_by_team_async (db, 1, as_at, NULL, on_rows, &w);
  teams = wait_rows (db, &w);
  g_assert_no_error (w.error);
  {
    g_autofree char *n = value (reader, "SELECT count(*) FROM reporting.waiting_by_team(1, '2026-10-31')", 0, NULL);
    g_assert_cmpuint (teams->len, ==, (guint) atoi (n));
  }
  for (guint i = 0; i < teams->len; i++)
    {
      FhWaitingTeam *t = g_ptr_array_index (teams, i);
      if (t->is_total)
        {
          const char *params[] = { t->service };
          g_autofree char *n = value (reader, "SELECT coalesce(waiting, -2) FROM reporting.waiting_by_team(1, '2026-10-31')"
                                              " WHERE service = $1 AND is_total", 1, params);
          g_assert_cmpint (t->waiting, ==, atoi (n));
          g_assert_cmpint (t->waiting, >, 0);
        }
    }

  START (w, db, fh_database_waiting_bands_finish);
  fh_database_waiting_bands_async (db, 1, as_at, NULL, on_rows, &w);
  bands = wait_rows (db, &w);
  g_assert_no_error (w.error);
  g_assert_cmpuint (bands->len, ==, 10);
  g_assert_cmpint (((FhWaitingBand *) g_ptr_array_index (bands, 4))->max_days, ==, -1);

  START (w, db, fh_database_waiting_longest_finish);
  fh_database_waiting_longest_async (db, 1, as_at, NULL, on_rows, &w);
  longest = wait_rows (db, &w);
  g_assert_no_error (w.error);
  g_assert_cmpuint (longest->len, ==, 10);

  START (w, db, fh_database_caseload_trend_finish);
  fh_database_caseload_trend_async (db, 1, from, as_at, NULL, on_rows, &w);
  months = wait_rows (db, &w);
  g_assert_no_error (w.error);
  g_assert_cmpuint (months->len, ==, 72);
  {
    FhCaseloadMonth *last = g_ptr_array_index (months, 69);
    g_autofree char *iso = fh_date_to_iso (last->month_end);
    g_autofree char *open = value (owner, "SELECT count(*) FROM fh.episode WHERE authority_id = 1 AND service = 'core'"
                                          " AND started_on <= '2026-10-31' AND coalesce(ended_on, 'infinity') > '2026-10-31'",
                                   0, NULL);
    g_assert_cmpstr (iso, ==, "2026-10-31");
    g_assert_cmpstr (last->service, ==, "core");
    g_assert_cmpint (last->open_episodes, ==, atoi (open));
    g_assert_false (isnan (last->fte));
  }

  START (w, db, fh_database_front_door_finish);
  fh_database_front_door_async (db, 1, fy_from, fy_to, NULL, on_rows, &w);
  cells = wait_rows (db, &w);
  g_assert_no_error (w.error);
  {
    FhFrontDoorCell *all = g_ptr_array_index (cells, cells->len - 1);
    g_autofree char *n = value (reader, "SELECT referrals FROM reporting.front_door(1, '2025-04-01', '2026-03-31')"
                                        " WHERE ward_code IS NULL AND decision = 'all'", 0, NULL);
    g_assert_null (all->ward_code);
    g_assert_cmpstr (all->decision, ==, "all");
    g_assert_cmpint (all->referrals, ==, atoi (n));
    g_assert_cmpfloat_with_epsilon (all->pct_within_one_day, 100.0 * all->within_one_day / all->referrals, 0.06);
  }

  START (w, db, fh_database_front_door_path_finish);
  fh_database_front_door_path_async (db, 1, fy_from, fy_to, NULL, on_rows, &w);
  path = wait_rows (db, &w);
  g_assert_no_error (w.error);
  g_assert_cmpuint (path->len, ==, 5);
  g_assert_cmpint (((FhFrontDoorPath *) g_ptr_array_index (path, 0))->targeted_adolescence, ==, 0);

  START (w, db, fh_database_routing_check_finish);
  fh_database_routing_check_async (db, 980, sept, NULL, on_rows, &w);
  routing = wait_rows (db, &w);
  g_assert_no_error (w.error);
  g_assert_cmpuint (routing->len, ==, 4);
  /* counts of one: "c" for a reader */
  g_assert_cmpint (((FhRoutingTeam *) g_ptr_array_index (routing, 0))->episodes, ==, FH_COUNT_SUPPRESSED);

  /* the reader gets an error for the manager's lists, the manager the rows */
  START (w, db, fh_database_routing_review_finish);
  fh_database_routing_review_async (db, 980, sept, NULL, on_rows, &w);
  g_assert_null (wait_rows (db, &w));
  g_assert_nonnull (w.error);
  g_clear_error (&w.error);

  START (w, mdb, fh_database_routing_review_finish);
  fh_database_routing_review_async (mdb, 980, sept, NULL, on_rows, &w);
  review = wait_rows (mdb, &w);
  g_assert_no_error (w.error);
  g_assert_cmpuint (review->len, ==, 3);
  g_assert_cmpstr (((FhRoutingEpisode *) g_ptr_array_index (review, 0))->episode_ref, ==, "E98000001");
  g_assert_cmpint (((FhRoutingEpisode *) g_ptr_array_index (review, 0))->age, ==, 15);

  START (w, mdb, fh_database_worker_names_finish);
  fh_database_worker_names_async (mdb, 980, sept, NULL, on_rows, &w);
  names = wait_rows (mdb, &w);
  g_assert_no_error (w.error);
  g_assert_cmpuint (names->len, ==, 5);
  /* by service, team and reference: the Adolescence team first */
  g_assert_cmpstr (((FhWorkerName *) g_ptr_array_index (names, 0))->worker_ref, ==, "W98006");
  g_assert_cmpstr (((FhWorkerName *) g_ptr_array_index (names, 0))->display_name, ==, "Fay Example");

  PQfinish (reader);
  PQfinish (owner);
}

static void
remove_fixture_at_exit (void)
{
  PGconn *owner = connect_as (owner_conninfo, NULL);

  run_ok (owner, remove_fixture);
  PQfinish (owner);
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  reader_conninfo = g_getenv ("FH_CONNINFO");
  owner_conninfo = g_getenv ("FH_OWNER_CONNINFO");
  if (reader_conninfo == NULL || owner_conninfo == NULL)
    {
      g_printerr ("FH_CONNINFO and FH_OWNER_CONNINFO are not set: run through run-with-postgres.sh\n");
      return 1;
    }
  g_test_add_func ("/caseload/workers-by-hand", test_workers_by_hand);
  g_test_add_func ("/caseload/waiting-by-hand", test_waiting_by_hand);
  g_test_add_func ("/caseload/trend-by-hand", test_trend_by_hand);
  g_test_add_func ("/caseload/front-door-by-hand", test_front_door_by_hand);
  g_test_add_func ("/caseload/routing-by-hand", test_routing_by_hand);
  g_test_add_func ("/caseload/roles", test_roles);
  g_test_add_func ("/caseload/house-rules", test_house_rules);
  g_test_add_func ("/caseload/demo-independent", test_demo_independent);
  g_test_add_func ("/caseload/core-results", test_core_results);
  status = g_test_run ();
  remove_fixture_at_exit ();
  return status;
}
