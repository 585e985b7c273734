/* fh-caseload-stats.c — one service's spread of caseloads per FTE
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "fh-caseload-stats.h"
#include "fh-number-format.h"

const char * const fh_caseload_services[3] = { "core", "adolescence", "early" };

double
fh_worker_caseload_per_fte (const FhWorkerCaseload *worker)
{
  g_return_val_if_fail (worker != NULL, NAN);

  if (worker->open_episodes < 0 || isnan (worker->fte) || worker->fte <= 0)
    return NAN;
  return round (worker->open_episodes / worker->fte * 10.0) / 10.0;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

void
fh_caseload_stats_from_values (double          *values,
                               guint            n,
                               double           threshold,
                               FhCaseloadStats *stats)
{
  guint k = 0;
  double sum = 0;

  g_return_if_fail (stats != NULL);
  g_return_if_fail (values != NULL || n == 0);

  /* the known values first, sorted */
  for (guint i = 0; i < n; i++)
    if (!isnan (values[i]))
      values[k++] = values[i];
  if (k > 0)
    qsort (values, k, sizeof (double), compare_doubles);

  stats->counted = k;
  stats->threshold = threshold;
  stats->above = 0;
  for (guint i = 0; i < k; i++)
    {
      sum += values[i];
      if (values[i] > threshold)
        stats->above++;
    }
  if (k == 0)
    {
      stats->median = stats->mean = stats->min = stats->max = NAN;
      return;
    }
  stats->median = (values[(k - 1) / 2] + values[k / 2]) / 2.0;
  stats->mean = sum / k;
  stats->min = values[0];
  stats->max = values[k - 1];
}

void
fh_caseload_stats_compute (GPtrArray       *workers,
                           const char      *service,
                           double           threshold,
                           FhCaseloadStats *stats)
{
  g_autofree double *values = NULL;
  guint n = 0;

  g_return_if_fail (workers != NULL);
  g_return_if_fail (service != NULL);
  g_return_if_fail (stats != NULL);

  memset (stats, 0, sizeof *stats);
  values = g_new (double, workers->len + 1);
  for (guint i = 0; i < workers->len; i++)
    {
      FhWorkerCaseload *w = g_ptr_array_index (workers, i);

      if (g_strcmp0 (w->service, service) != 0)
        continue;
      stats->workers++;
      if (isnan (w->fte) || w->fte <= 0)
        {
          stats->zero_fte++;
          continue;
        }
      if (w->open_episodes < 0)
        {
          stats->withheld++;
          continue;
        }
      stats->fte += w->fte;
      stats->open_episodes += w->open_episodes;
      values[n++] = fh_worker_caseload_per_fte (w);
    }
  fh_caseload_stats_from_values (values, n, threshold, stats);
}

const char *
fh_caseload_threshold_key (const char *service)
{
  if (g_strcmp0 (service, "core") == 0)
    return "caseload-threshold-core";
  if (g_strcmp0 (service, "adolescence") == 0)
    return "caseload-threshold-adolescence";
  if (g_strcmp0 (service, "early") == 0)
    return "caseload-threshold-early-help";
  return NULL;
}

const char *
fh_caseload_service_label (const char *service)
{
  if (g_strcmp0 (service, "core") == 0)
    return C_("service", "Core");
  if (g_strcmp0 (service, "adolescence") == 0)
    return C_("service", "Adolescence");
  if (g_strcmp0 (service, "early") == 0)
    return C_("service", "Early Help");
  return service ? service : "";
}
