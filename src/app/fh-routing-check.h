/* fh-routing-check.h — adolescents in Core whose needs meet the Adolescence criteria
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "fh-page.h"

G_BEGIN_DECLS

#define FH_TYPE_ROUTING_CHECK (fh_routing_check_get_type ())
G_DECLARE_FINAL_TYPE (FhRoutingCheck, fh_routing_check, FH, ROUTING_CHECK, GtkWidget)

/* Starts the section's queries in @page's current round (FH_PAGE_QUERY).
 * The list of episodes to review is asked for only when the connected role
 * is a manager, outside the page's round, and stays hidden otherwise. */
void fh_routing_check_load (FhRoutingCheck *self,
                            FhPage         *page,
                            GDateTime      *as_at);

G_END_DECLS
