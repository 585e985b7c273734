/* test-connect-params.c — what libpq is given for a connection text
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dashboard adds connect_timeout, TCP keepalives and tcp_user_timeout
 * so that a dead network ends in a message, but only where the user has not
 * chosen: the user's own values, in key=value or URI form, pass through
 * exactly as libpq parsed them. No server needed.
 */
#include <string.h>

#include "fh-database-private.h"

typedef struct {
  GStrv keywords;
  GStrv values;
} Params;

static void
params_clear (Params *p)
{
  g_clear_pointer (&p->keywords, g_strfreev);
  g_clear_pointer (&p->values, g_strfreev);
}

static void
params_build (Params     *p,
              const char *conninfo)
{
  g_autoptr(GError) error = NULL;

  params_clear (p);
  g_assert_true (fh_database_connect_params (conninfo, &p->keywords, &p->values, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (p->keywords), ==, g_strv_length (p->values));
}

/* The value given for @keyword, NULL if none; fails if given twice. */
static const char *
params_get (Params     *p,
            const char *keyword)
{
  const char *value = NULL;
  int seen = 0;

  for (guint i = 0; p->keywords[i] != NULL; i++)
    if (g_str_equal (p->keywords[i], keyword))
      {
        value = p->values[i];
        seen++;
      }
  g_assert_cmpint (seen, <=, 1);
  return value;
}

static void
test_defaults_added (void)
{
  Params p = { 0 };

  params_build (&p, "host=db.example.org dbname=familyhelp user=fh_reader");
  g_assert_cmpstr (params_get (&p, "host"), ==, "db.example.org");
  g_assert_cmpstr (params_get (&p, "dbname"), ==, "familyhelp");
  g_assert_cmpstr (params_get (&p, "connect_timeout"), ==, "10");
  g_assert_cmpstr (params_get (&p, "keepalives"), ==, "1");
  g_assert_cmpstr (params_get (&p, "keepalives_idle"), ==, "20");
  g_assert_cmpstr (params_get (&p, "keepalives_interval"), ==, "5");
  g_assert_cmpstr (params_get (&p, "keepalives_count"), ==, "3");
  g_assert_cmpstr (params_get (&p, "tcp_user_timeout"), ==, "20000");
  g_assert_cmpstr (params_get (&p, "fallback_application_name"), ==, "family-help-dashboard");
  g_assert_null (params_get (&p, "application_name"));
  params_clear (&p);
}

static void
test_user_values_kept (void)
{
  Params p = { 0 };

  params_build (&p, "host=db port=6432 connect_timeout=3 keepalives=0 tcp_user_timeout=100 "
                    "application_name='board pack' options='-c statement_timeout=5000'");
  g_assert_cmpstr (params_get (&p, "connect_timeout"), ==, "3");
  g_assert_cmpstr (params_get (&p, "keepalives"), ==, "0");
  g_assert_cmpstr (params_get (&p, "tcp_user_timeout"), ==, "100");
  g_assert_cmpstr (params_get (&p, "application_name"), ==, "board pack");
  g_assert_cmpstr (params_get (&p, "options"), ==, "-c statement_timeout=5000");
  /* The ones not set still get their defaults. */
  g_assert_cmpstr (params_get (&p, "keepalives_idle"), ==, "20");
  params_clear (&p);
}

static void
test_uri (void)
{
  Params p = { 0 };

  params_build (&p, "postgresql://fh_reader@replica1.example.org:5432,replica2.example.org:5433/"
                    "familyhelp?target_session_attrs=prefer-standby&connect_timeout=4");
  g_assert_cmpstr (params_get (&p, "host"), ==, "replica1.example.org,replica2.example.org");
  g_assert_cmpstr (params_get (&p, "port"), ==, "5432,5433");
  g_assert_cmpstr (params_get (&p, "user"), ==, "fh_reader");
  g_assert_cmpstr (params_get (&p, "dbname"), ==, "familyhelp");
  g_assert_cmpstr (params_get (&p, "target_session_attrs"), ==, "prefer-standby");
  g_assert_cmpstr (params_get (&p, "connect_timeout"), ==, "4");
  g_assert_cmpstr (params_get (&p, "tcp_user_timeout"), ==, "20000");
  params_clear (&p);
}

/* The environment is the user's choice too; a service file decides for itself. */
static void
test_environment_and_service (void)
{
  Params p = { 0 };

  g_setenv ("PGCONNECT_TIMEOUT", "7", TRUE);
  params_build (&p, "host=db");
  g_unsetenv ("PGCONNECT_TIMEOUT");
  g_assert_null (params_get (&p, "connect_timeout"));
  g_assert_cmpstr (params_get (&p, "keepalives"), ==, "1");

  params_build (&p, "service=familyhelp");
  g_assert_cmpstr (params_get (&p, "service"), ==, "familyhelp");
  g_assert_null (params_get (&p, "connect_timeout"));
  g_assert_null (params_get (&p, "tcp_user_timeout"));
  g_assert_cmpstr (params_get (&p, "fallback_application_name"), ==, "family-help-dashboard");

  params_build (&p, "");
  g_assert_cmpstr (params_get (&p, "connect_timeout"), ==, "10");
  params_clear (&p);
}

static void
test_refused (void)
{
  g_autofree char *padding = g_strnfill (100 * 1024, 'x');
  g_autofree char *long_text = g_strdup_printf ("host=db dbname=%s", padding);
  const char *bad[] = { "this is not a connection string", "host=db nosuchoption=1",
                        "postgresql://db/x?nosuch=1", long_text };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) keywords = NULL;
      g_auto(GStrv) values = NULL;

      g_assert_false (fh_database_connect_params (bad[i], &keywords, &values, &error));
      g_assert_error (error, FH_DATABASE_ERROR, FH_DATABASE_ERROR_BAD_CONNINFO);
      g_assert_null (keywords);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_unsetenv ("PGSERVICE");
  g_unsetenv ("PGCONNECT_TIMEOUT");

  g_test_add_func ("/connect-params/defaults", test_defaults_added);
  g_test_add_func ("/connect-params/user-values", test_user_values_kept);
  g_test_add_func ("/connect-params/uri", test_uri);
  g_test_add_func ("/connect-params/environment-and-service", test_environment_and_service);
  g_test_add_func ("/connect-params/refused", test_refused);

  return g_test_run ();
}
