/* fh-priority-results.h — typed results for the Priorities page
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the reporting layer's priority functions return (data/sql/07-priorities.sql,
 * docs/data-contract.md). As in fh-results.h: a value the database did not
 * give is NAN, a count FH_COUNT_MISSING; a numerator or denominator of 1 to 5
 * that the reporting layer suppressed is FH_COUNT_SUPPRESSED, and the value
 * built on it is NAN with value_suppressed set (show "c").
 */
#pragma once

#include <glib.h>

#include "fh-rag.h"
#include "fh-results.h"

G_BEGIN_DECLS

/* One indicator of the overview, with its latest period. A priority with no
 * indicator comes as one item whose indicator_code is NULL. */
typedef struct {
  int        priority_number;     /* 1..4 */
  char      *priority_title;
  char      *indicator_code;      /* NULL: the priority has no indicator */
  char      *indicator_name;
  char      *unit;                /* "rate_per_10k" | "rate_per_100k" | "percent" | "count" | "days" */
  gboolean   higher_is_better;
  double     baseline;            /* NAN: none */
  GDateTime *baseline_period;
  double     target;              /* NAN: none */
  GDateTime *target_date;
  double     rag_tolerance;       /* NAN: the default (fh-rag.h) */
  char      *source;
  GDateTime *latest_period;       /* NULL: no value yet */
  double     latest_value;        /* NAN: none, or suppressed */
  gint64     latest_numerator;    /* FH_COUNT_MISSING | FH_COUNT_SUPPRESSED | the count */
  gint64     latest_denominator;
  gboolean   value_suppressed;
  int        n_periods;           /* values stored, suppressed ones included */
} FhPriorityIndicator;

/* One period of an indicator: from the series of every indicator (numerator
 * and denominator then FH_COUNT_MISSING) or one indicator's detail. */
typedef struct {
  char      *indicator_code;
  GDateTime *period_end;
  double     value;               /* NAN when suppressed */
  gint64     numerator;           /* FH_COUNT_MISSING | FH_COUNT_SUPPRESSED | the count */
  gint64     denominator;
  gboolean   value_suppressed;
} FhPriorityPoint;

typedef struct {
  char      *indicator_code;
  char      *comparator;          /* "england" | "region" | "statistical_neighbours" */
  GDateTime *period_end;
  double     value;
} FhIndicatorComparator;

typedef struct {
  char      *indicator_code;
  GDateTime *period_end;
  char      *commentary;
  char      *written_by;          /* a team, not a person */
  GDateTime *updated_at;          /* UTC */
} FhIndicatorCommentary;

/* One (success measure, indicator) pair; a measure with no indicator comes
 * once with indicator_code NULL. */
typedef struct {
  char  *measure_code;
  char  *title;
  char  *description;             /* may be NULL */
  int    sort_order;
  char  *indicator_code;          /* NULL: no indicator measures it */
  char  *indicator_name;
  int    priority_number;         /* 0 without an indicator */
  int    n_values;                /* -1 without an indicator */
  int    n_published;             /* values a reader sees (not suppressed) */
} FhSuccessMeasure;

void         fh_priority_indicator_free   (FhPriorityIndicator   *self);
void         fh_priority_point_free       (FhPriorityPoint       *self);
void         fh_indicator_comparator_free (FhIndicatorComparator *self);
void         fh_indicator_commentary_free (FhIndicatorCommentary *self);
void         fh_success_measure_free      (FhSuccessMeasure      *self);

/* The RAG rule of @self; its dates are borrowed from @self. */
void         fh_priority_indicator_get_rule (const FhPriorityIndicator *self,
                                             FhRagRule                 *rule);

/* The points of @series (FhPriorityPoint, any indicators) that belong to
 * @indicator_code, for fh_rag_assess(); dates borrowed from @series. Free
 * with g_free(). */
FhRagPoint  *fh_priority_points_for       (GPtrArray             *series,
                                           const char            *indicator_code,
                                           gsize                 *n_points);

/* RAG status and direction of travel of @self from @series (FhPriorityPoint
 * of the authority, e.g. from fh_database_priority_series_finish()). The
 * assessment's dates are borrowed from @self and @series. */
void         fh_priority_indicator_assess (const FhPriorityIndicator *self,
                                           GPtrArray                 *series,
                                           FhRagAssessment           *assessment,
                                           FhDirection               *direction);

typedef struct {
  guint n_green;
  guint n_amber;
  guint n_red;
  guint n_no_data;                /* grey: no value yet */
  guint n_no_target;              /* grey: a value but no target */
} FhRagCounts;

/* How many indicators of priority @priority_number in @overview have each
 * status (fh_priority_indicator_assess() on @series); for a priority's
 * summary line, fh_rag_summary_describe(). */
void         fh_priority_count_statuses   (GPtrArray             *overview,
                                           GPtrArray             *series,
                                           int                    priority_number,
                                           FhRagCounts           *counts);

/* @value in @unit through fh-number-format.h: "12.3%", "1,234", "412.5",
 * "3.5 days"; NAN "–". */
char        *fh_priority_format_value     (double                 value,
                                           const char            *unit);

/* "England", "Region", "Statistical neighbours"; the code itself when unknown. */
const char  *fh_comparator_get_label      (const char            *comparator);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FhPriorityIndicator, fh_priority_indicator_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FhPriorityPoint, fh_priority_point_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FhIndicatorComparator, fh_indicator_comparator_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FhIndicatorCommentary, fh_indicator_commentary_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FhSuccessMeasure, fh_success_measure_free)

G_END_DECLS
