/* fh-session-privileges.h — what the connected role may do
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dashboard only needs fh_reader (or fh_manager). A login that is a
 * superuser or can write to the data is more power than it needs, and the
 * window says so.
 */
#pragma once

#include "fh-database.h"

G_BEGIN_DECLS

typedef struct {
  char     *role_name;
  gboolean  is_superuser;
  gboolean  can_write;        /* INSERT, UPDATE, DELETE or TRUNCATE on any data table */
  gboolean  exact_allowed;    /* an fh_manager: may ask for exact figures */
} FhSessionPrivileges;

void                 fh_session_privileges_free          (FhSessionPrivileges *self);
/* TRUE when the role has more power than the dashboard needs. */
gboolean             fh_session_privileges_is_excessive  (const FhSessionPrivileges *self);
/* What to tell the user when it is (a sentence that names the role and
 * asks for fh_reader); NULL when it is not. */
char                *fh_session_privileges_describe_excess (const FhSessionPrivileges *self);

void                 fh_database_session_privileges_async  (FhDatabase          *self,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
FhSessionPrivileges *fh_database_session_privileges_finish (FhDatabase          *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FhSessionPrivileges, fh_session_privileges_free)

G_END_DECLS
