/* fh-connection-dialog.h — choosing the database to connect to
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "fh-database.h"

G_BEGIN_DECLS

#define FH_TYPE_CONNECTION_DIALOG (fh_connection_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FhConnectionDialog, fh_connection_dialog, FH, CONNECTION_DIALOG, GtkWindow)

/* Emits "connected" (FhDatabase *database) once a connection works. */
FhConnectionDialog *fh_connection_dialog_new       (GtkWindow          *parent,
                                                    const char         *conninfo);
/* What the dialog shows under the entry after a failed try, or NULL. */
const char         *fh_connection_dialog_get_error (FhConnectionDialog *self);

G_END_DECLS
