/* test-figures.c — the app's figures against independent SQL
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The independent SQL reads the person-level tables directly, as the owner,
 * and counts in its own way; the app's figures come from the reporting layer
 * through FhDatabase, as the app's read-only role.
 */
#include <math.h>

#include "fh-results.h"
#include "fh-service-caseload.h"
#include "fh-team-caseload.h"
#include "fh-test-db.h"

/* The disclosure rule of docs/data-contract.md, written again here from the
 * text, not from the SQL: counts of 1 to 5 are suppressed; while fewer than
 * two cells are, or together they hold 5 or fewer, or no more than one each,
 * the smallest non-zero published cell (first in order on a tie) is too;
 * when none is left the total is. Fills @mask (n + 1 entries, the last for
 * the total). */
static void
independent_mask (const gint64 *values, guint n, gint64 total, gboolean *mask)
{
  guint k = 0;
  gint64 sum = 0;

  for (guint i = 0; i < n; i++)
    {
      mask[i] = values[i] >= 1 && values[i] <= 5;
      if (mask[i])
        {
          k++;
          sum += values[i];
        }
    }
  mask[n] = total >= 1 && total <= 5;

  while (k > 0 && !(k >= 2 && sum > 5 && sum > (gint64) k))
    {
      int best = -1;

      for (guint i = 0; i < n; i++)
        if (!mask[i] && values[i] > 0 && (best < 0 || values[i] < values[best]))
          best = (int) i;
      if (best < 0)
        {
          mask[n] = total > 0;
          break;
        }
      mask[best] = TRUE;
      k++;
      sum += values[best];
    }
}

/* Asserts that each of the app's @shown counts is the exact count, or
 * FH_COUNT_SUPPRESSED exactly where the rule says so. Returns how many cells
 * were suppressed. */
static guint
assert_line (const gint64 *shown, const gint64 *exact, guint n, gint64 total)
{
  g_autofree gboolean *mask = g_new0 (gboolean, n + 1);
  guint suppressed = 0;

  independent_mask (exact, n, total, mask);
  for (guint i = 0; i < n; i++)
    {
      if (mask[i])
        {
          g_assert_cmpint (shown[i], ==, FH_COUNT_SUPPRESSED);
          suppressed++;
        }
      else
        g_assert_cmpint (shown[i], ==, exact[i]);
    }
  return suppressed;
}

static void
test_ward_demand_matches_independent_sql (void)
{
  g_autoptr(FhDatabase) db = connect_reader ();
  g_autoptr(FhDemandFilter) filter = financial_year_filter ();
  g_autoptr(GPtrArray) rows = NULL;
  gint64 total_referrals = 0;
  Wait w = { 0 };

  fh_database_ward_demand_async (db, filter, NULL, on_ward_demand, &w);
  wait_run (&w);
  g_assert_no_error (w.error);
  rows = w.value;
  g_assert_cmpint (rows->len, ==, 20);

  {
    gint64 shown[3][20], exact[3][20], totals[3] = { 0, 0, 0 };

    for (guint i = 0; i < rows->len; i++)
      {
        FhWardDemand *d = g_ptr_array_index (rows, i);
        const char *params[] = { d->ward_code };
        gint64 children;
        double expected_rate;

        exact[0][i] = owner_count ("SELECT count(*) FROM fh.referral"
                                   " WHERE ward_code = $1 AND received_on >= '2025-04-01'"
                                   "   AND received_on < '2026-04-01' AND decision IS NOT NULL", 1, params);
        exact[1][i] = owner_count ("SELECT count(*) FROM fh.episode"
                                   " WHERE ward_code = $1 AND started_on >= '2025-04-01'"
                                   "   AND started_on < '2026-04-01'", 1, params);
        exact[2][i] = owner_count ("SELECT count(*) FROM fh.episode"
                                   " WHERE ward_code = $1 AND started_on < '2026-04-01'"
                                   "   AND coalesce(ended_on, 'infinity') >= '2026-04-01'", 1, params);
        /* FY 2025-26's middle is in 2025: the mid-2025 estimate */
        children = owner_count ("SELECT children_0_17 FROM fh.ward_population"
                                " WHERE ward_code = $1 AND year = 2025", 1, params);
        g_assert_cmpint (d->population_year, ==, 2025);
        shown[0][i] = d->referrals;
        shown[1][i] = d->episodes_started;
        shown[2][i] = d->episodes_open;
        for (guint m = 0; m < 3; m++)
          totals[m] += exact[m][i];

        g_assert_cmpint (d->children_0_17, ==, children);
        expected_rate = round (exact[0][i] * 100000.0 / children) / 10.0;
        if (d->referrals == FH_COUNT_SUPPRESSED)
          g_assert_true (isnan (d->referral_rate));
        else
          g_assert_cmpfloat_with_epsilon (d->referral_rate, expected_rate, 1e-9);
        total_referrals += exact[0][i];
      }
    /* A financial year of a city: no ward count is small enough to hide. */
    for (guint m = 0; m < 3; m++)
      g_assert_cmpuint (assert_line (shown[m], exact[m], rows->len, totals[m]), ==, 0);
  }

  /* Demand rises with deprivation: Aspley (IMD 54.7) above Wollaton West (10.8). */
  {
    double aspley = NAN, wollaton = NAN;

    for (guint i = 0; i < rows->len; i++)
      {
        FhWardDemand *d = g_ptr_array_index (rows, i);
        if (g_str_equal (d->ward_code, "E05012270")) aspley = d->referral_rate;
        if (g_str_equal (d->ward_code, "E05012289")) wollaton = d->referral_rate;
      }
    g_assert_cmpfloat (aspley, >, 1.5 * wollaton);
  }

  g_assert_cmpint (total_referrals, ==,
                   owner_count ("SELECT count(*) FROM fh.referral WHERE authority_id = 1"
                                " AND received_on BETWEEN '2025-04-01' AND '2026-03-31'"
                                " AND decision IS NOT NULL AND ward_code IS NOT NULL", 0, NULL));
}

