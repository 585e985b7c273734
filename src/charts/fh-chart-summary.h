/* fh-chart-summary.h — a chart's figures as one plain-English sentence
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a screen reader says for a chart (its accessible description) and
 * what alt text in an export carries: the highest and the lowest item and
 * the reference figure, "Highest in Aspley, 2,673.9 per 10,000; lowest
 * Wollaton West, 1,007.2; city 1,852.6." Figures go through
 * fh-number-format, so "c" and "–" read as they are shown.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @suppressed may be NULL; NAN values and suppressed ones are counted,
 * never ranked. @value_label ("Referrals per 10,000 children…") gives the
 * unit said after the first figure ("per 10,000"); @reference NAN for none.
 * When every figure shown is the same there is no highest: "All 20 the
 * same, 0 per 10,000". */
char *fh_chart_summary_extremes (const char * const *labels,
                                 const double       *values,
                                 const gboolean     *suppressed,
                                 guint               n,
                                 guint               decimals,
                                 const char         *value_label,
                                 double              reference,
                                 const char         *reference_label);

/* "per 10,000" from "Referrals per 10,000 children aged 0–17", else NULL. */
char *fh_chart_summary_unit     (const char         *value_label);

G_END_DECLS
