/* fh-application.h — the application: options, start-up, windows
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FH_TYPE_APPLICATION (fh_application_get_type ())
G_DECLARE_FINAL_TYPE (FhApplication, fh_application, FH, APPLICATION, GtkApplication)

FhApplication *fh_application_new (void);

/* --conninfo, then FH_CONNINFO, then the last connection chosen, then "". */
char          *fh_application_choose_conninfo (const char *option,
                                               const char *environment,
                                               const char *remembered);

G_END_DECLS