static void
on_authority_demand (GObject *source, GAsyncResult *result, gpointer data)
{
  Wait *w = data;
  w->value = fh_database_authority_demand_finish (FH_DATABASE (source), result, &w->error);
  g_main_loop_quit (w->loop);
}

static void
test_authority_demand (void)
{
  g_autoptr(FhDatabase) db = connect_reader ();
  g_autoptr(FhDemandFilter) filter = financial_year_filter ();
  g_autoptr(FhWardDemand) city = NULL;
  gint64 referrals;
  Wait w = { 0 };

  fh_database_authority_demand_async (db, filter, NULL, on_authority_demand, &w);
  wait_run (&w);
  g_assert_no_error (w.error);
  city = w.value;
  g_assert_null (city->ward_code);
  g_assert_cmpstr (city->ward_name, ==, "Nottingham City (demo)");
  {
    gint64 children = owner_count ("SELECT sum(p.children_0_17) FROM fh.ward_population p"
                                   "  JOIN fh.ward w USING (ward_code) WHERE w.authority_id = 1 AND p.year = 2025",
                                   0, NULL);

    g_assert_cmpint (city->children_0_17, ==, children);
    g_assert_cmpint (city->population_year, ==, 2025);
    /* the authority counts records whose ward is not known too */
    referrals = owner_count ("SELECT count(*) FROM fh.referral r"
                             " WHERE r.authority_id = 1 AND r.decision IS NOT NULL"
                             "   AND r.received_on BETWEEN '2025-04-01' AND '2026-03-31'", 0, NULL);
    g_assert_cmpint (city->referrals, ==, referrals);
    g_assert_cmpfloat_with_epsilon (city->referral_rate, round (referrals * 100000.0 / children) / 10.0, 1e-9);
  }
  /* The reference city's 20 wards held 69,285 children aged 0–17 at mid-2020
   * (ONS): the demo keeps that year as published. */
  g_assert_cmpint (owner_count ("SELECT sum(p.children_0_17) FROM fh.ward_population p"
                                "  JOIN fh.ward w USING (ward_code) WHERE w.authority_id = 1 AND p.year = 2020",
                                0, NULL), ==, 69285);
}

static void
on_profiles (GObject *source, GAsyncResult *result, gpointer data)
{
  Wait *w = data;
  w->value = fh_database_ward_profiles_finish (FH_DATABASE (source), result, &w->error);
  g_main_loop_quit (w->loop);
}

