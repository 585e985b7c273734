/* fh-demand-query.c — what the demand page asks: measure, period, filters
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>

#include "fh-demand-measures.h"
#include "fh-demand-query.h"
#include "fh-enums.h"
#include "fh-number-format.h"

void
fh_demand_choices_clear (FhDemandChoices *choices)
{
  g_return_if_fail (choices != NULL);

  g_clear_pointer (&choices->custom_from, g_free);
  g_clear_pointer (&choices->custom_to, g_free);
}

FhPeriod *
fh_demand_choices_get_period (const FhDemandChoices *choices,
                              GDateTime             *today)
{
  g_return_val_if_fail (choices != NULL, NULL);
  g_return_val_if_fail (today != NULL, NULL);

  if (choices->period == FH_DEMAND_PERIOD_CUSTOM)
    {
      g_autoptr(GDateTime) from = choices->custom_from ? fh_date_from_iso (choices->custom_from) : NULL;
      g_autoptr(GDateTime) to = choices->custom_to ? fh_date_from_iso (choices->custom_to) : NULL;

      if (from == NULL || to == NULL || g_date_time_compare (from, to) > 0)
        return NULL;
      return fh_period_new_custom (from, to);
    }
  G_STATIC_ASSERT ((int) FH_DEMAND_PERIOD_ROLLING_12_MONTHS == (int) FH_PERIOD_ROLLING_12_MONTHS);
  return fh_period_new_latest_complete ((FhPeriodKind) choices->period, today);
}

FhDemandFilter *
fh_demand_choices_get_filter (const FhDemandChoices *choices,
                              int                    authority_id,
                              const FhPeriod        *period)
{
  FhDemandFilter *filter;

  g_return_val_if_fail (choices != NULL, NULL);
  g_return_val_if_fail (period != NULL, NULL);

  filter = fh_demand_filter_new (authority_id, period->from, period->to);
  filter->level = g_strdup (fh_demand_choice_get_code (FH_TYPE_DEMAND_LEVEL, choices->level));
  filter->service = g_strdup (fh_demand_choice_get_code (FH_TYPE_DEMAND_SERVICE, choices->service));
  filter->need = g_strdup (fh_demand_choice_get_code (FH_TYPE_DEMAND_NEED, choices->need));
  filter->source = g_strdup (fh_demand_choice_get_code (FH_TYPE_DEMAND_SOURCE, choices->source));
  filter->age_band = g_strdup (fh_demand_choice_get_code (FH_TYPE_DEMAND_AGE_BAND, choices->age_band));
  return filter;
}

/* Where each measure sits among the reporting layer's figures. */
static const FhDemandFigureKind figure_of_measure[] = {
  [FH_DEMAND_MEASURE_REFERRALS] = FH_FIGURE_REQUESTS,
  [FH_DEMAND_MEASURE_ACCEPTED] = FH_FIGURE_ACCEPTED,
  [FH_DEMAND_MEASURE_REREFERRALS] = FH_FIGURE_REREFERRALS,
  [FH_DEMAND_MEASURE_CHILDREN_REFERRED] = FH_FIGURE_CHILDREN_REFERRED,
  [FH_DEMAND_MEASURE_STARTED] = FH_FIGURE_EPISODES_STARTED,
  [FH_DEMAND_MEASURE_OPEN] = FH_FIGURE_EPISODES_OPEN,
  [FH_DEMAND_MEASURE_CHILDREN_OPEN] = FH_FIGURE_CHILDREN_OPEN,
};

int
fh_demand_measure_get_figure (FhDemandMeasure measure)
{
  g_return_val_if_fail (measure < G_N_ELEMENTS (figure_of_measure), FH_FIGURE_REQUESTS);

  return figure_of_measure[measure];
}

gint64
fh_demand_measure_count (FhDemandMeasure     measure,
                         const FhWardDemand *d)
{
  if (d == NULL || measure >= G_N_ELEMENTS (figure_of_measure))
    return FH_COUNT_MISSING;
  if (d->has_figures)
    return d->counts[figure_of_measure[measure]];
  switch (measure)
    {
    case FH_DEMAND_MEASURE_STARTED:
      return d->episodes_started;
    case FH_DEMAND_MEASURE_OPEN:
      return d->episodes_open;
    case FH_DEMAND_MEASURE_REFERRALS:
      return d->referrals;
    default:
      return FH_COUNT_MISSING;   /* only the reporting layer's figures have it */
    }
}

