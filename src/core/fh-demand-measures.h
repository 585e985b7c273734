/* fh-demand-measures.h — every demand measure, with its uncertainty and a year earlier
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * reporting.demand_measures, one row per ward (and the authority) and
 * measure: the measures are defined in docs/demand-by-ward.md with their
 * DfE and Standard Safeguarding Dataset equivalents. Rates, intervals,
 * change and significance all come from the reporting layer, so the screen,
 * every export and the board pack show the same figures.
 */
#pragma once

#include "fh-database.h"
#include "fh-filter.h"
#include "fh-results.h"

G_BEGIN_DECLS

typedef enum {
  FH_FIGURE_REQUESTS,            /* requests for support with a decision */
  FH_FIGURE_ACCEPTED,            /* accepted for Family Help */
  FH_FIGURE_REREFERRALS,         /* accepted within 12 months of an accepted one */
  FH_FIGURE_CHILDREN_REFERRED,   /* distinct children with a request */
  FH_FIGURE_EPISODES_STARTED,
  FH_FIGURE_EPISODES_OPEN,       /* at the period's end */
  FH_FIGURE_CHILDREN_OPEN,       /* distinct children with an open episode then */
  FH_N_FIGURE_KINDS
} FhDemandFigureKind;

typedef enum {
  FH_VERSUS_UNKNOWN,             /* the authority itself, or a suppressed rate */
  FH_VERSUS_SIMILAR,
  FH_VERSUS_HIGHER,              /* 95% interval wholly above the authority's rate */
  FH_VERSUS_LOWER,
} FhVersusAuthority;

typedef struct {
  char               *ward_code;        /* NULL for the authority */
  char               *ward_name;
  FhDemandFigureKind measure;
  gint64              count;            /* may be FH_COUNT_SUPPRESSED */
  gint64              population;       /* the rate's denominator: children in the band */
  int                 population_year;  /* mid-year estimate used */
  double              rate;             /* per 10,000; NAN when suppressed */
  double              rate_lower95;
  double              rate_upper95;
  double              percent;          /* re-referrals: % of accepted; NAN otherwise */
  gint64              previous_count;   /* the same period a year earlier */
  int                 previous_population_year;
  double              previous_rate;
  gint64              count_change;     /* FH_COUNT_MISSING when either is suppressed */
  double              count_percent_change;
  double              rate_change;
  double              rate_change_lower95;
  double              rate_change_upper95;
  double              rate_percent_change;
  FhVersusAuthority   versus_authority;
} FhDemandFigure;

void                 fh_demand_figure_free          (FhDemandFigure     *self);
/* "requests" → FH_FIGURE_REQUESTS …; -1 when unknown. */
int                  fh_demand_figure_kind_from_code (const char         *code);
const char          *fh_demand_figure_kind_to_code  (FhDemandFigureKind  kind);

/* The figures of one period (or, with @previous, of the same period a year
 * earlier) as one FhWardDemand per ward, in the order they come, and one
 * for the authority: the shape the demand page draws from. */
void        fh_demand_figures_to_wards      (GPtrArray      *figures,
                                             gboolean        previous,
                                             GPtrArray     **wards,
                                             FhWardDemand  **authority);

/* GPtrArray of FhDemandFigure: each measure, its wards in code order, then the authority. */
void       fh_database_demand_measures_async  (FhDatabase           *self,
                                               const FhDemandFilter *filter,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
GPtrArray *fh_database_demand_measures_finish (FhDatabase           *self,
                                               GAsyncResult         *result,
                                               GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FhDemandFigure, fh_demand_figure_free)

G_END_DECLS
