/* fh-team-bar-chart.h — per team: open episodes, FTE and per FTE against a threshold
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per team, three panels side by side, each with its own scale:
 * open episodes, FTE, and open episodes per FTE with the team's group
 * (service) threshold as a tick across the row. Bars take their group's
 * categorical colour; a team above its threshold has an outlined bar in
 * the "above" colour and a ▲ before its figure, so colour is not the only
 * signal. Suppressed counts show as "c" with no bar.
 */
#pragma once

#include "fh-chart.h"
#include "fh-chart-theme.h"

G_BEGIN_DECLS

#define FH_TYPE_TEAM_BAR_CHART (fh_team_bar_chart_get_type ())
G_DECLARE_FINAL_TYPE (FhTeamBarChart, fh_team_bar_chart, FH, TEAM_BAR_CHART, FhChart)

typedef enum {
  FH_TEAM_BAR_OPEN,
  FH_TEAM_BAR_FTE,
  FH_TEAM_BAR_PER_FTE,
} FhTeamBarPanel;

FhTeamBarChart *fh_team_bar_chart_new             (void);
void            fh_team_bar_chart_clear           (FhTeamBarChart *self);
/* A group (the @i-th categorical colour) and its threshold per FTE. */
guint           fh_team_bar_chart_add_group       (FhTeamBarChart *self,
                                                   const char     *label,
                                                   double          threshold);
/* @open may be FH_COUNT_SUPPRESSED; @per_fte NAN when not known. */
guint           fh_team_bar_chart_add_row         (FhTeamBarChart *self,
                                                   guint           group,
                                                   const char     *label,
                                                   const char     *detail,
                                                   gint64          open,
                                                   double          fte,
                                                   double          per_fte);
guint           fh_team_bar_chart_get_n_rows      (FhTeamBarChart *self);
gboolean        fh_team_bar_chart_row_is_above    (FhTeamBarChart *self,
                                                   guint           row);
/* The model, after a draw: where row @row's bar in @panel was drawn (width
 * 0 when it has no bar); FALSE when not drawn. */
gboolean        fh_team_bar_chart_get_bar         (FhTeamBarChart *self,
                                                   guint           row,
                                                   FhTeamBarPanel  panel,
                                                   double         *x,
                                                   double         *y,
                                                   double         *width,
                                                   double         *height);
/* Where row @row's threshold tick was drawn. */
gboolean        fh_team_bar_chart_get_threshold_x (FhTeamBarChart *self,
                                                   guint           row,
                                                   double         *x);
int             fh_team_bar_chart_hit_test        (FhTeamBarChart *self,
                                                   double          x,
                                                   double          y);

G_END_DECLS
