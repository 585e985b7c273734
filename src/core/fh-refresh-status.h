/* fh-refresh-status.h — the status line's words: where the data came from
 * and whether the last refresh worked
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *authority_name;   /* NULL: not chosen yet */
  const char *description;      /* the database; NULL: not connected */
  GDateTime  *extracted_at;     /* when the data were extracted, or NULL */
  GDateTime  *refreshed_at;     /* the last refresh that worked, or NULL */
  GDateTime  *failed_at;        /* the last refresh that failed, or NULL */
  gboolean    refreshing;
  gboolean    failed;           /* a page shows an error now */
} FhRefreshStatus;

/* "Nottingham City · familyhelp on … · data extracted 1 Nov 2026 06:00 ·
 * refreshed 10:40:21"; a failed refresh is never called refreshed. */
char *fh_refresh_status_format (const FhRefreshStatus *status);

G_END_DECLS
