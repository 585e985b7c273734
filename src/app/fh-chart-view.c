/* fh-chart-view.c — a thin widget that shows an FhChart
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * All drawing is the chart's own (the same code as every export); the widget
 * only hands it a cairo context of its size, redraws on "changed", and
 * (fh-chart-keyboard.c) makes it focusable, moved through with the arrow
 * keys and named for assistive technologies. The chart is a property,
 * so a template can declare it:
 *
 *   <object class="FhChartView" id="bar_view">
 *     <property name="chart"><object class="FhBarChart" id="bars"/></property>
 *   </object>
 */
#include "fh-chart-keyboard.h"
#include "fh-chart-style.h"
#include "fh-chart-export-actions.h"
#include "fh-chart-view.h"

#define SCREEN_SCALE 1.3

struct _FhChartView
{
  GtkWidget  parent_instance;
  FhChart   *chart;
  gulong     changed_id;
  guint      describe_id; /* the accessible description, once per burst of changes */
  double     scale;      /* widget pixels per chart point, at the last draw */
};

G_DEFINE_FINAL_TYPE (FhChartView, fh_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
describe (gpointer data)
{
  FhChartView *self = data;

  self->describe_id = 0;
  if (self->chart != NULL)
    fh_chart_keyboard_update_accessible (GTK_WIDGET (self), self->chart);
  return G_SOURCE_REMOVE;
}

/* A page fills a chart a point at a time, each a "changed": the summary
 * is rewritten once, when the filling is done, not once per point (that
 * was a quarter of a start-up). The keyboard announces a focused item at
 * once itself (fh-chart-keyboard.c). */
static void
on_chart_changed (FhChartView *self)
{
  if (self->describe_id == 0)
    self->describe_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, describe, self, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
fh_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  FhChartView *self = FH_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double text_scale = 1.0;
  FhChartStyle style, before;
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  /* Charts are laid out in points for paper; on screen they are read from
   * further away (and in meetings, from across the room), so scale up. */
  /* larger text zooms the whole chart (it asked for that much more
   * height, fh-chart-style.c), so its layout never overlaps itself */
  style = fh_chart_style_for_widget (widget, &text_scale);
  self->scale = SCREEN_SCALE * MAX (text_scale, 1.0);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_scale (cr, self->scale, self->scale);
  before = fh_chart_theme_push_style (style, 1.0);
  fh_chart_draw (self->chart, cr, width / self->scale, height / self->scale);
  fh_chart_theme_pop_style (before);
  cairo_destroy (cr);
  fh_chart_keyboard_snapshot (widget, self->chart, snapshot, self->scale);

  /* the export menu button over the corner (popovers draw themselves) */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!GTK_IS_NATIVE (child))
      gtk_widget_snapshot_child (widget, child, snapshot);
}

static void
fh_chart_view_dispose (GObject *object)
{
  FhChartView *self = FH_CHART_VIEW (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_handle_id (&self->describe_id, g_source_remove);
  if (self->chart != NULL)
    g_clear_signal_handler (&self->changed_id, self->chart);
  g_clear_object (&self->chart);

  G_OBJECT_CLASS (fh_chart_view_parent_class)->dispose (object);
}

static void
fh_chart_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, FH_CHART_VIEW (object)->chart);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fh_chart_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CHART:
      fh_chart_view_set_chart (FH_CHART_VIEW (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fh_chart_view_class_init (FhChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fh_chart_view_dispose;
  object_class->get_property = fh_chart_view_get_property;
  object_class->set_property = fh_chart_view_set_property;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL, FH_TYPE_CHART,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  GTK_WIDGET_CLASS (klass)->snapshot = fh_chart_view_snapshot;
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_IMG);
  fh_chart_keyboard_class_init (GTK_WIDGET_CLASS (klass));
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
  fh_chart_export_actions_install (GTK_WIDGET_CLASS (klass));
}

static void
fh_chart_view_init (FhChartView *self)
{
  self->scale = SCREEN_SCALE;
  gtk_widget_set_size_request (GTK_WIDGET (self), 320, 240);
  fh_chart_keyboard_init (GTK_WIDGET (self));
  fh_chart_style_watch (GTK_WIDGET (self));
  fh_chart_export_actions_attach (GTK_WIDGET (self));
}

GtkWidget *
fh_chart_view_new (void)
{
  return g_object_new (FH_TYPE_CHART_VIEW, NULL);
}

void
fh_chart_view_set_chart (FhChartView *self,
                         FhChart     *chart)
{
  g_return_if_fail (FH_IS_CHART_VIEW (self));
  g_return_if_fail (chart == NULL || FH_IS_CHART (chart));

  if (self->chart == chart)
    return;
  if (self->chart != NULL)
    g_clear_signal_handler (&self->changed_id, self->chart);
  g_set_object (&self->chart, chart);
  if (chart != NULL)
    {
      self->changed_id = g_signal_connect_swapped (chart, "changed", G_CALLBACK (on_chart_changed), self);
      on_chart_changed (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

FhChart *
fh_chart_view_get_chart (FhChartView *self)
{
  g_return_val_if_fail (FH_IS_CHART_VIEW (self), NULL);

  return self->chart;
}

void
fh_chart_view_to_chart (FhChartView *self,
                        double       x,
                        double       y,
                        double      *chart_x,
                        double      *chart_y)
{
  g_return_if_fail (FH_IS_CHART_VIEW (self));

  *chart_x = x / self->scale;
  *chart_y = y / self->scale;
}
