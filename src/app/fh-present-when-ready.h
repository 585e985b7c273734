/* fh-present-when-ready.h — show a new window once, with its figures
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fh-page.h"

G_BEGIN_DECLS

void fh_present_when_ready (GtkWindow *window,
                            FhPage    *page,
                            guint      max_wait_ms);

G_END_DECLS
