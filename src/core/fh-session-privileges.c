/* fh-session-privileges.c — what the connected role may do
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "fh-database-private.h"
#include "fh-pg-value.h"
#include "fh-session-privileges.h"

void
fh_session_privileges_free (FhSessionPrivileges *self)
{
  if (self == NULL)
    return;
  g_free (self->role_name);
  g_free (self);
}

gboolean
fh_session_privileges_is_excessive (const FhSessionPrivileges *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->is_superuser || self->can_write;
}

char *
fh_session_privileges_describe_excess (const FhSessionPrivileges *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->is_superuser)
    return g_strdup_printf (_("Connected as “%s”, a database superuser. The dashboard only needs "
                              "the read-only role fh_reader: ask your data team for a login with "
                              "that role and connect with it."), self->role_name);
  if (self->can_write)
    return g_strdup_printf (_("Connected as “%s”, which can change the Family Help data. The "
                              "dashboard only needs the read-only role fh_reader: ask your data "
                              "team for a login with that role and connect with it."), self->role_name);
  return NULL;
}

static gpointer
parse_privileges (const PGresult *r, int row)
{
  FhSessionPrivileges *p = g_new0 (FhSessionPrivileges, 1);

  p->role_name = fh_pg_value_text (r, row, 0);
  p->is_superuser = fh_pg_value_bool (r, row, 1);
  p->can_write = fh_pg_value_bool (r, row, 2);
  p->exact_allowed = fh_pg_value_bool (r, row, 3);
  return p;
}

static const FhQuerySpec privileges_spec = {
  "SELECT role_name, is_superuser, can_write, exact_allowed FROM reporting.session_privileges()",
  4, parse_privileges, (GDestroyNotify) fh_session_privileges_free, TRUE
};

void
fh_database_session_privileges_async (FhDatabase          *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (FH_IS_DATABASE (self));

  fh_database_submit (self, &privileges_spec, g_new0 (char *, 1), 0,
                      cancellable, callback, user_data, fh_database_session_privileges_async);
}

FhSessionPrivileges *
fh_database_session_privileges_finish (FhDatabase    *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return fh_database_finish (self, result, fh_database_session_privileges_async, error);
}
