/* fh-database.c — the app's one door to PostgreSQL
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small pool of worker threads, each owning its own PGconn (opened when it
 * first needs one), takes jobs from one GAsyncQueue, so a query that waits on
 * a locked table or a slow plan does not hold up the other pages' queries.
 * Results come back as GTask results in the caller's main context.
 *
 * Lifetimes: the workers never touch the FhDatabase. What they use (the
 * queue, the connection text, the settings, the description) lives in a
 * reference-counted FhDatabaseShared that each worker holds, so the
 * FhDatabase may be finalised on any thread — including a worker, when a
 * job's GTask held the last reference — and the workers still run on safe
 * memory until they read their stop job.
 *
 * Blocking: no lock is ever held across a libpq call. Queries run through
 * libpq's non-blocking interface with poll(), watching the socket, the job's
 * GCancellable and the database's "closing" GCancellable, against a
 * client-side deadline (the statement timeout plus a margin), so a black-holed
 * network ends in an error instead of a page that says "Loading" for ever.
 * A cancel request (PQcancel opens a new connection, and may block) is sent
 * from a short-lived thread of its own holding its own PGcancel. Connections
 * get libpq's connect_timeout and TCP keepalives / tcp_user_timeout unless
 * the connection text sets them.
 */
#include <glib/gi18n.h>
#include <errno.h>
#include <string.h>

#include "fh-database-private.h"
#include "fh-pg-error.h"

#define DEFAULT_STATEMENT_TIMEOUT_MS 30000
/* How long past the statement timeout the client waits before it gives up
 * on the server: long enough for the server's own timeout error to arrive. */
#define DEADLINE_MARGIN_MS           5000
/* After a cancel request, how long to wait for the server to confirm. */
#define CANCEL_GRACE_MS              2000
/* Session set-up after connecting. */
#define CONFIGURE_DEADLINE_MS        15000
/* libpq's startup packet is at most 10000 bytes; longer text cannot work. */
#define CONNINFO_MAX_LENGTH          10000

typedef enum {
  JOB_CONNECT,
  JOB_QUERY,
  JOB_STOP,
} JobKind;

/* Where a job is; the cancel handlers return a job at once unless a worker
 * is running its query (then the worker stops it on the server first). */
enum {
  JOB_QUEUED,
  JOB_CONNECTING,
  JOB_RUNNING,
};

typedef struct _FhDatabaseShared FhDatabaseShared;

typedef struct {
  JobKind            kind;
  const FhQuerySpec *spec;
  char             **params;
  int                n_params;
  GTask             *task;
  GCancellable      *cancellable;     /* the caller's, or NULL */
  GCancellable      *closing;         /* the database's */
  gulong             cancel_handler;
  gulong             closing_handler;
  int                state;           /* atomic */
  int                returned;        /* atomic: the task has its result */
  gint64             submitted;       /* monotonic time it was queued */
} Job;

struct _FhDatabaseShared
{
  char         *conninfo;
  GAsyncQueue  *jobs;
  GCancellable *closing;
  int           statement_timeout_ms;   /* atomic */
  int           exact_figures;          /* atomic: p_exact for the reporting functions */
  int           ever_connected;         /* atomic */
  int           connect_requested;      /* atomic: fh_database_connect_async() was called */
  int           connected;              /* atomic */
  int           n_workers;

  /* For "notify" in the creator's main context; the workers only ever
   * schedule it there, never touch the object. */
  GMainContext *context;
  GWeakRef      self;

  GMutex        lock;                   /* guards the four below; never held across libpq */
  char         *description;
  GPtrArray    *old_descriptions;       /* kept so returned pointers stay valid */
  /* The last time the server could not be reached, and why: jobs queued
   * before it (the same refresh) get the same answer at once instead of
   * each waiting out its own timeout on a dead network. */
  gint64        failure_time;
  GError       *failure;
};

typedef struct {
  FhDatabaseShared *shared;
  PGconn           *conn;
  int               applied_timeout_ms;   /* the app's setting last applied, -1 none */
  int               limit_timeout_ms;     /* the session's own at connect (role, database,
                                           * options=-c …), 0 if none */
  int               effective_timeout_ms; /* what the session runs with */
  char             *server;     /* "host:port" of the last connection, for messages */
} Worker;

typedef enum {
  OUTCOME_OK,          /* @result holds the server's answer, good or bad */
  OUTCOME_LOST,        /* the connection broke */
  OUTCOME_CANCELLED,
  OUTCOME_CLOSED,
  OUTCOME_DEADLINE,    /* the server stopped answering */
} Outcome;

struct _FhDatabase
{
  GObject           parent_instance;

  FhDatabaseShared *shared;
  GThread         **threads;      /* shared->n_workers of them, started on first use */
  gboolean          closed;
};

