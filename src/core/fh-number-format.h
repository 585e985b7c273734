/* fh-number-format.h — every number the app shows or exports, formatted once
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On screen and in charts: "12,345", "1,234.5", "12.3%"; "–" where a figure
 * is missing and "c" where a small count is suppressed (as the statistical
 * convention marks confidential cells), so missing and suppressed never look
 * alike. In CSV: plain "12345.6", "" for missing, "c" for suppressed. The
 * output is the same under every LC_NUMERIC (g_ascii_* throughout).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FH_FORMAT_MISSING    "–"
#define FH_FORMAT_SUPPRESSED "c"

/* "12,345" and "1,234.5": thousands separators, fixed decimals; NAN "–". */
char *fh_format_number     (double  value,
                            guint   decimals);
/* A count: "12,345"; FH_COUNT_MISSING "–", FH_COUNT_SUPPRESSED "c". */
char *fh_format_count      (gint64  count);
/* "12.3%" for 12.3; NAN "–". */
char *fh_format_percent    (double  value,
                            guint   decimals);
/* A rate worked out from @count: "c" when the count is suppressed (the rate
 * is then NAN too), "–" when the rate is missing for any other reason. */
char *fh_format_rate       (double  rate,
                            gint64  count,
                            guint   decimals);

/* For CSV: "12345.6" (no separators, "." always); NAN "". */
char *fh_format_csv_number (double  value,
                            guint   decimals);
/* For CSV: "12345"; missing "", suppressed "c". */
char *fh_format_csv_count  (gint64  count);

G_END_DECLS
