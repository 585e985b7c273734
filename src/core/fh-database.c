/* fh-database.c — the app's one door to PostgreSQL
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One worker thread per FhDatabase owns the PGconn; jobs reach it through a
 * GAsyncQueue and come back as GTask results in the caller's main context.
 * The only thing another thread touches is the PGcancel handle, under a
 * mutex, to stop the running query when its GCancellable fires.
 */
#include <glib/gi18n.h>

#include "fh-database-private.h"
#include "fh-pg-error.h"

#define DEFAULT_STATEMENT_TIMEOUT_MS 30000

typedef enum {
  JOB_CONNECT,
  JOB_QUERY,
  JOB_STOP,
} JobKind;

typedef struct {
  JobKind            kind;
  const FhQuerySpec *spec;
  char             **params;
  int                n_params;
  GTask             *task;
  guint64            serial;
} Job;

struct _FhDatabase
{
  GObject       parent_instance;

  char         *conninfo;
  guint         statement_timeout_ms;

  GThread      *thread;
  GAsyncQueue  *jobs;

  /* Owned by the worker thread only. */
  PGconn       *conn;

  /* Shared with the main thread, under @lock. */
  GMutex        lock;
  PGcancel     *cancel_handle;
  guint64       running_serial;   /* 0 when idle */
  guint64       next_serial;
  char         *description;
};

G_DEFINE_FINAL_TYPE (FhDatabase, fh_database, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CONNINFO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
job_free (Job *job)
{
  if (job->params != NULL)
    {
      for (int i = 0; i < job->n_params; i++)
        g_free (job->params[i]);
      g_free (job->params);
    }
  g_clear_object (&job->task);
  g_free (job);
}

/* ---- worker thread ----------------------------------------------------- */

static void
worker_disconnect (FhDatabase *self)
{
  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->cancel_handle, PQfreeCancel);
  g_clear_pointer (&self->description, g_free);
  g_mutex_unlock (&self->lock);

  g_clear_pointer (&self->conn, PQfinish);
}

/* Settings every session gets, whatever the connection text says. */
static gboolean
worker_configure_session (FhDatabase  *self,
                          GError     **error)
{
  static const char *sql =
    "SELECT set_config('default_transaction_read_only', 'on', false),"
    "       set_config('statement_timeout', $1, false),"
    "       set_config('DateStyle', 'ISO, YMD', false),"
    "       set_config('TimeZone', 'UTC', false),"
    "       to_regprocedure('reporting.ward_demand(integer,date,date,text,text,text,text,text,boolean)') IS NOT NULL";
  g_autofree char *timeout = g_strdup_printf ("%u", self->statement_timeout_ms);
  const char *params[] = { timeout };
  PGresult *result;
  gboolean has_reporting;

  result = PQexecParams (self->conn, sql, 1, NULL, params, NULL, NULL, 0);
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      *error = fh_pg_error_from_result (self->conn, result, FALSE, self->statement_timeout_ms);
      PQclear (result);
      return FALSE;
    }

  has_reporting = g_strcmp0 (PQgetvalue (result, 0, 4), "t") == 0;
  PQclear (result);

  if (!has_reporting)
    {
      g_set_error (error, FH_DATABASE_ERROR, FH_DATABASE_ERROR_SCHEMA,
                   _("The database “%s” does not have the Family Help reporting layer, or "
                     "your account cannot see it. Ask your data team to install data/sql "
                     "from this version of the dashboard and grant your account the "
                     "fh_reader role."),
                   PQdb (self->conn));
      return FALSE;
    }

  return TRUE;
}

static gboolean
worker_connect (FhDatabase  *self,
                GError     **error)
{
  const char *keywords[] = { "connect_timeout", "fallback_application_name", "dbname", NULL };
  const char *values[] = { "10", "family-help-dashboard", self->conninfo, NULL };
  PQconninfoOption *parsed;
  char *parse_error = NULL;
  g_autofree char *server = NULL;

  worker_disconnect (self);

  /* Catch a malformed connection text before libpq tries the network. */
  if (self->conninfo[0] != '\0')
    {
      parsed = PQconninfoParse (self->conninfo, &parse_error);
      if (parsed == NULL)
        {
          *error = fh_pg_error_from_conninfo (parse_error);
          PQfreemem (parse_error);
          return FALSE;
        }
      PQconninfoFree (parsed);
    }

  self->conn = PQconnectdbParams (keywords, values, 1);
  if (self->conn == NULL)
    {
      g_set_error_literal (error, FH_DATABASE_ERROR, FH_DATABASE_ERROR_UNREACHABLE,
                           _("Out of memory while connecting to the database."));
      return FALSE;
    }

  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      *error = fh_pg_error_from_connect (self->conn);
      g_clear_pointer (&self->conn, PQfinish);
      return FALSE;
    }

  if (!worker_configure_session (self, error))
    {
      g_clear_pointer (&self->conn, PQfinish);
      return FALSE;
    }

  server = fh_pg_describe_server (self->conn);

  g_mutex_lock (&self->lock);
  self->cancel_handle = PQgetCancel (self->conn);
  /* Translators: "familyhelp on db.example.org:5432 as fh_reader" */
  self->description = g_strdup_printf (_("%s on %s as %s"),
                                       PQdb (self->conn), server, PQuser (self->conn));
  g_mutex_unlock (&self->lock);

  return TRUE;
}

