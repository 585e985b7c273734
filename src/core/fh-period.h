/* fh-period.h — reporting periods: month, quarter, financial year, rolling 12 months, custom
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dates are whole days (GDateTime at UTC midnight); a period runs from @from
 * to @to inclusive. Quarters and years are financial: April to March, Q1 is
 * April–June, and "2025-26" is 1 April 2025 to 31 March 2026.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  FH_PERIOD_MONTH,
  FH_PERIOD_QUARTER,
  FH_PERIOD_FINANCIAL_YEAR,
  FH_PERIOD_ROLLING_12_MONTHS,
  FH_PERIOD_CUSTOM,
} FhPeriodKind;

typedef struct {
  FhPeriodKind  kind;
  GDateTime    *from;
  GDateTime    *to;
} FhPeriod;

FhPeriod  *fh_period_new_containing       (FhPeriodKind    kind,
                                           GDateTime      *day);
FhPeriod  *fh_period_new_latest_complete  (FhPeriodKind    kind,
                                           GDateTime      *today);
FhPeriod  *fh_period_new_custom           (GDateTime      *from,
                                           GDateTime      *to);
FhPeriod  *fh_period_copy                 (const FhPeriod *period);
void       fh_period_free                 (FhPeriod       *period);
FhPeriod  *fh_period_year_earlier         (const FhPeriod *period);
int        fh_period_get_n_days           (const FhPeriod *period);
char      *fh_period_get_label            (const FhPeriod *period);

/* Change from @previous to @current. @percent is NAN when @previous is 0 or
 * either value is missing (NAN); @difference is NAN when either is missing. */
void       fh_change_compute              (double          current,
                                           double          previous,
                                           double         *difference,
                                           double         *percent);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FhPeriod, fh_period_free)

G_END_DECLS
