/* test-caseload-stats.c — a service's spread of caseloads, and the what-if
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every expected figure is worked out by hand in the comment beside it.
 */
#include <math.h>

#include "fh-caseload-stats.h"
#include "fh-caseload-whatif.h"

static void
add_worker (GPtrArray *workers, const char *ref, const char *team, const char *service,
            double fte, gint64 open)
{
  FhWorkerCaseload *w = g_new0 (FhWorkerCaseload, 1);

  w->worker_ref = g_strdup (ref);
  w->team_name = g_strdup (team);
  w->service = g_strdup (service);
  w->fte = fte;
  w->open_episodes = open;
  w->episodes_per_fte = NAN;
  g_ptr_array_add (workers, w);
}

static GPtrArray *
new_workers (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) fh_worker_caseload_free);
}

static void
test_per_fte (void)
{
  FhWorkerCaseload w = { .fte = 0.6, .open_episodes = 17 };

  g_assert_cmpfloat_with_epsilon (fh_worker_caseload_per_fte (&w), 28.3, 1e-9);   /* 28.33… */
  w.open_episodes = FH_COUNT_SUPPRESSED;
  g_assert_true (isnan (fh_worker_caseload_per_fte (&w)));
  w.open_episodes = 4;
  w.fte = 0;
  g_assert_true (isnan (fh_worker_caseload_per_fte (&w)));
}

