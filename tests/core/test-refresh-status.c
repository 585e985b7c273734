/* test-refresh-status.c — the status line never calls a failed refresh one
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "fh-refresh-status.h"

static void
test_status (void)
{
  g_autoptr(GDateTime) good = g_date_time_new_local (2026, 11, 26, 10, 40, 21);
  g_autoptr(GDateTime) bad = g_date_time_new_local (2026, 11, 26, 10, 45, 2);
  FhRefreshStatus s = { .authority_name = "Nottingham City", .description = "familyhelp on the local socket" };
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL;

  a = fh_refresh_status_format (&s);
  g_assert_cmpstr (a, ==, "Nottingham City · familyhelp on the local socket");

  s.refreshing = TRUE;
  b = fh_refresh_status_format (&s);
  g_assert_cmpstr (b, ==, "Nottingham City · familyhelp on the local socket · refreshing…");

  s.refreshing = FALSE;
  s.refreshed_at = good;
  c = fh_refresh_status_format (&s);
  g_assert_cmpstr (c, ==, "Nottingham City · familyhelp on the local socket · refreshed 10:40:21");

  /* the server went away: the last refresh failed, the good one is named as such */
  s.failed = TRUE;
  s.failed_at = bad;
  d = fh_refresh_status_format (&s);
  g_assert_cmpstr (d, ==, "Nottingham City · familyhelp on the local socket · refresh failed at 10:45:02 "
                          "(last good refresh 10:40:21)");
  g_assert_null (strstr (d, " · refreshed "));

  s.description = NULL;
  e = fh_refresh_status_format (&s);
  g_assert_cmpstr (e, ==, "Not connected");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/refresh-status", test_status);
  return g_test_run ();
}