double
fh_demand_measure_rate (FhDemandMeasure     measure,
                        const FhWardDemand *d)
{
  if (d == NULL || measure >= G_N_ELEMENTS (figure_of_measure))
    return NAN;
  if (d->has_figures)
    return d->rates[figure_of_measure[measure]];
  switch (measure)
    {
    case FH_DEMAND_MEASURE_STARTED:
      return d->started_rate;
    case FH_DEMAND_MEASURE_OPEN:
      return d->open_rate;
    case FH_DEMAND_MEASURE_REFERRALS:
      return d->referral_rate;
    default:
      return NAN;
    }
}

double
fh_demand_choices_get_value (const FhDemandChoices *choices,
                             const FhWardDemand    *d)
{
  g_return_val_if_fail (choices != NULL, NAN);

  if (d == NULL)
    return NAN;
  if (choices->unit == FH_DEMAND_UNIT_COUNT)
    {
      gint64 n = fh_demand_measure_count (choices->measure, d);
      return n < 0 ? NAN : (double) n;   /* missing or suppressed */
    }
  return fh_demand_measure_rate (choices->measure, d);
}

guint
fh_demand_choices_get_decimals (const FhDemandChoices *choices)
{
  g_return_val_if_fail (choices != NULL, 1);

  return choices->unit == FH_DEMAND_UNIT_COUNT ? 0 : 1;
}

const char *
fh_demand_measure_get_name (FhDemandMeasure measure)
{
  switch (measure)
    {
    case FH_DEMAND_MEASURE_ACCEPTED:
      return _("Referrals accepted for Family Help");
    case FH_DEMAND_MEASURE_REREFERRALS:
      return _("Re-referrals within 12 months");
    case FH_DEMAND_MEASURE_CHILDREN_REFERRED:
      return _("Children referred");
    case FH_DEMAND_MEASURE_STARTED:
      return _("Episodes of Family Help started");
    case FH_DEMAND_MEASURE_OPEN:
      return _("Episodes of Family Help open at the period end");
    case FH_DEMAND_MEASURE_CHILDREN_OPEN:
      return _("Children with an open episode at the period end");
    case FH_DEMAND_MEASURE_REFERRALS:
    default:
      return _("Requests for support");
    }
}

const char *
fh_demand_measure_get_equivalent (FhDemandMeasure measure)
{
  switch (measure)
    {
    case FH_DEMAND_MEASURE_ACCEPTED:
      return _("No national equivalent: the CIN census counts referrals to social care");
    case FH_DEMAND_MEASURE_REREFERRALS:
      return _("DfE: re-referrals within 12 months (CIN census definition)");
    case FH_DEMAND_MEASURE_CHILDREN_REFERRED:
      return _("DfE: counts children, not referrals (no Family Help equivalent)");
    case FH_DEMAND_MEASURE_STARTED:
      return _("SSD: early help episodes started");
    case FH_DEMAND_MEASURE_OPEN:
      return _("SSD: open early help episodes");
    case FH_DEMAND_MEASURE_CHILDREN_OPEN:
      return _("DfE: children at a date, as the CIN census counts them");
    case FH_DEMAND_MEASURE_REFERRALS:
    default:
      return _("SSD: contacts with a decision");
    }
}

char *
fh_demand_choices_get_value_label (const FhDemandChoices *choices)
{
  const char *band;
  g_autofree char *children = NULL;

  g_return_val_if_fail (choices != NULL, NULL);

  if (choices->unit == FH_DEMAND_UNIT_COUNT)
    return g_strdup (fh_demand_measure_get_name (choices->measure));
  band = fh_demand_choice_get_code (FH_TYPE_DEMAND_AGE_BAND, choices->age_band);
  children = band ? g_strdup_printf (_("children aged %s"), band) : g_strdup (_("children aged 0–17"));
  /* Translators: "Requests for support per 10,000 children aged 0–17" */
  return g_strdup_printf (_("%s per 10,000 %s"), fh_demand_measure_get_name (choices->measure), children);
}

