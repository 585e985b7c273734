/* test-database-faults.c — the data layer on a network that stops
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small TCP proxy on 127.0.0.1 forwards to the throwaway server's Unix
 * socket, until it is told to black-hole: the sockets stay open and every
 * byte is dropped, as with a dead VPN or a firewall that discards packets.
 * Queries must then end with a clear message within a bounded time, and the
 * main loop must never stall (a 10 ms timer records the longest gap).
 */
#include <gio/gunixsocketaddress.h>
#include <libpq-fe.h>
#include <string.h>

#include "fh-test-db.h"

/* ---- the proxy ---------------------------------------------------------- */

typedef struct {
  GSocket   *listener;
  char      *target_path;
  guint16    port;
  int        blackhole;    /* atomic */
  int        stopping;     /* atomic */
  GThread   *accept_thread;
  GMutex     lock;
  GPtrArray *sockets;      /* every open connection's two sockets */
  GPtrArray *threads;      /* their pump threads */
} Proxy;

typedef struct {
  Proxy   *proxy;
  GSocket *from;
  GSocket *to;
} Pump;

static gpointer
pump_main (gpointer data)
{
  Pump *pump = data;
  char buffer[16384];

  for (;;)
    {
      gssize n = g_socket_receive (pump->from, buffer, sizeof buffer, NULL, NULL);
      gssize sent = 0;

      if (n <= 0)
        break;
      if (g_atomic_int_get (&pump->proxy->blackhole))
        continue;   /* swallowed */
      while (sent < n)
        {
          gssize m = g_socket_send (pump->to, buffer + sent, n - sent, NULL, NULL);

          if (m <= 0)
            break;
          sent += m;
        }
      if (sent < n)
        break;
    }

  /* Pass the end on, unless the network is "dead". */
  if (!g_atomic_int_get (&pump->proxy->blackhole))
    g_socket_shutdown (pump->to, FALSE, TRUE, NULL);
  g_free (pump);
  return NULL;
}

static gpointer
accept_main (gpointer data)
{
  Proxy *proxy = data;

  for (;;)
    {
      g_autoptr(GSocket) client = g_socket_accept (proxy->listener, NULL, NULL);
      g_autoptr(GSocket) server = NULL;
      g_autoptr(GSocketAddress) address = NULL;
      Pump *up, *down;

      if (client == NULL || g_atomic_int_get (&proxy->stopping))
        break;

      server = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM,
                             G_SOCKET_PROTOCOL_DEFAULT, NULL);
      address = g_unix_socket_address_new (proxy->target_path);
      if (server == NULL || !g_socket_connect (server, address, NULL, NULL))
        continue;

      up = g_new0 (Pump, 1);
      up->proxy = proxy;
      up->from = client;
      up->to = server;
      down = g_new0 (Pump, 1);
      down->proxy = proxy;
      down->from = server;
      down->to = client;

      g_mutex_lock (&proxy->lock);
      g_ptr_array_add (proxy->sockets, g_object_ref (client));
      g_ptr_array_add (proxy->sockets, g_object_ref (server));
      g_ptr_array_add (proxy->threads, g_thread_new ("proxy-up", pump_main, up));
      g_ptr_array_add (proxy->threads, g_thread_new ("proxy-down", pump_main, down));
      g_mutex_unlock (&proxy->lock);
    }

  return NULL;
}

static Proxy *
proxy_start (const char *target_path)
{
  Proxy *proxy = g_new0 (Proxy, 1);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  proxy->target_path = g_strdup (target_path);
  proxy->sockets = g_ptr_array_new_with_free_func (g_object_unref);
  proxy->threads = g_ptr_array_new ();
  g_mutex_init (&proxy->lock);

  proxy->listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                  G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (proxy->listener, address, TRUE, &error);
  g_assert_no_error (error);
  g_socket_listen (proxy->listener, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (proxy->listener, &error);
  g_assert_no_error (error);
  proxy->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));

  proxy->accept_thread = g_thread_new ("proxy-accept", accept_main, proxy);
  return proxy;
}

