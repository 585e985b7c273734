/* fh-accels.h — every keyboard shortcut, declared once
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The window's shortcuts (win.* and window.*) as class bindings, so they
 * work in a window without an application too (as in the tests). */
void fh_accels_add_to_window_class (GtkWidgetClass *widget_class);
/* Every shortcut as the application's accelerators: app.* actions work,
 * and menus show the keys. */
void fh_accels_add_to_application  (GtkApplication *application);

/* Every action with a shortcut, as "app.quit" or "win.show-nth-page(2)"
 * (for the shortcuts window's test); free with g_strfreev(). */
char             **fh_accels_list_actions   (void);
/* The accelerators of one detailed action (NULL-terminated, owned by the
 * table), or NULL when it has none. */
const char * const *fh_accels_get_for_action (const char *detailed_action);

G_END_DECLS