static void
test_ward_profiles (void)
{
  g_autoptr(FhDatabase) db = connect_reader ();
  g_autoptr(GPtrArray) rows = NULL;
  gint64 children = 0;
  Wait w = { 0 };

  fh_database_ward_profiles_async (db, 1, NULL, on_profiles, &w);
  wait_run (&w);
  g_assert_no_error (w.error);
  rows = w.value;
  g_assert_cmpint (rows->len, ==, 20);
  for (guint i = 0; i < rows->len; i++)
    {
      FhWardProfile *p = g_ptr_array_index (rows, i);
      const char *params[] = { p->ward_code };
      g_autofree char *with_boundary = owner_value ("SELECT (boundary IS NOT NULL)::text FROM fh.ward WHERE ward_code = $1", 1, params);

      g_assert_cmpint (p->children_0_4 + p->children_5_9 + p->children_10_17, ==, p->children_0_17);
      g_assert_false (isnan (p->centroid_lon));
      /* a stored boundary arrives parsed; none arrives as none */
      g_assert_cmpint (p->boundary != NULL, ==, g_str_equal (with_boundary, "true"));
      children += p->children_0_17;
    }
  g_assert_cmpint (children, ==, owner_count ("SELECT sum(children_0_17) FROM fh.ward WHERE authority_id = 1", 0, NULL));
  /* Aspley's IMD 2019 score, a real published figure */
  g_assert_cmpfloat_with_epsilon (((FhWardProfile *) g_ptr_array_index (rows, 0))->imd_score, 54.693, 1e-9);
}

static void
on_needs (GObject *source, GAsyncResult *result, gpointer data)
{
  Wait *w = data;
  w->value = fh_database_top_needs_finish (FH_DATABASE (source), result, &w->error);
  g_main_loop_quit (w->loop);
}

static void
test_top_needs (void)
{
  g_autoptr(FhDatabase) db = connect_reader ();
  g_autoptr(GDateTime) from = fh_date_new (2025, 4, 1);
  g_autoptr(GDateTime) to = fh_date_new (2026, 3, 31);
  g_autoptr(GPtrArray) rows = NULL;
  Wait w = { 0 };

  fh_database_top_needs_async (db, 1, "E05012270", from, to, NULL, on_needs, &w);
  wait_run (&w);
  g_assert_no_error (w.error);
  rows = w.value;
  g_assert_cmpint (rows->len, ==, 5);
  for (guint i = 0; i < rows->len; i++)
    {
      FhNeedCount *n = g_ptr_array_index (rows, i);
      const char *params[] = { n->need };

      g_assert_cmpint (n->episodes, ==,
                       owner_count ("SELECT count(*) FROM fh.episode e JOIN fh.episode_need n USING (episode_id)"
                                    " WHERE e.ward_code = 'E05012270' AND n.need = $1"
                                    "   AND e.started_on BETWEEN '2025-04-01' AND '2026-03-31'", 1, params));
      if (i > 0)
        g_assert_cmpint (n->episodes, <=, ((FhNeedCount *) g_ptr_array_index (rows, i - 1))->episodes);
      g_assert_cmpstr (fh_need_get_label (n->need), !=, n->need);
    }
}

