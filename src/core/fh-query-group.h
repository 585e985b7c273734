/* fh-query-group.h — run N queries, keep the first error, call back when all are done
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page starts several fh_database_*_async() calls that together make what
 * it shows. Pass FH_QUERY (group, "name", finish) as the call's last three
 * arguments (cancellable, callback, user data): @finish takes the result
 * (it calls the _finish() function and keeps the value); when every query of
 * the round has finished, the group's done function is called once with the
 * first error, or NULL. fh_query_group_restart() cancels the round under
 * way: its late results are dropped, never handed to @finish. Each query's
 * name and time are logged with g_debug (G_MESSAGES_DEBUG=all shows them).
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _FhQueryGroup FhQueryGroup;

/* Takes the result of one query; FALSE with @error set when it failed. */
typedef gboolean (*FhQueryFinishFunc) (gpointer       owner,
                                       GObject       *source,
                                       GAsyncResult  *result,
                                       GError       **error);
/* Every query of the round has finished: @error is the first failure or NULL. */
typedef void     (*FhQueryDoneFunc)   (gpointer       owner,
                                       const GError  *error);

FhQueryGroup *fh_query_group_new             (gpointer          owner,
                                              FhQueryDoneFunc   done);
void          fh_query_group_free            (FhQueryGroup     *self);
/* Cancels the round under way and starts a new, empty one. */
void          fh_query_group_restart         (FhQueryGroup     *self);
void          fh_query_group_cancel          (FhQueryGroup     *self);
GCancellable *fh_query_group_get_cancellable (FhQueryGroup     *self);
/* The user data of one async call of the current round. */
gpointer      fh_query_group_add             (FhQueryGroup     *self,
                                              const char       *name,
                                              FhQueryFinishFunc finish);
/* The callback of every async call counted by a group. */
void          fh_query_group_callback        (GObject          *source,
                                              GAsyncResult     *result,
                                              gpointer          query);
guint         fh_query_group_get_pending     (FhQueryGroup     *self);
/* How many queries called @name this group has started, for tests. */
guint         fh_query_group_count_started   (FhQueryGroup     *self,
                                              const char       *name);

#define FH_QUERY(group, name, finish) \
  fh_query_group_get_cancellable (group), fh_query_group_callback, fh_query_group_add ((group), (name), (finish))

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FhQueryGroup, fh_query_group_free)

G_END_DECLS
