/* test-rag.c — the RAG rule and the direction of travel on their edge cases
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "fh-filter.h"
#include "fh-rag.h"

/* A series of up to 8 points made from (y, m, d, value) quadruples. */
typedef struct {
  FhRagPoint points[8];
  gsize      n;
} Series;

static void
series_add (Series *s, int y, int m, int d, double value)
{
  g_assert_cmpuint (s->n, <, G_N_ELEMENTS (s->points));
  s->points[s->n].date = fh_date_new (y, m, d);
  s->points[s->n].value = value;
  s->n++;
}

static void
series_clear (Series *s)
{
  for (gsize i = 0; i < s->n; i++)
    g_date_time_unref (s->points[i].date);
  s->n = 0;
}

/* Higher is better, 50 on 1 Jan 2022 to 60 on 11 Jan 2022: one a day, so
 * dates inside make exact fractions of the line. */
static FhRagRule
rule_new (gboolean higher_is_better, double baseline, double target, double tolerance)
{
  FhRagRule rule = {
    .higher_is_better = higher_is_better,
    .baseline = baseline,
    .baseline_date = isnan (baseline) ? NULL : fh_date_new (2022, 1, 1),
    .target = target,
    .target_date = isnan (target) ? NULL : fh_date_new (2022, 1, 11),
    .tolerance = tolerance,
  };
  return rule;
}

static void
rule_clear (FhRagRule *rule)
{
  g_clear_pointer (&rule->baseline_date, g_date_time_unref);
  g_clear_pointer (&rule->target_date, g_date_time_unref);
}

static FhRagStatus
assess (FhRagRule *rule, Series *s, FhRagAssessment *out)
{
  fh_rag_assess (rule, s->points, s->n, out);
  return out->status;
}

static void
test_no_data (void)
{
  FhRagRule rule = rule_new (TRUE, 50, 60, NAN);
  Series s = { 0 };
  FhRagAssessment a;

  g_assert_cmpint (assess (&rule, &s, &a), ==, FH_RAG_GREY);
  g_assert_cmpint (a.reason, ==, FH_RAG_REASON_NO_DATA);
  g_assert_true (isnan (a.latest_value));
  g_assert_null (a.latest_date);

  /* values that are all missing or suppressed are no data too */
  series_add (&s, 2022, 1, 3, NAN);
  series_add (&s, 2022, 1, 4, NAN);
  g_assert_cmpint (assess (&rule, &s, &a), ==, FH_RAG_GREY);
  g_assert_cmpint (a.reason, ==, FH_RAG_REASON_NO_DATA);
  g_assert_cmpint (fh_direction_of_travel (TRUE, s.points, s.n), ==, FH_DIRECTION_UNKNOWN);

  series_clear (&s);
  rule_clear (&rule);
}

static void
test_no_target (void)
{
  FhRagRule rule = rule_new (TRUE, 50, NAN, NAN);
  Series s = { 0 };
  FhRagAssessment a;

  series_add (&s, 2022, 1, 6, 99);
  g_assert_cmpint (assess (&rule, &s, &a), ==, FH_RAG_GREY);
  g_assert_cmpint (a.reason, ==, FH_RAG_REASON_NO_TARGET);
  /* the latest value is still reported */
  g_assert_cmpfloat (a.latest_value, ==, 99);

  /* a target value without a date is no target either */
  rule.target = 60;
  g_assert_cmpint (assess (&rule, &s, &a), ==, FH_RAG_GREY);
  g_assert_cmpint (a.reason, ==, FH_RAG_REASON_NO_TARGET);

  series_clear (&s);
  rule_clear (&rule);
}

