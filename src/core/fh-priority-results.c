/* fh-priority-results.c — typed results for the Priorities page
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>

#include "fh-number-format.h"
#include "fh-priority-results.h"

void
fh_priority_indicator_free (FhPriorityIndicator *self)
{
  if (self == NULL)
    return;
  g_free (self->priority_title);
  g_free (self->indicator_code);
  g_free (self->indicator_name);
  g_free (self->unit);
  g_clear_pointer (&self->baseline_period, g_date_time_unref);
  g_clear_pointer (&self->target_date, g_date_time_unref);
  g_free (self->source);
  g_clear_pointer (&self->latest_period, g_date_time_unref);
  g_free (self);
}

void
fh_priority_point_free (FhPriorityPoint *self)
{
  if (self == NULL)
    return;
  g_free (self->indicator_code);
  g_clear_pointer (&self->period_end, g_date_time_unref);
  g_free (self);
}

void
fh_indicator_comparator_free (FhIndicatorComparator *self)
{
  if (self == NULL)
    return;
  g_free (self->indicator_code);
  g_free (self->comparator);
  g_clear_pointer (&self->period_end, g_date_time_unref);
  g_free (self);
}

void
fh_indicator_commentary_free (FhIndicatorCommentary *self)
{
  if (self == NULL)
    return;
  g_free (self->indicator_code);
  g_clear_pointer (&self->period_end, g_date_time_unref);
  g_free (self->commentary);
  g_free (self->written_by);
  g_clear_pointer (&self->updated_at, g_date_time_unref);
  g_free (self);
}

void
fh_success_measure_free (FhSuccessMeasure *self)
{
  if (self == NULL)
    return;
  g_free (self->measure_code);
  g_free (self->title);
  g_free (self->description);
  g_free (self->indicator_code);
  g_free (self->indicator_name);
  g_free (self);
}

void
fh_priority_indicator_get_rule (const FhPriorityIndicator *self,
                                FhRagRule                 *rule)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (rule != NULL);

  *rule = (FhRagRule) {
    .higher_is_better = self->higher_is_better,
    .baseline = self->baseline,
    .baseline_date = self->baseline_period,
    .target = self->target,
    .target_date = self->target_date,
    .tolerance = self->rag_tolerance,
  };
}

FhRagPoint *
fh_priority_points_for (GPtrArray  *series,
                        const char *indicator_code,
                        gsize      *n_points)
{
  FhRagPoint *points;
  gsize n = 0;

  g_return_val_if_fail (series != NULL, NULL);
  g_return_val_if_fail (n_points != NULL, NULL);

  points = g_new0 (FhRagPoint, series->len + 1);
  for (guint i = 0; i < series->len; i++)
    {
      FhPriorityPoint *p = g_ptr_array_index (series, i);

      if (g_strcmp0 (p->indicator_code, indicator_code) != 0)
        continue;
      points[n].date = p->period_end;
      points[n].value = p->value;
      n++;
    }
  *n_points = n;
  return points;
}

void
fh_priority_indicator_assess (const FhPriorityIndicator *self,
                              GPtrArray                 *series,
                              FhRagAssessment           *assessment,
                              FhDirection               *direction)
{
  g_autofree FhRagPoint *points = NULL;
  FhRagRule rule;
  gsize n = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (series != NULL);

  if (self->indicator_code != NULL)
    points = fh_priority_points_for (series, self->indicator_code, &n);
  fh_priority_indicator_get_rule (self, &rule);
  if (assessment != NULL)
    fh_rag_assess (&rule, points, n, assessment);
  if (direction != NULL)
    *direction = fh_direction_of_travel (self->higher_is_better, points, n);
}

void
fh_priority_count_statuses (GPtrArray   *overview,
                            GPtrArray   *series,
                            int          priority_number,
                            FhRagCounts *counts)
{
  g_return_if_fail (overview != NULL);
  g_return_if_fail (series != NULL);
  g_return_if_fail (counts != NULL);

  *counts = (FhRagCounts) { 0 };
  for (guint i = 0; i < overview->len; i++)
    {
      FhPriorityIndicator *p = g_ptr_array_index (overview, i);
      FhRagAssessment a;

      if (p->priority_number != priority_number || p->indicator_code == NULL)
        continue;
      fh_priority_indicator_assess (p, series, &a, NULL);
      switch (a.status)
        {
        case FH_RAG_GREEN: counts->n_green++; break;
        case FH_RAG_AMBER: counts->n_amber++; break;
        case FH_RAG_RED:   counts->n_red++; break;
        case FH_RAG_GREY:
        default:
          if (a.reason == FH_RAG_REASON_NO_TARGET)
            counts->n_no_target++;
          else
            counts->n_no_data++;
          break;
        }
    }
}

const char *
fh_comparator_get_label (const char *comparator)
{
  if (g_strcmp0 (comparator, "england") == 0)
    return _("England");
  if (g_strcmp0 (comparator, "region") == 0)
    return _("Region");
  if (g_strcmp0 (comparator, "statistical_neighbours") == 0)
    return _("Statistical neighbours");
  return comparator;
}

char *
fh_priority_format_value (double      value,
                          const char *unit)
{
  g_autofree char *number = NULL;

  if (g_strcmp0 (unit, "percent") == 0)
    return fh_format_percent (value, 1);
  if (g_strcmp0 (unit, "count") == 0)
    return fh_format_number (value, 0);
  if (g_strcmp0 (unit, "days") == 0 && !isnan (value))
    {
      number = fh_format_number (value, 1);
      /* TRANSLATORS: a duration, e.g. "3.5 days" */
      return g_strdup_printf (_("%s days"), number);
    }
  return fh_format_number (value, 1);
}
