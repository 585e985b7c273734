/* fh-database.h — the app's one door to PostgreSQL
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An FhDatabase owns a small pool of worker threads, each owning its own
 * PGconn (opened when first needed), so a slow query does not hold up the
 * others. Every call below queues a job and returns at once; the result
 * comes back through a GAsyncReadyCallback in the caller's main context.
 * Cancelling the GCancellable sends a cancel request to the server
 * (PQcancel) when the query is already running, and answers at once when it
 * is still queued or connecting; either way the _finish() function then
 * fails with G_IO_ERROR_CANCELLED. A connection that broke (server restart,
 * fail-over to a standby listed in a multi-host conninfo) is reopened and
 * the query sent again once. No call here blocks the caller.
 *
 * Sessions are read-only (default_transaction_read_only), have a
 * statement_timeout, and name themselves "family-help-dashboard" in
 * application_name unless the connection text says otherwise. All SQL is
 * parameterised; the only SQL the app knows are calls of the reporting-layer
 * functions (docs/data-contract.md).
 */
#pragma once

#include <gio/gio.h>

#include "fh-error.h"
#include "fh-filter.h"
#include "fh-results.h"

G_BEGIN_DECLS

#define FH_TYPE_DATABASE (fh_database_get_type ())
G_DECLARE_FINAL_TYPE (FhDatabase, fh_database, FH, DATABASE, GObject)

/* @conninfo: a libpq "key=value" string, a postgresql:// URI, "service=NAME"
 * (pg_service.conf), or "" to use only the PG* environment variables and
 * ~/.pgpass. The password is never stored by the app. */
FhDatabase *fh_database_new                    (const char           *conninfo);

const char *fh_database_get_conninfo           (FhDatabase           *self);
/* "dbname on host:port as user", or NULL before a successful connect. The
 * "description" property is notified when it changes (a fail-over to
 * another host of a multi-host conninfo). */
const char *fh_database_get_description        (FhDatabase           *self);
/* TRUE after a successful connect until a query finds the server gone (or
 * fh_database_close()), and again once a connection reopens. The
 * "connected" property is notified in the main context the database was
 * created in, so a status line can follow it. */
gboolean    fh_database_is_connected           (FhDatabase           *self);

/* statement_timeout in milliseconds (default 30000), applied to every
 * session before its next query; a shorter limit the session already has
 * (options=-c statement_timeout=… in the conninfo, or ALTER ROLE … SET) is
 * kept. A query also has a client-side deadline of the timeout in force
 * plus five seconds: when nothing comes back by then (a dead network), it
 * fails with FH_DATABASE_ERROR_UNREACHABLE. */
void        fh_database_set_statement_timeout  (FhDatabase           *self,
                                                guint                 timeout_ms);
guint       fh_database_get_statement_timeout  (FhDatabase           *self);

/* How many queries may run at once, each on its own connection opened when
 * first needed (default 3). Only before the first connect. */
/* Whether the reporting functions are asked for exact figures (their
 * p_exact), for every query started from now on. FALSE (the default) asks
 * for small numbers suppressed, as published; TRUE is only for a role that
 * may see exact figures (FhSessionPrivileges.exact_allowed), whose window is
 * not in publication view: the reporting layer refuses it to anyone else.
 * One setting for the whole connection, read by every query wrapper when it
 * submits, so no page can forget it; exports never depend on it (the app
 * only offers them while the figures shown are suppressed). */
void        fh_database_set_exact_figures      (FhDatabase           *self,
                                                gboolean              exact);
gboolean    fh_database_get_exact_figures      (FhDatabase           *self);

void        fh_database_set_max_connections    (FhDatabase           *self,
                                                guint                 n_connections);
guint       fh_database_get_max_connections    (FhDatabase           *self);

/* Stops everything at once: queued and running jobs complete with
 * G_IO_ERROR_CANCELLED ("closed"), running queries are cancelled on the
 * server and the connections dropped; later calls fail the same way. Call
 * it when the window that owns the database goes away — a plain unref
 * leaves running queries to finish, because each pending job holds a
 * reference. Idempotent; finalising does the same. */
