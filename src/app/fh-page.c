/* fh-page.c — what the window asks of every page
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fh-page.h"

G_DEFINE_INTERFACE (FhPage, fh_page, GTK_TYPE_WIDGET)

static void
fh_page_default_init (FhPageInterface *iface)
{
}

void
fh_page_load (FhPage     *self,
              FhDatabase *database,
              int         authority_id)
{
  g_return_if_fail (FH_IS_PAGE (self));
  g_return_if_fail (FH_IS_DATABASE (database));

  FH_PAGE_GET_IFACE (self)->load (self, database, authority_id);
}