static void
test_odd_even_and_left_out (void)
{
  g_autoptr(GPtrArray) workers = new_workers ();
  FhCaseloadStats s;

  add_worker (workers, "W1", "North", "core", 1.0, 10);                   /* 10.0 */
  add_worker (workers, "W2", "North", "core", 0.5, 11);                   /* 22.0 */
  add_worker (workers, "W3", "North", "core", 0.0, 3);                    /* no FTE: left out */
  add_worker (workers, "W4", "South", "core", 1.0, FH_COUNT_SUPPRESSED);  /* withheld */
  add_worker (workers, "W5", "South", "core", 0.6, 17);                   /* 28.3 */
  add_worker (workers, "W6", "North", "adolescence", 1.0, 40);            /* another service */

  fh_caseload_stats_compute (workers, "core", 20, &s);
  g_assert_cmpuint (s.workers, ==, 5);
  g_assert_cmpuint (s.counted, ==, 3);
  g_assert_cmpuint (s.zero_fte, ==, 1);
  g_assert_cmpuint (s.withheld, ==, 1);
  g_assert_cmpfloat_with_epsilon (s.fte, 2.1, 1e-9);
  g_assert_cmpint (s.open_episodes, ==, 38);
  g_assert_cmpfloat_with_epsilon (s.median, 22.0, 1e-9);          /* 10, 22, 28.3 */
  g_assert_cmpfloat_with_epsilon (s.mean, 60.3 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (s.min, 10.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (s.max, 28.3, 1e-9);
  g_assert_cmpuint (s.above, ==, 2);                               /* 22, 28.3 */

  /* even: the median is the mean of the middle two; on the threshold is not above */
  add_worker (workers, "W7", "South", "core", 1.0, 20);            /* 20.0 */
  fh_caseload_stats_compute (workers, "core", 20, &s);
  g_assert_cmpuint (s.counted, ==, 4);
  g_assert_cmpfloat_with_epsilon (s.median, 21.0, 1e-9);          /* 10, 20 | 22, 28.3 */
  g_assert_cmpfloat_with_epsilon (s.mean, 80.3 / 4, 1e-9);
  g_assert_cmpuint (s.above, ==, 2);
  /* a different threshold counts differently */
  fh_caseload_stats_compute (workers, "core", 9.5, &s);
  g_assert_cmpuint (s.above, ==, 4);
}

static void
test_empty_service (void)
{
  g_autoptr(GPtrArray) workers = new_workers ();
  FhCaseloadStats s;

  add_worker (workers, "W1", "North", "core", 1.0, 10);
  fh_caseload_stats_compute (workers, "early", 25, &s);
  g_assert_cmpuint (s.workers, ==, 0);
  g_assert_cmpuint (s.counted, ==, 0);
  g_assert_cmpuint (s.above, ==, 0);
  g_assert_true (isnan (s.median) && isnan (s.mean) && isnan (s.min) && isnan (s.max));

  /* only withheld workers: nothing to summarise, and said so */
  add_worker (workers, "W2", "Hub", "early", 1.0, FH_COUNT_SUPPRESSED);
  fh_caseload_stats_compute (workers, "early", 25, &s);
  g_assert_cmpuint (s.workers, ==, 1);
  g_assert_cmpuint (s.withheld, ==, 1);
  g_assert_true (isnan (s.median));
}

static void
test_threshold_keys (void)
{
  g_assert_cmpstr (fh_caseload_threshold_key ("core"), ==, "caseload-threshold-core");
  g_assert_cmpstr (fh_caseload_threshold_key ("adolescence"), ==, "caseload-threshold-adolescence");
  g_assert_cmpstr (fh_caseload_threshold_key ("early"), ==, "caseload-threshold-early-help");
  g_assert_null (fh_caseload_threshold_key ("statutory"));
}

/* Core: T1 has 10 and 20 per FTE (1 FTE each), T2 one worker at 30;
 * Adolescence: 12 and 18. A suppressed worker takes no part. */
static GPtrArray *
whatif_workers (void)
{
  GPtrArray *workers = new_workers ();

  add_worker (workers, "W1", "T1", "core", 1.0, 10);
  add_worker (workers, "W2", "T1", "core", 1.0, 20);
  add_worker (workers, "W3", "T2", "core", 1.0, 30);
  add_worker (workers, "W4", "T2", "core", 1.0, FH_COUNT_SUPPRESSED);
  add_worker (workers, "W5", "A1", "adolescence", 1.0, 12);
  add_worker (workers, "W6", "A1", "adolescence", 1.0, 18);
  return workers;
}

static void
test_whatif_team (void)
{
  g_autoptr(GPtrArray) workers = whatif_workers ();
  g_autoptr(FhCaseloadWhatIf) w = fh_caseload_whatif_new (workers);
  FhCaseloadStats today, then;

  /* nothing changed: the same both sides */
  fh_caseload_whatif_project (w, "core", 20, &today, &then);
  g_assert_cmpuint (today.counted, ==, 3);
  g_assert_cmpfloat_with_epsilon (today.median, 20.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (then.median, 20.0, 1e-9);
  g_assert_cmpuint (today.above, ==, 1);
  g_assert_cmpuint (then.above, ==, 1);

  /* +1 FTE in T1: its 30 episodes over 3 FTE; 10 and 20 become 6.67 and
   * 13.33, the new post carries 10; T2 stays at 30 */
  g_assert_true (fh_caseload_whatif_change_fte (w, "core", "T1", 1.0));
  fh_caseload_whatif_project (w, "core", 20, &today, &then);
  g_assert_cmpfloat_with_epsilon (today.median, 20.0, 1e-9);
  g_assert_cmpuint (then.workers, ==, 4);
  g_assert_cmpuint (then.counted, ==, 4);
  g_assert_cmpfloat_with_epsilon (then.median, (10.0 + 40.0 / 3) / 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (then.min, 20.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (then.max, 30.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (then.fte, 4.0, 1e-9);
  g_assert_cmpint (then.open_episodes, ==, 60);
  g_assert_cmpuint (then.above, ==, 1);

  /* -0.5 FTE in T2 as well: 30 episodes over 0.5 FTE is 60 per FTE */
  g_assert_true (fh_caseload_whatif_change_fte (w, "core", "T2", -0.5));
  fh_caseload_whatif_project (w, "core", 20, &today, &then);
  g_assert_cmpfloat_with_epsilon (then.max, 60.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (then.fte, 3.5, 1e-9);

  /* T2 cannot fall to 0 FTE: refused, nothing changed */
  g_assert_false (fh_caseload_whatif_change_fte (w, "core", "T2", -0.5));
  g_assert_false (fh_caseload_whatif_change_fte (w, "core", "No such team", 1));
  fh_caseload_whatif_project (w, "core", 20, &today, &then);
  g_assert_cmpfloat_with_epsilon (then.max, 60.0, 1e-9);

  /* the other service is untouched */
  fh_caseload_whatif_project (w, "adolescence", 15, &today, &then);
  g_assert_cmpfloat_with_epsilon (then.median, 15.0, 1e-9);
  g_assert_cmpuint (then.above, ==, 1);

  /* reset: back to today */
  fh_caseload_whatif_reset (w);
  fh_caseload_whatif_project (w, "core", 20, &today, &then);
  g_assert_cmpfloat_with_epsilon (then.median, 20.0, 1e-9);
  g_assert_cmpuint (then.workers, ==, 3);
}

static void
test_whatif_service (void)
{
  g_autoptr(GPtrArray) workers = whatif_workers ();
  g_autoptr(FhCaseloadWhatIf) w = fh_caseload_whatif_new (workers);
  g_autoptr(GPtrArray) teams = fh_caseload_whatif_list_teams (w, "core");
  FhCaseloadStats today, then;

  g_assert_cmpuint (teams->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (teams, 0), ==, "T1");
  g_assert_cmpstr (g_ptr_array_index (teams, 1), ==, "T2");

  /* +1.5 FTE across Core (3 counted FTE): T1 (2 FTE) gets 1, T2 (1 FTE)
   * 0.5. T1: 6.67, 13.33 and a post at 10; T2: 30 / 1.5 = 20 and a post
   * at 20. Sorted 6.67, 10, 13.33, 20, 20: median 13.33, none above 25. */
  g_assert_true (fh_caseload_whatif_change_fte (w, "core", NULL, 1.5));
  fh_caseload_whatif_project (w, "core", 25, &today, &then);
  g_assert_cmpuint (then.workers, ==, 5);
  g_assert_cmpfloat_with_epsilon (then.median, 40.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (then.max, 20.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (then.mean, (20.0 / 3 + 10 + 40.0 / 3 + 20 + 20) / 5, 1e-9);
  g_assert_cmpuint (then.above, ==, 0);
  g_assert_cmpuint (today.above, ==, 1);
  g_assert_cmpfloat_with_epsilon (then.fte, 4.5, 1e-9);

  /* removing all of a service's FTE is refused */
  g_assert_false (fh_caseload_whatif_change_fte (w, "adolescence", NULL, -2));
  g_assert_false (fh_caseload_whatif_change_fte (w, "early", NULL, 1));
}

static void
test_whatif_move (void)
{
  g_autoptr(GPtrArray) workers = whatif_workers ();
  g_autoptr(FhCaseloadWhatIf) w = fh_caseload_whatif_new (workers);
  FhCaseloadStats today, then;

  /* 6 of Core's 60 episodes to Adolescence (30): Core × 0.9 gives 9, 18,
   * 27; Adolescence × 1.2 gives 14.4 and 21.6 */
  g_assert_true (fh_caseload_whatif_move_episodes (w, "core", "adolescence", 6));
  fh_caseload_whatif_project (w, "core", 20, &today, &then);
  g_assert_cmpfloat_with_epsilon (then.median, 18.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (then.max, 27.0, 1e-9);
  g_assert_cmpint (then.open_episodes, ==, 54);
  g_assert_cmpuint (then.above, ==, 1);
  fh_caseload_whatif_project (w, "adolescence", 15, &today, &then);
  g_assert_cmpfloat_with_epsilon (then.median, 18.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (then.min, 14.4, 1e-9);
  g_assert_cmpfloat_with_epsilon (then.max, 21.6, 1e-9);
  g_assert_cmpint (then.open_episodes, ==, 36);
  g_assert_cmpuint (then.above, ==, 1);
  g_assert_cmpuint (today.above, ==, 1);

  /* not more than Core holds (54 now) can move; nothing changes */
  g_assert_false (fh_caseload_whatif_move_episodes (w, "core", "adolescence", 55));
  g_assert_false (fh_caseload_whatif_move_episodes (w, "core", "core", 1));
  fh_caseload_whatif_project (w, "core", 20, &today, &then);
  g_assert_cmpint (then.open_episodes, ==, 54);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/caseload-stats/per-fte", test_per_fte);
  g_test_add_func ("/caseload-stats/odd-even-left-out", test_odd_even_and_left_out);
  g_test_add_func ("/caseload-stats/empty-service", test_empty_service);
  g_test_add_func ("/caseload-stats/threshold-keys", test_threshold_keys);
  g_test_add_func ("/caseload-whatif/team", test_whatif_team);
  g_test_add_func ("/caseload-whatif/service", test_whatif_service);
  g_test_add_func ("/caseload-whatif/move", test_whatif_move);
  return g_test_run ();
}
