/* fh-shortcuts-window.h — the keyboard shortcuts window (Ctrl+?)
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A new GtkShortcutsWindow, built from ui/fh-shortcuts-window.ui, transient
 * for @parent (may be NULL). */
GtkWindow *fh_shortcuts_window_new (GtkWindow *parent);

/* Every accelerator the window shows, one key each ("<Alt>1...<Alt>9" as
 * nine), in gtk_accelerator_name() form; free with g_strfreev(). */
char     **fh_shortcuts_window_list_accels (GtkWindow *shortcuts_window);

G_END_DECLS
