/* fh-filter.h — what a page asks the data for
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * FhDemandFilter:
 * @authority_id: which authority (reporting.authority_list)
 * @from: first day of the period, inclusive (a date: UTC midnight)
 * @to: last day of the period, inclusive; "open" is measured at this day
 * @level: "early", "targeted" or %NULL for all
 * @service: "core", "adolescence" or %NULL for all
 * @need: a need code (see the data contract) or %NULL for all
 * @source: a referral source code or %NULL for all
 * @age_band: "0-4", "5-9", "10-17" or %NULL for all
 *
 * A plain value type. Strings and dates are owned by the filter.
 */
typedef struct {
  int        authority_id;
  GDateTime *from;
  GDateTime *to;
  char      *level;
  char      *service;
  char      *need;
  char      *source;
  char      *age_band;
} FhDemandFilter;

FhDemandFilter *fh_demand_filter_new        (int             authority_id,
                                             GDateTime      *from,
                                             GDateTime      *to);
FhDemandFilter *fh_demand_filter_copy       (const FhDemandFilter *filter);
void            fh_demand_filter_free       (FhDemandFilter *filter);
gboolean        fh_demand_filter_equal      (const FhDemandFilter *a,
                                             const FhDemandFilter *b);

/* Dates as the app passes them to SQL: "YYYY-MM-DD". */
char           *fh_date_to_iso              (GDateTime      *date);
GDateTime      *fh_date_from_iso            (const char     *iso);
GDateTime      *fh_date_new                 (int year, int month, int day);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FhDemandFilter, fh_demand_filter_free)

G_END_DECLS
