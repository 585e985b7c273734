/* fh-query-group.c — run N queries, keep the first error, call back when all are done
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A round is reference-counted: each query holds it (and the owner), so a
 * superseded round's late results find it cancelled and are dropped, while
 * the group has moved on to a new round.
 */
#include "fh-query-group.h"

typedef struct {
  gatomicrefcount  ref;
  GCancellable    *cancellable;
  guint            pending;
  GError          *error;
  gpointer         owner;       /* not owned: each query holds a reference */
  FhQueryDoneFunc  done;
} Round;

typedef struct {
  Round             *round;
  GObject           *owner;
  char              *name;
  FhQueryFinishFunc  finish;
  gint64             started;
} Query;

struct _FhQueryGroup
{
  gpointer         owner;
  FhQueryDoneFunc  done;
  Round           *round;
  GHashTable      *started;     /* name → count */
};

static Round *
round_new (FhQueryGroup *group)
{
  Round *r = g_new0 (Round, 1);

  g_atomic_ref_count_init (&r->ref);
  r->cancellable = g_cancellable_new ();
  r->owner = group->owner;
  r->done = group->done;
  return r;
}

static void
round_unref (Round *r)
{
  if (!g_atomic_ref_count_dec (&r->ref))
    return;
  g_clear_object (&r->cancellable);
  g_clear_error (&r->error);
  g_free (r);
}

FhQueryGroup *
fh_query_group_new (gpointer        owner,
                    FhQueryDoneFunc done)
{
  FhQueryGroup *self;

  g_return_val_if_fail (G_IS_OBJECT (owner), NULL);

  self = g_new0 (FhQueryGroup, 1);
  self->owner = owner;
  self->done = done;
  self->round = round_new (self);
  self->started = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
fh_query_group_free (FhQueryGroup *self)
{
  if (self == NULL)
    return;
  g_cancellable_cancel (self->round->cancellable);
  round_unref (self->round);
  g_hash_table_unref (self->started);
  g_free (self);
}

void
fh_query_group_cancel (FhQueryGroup *self)
{
  g_return_if_fail (self != NULL);

  g_cancellable_cancel (self->round->cancellable);
}

void
fh_query_group_restart (FhQueryGroup *self)
{
  g_return_if_fail (self != NULL);

  g_cancellable_cancel (self->round->cancellable);
  round_unref (self->round);
  self->round = round_new (self);
}

GCancellable *
fh_query_group_get_cancellable (FhQueryGroup *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->round->cancellable;
}

guint
fh_query_group_get_pending (FhQueryGroup *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->round->pending;
}

guint
fh_query_group_count_started (FhQueryGroup *self,
                              const char   *name)
{
  g_return_val_if_fail (self != NULL, 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->started, name));
}

gpointer
fh_query_group_add (FhQueryGroup      *self,
                    const char        *name,
                    FhQueryFinishFunc  finish)
{
  Query *q;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (finish != NULL, NULL);

  q = g_new0 (Query, 1);
  q->round = self->round;
  g_atomic_ref_count_inc (&q->round->ref);
  q->owner = g_object_ref (self->owner);
  q->name = g_strdup (name);
  q->finish = finish;
  q->started = g_get_monotonic_time ();
  self->round->pending++;
  g_hash_table_insert (self->started, g_strdup (name),
                       GUINT_TO_POINTER (fh_query_group_count_started (self, name) + 1));
  return q;
}

void
fh_query_group_callback (GObject      *source,
                         GAsyncResult *result,
                         gpointer      data)
{
  Query *q = data;
  Round *r = q->round;
  g_autoptr(GError) error = NULL;
  double ms = (g_get_monotonic_time () - q->started) / 1000.0;

  if (g_cancellable_is_cancelled (r->cancellable))
    {
      /* Superseded: the result is dropped with the task. */
      g_debug ("query %s: %.1f ms, superseded", q->name, ms);
    }
  else
    {
      if (!q->finish (q->owner, source, result, &error) && error == NULL)
        error = g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED, "query %s failed", q->name);
      g_debug ("query %s: %.1f ms%s%s", q->name, ms, error ? ", " : "", error ? error->message : "");
      /* The first real error wins; a query cancelled from elsewhere (the
       * database was closed) still counts, so the round is not taken as
       * complete with its results missing. */
      if (error != NULL
          && (r->error == NULL
              || (g_error_matches (r->error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                  && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))))
        {
          g_clear_error (&r->error);
          r->error = g_steal_pointer (&error);
        }
      if (--r->pending == 0 && r->done != NULL)
        r->done (q->owner, r->error);
    }

  round_unref (r);
  g_object_unref (q->owner);
  g_free (q->name);
  g_free (q);
}
