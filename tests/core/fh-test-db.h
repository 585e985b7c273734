/* fh-test-db.h — what the database tests share
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libpq-fe.h>

#include "fh-database.h"

extern const char *reader_conninfo;
extern const char *owner_conninfo;

typedef struct {
  GMainLoop *loop;
  gpointer   value;
  gboolean   ok;
  GError    *error;
} Wait;

/* FALSE (and a message) when FH_CONNINFO / FH_OWNER_CONNINFO are unset. */
gboolean        fh_test_db_init        (void);
void            wait_run               (Wait *w);
FhDatabase     *connect_or_fail        (const char *conninfo, GError **error);
FhDatabase     *connect_reader         (void);
char           *owner_value            (const char *sql, int n_params, const char * const *params);
gint64          owner_count            (const char *sql, int n_params, const char * const *params);
FhDemandFilter *financial_year_filter  (void);

void on_connect     (GObject *source, GAsyncResult *result, gpointer data);
void on_authorities (GObject *source, GAsyncResult *result, gpointer data);
void on_ward_demand (GObject *source, GAsyncResult *result, gpointer data);
void on_monthly     (GObject *source, GAsyncResult *result, gpointer data);
void on_caseloads   (GObject *source, GAsyncResult *result, gpointer data);
void on_indicators  (GObject *source, GAsyncResult *result, gpointer data);
void on_series      (GObject *source, GAsyncResult *result, gpointer data);
void on_extract     (GObject *source, GAsyncResult *result, gpointer data);
