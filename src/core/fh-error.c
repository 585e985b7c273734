/* fh-error.c — errors a manager can act on
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fh-error.h"

#include <string.h>

G_DEFINE_QUARK (fh-database-error-quark, fh_database_error)

/* The message is "summary" or "summary\n\ndetail". */
char *
fh_error_get_summary (const GError *error)
{
  const char *split;

  g_return_val_if_fail (error != NULL, NULL);

  split = strstr (error->message, "\n\n");
  if (split == NULL)
    return g_strdup (error->message);

  return g_strndup (error->message, split - error->message);
}

char *
fh_error_get_detail (const GError *error)
{
  const char *split;

  g_return_val_if_fail (error != NULL, NULL);

  split = strstr (error->message, "\n\n");
  if (split == NULL)
    return NULL;

  return g_strstrip (g_strdup (split + 2));
}
