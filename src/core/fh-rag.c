/* fh-rag.c — RAG status against the trajectory, and direction of travel
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rule is written out in fh-rag.h and docs/priorities.md.
 */
#include <math.h>

#include <glib/gi18n.h>

#include "fh-rag.h"

/* Figures are read from numeric columns as decimals, so a value "exactly on"
 * a boundary may differ from it in the last bits of a double. */
static double
slack (double a,
       double b)
{
  return 1e-9 * MAX (1.0, MAX (fabs (a), fabs (b)));
}

static double
days_between (GDateTime *from,
              GDateTime *to)
{
  return (double) g_date_time_difference (to, from) / (double) G_TIME_SPAN_DAY;
}

static gboolean
is_present (const FhRagPoint *p)
{
  return p->date != NULL && !isnan (p->value);
}

/* Index of the latest present point before @before (NULL: of all), or -1. */
static gssize
find_latest (const FhRagPoint *points,
             gsize             n_points,
             GDateTime        *before)
{
  gssize best = -1;

  for (gsize i = 0; i < n_points; i++)
    {
      if (!is_present (&points[i]))
        continue;
      if (before != NULL && g_date_time_compare (points[i].date, before) >= 0)
        continue;
      if (best < 0 || g_date_time_compare (points[i].date, points[best].date) > 0)
        best = (gssize) i;
    }
  return best;
}

static gssize
find_earliest (const FhRagPoint *points,
               gsize             n_points)
{
  gssize best = -1;

  for (gsize i = 0; i < n_points; i++)
    if (is_present (&points[i])
        && (best < 0 || g_date_time_compare (points[i].date, points[best].date) < 0))
      best = (gssize) i;
  return best;
}

double
fh_rag_trajectory_at (const FhRagRule *rule,
                      double           baseline,
                      GDateTime       *baseline_date,
                      GDateTime       *date)
{
  double span, done;

  g_return_val_if_fail (rule != NULL, NAN);
  g_return_val_if_fail (date != NULL, NAN);

  if (isnan (rule->target) || rule->target_date == NULL)
    return NAN;
  if (isnan (baseline) || baseline_date == NULL)
    return rule->target;

  span = days_between (baseline_date, rule->target_date);
  done = days_between (baseline_date, date);
  if (span <= 0 || done >= span)
    return rule->target;
  if (done <= 0)
    return baseline;
  return baseline + (rule->target - baseline) * (done / span);
}

void
fh_rag_assess (const FhRagRule  *rule,
               const FhRagPoint *points,
               gsize             n_points,
               FhRagAssessment  *out)
{
  double sign;
  gssize latest;

  g_return_if_fail (rule != NULL);
  g_return_if_fail (points != NULL || n_points == 0);
  g_return_if_fail (out != NULL);

  *out = (FhRagAssessment) {
    .status = FH_RAG_GREY, .reason = FH_RAG_REASON_NO_DATA,
    .latest_value = NAN, .baseline = NAN, .expected = NAN, .tolerance = NAN, .shortfall = NAN,
  };
  sign = rule->higher_is_better ? 1.0 : -1.0;

  /* 1. the latest value */
  latest = find_latest (points, n_points, NULL);
  if (latest < 0)
    return;
  out->latest_value = points[latest].value;
  out->latest_date = points[latest].date;

  /* 2. a target */
  if (isnan (rule->target) || rule->target_date == NULL)
    {
      out->reason = FH_RAG_REASON_NO_TARGET;
      return;
    }

  /* 4. the baseline: the indicator's, else the earliest value */
  if (!isnan (rule->baseline) && rule->baseline_date != NULL)
    {
      out->baseline = rule->baseline;
      out->baseline_date = rule->baseline_date;
    }
  else
    {
      gssize earliest = find_earliest (points, n_points);

      if (earliest >= 0 && g_date_time_compare (points[earliest].date, out->latest_date) < 0)
        {
          out->baseline = points[earliest].value;
          out->baseline_date = points[earliest].date;
        }
    }

  /* 6. the tolerance */
  if (!isnan (rule->tolerance) && rule->tolerance >= 0)
    out->tolerance = rule->tolerance;
  else if (!isnan (out->baseline))
    out->tolerance = FH_RAG_DEFAULT_TOLERANCE_FRACTION * fabs (rule->target - out->baseline);
  else
    out->tolerance = FH_RAG_DEFAULT_TOLERANCE_OF_TARGET * fabs (rule->target);

  /* 3. the target met */
  if ((out->latest_value - rule->target) * sign >= -slack (out->latest_value, rule->target))
    {
      out->status = FH_RAG_GREEN;
      out->reason = FH_RAG_REASON_TARGET_MET;
      out->expected = fh_rag_trajectory_at (rule, out->baseline, out->baseline_date, out->latest_date);
      out->shortfall = (out->expected - out->latest_value) * sign;
      return;
    }

  /* 5 and 7. against the trajectory */
  out->expected = fh_rag_trajectory_at (rule, out->baseline, out->baseline_date, out->latest_date);
  out->shortfall = (out->expected - out->latest_value) * sign;

  if (out->shortfall <= slack (out->expected, out->latest_value))
    {
      out->status = FH_RAG_GREEN;
      out->reason = FH_RAG_REASON_ON_TRAJECTORY;
    }
  else if (out->shortfall <= out->tolerance + slack (out->expected, out->latest_value))
    {
      out->status = FH_RAG_AMBER;
      out->reason = FH_RAG_REASON_WITHIN_TOLERANCE;
    }
  else
    {
      out->status = FH_RAG_RED;
      out->reason = FH_RAG_REASON_BEHIND;
    }
}

