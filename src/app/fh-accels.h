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

G_END_DECLS