G_DEFINE_FINAL_TYPE (FhDatabase, fh_database, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CONNINFO,
  PROP_CONNECTED,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- shared state ------------------------------------------------------- */

static void
shared_clear (FhDatabaseShared *shared)
{
  g_free (shared->conninfo);
  g_async_queue_unref (shared->jobs);
  g_object_unref (shared->closing);
  g_free (shared->description);
  g_ptr_array_unref (shared->old_descriptions);
  g_clear_error (&shared->failure);
  g_weak_ref_clear (&shared->self);
  g_main_context_unref (shared->context);
  g_mutex_clear (&shared->lock);
}

static FhDatabaseShared *
shared_new (void)
{
  FhDatabaseShared *shared = g_atomic_rc_box_new0 (FhDatabaseShared);

  shared->conninfo = g_strdup ("");
  shared->jobs = g_async_queue_new ();
  shared->closing = g_cancellable_new ();
  shared->statement_timeout_ms = DEFAULT_STATEMENT_TIMEOUT_MS;
  shared->n_workers = FH_DATABASE_DEFAULT_WORKERS;
  shared->old_descriptions = g_ptr_array_new_with_free_func (g_free);
  shared->context = g_main_context_ref_thread_default ();
  g_mutex_init (&shared->lock);
  return shared;
}

static void
shared_unref (FhDatabaseShared *shared)
{
  g_atomic_rc_box_release_full (shared, (GDestroyNotify) shared_clear);
}

typedef struct {
  FhDatabaseShared *shared;
  guint             prop_id;
} Notify;

static gboolean
notify_in_context (gpointer data)
{
  Notify *notify = data;
  g_autoptr(GObject) self = g_weak_ref_get (&notify->shared->self);

  if (self != NULL)
    g_object_notify_by_pspec (self, properties[notify->prop_id]);
  return G_SOURCE_REMOVE;
}

static void
notify_free (Notify *notify)
{
  shared_unref (notify->shared);
  g_free (notify);
}

/* From a worker: tells the creator's main context that a property changed.
 * Same priority as a GTask's result, and queued before it, so a callback
 * that follows sees the notification already delivered. */
static void
shared_changed (FhDatabaseShared *shared,
                guint             prop_id)
{
  Notify *notify = g_new0 (Notify, 1);

  notify->shared = g_atomic_rc_box_acquire (shared);
  notify->prop_id = prop_id;
  g_main_context_invoke_full (shared->context, G_PRIORITY_DEFAULT, notify_in_context,
                              notify, (GDestroyNotify) notify_free);
}

static void
shared_set_connected (FhDatabaseShared *shared,
                      gboolean          connected)
{
  if (connected)
    g_atomic_int_set (&shared->ever_connected, TRUE);
  if (g_atomic_int_exchange (&shared->connected, connected) != connected)
    shared_changed (shared, PROP_CONNECTED);
}

static void
shared_record_failure (FhDatabaseShared *shared,
                       const GError     *error)
{
  g_mutex_lock (&shared->lock);
  g_clear_error (&shared->failure);
  shared->failure = g_error_copy (error);
  shared->failure_time = g_get_monotonic_time ();
  g_mutex_unlock (&shared->lock);
}

static void
shared_clear_failure (FhDatabaseShared *shared)
{
  g_mutex_lock (&shared->lock);
  g_clear_error (&shared->failure);
  g_mutex_unlock (&shared->lock);
}

/* The failure a job queued at @submitted shares, or NULL. */
static GError *
shared_failure_since (FhDatabaseShared *shared,
                      gint64            submitted)
{
  GError *error = NULL;

  g_mutex_lock (&shared->lock);
  if (shared->failure != NULL && submitted < shared->failure_time)
    error = g_error_copy (shared->failure);
  g_mutex_unlock (&shared->lock);
  return error;
}

static void
shared_set_description (FhDatabaseShared *shared,
                        PGconn           *conn)
{
  g_autofree char *server = fh_pg_describe_server (conn);
  /* Translators: "familyhelp on db.example.org:5432 as fh_reader" */
  g_autofree char *text = g_strdup_printf (_("%s on %s as %s"),
                                           PQdb (conn), server, PQuser (conn));
  gboolean changed = FALSE;

  g_mutex_lock (&shared->lock);
  if (g_strcmp0 (shared->description, text) != 0)
    {
      /* A caller may hold the old pointer: keep it, once per distinct text. */
      if (shared->description != NULL)
        {
          guint i;

          for (i = 0; i < shared->old_descriptions->len; i++)
            if (g_str_equal (g_ptr_array_index (shared->old_descriptions, i), shared->description))
              break;
          if (i == shared->old_descriptions->len)
            g_ptr_array_add (shared->old_descriptions, g_steal_pointer (&shared->description));
          else
            g_clear_pointer (&shared->description, g_free);
        }
      shared->description = g_steal_pointer (&text);
      changed = TRUE;
    }
  g_mutex_unlock (&shared->lock);

  if (changed)
    shared_changed (shared, PROP_DESCRIPTION);
}

/* ---- jobs --------------------------------------------------------------- */

static gboolean
job_claim (Job *job)
{
  return g_atomic_int_compare_and_exchange (&job->returned, FALSE, TRUE);
}

static void
job_return_error (Job    *job,
                  GError *error)
{
  if (job_claim (job))
    g_task_return_error (job->task, error);
  else
    g_error_free (error);
}

static void
job_return_cancelled (Job      *job,
                      gboolean  closed)
{
  if (!job_claim (job))
    return;

  if (closed)
    g_task_return_new_error (job->task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             _("The connection to the database was closed."));
  else
    g_task_return_new_error (job->task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             _("The query was cancelled."));
}

/* Runs in whichever thread cancelled. A job still waiting in the queue, or
 * waiting for its worker to connect, is answered at once; a running query
 * is stopped on the server by its worker, which then answers. */
static void
on_job_cancelled (GCancellable *cancellable,
                  gpointer      user_data)
{
  Job *job = user_data;

  if (g_atomic_int_get (&job->state) != JOB_RUNNING)
    job_return_cancelled (job, cancellable == job->closing);
}

static Job *
job_new (FhDatabase   *self,
         JobKind       kind,
         GCancellable *cancellable,
         GAsyncReadyCallback callback,
         gpointer      user_data,
         gpointer      source_tag)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, source_tag);
  job->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  job->closing = g_object_ref (self->shared->closing);
  job->state = JOB_QUEUED;
  job->submitted = g_get_monotonic_time ();
  return job;
}

