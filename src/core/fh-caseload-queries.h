/* fh-caseload-queries.h — the caseload sections: waiting, over time, front door, routing
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each call is one function of data/sql/08-caseload.sql, run like every
 * FhDatabase call (fh-database.h): on the worker thread, the callback in the
 * caller's main context, cancellable. Counts are FH_COUNT_SUPPRESSED where
 * the reporting layer withheld them and FH_COUNT_MISSING where it gave
 * none; values NAN. Every figure is suppressed (no exact figures here).
 */
#pragma once

#include "fh-database.h"
#include "fh-results.h"

G_BEGIN_DECLS

typedef struct {
  char   *service;              /* "core" | "adolescence" */
  char   *team_name;            /* NULL: ward not known (or the total row) */
  gboolean is_total;            /* the service's total */
  gint64  waiting;
  double  median_days_waiting;  /* NAN when withheld */
} FhWaitingTeam;

typedef struct {
  char   *service;
  char   *band;                 /* "0-7", "8-14", "15-28", "29-56", "57+" */
  int     min_days;
  int     max_days;             /* -1: no upper end */
  gint64  waiting;
} FhWaitingBand;

typedef struct {
  char   *service;
  int     rank;                 /* 1 = longest */
  int     days_waiting;         /* -1 when withheld */
} FhWaitingLongest;

typedef struct {
  GDateTime *month_end;
  char      *service;           /* "core" | "adolescence" | "early" */
  guint      workers;           /* in post on the month end */
  double     fte;               /* NAN when nobody is in post */
  gint64     open_episodes;     /* open in the service, allocated or not */
  gint64     held_episodes;     /* held by its workers in post */
  double     median_per_fte;
  double     mean_per_fte;
} FhCaseloadMonth;

typedef struct {
  char   *ward_code;            /* NULL: the authority */
  char   *ward_name;
  char   *decision;             /* nfa … statutory, or "all" */
  gint64  referrals;
  gint64  within_one_day;
  double  pct_within_one_day;   /* NAN when withheld or out of none */
} FhFrontDoorCell;

typedef struct {
  char   *age_band;             /* "0-4" … "16-17" */
  int     min_age;
  int     max_age;
  gint64  targeted_core;
  gint64  targeted_adolescence;
} FhFrontDoorPath;

typedef struct {
  char    *team_name;           /* NULL: not allocated (or the total row) */
  gboolean is_total;
  gint64   episodes;
} FhRoutingTeam;

/* fh_manager only */
typedef struct {
  char      *episode_ref;       /* "E…": pseudonymous */
  char      *team_name;         /* NULL: not allocated */
  int        age;
  GDateTime *started_on;
  int        days_open;
  char      *needs;             /* the Adolescence needs, comma-separated */
} FhRoutingEpisode;

/* fh_manager only */
typedef struct {
  char *worker_ref;
  char *display_name;           /* NULL: none recorded */
  char *team_name;
  char *service;
} FhWorkerName;

void fh_waiting_team_free     (FhWaitingTeam     *self);
void fh_waiting_band_free     (FhWaitingBand     *self);
void fh_waiting_longest_free  (FhWaitingLongest  *self);
void fh_caseload_month_free   (FhCaseloadMonth   *self);
void fh_front_door_cell_free  (FhFrontDoorCell   *self);
void fh_front_door_path_free  (FhFrontDoorPath   *self);
void fh_routing_team_free     (FhRoutingTeam     *self);
void fh_routing_episode_free  (FhRoutingEpisode  *self);
void fh_worker_name_free      (FhWorkerName      *self);

/* GPtrArray of FhWaitingTeam: per service, its teams then its total */
void       fh_database_waiting_by_team_async  (FhDatabase *self, int authority_id, GDateTime *as_at,
                                               GCancellable *cancellable, GAsyncReadyCallback callback,
                                               gpointer user_data);
GPtrArray *fh_database_waiting_by_team_finish (FhDatabase *self, GAsyncResult *result, GError **error);

/* GPtrArray of FhWaitingBand: core's five bands, then adolescence's */
void       fh_database_waiting_bands_async    (FhDatabase *self, int authority_id, GDateTime *as_at,
                                               GCancellable *cancellable, GAsyncReadyCallback callback,
                                               gpointer user_data);
GPtrArray *fh_database_waiting_bands_finish   (FhDatabase *self, GAsyncResult *result, GError **error);

/* GPtrArray of FhWaitingLongest, per service longest first */
void       fh_database_waiting_longest_async  (FhDatabase *self, int authority_id, GDateTime *as_at,
                                               GCancellable *cancellable, GAsyncReadyCallback callback,
                                               gpointer user_data);
GPtrArray *fh_database_waiting_longest_finish (FhDatabase *self, GAsyncResult *result, GError **error);

/* GPtrArray of FhCaseloadMonth: every month end from @from's month to
 * @to's, three services each, oldest first */
void       fh_database_caseload_trend_async   (FhDatabase *self, int authority_id, GDateTime *from,
                                               GDateTime *to, GCancellable *cancellable,
                                               GAsyncReadyCallback callback, gpointer user_data);
GPtrArray *fh_database_caseload_trend_finish  (FhDatabase *self, GAsyncResult *result, GError **error);

/* GPtrArray of FhFrontDoorCell: per ward (by code), then the authority;
 * seven decisions each. @from and @to whole months. */
void       fh_database_front_door_async       (FhDatabase *self, int authority_id, GDateTime *from,
                                               GDateTime *to, GCancellable *cancellable,
                                               GAsyncReadyCallback callback, gpointer user_data);
GPtrArray *fh_database_front_door_finish      (FhDatabase *self, GAsyncResult *result, GError **error);

/* GPtrArray of FhFrontDoorPath, youngest band first */
void       fh_database_front_door_path_async  (FhDatabase *self, int authority_id, GDateTime *from,
                                               GDateTime *to, GCancellable *cancellable,
                                               GAsyncReadyCallback callback, gpointer user_data);
GPtrArray *fh_database_front_door_path_finish (FhDatabase *self, GAsyncResult *result, GError **error);

/* GPtrArray of FhRoutingTeam: every Core team, not allocated, the total */
void       fh_database_routing_check_async    (FhDatabase *self, int authority_id, GDateTime *as_at,
                                               GCancellable *cancellable, GAsyncReadyCallback callback,
                                               gpointer user_data);
GPtrArray *fh_database_routing_check_finish   (FhDatabase *self, GAsyncResult *result, GError **error);

/* GPtrArray of FhRoutingEpisode; an error (42501) for anyone but fh_manager */
void       fh_database_routing_review_async   (FhDatabase *self, int authority_id, GDateTime *as_at,
                                               GCancellable *cancellable, GAsyncReadyCallback callback,
                                               gpointer user_data);
GPtrArray *fh_database_routing_review_finish  (FhDatabase *self, GAsyncResult *result, GError **error);

/* GPtrArray of FhWorkerName; an error (42501) for anyone but fh_manager */
void       fh_database_worker_names_async     (FhDatabase *self, int authority_id, GDateTime *as_at,
                                               GCancellable *cancellable, GAsyncReadyCallback callback,
                                               gpointer user_data);
GPtrArray *fh_database_worker_names_finish    (FhDatabase *self, GAsyncResult *result, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FhWaitingTeam, fh_waiting_team_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FhCaseloadMonth, fh_caseload_month_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FhFrontDoorCell, fh_front_door_cell_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FhRoutingEpisode, fh_routing_episode_free)

G_END_DECLS
