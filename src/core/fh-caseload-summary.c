/* fh-caseload-summary.c — Core beside Adolescence, from per-worker caseloads
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdlib.h>

#include "fh-caseload-summary.h"

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

void
fh_caseload_summary_compute (GPtrArray         *caseloads,
                             const char        *service,
                             double             threshold,
                             FhCaseloadSummary *out)
{
  g_autofree double *ratios = NULL;
  guint n = 0;

  g_return_if_fail (caseloads != NULL);
  g_return_if_fail (service != NULL);
  g_return_if_fail (out != NULL);

  *out = (FhCaseloadSummary) { 0, 0, 0, NAN, NAN, NAN, 0, 0 };
  ratios = g_new (double, MAX (caseloads->len, 1));

  for (guint i = 0; i < caseloads->len; i++)
    {
      FhWorkerCaseload *c = g_ptr_array_index (caseloads, i);

      if (g_strcmp0 (c->service, service) != 0)
        continue;
      out->workers++;
      out->fte += c->fte;
      if (c->open_episodes == FH_COUNT_SUPPRESSED)
        {
          out->suppressed_workers++;
          continue;
        }
      out->open_episodes += MAX (c->open_episodes, 0);
      ratios[n++] = c->episodes_per_fte;
      if (c->episodes_per_fte > threshold)
        out->above_threshold++;
    }

  if (out->suppressed_workers > 0)
    {
      out->open_episodes = FH_COUNT_SUPPRESSED;
      return;
    }
  if (n == 0)
    return;

  qsort (ratios, n, sizeof (double), compare_doubles);
  out->max_per_fte = ratios[n - 1];
  out->median_per_fte = n % 2 ? ratios[n / 2] : (ratios[n / 2 - 1] + ratios[n / 2]) / 2;
  out->episodes_per_fte = out->fte > 0 ? out->open_episodes / out->fte : NAN;
}
