/* fh-priorities-page.h — progress against the strategy's four priorities
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fh-page.h"

G_BEGIN_DECLS

#define FH_TYPE_PRIORITIES_PAGE (fh_priorities_page_get_type ())
G_DECLARE_FINAL_TYPE (FhPrioritiesPage, fh_priorities_page, FH, PRIORITIES_PAGE, FhPage)

char       *fh_indicator_format_value        (double      value,
                                              const char *unit);

G_END_DECLS