/* A handler may run at once (already cancelled) and answer the job. */
static void
job_watch (Job *job)
{
  if (job->cancellable != NULL)
    job->cancel_handler = g_cancellable_connect (job->cancellable,
                                                 G_CALLBACK (on_job_cancelled), job, NULL);
  job->closing_handler = g_cancellable_connect (job->closing,
                                                G_CALLBACK (on_job_cancelled), job, NULL);
}

static void
job_free (Job *job)
{
  if (job->cancellable != NULL)
    g_cancellable_disconnect (job->cancellable, job->cancel_handler);
  if (job->closing != NULL)
    g_cancellable_disconnect (job->closing, job->closing_handler);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->closing);

  if (job->params != NULL)
    {
      for (int i = 0; i < job->n_params; i++)
        g_free (job->params[i]);
      g_free (job->params);
    }

  /* May drop the last reference on the FhDatabase, finalising it on this
   * thread: nothing below may use it, and the workers never do. */
  g_clear_object (&job->task);
  g_free (job);
}

/* ---- connection parameters ---------------------------------------------- */

typedef struct {
  const char *keyword;
  const char *value;
  const char *environment;   /* libpq's variable for it, if any */
} Default;

/* A connection to a black-holed network fails within about
 * connect_timeout per host; an idle connection to a vanished server is
 * noticed after keepalives_idle + keepalives_interval × keepalives_count;
 * data left unacknowledged is given up after tcp_user_timeout. */
static const Default connect_defaults[] = {
  { "connect_timeout",     "10",    "PGCONNECT_TIMEOUT" },
  { "keepalives",          "1",     NULL },
  { "keepalives_idle",     "20",    NULL },
  { "keepalives_interval", "5",     NULL },
  { "keepalives_count",    "3",     NULL },
  { "tcp_user_timeout",    "20000", NULL },
};

gboolean
fh_database_connect_params (const char  *conninfo,
                            GStrv       *keywords_out,
                            GStrv       *values_out,
                            GError     **error)
{
  g_autoptr(GStrvBuilder) keywords = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  PQconninfoOption *parsed;
  char *parse_error = NULL;
  gboolean uses_service;
  gsize length;

  g_return_val_if_fail (keywords_out != NULL && values_out != NULL, FALSE);

  if (conninfo == NULL)
    conninfo = "";

  length = strlen (conninfo);
  if (length > CONNINFO_MAX_LENGTH)
    {
      g_autofree char *detail = g_strdup_printf (_("The connection text is %zu characters long; "
                                                   "PostgreSQL accepts at most %d."),
                                                 length, CONNINFO_MAX_LENGTH);
      g_set_error (error, FH_DATABASE_ERROR, FH_DATABASE_ERROR_BAD_CONNINFO,
                   "%s\n\n%s",
                   _("The connection details are too long to be sent to a database server. "
                     "Check what was pasted into them."),
                   detail);
      return FALSE;
    }

  /* libpq parses the text (key=value or a postgresql:// URI); the user's
   * values are passed on exactly as libpq understood them. */
  parsed = PQconninfoParse (conninfo, &parse_error);
  if (parsed == NULL)
    {
      if (error != NULL)
        *error = fh_pg_error_from_conninfo (parse_error);
      PQfreemem (parse_error);
      return FALSE;
    }

  uses_service = g_getenv ("PGSERVICE") != NULL;
  for (PQconninfoOption *o = parsed; o->keyword != NULL; o++)
    {
      if (o->val == NULL)
        continue;
      g_strv_builder_add (keywords, o->keyword);
      g_strv_builder_add (values, o->val);
      if (g_str_equal (o->keyword, "service"))
        uses_service = TRUE;
    }

  /* Defaults only where the user has not chosen. A named service may set
   * them in pg_service.conf, which libpq reads only for options left unset,
   * so the app's defaults would override it: there the service decides. */
  if (!uses_service)
    {
      for (gsize i = 0; i < G_N_ELEMENTS (connect_defaults); i++)
        {
          const Default *d = &connect_defaults[i];
          gboolean set = FALSE;

          for (PQconninfoOption *o = parsed; o->keyword != NULL; o++)
            if (o->val != NULL && g_str_equal (o->keyword, d->keyword))
              set = TRUE;
          if (set || (d->environment != NULL && g_getenv (d->environment) != NULL))
            continue;

          g_strv_builder_add (keywords, d->keyword);
          g_strv_builder_add (values, d->value);
        }
    }

  /* A fallback by nature: used only when nothing names the application. */
  g_strv_builder_add (keywords, "fallback_application_name");
  g_strv_builder_add (values, "family-help-dashboard");

  PQconninfoFree (parsed);
  *keywords_out = g_strv_builder_end (keywords);
  *values_out = g_strv_builder_end (values);
  return TRUE;
}

/* ---- waiting on a socket ------------------------------------------------ */

typedef enum {
  WAIT_READY,
  WAIT_CANCELLED,
  WAIT_CLOSED,
  WAIT_TIMEOUT,
  WAIT_FAILED,
} WaitResult;

