/* fh-page-stack.h — the window's pages, found in its stack, loaded in turn
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fh-page.h"

G_BEGIN_DECLS

/* Every FhPage child of @stack, in its order (the switcher's). */
GPtrArray *fh_page_stack_get_pages      (GtkStack     *stack);
/* Whether any page is loading, and whether any shows an error. */
void       fh_page_stack_get_states     (GtkStack     *stack,
                                         gboolean     *loading,
                                         gboolean     *failed);
/* Whether any page shows an error of @domain and @code. */
gboolean   fh_page_stack_has_error      (GtkStack     *stack,
                                         GQuark        domain,
                                         int           code);
/* Every page shows "loading"; the one shown loads now, the others wait for
 * fh_page_stack_load_waiting() (or fh_page_stack_load_shown() when shown). */
void       fh_page_stack_load           (GtkStack     *stack,
                                         FhDatabase   *database,
                                         int           authority_id);
void       fh_page_stack_load_shown     (GtkStack     *stack);
void       fh_page_stack_load_waiting   (GtkStack     *stack);
void       fh_page_stack_show_loading   (GtkStack     *stack);
/* Every page shows @error; what they were loading is dropped. */
void       fh_page_stack_show_error     (GtkStack     *stack,
                                         const GError *error);

G_END_DECLS