const char *
fh_demand_choices_get_heading (const FhDemandChoices *choices)
{
  static const char *count_headings[] = {
    [FH_DEMAND_MEASURE_REFERRALS] = N_("Requests (count)"),
    [FH_DEMAND_MEASURE_ACCEPTED] = N_("Accepted (count)"),
    [FH_DEMAND_MEASURE_REREFERRALS] = N_("Re-referrals (count)"),
    [FH_DEMAND_MEASURE_CHILDREN_REFERRED] = N_("Children referred (count)"),
    [FH_DEMAND_MEASURE_STARTED] = N_("Started (count)"),
    [FH_DEMAND_MEASURE_OPEN] = N_("Open (count)"),
    [FH_DEMAND_MEASURE_CHILDREN_OPEN] = N_("Children open (count)"),
  };
  static const char *rate_headings[] = {
    [FH_DEMAND_MEASURE_REFERRALS] = N_("Requests per 10,000"),
    [FH_DEMAND_MEASURE_ACCEPTED] = N_("Accepted per 10,000"),
    [FH_DEMAND_MEASURE_REREFERRALS] = N_("Re-referrals per 10,000"),
    [FH_DEMAND_MEASURE_CHILDREN_REFERRED] = N_("Children referred per 10,000"),
    [FH_DEMAND_MEASURE_STARTED] = N_("Started per 10,000"),
    [FH_DEMAND_MEASURE_OPEN] = N_("Open per 10,000"),
    [FH_DEMAND_MEASURE_CHILDREN_OPEN] = N_("Children open per 10,000"),
  };

  g_return_val_if_fail (choices != NULL, NULL);
  g_return_val_if_fail (choices->measure < G_N_ELEMENTS (count_headings), NULL);

  return _(choices->unit == FH_DEMAND_UNIT_COUNT ? count_headings[choices->measure]
                                                 : rate_headings[choices->measure]);
}

static char *
format_change_parts (double diff,
                     double pct,
                     guint  decimals)
{
  g_autofree char *d = NULL, *p = NULL;

  if (isnan (diff))
    return g_strdup (_("no comparison"));
  d = fh_format_number (fabs (diff), decimals);
  if (isnan (pct))
    return g_strdup_printf ("%s%s", diff < 0 ? "−" : "+", d);
  p = fh_format_number (fabs (pct), 1);
  return g_strdup_printf ("%s %s%s (%s%s%%)", diff > 0 ? "▲" : diff < 0 ? "▼" : "▶",
                          diff < 0 ? "−" : "+", d, pct < 0 ? "−" : "+", p);
}

char *
fh_demand_format_change (double now,
                         double before,
                         guint  decimals)
{
  double diff, pct;

  fh_change_compute (now, before, &diff, &pct);
  return format_change_parts (diff, pct, decimals);
}

char *
fh_demand_choices_format_change (const FhDemandChoices *choices,
                                 const FhWardDemand    *now,
                                 const FhWardDemand    *before)
{
  guint decimals;

  g_return_val_if_fail (choices != NULL, NULL);

  decimals = fh_demand_choices_get_decimals (choices);
  if (now != NULL && now->has_figures)
    {
      int k = fh_demand_measure_get_figure (choices->measure);

      if (choices->unit == FH_DEMAND_UNIT_COUNT)
        return format_change_parts (now->count_changes[k] == FH_COUNT_MISSING ? NAN : (double) now->count_changes[k],
                                    now->count_percent_changes[k], decimals);
      return format_change_parts (now->rate_changes[k], now->rate_percent_changes[k], decimals);
    }
  return fh_demand_format_change (fh_demand_choices_get_value (choices, now),
                                  fh_demand_choices_get_value (choices, before), decimals);
}

FhWardDemand *
fh_ward_demand_find (GPtrArray  *wards,
                     const char *code)
{
  for (guint i = 0; wards != NULL && i < wards->len; i++)
    {
      FhWardDemand *d = g_ptr_array_index (wards, i);
      if (g_strcmp0 (d->ward_code, code) == 0)
        return d;
    }
  return NULL;
}

