/* fh-caseload-page.h — Core and Adolescence caseloads per worker
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fh-page.h"

G_BEGIN_DECLS

#define FH_TYPE_CASELOAD_PAGE (fh_caseload_page_get_type ())
G_DECLARE_FINAL_TYPE (FhCaseloadPage, fh_caseload_page, FH, CASELOAD_PAGE, FhPage)

/* The page's vertical box of sections: further sections are appended to it. */
GtkBox *fh_caseload_page_get_content_box (FhCaseloadPage *self);

G_END_DECLS
