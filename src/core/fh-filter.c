/* fh-filter.c — what a page asks the data for
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fh-filter.h"

#include <stdio.h>

FhDemandFilter *
fh_demand_filter_new (int        authority_id,
                      GDateTime *from,
                      GDateTime *to)
{
  FhDemandFilter *self;

  g_return_val_if_fail (from != NULL, NULL);
  g_return_val_if_fail (to != NULL, NULL);

  self = g_new0 (FhDemandFilter, 1);
  self->authority_id = authority_id;
  self->from = g_date_time_ref (from);
  self->to = g_date_time_ref (to);
  return self;
}

FhDemandFilter *
fh_demand_filter_copy (const FhDemandFilter *filter)
{
  FhDemandFilter *self;

  g_return_val_if_fail (filter != NULL, NULL);

  self = fh_demand_filter_new (filter->authority_id, filter->from, filter->to);
  self->level = g_strdup (filter->level);
  self->service = g_strdup (filter->service);
  self->need = g_strdup (filter->need);
  self->source = g_strdup (filter->source);
  self->age_band = g_strdup (filter->age_band);
  return self;
}

void
fh_demand_filter_free (FhDemandFilter *filter)
{
  if (filter == NULL)
    return;

  g_clear_pointer (&filter->from, g_date_time_unref);
  g_clear_pointer (&filter->to, g_date_time_unref);
  g_free (filter->level);
  g_free (filter->service);
  g_free (filter->need);
  g_free (filter->source);
  g_free (filter->age_band);
  g_free (filter);
}

gboolean
fh_demand_filter_equal (const FhDemandFilter *a,
                        const FhDemandFilter *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  return a->authority_id == b->authority_id &&
         g_date_time_equal (a->from, b->from) &&
         g_date_time_equal (a->to, b->to) &&
         g_strcmp0 (a->level, b->level) == 0 &&
         g_strcmp0 (a->service, b->service) == 0 &&
         g_strcmp0 (a->need, b->need) == 0 &&
         g_strcmp0 (a->source, b->source) == 0 &&
         g_strcmp0 (a->age_band, b->age_band) == 0;
}

GDateTime *
fh_date_new (int year,
             int month,
             int day)
{
  return g_date_time_new_utc (year, month, day, 0, 0, 0);
}

char *
fh_date_to_iso (GDateTime *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  return g_date_time_format (date, "%Y-%m-%d");
}

/* Accepts "YYYY-MM-DD" (what PostgreSQL prints for a date in ISO DateStyle).
 * Returns NULL for anything else, including impossible dates. */
GDateTime *
fh_date_from_iso (const char *iso)
{
  int year, month, day;
  char trailing;

  if (iso == NULL)
    return NULL;

  if (sscanf (iso, "%4d-%2d-%2d%c", &year, &month, &day, &trailing) != 3)
    return NULL;

  if (!g_date_valid_dmy (day, month, year))
    return NULL;

  return fh_date_new (year, month, day);
}