FhWardProfile *
fh_ward_profile_find (GPtrArray  *profiles,
                      const char *code)
{
  for (guint i = 0; profiles != NULL && i < profiles->len; i++)
    {
      FhWardProfile *p = g_ptr_array_index (profiles, i);
      if (g_strcmp0 (p->ward_code, code) == 0)
        return p;
    }
  return NULL;
}

char *
fh_demand_describe_ward (const FhDemandChoices *choices,
                         const char            *name,
                         const FhWardDemand    *now,
                         const FhWardDemand    *before)
{
  gint64 n;
  g_autofree char *count = NULL, *rate = NULL, *change = NULL;

  g_return_val_if_fail (choices != NULL, NULL);

  n = fh_demand_measure_count (choices->measure, now);
  count = fh_format_count (n);
  rate = fh_format_rate (fh_demand_measure_rate (choices->measure, now), n, 1);
  /* a change from or to a withheld count is withheld too: "c", not "no comparison" */
  if (n == FH_COUNT_SUPPRESSED
      || (before != NULL && fh_demand_measure_count (choices->measure, before) == FH_COUNT_SUPPRESSED))
    change = g_strdup (FH_FORMAT_SUPPRESSED);
  else
    change = fh_demand_choices_format_change (choices, now, before);
  return g_markup_printf_escaped (_("<b>%s</b>\n%s: %s\nRate per 10,000 children: %s\nChange on a year earlier: %s"),
                                  name, fh_demand_measure_get_name (choices->measure), count, rate, change);
}

/* ---- choices for drop-downs ------------------------------------------------ */

