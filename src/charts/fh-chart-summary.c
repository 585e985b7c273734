/* fh-chart-summary.c — a chart's figures as one plain-English sentence
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "fh-chart-frame.h"
#include "fh-chart-summary.h"
#include "fh-number-format.h"

char *
fh_chart_summary_unit (const char *value_label)
{
  const char *per, *end;

  if (value_label == NULL || (per = strstr (value_label, "per ")) == NULL)
    return NULL;
  /* "per" and the word after it */
  end = per + 4;
  while (*end && *end != ' ')
    end++;
  return g_strndup (per, end - per);
}

char *
fh_chart_summary_extremes (const char * const *labels,
                           const double       *values,
                           const gboolean     *suppressed,
                           guint               n,
                           guint               decimals,
                           const char         *value_label,
                           double              reference,
                           const char         *reference_label)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *unit = fh_chart_summary_unit (value_label);
  int hi = -1, lo = -1;
  guint missing = 0, hidden = 0;

  g_return_val_if_fail (n == 0 || (labels != NULL && values != NULL), NULL);

  for (guint i = 0; i < n; i++)
    {
      if (suppressed != NULL && suppressed[i])
        {
          hidden++;
          continue;
        }
      if (isnan (values[i]))
        {
          missing++;
          continue;
        }
      if (hi < 0 || values[i] > values[hi])
        hi = i;
      if (lo < 0 || values[i] < values[lo])
        lo = i;
    }

  if (hi < 0 && hidden > 0)
    g_string_append (text, _("Every figure suppressed, none shown"));
  else if (hi < 0)
    g_string_append (text, _("No figures to show"));
  else if (values[hi] == values[lo] && n - hidden - missing > 1)
    {
      g_autofree char *v = fh_format_number (values[hi], decimals);
      guint shown = n - hidden - missing;

      /* not "highest in" one of them: none is */
      /* Translators: "All 20 the same, 0 per 10,000", the unit may be empty */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "All %u the same, %s%s%s",
                                                 "All %u the same, %s%s%s", shown),
                              shown, v, unit ? " " : "", unit ? unit : "");
    }
  else
    {
      g_autofree char *hv = fh_format_number (values[hi], decimals);
      g_autofree char *lv = fh_format_number (values[lo], decimals);

      /* Translators: "Highest in Aspley, 2,673.9 per 10,000", the unit may be empty */
      g_string_append_printf (text, _("Highest in %s, %s%s%s"), labels[hi], hv, unit ? " " : "", unit ? unit : "");
      if (lo != hi)
        /* Translators: "; lowest Wollaton West, 1,007.2" */
        g_string_append_printf (text, _("; lowest %s, %s"), labels[lo], lv);
    }
  if (!isnan (reference))
    {
      g_autofree char *rv = fh_format_number (reference, decimals);

      /* Translators: "; city 1,852.6" */
      g_string_append_printf (text, _("; %s %s"), reference_label ? reference_label : _("reference"), rv);
    }
  if (hidden > 0)
    /* Translators: "; 3 suppressed (c = 1 to 5, suppressed)" */
    g_string_append_printf (text, _("; %u suppressed (%s)"), hidden, fh_chart_suppressed_note ());
  /* when every figure is withheld, say that, not "no data" */
  if (missing > 0 && (hi >= 0 || hidden == 0))
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "; %u with no data", "; %u with no data",
                                               missing), missing);
  g_string_append_c (text, '.');
  return g_string_free (g_steal_pointer (&text), FALSE);
}
