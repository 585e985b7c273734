/* fh-caseload-card.c — a service's card on the caseloads page
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figure is the service's open episodes per FTE, counted in SQL (an
 * episode two workers share counts once); the details are the spread over
 * workers (FhCaseloadStats), saying who is left out: withheld caseloads
 * ("c") and workers without FTE.
 */
#include <glib/gi18n.h>
#include <math.h>

#include "fh-caseload-card.h"
#include "fh-caseload-stats.h"
#include "fh-number-format.h"

static char *
describe_left_out (const FhCaseloadStats *st, const FhServiceCaseload *summary)
{
  GString *left_out = g_string_new (NULL);

  if (st->withheld > 0)
    {
      g_autofree char *all = summary != NULL ? fh_format_number (summary->median_per_fte, 1) : NULL;

      g_string_append_printf (left_out, g_dngettext (NULL, "\n%u worker's caseload withheld (c), not in these figures",
                                                     "\n%u workers' caseloads withheld (c), not in these figures",
                                                     st->withheld), st->withheld);
      /* the reporting layer's median counts every worker, and is withheld
       * itself only where it would give a suppressed caseload away */
      if (summary != NULL && !isnan (summary->median_per_fte))
        g_string_append_printf (left_out, _("; the median of all %u is %s"), summary->workers, all);
    }
  if (st->zero_fte > 0)
    g_string_append_printf (left_out, g_dngettext (NULL, "\n%u worker without FTE, not in these figures",
                                                   "\n%u workers without FTE, not in these figures",
                                                   st->zero_fte), st->zero_fte);
  return g_string_free (left_out, FALSE);
}

void
fh_caseload_card_show (GtkLabel                *figure_label,
                       GtkLabel                *details_label,
                       GPtrArray               *workers,
                       const FhServiceCaseload *summary,
                       const char              *service,
                       double                   threshold)
{
  FhCaseloadStats st;
  g_autofree char *fte = NULL, *median = NULL, *mean = NULL, *lo = NULL, *hi = NULL;
  g_autofree char *above = NULL, *limit = NULL, *text = NULL, *figure = NULL, *left_out = NULL;

  g_return_if_fail (GTK_IS_LABEL (figure_label) && GTK_IS_LABEL (details_label));
  g_return_if_fail (service != NULL);

  fh_caseload_stats_compute (workers, service, threshold, &st);
  if (st.workers == 0)
    {
      gtk_label_set_text (figure_label, FH_FORMAT_MISSING);
      gtk_label_set_text (details_label, _("No workers in post"));
      return;
    }
  figure = summary == NULL ? g_strdup (FH_FORMAT_MISSING)
                           : fh_format_rate (summary->episodes_per_fte, summary->open_episodes, 1);
  fte = fh_format_number (summary ? summary->fte : st.fte, 1);
  median = fh_format_number (st.median, 1);
  mean = fh_format_number (st.mean, 1);
  lo = fh_format_number (st.min, 1);
  hi = fh_format_number (st.max, 1);
  above = fh_format_count (st.above);
  limit = fh_format_number (threshold, 0);
  left_out = describe_left_out (&st, summary);
  /* Translators: a card's details, one item a line, e.g. "30 workers (27.9 FTE)
   * / Median 18.0 · mean 19.6 · range 6.0–39.0 per FTE / 11 above 20 per FTE" */
  text = g_markup_printf_escaped (_("%u workers (%s FTE)\n"
                                    "Median %s · mean %s · range %s–%s per FTE\n"
                                    "<b>▲ %s above %s per FTE</b>%s"),
                                  st.workers, fte, median, mean, lo, hi, above, limit, left_out);
  gtk_label_set_text (figure_label, figure);
  gtk_label_set_markup (details_label, text);
}
