/* test-conninfo.c — no password is ever remembered
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <libpq-fe.h>

#include "fh-conninfo.h"

/* The value libpq reads for @keyword in @conninfo, or NULL. */
static char *
parsed_value (const char *conninfo, const char *keyword)
{
  PQconninfoOption *options = PQconninfoParse (conninfo, NULL);
  char *value = NULL;

  g_assert_nonnull (options);
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    if (g_str_equal (o->keyword, keyword) && o->val != NULL)
      value = g_strdup (o->val);
  PQconninfoFree (options);
  return value;
}

static void
test_keyword_value (void)
{
  const char *typed = "host=db.council.example dbname=familyhelp user=fh_reader password=s3cret! port=5433";
  g_autofree char *kept = fh_conninfo_without_password (typed);
  g_autofree char *host = NULL, *db = NULL, *user = NULL, *port = NULL, *password = NULL;

  g_assert_true (fh_conninfo_has_password (typed));
  g_assert_nonnull (kept);
  g_assert_null (strstr (kept, "s3cret"));
  g_assert_false (fh_conninfo_has_password (kept));
  host = parsed_value (kept, "host");
  db = parsed_value (kept, "dbname");
  user = parsed_value (kept, "user");
  port = parsed_value (kept, "port");
  password = parsed_value (kept, "password");
  g_assert_cmpstr (host, ==, "db.council.example");
  g_assert_cmpstr (db, ==, "familyhelp");
  g_assert_cmpstr (user, ==, "fh_reader");
  g_assert_cmpstr (port, ==, "5433");
  g_assert_null (password);
}

static void
test_uri (void)
{
  const char *typed = "postgresql://fh_reader:hunter2@db.council.example:5432/familyhelp?sslmode=require&password=other";
  g_autofree char *kept = fh_conninfo_without_password (typed);
  g_autofree char *sslmode = NULL, *user = NULL;

  g_assert_true (fh_conninfo_has_password (typed));
  g_assert_null (strstr (kept, "hunter2"));
  g_assert_null (strstr (kept, "other"));
  sslmode = parsed_value (kept, "sslmode");
  user = parsed_value (kept, "user");
  g_assert_cmpstr (sslmode, ==, "require");
  g_assert_cmpstr (user, ==, "fh_reader");
}

static void
test_quoting_survives (void)
{
  /* a quoted value with spaces, a quote and a backslash, and a password
   * that looks like another keyword */
  const char *typed = "application_name='it\\'s a \\\\test' password='x user=postgres' dbname=fh";
  g_autofree char *kept = fh_conninfo_without_password (typed);
  g_autofree char *name = NULL, *user = NULL, *original = NULL;

  g_assert_nonnull (kept);
  name = parsed_value (kept, "application_name");
  user = parsed_value (kept, "user");
  original = parsed_value (typed, "application_name");
  g_assert_cmpstr (original, ==, "it's a \\test");

  g_assert_cmpstr (name, ==, original);
  g_assert_null (user);
  g_assert_false (fh_conninfo_has_password (kept));
}

static void
test_without_password_unchanged (void)
{
  const char *typed = "service=familyhelp";
  g_autofree char *kept = fh_conninfo_without_password (typed);
  g_autofree char *empty = fh_conninfo_without_password ("");

  g_assert_cmpstr (kept, ==, typed);
  g_assert_cmpstr (empty, ==, "");
  g_assert_null (fh_conninfo_without_password ("host='unterminated"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/conninfo/keyword-value", test_keyword_value);
  g_test_add_func ("/conninfo/uri", test_uri);
  g_test_add_func ("/conninfo/quoting", test_quoting_survives);
  g_test_add_func ("/conninfo/no-password", test_without_password_unchanged);
  return g_test_run ();
}