static WaitResult
wait_socket (PGconn       *conn,
             gboolean      for_write,
             GCancellable *cancellable,
             GCancellable *closing,
             gint64        deadline)
{
  GPollFD fds[3];
  int n = 0;
  int cancel_index = -1, closing_index = -1;
  WaitResult result;

  fds[n].fd = PQsocket (conn);
  fds[n].events = G_IO_IN | (for_write ? G_IO_OUT : 0);
  fds[n].revents = 0;
  if (fds[n].fd < 0)
    return WAIT_FAILED;
  n++;

  if (cancellable != NULL && g_cancellable_make_pollfd (cancellable, &fds[n]))
    cancel_index = n++;
  if (closing != NULL && g_cancellable_make_pollfd (closing, &fds[n]))
    closing_index = n++;

  for (;;)
    {
      gint64 now = g_get_monotonic_time ();
      int timeout_ms = now >= deadline ? 0 : (int) MIN ((deadline - now + 999) / 1000, G_MAXINT);

      if (g_cancellable_is_cancelled (closing))
        {
          result = WAIT_CLOSED;
          break;
        }
      if (g_cancellable_is_cancelled (cancellable))
        {
          result = WAIT_CANCELLED;
          break;
        }
      if (now >= deadline)
        {
          result = WAIT_TIMEOUT;
          break;
        }

      if (g_poll (fds, n, timeout_ms) < 0)
        {
          if (errno == EINTR)
            continue;
          result = WAIT_FAILED;
          break;
        }

      if (closing_index >= 0 && fds[closing_index].revents != 0)
        continue;   /* checked at the top */
      if (cancel_index >= 0 && fds[cancel_index].revents != 0)
        continue;
      if (fds[0].revents != 0)
        {
          result = WAIT_READY;
          break;
        }
    }

  if (cancel_index >= 0)
    g_cancellable_release_fd (cancellable);
  if (closing_index >= 0)
    g_cancellable_release_fd (closing);
  return result;
}

/* ---- cancel requests ---------------------------------------------------- */

/* One cancel request, shared by the worker and the thread sending it. */
typedef struct {
  PGcancel *handle;
  GMutex    lock;
  GCond     cond;
  gboolean  done;
} CancelRequest;

static void
cancel_request_clear (CancelRequest *request)
{
  PQfreeCancel (request->handle);
  g_mutex_clear (&request->lock);
  g_cond_clear (&request->cond);
}

static void
cancel_request_unref (CancelRequest *request)
{
  g_atomic_rc_box_release_full (request, (GDestroyNotify) cancel_request_clear);
}

static gpointer
cancel_thread_main (gpointer data)
{
  CancelRequest *request = data;
  char message[256];

  /* May block on a dead network: no lock is held while it does. */
  PQcancel (request->handle, message, sizeof message);

  g_mutex_lock (&request->lock);
  request->done = TRUE;
  g_cond_signal (&request->cond);
  g_mutex_unlock (&request->lock);

  cancel_request_unref (request);
  return NULL;
}

/* Sends a cancel request from a thread of its own (PQcancel opens a new
 * connection and waits for the server). */
static CancelRequest *
send_cancel_request (PGconn *conn)
{
  PGcancel *handle = PQgetCancel (conn);
  CancelRequest *request;
  GThread *thread;

  if (handle == NULL)
    return NULL;

  request = g_atomic_rc_box_new0 (CancelRequest);
  request->handle = handle;
  g_mutex_init (&request->lock);
  g_cond_init (&request->cond);

  thread = g_thread_try_new ("fh-pq-cancel", cancel_thread_main,
                             g_atomic_rc_box_acquire (request), NULL);
  if (thread == NULL)
    {
      cancel_request_unref (request);   /* the thread's reference */
      cancel_request_unref (request);
      return NULL;
    }
  g_thread_unref (thread);
  return request;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CancelRequest, cancel_request_unref)

/* Whether the server has taken the request by @deadline. Until it has, the
 * request could still stop whatever query the connection runs next. */
static gboolean
cancel_request_wait (CancelRequest *request,
                     gint64         deadline)
{
  gboolean done;

  g_mutex_lock (&request->lock);
  while (!request->done)
    if (!g_cond_wait_until (&request->cond, &request->lock, deadline))
      break;
  done = request->done;
  g_mutex_unlock (&request->lock);
  return done;
}

/* ---- worker thread ------------------------------------------------------ */

static void
worker_drop_connection (Worker *w)
{
  g_clear_pointer (&w->conn, PQfinish);
  w->applied_timeout_ms = -1;
}

/* Sends one parameterised statement and waits for all its results without
 * blocking: the first error result, else the last result, ends in @result.
 * @job may be NULL (session set-up). */
