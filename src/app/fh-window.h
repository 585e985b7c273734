/* fh-window.h — the main window
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "fh-database.h"
#include "fh-page.h"
#include "fh-publication-view.h"

G_BEGIN_DECLS

#define FH_TYPE_WINDOW (fh_window_get_type ())
G_DECLARE_FINAL_TYPE (FhWindow, fh_window, FH, WINDOW, GtkApplicationWindow)

FhWindow   *fh_window_new              (GtkApplication *application,
                                        const char     *conninfo);
void        fh_window_connect          (FhWindow       *self,
                                        const char     *conninfo);
void        fh_window_use_database     (FhWindow       *self,
                                        FhDatabase     *database);
FhDatabase *fh_window_get_database     (FhWindow       *self);
FhPage     *fh_window_get_visible_page (FhWindow       *self);
GtkWidget  *fh_window_get_page         (FhWindow       *self,
                                        const char     *name);
void        fh_window_show_page        (FhWindow       *self,
                                        const char     *name);
const char *fh_window_get_status_text  (FhWindow       *self);
/* The least-privilege warning while it shows, or NULL. */
const char *fh_window_get_privilege_warning (FhWindow  *self);
/* The authority the pages show (1 until the database has said). */
int         fh_window_get_authority_id (FhWindow       *self);
/* The authority drop-down in the header bar (shown with two or more). */
GtkDropDown *fh_window_get_authority_dropdown (FhWindow    *self);
guint       fh_window_get_refresh_count (FhWindow      *self);
FhPublicationView *fh_window_get_publication_view (FhWindow *self);

G_END_DECLS