static void
test_ward_demand_filters (void)
{
  g_autoptr(FhDatabase) db = connect_reader ();
  g_autoptr(FhDemandFilter) filter = financial_year_filter ();
  g_autoptr(GPtrArray) rows = NULL;
  gint64 open_adolescence = 0, started_adolescence_10_17 = 0;
  Wait w = { 0 };

  filter->service = g_strdup ("adolescence");
  filter->age_band = g_strdup ("10-17");
  filter->need = g_strdup ("exploitation");
  fh_database_ward_demand_async (db, filter, NULL, on_ward_demand, &w);
  wait_run (&w);
  g_assert_no_error (w.error);
  rows = w.value;

  {
    gint64 shown[20], exact[20], total = 0;

    g_assert_cmpuint (rows->len, ==, 20);
    for (guint i = 0; i < rows->len; i++)
      {
        FhWardDemand *d = g_ptr_array_index (rows, i);
        const char *params[] = { d->ward_code };

        /* Rates use the children in the chosen age band. */
        g_assert_cmpint (d->children_0_17, ==,
                         owner_count ("SELECT children_10_17 FROM fh.ward_population"
                                      " WHERE ward_code = $1 AND year = 2025", 1, params));
        exact[i] = owner_count ("SELECT count(*) FROM fh.episode e"
                                "  JOIN fh.episode_need n ON n.episode_id = e.episode_id AND n.need = 'exploitation'"
                                " WHERE e.ward_code = $1 AND e.service = 'adolescence'"
                                "   AND e.started_on <= '2026-03-31'"
                                "   AND (e.ended_on IS NULL OR e.ended_on > '2026-03-31')", 1, params);
        shown[i] = d->episodes_open;
        total += exact[i];
        if (d->episodes_started != FH_COUNT_SUPPRESSED)
          started_adolescence_10_17 += d->episodes_started;
        if (d->episodes_open == FH_COUNT_SUPPRESSED)
          g_assert_true (isnan (d->open_rate));
      }
    /* Exploitation in Adolescence by ward: small numbers, some hidden. */
    g_assert_cmpuint (assert_line (shown, exact, 20, total), >, 0);
    open_adolescence = total;
  }

  g_assert_cmpint (open_adolescence, ==,
                   owner_count ("SELECT count(*) FROM fh.episode e"
                                "  JOIN fh.episode_need n ON n.episode_id = e.episode_id AND n.need = 'exploitation'"
                                " WHERE e.authority_id = 1 AND e.service = 'adolescence'"
                                "   AND e.started_on <= '2026-03-31'"
                                "   AND (e.ended_on IS NULL OR e.ended_on > '2026-03-31')", 0, NULL));
  g_assert_cmpint (started_adolescence_10_17, >, 0);

  /* A filter value the data contract does not know is an error, not zeros. */
  {
    g_autoptr(FhDemandFilter) bad = financial_year_filter ();
    Wait w2 = { 0 };

    bad->need = g_strdup ("no_such_need");
    fh_database_ward_demand_async (db, bad, NULL, on_ward_demand, &w2);
    wait_run (&w2);
    g_assert_error (w2.error, FH_DATABASE_ERROR, FH_DATABASE_ERROR_QUERY);
    g_clear_error (&w2.error);
  }
}

static void
test_demand_monthly (void)
{
  g_autoptr(FhDatabase) db = connect_reader ();
  g_autoptr(GDateTime) from = fh_date_new (2023, 11, 1);
  g_autoptr(GDateTime) to = fh_date_new (2026, 10, 31);
  g_autoptr(GPtrArray) rows = NULL;
  gint64 august = 0, july = 0;
  Wait w = { 0 };

  fh_database_demand_monthly_async (db, 1, "E05012270", from, to, NULL, on_monthly, &w);
  wait_run (&w);
  g_assert_no_error (w.error);
  rows = w.value;
  g_assert_cmpint (rows->len, ==, 36);

  for (guint i = 0; i < rows->len; i++)
    {
      FhMonthlyDemand *m = g_ptr_array_index (rows, i);
      g_autofree char *month = fh_date_to_iso (m->month);
      const char *params[] = { month };

      g_assert_cmpint (m->referrals, ==,
                       owner_count ("SELECT count(*) FROM fh.referral WHERE ward_code = 'E05012270'"
                                    " AND decision IS NOT NULL"
                                    " AND date_trunc('month', received_on) = $1::date", 1, params));
      /* each month the latest mid-year (30 June) estimate before its middle */
      {
        int year = g_date_time_get_year (m->month) - (g_date_time_get_month (m->month) >= 7 ? 0 : 1);
        g_autofree char *y = g_strdup_printf ("%d", year);
        const char *yparams[] = { y };

        g_assert_cmpint (m->population_year, ==, year);
        g_assert_cmpint (m->children_0_17, ==,
                         owner_count ("SELECT children_0_17 FROM fh.ward_population WHERE ward_code = 'E05012270'"
                                      " AND year = $1::int", 1, yparams));
      }
      g_assert_cmpint (m->referrals_12m, ==,
                       owner_count ("SELECT count(*) FROM fh.referral WHERE ward_code = 'E05012270'"
                                    " AND decision IS NOT NULL"
                                    " AND received_on >= $1::date - interval '11 months'"
                                    " AND received_on < $1::date + interval '1 month'", 1, params));
      if (g_date_time_get_month (m->month) == 8) august += m->referrals;
      if (g_date_time_get_month (m->month) == 7) july += m->referrals;
    }

  /* The demo's school-holiday dip. */
  g_assert_cmpint (august, <, july);
}

