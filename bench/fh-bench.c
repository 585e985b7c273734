/* fh-bench.c — how long each reporting query takes as the app runs it
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: fh-bench CONNINFO [AUTHORITY_ID] [REPEATS]
 * Times the full app path: FhDatabase queues the call, the worker thread runs
 * it with PQexecParams, rows become typed structures, and the result arrives
 * back on the main loop. Prints one line per query: median and worst in ms,
 * and flags a median over the 100 ms target. Every reporting function a page
 * calls is here: demand, caseloads and priorities.
 */
#include <stdlib.h>

#include "fh-caseload-queries.h"
#include "fh-data-completeness.h"
#include "fh-database.h"
#include "fh-demand-measures.h"
#include "fh-priority-queries.h"
#include "fh-service-caseload.h"
#include "fh-team-caseload.h"
#include "fh-session-privileges.h"

typedef struct {
  GMainLoop *loop;
  GError    *error;
  guint      n_items;
} Wait;

static void
on_connected (GObject *source, GAsyncResult *result, gpointer data)
{
  Wait *w = data;
  fh_database_connect_finish (FH_DATABASE (source), result, &w->error);
  g_main_loop_quit (w->loop);
}

#define DEFINE_ON_ARRAY(name, finish)                                              \
  static void name (GObject *source, GAsyncResult *result, gpointer data)          \
  {                                                                                \
    Wait *w = data;                                                                \
    g_autoptr(GPtrArray) rows = finish (FH_DATABASE (source), result, &w->error);  \
    w->n_items = rows ? rows->len : 0;                                             \
    g_main_loop_quit (w->loop);                                                    \
  }

DEFINE_ON_ARRAY (on_ward_demand, fh_database_ward_demand_finish)
DEFINE_ON_ARRAY (on_monthly, fh_database_demand_monthly_finish)
DEFINE_ON_ARRAY (on_caseloads, fh_database_caseloads_finish)
DEFINE_ON_ARRAY (on_indicators, fh_database_indicators_finish)
DEFINE_ON_ARRAY (on_series, fh_database_indicator_series_finish)
DEFINE_ON_ARRAY (on_authorities, fh_database_authorities_finish)
DEFINE_ON_ARRAY (on_profiles, fh_database_ward_profiles_finish)
DEFINE_ON_ARRAY (on_needs, fh_database_top_needs_finish)
DEFINE_ON_ARRAY (on_services, fh_database_service_caseloads_finish)
DEFINE_ON_ARRAY (on_teams, fh_database_team_caseloads_finish)
DEFINE_ON_ARRAY (on_measures, fh_database_demand_measures_finish)
DEFINE_ON_ARRAY (on_completeness, fh_database_completeness_finish)
DEFINE_ON_ARRAY (on_overview, fh_database_priority_overview_finish)
DEFINE_ON_ARRAY (on_priority_series, fh_database_priority_series_finish)
DEFINE_ON_ARRAY (on_detail, fh_database_indicator_detail_finish)
DEFINE_ON_ARRAY (on_comparators, fh_database_indicator_comparators_finish)
DEFINE_ON_ARRAY (on_commentary, fh_database_indicator_commentary_finish)
DEFINE_ON_ARRAY (on_success, fh_database_success_measures_finish)
DEFINE_ON_ARRAY (on_waiting_teams, fh_database_waiting_by_team_finish)
DEFINE_ON_ARRAY (on_waiting_bands, fh_database_waiting_bands_finish)
DEFINE_ON_ARRAY (on_waiting_longest, fh_database_waiting_longest_finish)
DEFINE_ON_ARRAY (on_trend, fh_database_caseload_trend_finish)
DEFINE_ON_ARRAY (on_front_door, fh_database_front_door_finish)
DEFINE_ON_ARRAY (on_front_door_path, fh_database_front_door_path_finish)
DEFINE_ON_ARRAY (on_routing, fh_database_routing_check_finish)

static void
on_privileges (GObject *source, GAsyncResult *result, gpointer data)
{
  Wait *w = data;
  g_autoptr(FhSessionPrivileges) p = fh_database_session_privileges_finish (FH_DATABASE (source), result, &w->error);
  w->n_items = p ? 1 : 0;
  g_main_loop_quit (w->loop);
}

static void
on_city (GObject *source, GAsyncResult *result, gpointer data)
{
  Wait *w = data;
  g_autoptr(FhWardDemand) city = fh_database_authority_demand_finish (FH_DATABASE (source), result, &w->error);
  w->n_items = city ? 1 : 0;
  g_main_loop_quit (w->loop);
}

static void
on_extract (GObject *source, GAsyncResult *result, gpointer data)
{
  Wait *w = data;
  g_autoptr(GDateTime) t = fh_database_extract_time_finish (FH_DATABASE (source), result, &w->error);
  w->n_items = t ? 1 : 0;
  g_main_loop_quit (w->loop);
}

