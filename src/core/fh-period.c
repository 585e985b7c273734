/* fh-period.c — reporting periods
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>

#include "fh-filter.h"
#include "fh-period.h"

static GDateTime *
first_of_month (int year, int month)
{
  while (month < 1) { month += 12; year--; }
  while (month > 12) { month -= 12; year++; }
  return fh_date_new (year, month, 1);
}

/* The last day of the month that starts @months after (year, month). */
static GDateTime *
last_of_month (int year, int month, int months)
{
  g_autoptr(GDateTime) next = first_of_month (year, month + months + 1);
  return g_date_time_add_days (next, -1);
}

static FhPeriod *
period_new (FhPeriodKind kind, GDateTime *from, GDateTime *to)
{
  FhPeriod *self = g_new0 (FhPeriod, 1);

  self->kind = kind;
  self->from = from;
  self->to = to;
  return self;
}

/* Financial year that contains (year, month): its April. */
static int
financial_year_start (int year, int month)
{
  return month >= 4 ? year : year - 1;
}

FhPeriod *
fh_period_new_containing (FhPeriodKind  kind,
                          GDateTime    *day)
{
  int y, m, q_start;

  g_return_val_if_fail (day != NULL, NULL);
  g_return_val_if_fail (kind != FH_PERIOD_CUSTOM, NULL);

  y = g_date_time_get_year (day);
  m = g_date_time_get_month (day);

  switch (kind)
    {
    case FH_PERIOD_MONTH:
      return period_new (kind, first_of_month (y, m), last_of_month (y, m, 0));

    case FH_PERIOD_QUARTER:
      /* Financial quarters start in April, July, October and January. */
      q_start = m - ((m - 1) % 3);
      return period_new (kind, first_of_month (y, q_start), last_of_month (y, q_start, 2));

    case FH_PERIOD_FINANCIAL_YEAR:
      y = financial_year_start (y, m);
      return period_new (kind, first_of_month (y, 4), last_of_month (y, 4, 11));

    case FH_PERIOD_ROLLING_12_MONTHS:
      return period_new (kind, first_of_month (y, m - 11), last_of_month (y, m, 0));

    case FH_PERIOD_CUSTOM:
    default:
      g_return_val_if_reached (NULL);
    }
}

FhPeriod *
fh_period_new_latest_complete (FhPeriodKind  kind,
                               GDateTime    *today)
{
  g_autoptr(FhPeriod) current = NULL;
  g_autoptr(GDateTime) day_before = NULL;

  g_return_val_if_fail (today != NULL, NULL);

  current = fh_period_new_containing (kind == FH_PERIOD_ROLLING_12_MONTHS ? FH_PERIOD_MONTH : kind,
                                      today);
  g_return_val_if_fail (current != NULL, NULL);
  day_before = g_date_time_add_days (current->from, -1);
  return fh_period_new_containing (kind, day_before);
}

FhPeriod *
fh_period_new_custom (GDateTime *from,
                      GDateTime *to)
{
  g_return_val_if_fail (from != NULL && to != NULL, NULL);
  g_return_val_if_fail (g_date_time_compare (from, to) <= 0, NULL);

  return period_new (FH_PERIOD_CUSTOM, g_date_time_ref (from), g_date_time_ref (to));
}

FhPeriod *
fh_period_copy (const FhPeriod *period)
{
  g_return_val_if_fail (period != NULL, NULL);

  return period_new (period->kind, g_date_time_ref (period->from), g_date_time_ref (period->to));
}

void
fh_period_free (FhPeriod *period)
{
  if (period == NULL)
    return;
  g_clear_pointer (&period->from, g_date_time_unref);
  g_clear_pointer (&period->to, g_date_time_unref);
  g_free (period);
}

FhPeriod *
fh_period_year_earlier (const FhPeriod *period)
{
  GDateTime *from, *to;

  g_return_val_if_fail (period != NULL, NULL);

  from = g_date_time_add_years (period->from, -1);
  if (period->kind == FH_PERIOD_CUSTOM)
    {
      to = g_date_time_add_years (period->to, -1);
    }
  else
    {
      /* Calendar periods end on a month end: keep it one (29 February). */
      to = last_of_month (g_date_time_get_year (period->to) - 1,
                          g_date_time_get_month (period->to), 0);
    }
  return period_new (period->kind, from, to);
}

int
fh_period_get_n_days (const FhPeriod *period)
{
  g_return_val_if_fail (period != NULL, 0);

  return (int) (g_date_time_difference (period->to, period->from) / G_TIME_SPAN_DAY) + 1;
}

char *
fh_period_get_label (const FhPeriod *period)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  int y, m, fy;

  g_return_val_if_fail (period != NULL, NULL);

  y = g_date_time_get_year (period->from);
  m = g_date_time_get_month (period->from);

  switch (period->kind)
    {
    case FH_PERIOD_MONTH:
      return g_date_time_format (period->from, "%B %Y");

    case FH_PERIOD_QUARTER:
      fy = financial_year_start (y, m);
      from = g_date_time_format (period->from, "%b");
      to = g_date_time_format (period->to, "%b %Y");
      /* Translators: "Q3 2025-26 (Oct–Dec 2025)" */
      return g_strdup_printf (_("Q%d %d-%02d (%s–%s)"),
                              ((m + 8) % 12) / 3 + 1, fy, (fy + 1) % 100, from, to);

    case FH_PERIOD_FINANCIAL_YEAR:
      /* Translators: a financial year, "2025-26" */
      return g_strdup_printf (_("%d-%02d"), y, (y + 1) % 100);

    case FH_PERIOD_ROLLING_12_MONTHS:
      to = g_date_time_format (period->to, "%B %Y");
      /* Translators: "12 months to October 2026" */
      return g_strdup_printf (_("12 months to %s"), to);

    case FH_PERIOD_CUSTOM:
    default:
      from = g_date_time_format (period->from, "%e %b %Y");
      to = g_date_time_format (period->to, "%e %b %Y");
      /* Translators: a custom range of dates, "1 Jan 2026 to 15 Mar 2026" */
      return g_strdup_printf (_("%s to %s"), g_strstrip (from), g_strstrip (to));
    }
}

void
fh_change_compute (double  current,
                   double  previous,
                   double *difference,
                   double *percent)
{
  double diff = (isnan (current) || isnan (previous)) ? NAN : current - previous;
  double pct = (isnan (diff) || previous == 0) ? NAN : 100.0 * diff / previous;

  if (difference != NULL)
    *difference = diff;
  if (percent != NULL)
    *percent = pct;
}
