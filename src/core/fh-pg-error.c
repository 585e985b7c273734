/* fh-pg-error.c — turning libpq's words into ones a manager can act on
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libpq does not give a SQLSTATE for a failed connection, only its message,
 * so connection failures are classified by the phrases libpq uses (which are
 * not translated when lc_messages is C, the default for a client library
 * without bound text domains). Whatever the class, libpq's own text is kept
 * as the error's detail, so nothing is lost.
 */
#include <glib/gi18n.h>
#include <gio/gio.h>
#include <string.h>

#include "fh-pg-error.h"

static GError *
error_with_detail (FhDatabaseError  code,
                   const char      *summary,
                   const char      *detail)
{
  g_autofree char *clean = NULL;

  if (detail == NULL || *detail == '\0')
    return g_error_new_literal (FH_DATABASE_ERROR, code, summary);

  clean = g_strstrip (g_strdup (detail));
  return g_error_new (FH_DATABASE_ERROR, code, "%s\n\n%s", summary, clean);
}

/* "db.example.org:5432", or "the local socket in /run/postgresql (port 5432)" */
char *
fh_pg_describe_server (PGconn *conn)
{
  const char *host = conn ? PQhost (conn) : NULL;
  const char *port = conn ? PQport (conn) : NULL;

  if (host == NULL || *host == '\0')
    host = "/var/run/postgresql";
  if (port == NULL || *port == '\0')
    port = "5432";

  if (host[0] == '/' || host[0] == '@')
    return g_strdup_printf (_("the local socket in %s (port %s)"), host, port);

  return g_strdup_printf ("%s:%s", host, port);
}

GError *
fh_pg_error_from_conninfo (const char *libpq_message)
{
  return error_with_detail (FH_DATABASE_ERROR_BAD_CONNINFO,
                            _("The connection details could not be understood. "
                              "Use a connection string such as “host=… dbname=… user=…”, "
                              "a postgresql:// address, or “service=NAME”."),
                            libpq_message);
}

/* libpq's reason in one line: the last line that says what failed, without
 * the "connection to server … failed: " lead and the server's "FATAL:  ". */
char *
fh_pg_connect_reason (const char *message)
{
  g_auto(GStrv) lines = NULL;
  const char *reason = NULL;
  const char *failed;

  if (message == NULL || *message == '\0')
    return g_strdup ("");

  lines = g_strsplit (message, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      /* Hints follow as tab-indented lines; each host tried has its own line. */
      if (lines[i][0] != '\0' && lines[i][0] != '\t' && lines[i][0] != ' ')
        reason = lines[i];
    }
  if (reason == NULL)
    reason = lines[0];

  failed = strstr (reason, " failed: ");
  if (failed != NULL)
    reason = failed + strlen (" failed: ");

  for (;;)
    {
      if (g_str_has_prefix (reason, "FATAL:"))
        reason += strlen ("FATAL:");
      else if (g_str_has_prefix (reason, "ERROR:"))
        reason += strlen ("ERROR:");
      else
        break;
      while (*reason == ' ')
        reason++;
    }

  return g_strstrip (g_strdup (reason));
}

static gboolean
contains_any (const char         *message,
              const char * const *phrases)
{
  for (guint i = 0; phrases[i] != NULL; i++)
    if (strstr (message, phrases[i]) != NULL)
      return TRUE;
  return FALSE;
}

GError *
fh_pg_error_classify_connect (const char *message,
                              const char *server,
                              const char *user,
                              const char *dbname)
{
  static const char * const tls[] = {
    "SSL", "TLS", "certificate", "GSSAPI", "channel binding", NULL
  };
  static const char * const refused_login[] = {
    "not permitted to log in", "no pg_hba.conf entry", "pg_hba.conf rejects",
    "too many connections", "remaining connection slots", NULL
  };
  static const char * const network[] = {
    "Connection refused", "No such file or directory", "Network is unreachable",
    "No route to host", "Connection timed out", "Host is unreachable",
    "Is the server running", "could not connect to server", NULL
  };
  g_autofree char *summary = NULL;
  g_autofree char *reason = NULL;
  FhDatabaseError code;

  if (message == NULL)
    message = "";
  reason = fh_pg_connect_reason (message);

  if (strstr (message, "definition of service") != NULL ||
      strstr (message, "service file") != NULL)
    {
      code = FH_DATABASE_ERROR_BAD_CONNINFO;
      summary = g_strdup (_("The named connection service was not found. "
                            "Check the service name and your pg_service.conf file."));
    }
  else if (strstr (message, "could not translate host name") != NULL)
    {
      code = FH_DATABASE_ERROR_UNREACHABLE;
      summary = g_strdup_printf (_("Cannot find the database server %s — check the server name "
                                   "and your network connection."), server);
    }
  else if (strstr (message, "connection to server") == NULL && *message != '\0')
    {
      /* libpq refused the options themselves before trying any server:
       * "invalid sslmode value", "could not match 2 port numbers to 3 hosts" … */
      code = FH_DATABASE_ERROR_BAD_CONNINFO;
      summary = g_strdup_printf (_("The connection details are not valid: %s."), reason);
    }
  else if (strstr (message, "password authentication failed") != NULL ||
           strstr (message, "no password supplied") != NULL ||
           (strstr (message, "role \"") != NULL && strstr (message, "does not exist") != NULL))
    {
      code = FH_DATABASE_ERROR_AUTHENTICATION;
      summary = g_strdup_printf (_("The database server at %s did not accept the user name “%s” "
                                   "or its password. Check the user name, and the password in "
                                   "your .pgpass file or PGPASSWORD."), server, user);
    }
  else if (contains_any (message, tls))
    {
      code = FH_DATABASE_ERROR_TLS;
      summary = g_strdup_printf (_("The secure connection to the database server at %s could not "
                                   "be set up: %s."), server, reason);
    }
  else if (strstr (message, "authentication failed") != NULL ||
           contains_any (message, refused_login))
    {
      code = FH_DATABASE_ERROR_AUTHENTICATION;
      summary = g_strdup_printf (_("The database server at %s refused the user “%s”: %s."),
                                 server, user, reason);
    }
  else if (strstr (message, "database \"") != NULL && strstr (message, "does not exist") != NULL)
    {
      code = FH_DATABASE_ERROR_NO_DATABASE;
      summary = g_strdup_printf (_("The database server at %s has no database called “%s”. "
                                   "Check the database name."), server, dbname);
    }
  else if (strstr (message, "timeout expired") != NULL)
    {
      code = FH_DATABASE_ERROR_UNREACHABLE;
      summary = g_strdup_printf (_("The database server at %s did not answer in time — "
                                   "is it running, and is the network up?"), server);
    }
  else if (contains_any (message, network))
    {
      code = FH_DATABASE_ERROR_UNREACHABLE;
      summary = g_strdup_printf (_("Cannot reach the database server at %s — is it running?"),
                                 server);
    }
  else
    {
      /* The server answered, then refused or dropped the session: say what libpq says. */
      code = FH_DATABASE_ERROR_REFUSED;
      summary = g_strdup_printf (_("The database server at %s did not open a session: %s."),
                                 server, reason);
    }

  return error_with_detail (code, summary, message);
}

