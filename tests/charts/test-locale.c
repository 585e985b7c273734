/* test-locale.c — numbers and CSV are the same under a decimal-comma locale
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under de_DE.UTF-8 (LC_NUMERIC: "," for the decimal point, "." for
 * thousands). Generates the locale when it is missing and this test may
 * (root, localedef present); skips with a message otherwise.
 */
#include <locale.h>
#include <math.h>
#include <string.h>

#include "fh-bar-chart.h"
#include "fh-map-chart.h"
#include "fh-results.h"

#define LOCALE "de_DE.UTF-8"

static gboolean
use_german_locale (void)
{
  const char *argv[] = { "localedef", "-i", "de_DE", "-f", "UTF-8", LOCALE, NULL };

  if (setlocale (LC_ALL, LOCALE) != NULL)
    return TRUE;
  /* Not generated yet: try once (works as root, as in CI). */
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL
                | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, NULL, NULL);
  return setlocale (LC_ALL, LOCALE) != NULL;
}

static void
test_formatter_ignores_locale (void)
{
  g_autofree char *printed = NULL;
  g_autofree char *number = NULL, *csv = NULL, *percent = NULL, *count = NULL;

  if (!use_german_locale ())
    {
      g_test_skip ("the " LOCALE " locale is not available and cannot be generated here "
                   "(run as root with localedef, from the locales package)");
      return;
    }
  /* The locale is really in force: printf writes a decimal comma. */
  printed = g_strdup_printf ("%.1f", 1.5);
  g_assert_cmpstr (printed, ==, "1,5");

  number = fh_format_number (12345.67, 1);
  csv = fh_format_csv_number (12345.67, 1);
  percent = fh_format_percent (12.34, 1);
  count = fh_format_count (1234567);
  g_assert_cmpstr (number, ==, "12,345.7");
  g_assert_cmpstr (csv, ==, "12345.7");
  g_assert_cmpstr (percent, ==, "12.3%");
  g_assert_cmpstr (count, ==, "1,234,567");
}

static void
test_csv_export_ignores_locale (void)
{
  g_autoptr(FhBarChart) bars = fh_bar_chart_new ();
  g_autoptr(FhMapChart) map = fh_map_chart_new ();
  const char *labels[] = { "Aspley", "Castle", "Hidden" };
  const double values[] = { 3532.06, 1461.25, NAN };
  g_autofree char *bar_csv = NULL, *map_csv = NULL;

  if (!use_german_locale ())
    {
      g_test_skip ("the " LOCALE " locale is not available and cannot be generated here");
      return;
    }
  fh_chart_set_value_label (FH_CHART (bars), "Rate");
  fh_bar_chart_set_bars (bars, labels, values, 3);
  fh_bar_chart_set_suppressed (bars, 2, TRUE);
  bar_csv = fh_chart_to_csv (FH_CHART (bars));
  g_assert_cmpstr (bar_csv, ==, "Name,Rate,Note\r\nAspley,3532.1,\r\nCastle,1461.2,\r\n"
                                "Hidden,c,\"c = 1 to 5, suppressed\"\r\n");

  fh_chart_set_value_label (FH_CHART (map), "Rate");
  fh_chart_set_value_decimals (FH_CHART (map), 2);
  fh_map_chart_add_ward (map, "E05000001", "Aspley", 3532.064, NULL, -1.2, 52.9);
  fh_map_chart_add_ward (map, "E05000002", "Castle", NAN, NULL, -1.1, 52.95);
  map_csv = fh_chart_to_csv (FH_CHART (map));
  g_assert_nonnull (strstr (map_csv, "Aspley,3532.06\r\n"));
  g_assert_nonnull (strstr (map_csv, "Castle,\r\n"));
  g_assert_null (strstr (map_csv, "3532,06"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/charts/locale/formatter", test_formatter_ignores_locale);
  g_test_add_func ("/charts/locale/csv-export", test_csv_export_ignores_locale);
  return g_test_run ();
}