static const char *measure_labels[] = {
  [FH_DEMAND_MEASURE_REFERRALS] = N_("Requests for support"),
  [FH_DEMAND_MEASURE_ACCEPTED] = N_("Accepted for Family Help"),
  [FH_DEMAND_MEASURE_REREFERRALS] = N_("Re-referrals within 12 months"),
  [FH_DEMAND_MEASURE_CHILDREN_REFERRED] = N_("Children referred"),
  [FH_DEMAND_MEASURE_STARTED] = N_("Episodes started"),
  [FH_DEMAND_MEASURE_OPEN] = N_("Open at period end"),
  [FH_DEMAND_MEASURE_CHILDREN_OPEN] = N_("Children with an open episode"),
};
static const char *unit_labels[] = {
  [FH_DEMAND_UNIT_RATE] = N_("Rate per 10,000 children"),
  [FH_DEMAND_UNIT_COUNT] = N_("Count"),
};
static const char *period_labels[] = {
  [FH_DEMAND_PERIOD_MONTH] = N_("Latest month"),
  [FH_DEMAND_PERIOD_QUARTER] = N_("Latest quarter"),
  [FH_DEMAND_PERIOD_FINANCIAL_YEAR] = N_("Latest financial year"),
  [FH_DEMAND_PERIOD_ROLLING_12_MONTHS] = N_("Rolling 12 months"),
  [FH_DEMAND_PERIOD_CUSTOM] = N_("Custom range"),
};
static const char *level_labels[] = {
  [FH_DEMAND_LEVEL_ALL] = N_("All levels"),
  [FH_DEMAND_LEVEL_EARLY] = N_("Early Help"),
  [FH_DEMAND_LEVEL_TARGETED] = N_("Targeted"),
};
static const char *service_labels[] = {
  [FH_DEMAND_SERVICE_ALL] = N_("All services"),
  [FH_DEMAND_SERVICE_CORE] = N_("Core"),
  [FH_DEMAND_SERVICE_ADOLESCENCE] = N_("Adolescence"),
};
static const char *need_labels[] = {
  [FH_DEMAND_NEED_ALL] = N_("All needs"),
  [FH_DEMAND_NEED_EXPLOITATION] = N_("Exploitation"),
  [FH_DEMAND_NEED_MISSING] = N_("Missing"),
  [FH_DEMAND_NEED_ASB] = N_("Anti-social behaviour"),
  [FH_DEMAND_NEED_CRIMINALITY] = N_("Criminality"),
  [FH_DEMAND_NEED_EDUCATION] = N_("Education"),
  [FH_DEMAND_NEED_DOMESTIC_ABUSE] = N_("Domestic abuse"),
  [FH_DEMAND_NEED_PARENTAL_MENTAL_HEALTH] = N_("Parental mental health"),
  [FH_DEMAND_NEED_SUBSTANCE_MISUSE] = N_("Substance misuse"),
  [FH_DEMAND_NEED_SEND] = N_("SEND"),
  [FH_DEMAND_NEED_HOUSING] = N_("Housing"),
  [FH_DEMAND_NEED_PARENTING] = N_("Parenting"),
  [FH_DEMAND_NEED_CHILD_MENTAL_HEALTH] = N_("Child mental health"),
  [FH_DEMAND_NEED_NEGLECT] = N_("Neglect"),
  [FH_DEMAND_NEED_FINANCIAL_HARDSHIP] = N_("Financial hardship"),
};
static const char *source_labels[] = {
  [FH_DEMAND_SOURCE_ALL] = N_("All referral sources"),
  [FH_DEMAND_SOURCE_SCHOOL] = N_("School"),
  [FH_DEMAND_SOURCE_POLICE] = N_("Police"),
  [FH_DEMAND_SOURCE_HEALTH] = N_("Health"),
  [FH_DEMAND_SOURCE_SELF_FAMILY] = N_("Self or family"),
  [FH_DEMAND_SOURCE_COUNCIL] = N_("Council"),
  [FH_DEMAND_SOURCE_VOLUNTARY] = N_("Voluntary sector"),
  [FH_DEMAND_SOURCE_OTHER] = N_("Other"),
};
static const char *age_band_labels[] = {
  [FH_DEMAND_AGE_BAND_ALL] = N_("All ages 0–17"),
  [FH_DEMAND_AGE_BAND_0_4] = N_("Aged 0–4"),
  [FH_DEMAND_AGE_BAND_5_9] = N_("Aged 5–9"),
  [FH_DEMAND_AGE_BAND_10_17] = N_("Aged 10–17"),
};
static const char *map_style_labels[] = {
  [FH_DEMAND_MAP_STYLE_AUTOMATIC] = N_("Map: automatic"),
  [FH_DEMAND_MAP_STYLE_BOUNDARIES] = N_("Map: ward boundaries"),
  [FH_DEMAND_MAP_STYLE_HEXAGONS] = N_("Map: hexagons"),
};

const char *
fh_demand_choice_get_label (GType enum_type,
                            int   value)
{
  const char **labels = NULL;
  guint n = 0;

#define TABLE(type, table) \
  if (enum_type == type) { labels = table; n = G_N_ELEMENTS (table); }
  TABLE (FH_TYPE_DEMAND_MEASURE, measure_labels)
  TABLE (FH_TYPE_DEMAND_UNIT, unit_labels)
  TABLE (FH_TYPE_DEMAND_PERIOD, period_labels)
  TABLE (FH_TYPE_DEMAND_LEVEL, level_labels)
  TABLE (FH_TYPE_DEMAND_SERVICE, service_labels)
  TABLE (FH_TYPE_DEMAND_NEED, need_labels)
  TABLE (FH_TYPE_DEMAND_SOURCE, source_labels)
  TABLE (FH_TYPE_DEMAND_AGE_BAND, age_band_labels)
  TABLE (FH_TYPE_DEMAND_MAP_STYLE, map_style_labels)
#undef TABLE

  g_return_val_if_fail (labels != NULL, NULL);
  g_return_val_if_fail (value >= 0 && (guint) value < n && labels[value] != NULL, NULL);
  return _(labels[value]);
}

const char *
fh_demand_choice_get_code (GType enum_type,
                           int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *v = g_enum_get_value (klass, value);

  g_return_val_if_fail (v != NULL, NULL);
  /* nicks are static strings: they outlive the class reference */
  return g_str_equal (v->value_nick, "all") ? NULL : v->value_nick;
}