static void
test_caseloads (void)
{
  g_autoptr(FhDatabase) db = connect_reader ();
  g_autoptr(GDateTime) as_at = fh_date_new (2026, 10, 31);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) refs = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 total = 0;
  guint over_20 = 0;
  Wait w = { 0 };

  fh_database_caseloads_async (db, 1, as_at, NULL, on_caseloads, &w);
  wait_run (&w);
  g_assert_no_error (w.error);
  rows = w.value;
  g_assert_cmpint (rows->len, ==,
                   owner_count ("SELECT count(*) FROM fh.worker w JOIN fh.team t USING (team_id)"
                                " WHERE t.authority_id = 1", 0, NULL));

  for (guint i = 0; i < rows->len; i++)
    {
      FhWorkerCaseload *c = g_ptr_array_index (rows, i);

      g_assert_true (g_regex_match_simple ("^W[0-9]{5}$", c->worker_ref, 0, 0));
      /* one reference per worker: a pseudonym, but never shared */
      g_assert_true (g_hash_table_add (refs, c->worker_ref));
      if (c->open_episodes == FH_COUNT_SUPPRESSED)
        g_assert_true (isnan (c->episodes_per_fte));
      else
        g_assert_cmpfloat_with_epsilon (c->episodes_per_fte, round (c->open_episodes / c->fte * 10) / 10, 1e-9);
      if (c->episodes_per_fte > 20)
        over_20++;
    }

  /* Each service is a line: its workers, and for Core and Adolescence its
   * unallocated episodes, with every open episode of the service as total. */
  {
    const char *services[] = { "core", "adolescence", "early" };

    for (guint s = 0; s < G_N_ELEMENTS (services); s++)
      {
        g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (gint64));
        g_autoptr(GArray) exact = g_array_new (FALSE, FALSE, sizeof (gint64));
        const char *params[] = { services[s] };
        gint64 service_total;

        for (guint i = 0; i < rows->len; i++)
          {
            FhWorkerCaseload *c = g_ptr_array_index (rows, i);
            const char *wparams[] = { c->worker_ref };
            gint64 n;

            if (!g_str_equal (c->service, services[s]))
              continue;
            n = owner_count ("SELECT count(DISTINCT e.episode_id) FROM fh.worker w"
                             "  JOIN fh.allocation a USING (worker_id)"
                             "  JOIN fh.episode e USING (episode_id)"
                             " WHERE w.worker_ref = $1"
                             "   AND a.allocated_from <= '2026-10-31'"
                             "   AND (a.allocated_to IS NULL OR a.allocated_to > '2026-10-31')"
                             "   AND e.started_on <= '2026-10-31'"
                             "   AND (e.ended_on IS NULL OR e.ended_on > '2026-10-31')", 1, wparams);
            g_array_append_val (exact, n);
            g_array_append_val (shown, c->open_episodes);
            total += n;
          }
        {
          /* the service's open episodes with no worker then (for Core and
           * Adolescence: waiting for allocation): not shown by
           * caseload_by_worker, but part of the line */
          gint64 waiting = owner_count ("SELECT count(*) FROM fh.episode e"
                                        " WHERE e.authority_id = 1 AND coalesce(e.service, 'early') = $1"
                                        "   AND e.started_on <= '2026-10-31'"
                                        "   AND (e.ended_on IS NULL OR e.ended_on > '2026-10-31')"
                                        "   AND NOT EXISTS (SELECT 1 FROM fh.allocation a"
                                        "        WHERE a.episode_id = e.episode_id AND a.allocated_from <= '2026-10-31'"
                                        "          AND (a.allocated_to IS NULL OR a.allocated_to > '2026-10-31'))",
                                        1, params);
          gint64 hidden = waiting >= 1 && waiting <= 5 ? FH_COUNT_SUPPRESSED : waiting;

          g_array_append_val (exact, waiting);
          g_array_append_val (shown, hidden);
        }
        service_total = owner_count ("SELECT count(*) FROM fh.episode e"
                                     " WHERE e.authority_id = 1 AND coalesce(e.service, 'early') = $1"
                                     "   AND e.started_on <= '2026-10-31'"
                                     "   AND (e.ended_on IS NULL OR e.ended_on > '2026-10-31')", 1, params);
        assert_line ((gint64 *) shown->data, (gint64 *) exact->data, shown->len, service_total);
      }
  }

  g_assert_cmpint (total, ==,
                   owner_count ("SELECT count(DISTINCT (a.worker_id, a.episode_id)) FROM fh.allocation a JOIN fh.episode e USING (episode_id)"
                                " WHERE e.authority_id = 1"
                                "   AND a.allocated_from <= '2026-10-31'"
                                "   AND (a.allocated_to IS NULL OR a.allocated_to > '2026-10-31')"
                                "   AND (e.ended_on IS NULL OR e.ended_on > '2026-10-31')", 0, NULL));
  /* The demo has some workers above a safe caseload, not all. */
  g_assert_cmpuint (over_20, >, 0);
  g_assert_cmpuint (over_20, <, rows->len / 2);
}

