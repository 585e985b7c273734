/* fh-results.h — typed results of the reporting queries
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every result is aggregate data from the reporting layer: no person-level row
 * ever reaches the app. A count the database did not give (NULL) is -1; a rate
 * or value it did not give is NAN (test with isnan()). Never read a missing
 * value as zero.
 */
#pragma once

#include <glib.h>

#include "fh-geometry.h"

G_BEGIN_DECLS

#define FH_COUNT_MISSING (-1)
/* A count the reporting layer suppressed (1 to 5, or hidden so that such a
 * count cannot be worked out from a total): show it as "c", never as zero or
 * as missing. A rate or percentage built on it is NAN. */
#define FH_COUNT_SUPPRESSED (-2)
/* The measures of reporting.demand_measures (FhDemandFigureKind). */
#define FH_N_DEMAND_FIGURES 7

typedef struct {
  int    authority_id;
  char  *code;
  char  *name;
  int    ward_count;
  gint64 children_0_17;
} FhAuthority;

typedef struct {
  char   *ward_code;
  char   *ward_name;
  gint64  children_0_17;        /* the rate's denominator: children in the chosen band */
  int     population_year;      /* the mid-year estimate it comes from */
  gint64  referrals;            /* requests for support with a decision */
  gint64  episodes_started;
  gint64  episodes_open;        /* open at the period end */
  double  referral_rate;        /* per 10,000 children 0–17, 1 d.p. */
  double  started_rate;
  double  open_rate;
  /* Every measure of reporting.demand_measures, by FhDemandFigureKind
   * (fh-demand-measures.h), when the row came from there (has_figures):
   * count (may be FH_COUNT_SUPPRESSED), rate, its 95% interval, and how the
   * ward compares with the authority (FhVersusAuthority). */
  gboolean has_figures;
  gint64  counts[FH_N_DEMAND_FIGURES];
  double  rates[FH_N_DEMAND_FIGURES];
  double  lower95[FH_N_DEMAND_FIGURES];
  double  upper95[FH_N_DEMAND_FIGURES];
  int     versus[FH_N_DEMAND_FIGURES];
  /* the change on the same period a year earlier, from the reporting layer */
  double  rate_changes[FH_N_DEMAND_FIGURES];
  double  rate_percent_changes[FH_N_DEMAND_FIGURES];
  gint64  count_changes[FH_N_DEMAND_FIGURES];    /* FH_COUNT_MISSING when either is suppressed */
  double  count_percent_changes[FH_N_DEMAND_FIGURES];
  double  rereferral_percent;   /* re-referrals as % of accepted; NAN when unknown */
} FhWardDemand;

typedef struct {
  GDateTime *month;             /* first day of the month */
  gint64     referrals;
  gint64     episodes_started;
  gint64     children_0_17;
  gint64     referrals_12m;     /* rolling 12-month total ending this month; missing when
                                 * its window starts before the data */
  int        population_year;
} FhMonthlyDemand;

typedef struct {
  char   *worker_ref;           /* pseudonymous, e.g. "W10342"; never a name or a key */
  char   *team_name;
  char   *service;              /* "core" | "adolescence" | "early" */
  char   *locality;
  double  fte;
  gint64  open_episodes;
  double  episodes_per_fte;
} FhWorkerCaseload;

typedef struct {
  int        priority_number;   /* 1..4 */
  char      *priority_title;
  char      *indicator_code;
  char      *indicator_name;
  char      *unit;              /* "rate_per_10k" | "percent" | "count" | "days" … */
  gboolean   higher_is_better;
  double     baseline;
  GDateTime *baseline_period;
  double     target;
  GDateTime *target_date;
  double     latest_value;
  GDateTime *latest_period;     /* NULL when there is no value yet */
  double     previous_value;
  char      *source;
  gboolean   latest_suppressed;   /* latest_value is NAN because it was suppressed */
  gboolean   previous_suppressed;
} FhIndicatorSummary;

typedef struct {
  GDateTime *period_end;
  double     value;
  gint64     numerator;
  gint64     denominator;
  gboolean   value_suppressed;    /* value is NAN because it was suppressed */
} FhIndicatorPoint;

typedef struct {
  char       *ward_code;
  char       *ward_name;
  char       *locality;
  gint64      population_total;
  gint64      children_0_17;
  gint64      children_0_4;
  gint64      children_5_9;
  gint64      children_10_17;
  double      imd_score;
  double      pct_global_majority;
  double      centroid_lon;         /* NAN when unknown */
  double      centroid_lat;
  FhGeometry *boundary;             /* NULL when none, or when it could not be read */
} FhWardProfile;

typedef struct {
  char   *need;                   /* a need code of the data contract */
  gint64  episodes;
} FhNeedCount;

void fh_need_count_free         (FhNeedCount        *self);
/* "Domestic abuse" for "domestic_abuse"; the code itself when unknown. */
const char *fh_need_get_label   (const char         *need);
void fh_ward_profile_free       (FhWardProfile      *self);
void fh_authority_free          (FhAuthority        *self);
void fh_ward_demand_free        (FhWardDemand       *self);
void fh_monthly_demand_free     (FhMonthlyDemand    *self);
void fh_worker_caseload_free    (FhWorkerCaseload   *self);
void fh_indicator_summary_free  (FhIndicatorSummary *self);
void fh_indicator_point_free    (FhIndicatorPoint   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FhWardProfile, fh_ward_profile_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FhNeedCount, fh_need_count_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FhAuthority, fh_authority_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FhWardDemand, fh_ward_demand_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FhMonthlyDemand, fh_monthly_demand_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FhWorkerCaseload, fh_worker_caseload_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FhIndicatorSummary, fh_indicator_summary_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FhIndicatorPoint, fh_indicator_point_free)

G_END_DECLS