static Outcome
worker_exec (Worker             *w,
             const char         *sql,
             int                 n_params,
             const char * const *params,
             Job                *job,
             gint64              deadline,
             PGresult          **result)
{
  GCancellable *cancellable = job ? job->cancellable : NULL;
  GCancellable *closing = w->shared->closing;
  gboolean cancel_sent = FALSE;
  Outcome cancel_outcome = OUTCOME_CANCELLED;
  g_autoptr(CancelRequest) cancel_request = NULL;

  *result = NULL;

  if (!PQsendQueryParams (w->conn, sql, n_params, NULL, params, NULL, NULL, 0))
    return OUTCOME_LOST;

  for (;;)
    {
      int flushed = PQflush (w->conn);
      WaitResult waited;

      if (flushed < 0)
        return OUTCOME_LOST;

      if (flushed == 0 && !PQisBusy (w->conn))
        {
          PGresult *next = PQgetResult (w->conn);

          if (next == NULL)
            break;
          if (*result == NULL || PQresultStatus (*result) == PGRES_TUPLES_OK ||
              PQresultStatus (*result) == PGRES_COMMAND_OK)
            {
              g_clear_pointer (result, PQclear);
              *result = next;
            }
          else
            PQclear (next);
          continue;
        }

      waited = wait_socket (w->conn, flushed == 1,
                            cancel_sent ? NULL : cancellable,
                            cancel_sent ? NULL : closing,
                            deadline);
      switch (waited)
        {
        case WAIT_READY:
          if (!PQconsumeInput (w->conn))
            {
              g_clear_pointer (result, PQclear);
              return cancel_sent ? cancel_outcome : OUTCOME_LOST;
            }
          break;

        case WAIT_CANCELLED:
        case WAIT_CLOSED:
          /* Ask the server to stop, and give it a moment to say it has. */
          cancel_request = send_cancel_request (w->conn);
          cancel_sent = TRUE;
          cancel_outcome = waited == WAIT_CLOSED ? OUTCOME_CLOSED : OUTCOME_CANCELLED;
          if (waited == WAIT_CLOSED)
            {
              g_clear_pointer (result, PQclear);
              worker_drop_connection (w);
              return OUTCOME_CLOSED;
            }
          deadline = MIN (deadline, g_get_monotonic_time () + CANCEL_GRACE_MS * 1000);
          break;

        case WAIT_TIMEOUT:
          /* The server sent nothing within its own statement timeout and a
           * margin: the network or the server is gone. The connection is
           * abandoned (its state is unknown); the next job opens another. */
          g_clear_pointer (result, PQclear);
          worker_drop_connection (w);
          return cancel_sent ? cancel_outcome : OUTCOME_DEADLINE;

        case WAIT_FAILED:
        default:
          g_clear_pointer (result, PQclear);
          return OUTCOME_LOST;
        }
    }

  if (cancel_sent)
    {
      /* The query ended (stopped, or finished just before the request
       * arrived). The connection is kept only once the server has taken
       * the request: one still on its way would stop the next query. */
      g_clear_pointer (result, PQclear);
      if (cancel_request == NULL || !cancel_request_wait (cancel_request, deadline))
        worker_drop_connection (w);
      return cancel_outcome;
    }

  if (*result == NULL)
    return OUTCOME_LOST;

  return OUTCOME_OK;
}

static GError *
outcome_error (Worker  *w,
               Outcome  outcome,
               guint    timeout_ms)
{
  switch (outcome)
    {
    case OUTCOME_CANCELLED:
      return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The query was cancelled."));
    case OUTCOME_CLOSED:
      return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                  _("The connection to the database was closed."));
    case OUTCOME_DEADLINE:
      {
        guint seconds = (timeout_ms + DEADLINE_MARGIN_MS + 999) / 1000;

        return g_error_new (FH_DATABASE_ERROR, FH_DATABASE_ERROR_UNREACHABLE,
                            g_dngettext (NULL,
                                         "The database server at %s stopped answering: nothing "
                                         "came back within %u second, so the query was abandoned. "
                                         "Check the network connection, then refresh to try again.",
                                         "The database server at %s stopped answering: nothing "
                                         "came back within %u seconds, so the query was abandoned. "
                                         "Check the network connection, then refresh to try again.",
                                         seconds),
                            w->server ? w->server : "?", seconds);
      }
    case OUTCOME_LOST:
    case OUTCOME_OK:
    default:
      return fh_pg_error_from_result (w->conn, NULL, FALSE, timeout_ms);
    }
}

static int
effective_timeout (Worker *w,
                   int     wanted_ms)
{
  /* A shorter limit set for the session by the connection text or by the
   * data team (ALTER ROLE … SET statement_timeout) is kept. */
  if (w->limit_timeout_ms > 0 && (wanted_ms == 0 || w->limit_timeout_ms < wanted_ms))
    return w->limit_timeout_ms;
  return wanted_ms;
}

/* Applies the app's statement timeout, if it changed, before a query. */
static Outcome
worker_apply_timeout (Worker *w,
                      Job    *job)
{
  int wanted_ms = g_atomic_int_get (&w->shared->statement_timeout_ms);
  int effective_ms = effective_timeout (w, wanted_ms);
  g_autofree char *text = NULL;
  const char *params[1];
  PGresult *result = NULL;
  Outcome outcome;

  if (wanted_ms == w->applied_timeout_ms)
    return OUTCOME_OK;

  text = g_strdup_printf ("%d", effective_ms);
  params[0] = text;
  outcome = worker_exec (w, "SELECT set_config('statement_timeout', $1, false)", 1, params, job,
                         g_get_monotonic_time () + CONFIGURE_DEADLINE_MS * 1000, &result);
  if (outcome == OUTCOME_OK)
    {
      if (PQresultStatus (result) == PGRES_TUPLES_OK)
        {
          w->applied_timeout_ms = wanted_ms;
          w->effective_timeout_ms = effective_ms;
        }
      else
        outcome = OUTCOME_LOST;
    }
  g_clear_pointer (&result, PQclear);
  return outcome;
}