void        fh_database_close                  (FhDatabase           *self);

void        fh_database_connect_async          (FhDatabase           *self,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean    fh_database_connect_finish         (FhDatabase           *self,
                                                GAsyncResult         *result,
                                                GError              **error);

/* GPtrArray of FhAuthority */
void        fh_database_authorities_async      (FhDatabase           *self,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GPtrArray  *fh_database_authorities_finish     (FhDatabase           *self,
                                                GAsyncResult         *result,
                                                GError              **error);

/* When the data team last loaded the data: GDateTime (UTC), or NULL with no error if never. */
void        fh_database_extract_time_async     (FhDatabase           *self,
                                                int                   authority_id,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GDateTime  *fh_database_extract_time_finish    (FhDatabase           *self,
                                                GAsyncResult         *result,
                                                GError              **error);

/* GPtrArray of FhWardDemand, one per ward of the authority (zero rows included) */
void        fh_database_ward_demand_async      (FhDatabase           *self,
                                                const FhDemandFilter *filter,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GPtrArray  *fh_database_ward_demand_finish     (FhDatabase           *self,
                                                GAsyncResult         *result,
                                                GError              **error);

/* The same measures for the whole authority: one FhWardDemand whose
 * ward_code is NULL and ward_name the authority's name. */
void          fh_database_authority_demand_async  (FhDatabase           *self,
                                                   const FhDemandFilter *filter,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
FhWardDemand *fh_database_authority_demand_finish (FhDatabase           *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);

/* GPtrArray of FhWardProfile: reference figures and boundaries of every
 * ward of the authority. GeoJSON is parsed on the worker thread; a boundary
 * that cannot be read becomes NULL (the map then falls back to hexagons). */
void        fh_database_ward_profiles_async    (FhDatabase           *self,
                                                int                   authority_id,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GPtrArray  *fh_database_ward_profiles_finish   (FhDatabase           *self,
                                                GAsyncResult         *result,
                                                GError              **error);

/* GPtrArray of FhNeedCount: the needs most recorded on episodes started in
 * the period, in @ward_code (NULL: the whole authority), most first. */
void        fh_database_top_needs_async        (FhDatabase           *self,
                                                int                   authority_id,
                                                const char           *ward_code,
                                                GDateTime            *from,
                                                GDateTime            *to,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GPtrArray  *fh_database_top_needs_finish       (FhDatabase           *self,
                                                GAsyncResult         *result,
                                                GError              **error);

/* GPtrArray of FhMonthlyDemand, @ward_code NULL for the whole authority */
void        fh_database_demand_monthly_async   (FhDatabase           *self,
                                                int                   authority_id,
                                                const char           *ward_code,
                                                GDateTime            *from,
                                                GDateTime            *to,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GPtrArray  *fh_database_demand_monthly_finish  (FhDatabase           *self,
                                                GAsyncResult         *result,
                                                GError              **error);

/* GPtrArray of FhWorkerCaseload, as at @as_at */
void        fh_database_caseloads_async        (FhDatabase           *self,
                                                int                   authority_id,
                                                GDateTime            *as_at,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GPtrArray  *fh_database_caseloads_finish       (FhDatabase           *self,
                                                GAsyncResult         *result,
                                                GError              **error);

/* GPtrArray of FhIndicatorSummary, ordered by priority then indicator */
void        fh_database_indicators_async       (FhDatabase           *self,
                                                int                   authority_id,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GPtrArray  *fh_database_indicators_finish      (FhDatabase           *self,
                                                GAsyncResult         *result,
                                                GError              **error);

/* GPtrArray of FhIndicatorPoint, oldest first */
void        fh_database_indicator_series_async (FhDatabase           *self,
                                                int                   authority_id,
                                                const char           *indicator_code,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GPtrArray  *fh_database_indicator_series_finish(FhDatabase           *self,
                                                GAsyncResult         *result,
                                                GError              **error);

G_END_DECLS