typedef enum { Q_PRIVILEGES, Q_AUTHORITIES, Q_EXTRACT, Q_WARD_DEMAND, Q_WARD_DEMAND_FILTERED,
               Q_AUTHORITY_DEMAND, Q_DEMAND_MEASURES, Q_DEMAND_MEASURES_FILTERED, Q_COMPLETENESS,
               Q_PROFILES, Q_TOP_NEEDS, Q_MONTHLY_CITY, Q_MONTHLY_WARD,
               Q_CASELOADS, Q_SERVICE_CASELOADS, Q_TEAM_CASELOADS, Q_WAITING_TEAMS, Q_WAITING_BANDS,
               Q_WAITING_LONGEST, Q_TREND, Q_FRONT_DOOR, Q_FRONT_DOOR_PATH, Q_ROUTING,
               Q_INDICATORS, Q_SERIES,
               Q_PRIORITY_OVERVIEW, Q_PRIORITY_SERIES, Q_INDICATOR_DETAIL, Q_COMPARATORS,
               Q_COMMENTARY, Q_SUCCESS_MEASURES, N_QUERIES } Query;

static const char *query_names[N_QUERIES] = {
  "session_privileges", "authority_list", "data_extract_time", "ward_demand (FY)",
  "ward_demand (FY, 3 filters)", "authority_demand (FY)", "demand_measures (FY)",
  "demand_measures (FY, 3 filters)", "data_completeness (FY)", "ward_profile + boundary",
  "ward_top_needs (FY)", "demand_monthly (city, 36 m)",
  "demand_monthly (ward, 36 m)", "caseload_by_worker", "caseload_by_service", "caseload_by_team",
  "waiting_by_team", "waiting_bands", "waiting_longest", "caseload_trend (24 m)", "front_door (FY)",
  "front_door_path (FY)", "routing_check", "indicator_summary", "indicator_series",
  "priority_overview", "priority_series", "indicator_detail", "indicator_comparators",
  "indicator_commentary", "success_measures",
};

static char *first_ward_code;

static void
on_first_ward (GObject *source, GAsyncResult *result, gpointer data)
{
  Wait *w = data;
  g_autoptr(GPtrArray) rows = fh_database_ward_demand_finish (FH_DATABASE (source), result, &w->error);

  if (rows != NULL && rows->len > 0)
    first_ward_code = g_strdup (((FhWardDemand *) g_ptr_array_index (rows, 0))->ward_code);
  g_main_loop_quit (w->loop);
}

