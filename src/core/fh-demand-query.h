/* fh-demand-query.h — what the demand page asks: measure, period, filters
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each choice on the demand page is an enum here. The enums are registered
 * as GTypes (fh-enums.h, made by glib-mkenums from this header), the
 * GSettings schema's enums are generated from the same header, and the
 * drop-downs list the enum's values in order with fh_demand_choice_get_label(),
 * so the template, the C and the schema cannot drift apart. A value's nick
 * is the code the reporting layer takes ("all" is no filter).
 */
#pragma once

#include <glib-object.h>

#include "fh-filter.h"
#include "fh-period.h"
#include "fh-results.h"

G_BEGIN_DECLS

/* The measures of docs/demand-by-ward.md. "referrals" (the nick kept from
 * the first version, so a remembered choice still works) is requests for
 * support. */
typedef enum {
  FH_DEMAND_MEASURE_REFERRALS,
  FH_DEMAND_MEASURE_ACCEPTED,
  FH_DEMAND_MEASURE_REREFERRALS,
  FH_DEMAND_MEASURE_CHILDREN_REFERRED,    /*< nick=children-referred >*/
  FH_DEMAND_MEASURE_STARTED,
  FH_DEMAND_MEASURE_OPEN,
  FH_DEMAND_MEASURE_CHILDREN_OPEN,        /*< nick=children-open >*/
} FhDemandMeasure;

typedef enum {
  FH_DEMAND_UNIT_RATE,
  FH_DEMAND_UNIT_COUNT,
} FhDemandUnit;

/* In the order of FhPeriodKind. */
typedef enum {
  FH_DEMAND_PERIOD_MONTH,
  FH_DEMAND_PERIOD_QUARTER,
  FH_DEMAND_PERIOD_FINANCIAL_YEAR,
  FH_DEMAND_PERIOD_ROLLING_12_MONTHS,
  FH_DEMAND_PERIOD_CUSTOM,
} FhDemandPeriod;

typedef enum {
  FH_DEMAND_LEVEL_ALL,
  FH_DEMAND_LEVEL_EARLY,
  FH_DEMAND_LEVEL_TARGETED,
} FhDemandLevel;

typedef enum {
  FH_DEMAND_SERVICE_ALL,
  FH_DEMAND_SERVICE_CORE,
  FH_DEMAND_SERVICE_ADOLESCENCE,
} FhDemandService;

typedef enum {
  FH_DEMAND_NEED_ALL,
  FH_DEMAND_NEED_EXPLOITATION,
  FH_DEMAND_NEED_MISSING,
  FH_DEMAND_NEED_ASB,
  FH_DEMAND_NEED_CRIMINALITY,
  FH_DEMAND_NEED_EDUCATION,
  FH_DEMAND_NEED_DOMESTIC_ABUSE,          /*< nick=domestic_abuse >*/
  FH_DEMAND_NEED_PARENTAL_MENTAL_HEALTH,  /*< nick=parental_mental_health >*/
  FH_DEMAND_NEED_SUBSTANCE_MISUSE,        /*< nick=substance_misuse >*/
  FH_DEMAND_NEED_SEND,
  FH_DEMAND_NEED_HOUSING,
  FH_DEMAND_NEED_PARENTING,
  FH_DEMAND_NEED_CHILD_MENTAL_HEALTH,     /*< nick=child_mental_health >*/
  FH_DEMAND_NEED_NEGLECT,
  FH_DEMAND_NEED_FINANCIAL_HARDSHIP,      /*< nick=financial_hardship >*/
} FhDemandNeed;

typedef enum {
  FH_DEMAND_SOURCE_ALL,
  FH_DEMAND_SOURCE_SCHOOL,
  FH_DEMAND_SOURCE_POLICE,
  FH_DEMAND_SOURCE_HEALTH,
  FH_DEMAND_SOURCE_SELF_FAMILY,           /*< nick=self_family >*/
  FH_DEMAND_SOURCE_COUNCIL,
  FH_DEMAND_SOURCE_VOLUNTARY,
  FH_DEMAND_SOURCE_OTHER,
} FhDemandSource;

