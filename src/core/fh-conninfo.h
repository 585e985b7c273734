/* fh-conninfo.h — connection texts as the app may keep them
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app never stores a password: passwords come from ~/.pgpass or
 * PGPASSWORD. Before a connection text is remembered, its password goes.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @conninfo (keyword=value text or a postgresql:// URI) without any
 * password. Text with no password comes back unchanged; text with one comes
 * back as keyword=value pairs holding everything else. NULL when libpq
 * cannot parse it (then there is nothing worth remembering). */
char     *fh_conninfo_without_password (const char *conninfo);

/* Whether @conninfo carries a password. */
gboolean  fh_conninfo_has_password     (const char *conninfo);

G_END_DECLS
