/* test-query-group.c — N queries, the first error, one call when all are done
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The "queries" are GTasks that return an integer (or an error) from an idle,
 * so they finish in the order they were started, as the database's do.
 */
#include <gio/gio.h>

#include "fh-query-group.h"

static int  sum;
static int  done_calls;
static char *done_error;

static gboolean
return_later (gpointer data)
{
  GTask *task = data;
  int value = GPOINTER_TO_INT (g_task_get_task_data (task));

  if (g_task_return_error_if_cancelled (task))
    ;
  else if (value < 0)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "query %d failed", -value);
  else
    g_task_return_int (task, value);
  g_object_unref (task);
  return G_SOURCE_REMOVE;
}

static void
fake_query_async (GObject *source, int value, GCancellable *cancellable,
                  GAsyncReadyCallback callback, gpointer user_data)
{
  GTask *task = g_task_new (source, cancellable, callback, user_data);

  g_task_set_task_data (task, GINT_TO_POINTER (value), NULL);
  g_idle_add (return_later, task);
}

static gboolean
finish_value (gpointer owner, GObject *source, GAsyncResult *result, GError **error)
{
  gssize v = g_task_propagate_int (G_TASK (result), error);

  if (v < 0)
    return FALSE;
  sum += v;
  return TRUE;
}

static void
on_done (gpointer owner, const GError *error)
{
  done_calls++;
  g_free (done_error);
  done_error = error ? g_strdup (error->message) : NULL;
}

static void
run_until_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
reset (void)
{
  sum = 0;
  done_calls = 0;
  g_clear_pointer (&done_error, g_free);
}

static void
test_all_done (void)
{
  g_autoptr(GObject) owner = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(FhQueryGroup) group = fh_query_group_new (owner, on_done);

  reset ();
  fake_query_async (owner, 1, FH_QUERY (group, "one", finish_value));
  fake_query_async (owner, 20, FH_QUERY (group, "twenty", finish_value));
  fake_query_async (owner, 300, FH_QUERY (group, "three hundred", finish_value));
  g_assert_cmpuint (fh_query_group_get_pending (group), ==, 3);
  g_assert_cmpint (done_calls, ==, 0);
  run_until_idle ();
  g_assert_cmpint (sum, ==, 321);
  g_assert_cmpint (done_calls, ==, 1);
  g_assert_null (done_error);
  g_assert_cmpuint (fh_query_group_get_pending (group), ==, 0);
  g_assert_cmpuint (fh_query_group_count_started (group, "twenty"), ==, 1);
  g_assert_cmpuint (fh_query_group_count_started (group, "none"), ==, 0);
}

static void
test_first_error (void)
{
  g_autoptr(GObject) owner = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(FhQueryGroup) group = fh_query_group_new (owner, on_done);

  reset ();
  fake_query_async (owner, 5, FH_QUERY (group, "five", finish_value));
  fake_query_async (owner, -2, FH_QUERY (group, "bad two", finish_value));
  fake_query_async (owner, -3, FH_QUERY (group, "bad three", finish_value));
  fake_query_async (owner, 7, FH_QUERY (group, "seven", finish_value));
  run_until_idle ();
  /* every query ran to the end; the first failure is the one reported, once */
  g_assert_cmpint (sum, ==, 12);
  g_assert_cmpint (done_calls, ==, 1);
  g_assert_cmpstr (done_error, ==, "query 2 failed");
}

/* A query cancelled from elsewhere (its database closed) while the round
 * itself goes on: the round does not count as loaded; a real error still
 * wins over the cancellation. */
static void
test_cancelled_elsewhere (void)
{
  g_autoptr(GObject) owner = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(FhQueryGroup) group = fh_query_group_new (owner, on_done);
  g_autoptr(GCancellable) elsewhere = g_cancellable_new ();
  gpointer q;

  reset ();
  fake_query_async (owner, 5, FH_QUERY (group, "five", finish_value));
  q = fh_query_group_add (group, "closed", finish_value);
  fake_query_async (owner, 1, elsewhere, fh_query_group_callback, q);
  g_cancellable_cancel (elsewhere);
  run_until_idle ();
  g_assert_cmpint (done_calls, ==, 1);
  g_assert_nonnull (done_error);   /* not NULL: nothing may take it as complete */

  reset ();
  q = fh_query_group_add (group, "closed again", finish_value);
  fake_query_async (owner, 1, elsewhere, fh_query_group_callback, q);
  fake_query_async (owner, -4, FH_QUERY (group, "bad four", finish_value));
  run_until_idle ();
  g_assert_cmpstr (done_error, ==, "query 4 failed");
}

static void
test_restart_drops_late_results (void)
{
  g_autoptr(GObject) owner = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(FhQueryGroup) group = fh_query_group_new (owner, on_done);

  reset ();
  fake_query_async (owner, 1000, FH_QUERY (group, "old", finish_value));
  fake_query_async (owner, 2000, FH_QUERY (group, "old", finish_value));
  fh_query_group_restart (group);
  fake_query_async (owner, 4, FH_QUERY (group, "new", finish_value));
  g_assert_cmpuint (fh_query_group_get_pending (group), ==, 1);
  run_until_idle ();
  /* only the new round's value, and one call for it */
  g_assert_cmpint (sum, ==, 4);
  g_assert_cmpint (done_calls, ==, 1);
  g_assert_null (done_error);
  g_assert_cmpuint (fh_query_group_count_started (group, "old"), ==, 2);
}

static void
test_freed_group_cancels (void)
{
  g_autoptr(GObject) owner = g_object_new (G_TYPE_OBJECT, NULL);
  FhQueryGroup *group = fh_query_group_new (owner, on_done);

  reset ();
  fake_query_async (owner, 9, FH_QUERY (group, "orphan", finish_value));
  fh_query_group_free (group);
  run_until_idle ();
  g_assert_cmpint (sum, ==, 0);
  g_assert_cmpint (done_calls, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/query-group/all-done", test_all_done);
  g_test_add_func ("/core/query-group/first-error", test_first_error);
  g_test_add_func ("/core/query-group/cancelled-elsewhere", test_cancelled_elsewhere);
  g_test_add_func ("/core/query-group/restart-drops-late-results", test_restart_drops_late_results);
  g_test_add_func ("/core/query-group/freed-group-cancels", test_freed_group_cancels);
  return g_test_run ();
}
