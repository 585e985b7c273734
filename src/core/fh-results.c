/* fh-results.c — typed results of the reporting queries
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fh-results.h"

void
fh_ward_profile_free (FhWardProfile *self)
{
  if (self == NULL)
    return;
  g_free (self->ward_code);
  g_free (self->ward_name);
  g_free (self->locality);
  g_clear_pointer (&self->boundary, fh_geometry_free);
  g_free (self);
}

void
fh_authority_free (FhAuthority *self)
{
  if (self == NULL)
    return;
  g_free (self->code);
  g_free (self->name);
  g_free (self);
}

void
fh_ward_demand_free (FhWardDemand *self)
{
  if (self == NULL)
    return;
  g_free (self->ward_code);
  g_free (self->ward_name);
  g_free (self);
}

void
fh_monthly_demand_free (FhMonthlyDemand *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->month, g_date_time_unref);
  g_free (self);
}

void
fh_worker_caseload_free (FhWorkerCaseload *self)
{
  if (self == NULL)
    return;
  g_free (self->worker_ref);
  g_free (self->team_name);
  g_free (self->service);
  g_free (self->locality);
  g_free (self);
}

void
fh_indicator_summary_free (FhIndicatorSummary *self)
{
  if (self == NULL)
    return;
  g_free (self->priority_title);
  g_free (self->indicator_code);
  g_free (self->indicator_name);
  g_free (self->unit);
  g_clear_pointer (&self->baseline_period, g_date_time_unref);
  g_clear_pointer (&self->target_date, g_date_time_unref);
  g_clear_pointer (&self->latest_period, g_date_time_unref);
  g_free (self->source);
  g_free (self);
}

void
fh_indicator_point_free (FhIndicatorPoint *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->period_end, g_date_time_unref);
  g_free (self);
}
