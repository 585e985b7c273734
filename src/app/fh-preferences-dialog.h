/* fh-preferences-dialog.h — the app's preferences (Ctrl+,)
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FH_TYPE_PREFERENCES_DIALOG (fh_preferences_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FhPreferencesDialog, fh_preferences_dialog, FH, PREFERENCES_DIALOG, GtkWindow)

/* Every control is bound to its GSettings key: a change applies at once. */
FhPreferencesDialog *fh_preferences_dialog_new (GtkWindow *parent);

G_END_DECLS
