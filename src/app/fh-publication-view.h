/* fh-publication-view.h — whether the window shows exact or published figures
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Publication view is window-wide: with it on, every page asks the reporting
 * layer for small numbers suppressed (counts 1–5 as "c"), exactly as a board
 * paper prints them. Only a role that may see exact figures (fh_manager) can
 * turn it off; for any other it is on, and its toggle says why it cannot be
 * changed. The object keeps the header bar's toggle, the GSettings key
 * `publication-view` and the database's p_exact (fh_database_set_exact_figures)
 * in step, and says "changed" when the figures asked for change (the window
 * then reloads its pages).
 *
 * Exports are always suppressed: fh_publication_view_may_show_exact() is TRUE
 * from the moment exact figures are asked for until a reload that asked for
 * suppressed ones has finished, and the export actions refuse meanwhile.
 */
#pragma once

#include <gtk/gtk.h>

#include "fh-database.h"

G_BEGIN_DECLS

#define FH_TYPE_PUBLICATION_VIEW (fh_publication_view_get_type ())
G_DECLARE_FINAL_TYPE (FhPublicationView, fh_publication_view, FH, PUBLICATION_VIEW, GObject)

FhPublicationView *fh_publication_view_new               (GtkToggleButton   *toggle,
                                                          GSettings         *settings);
/* A new connection: until its role is known, its figures are suppressed. */
void               fh_publication_view_set_database      (FhPublicationView *self,
                                                          FhDatabase        *database);
void               fh_publication_view_set_role          (FhPublicationView *self,
                                                          const char        *role_name,
                                                          gboolean           exact_allowed);
/* The database refused exact figures (FH_DATABASE_ERROR_EXACT_FIGURES): the
 * role gets published figures only, whatever was thought of it. Publication
 * view goes back on for this connection (the toggle insensitive, saying
 * why) and, from the main loop, "changed" asks for published figures. */
void               fh_publication_view_exact_refused     (FhPublicationView *self);
/* The window's reload after "changed" (or any full reload) has finished. */
void               fh_publication_view_reloaded          (FhPublicationView *self);
/* TRUE when the pages are asked for exact figures. */
gboolean           fh_publication_view_get_exact         (FhPublicationView *self);
/* TRUE when exact figures are, or may still be, on screen. */
gboolean           fh_publication_view_may_show_exact    (FhPublicationView *self);

G_END_DECLS
