/* fh-rag.h — RAG status against the trajectory, and direction of travel
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rule (docs/priorities.md says the same for readers):
 *
 *  1. The latest value is the one with the latest date that is not missing
 *     (NAN: no value, or suppressed). None: GREY, "no data".
 *  2. No target value or no target date: GREY, "no target".
 *  3. The latest value meets or beats the target (by the polarity): GREEN,
 *     "target met" — whatever the trajectory says.
 *  4. The baseline is the indicator's (value and date); without one, the
 *     earliest value of the series when it is older than the latest; else
 *     there is none.
 *  5. The expected value at the latest value's date is read off the
 *     straight line from (baseline date, baseline) to (target date, target):
 *     the baseline before the baseline date, the target once the target
 *     date has passed, and the target itself when there is no baseline.
 *  6. The tolerance is the indicator's own (in its unit), or by default a
 *     quarter of the planned change |target − baseline| (10% of |target|
 *     when there is no baseline).
 *  7. shortfall = how far the latest value is behind the expected value,
 *     by the polarity. shortfall ≤ 0 (on or ahead): GREEN; 0 < shortfall ≤
 *     tolerance: AMBER; more: RED. A value exactly on a boundary takes the
 *     better status.
 *
 * Direction of travel compares the latest value with the one before it (the
 * latest earlier value that is not missing, however long the gap):
 * improving, worsening or no change by the polarity; unknown with fewer
 * than two values.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  FH_RAG_GREY,
  FH_RAG_RED,
  FH_RAG_AMBER,
  FH_RAG_GREEN,
} FhRagStatus;

typedef enum {
  FH_RAG_REASON_NO_DATA,
  FH_RAG_REASON_NO_TARGET,
  FH_RAG_REASON_TARGET_MET,
  FH_RAG_REASON_ON_TRAJECTORY,      /* on or ahead of it */
  FH_RAG_REASON_WITHIN_TOLERANCE,
  FH_RAG_REASON_BEHIND,
} FhRagReason;

typedef enum {
  FH_DIRECTION_UNKNOWN,
  FH_DIRECTION_IMPROVING,
  FH_DIRECTION_NO_CHANGE,
  FH_DIRECTION_WORSENING,
} FhDirection;

/* The default tolerance: this fraction of the planned change … */
#define FH_RAG_DEFAULT_TOLERANCE_FRACTION 0.25
/* … or, with no baseline at all, this fraction of the target. */
#define FH_RAG_DEFAULT_TOLERANCE_OF_TARGET 0.10

typedef struct {
  gboolean   higher_is_better;
  double     baseline;          /* NAN: none */
  GDateTime *baseline_date;     /* NULL: none */
  double     target;            /* NAN: none */
  GDateTime *target_date;       /* NULL: none */
  double     tolerance;         /* in the indicator's unit; NAN: the default */
} FhRagRule;

typedef struct {
  GDateTime *date;              /* period end */
  double     value;             /* NAN: missing or suppressed */
} FhRagPoint;

/* Dates are borrowed from the rule and the points: keep them alive. */
typedef struct {
  FhRagStatus  status;
  FhRagReason  reason;
  double       latest_value;    /* NAN without data */
  GDateTime   *latest_date;     /* NULL without data */
  double       baseline;        /* the baseline used (rule 4); NAN: none */
  GDateTime   *baseline_date;
  double       expected;        /* on the trajectory at latest_date; NAN when not needed */
  double       tolerance;       /* the tolerance used; NAN when not needed */
  double       shortfall;       /* behind the expected value, in the unit; NAN when not needed */
} FhRagAssessment;

void         fh_rag_assess                 (const FhRagRule  *rule,
                                            const FhRagPoint *points,
                                            gsize             n_points,
                                            FhRagAssessment  *out);

/* The straight line from (@baseline_date, @baseline) to the rule's target,
 * at @date (rule 5); NAN without a target. A chart draws the trajectory and
 * the RAG bands the rule used from an assessment: the line through
 * fh_rag_trajectory_at (rule, a.baseline, a.baseline_date, date), the amber
 * band from it to one a.tolerance on the worse side, red beyond. */
double       fh_rag_trajectory_at          (const FhRagRule  *rule,
                                            double            baseline,
                                            GDateTime        *baseline_date,
                                            GDateTime        *date);

FhDirection  fh_direction_of_travel        (gboolean          higher_is_better,
                                            const FhRagPoint *points,
                                            gsize             n_points);

/* "On track", "Close to track", "Off track", "Not rated" */
const char  *fh_rag_status_get_label       (FhRagStatus       status);
/* A symbol that says the status without colour: ✓ ! ✕ – */
const char  *fh_rag_status_get_symbol      (FhRagStatus       status);
/* A sentence for a tooltip, a caption or alt text. */
const char  *fh_rag_reason_get_description (FhRagReason       reason);
/* "Improving", "Worsening", "No change", "Not enough data" */
const char  *fh_direction_get_label        (FhDirection       direction);
/* The way the value moved: ↑ ↓ → (empty when unknown). */
const char  *fh_direction_get_symbol       (FhDirection       direction,
                                            gboolean          higher_is_better);

/* "3 of 5 on track, 1 close, 1 no data": a priority's summary line. Grey
 * indicators are counted as no data or no target by their reason. */
char        *fh_rag_summary_describe       (guint             n_green,
                                            guint             n_amber,
                                            guint             n_red,
                                            guint             n_no_data,
                                            guint             n_no_target);

G_END_DECLS