GError *
fh_pg_error_from_connect (PGconn *conn)
{
  g_autofree char *server = fh_pg_describe_server (conn);
  const char *user = conn ? PQuser (conn) : NULL;
  const char *dbname = conn ? PQdb (conn) : NULL;

  return fh_pg_error_classify_connect (conn ? PQerrorMessage (conn) : NULL,
                                       server,
                                       user ? user : "",
                                       dbname ? dbname : "");
}

/* reporting.exact_figures() refused exact figures (03-reporting.sql): its
 * constraint name says so; a reporting layer installed before it had one
 * still names the function in the context (function names are never
 * translated, the words around them may be). */
static gboolean
is_exact_figures_refusal (PGresult *result)
{
  const char *constraint = PQresultErrorField (result, PG_DIAG_CONSTRAINT_NAME);
  const char *context = PQresultErrorField (result, PG_DIAG_CONTEXT);

  return g_strcmp0 (constraint, "fh_exact_figures") == 0
         || (context != NULL && strstr (context, "reporting.exact_figures(") != NULL);
}

GError *
fh_pg_error_from_result (PGconn   *conn,
                         PGresult *result,
                         gboolean  cancelled,
                         guint     timeout_ms)
{
  const char *sqlstate = result ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *message = result ? PQresultErrorMessage (result) : NULL;
  g_autofree char *server = fh_pg_describe_server (conn);
  g_autofree char *summary = NULL;
  FhDatabaseError code;

  if (message == NULL || *message == '\0')
    message = PQerrorMessage (conn);

  if (cancelled)
    return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The query was cancelled."));

  if (PQstatus (conn) != CONNECTION_OK || (sqlstate != NULL && g_str_has_prefix (sqlstate, "08")))
    {
      code = FH_DATABASE_ERROR_UNREACHABLE;
      summary = g_strdup_printf (_("Lost the connection to the database server at %s — "
                                   "is it still running? Refresh to try again."), server);
    }
  else if (g_strcmp0 (sqlstate, "57014") == 0
           && message != NULL && strstr (message, "statement timeout") == NULL)
    {
      /* cancelled on the server, but not by the statement timeout (a
       * cancel request, or an administrator): not "took too long" */
      code = FH_DATABASE_ERROR_QUERY;
      summary = g_strdup (_("The database server cancelled the query. Refresh to try again."));
    }
  else if (g_strcmp0 (sqlstate, "57014") == 0)
    {
      code = FH_DATABASE_ERROR_TIMEOUT;
      summary = g_strdup_printf (_("The database took longer than %u seconds to answer and the "
                                   "query was stopped. Try a shorter period, or ask your data "
                                   "team to check the server."), timeout_ms / 1000);
    }
  else if (g_strcmp0 (sqlstate, "42501") == 0 && is_exact_figures_refusal (result))
    {
      /* the role reads the data, only not unsuppressed: not "may not read" */
      code = FH_DATABASE_ERROR_EXACT_FIGURES;
      summary = g_strdup_printf (_("Your database account “%s” may only see published figures, "
                                   "with small numbers (1 to 5) suppressed and shown as “c”. Exact "
                                   "figures are for a service manager’s login (fh_manager), so the "
                                   "dashboard stays in publication view."), PQuser (conn));
    }
  else if (g_strcmp0 (sqlstate, "42501") == 0)
    {
      code = FH_DATABASE_ERROR_PERMISSION;
      summary = g_strdup_printf (_("Your database account “%s” may not read the Family Help "
                                   "reporting data. Ask your data team to grant it the "
                                   "fh_reader role."), PQuser (conn));
    }
  else if (g_strcmp0 (sqlstate, "42883") == 0 || g_strcmp0 (sqlstate, "3F000") == 0 ||
           g_strcmp0 (sqlstate, "42P01") == 0 || g_strcmp0 (sqlstate, "42703") == 0)
    {
      code = FH_DATABASE_ERROR_SCHEMA;
      summary = g_strdup (_("This database does not have the Family Help reporting layer, or "
                            "has an older version of it. Ask your data team to install "
                            "data/sql from this version of the dashboard."));
    }
  else
    {
      code = FH_DATABASE_ERROR_QUERY;
      summary = g_strdup (_("The database could not answer the query."));
    }

  return error_with_detail (code, summary, message);
}
