/* fh-db-probe.c — drives FhDatabase for the shell tests
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   fh-db-probe CONNINFO…
 *
 * Opens one FhDatabase per CONNINFO and keeps them for its whole life, so a
 * test can change the servers underneath (stop a primary, say) and see what
 * the same FhDatabase does next. Reads commands on standard input, one a
 * line, and answers each with one line:
 *
 *   connect N   →  "ok DESCRIPTION" or "error CODE SUMMARY"
 *   query N     →  the same, after reporting.authority_list() through database N
 *   quit
 */
#include <stdio.h>
#include <string.h>

#include "fh-database.h"

typedef struct {
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
} Wait;

static void
on_connect (GObject *source, GAsyncResult *result, gpointer data)
{
  Wait *w = data;

  w->ok = fh_database_connect_finish (FH_DATABASE (source), result, &w->error);
  g_main_loop_quit (w->loop);
}

static void
on_authorities (GObject *source, GAsyncResult *result, gpointer data)
{
  Wait *w = data;
  g_autoptr(GPtrArray) rows = fh_database_authorities_finish (FH_DATABASE (source), result, &w->error);

  w->ok = rows != NULL && rows->len > 0;
  if (rows != NULL && rows->len == 0)
    w->error = g_error_new_literal (FH_DATABASE_ERROR, FH_DATABASE_ERROR_QUERY, "no authorities");
  g_main_loop_quit (w->loop);
}

static void
answer (FhDatabase *db,
        Wait       *w)
{
  if (w->ok)
    {
      printf ("ok %s\n", fh_database_get_description (db));
    }
  else
    {
      g_autofree char *summary = fh_error_get_summary (w->error);

      g_strdelimit (summary, "\n", ' ');
      printf ("error %d %s\n", w->error->code, summary);
    }
  fflush (stdout);
  g_clear_error (&w->error);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GPtrArray) databases = g_ptr_array_new_with_free_func (g_object_unref);
  char line[256];

  if (argc < 2)
    {
      g_printerr ("usage: %s CONNINFO…\n", argv[0]);
      return 2;
    }

  for (int i = 1; i < argc; i++)
    g_ptr_array_add (databases, fh_database_new (argv[i]));

  while (fgets (line, sizeof line, stdin) != NULL)
    {
      g_auto(GStrv) words = g_strsplit (g_strstrip (line), " ", 2);
      guint64 n = 0;
      FhDatabase *db;
      Wait w = { 0 };

      if (words[0] == NULL || g_str_equal (words[0], "quit"))
        break;
      if (words[1] == NULL || !g_ascii_string_to_unsigned (words[1], 10, 0, databases->len - 1, &n, NULL))
        {
          printf ("error -1 bad command\n");
          fflush (stdout);
          continue;
        }

      db = g_ptr_array_index (databases, n);
      w.loop = g_main_loop_new (NULL, FALSE);
      if (g_str_equal (words[0], "connect"))
        fh_database_connect_async (db, NULL, on_connect, &w);
      else
        fh_database_authorities_async (db, NULL, on_authorities, &w);
      g_main_loop_run (w.loop);
      g_main_loop_unref (w.loop);
      answer (db, &w);
    }

  for (guint i = 0; i < databases->len; i++)
    fh_database_close (g_ptr_array_index (databases, i));
  return 0;
}
