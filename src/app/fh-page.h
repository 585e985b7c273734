/* fh-page.h — what every page is: a database, a load, and its state
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page derives from FhPage and names its FhDataView in its template
 * (<property name="data-view">data_view</property> on the <template>).
 * The window calls fh_page_load() with the database and authority; the page
 * reloads itself with fh_page_reload() when its own choices change. Either
 * cancels the last load's queries, shows the loading state and calls the
 * class's load(), which starts its queries with FH_PAGE_QUERY(). When all
 * have finished, the first error is shown, or loaded() runs (by default it
 * shows the content).
 */
#pragma once

#include <gtk/gtk.h>

#include "fh-data-view.h"
#include "fh-database.h"
#include "fh-query-group.h"

G_BEGIN_DECLS

#define FH_TYPE_PAGE (fh_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (FhPage, fh_page, FH, PAGE, GtkWidget)

struct _FhPageClass
{
  GtkWidgetClass parent_class;

  /* Start this load's queries (FH_PAGE_QUERY); the page shows "loading". */
  void (*load)       (FhPage *self);
  /* Every query of the load succeeded: show the figures (default: the content). */
  void (*loaded)     (FhPage *self);
  /* The window asks for fresh data (F5, another database or authority):
   * forget whatever the page keeps between its own reloads. */
  void (*invalidate) (FhPage *self);
};

void             fh_page_load             (FhPage        *self,
                                           FhDatabase    *database,
                                           int            authority_id);
void             fh_page_reload           (FhPage        *self);
FhDatabase      *fh_page_get_database     (FhPage        *self);
int              fh_page_get_authority_id (FhPage        *self);
FhQueryGroup    *fh_page_get_queries      (FhPage        *self);
FhDataView      *fh_page_get_data_view    (FhPage        *self);
FhDataViewState  fh_page_get_state        (FhPage        *self);
guint            fh_page_get_load_count   (FhPage        *self);
void             fh_page_show_loading     (FhPage        *self);
void             fh_page_show_empty       (FhPage        *self,
                                           const char    *message);
void             fh_page_show_error       (FhPage        *self,
                                           const GError  *error);
const GError    *fh_page_get_error        (FhPage        *self);
void             fh_page_show_content     (FhPage        *self);
/* The day the data was extracted (a date, UTC midnight): periods that end
 * before it are complete, and "as at" figures are for the day before it.
 * Set by the window before it loads the pages; when it is unknown, today. */
void             fh_page_set_extract_date (FhPage        *self,
                                           GDateTime     *date);
/* A new reference to the extract date, or to today's date when unknown. */
GDateTime       *fh_page_dup_reference_date (FhPage      *self);

/* The last three arguments of an fh_database_*_async() call of this load. */
#define FH_PAGE_QUERY(page, name, finish) \
  FH_QUERY (fh_page_get_queries (FH_PAGE (page)), (name), (FhQueryFinishFunc) (finish))

G_END_DECLS