typedef enum {
  FH_DEMAND_AGE_BAND_ALL,
  FH_DEMAND_AGE_BAND_0_4,                 /*< nick=0-4 >*/
  FH_DEMAND_AGE_BAND_5_9,                 /*< nick=5-9 >*/
  FH_DEMAND_AGE_BAND_10_17,               /*< nick=10-17 >*/
} FhDemandAgeBand;

/* In the order of FhMapStyle (charts). */
typedef enum {
  FH_DEMAND_MAP_STYLE_AUTOMATIC,
  FH_DEMAND_MAP_STYLE_BOUNDARIES,
  FH_DEMAND_MAP_STYLE_HEXAGONS,
} FhDemandMapStyle;

/* Everything chosen on the page. The custom dates are "YYYY-MM-DD" as typed. */
typedef struct {
  FhDemandMeasure   measure;
  FhDemandUnit      unit;
  FhDemandPeriod    period;
  char             *custom_from;
  char             *custom_to;
  FhDemandLevel     level;
  FhDemandService   service;
  FhDemandNeed      need;
  FhDemandSource    source;
  FhDemandAgeBand   age_band;
  FhDemandMapStyle  map_style;
} FhDemandChoices;

void            fh_demand_choices_clear           (FhDemandChoices       *choices);
/* The period chosen, as at @today; NULL for an unfinished custom range. */
FhPeriod       *fh_demand_choices_get_period      (const FhDemandChoices *choices,
                                                   GDateTime             *today);
FhDemandFilter *fh_demand_choices_get_filter      (const FhDemandChoices *choices,
                                                   int                    authority_id,
                                                   const FhPeriod        *period);
/* "Requests for support per 10,000 children aged 0–17", or the measure for counts. */
char           *fh_demand_choices_get_value_label (const FhDemandChoices *choices);
/* The measure as shown, short enough for a column heading. */
const char     *fh_demand_choices_get_heading     (const FhDemandChoices *choices);
/* Decimals of the value shown: 1 for rates, 0 for counts. */
guint           fh_demand_choices_get_decimals    (const FhDemandChoices *choices);

/* The measure's figures of one ward (or the authority); NULL gives missing. */
gint64          fh_demand_measure_count           (FhDemandMeasure        measure,
                                                   const FhWardDemand    *demand);
double          fh_demand_measure_rate            (FhDemandMeasure        measure,
                                                   const FhWardDemand    *demand);
/* The rate or count, as chosen; NAN when missing or suppressed. */
double          fh_demand_choices_get_value       (const FhDemandChoices *choices,
                                                   const FhWardDemand    *demand);
const char     *fh_demand_measure_get_name        (FhDemandMeasure        measure);
/* Where @measure sits among the reporting layer's figures (FhDemandFigureKind). */
int             fh_demand_measure_get_figure      (FhDemandMeasure        measure);
/* What the measure compares with nationally: "DfE: …", "SSD: …" or "No national equivalent". */
const char     *fh_demand_measure_get_equivalent  (FhDemandMeasure        measure);

/* The change shown for @now against @before, as chosen (rate or count):
 * from the reporting layer's own change when @now carries its figures,
 * worked out from the two values otherwise. */
char           *fh_demand_choices_format_change   (const FhDemandChoices *choices,
                                                   const FhWardDemand    *now,
                                                   const FhWardDemand    *before);
/* "▲ +120.4 (+6.5%)": an arrow and a sign, so colour is not needed. */
char           *fh_demand_format_change           (double                 now,
                                                   double                 before,
                                                   guint                  decimals);

/* The ward with @code in @wards (of FhWardDemand or FhWardProfile), or NULL. */
FhWardDemand   *fh_ward_demand_find               (GPtrArray             *wards,
                                                   const char            *code);
FhWardProfile  *fh_ward_profile_find              (GPtrArray             *profiles,
                                                   const char            *code);
/* A ward's hover text (Pango markup): the measure's count, rate and change. */
char           *fh_demand_describe_ward           (const FhDemandChoices *choices,
                                                   const char            *name,
                                                   const FhWardDemand    *now,
                                                   const FhWardDemand    *before);

/* For a drop-down: the label of @value of one of the enums above. */
const char     *fh_demand_choice_get_label        (GType                  enum_type,
                                                   int                    value);
/* The reporting layer's code of @value, or NULL for "all". */
const char     *fh_demand_choice_get_code         (GType                  enum_type,
                                                   int                    value);

G_END_DECLS