static void
test_on_ahead_behind (void)
{
  FhRagRule rule = rule_new (TRUE, 50, 60, NAN);   /* default tolerance 2.5 */
  Series s = { 0 };
  FhRagAssessment a;

  /* 6 Jan: half way, expected 55 */
  series_add (&s, 2022, 1, 6, 55.5);
  g_assert_cmpint (assess (&rule, &s, &a), ==, FH_RAG_GREEN);
  g_assert_cmpint (a.reason, ==, FH_RAG_REASON_ON_TRAJECTORY);
  g_assert_cmpfloat_with_epsilon (a.expected, 55, 1e-12);
  g_assert_cmpfloat_with_epsilon (a.tolerance, 2.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (a.shortfall, -0.5, 1e-12);

  s.points[0].value = 54.5;
  g_assert_cmpint (assess (&rule, &s, &a), ==, FH_RAG_AMBER);
  g_assert_cmpint (a.reason, ==, FH_RAG_REASON_WITHIN_TOLERANCE);
  g_assert_cmpfloat_with_epsilon (a.shortfall, 0.5, 1e-12);

  s.points[0].value = 52.5;                  /* exactly the tolerance behind */
  g_assert_cmpint (assess (&rule, &s, &a), ==, FH_RAG_AMBER);
  s.points[0].value = 52.4;
  g_assert_cmpint (assess (&rule, &s, &a), ==, FH_RAG_RED);
  g_assert_cmpint (a.reason, ==, FH_RAG_REASON_BEHIND);

  /* the indicator's own tolerance replaces the default */
  s.points[0].value = 53.5;
  rule.tolerance = 1.0;
  g_assert_cmpint (assess (&rule, &s, &a), ==, FH_RAG_RED);
  g_assert_cmpfloat (a.tolerance, ==, 1.0);
  rule.tolerance = 2.0;
  g_assert_cmpint (assess (&rule, &s, &a), ==, FH_RAG_AMBER);
  g_assert_cmpfloat (a.tolerance, ==, 2.0);

  /* a tolerance of zero leaves no amber */
  rule.tolerance = 0;
  s.points[0].value = 54.99;
  g_assert_cmpint (assess (&rule, &s, &a), ==, FH_RAG_RED);

  series_clear (&s);
  rule_clear (&rule);
}

static void
test_exactly_on_the_boundary (void)
{
  /* Decimal figures as the database gives them: 60.1 to 75.0, half way is
   * 67.55, default tolerance 3.725. In binary none is exact. */
  FhRagRule rule = rule_new (TRUE, 60.1, 75.0, NAN);
  Series s = { 0 };
  FhRagAssessment a;

  series_add (&s, 2022, 1, 6, 67.55);
  g_assert_cmpint (assess (&rule, &s, &a), ==, FH_RAG_GREEN);      /* on the line */
  s.points[0].value = 63.825;
  g_assert_cmpint (assess (&rule, &s, &a), ==, FH_RAG_AMBER);      /* on the amber edge */
  s.points[0].value = 63.82;
  g_assert_cmpint (assess (&rule, &s, &a), ==, FH_RAG_RED);
  s.points[0].value = 67.54;
  g_assert_cmpint (assess (&rule, &s, &a), ==, FH_RAG_AMBER);

  /* exactly the target, before its date: met */
  s.points[0].value = 75.0;
  g_assert_cmpint (assess (&rule, &s, &a), ==, FH_RAG_GREEN);
  g_assert_cmpint (a.reason, ==, FH_RAG_REASON_TARGET_MET);

  series_clear (&s);
  rule_clear (&rule);
}

static void
test_lower_is_better (void)
{
  /* 420 down to 380: half way expected 400, tolerance 10 */
  FhRagRule rule = rule_new (FALSE, 420, 380, NAN);
  Series s = { 0 };
  FhRagAssessment a;

  series_add (&s, 2022, 1, 6, 398);
  g_assert_cmpint (assess (&rule, &s, &a), ==, FH_RAG_GREEN);
  g_assert_cmpfloat_with_epsilon (a.expected, 400, 1e-12);
  g_assert_cmpfloat_with_epsilon (a.shortfall, -2, 1e-12);

  s.points[0].value = 410;                  /* exactly the tolerance above */
  g_assert_cmpint (assess (&rule, &s, &a), ==, FH_RAG_AMBER);
  s.points[0].value = 410.5;
  g_assert_cmpint (assess (&rule, &s, &a), ==, FH_RAG_RED);
  s.points[0].value = 430;                  /* going the wrong way */
  g_assert_cmpint (assess (&rule, &s, &a), ==, FH_RAG_RED);
  s.points[0].value = 379;                  /* below the target: met */
  g_assert_cmpint (assess (&rule, &s, &a), ==, FH_RAG_GREEN);
  g_assert_cmpint (a.reason, ==, FH_RAG_REASON_TARGET_MET);

  series_clear (&s);
  rule_clear (&rule);
}

static void
test_target_already_met (void)
{
  /* Met long before the target date, even when the trajectory would say
   * nothing about it yet; and a "hold" target (baseline already better). */
  FhRagRule rule = rule_new (TRUE, 50, 60, NAN);
  FhRagRule hold = rule_new (FALSE, 5, 8, NAN);
  Series s = { 0 };
  FhRagAssessment a;

  series_add (&s, 2021, 12, 1, 61);          /* before the baseline date */
  g_assert_cmpint (assess (&rule, &s, &a), ==, FH_RAG_GREEN);
  g_assert_cmpint (a.reason, ==, FH_RAG_REASON_TARGET_MET);

  s.points[0].value = 7;
  g_assert_cmpint (assess (&hold, &s, &a), ==, FH_RAG_GREEN);
  g_assert_cmpint (a.reason, ==, FH_RAG_REASON_TARGET_MET);
  s.points[0].value = 8.5;                  /* worse than the target: tolerance 0.75 */
  g_assert_cmpint (assess (&hold, &s, &a), ==, FH_RAG_RED);

  series_clear (&s);
  rule_clear (&rule);
  rule_clear (&hold);
}

static void
test_no_baseline (void)
{
  FhRagRule rule = rule_new (TRUE, NAN, 60, NAN);
  Series s = { 0 };
  FhRagAssessment a;

  /* One value and no baseline: judged against the target itself, with a
   * tolerance of 10% of it. */
  series_add (&s, 2022, 1, 6, 55);
  g_assert_cmpint (assess (&rule, &s, &a), ==, FH_RAG_AMBER);
  g_assert_true (isnan (a.baseline));
  g_assert_cmpfloat_with_epsilon (a.expected, 60, 1e-12);
  g_assert_cmpfloat_with_epsilon (a.tolerance, 6, 1e-12);
  s.points[0].value = 53.9;
  g_assert_cmpint (assess (&rule, &s, &a), ==, FH_RAG_RED);

  /* With earlier values the earliest is the baseline: 40 on 1 Jan to 60 on
   * 11 Jan; on 6 Jan 50 is expected, tolerance 5. */
  series_clear (&s);
  series_add (&s, 2022, 1, 6, 49);
  series_add (&s, 2022, 1, 1, 40);
  g_assert_cmpint (assess (&rule, &s, &a), ==, FH_RAG_AMBER);
  g_assert_cmpfloat (a.baseline, ==, 40);
  g_assert_nonnull (a.baseline_date);
  g_assert_cmpint (g_date_time_get_day_of_month (a.baseline_date), ==, 1);
  g_assert_cmpfloat_with_epsilon (a.expected, 50, 1e-12);
  g_assert_cmpfloat_with_epsilon (a.tolerance, 5, 1e-12);
  s.points[0].value = 44.9;
  g_assert_cmpint (assess (&rule, &s, &a), ==, FH_RAG_RED);

  series_clear (&s);
  rule_clear (&rule);
}

static void
test_one_value_only (void)
{
  FhRagRule rule = rule_new (TRUE, 50, 60, NAN);
  Series s = { 0 };
  FhRagAssessment a;

  series_add (&s, 2022, 1, 2, 51);           /* expected 51 */
  g_assert_cmpint (assess (&rule, &s, &a), ==, FH_RAG_GREEN);
  g_assert_cmpfloat_with_epsilon (a.expected, 51, 1e-12);
  g_assert_cmpint (fh_direction_of_travel (TRUE, s.points, s.n), ==, FH_DIRECTION_UNKNOWN);

  /* a value dated before the baseline is held to the baseline */
  series_clear (&s);
  series_add (&s, 2021, 6, 30, 49.5);
  g_assert_cmpint (assess (&rule, &s, &a), ==, FH_RAG_AMBER);
  g_assert_cmpfloat (a.expected, ==, 50);

  series_clear (&s);
  rule_clear (&rule);
}

static void
test_gaps (void)
{
  FhRagRule rule = rule_new (TRUE, 50, 60, NAN);
  Series s = { 0 };
  FhRagAssessment a;

  /* given out of order, with a suppressed (NAN) latest period and a
   * missing period: the status and the direction use the latest present
   * value, 6 Jan (expected 55), against the one before it, 2 Jan. */
  series_add (&s, 2022, 1, 8, NAN);
  series_add (&s, 2022, 1, 2, 56);
  series_add (&s, 2022, 1, 6, 54.2);
  series_add (&s, 2022, 1, 1, 50);
  g_assert_cmpint (assess (&rule, &s, &a), ==, FH_RAG_AMBER);
  g_assert_cmpfloat (a.latest_value, ==, 54.2);
  g_assert_cmpint (g_date_time_get_day_of_month (a.latest_date), ==, 6);
  g_assert_cmpint (fh_direction_of_travel (TRUE, s.points, s.n), ==, FH_DIRECTION_WORSENING);

  /* a point without a date is ignored */
  s.points[0].value = 70;
  g_date_time_unref (s.points[0].date);
  s.points[0].date = NULL;
  g_assert_cmpint (assess (&rule, &s, &a), ==, FH_RAG_AMBER);
  s.points[0].date = fh_date_new (2022, 1, 8);

  series_clear (&s);
  rule_clear (&rule);
}

static void
test_zero_and_negative (void)
{
  /* A count from zero (case studies): 0 to 60 */
  FhRagRule count = rule_new (TRUE, 0, 60, NAN);
  /* A balance that goes from negative to positive */
  FhRagRule balance = rule_new (TRUE, -10, 10, NAN);
  /* Lower is better down to zero */
  FhRagRule to_zero = rule_new (FALSE, 8, 0, NAN);
  Series s = { 0 };
  FhRagAssessment a;

  series_add (&s, 2022, 1, 6, 0);            /* expected 30, tolerance 15 */
  g_assert_cmpint (assess (&count, &s, &a), ==, FH_RAG_RED);
  s.points[0].value = 15;
  g_assert_cmpint (assess (&count, &s, &a), ==, FH_RAG_AMBER);
  series_clear (&s);
  series_add (&s, 2022, 1, 1, 0);            /* on the baseline date: on track */
  g_assert_cmpint (assess (&count, &s, &a), ==, FH_RAG_GREEN);
  series_clear (&s);

  series_add (&s, 2022, 1, 6, -5);           /* expected 0, tolerance 5 */
  g_assert_cmpint (assess (&balance, &s, &a), ==, FH_RAG_AMBER);
  g_assert_cmpfloat_with_epsilon (a.expected, 0, 1e-12);
  s.points[0].value = -5.5;
  g_assert_cmpint (assess (&balance, &s, &a), ==, FH_RAG_RED);
  s.points[0].value = 0;
  g_assert_cmpint (assess (&balance, &s, &a), ==, FH_RAG_GREEN);

  s.points[0].value = 0;
  g_assert_cmpint (assess (&to_zero, &s, &a), ==, FH_RAG_GREEN);
  g_assert_cmpint (a.reason, ==, FH_RAG_REASON_TARGET_MET);
  s.points[0].value = 6;                     /* expected 4, tolerance 2 */
  g_assert_cmpint (assess (&to_zero, &s, &a), ==, FH_RAG_AMBER);
  s.points[0].value = 6.1;
  g_assert_cmpint (assess (&to_zero, &s, &a), ==, FH_RAG_RED);
  s.points[0].value = -1;                    /* below zero is better still */
  g_assert_cmpint (assess (&to_zero, &s, &a), ==, FH_RAG_GREEN);

  /* no baseline and a target of zero: the default tolerance is zero */
  to_zero.baseline = NAN;
  s.points[0].value = 0.1;
  g_assert_cmpint (assess (&to_zero, &s, &a), ==, FH_RAG_RED);
  g_assert_cmpfloat (a.tolerance, ==, 0);

  series_clear (&s);
  rule_clear (&count);
  rule_clear (&balance);
  rule_clear (&to_zero);
}

static void
test_target_date_passed (void)
{
  FhRagRule rule = rule_new (TRUE, 50, 60, NAN);
  Series s = { 0 };
  FhRagAssessment a;

  /* after 11 Jan the expected value is the target itself */
  series_add (&s, 2022, 3, 1, 59.5);
  g_assert_cmpint (assess (&rule, &s, &a), ==, FH_RAG_AMBER);
  g_assert_cmpfloat (a.expected, ==, 60);
  s.points[0].value = 57.5;
  g_assert_cmpint (assess (&rule, &s, &a), ==, FH_RAG_AMBER);
  s.points[0].value = 57.4;
  g_assert_cmpint (assess (&rule, &s, &a), ==, FH_RAG_RED);
  s.points[0].value = 60;
  g_assert_cmpint (assess (&rule, &s, &a), ==, FH_RAG_GREEN);
  g_assert_cmpint (a.reason, ==, FH_RAG_REASON_TARGET_MET);

  /* a target dated before its baseline: the target is all there is */
  g_date_time_unref (rule.target_date);
  rule.target_date = fh_date_new (2021, 1, 1);
  s.points[0].value = 59;
  g_assert_cmpint (assess (&rule, &s, &a), ==, FH_RAG_AMBER);
  g_assert_cmpfloat (a.expected, ==, 60);

  series_clear (&s);
  rule_clear (&rule);
}

static void
test_trajectory_at (void)
{
  FhRagRule rule = rule_new (FALSE, 420, 380, NAN);
  g_autoptr(GDateTime) before = fh_date_new (2021, 1, 1);
  g_autoptr(GDateTime) quarter = fh_date_new (2022, 1, 3);   /* 2 of 10 days */
  g_autoptr(GDateTime) after = fh_date_new (2023, 1, 1);

  g_assert_cmpfloat (fh_rag_trajectory_at (&rule, 420, rule.baseline_date, before), ==, 420);
  g_assert_cmpfloat_with_epsilon (fh_rag_trajectory_at (&rule, 420, rule.baseline_date, quarter), 412, 1e-12);
  g_assert_cmpfloat (fh_rag_trajectory_at (&rule, 420, rule.baseline_date, after), ==, 380);
  g_assert_cmpfloat (fh_rag_trajectory_at (&rule, NAN, NULL, quarter), ==, 380);
  rule.target = NAN;
  g_assert_true (isnan (fh_rag_trajectory_at (&rule, 420, rule.baseline_date, quarter)));
  rule_clear (&rule);
}

static void
test_direction (void)
{
  Series s = { 0 };

  series_add (&s, 2022, 1, 1, 10);
  series_add (&s, 2022, 4, 1, 12);
  g_assert_cmpint (fh_direction_of_travel (TRUE, s.points, s.n), ==, FH_DIRECTION_IMPROVING);
  g_assert_cmpint (fh_direction_of_travel (FALSE, s.points, s.n), ==, FH_DIRECTION_WORSENING);
  g_assert_cmpstr (fh_direction_get_symbol (FH_DIRECTION_IMPROVING, TRUE), ==, "↑");
  g_assert_cmpstr (fh_direction_get_symbol (FH_DIRECTION_WORSENING, FALSE), ==, "↑");
  g_assert_cmpstr (fh_direction_get_symbol (FH_DIRECTION_IMPROVING, FALSE), ==, "↓");

  s.points[1].value = 10;
  g_assert_cmpint (fh_direction_of_travel (TRUE, s.points, s.n), ==, FH_DIRECTION_NO_CHANGE);
  g_assert_cmpint (fh_direction_of_travel (FALSE, s.points, s.n), ==, FH_DIRECTION_NO_CHANGE);

  /* decimals that are equal as numbers but not as doubles */
  s.points[0].value = 0.1 + 0.2;
  s.points[1].value = 0.3;
  g_assert_cmpint (fh_direction_of_travel (TRUE, s.points, s.n), ==, FH_DIRECTION_NO_CHANGE);

  /* zero and negative values: -3 to 0 is a rise */
  s.points[0].value = -3;
  s.points[1].value = 0;
  g_assert_cmpint (fh_direction_of_travel (TRUE, s.points, s.n), ==, FH_DIRECTION_IMPROVING);
  g_assert_cmpint (fh_direction_of_travel (FALSE, s.points, s.n), ==, FH_DIRECTION_WORSENING);

  g_assert_cmpint (fh_direction_of_travel (TRUE, NULL, 0), ==, FH_DIRECTION_UNKNOWN);
  series_clear (&s);
}

static void
test_words_and_summary (void)
{
  g_autofree char *summary = fh_rag_summary_describe (3, 1, 0, 1, 0);
  g_autofree char *all = fh_rag_summary_describe (1, 1, 2, 1, 1);
  g_autofree char *none = fh_rag_summary_describe (0, 0, 0, 0, 0);
  const FhRagStatus statuses[] = { FH_RAG_GREY, FH_RAG_RED, FH_RAG_AMBER, FH_RAG_GREEN };

  g_assert_cmpstr (summary, ==, "3 of 5 on track, 1 close, 1 no data");
  g_assert_cmpstr (all, ==, "1 of 6 on track, 1 close, 2 off track, 1 no data, 1 no target");
  g_assert_cmpstr (none, ==, "No indicators");

  /* each status has its own word and symbol: colour is never the only signal */
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    for (guint j = i + 1; j < G_N_ELEMENTS (statuses); j++)
      {
        g_assert_cmpstr (fh_rag_status_get_label (statuses[i]), !=, fh_rag_status_get_label (statuses[j]));
        g_assert_cmpstr (fh_rag_status_get_symbol (statuses[i]), !=, fh_rag_status_get_symbol (statuses[j]));
      }
  g_assert_cmpstr (fh_rag_status_get_label (FH_RAG_GREEN), ==, "On track");
  g_assert_cmpstr (fh_direction_get_label (FH_DIRECTION_WORSENING), ==, "Worsening");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rag/no-data", test_no_data);
  g_test_add_func ("/rag/no-target", test_no_target);
  g_test_add_func ("/rag/on-ahead-behind", test_on_ahead_behind);
  g_test_add_func ("/rag/exactly-on-the-boundary", test_exactly_on_the_boundary);
  g_test_add_func ("/rag/lower-is-better", test_lower_is_better);
  g_test_add_func ("/rag/target-already-met", test_target_already_met);
  g_test_add_func ("/rag/no-baseline", test_no_baseline);
  g_test_add_func ("/rag/one-value-only", test_one_value_only);
  g_test_add_func ("/rag/gaps", test_gaps);
  g_test_add_func ("/rag/zero-and-negative", test_zero_and_negative);
  g_test_add_func ("/rag/target-date-passed", test_target_date_passed);
  g_test_add_func ("/rag/trajectory-at", test_trajectory_at);
  g_test_add_func ("/rag/direction", test_direction);
  g_test_add_func ("/rag/words-and-summary", test_words_and_summary);

  return g_test_run ();
}