static void
proxy_stop (Proxy *proxy)
{
  g_atomic_int_set (&proxy->stopping, TRUE);
  g_socket_shutdown (proxy->listener, TRUE, TRUE, NULL);
  g_thread_join (proxy->accept_thread);

  g_mutex_lock (&proxy->lock);
  for (guint i = 0; i < proxy->sockets->len; i++)
    g_socket_shutdown (g_ptr_array_index (proxy->sockets, i), TRUE, TRUE, NULL);
  g_mutex_unlock (&proxy->lock);
  for (guint i = 0; i < proxy->threads->len; i++)
    g_thread_join (g_ptr_array_index (proxy->threads, i));

  g_ptr_array_unref (proxy->threads);
  g_ptr_array_unref (proxy->sockets);
  g_object_unref (proxy->listener);
  g_mutex_clear (&proxy->lock);
  g_free (proxy->target_path);
  g_free (proxy);
}

/* ---- the server behind it ----------------------------------------------- */

static char *socket_path;
static char *dbname;
static char *user;

static gboolean
read_reader_conninfo (void)
{
  PQconninfoOption *options = PQconninfoParse (reader_conninfo, NULL);
  const char *host = NULL, *port = "5432";

  if (options == NULL)
    return FALSE;
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      if (o->val == NULL)
        continue;
      if (g_str_equal (o->keyword, "host"))
        host = o->val;
      else if (g_str_equal (o->keyword, "port"))
        port = o->val;
      else if (g_str_equal (o->keyword, "dbname"))
        dbname = g_strdup (o->val);
      else if (g_str_equal (o->keyword, "user"))
        user = g_strdup (o->val);
    }
  if (host != NULL && host[0] == '/')
    socket_path = g_strdup_printf ("%s/.s.PGSQL.%s", host, port);
  PQconninfoFree (options);
  return socket_path != NULL && dbname != NULL && user != NULL;
}

static char *
proxied_conninfo (Proxy      *proxy,
                  const char *extra)
{
  return g_strdup_printf ("host=127.0.0.1 port=%u dbname=%s user=%s %s",
                          proxy->port, dbname, user, extra ? extra : "");
}

/* ---- the main loop's pulse ---------------------------------------------- */

typedef struct {
  gint64 start;
  gint64 last;
  gint64 max_gap;        /* longest interval between two ticks */
  gint64 max_net_gap;    /* the same less the time the thread waited for a CPU */
  gint64 last_run_delay;
  guint  id;
} Pulse;

/* Nanoseconds this thread has spent runnable but waiting for a CPU
 * (/proc/thread-self/schedstat), or -1. */
static gint64
run_delay_ns (void)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents ("/proc/thread-self/schedstat", &text, NULL, NULL))
    return -1;
  fields = g_strsplit (text, " ", -1);
  if (g_strv_length (fields) < 2)
    return -1;
  return g_ascii_strtoll (fields[1], NULL, 10);
}

static gboolean
pulse_tick (gpointer data)
{
  Pulse *pulse = data;
  gint64 now = g_get_monotonic_time ();
  gint64 gap = now - pulse->last;
  gint64 delay = run_delay_ns ();
  gint64 waited = delay >= 0 && pulse->last_run_delay >= 0 ? (delay - pulse->last_run_delay) / 1000 : 0;

  /* A loaded machine may leave the thread waiting for a CPU: that is the
   * scheduler's doing, not a stall of the app's, and is reported apart. */
  if (gap > 50 * 1000)
    g_test_message ("main-loop gap of %.1f ms at %.3f s (%.1f ms of it waiting for a CPU)",
                    gap / 1000.0, (now - pulse->start) / 1e6, waited / 1000.0);
  pulse->max_gap = MAX (pulse->max_gap, gap);
  pulse->max_net_gap = MAX (pulse->max_net_gap, gap - waited);
  pulse->last = now;
  pulse->last_run_delay = run_delay_ns ();
  return G_SOURCE_CONTINUE;
}

static void
pulse_start (Pulse *pulse)
{
  pulse->start = pulse->last = g_get_monotonic_time ();
  pulse->last_run_delay = run_delay_ns ();
  pulse->max_gap = 0;
  pulse->max_net_gap = 0;
  pulse->id = g_timeout_add (10, pulse_tick, pulse);
}

/* The longest stall the app caused (see max_net_gap); the raw longest gap
 * stays in pulse->max_gap for the record. */
static gint64
pulse_stop (Pulse *pulse)
{
  pulse_tick (pulse);
  g_source_remove (pulse->id);
  return pulse->max_net_gap;
}

typedef struct {
  int     pending;
  int     cancelled;
  GError *other_error;
} Counter;

static void
on_ward_demand_counted (GObject *source, GAsyncResult *result, gpointer data)
{
  Counter *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = fh_database_ward_demand_finish (FH_DATABASE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    c->cancelled++;
  else if (c->other_error == NULL)
    c->other_error = error ? g_steal_pointer (&error)
                           : g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "not cancelled");
  c->pending--;
}