static void
run_one (FhDatabase *db, Query q, int authority, Wait *w)
{
  g_autoptr(GDateTime) from = fh_date_new (2025, 4, 1);
  g_autoptr(GDateTime) to = fh_date_new (2026, 3, 31);
  g_autoptr(GDateTime) m_from = fh_date_new (2023, 11, 1);
  g_autoptr(GDateTime) m_to = fh_date_new (2026, 10, 31);
  g_autoptr(FhDemandFilter) filter = fh_demand_filter_new (authority, from, to);

  switch (q)
    {
    case Q_PRIVILEGES: fh_database_session_privileges_async (db, NULL, on_privileges, w); break;
    case Q_AUTHORITIES: fh_database_authorities_async (db, NULL, on_authorities, w); break;
    case Q_EXTRACT: fh_database_extract_time_async (db, authority, NULL, on_extract, w); break;
    case Q_WARD_DEMAND: fh_database_ward_demand_async (db, filter, NULL, on_ward_demand, w); break;
    case Q_WARD_DEMAND_FILTERED:
      filter->service = g_strdup ("adolescence");
      filter->need = g_strdup ("exploitation");
      filter->age_band = g_strdup ("10-17");
      fh_database_ward_demand_async (db, filter, NULL, on_ward_demand, w);
      break;
    case Q_AUTHORITY_DEMAND: fh_database_authority_demand_async (db, filter, NULL, on_city, w); break;
    case Q_DEMAND_MEASURES: fh_database_demand_measures_async (db, filter, NULL, on_measures, w); break;
    case Q_DEMAND_MEASURES_FILTERED:
      filter->service = g_strdup ("adolescence");
      filter->need = g_strdup ("exploitation");
      filter->age_band = g_strdup ("10-17");
      fh_database_demand_measures_async (db, filter, NULL, on_measures, w);
      break;
    case Q_COMPLETENESS:
      fh_database_completeness_async (db, authority, from, to, NULL, on_completeness, w);
      break;
    case Q_PROFILES: fh_database_ward_profiles_async (db, authority, NULL, on_profiles, w); break;
    case Q_TOP_NEEDS:
      fh_database_top_needs_async (db, authority, first_ward_code, from, to, NULL, on_needs, w);
      break;
    case Q_MONTHLY_CITY:
      fh_database_demand_monthly_async (db, authority, NULL, m_from, m_to, NULL, on_monthly, w);
      break;
    case Q_MONTHLY_WARD:
      fh_database_demand_monthly_async (db, authority, first_ward_code,
                                        m_from, m_to, NULL, on_monthly, w);
      break;
    case Q_CASELOADS: fh_database_caseloads_async (db, authority, to, NULL, on_caseloads, w); break;
    case Q_SERVICE_CASELOADS:
      fh_database_service_caseloads_async (db, authority, to, 20, NULL, on_services, w);
      break;
    case Q_TEAM_CASELOADS: fh_database_team_caseloads_async (db, authority, to, NULL, on_teams, w); break;
    case Q_WAITING_TEAMS:
      fh_database_waiting_by_team_async (db, authority, to, NULL, on_waiting_teams, w);
      break;
    case Q_WAITING_BANDS: fh_database_waiting_bands_async (db, authority, to, NULL, on_waiting_bands, w); break;
    case Q_WAITING_LONGEST:
      fh_database_waiting_longest_async (db, authority, to, NULL, on_waiting_longest, w);
      break;
    case Q_TREND:
      {
        g_autoptr(GDateTime) t_from = fh_date_new (2024, 4, 1);

        fh_database_caseload_trend_async (db, authority, t_from, to, NULL, on_trend, w);
      }
      break;
    case Q_FRONT_DOOR: fh_database_front_door_async (db, authority, from, to, NULL, on_front_door, w); break;
    case Q_FRONT_DOOR_PATH:
      fh_database_front_door_path_async (db, authority, from, to, NULL, on_front_door_path, w);
      break;
    case Q_ROUTING: fh_database_routing_check_async (db, authority, to, NULL, on_routing, w); break;
    case Q_INDICATORS: fh_database_indicators_async (db, authority, NULL, on_indicators, w); break;
    case Q_SERIES:
      fh_database_indicator_series_async (db, authority, "cin_rate", NULL, on_series, w);
      break;
    case Q_PRIORITY_OVERVIEW:
      fh_database_priority_overview_async (db, authority, NULL, on_overview, w);
      break;
    case Q_PRIORITY_SERIES:
      fh_database_priority_series_async (db, authority, NULL, on_priority_series, w);
      break;
    case Q_INDICATOR_DETAIL:
      fh_database_indicator_detail_async (db, authority, "cin_rate", NULL, on_detail, w);
      break;
    case Q_COMPARATORS:
      fh_database_indicator_comparators_async (db, authority, NULL, NULL, on_comparators, w);
      break;
    case Q_COMMENTARY:
      fh_database_indicator_commentary_async (db, authority, NULL, NULL, on_commentary, w);
      break;
    case Q_SUCCESS_MEASURES:
      fh_database_success_measures_async (db, authority, NULL, on_success, w);
      break;
    default: g_assert_not_reached ();
    }
  g_main_loop_run (w->loop);
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

int
main (int argc, char *argv[])
{
  g_autoptr(FhDatabase) db = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  int authority = argc > 2 ? atoi (argv[2]) : 1;
  int repeats = argc > 3 ? atoi (argv[3]) : 20;
  Wait w = { loop, NULL, 0 };
  int failures = 0;

  if (argc < 2)
    {
      g_printerr ("usage: %s CONNINFO [AUTHORITY_ID] [REPEATS]\n", argv[0]);
      return 2;
    }

  db = fh_database_new (argv[1]);
  fh_database_connect_async (db, NULL, on_connected, &w);
  g_main_loop_run (loop);
  if (w.error != NULL)
    {
      g_printerr ("%s\n", w.error->message);
      return 1;
    }

  {
    g_autoptr(GDateTime) from = fh_date_new (2025, 4, 1);
    g_autoptr(GDateTime) to = fh_date_new (2026, 3, 31);
    g_autoptr(FhDemandFilter) filter = fh_demand_filter_new (authority, from, to);

    fh_database_ward_demand_async (db, filter, NULL, on_first_ward, &w);
    g_main_loop_run (loop);
    if (first_ward_code == NULL)
      {
        g_printerr ("authority %d has no wards\n", authority);
        return 1;
      }
  }

  g_print ("%-32s %8s %8s %6s   (app path, authority %d, %d runs)\n",
           "query", "median", "max", "rows", authority, repeats);
  for (Query q = 0; q < N_QUERIES; q++)
    {
      g_autofree double *ms = g_new0 (double, repeats);

      run_one (db, q, authority, &w); /* warm-up */
      for (int i = 0; i < repeats; i++)
        {
          gint64 start = g_get_monotonic_time ();
          run_one (db, q, authority, &w);
          ms[i] = (g_get_monotonic_time () - start) / 1000.0;
          if (w.error != NULL)
            {
              g_printerr ("%s: %s\n", query_names[q], w.error->message);
              g_clear_error (&w.error);
              failures++;
              break;
            }
        }
      qsort (ms, repeats, sizeof (double), compare_doubles);
      g_print ("%-32s %8.2f %8.2f %6u%s\n", query_names[q], ms[repeats / 2], ms[repeats - 1],
               w.n_items, ms[repeats / 2] > 100.0 ? "   median OVER 100 ms" : "");
    }

  return failures ? 1 : 0;
}
