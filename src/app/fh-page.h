/* fh-page.h — what the window asks of every page
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "fh-database.h"

G_BEGIN_DECLS

#define FH_TYPE_PAGE (fh_page_get_type ())
G_DECLARE_INTERFACE (FhPage, fh_page, FH, PAGE, GtkWidget)

struct _FhPageInterface
{
  GTypeInterface parent_iface;

  /* Start loading from @database; cancels whatever the page was loading. */
  void (*load) (FhPage     *self,
                FhDatabase *database,
                int         authority_id);
};

void fh_page_load (FhPage     *self,
                   FhDatabase *database,
                   int         authority_id);

G_END_DECLS
