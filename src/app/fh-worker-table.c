/* fh-worker-table.c — the caseloads page's table of workers
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every worker in post: pseudonymous reference (with the display name for
 * a manager), team, service, locality, FTE, open episodes and per FTE,
 * formatted by fh-number-format ("c" where the reporting layer withheld it).
 */
#include <glib/gi18n.h>
#include <math.h>

#include "fh-caseload-stats.h"
#include "fh-number-format.h"
#include "fh-results.h"
#include "fh-table.h"
#include "fh-worker-table.h"

static double
threshold_of (const double *thresholds, const char *service)
{
  for (guint s = 0; s < G_N_ELEMENTS (fh_caseload_services); s++)
    if (g_strcmp0 (service, fh_caseload_services[s]) == 0)
      return thresholds[s];
  return NAN;
}

void
fh_worker_table_fill (GtkGrid      *grid,
                      GPtrArray    *workers,
                      GHashTable   *names,
                      const double *thresholds)
{
  static const FhColumnKind kinds[] = { FH_COLUMN_TEXT, FH_COLUMN_TEXT, FH_COLUMN_TEXT,
                                        FH_COLUMN_TEXT, FH_COLUMN_NUMBER, FH_COLUMN_NUMBER,
                                        FH_COLUMN_NUMBER };
  const char *headers[] = { _("Worker"), _("Team"), _("Service"), _("Locality"), _("FTE"),
                            _("Open episodes"), _("Per FTE") };

  g_return_if_fail (GTK_IS_GRID (grid));
  g_return_if_fail (workers != NULL && thresholds != NULL);

  fh_table_reset (grid, headers, kinds, G_N_ELEMENTS (headers));
  for (guint i = 0; i < workers->len; i++)
    {
      FhWorkerCaseload *c = g_ptr_array_index (workers, i);
      g_autofree char *fte = fh_format_number (c->fte, 2);
      g_autofree char *open = fh_format_count (c->open_episodes);
      g_autofree char *per = fh_format_rate (c->episodes_per_fte, c->open_episodes, 1);
      const char *name = names ? g_hash_table_lookup (names, c->worker_ref) : NULL;
      g_autofree char *worker = name ? g_strdup_printf ("%s · %s", c->worker_ref, name) : g_strdup (c->worker_ref);
      const char *cells[] = { worker, c->team_name, fh_caseload_service_label (c->service),
                              c->locality ? c->locality : "", fte, open, per };
      GtkWidget *first = fh_table_add_row (grid, i, cells, kinds, G_N_ELEMENTS (cells));

      /* Above the service's threshold: bold and marked, not only coloured. */
      if (fh_worker_caseload_per_fte (c) > threshold_of (thresholds, c->service))
        {
          GtkWidget *last = gtk_grid_get_child_at (grid, G_N_ELEMENTS (cells) - 1, i + 1);
          g_autofree char *marked = g_strdup_printf ("▲ %s", per);

          gtk_label_set_text (GTK_LABEL (last), marked);
          gtk_widget_add_css_class (last, "over-threshold");
          gtk_widget_add_css_class (first, "over-threshold");
        }
    }
}