/* Settings every session gets, whatever the connection text says. */
static gboolean
worker_configure_session (Worker  *w,
                          GError **error)
{
  static const char *sql =
    "SELECT set_config('default_transaction_read_only', 'on', false),"
    "       (extract(epoch FROM current_setting('statement_timeout')::interval) * 1000)::bigint,"
    "       set_config('DateStyle', 'ISO, YMD', false),"
    "       set_config('TimeZone', 'UTC', false),"
    "       to_regprocedure('reporting.ward_demand(integer,date,date,text,text,text,text,text,boolean)') IS NOT NULL";
  PGresult *result = NULL;
  gboolean has_reporting;
  gint64 limit;
  Outcome outcome;

  outcome = worker_exec (w, sql, 0, NULL, NULL,
                         g_get_monotonic_time () + CONFIGURE_DEADLINE_MS * 1000, &result);
  if (outcome != OUTCOME_OK)
    {
      *error = w->conn != NULL ? fh_pg_error_from_connect (w->conn)
                               : outcome_error (w, outcome, CONFIGURE_DEADLINE_MS - DEADLINE_MARGIN_MS);
      return FALSE;
    }
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      *error = fh_pg_error_from_result (w->conn, result, FALSE, 0);
      PQclear (result);
      return FALSE;
    }

  limit = g_ascii_strtoll (PQgetvalue (result, 0, 1), NULL, 10);
  w->limit_timeout_ms = (int) CLAMP (limit, 0, G_MAXINT / 2);
  has_reporting = g_strcmp0 (PQgetvalue (result, 0, 4), "t") == 0;
  PQclear (result);

  if (!has_reporting)
    {
      g_set_error (error, FH_DATABASE_ERROR, FH_DATABASE_ERROR_SCHEMA,
                   _("The database “%s” does not have the Family Help reporting layer, or "
                     "your account cannot see it. Ask your data team to install data/sql "
                     "from this version of the dashboard and grant your account the "
                     "fh_reader role."),
                   PQdb (w->conn));
      return FALSE;
    }

  w->applied_timeout_ms = -1;
  outcome = worker_apply_timeout (w, NULL);
  if (outcome != OUTCOME_OK)
    {
      *error = w->conn != NULL ? fh_pg_error_from_connect (w->conn)
                               : outcome_error (w, outcome, CONFIGURE_DEADLINE_MS - DEADLINE_MARGIN_MS);
      return FALSE;
    }

  return TRUE;
}

/* Opens this worker's connection (blocking, in this worker only: libpq's
 * connect_timeout bounds it, per host, and it tries every host listed
 * with its target_session_attrs). */
static gboolean
worker_connect (Worker  *w,
                GError **error)
{
  g_auto(GStrv) keywords = NULL;
  g_auto(GStrv) values = NULL;

  worker_drop_connection (w);

  if (!fh_database_connect_params (w->shared->conninfo, &keywords, &values, error))
    return FALSE;

  w->conn = PQconnectdbParams ((const char * const *) keywords,
                               (const char * const *) values, 0);
  if (w->conn == NULL)
    {
      g_set_error_literal (error, FH_DATABASE_ERROR, FH_DATABASE_ERROR_UNREACHABLE,
                           _("Out of memory while connecting to the database."));
      return FALSE;
    }

  if (PQstatus (w->conn) != CONNECTION_OK)
    {
      *error = fh_pg_error_from_connect (w->conn);
      worker_drop_connection (w);
      return FALSE;
    }

  if (PQsetnonblocking (w->conn, 1) != 0 || !worker_configure_session (w, error))
    {
      if (error != NULL && *error == NULL)
        *error = fh_pg_error_from_connect (w->conn);
      worker_drop_connection (w);
      return FALSE;
    }

  g_free (w->server);
  w->server = fh_pg_describe_server (w->conn);
  shared_set_description (w->shared, w->conn);
  shared_clear_failure (w->shared);
  shared_set_connected (w->shared, TRUE);
  return TRUE;
}

/* An idle connection whose server went away (restart, fail-over, network)
 * shows it when its input is read; then it is reopened before use. */
static gboolean
worker_connection_usable (Worker *w)
{
  if (w->conn == NULL || PQstatus (w->conn) != CONNECTION_OK)
    return FALSE;
  if (!PQconsumeInput (w->conn) || PQstatus (w->conn) != CONNECTION_OK)
    return FALSE;
  return TRUE;
}

static gboolean
is_network_failure (const GError *error)
{
  return g_error_matches (error, FH_DATABASE_ERROR, FH_DATABASE_ERROR_UNREACHABLE);
}

static void
worker_run_connect (Worker *w,
                    Job    *job)
{
  g_autoptr(GError) error = NULL;

  g_atomic_int_set (&job->state, JOB_CONNECTING);
  if (g_atomic_int_get (&job->returned))
    return;

  if (worker_connect (w, &error))
    {
      if (job_claim (job))
        g_task_return_boolean (job->task, TRUE);
    }
  else
    {
      shared_set_connected (w->shared, FALSE);
      if (is_network_failure (error))
        shared_record_failure (w->shared, error);
      job_return_error (job, g_steal_pointer (&error));
    }
}