static void
on_service_caseloads (GObject *source, GAsyncResult *result, gpointer data)
{
  Wait *w = data;
  w->value = fh_database_service_caseloads_finish (FH_DATABASE (source), result, &w->error);
  g_main_loop_quit (w->loop);
}

/* Core beside Adolescence, counted in SQL from exact per-worker counts: a
 * reader sees the same service figures as independent SQL over every
 * worker, suppressed ones included. */
static void
test_service_caseloads (void)
{
  g_autoptr(FhDatabase) db = connect_reader ();
  g_autoptr(GDateTime) as_at = fh_date_new (2026, 10, 31);
  g_autoptr(GPtrArray) rows = NULL;
  const char *expected_services[] = { "core", "adolescence", "early" };
  Wait w = { 0 };

  fh_database_service_caseloads_async (db, 1, as_at, 20, NULL, on_service_caseloads, &w);
  wait_run (&w);
  g_assert_no_error (w.error);
  rows = w.value;
  g_assert_cmpuint (rows->len, ==, 3);

  for (guint i = 0; i < rows->len; i++)
    {
      FhServiceCaseload *s = g_ptr_array_index (rows, i);
      const char *params[] = { s->service };
      const char *per_worker =
        "WITH per AS ("
        "  SELECT w.worker_id, w.fte,"
        "         (SELECT count(DISTINCT a.episode_id) FROM fh.allocation a JOIN fh.episode e USING (episode_id)"
        "           WHERE a.worker_id = w.worker_id AND a.allocated_from <= '2026-10-31'"
        "             AND (a.allocated_to IS NULL OR a.allocated_to > '2026-10-31')"
        "             AND e.started_on <= '2026-10-31'"
        "             AND (e.ended_on IS NULL OR e.ended_on > '2026-10-31')) AS n"
        "    FROM fh.worker w JOIN fh.team t USING (team_id)"
        "   WHERE t.authority_id = 1 AND t.service = $1"
        "     AND w.active_from <= '2026-10-31' AND (w.active_to IS NULL OR w.active_to >= '2026-10-31'))"
        " SELECT %s FROM per";
      g_autofree char *q_workers = g_strdup_printf (per_worker, "count(*)");
      g_autofree char *q_median = g_strdup_printf (per_worker, "(percentile_cont(0.5) WITHIN GROUP (ORDER BY round(n / fte, 1)) * 10)::bigint");
      g_autofree char *q_max = g_strdup_printf (per_worker, "(max(round(n / fte, 1)) * 10)::bigint");
      g_autofree char *q_above = g_strdup_printf (per_worker, "count(*) FILTER (WHERE round(n / fte, 1) > 20)");

      g_assert_cmpstr (s->service, ==, expected_services[i]);
      g_assert_cmpint (s->workers, ==, owner_count (q_workers, 1, params));
      g_assert_cmpfloat_with_epsilon (s->median_per_fte * 10, (double) owner_count (q_median, 1, params), 1e-6);
      g_assert_cmpfloat_with_epsilon (s->max_per_fte * 10, (double) owner_count (q_max, 1, params), 1e-6);
      g_assert_cmpint (s->above_threshold, ==, owner_count (q_above, 1, params));
      g_assert_cmpint (s->open_episodes, ==,
                       owner_count ("SELECT count(DISTINCT a.episode_id) FROM fh.allocation a"
                                    "  JOIN fh.worker w USING (worker_id) JOIN fh.team t USING (team_id)"
                                    "  JOIN fh.episode e ON e.episode_id = a.episode_id"
                                    " WHERE t.authority_id = 1 AND t.service = $1"
                                    "   AND a.allocated_from <= '2026-10-31'"
                                    "   AND (a.allocated_to IS NULL OR a.allocated_to > '2026-10-31')"
                                    "   AND e.started_on <= '2026-10-31'"
                                    "   AND (e.ended_on IS NULL OR e.ended_on > '2026-10-31')", 1, params));
    }
}

