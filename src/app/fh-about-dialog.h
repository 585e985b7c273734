/* fh-about-dialog.h — About Family Help Dashboard
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A new About dialog (version, licence, credits and the data's credits),
 * transient for @parent (may be NULL); owned by GTK until closed. */
GtkAboutDialog *fh_about_dialog_new (GtkWindow *parent);

G_END_DECLS
