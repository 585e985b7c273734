/* fh-refresh-status.c — the status line's words
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "fh-refresh-status.h"

char *
fh_refresh_status_format (const FhRefreshStatus *s)
{
  GString *status;

  g_return_val_if_fail (s != NULL, NULL);

  if (s->description == NULL)
    return g_strdup (_("Not connected"));

  status = g_string_new (NULL);
  if (s->authority_name != NULL)
    g_string_append_printf (status, "%s · ", s->authority_name);
  g_string_append (status, s->description);
  if (s->extracted_at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (s->extracted_at);
      g_autofree char *when = g_date_time_format (local, "%-d %b %Y %H:%M");
      g_string_append_printf (status, _(" · data extracted %s"), when);
    }
  /* Only a refresh that worked is called one: a failed one says so, with
   * the time of the last good one. */
  if (s->failed && s->failed_at != NULL)
    {
      g_autofree char *when = g_date_time_format (s->failed_at, "%H:%M:%S");
      g_string_append_printf (status, _(" · refresh failed at %s"), when);
      if (s->refreshed_at != NULL)
        {
          g_autofree char *good = g_date_time_format (s->refreshed_at, "%H:%M:%S");
          g_string_append_printf (status, _(" (last good refresh %s)"), good);
        }
    }
  else if (s->refreshing)
    g_string_append (status, _(" · refreshing…"));
  else if (s->refreshed_at != NULL)
    {
      g_autofree char *when = g_date_time_format (s->refreshed_at, "%H:%M:%S");
      g_string_append_printf (status, _(" · refreshed %s"), when);
    }
  return g_string_free (status, FALSE);
}
