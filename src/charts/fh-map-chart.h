/* fh-map-chart.h — a choropleth of wards: real boundaries or a hex map
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fh-chart.h"
#include "fh-chart-theme.h"
#include "fh-geometry.h"

G_BEGIN_DECLS

#define FH_TYPE_MAP_CHART (fh_map_chart_get_type ())
G_DECLARE_FINAL_TYPE (FhMapChart, fh_map_chart, FH, MAP_CHART, FhChart)

typedef enum {
  FH_MAP_AUTOMATIC,     /* boundaries when every ward has one, else hexagons */
  FH_MAP_BOUNDARIES,    /* hexagons still, unless every ward has a boundary */
  FH_MAP_HEXAGONS,
} FhMapStyle;

/* One ward as drawn, for tests and tooltips. */
typedef struct {
  const char *code;
  const char *name;
  double      value;      /* NAN: no data, or suppressed */
  int         class_index;/* -1: no data, or suppressed */
  gboolean    suppressed; /* hatched and marked "c": never a class, never "no data" */
  gboolean    no_data;    /* missing (and not suppressed): dotted grey */
  FhColor     fill;
  gboolean    selected;
  double      label_x, label_y;
} FhMapWard;

FhMapChart *fh_map_chart_new              (void);
void        fh_map_chart_clear            (FhMapChart         *self);
/* @boundary (taken) may be NULL; lon/lat may be NAN. */
void        fh_map_chart_add_ward         (FhMapChart         *self,
                                           const char         *code,
                                           const char         *name,
                                           double              value,
                                           FhGeometry         *boundary,
                                           double              centroid_lon,
                                           double              centroid_lat);
/* The ward @code's figure was suppressed by the reporting layer (a count
 * of 1 to 5, one that would reveal such a count, or a rate on it). */
void        fh_map_chart_set_suppressed   (FhMapChart         *self,
                                           const char         *code,
                                           gboolean            suppressed);
void        fh_map_chart_set_style        (FhMapChart         *self,
                                           FhMapStyle          style);
FhMapStyle  fh_map_chart_get_drawn_style  (FhMapChart         *self);
void        fh_map_chart_set_selected     (FhMapChart         *self,
                                           const char         *code);
guint       fh_map_chart_get_n_wards      (FhMapChart         *self);
gboolean    fh_map_chart_get_ward         (FhMapChart         *self,
                                           guint               i,
                                           FhMapWard          *out);
guint       fh_map_chart_get_n_classes    (FhMapChart         *self);
char       *fh_map_chart_get_class_label  (FhMapChart         *self,
                                           guint               i);
/* The whole area's figure, said in the summary ("city 1,852.6"); NAN: none. */
void        fh_map_chart_set_reference    (FhMapChart         *self,
                                           double              value,
                                           const char         *label);
/* Index of the ward under (x, y) as laid out by the last draw, or -1. */
int         fh_map_chart_hit_test         (FhMapChart         *self,
                                           double              x,
                                           double              y);

G_END_DECLS
