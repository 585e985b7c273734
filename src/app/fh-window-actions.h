/* fh-window-actions.h — the window's actions that need nothing of its insides
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* win.connect (the connection dialog) and win.fullscreen, on FhWindow's class */
void fh_window_actions_install (GtkWidgetClass *widget_class);

G_END_DECLS
