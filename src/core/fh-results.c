/* fh-results.c — typed results of the reporting queries
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "fh-results.h"

void
fh_need_count_free (FhNeedCount *self)
{
  if (self == NULL)
    return;
  g_free (self->need);
  g_free (self);
}

const char *
fh_need_get_label (const char *need)
{
  static const struct { const char *code; const char *label; } labels[] = {
    { "exploitation", N_("Exploitation") }, { "missing", N_("Missing episodes") },
    { "asb", N_("Anti-social behaviour") }, { "criminality", N_("Criminality") },
    { "education", N_("Education") }, { "domestic_abuse", N_("Domestic abuse") },
    { "parental_mental_health", N_("Parental mental health") },
    { "substance_misuse", N_("Substance misuse") }, { "send", N_("SEND") },
    { "housing", N_("Housing") }, { "parenting", N_("Parenting") },
    { "child_mental_health", N_("Child mental health") }, { "neglect", N_("Neglect") },
    { "financial_hardship", N_("Financial hardship") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].code, need) == 0)
      return _(labels[i].label);
  return need;
}

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
