/* fh-settings.h — the app's GSettings, when its schema is installed
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* NULL (and a warning once) when the schema is not installed, so a build
 * run from its folder still works, only without remembering anything. */
GSettings *fh_settings_new (void);

G_END_DECLS