static gboolean
cancel_now (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static void
on_notify_connected (GObject    *object,
                     GParamSpec *pspec,
                     gpointer    data)
{
  GString *seen = data;

  g_string_append_c (seen, fh_database_is_connected (FH_DATABASE (object)) ? '1' : '0');
}

/* ---- tests -------------------------------------------------------------- */

static void
test_blackhole (void)
{
  Proxy *proxy = proxy_start (socket_path);
  g_autofree char *conninfo = proxied_conninfo (proxy, "connect_timeout=2");
  g_autoptr(FhDatabase) db = fh_database_new (conninfo);
  g_autoptr(FhDemandFilter) filter = financial_year_filter ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *where = g_strdup_printf ("127.0.0.1:%u", proxy->port);
  g_autoptr(GString) seen = g_string_new ("");
  Pulse pulse = { 0 };
  Counter c = { 0 };
  Wait w = { 0 };
  GCancellable *cancellables[3];
  gint64 start, first_error, second_error, cancelled, max_gap;

  /* Through the proxy, all is well. One connection, so that which query
   * meets an open connection and which a new one is known. */
  fh_database_set_max_connections (db, 1);
  fh_database_set_statement_timeout (db, 2000);
  g_signal_connect (db, "notify::connected", G_CALLBACK (on_notify_connected), seen);
  fh_database_connect_async (db, NULL, on_connect, &w);
  wait_run (&w);
  g_assert_no_error (w.error);
  g_assert_nonnull (strstr (fh_database_get_description (db), where));
  fh_database_ward_demand_async (db, filter, NULL, on_ward_demand, &w);
  wait_run (&w);
  g_assert_no_error (w.error);
  rows = w.value;
  g_assert_cmpuint (rows->len, ==, 20);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* The network dies. */
  pulse_start (&pulse);
  g_atomic_int_set (&proxy->blackhole, TRUE);

  start = g_get_monotonic_time ();
  fh_database_ward_demand_async (db, filter, NULL, on_ward_demand, &w);
  wait_run (&w);
  first_error = g_get_monotonic_time () - start;
  g_assert_error (w.error, FH_DATABASE_ERROR, FH_DATABASE_ERROR_UNREACHABLE);
  summary = fh_error_get_summary (w.error);
  g_test_message ("black hole: error after %.1f s: %s", first_error / 1e6, summary);
  g_assert_nonnull (strstr (summary, "stopped answering"));
  /* statement timeout 2 s + the client's 5 s margin */
  g_assert_cmpint (first_error, >=, 6 * G_USEC_PER_SEC);
  g_assert_cmpint (first_error, <, 10 * G_USEC_PER_SEC);
  g_assert_false (fh_database_is_connected (db));
  g_assert_cmpstr (seen->str, ==, "10");   /* the status line heard both */
  g_clear_error (&w.error);
  g_clear_pointer (&summary, g_free);

  /* Refresh: a new connection meets the same black hole and ends with
   * the user's connect_timeout (2 s). */
  start = g_get_monotonic_time ();
  fh_database_ward_demand_async (db, filter, NULL, on_ward_demand, &w);
  wait_run (&w);
  second_error = g_get_monotonic_time () - start;
  g_assert_error (w.error, FH_DATABASE_ERROR, FH_DATABASE_ERROR_UNREACHABLE);
  summary = fh_error_get_summary (w.error);
  g_test_message ("black hole, next refresh: error after %.1f s: %s", second_error / 1e6, summary);
  g_assert_nonnull (strstr (summary, "did not answer in time"));
  g_assert_cmpint (second_error, <, 5 * G_USEC_PER_SEC);
  g_clear_error (&w.error);

  /* The network comes back: the next refresh works without a restart. */
  g_atomic_int_set (&proxy->blackhole, FALSE);
  fh_database_ward_demand_async (db, filter, NULL, on_ward_demand, &w);
  wait_run (&w);
  g_assert_no_error (w.error);
  g_clear_pointer (&w.value, g_ptr_array_unref);

  /* …and dies again. F5 three times: each refresh cancels the last. The
   * first query is running, so its worker sends a cancel request (which
   * the black hole swallows: it must block no one) and gives up after the
   * grace period; the other two are answered at once. */
  g_atomic_int_set (&proxy->blackhole, TRUE);
  start = g_get_monotonic_time ();
  for (int i = 0; i < 3; i++)
    {
      cancellables[i] = g_cancellable_new ();
      c.pending++;
      fh_database_ward_demand_async (db, filter, cancellables[i], on_ward_demand_counted, &c);
      g_timeout_add (200 + 100 * i, cancel_now, cancellables[i]);
    }
  while (c.pending > 0 && g_get_monotonic_time () - start < 10 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  cancelled = g_get_monotonic_time () - start;
  g_assert_cmpint (c.pending, ==, 0);
  g_assert_no_error (c.other_error);
  g_assert_cmpint (c.cancelled, ==, 3);
  g_test_message ("black hole: 3 cancelled refreshes answered within %.1f s", cancelled / 1e6);
  g_assert_cmpint (cancelled, <, 4 * G_USEC_PER_SEC);
  for (int i = 0; i < 3; i++)
    g_object_unref (cancellables[i]);

  max_gap = pulse_stop (&pulse);
  g_test_message ("black hole: longest main-loop gap %.1f ms (%.1f ms less waiting for a CPU)",
                  pulse.max_gap / 1000.0, max_gap / 1000.0);
  g_assert_cmpint (max_gap, <, 100 * 1000);

  /* Back again. */
  g_atomic_int_set (&proxy->blackhole, FALSE);
  fh_database_ward_demand_async (db, filter, NULL, on_ward_demand, &w);
  wait_run (&w);
  g_assert_no_error (w.error);
  rows = w.value;
  g_assert_cmpuint (rows->len, ==, 20);
  g_assert_true (fh_database_is_connected (db));
  g_assert_true (g_str_has_suffix (seen->str, "1"));

  fh_database_close (db);
  g_clear_object (&db);
  proxy_stop (proxy);
}

typedef struct {
  int     pending;
  int     unreachable;
  int     early;        /* answered before the cut-off */
  gint64  cutoff;
  GError *other_error;
} Refresh;

static void
on_ward_demand_refresh (GObject *source, GAsyncResult *result, gpointer data)
{
  Refresh *r = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = fh_database_ward_demand_finish (FH_DATABASE (source), result, &error);

  if (g_error_matches (error, FH_DATABASE_ERROR, FH_DATABASE_ERROR_UNREACHABLE))
    r->unreachable++;
  else if (r->other_error == NULL)
    r->other_error = error ? g_steal_pointer (&error)
                           : g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "rows through a black hole");
  if (g_get_monotonic_time () < r->cutoff)
    r->early++;
  r->pending--;
}

/* A whole page's refresh (eight queries, three connections, one open)
 * into a black hole: once one connection attempt has timed out, the rest
 * of that refresh is answered at once, not one timeout after another. */
static void
test_blackhole_refresh (void)
{
  Proxy *proxy = proxy_start (socket_path);
  g_autofree char *conninfo = proxied_conninfo (proxy, "connect_timeout=2");
  g_autoptr(FhDatabase) db = fh_database_new (conninfo);
  g_autoptr(FhDemandFilter) filter = financial_year_filter ();
  Refresh r = { 0 };
  Pulse pulse = { 0 };
  Wait w = { 0 };
  gint64 start, elapsed, max_gap;

  fh_database_set_statement_timeout (db, 2000);
  fh_database_connect_async (db, NULL, on_connect, &w);
  wait_run (&w);
  g_assert_no_error (w.error);

  g_atomic_int_set (&proxy->blackhole, TRUE);
  pulse_start (&pulse);
  start = g_get_monotonic_time ();
  r.cutoff = start + 3500 * 1000;
  for (int i = 0; i < 8; i++)
    {
      r.pending++;
      fh_database_ward_demand_async (db, filter, NULL, on_ward_demand_refresh, &r);
    }
  while (r.pending > 0 && g_get_monotonic_time () - start < 20 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  elapsed = g_get_monotonic_time () - start;
  max_gap = pulse_stop (&pulse);

  g_test_message ("black-holed refresh of 8 queries: %d answered within 3.5 s, all within %.1f s, "
                  "longest main-loop gap %.1f ms (%.1f ms less waiting for a CPU)",
                  r.early, elapsed / 1e6, pulse.max_gap / 1000.0, max_gap / 1000.0);
  g_assert_cmpint (r.pending, ==, 0);
  g_assert_no_error (r.other_error);
  g_assert_cmpint (r.unreachable, ==, 8);
  /* Two connect timeouts (2 s) answer all but the query on the open
   * connection, which waits for its deadline (2 s + 5 s). */
  g_assert_cmpint (r.early, >=, 7);
  g_assert_cmpint (elapsed, <, 8500 * 1000);
  g_assert_cmpint (max_gap, <, 100 * 1000);

  fh_database_close (db);
  g_clear_object (&db);
  proxy_stop (proxy);
}

/* Connecting into a black hole ends with libpq's connect_timeout. */
static void
test_blackhole_connect (void)
{
  Proxy *proxy = proxy_start (socket_path);
  g_autofree char *conninfo = proxied_conninfo (proxy, "connect_timeout=2");
  g_autoptr(GError) error = NULL;
  g_autoptr(FhDatabase) db = NULL;
  g_autofree char *summary = NULL;
  Pulse pulse = { 0 };
  gint64 start, elapsed, max_gap;

  g_atomic_int_set (&proxy->blackhole, TRUE);
  pulse_start (&pulse);
  start = g_get_monotonic_time ();
  db = connect_or_fail (conninfo, &error);
  elapsed = g_get_monotonic_time () - start;
  max_gap = pulse_stop (&pulse);

  g_assert_null (db);
  g_assert_error (error, FH_DATABASE_ERROR, FH_DATABASE_ERROR_UNREACHABLE);
  summary = fh_error_get_summary (error);
  g_test_message ("black-holed connect: error after %.1f s, longest main-loop gap %.1f ms "
                  "(%.1f ms less waiting for a CPU): %s",
                  elapsed / 1e6, pulse.max_gap / 1000.0, max_gap / 1000.0, summary);
  g_assert_nonnull (strstr (summary, "did not answer in time"));
  g_assert_cmpint (elapsed, <, 5 * G_USEC_PER_SEC);
  g_assert_cmpint (max_gap, <, 100 * 1000);

  proxy_stop (proxy);
}

/* With nothing in the conninfo, the dashboard's own connect_timeout (10 s)
 * is the one libpq uses. */
static void
test_blackhole_connect_default (void)
{
  Proxy *proxy = proxy_start (socket_path);
  g_autofree char *conninfo = proxied_conninfo (proxy, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FhDatabase) db = NULL;
  gint64 start, elapsed;

  if (g_getenv ("PGCONNECT_TIMEOUT") != NULL)
    {
      g_test_skip ("PGCONNECT_TIMEOUT is set, and rightly overrides the default");
      proxy_stop (proxy);
      return;
    }
  g_atomic_int_set (&proxy->blackhole, TRUE);
  start = g_get_monotonic_time ();
  db = connect_or_fail (conninfo, &error);
  elapsed = g_get_monotonic_time () - start;

  g_test_message ("black-holed connect with the default connect_timeout: error after %.1f s",
                  elapsed / 1e6);
  g_assert_null (db);
  g_assert_error (error, FH_DATABASE_ERROR, FH_DATABASE_ERROR_UNREACHABLE);
  g_assert_cmpint (elapsed, >=, 9 * G_USEC_PER_SEC);
  g_assert_cmpint (elapsed, <, 13 * G_USEC_PER_SEC);

  proxy_stop (proxy);
}

/* TLS demanded of a server without it: libpq's reason, not "is it running?". */
static void
test_tls_required (void)
{
  Proxy *proxy = proxy_start (socket_path);
  g_autofree char *conninfo = proxied_conninfo (proxy, "sslmode=require");
  g_autoptr(GError) error = NULL;
  g_autoptr(FhDatabase) db = connect_or_fail (conninfo, &error);
  g_autofree char *summary = NULL;

  g_assert_null (db);
  g_assert_error (error, FH_DATABASE_ERROR, FH_DATABASE_ERROR_TLS);
  summary = fh_error_get_summary (error);
  g_test_message ("%s", summary);
  g_assert_nonnull (strstr (summary, "server does not support SSL, but SSL was required"));

  proxy_stop (proxy);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/database-faults/tls-required", test_tls_required);
  g_test_add_func ("/database-faults/blackhole/connect", test_blackhole_connect);
  g_test_add_func ("/database-faults/blackhole/connect-default", test_blackhole_connect_default);
  g_test_add_func ("/database-faults/blackhole/query", test_blackhole);
  g_test_add_func ("/database-faults/blackhole/refresh", test_blackhole_refresh);

  if (!fh_test_db_init ())
    return 77;
  if (!read_reader_conninfo ())
    {
      g_printerr ("FH_CONNINFO does not name a Unix socket directory: cannot put a proxy in front\n");
      return 77;
    }

  return g_test_run ();
}