static void
worker_run_query (Worker *w,
                  Job    *job)
{
  const FhQuerySpec *spec = job->spec;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  PGresult *result = NULL;
  Outcome outcome = OUTCOME_LOST;
  gint64 started = 0;
  int timeout_ms = 0;
  int n_rows;

  /* Before any connect_async() the app has no business querying. After
   * one, a query that reaches a free worker before the connect job has
   * finished opens its own connection rather than failing. */
  if (!g_atomic_int_get (&w->shared->connect_requested))
    {
      job_return_error (job, g_error_new_literal (FH_DATABASE_ERROR, FH_DATABASE_ERROR_NOT_CONNECTED,
                                                  _("Not connected to a database. Choose “Connect "
                                                    "to Database…” from the menu.")));
      return;
    }

  /* Twice at most: a connection that breaks under the first attempt (a
   * server restart, a fail-over to a standby) is reopened and the query,
   * which only reads, is sent again. */
  for (int attempt = 0; attempt < 2; attempt++)
    {
      g_atomic_int_set (&job->state, JOB_CONNECTING);
      if (g_atomic_int_get (&job->returned))
        return;

      /* Queued before the server was found unreachable (the same
       * refresh): the same answer at once, not another wait. */
      if (attempt == 0)
        error = shared_failure_since (w->shared, job->submitted);

      if (error == NULL && !worker_connection_usable (w) &&
          !worker_connect (w, &error) && is_network_failure (error))
        shared_record_failure (w->shared, error);

      if (error != NULL)
        {
          shared_set_connected (w->shared, FALSE);
          job_return_error (job, g_steal_pointer (&error));
          return;
        }

      /* From here a cancel is the worker's to handle, on the server. */
      g_atomic_int_set (&job->state, JOB_RUNNING);
      if (g_atomic_int_get (&job->returned))
        return;
      if (g_cancellable_is_cancelled (job->cancellable) ||
          g_cancellable_is_cancelled (job->closing))
        {
          job_return_cancelled (job, g_cancellable_is_cancelled (job->closing));
          return;
        }

      outcome = worker_apply_timeout (w, job);
      if (outcome == OUTCOME_LOST && attempt == 0)
        {
          worker_drop_connection (w);
          continue;
        }
      if (outcome != OUTCOME_OK)
        break;
      timeout_ms = w->effective_timeout_ms;

      started = g_get_monotonic_time ();
      outcome = worker_exec (w, spec->sql, job->n_params, (const char * const *) job->params, job,
                             timeout_ms > 0
                             ? g_get_monotonic_time () + ((gint64) timeout_ms + DEADLINE_MARGIN_MS) * 1000
                             : G_MAXINT64,   /* no timeout asked for: keepalives only */
                             &result);
      if (outcome == OUTCOME_LOST && attempt == 0)
        {
          g_clear_pointer (&result, PQclear);
          worker_drop_connection (w);
          continue;
        }
      break;
    }

  if (outcome != OUTCOME_OK)
    {
      error = outcome_error (w, outcome, timeout_ms);
      if (outcome == OUTCOME_LOST || outcome == OUTCOME_DEADLINE)
        shared_set_connected (w->shared, FALSE);
      if (outcome == OUTCOME_DEADLINE)
        shared_record_failure (w->shared, error);
      job_return_error (job, g_steal_pointer (&error));
      if (outcome == OUTCOME_LOST)
        worker_drop_connection (w);
      return;
    }

  shared_set_connected (w->shared, TRUE);

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      const char *sqlstate = PQresultErrorField (result, PG_DIAG_SQLSTATE);

      /* query_canceled before the statement timeout could have fired: not
       * ours (the app's own cancels end above), so someone else's, such as
       * an administrator's pg_cancel_backend(). Told apart by time, since
       * the server's words may be in any language. */
      if (g_strcmp0 (sqlstate, "57014") == 0 &&
          (timeout_ms == 0 || g_get_monotonic_time () - started < (gint64) timeout_ms * 900))
        job_return_error (job, g_error_new (FH_DATABASE_ERROR, FH_DATABASE_ERROR_QUERY, "%s\n\n%s",
                                            _("The database server stopped the query before it "
                                              "finished. Refresh to try again."),
                                            PQresultErrorMessage (result)));
      else
        job_return_error (job, fh_pg_error_from_result (w->conn, result, FALSE, timeout_ms));
      PQclear (result);
      return;
    }

  if (PQnfields (result) != spec->n_columns)
    {
      job_return_error (job, g_error_new (FH_DATABASE_ERROR, FH_DATABASE_ERROR_SCHEMA,
                                          _("The reporting layer answered with %d columns where %d "
                                            "were expected: it is a different version from this "
                                            "dashboard."),
                                          PQnfields (result), spec->n_columns));
      PQclear (result);
      return;
    }

  n_rows = PQntuples (result);

  if (spec->single)
    {
      gpointer item = n_rows > 0 ? spec->parse_row (result, 0) : NULL;

      PQclear (result);
      if (job_claim (job))
        g_task_return_pointer (job->task, item, spec->free_item);
      else if (item != NULL && spec->free_item != NULL)
        spec->free_item (item);
      return;
    }

  items = g_ptr_array_new_full (n_rows, spec->free_item);
  for (int row = 0; row < n_rows; row++)
    g_ptr_array_add (items, spec->parse_row (result, row));
  PQclear (result);

  if (job_claim (job))
    g_task_return_pointer (job->task, g_steal_pointer (&items), (GDestroyNotify) g_ptr_array_unref);
}

static gpointer
worker_main (gpointer data)
{
  Worker *w = data;

  for (;;)
    {
      Job *job = g_async_queue_pop (w->shared->jobs);

      if (job->kind == JOB_STOP)
        {
          job_free (job);
          break;
        }

      if (g_cancellable_is_cancelled (job->closing))
        job_return_cancelled (job, TRUE);
      else if (g_cancellable_is_cancelled (job->cancellable))
        job_return_cancelled (job, FALSE);
      else if (job->kind == JOB_CONNECT)
        worker_run_connect (w, job);
      else
        worker_run_query (w, job);

      job_free (job);
    }

  worker_drop_connection (w);
  shared_unref (w->shared);
  g_free (w->server);
  g_free (w);
  return NULL;
}

static void
fh_database_push (FhDatabase *self,
                  Job        *job)
{
  if (self->closed)
    {
      job_return_cancelled (job, TRUE);
      job_free (job);
      return;
    }

  if (self->threads == NULL)
    {
      self->threads = g_new0 (GThread *, self->shared->n_workers);
      for (int i = 0; i < self->shared->n_workers; i++)
        {
          Worker *w = g_new0 (Worker, 1);

          w->shared = g_atomic_rc_box_acquire (self->shared);
          w->applied_timeout_ms = -1;
          self->threads[i] = g_thread_new ("fh-database", worker_main, w);
        }
    }

  /* Watched before it is queued: a worker may finish and free it at once. */
  job_watch (job);
  g_async_queue_push (self->shared->jobs, job);
}

/* ---- GObject ------------------------------------------------------------ */