static void
on_team_caseloads (GObject *source, GAsyncResult *result, gpointer data)
{
  Wait *w = data;
  w->value = fh_database_team_caseloads_finish (FH_DATABASE (source), result, &w->error);
  g_main_loop_quit (w->loop);
}

/* Per team: workers and FTE in post, the distinct open episodes its
 * workers hold (two of them sharing one count it once), per FTE; a
 * service's teams are a line with the service's held total. */
static void
test_team_caseloads (void)
{
  g_autoptr(FhDatabase) db = connect_reader ();
  g_autoptr(GDateTime) as_at = fh_date_new (2026, 10, 31);
  g_autoptr(GPtrArray) rows = NULL;
  const char *services[] = { "core", "adolescence", "early" };
  const char *in_post = " AND w.active_from <= '2026-10-31'"
                        " AND (w.active_to IS NULL OR w.active_to >= '2026-10-31')";
  const char *open_then = " AND a.allocated_from <= '2026-10-31'"
                          " AND (a.allocated_to IS NULL OR a.allocated_to > '2026-10-31')"
                          " AND e.started_on <= '2026-10-31'"
                          " AND (e.ended_on IS NULL OR e.ended_on > '2026-10-31')";
  Wait w = { 0 };

  fh_database_team_caseloads_async (db, 1, as_at, NULL, on_team_caseloads, &w);
  wait_run (&w);
  g_assert_no_error (w.error);
  rows = w.value;
  g_assert_cmpint (rows->len, ==, owner_count ("SELECT count(*) FROM fh.team WHERE authority_id = 1", 0, NULL));

  for (guint s = 0; s < G_N_ELEMENTS (services); s++)
    {
      g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GArray) exact = g_array_new (FALSE, FALSE, sizeof (gint64));
      const char *sparams[] = { services[s] };
      g_autofree char *q_total = g_strconcat ("SELECT count(DISTINCT a.episode_id) FROM fh.allocation a"
                                              "  JOIN fh.worker w USING (worker_id) JOIN fh.team t USING (team_id)"
                                              "  JOIN fh.episode e ON e.episode_id = a.episode_id"
                                              " WHERE t.authority_id = 1 AND t.service = $1", in_post, open_then, NULL);

      for (guint i = 0; i < rows->len; i++)
        {
          FhTeamCaseload *t = g_ptr_array_index (rows, i);
          const char *params[] = { t->team_name };
          g_autofree char *q_workers = g_strconcat ("SELECT count(*) FROM fh.worker w JOIN fh.team t USING (team_id)"
                                                    " WHERE t.team_name = $1", in_post, NULL);
          g_autofree char *q_fte = g_strconcat ("SELECT (100 * sum(w.fte))::bigint FROM fh.worker w"
                                                "  JOIN fh.team t USING (team_id) WHERE t.team_name = $1", in_post, NULL);
          g_autofree char *q_held = g_strconcat ("SELECT count(*) FROM (SELECT DISTINCT a.episode_id"
                                                 "  FROM fh.allocation a JOIN fh.worker w USING (worker_id)"
                                                 "  JOIN fh.team t USING (team_id)"
                                                 "  JOIN fh.episode e ON e.episode_id = a.episode_id"
                                                 " WHERE t.team_name = $1", in_post, open_then, ") x", NULL);
          gint64 held;

          if (!g_str_equal (t->service, services[s]))
            continue;
          g_assert_nonnull (t->locality);
          g_assert_cmpint (t->workers, ==, owner_count (q_workers, 1, params));
          g_assert_cmpint ((gint64) round (t->fte * 100), ==, owner_count (q_fte, 1, params));
          held = owner_count (q_held, 1, params);
          g_array_append_val (exact, held);
          g_array_append_val (shown, t->open_episodes);
          if (t->open_episodes >= 0)
            g_assert_cmpfloat_with_epsilon (t->episodes_per_fte, round (held / t->fte * 10) / 10, 1e-9);
          else
            g_assert_true (isnan (t->episodes_per_fte));
        }
      g_assert_cmpuint (shown->len, >, 0);
      assert_line ((gint64 *) shown->data, (gint64 *) exact->data, shown->len, owner_count (q_total, 1, sparams));
    }
}