FhDirection
fh_direction_of_travel (gboolean          higher_is_better,
                        const FhRagPoint *points,
                        gsize             n_points)
{
  gssize latest, previous;
  double change;

  g_return_val_if_fail (points != NULL || n_points == 0, FH_DIRECTION_UNKNOWN);

  latest = find_latest (points, n_points, NULL);
  if (latest < 0)
    return FH_DIRECTION_UNKNOWN;
  previous = find_latest (points, n_points, points[latest].date);
  if (previous < 0)
    return FH_DIRECTION_UNKNOWN;

  change = (points[latest].value - points[previous].value) * (higher_is_better ? 1.0 : -1.0);
  if (fabs (change) <= slack (points[latest].value, points[previous].value))
    return FH_DIRECTION_NO_CHANGE;
  return change > 0 ? FH_DIRECTION_IMPROVING : FH_DIRECTION_WORSENING;
}

const char *
fh_rag_status_get_label (FhRagStatus status)
{
  switch (status)
    {
    case FH_RAG_GREEN: return _("On track");
    case FH_RAG_AMBER: return _("Close to track");
    case FH_RAG_RED:   return _("Off track");
    case FH_RAG_GREY:
    default:           return _("Not rated");
    }
}

const char *
fh_rag_status_get_symbol (FhRagStatus status)
{
  switch (status)
    {
    case FH_RAG_GREEN: return "✓";
    case FH_RAG_AMBER: return "!";
    case FH_RAG_RED:   return "✕";
    case FH_RAG_GREY:
    default:           return "–";
    }
}

const char *
fh_rag_reason_get_description (FhRagReason reason)
{
  switch (reason)
    {
    case FH_RAG_REASON_NO_TARGET:        return _("No target has been set.");
    case FH_RAG_REASON_TARGET_MET:       return _("The target has been met.");
    case FH_RAG_REASON_ON_TRAJECTORY:    return _("On or ahead of the trajectory to the target.");
    case FH_RAG_REASON_WITHIN_TOLERANCE: return _("Behind the trajectory, within the tolerance.");
    case FH_RAG_REASON_BEHIND:           return _("Behind the trajectory by more than the tolerance.");
    case FH_RAG_REASON_NO_DATA:
    default:                             return _("No data yet.");
    }
}

const char *
fh_direction_get_label (FhDirection direction)
{
  switch (direction)
    {
    case FH_DIRECTION_IMPROVING: return _("Improving");
    case FH_DIRECTION_WORSENING: return _("Worsening");
    case FH_DIRECTION_NO_CHANGE: return _("No change");
    case FH_DIRECTION_UNKNOWN:
    default:                     return _("Not enough data");
    }
}

const char *
fh_direction_get_symbol (FhDirection direction,
                         gboolean    higher_is_better)
{
  switch (direction)
    {
    case FH_DIRECTION_IMPROVING: return higher_is_better ? "↑" : "↓";
    case FH_DIRECTION_WORSENING: return higher_is_better ? "↓" : "↑";
    case FH_DIRECTION_NO_CHANGE: return "→";
    case FH_DIRECTION_UNKNOWN:
    default:                     return "";
    }
}

char *
fh_rag_summary_describe (guint n_green,
                         guint n_amber,
                         guint n_red,
                         guint n_no_data,
                         guint n_no_target)
{
  GString *s;
  guint total = n_green + n_amber + n_red + n_no_data + n_no_target;

  if (total == 0)
    return g_strdup (_("No indicators"));

  s = g_string_new (NULL);
  /* TRANSLATORS: "3 of 5 on track" */
  g_string_append_printf (s, _("%u of %u on track"), n_green, total);
  if (n_amber > 0)
    /* TRANSLATORS: a count of indicators close to their trajectory */
    g_string_append_printf (s, _(", %u close"), n_amber);
  if (n_red > 0)
    g_string_append_printf (s, _(", %u off track"), n_red);
  if (n_no_data > 0)
    /* TRANSLATORS: a count of indicators with no value yet */
    g_string_append_printf (s, _(", %u no data"), n_no_data);
  if (n_no_target > 0)
    g_string_append_printf (s, _(", %u no target"), n_no_target);
  return g_string_free (s, FALSE);
}