static void
fh_database_stop_workers (FhDatabase *self)
{
  GThread *current = g_thread_self ();

  if (self->threads == NULL)
    return;

  for (int i = 0; i < self->shared->n_workers; i++)
    {
      Job *stop = g_new0 (Job, 1);

      stop->kind = JOB_STOP;
      g_async_queue_push (self->shared->jobs, stop);
    }

  /* Every job holds a reference on us through its GTask, so when the last
   * one goes every worker is idle or finishing its job_free(): joining is
   * quick. The one exception is the worker that dropped that reference,
   * which is running this very code; it stops by itself. */
  for (int i = 0; i < self->shared->n_workers; i++)
    {
      if (self->threads[i] == current)
        g_thread_unref (self->threads[i]);
      else
        g_thread_join (self->threads[i]);
    }
  g_clear_pointer (&self->threads, g_free);
}

static void
fh_database_finalize (GObject *object)
{
  FhDatabase *self = (FhDatabase *) object;

  g_cancellable_cancel (self->shared->closing);
  fh_database_stop_workers (self);
  shared_unref (self->shared);

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
      g_value_set_string (value, self->shared->conninfo);
      break;
    case PROP_CONNECTED:
      g_value_set_boolean (value, fh_database_is_connected (self));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, fh_database_get_description (self));
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
      /* Construct-only: set before any worker starts. */
      g_free (self->shared->conninfo);
      self->shared->conninfo = g_strdup (g_value_get_string (value));
      if (self->shared->conninfo == NULL)
        self->shared->conninfo = g_strdup ("");
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

  /* Whether the last attempt to reach the server worked: FALSE once a
   * query finds the server gone, TRUE again when a connection opens.
   * Notified in the main context the database was created in. */
  properties[PROP_CONNECTED] =
    g_param_spec_boolean ("connected", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /* fh_database_get_description(); changes when a fail-over lands on
   * another server of a multi-host conninfo. */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fh_database_init (FhDatabase *self)
{
  self->shared = shared_new ();
  g_weak_ref_init (&self->shared->self, self);
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

  return self->shared->conninfo;
}

const char *
fh_database_get_description (FhDatabase *self)
{
  const char *description;

  g_return_val_if_fail (FH_IS_DATABASE (self), NULL);

  /* A replaced description is kept until the database is finalised, so
   * the pointer stays valid on the caller's thread. */
  g_mutex_lock (&self->shared->lock);
  description = self->shared->description;
  g_mutex_unlock (&self->shared->lock);

  return description;
}

gboolean
fh_database_is_connected (FhDatabase *self)
{
  g_return_val_if_fail (FH_IS_DATABASE (self), FALSE);

  return !self->closed &&
         g_atomic_int_get (&self->shared->ever_connected) &&
         g_atomic_int_get (&self->shared->connected);
}

void
fh_database_set_statement_timeout (FhDatabase *self,
                                   guint       timeout_ms)
{
  g_return_if_fail (FH_IS_DATABASE (self));

  g_atomic_int_set (&self->shared->statement_timeout_ms, (int) MIN (timeout_ms, G_MAXINT / 2));
}

guint
fh_database_get_statement_timeout (FhDatabase *self)
{
  g_return_val_if_fail (FH_IS_DATABASE (self), 0);

  return (guint) g_atomic_int_get (&self->shared->statement_timeout_ms);
}

void
fh_database_set_exact_figures (FhDatabase *self,
                               gboolean    exact)
{
  g_return_if_fail (FH_IS_DATABASE (self));

  g_atomic_int_set (&self->shared->exact_figures, exact ? 1 : 0);
}

gboolean
fh_database_get_exact_figures (FhDatabase *self)
{
  g_return_val_if_fail (FH_IS_DATABASE (self), FALSE);

  return g_atomic_int_get (&self->shared->exact_figures) != 0;
}

char *
fh_database_exact_param (FhDatabase *self)
{
  return g_strdup (fh_database_get_exact_figures (self) ? "true" : "false");
}

void
fh_database_set_max_connections (FhDatabase *self,
                                 guint       n_connections)
{
  g_return_if_fail (FH_IS_DATABASE (self));
  g_return_if_fail (n_connections >= 1 && n_connections <= 16);
  g_return_if_fail (self->threads == NULL);

  self->shared->n_workers = (int) n_connections;
}

guint
fh_database_get_max_connections (FhDatabase *self)
{
  g_return_val_if_fail (FH_IS_DATABASE (self), 0);

  return (guint) self->shared->n_workers;
}

void
fh_database_close (FhDatabase *self)
{
  Job *job;

  g_return_if_fail (FH_IS_DATABASE (self));

  if (self->closed)
    return;
  self->closed = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTED]);

  /* Queued jobs and connecting workers answer at once through their
   * handlers; running queries are stopped by their workers. */
  g_cancellable_cancel (self->shared->closing);

  /* Drop what is still queued so the workers reach their stop jobs. */
  while ((job = g_async_queue_try_pop (self->shared->jobs)) != NULL)
    {
      if (job->kind != JOB_STOP)
        job_return_cancelled (job, TRUE);
      job_free (job);
    }
}

void
fh_database_connect_async (FhDatabase          *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (FH_IS_DATABASE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  g_atomic_int_set (&self->shared->connect_requested, TRUE);
  fh_database_push (self, job_new (self, JOB_CONNECT, cancellable, callback, user_data,
                                   fh_database_connect_async));
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

  job = job_new (self, JOB_QUERY, cancellable, callback, user_data, source_tag);
  job->spec = spec;
  job->params = params;
  job->n_params = n_params;

  fh_database_push (self, job);
}

gpointer
fh_database_finish (FhDatabase    *self,
                    GAsyncResult  *result,
                    gpointer       source_tag,
                    GError       **error)
{
  g_return_val_if_fail (FH_IS_DATABASE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
