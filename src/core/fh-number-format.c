/* fh-number-format.c — every number the app shows or exports, formatted once
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "fh-number-format.h"
#include "fh-results.h"

/* "1234.5" for @value rounded to @decimals, whatever the locale. */
static char *
plain_fixed (double value,
             guint  decimals)
{
  char format[16];
  char buffer[G_ASCII_DTOSTR_BUF_SIZE + 320];

  g_snprintf (format, sizeof format, "%%.%uf", MIN (decimals, 20));
  g_ascii_formatd (buffer, sizeof buffer, format, value);
  return g_strdup (buffer);
}

char *
fh_format_csv_number (double value,
                      guint  decimals)
{
  g_autofree char *plain = NULL;

  if (isnan (value))
    return g_strdup ("");
  plain = plain_fixed (value, decimals);
  /* -0.0 after rounding is 0.0 */
  if (plain[0] == '-' && g_ascii_strtod (plain, NULL) == 0)
    return g_strdup (plain + 1);
  return g_steal_pointer (&plain);
}

char *
fh_format_number (double value,
                  guint  decimals)
{
  g_autofree char *plain = NULL;
  const char *digits, *dot;
  GString *out;
  gsize int_len;

  if (isnan (value))
    return g_strdup (FH_FORMAT_MISSING);
  if (isinf (value))
    return g_strdup (value > 0 ? "∞" : "−∞");

  plain = fh_format_csv_number (value, decimals);
  digits = plain[0] == '-' ? plain + 1 : plain;
  dot = strchr (digits, '.');
  int_len = dot ? (gsize) (dot - digits) : strlen (digits);

  out = g_string_new (digits == plain ? NULL : "-");
  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  if (dot)
    g_string_append (out, dot);
  return g_string_free (out, FALSE);
}

char *
fh_format_count (gint64 count)
{
  if (count == FH_COUNT_SUPPRESSED)
    return g_strdup (FH_FORMAT_SUPPRESSED);
  if (count == FH_COUNT_MISSING)
    return g_strdup (FH_FORMAT_MISSING);
  return fh_format_number ((double) count, 0);
}

char *
fh_format_percent (double value,
                   guint  decimals)
{
  g_autofree char *number = NULL;

  if (isnan (value))
    return g_strdup (FH_FORMAT_MISSING);
  number = fh_format_number (value, decimals);
  return g_strconcat (number, "%", NULL);
}

char *
fh_format_rate (double rate,
                gint64 count,
                guint  decimals)
{
  if (count == FH_COUNT_SUPPRESSED)
    return g_strdup (FH_FORMAT_SUPPRESSED);
  return fh_format_number (rate, decimals);
}

char *
fh_format_csv_count (gint64 count)
{
  if (count == FH_COUNT_SUPPRESSED)
    return g_strdup (FH_FORMAT_SUPPRESSED);
  if (count == FH_COUNT_MISSING)
    return g_strdup ("");
  return g_strdup_printf ("%" G_GINT64_FORMAT, count);
}
