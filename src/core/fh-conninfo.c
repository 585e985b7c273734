/* fh-conninfo.c — connection texts as the app may keep them
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <libpq-fe.h>

#include "fh-conninfo.h"

static PQconninfoOption *
parse (const char *conninfo)
{
  char *message = NULL;
  PQconninfoOption *options = PQconninfoParse (conninfo, &message);

  if (message != NULL)
    PQfreemem (message);
  return options;
}

gboolean
fh_conninfo_has_password (const char *conninfo)
{
  PQconninfoOption *options;
  gboolean found = FALSE;

  g_return_val_if_fail (conninfo != NULL, FALSE);

  options = parse (conninfo);
  if (options == NULL)
    return FALSE;
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    if (g_str_equal (o->keyword, "password") && o->val != NULL)
      found = TRUE;
  PQconninfoFree (options);
  return found;
}

/* libpq's quoting for a keyword=value text: single quotes around the
 * value, with backslash before any quote or backslash in it. */
static void
append_quoted (GString    *out,
               const char *value)
{
  g_string_append_c (out, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');
}

char *
fh_conninfo_without_password (const char *conninfo)
{
  PQconninfoOption *options;
  GString *out;

  g_return_val_if_fail (conninfo != NULL, NULL);

  options = parse (conninfo);
  if (options == NULL)
    return NULL;
  if (!fh_conninfo_has_password (conninfo))
    {
      PQconninfoFree (options);
      return g_strdup (conninfo);
    }

  out = g_string_new (NULL);
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      if (o->val == NULL || g_str_equal (o->keyword, "password"))
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, "%s=", o->keyword);
      append_quoted (out, o->val);
    }
  PQconninfoFree (options);
  return g_string_free (out, FALSE);
}