static void
test_indicators (void)
{
  g_autoptr(FhDatabase) db = connect_reader ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) series = NULL;
  gboolean priorities_seen[5] = { FALSE, };
  gboolean saw_no_data = FALSE;
  FhIndicatorSummary *gld = NULL;
  Wait w = { 0 };

  fh_database_indicators_async (db, 1, NULL, on_indicators, &w);
  wait_run (&w);
  g_assert_no_error (w.error);
  rows = w.value;
  g_assert_cmpint (rows->len, ==,
                   owner_count ("SELECT count(*) FROM fh.indicator WHERE authority_id = 1", 0, NULL));

  for (guint i = 0; i < rows->len; i++)
    {
      FhIndicatorSummary *s = g_ptr_array_index (rows, i);

      g_assert_cmpint (s->priority_number, >=, 1);
      g_assert_cmpint (s->priority_number, <=, 4);
      priorities_seen[s->priority_number] = TRUE;
      if (s->latest_period == NULL)
        {
          saw_no_data = TRUE;
          g_assert_true (isnan (s->latest_value));
        }
      if (g_str_equal (s->indicator_code, "gld"))
        gld = s;
    }
  g_assert_true (priorities_seen[1] && priorities_seen[2] && priorities_seen[3] && priorities_seen[4]);
  g_assert_true (saw_no_data);
  g_assert_nonnull (gld);
  g_assert_cmpfloat (gld->target, ==, 75.0);
  g_assert_true (gld->higher_is_better);

  {
    g_autofree char *latest = owner_value ("SELECT v.value FROM fh.indicator_value v"
                                           "  JOIN fh.indicator i USING (indicator_id)"
                                           " WHERE i.authority_id = 1 AND i.indicator_code = 'gld'"
                                           " ORDER BY v.period_end DESC LIMIT 1", 0, NULL);
    g_assert_cmpfloat_with_epsilon (gld->latest_value, g_ascii_strtod (latest, NULL), 1e-9);
  }

  fh_database_indicator_series_async (db, 1, "gld", NULL, on_series, &w);
  wait_run (&w);
  g_assert_no_error (w.error);
  series = w.value;
  g_assert_cmpint (series->len, ==,
                   owner_count ("SELECT count(*) FROM fh.indicator_value v JOIN fh.indicator i USING (indicator_id)"
                                " WHERE i.authority_id = 1 AND i.indicator_code = 'gld'", 0, NULL));
  for (guint i = 1; i < series->len; i++)
    {
      FhIndicatorPoint *a = g_ptr_array_index (series, i - 1);
      FhIndicatorPoint *b = g_ptr_array_index (series, i);
      g_assert_cmpint (g_date_time_compare (a->period_end, b->period_end), <, 0);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/database/figures/ward-demand", test_ward_demand_matches_independent_sql);
  g_test_add_func ("/database/figures/authority-demand", test_authority_demand);
  g_test_add_func ("/database/figures/ward-profiles", test_ward_profiles);
  g_test_add_func ("/database/figures/top-needs", test_top_needs);
  g_test_add_func ("/database/figures/ward-demand-filters", test_ward_demand_filters);
  g_test_add_func ("/database/figures/demand-monthly", test_demand_monthly);
  g_test_add_func ("/database/figures/caseloads", test_caseloads);
  g_test_add_func ("/database/figures/service-caseloads", test_service_caseloads);
  g_test_add_func ("/database/figures/team-caseloads", test_team_caseloads);
  g_test_add_func ("/database/figures/indicators", test_indicators);

  if (!fh_test_db_init ())
    return 77;

  return g_test_run ();
}