/* Sending a cancel request opens a new connection to the server, which may
 * take a while when the network is slow: it runs in a pool thread, never on
 * the thread that cancelled (usually the main loop). */
static void
send_cancel_in_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  FhDatabase *self = source_object;
  guint64 serial = *(guint64 *) task_data;
  char message[256];

  g_mutex_lock (&self->lock);
  if (self->running_serial == serial && self->cancel_handle != NULL)
    PQcancel (self->cancel_handle, message, sizeof message);
  g_mutex_unlock (&self->lock);

  g_task_return_boolean (task, TRUE);
}

static void
on_job_cancelled (GCancellable *cancellable,
                  gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GTask) task = g_task_new (g_task_get_source_object (job->task), NULL, NULL, NULL);

  g_task_set_task_data (task, g_memdup2 (&job->serial, sizeof job->serial), g_free);
  g_task_run_in_thread (task, send_cancel_in_thread);
}

static void
worker_run_query (FhDatabase *self,
                  Job        *job)
{
  GCancellable *cancellable = g_task_get_cancellable (job->task);
  const FhQuerySpec *spec = job->spec;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  PGresult *result;
  gulong handler = 0;
  gboolean cancelled;
  int n_rows;

  if (self->conn == NULL)
    {
      g_task_return_new_error (job->task, FH_DATABASE_ERROR, FH_DATABASE_ERROR_NOT_CONNECTED,
                               _("Not connected to a database. Choose “Connect to Database…” "
                                 "from the menu."));
      return;
    }

  /* A server restart or network drop: try once to reconnect before the query. */
  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      PQreset (self->conn);
      if (PQstatus (self->conn) != CONNECTION_OK || !worker_configure_session (self, &error))
        {
          if (error == NULL)
            error = fh_pg_error_from_connect (self->conn);
          g_task_return_error (job->task, g_steal_pointer (&error));
          return;
        }
      g_mutex_lock (&self->lock);
      g_clear_pointer (&self->cancel_handle, PQfreeCancel);
      self->cancel_handle = PQgetCancel (self->conn);
      g_mutex_unlock (&self->lock);
    }

  g_mutex_lock (&self->lock);
  self->running_serial = job->serial;
  g_mutex_unlock (&self->lock);

  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (on_job_cancelled), job, NULL);

  if (g_cancellable_is_cancelled (cancellable))
    result = NULL;
  else
    result = PQexecParams (self->conn, spec->sql, job->n_params, NULL,
                           (const char * const *) job->params, NULL, NULL, 0);

  if (cancellable != NULL)
    g_cancellable_disconnect (cancellable, handler);

  g_mutex_lock (&self->lock);
  self->running_serial = 0;
  g_mutex_unlock (&self->lock);

  cancelled = g_cancellable_is_cancelled (cancellable);

  if (cancelled)
    {
      g_clear_pointer (&result, PQclear);
      g_task_return_new_error (job->task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("The query was cancelled."));
      return;
    }

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      g_task_return_error (job->task,
                           fh_pg_error_from_result (self->conn, result, FALSE,
                                                    self->statement_timeout_ms));
      PQclear (result);
      return;
    }

  if (PQnfields (result) != spec->n_columns)
    {
      g_task_return_new_error (job->task, FH_DATABASE_ERROR, FH_DATABASE_ERROR_SCHEMA,
                               _("The reporting layer answered with %d columns where %d were "
                                 "expected: it is a different version from this dashboard."),
                               PQnfields (result), spec->n_columns);
      PQclear (result);
      return;
    }

  n_rows = PQntuples (result);

  if (spec->single)
    {
      gpointer item = n_rows > 0 ? spec->parse_row (result, 0) : NULL;
      PQclear (result);
      g_task_return_pointer (job->task, item, spec->free_item);
      return;
    }

  items = g_ptr_array_new_full (n_rows, spec->free_item);
  for (int row = 0; row < n_rows; row++)
    g_ptr_array_add (items, spec->parse_row (result, row));
  PQclear (result);

  g_task_return_pointer (job->task, g_steal_pointer (&items), (GDestroyNotify) g_ptr_array_unref);
}

