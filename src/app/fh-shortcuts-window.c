/* fh-shortcuts-window.c — the keyboard shortcuts window (Ctrl+?)
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window is a template of its own (ui/fh-shortcuts-window.ui) so that
 * translators and designers see it whole; fh-accels.c stays the one place a
 * shortcut is bound, and the test compares the two both ways.
 */
#include <string.h>

#include "fh-shortcuts-window.h"

GtkWindow *
fh_shortcuts_window_new (GtkWindow *parent)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *window;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  builder = gtk_builder_new_from_resource ("/org/familyhelp/Dashboard/fh-shortcuts-window.ui");
  /* Like every toplevel, owned by GTK until gtk_window_destroy(). */
  window = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
  gtk_window_set_transient_for (window, parent);
  return window;
}

/* g_strv_builder_take() is GLib 2.80 */
static void
add_name (GStrvBuilder *out, guint key, GdkModifierType mods)
{
  g_autofree char *name = gtk_accelerator_name (key, mods);

  g_strv_builder_add (out, name);
}

/* "<Alt>1...<Alt>9": the keys from the first to the last, same modifiers. */
static void
add_range (GStrvBuilder *out, const char *from, const char *to)
{
  guint first, last;
  GdkModifierType mods, last_mods;

  if (!gtk_accelerator_parse (from, &first, &mods) || !gtk_accelerator_parse (to, &last, &last_mods)
      || mods != last_mods || last < first || last - first > 64)
    {
      g_strv_builder_add (out, from);
      g_strv_builder_add (out, to);
      return;
    }
  for (guint k = first; k <= last; k++)
    add_name (out, k, mods);
}

static void
add_accelerators (GStrvBuilder *out, const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *dots = strstr (words[i], "...");
      guint key;
      GdkModifierType mods;

      if (*words[i] == '\0')
        continue;
      if (dots != NULL)
        {
          g_autofree char *from = g_strndup (words[i], dots - words[i]);

          add_range (out, from, dots + 3);
        }
      else if (gtk_accelerator_parse (words[i], &key, &mods))
        add_name (out, key, mods);
      else
        g_strv_builder_add (out, words[i]);   /* unparsable: shown as is, so a test sees it */
    }
}

static void
collect (GtkWidget *widget, GStrvBuilder *out)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;

      g_object_get (widget, "accelerator", &accelerator, NULL);
      if (accelerator != NULL)
        add_accelerators (out, accelerator);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, out);
}

char **
fh_shortcuts_window_list_accels (GtkWindow *shortcuts_window)
{
  g_autoptr(GStrvBuilder) out = g_strv_builder_new ();

  g_return_val_if_fail (GTK_IS_SHORTCUTS_WINDOW (shortcuts_window), NULL);

  collect (GTK_WIDGET (shortcuts_window), out);
  return g_strv_builder_end (out);
}
