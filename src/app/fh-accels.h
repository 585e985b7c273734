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
/* The shortcuts of a widget's own actions ("chart." for FhChartView). */
void fh_accels_add_to_widget_class (GtkWidgetClass *widget_class,
                                    const char     *prefix);
/* The first key of @action (detailed name), for a menu to show; or NULL. */
const char *fh_accels_get_primary  (const char     *action);

G_END_DECLS