static gpointer
worker_main (gpointer data)
{
  FhDatabase *self = data;

  for (;;)
    {
      Job *job = g_async_queue_pop (self->jobs);

      if (job->kind == JOB_STOP)
        {
          job_free (job);
          break;
        }

      if (g_task_return_error_if_cancelled (job->task))
        {
          job_free (job);
          continue;
        }

      if (job->kind == JOB_CONNECT)
        {
          g_autoptr(GError) error = NULL;

          if (worker_connect (self, &error))
            g_task_return_boolean (job->task, TRUE);
          else
            g_task_return_error (job->task, g_steal_pointer (&error));
        }
      else
        {
          worker_run_query (self, job);
        }

      job_free (job);
    }

  worker_disconnect (self);
  return NULL;
}

static void
fh_database_push (FhDatabase *self,
                  Job        *job)
{
  if (self->thread == NULL)
    self->thread = g_thread_new ("fh-database", worker_main, self);

  g_async_queue_push (self->jobs, job);
}

/* ---- GObject ------------------------------------------------------------ */

static void
fh_database_finalize (GObject *object)
{
  FhDatabase *self = (FhDatabase *) object;

  if (self->thread != NULL)
    {
      Job *stop = g_new0 (Job, 1);

      stop->kind = JOB_STOP;
      g_async_queue_push (self->jobs, stop);

      /* Every queued job holds a reference on us through its GTask, so the
       * queue is empty here; the last reference is dropped on the main
       * thread in all but pathological cases, where we must not join. */
      if (g_thread_self () == self->thread)
        g_thread_unref (self->thread);
      else
        g_thread_join (self->thread);
      self->thread = NULL;
    }

  g_async_queue_unref (self->jobs);
  g_clear_pointer (&self->conn, PQfinish);
  g_clear_pointer (&self->cancel_handle, PQfreeCancel);
  g_free (self->description);
  g_free (self->conninfo);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (fh_database_parent_class)->finalize (object);
}

static void
fh_database_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  FhDatabase *self = FH_DATABASE (object);

  switch (prop_id)
    {
    case PROP_CONNINFO:
      g_value_set_string (value, self->conninfo);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fh_database_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  FhDatabase *self = FH_DATABASE (object);

  switch (prop_id)
    {
    case PROP_CONNINFO:
      g_free (self->conninfo);
      self->conninfo = g_strdup (g_value_get_string (value));
      if (self->conninfo == NULL)
        self->conninfo = g_strdup ("");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fh_database_class_init (FhDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fh_database_finalize;
  object_class->get_property = fh_database_get_property;
  object_class->set_property = fh_database_set_property;

  properties[PROP_CONNINFO] =
    g_param_spec_string ("conninfo", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fh_database_init (FhDatabase *self)
{
  g_mutex_init (&self->lock);
  self->jobs = g_async_queue_new ();
  self->statement_timeout_ms = DEFAULT_STATEMENT_TIMEOUT_MS;
  self->conninfo = g_strdup ("");
}

/* ---- public API --------------------------------------------------------- */

FhDatabase *
fh_database_new (const char *conninfo)
{
  return g_object_new (FH_TYPE_DATABASE, "conninfo", conninfo ? conninfo : "", NULL);
}

const char *
fh_database_get_conninfo (FhDatabase *self)
{
  g_return_val_if_fail (FH_IS_DATABASE (self), NULL);

  return self->conninfo;
}

const char *
fh_database_get_description (FhDatabase *self)
{
  const char *description;

  g_return_val_if_fail (FH_IS_DATABASE (self), NULL);

  /* Written by the worker before it completes the connect task, and only
   * replaced by a later connect, so the pointer is safe on the main thread
   * between connects. */
  g_mutex_lock (&self->lock);
  description = self->description;
  g_mutex_unlock (&self->lock);

  return description;
}

gboolean
fh_database_is_connected (FhDatabase *self)
{
  g_return_val_if_fail (FH_IS_DATABASE (self), FALSE);

  return fh_database_get_description (self) != NULL;
}

void
fh_database_set_statement_timeout (FhDatabase *self,
                                   guint       timeout_ms)
{
  g_return_if_fail (FH_IS_DATABASE (self));

  self->statement_timeout_ms = timeout_ms;
}

void
fh_database_connect_async (FhDatabase          *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  Job *job;

  g_return_if_fail (FH_IS_DATABASE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (Job, 1);
  job->kind = JOB_CONNECT;
  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, fh_database_connect_async);
  g_task_set_return_on_cancel (job->task, FALSE);

  fh_database_push (self, job);
}

gboolean
fh_database_connect_finish (FhDatabase    *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (FH_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
fh_database_submit (FhDatabase          *self,
                    const FhQuerySpec   *spec,
                    char               **params,
                    int                  n_params,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data,
                    gpointer             source_tag)
{
  Job *job;

  job = g_new0 (Job, 1);
  job->kind = JOB_QUERY;
  job->spec = spec;
  job->params = params;
  job->n_params = n_params;
  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, source_tag);
  job->serial = ++self->next_serial;

  fh_database_push (self, job);
}
