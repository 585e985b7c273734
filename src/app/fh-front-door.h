/* fh-front-door.h — where MASH decisions send families, and how fast
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "fh-page.h"

G_BEGIN_DECLS

#define FH_TYPE_FRONT_DOOR (fh_front_door_get_type ())
G_DECLARE_FINAL_TYPE (FhFrontDoor, fh_front_door, FH, FRONT_DOOR, GtkWidget)

/* Starts the section's queries in @page's current round (FH_PAGE_QUERY)
 * for the twelve whole months up to @as_at. */
void fh_front_door_load (FhFrontDoor *self,
                         FhPage      *page,
                         GDateTime   *as_at);

G_END_DECLS
