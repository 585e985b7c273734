/* fh-caseload-distribution.c — every worker's caseload per FTE, Core beside Adolescence
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The strip plot, and a line under it naming the worker under the pointer
 * or picked with the keyboard (Left/Right, Home/End): reference, team,
 * open episodes, FTE and caseload per FTE against the service's threshold.
 */
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "fh-caseload-distribution.h"
#include "fh-caseload-stats.h"
#include "fh-chart-keyboard.h"
#include "fh-chart-view.h"

struct _FhCaseloadDistribution
{
  GtkWidget     parent_instance;

  FhChartView  *view;
  FhStripChart *chart;
  GtkLabel     *detail;

  GPtrArray    *workers;    /* FhWorkerCaseload, borrowed rows in dot order */
  double        thresholds[3];
};

G_DEFINE_FINAL_TYPE (FhCaseloadDistribution, fh_caseload_distribution, GTK_TYPE_WIDGET)

static double
threshold_of (FhCaseloadDistribution *self, const char *service)
{
  for (guint s = 0; s < G_N_ELEMENTS (fh_caseload_services); s++)
    if (g_strcmp0 (service, fh_caseload_services[s]) == 0)
      return self->thresholds[s];
  return NAN;
}

static char *
describe_worker (FhCaseloadDistribution *self, const FhWorkerCaseload *w)
{
  g_autofree char *open = fh_format_count (w->open_episodes);
  g_autofree char *fte = fh_format_number (w->fte, 2);
  double per_fte = fh_worker_caseload_per_fte (w);
  double threshold = threshold_of (self, w->service);
  g_autofree char *per = isnan (per_fte) ? g_strdup (w->open_episodes == FH_COUNT_SUPPRESSED
                                                     ? FH_FORMAT_SUPPRESSED : FH_FORMAT_MISSING)
                                         : fh_format_number (per_fte, 1);
  g_autofree char *limit = fh_format_number (threshold, 0);
  const char *verdict = isnan (per_fte) ? _("not known against")
                        : per_fte > threshold ? _("above") : _("at or below");

  /* Translators: "W10899 · North Core Family Help (Core) · 39 open episodes ·
   * 1.00 FTE · 39.0 per FTE, above the threshold of 20" */
  return g_strdup_printf (_("%s · %s (%s) · %s open episodes · %s FTE · %s per FTE, %s the threshold of %s"),
                          w->worker_ref, w->team_name ? w->team_name : "",
                          fh_caseload_service_label (w->service), open, fte, per, verdict, limit);
}

void
fh_caseload_distribution_select (FhCaseloadDistribution *self, int i)
{
  g_autofree char *text = NULL;

  g_return_if_fail (FH_IS_CASELOAD_DISTRIBUTION (self));

  if (self->workers == NULL || i < 0 || (guint) i >= self->workers->len)
    i = -1;
  fh_strip_chart_set_selected (self->chart, i);
  if (i < 0)
    return;
  text = describe_worker (self, g_ptr_array_index (self->workers, i));
  gtk_label_set_text (self->detail, text);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self->view));
  /* the worker is announced first, the chart's summary after it (a
   * tooltip set with gtk_widget_set_tooltip_text would replace the
   * description instead) */
  {
    g_autofree char *summary = fh_chart_get_alt_text (FH_CHART (self->chart));
    g_autofree char *description = g_strdup_printf ("%s. %s", text, summary ? summary : "");

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  }
}

/* Hover: the worker under the pointer, as a tooltip. */
static gboolean
on_query_tooltip (GtkWidget              *widget,
                  int                     x,
                  int                     y,
                  gboolean                keyboard,
                  GtkTooltip             *tooltip,
                  FhCaseloadDistribution *self)
{
  int i = fh_strip_chart_get_selected (self->chart);
  g_autofree char *text = NULL;

  if (self->workers == NULL || i < 0 || (guint) i >= self->workers->len)
    return FALSE;
  text = describe_worker (self, g_ptr_array_index (self->workers, i));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

const char *
fh_caseload_distribution_get_detail (FhCaseloadDistribution *self)
{
  g_return_val_if_fail (FH_IS_CASELOAD_DISTRIBUTION (self), NULL);
  return gtk_label_get_text (self->detail);
}

FhStripChart *
fh_caseload_distribution_get_chart (FhCaseloadDistribution *self)
{
  g_return_val_if_fail (FH_IS_CASELOAD_DISTRIBUTION (self), NULL);
  return self->chart;
}

void
fh_caseload_distribution_show (FhCaseloadDistribution *self,
                               GPtrArray              *workers,
                               const double            thresholds[3],
                               const char             *caption)
{
  guint above = 0, withheld = 0;
  int columns[3] = { -1, -1, -1 };
  g_autofree char *title = NULL;

  g_return_if_fail (FH_IS_CASELOAD_DISTRIBUTION (self));
  g_return_if_fail (workers != NULL);

  memcpy (self->thresholds, thresholds, sizeof self->thresholds);
  g_clear_pointer (&self->workers, g_ptr_array_unref);
  self->workers = g_ptr_array_new ();
  fh_strip_chart_clear (self->chart);

  for (guint s = 0; s < G_N_ELEMENTS (fh_caseload_services); s++)
    for (guint i = 0; i < workers->len; i++)
      {
        FhWorkerCaseload *w = g_ptr_array_index (workers, i);
        double per_fte = fh_worker_caseload_per_fte (w);

        if (g_strcmp0 (w->service, fh_caseload_services[s]) != 0)
          continue;
        if (columns[s] < 0)
          columns[s] = fh_strip_chart_add_column (self->chart, fh_caseload_service_label (w->service),
                                                  thresholds[s]);
        fh_strip_chart_add_dot (self->chart, columns[s], w->worker_ref, w->team_name, per_fte);
        g_ptr_array_add (self->workers, w);
        above += !isnan (per_fte) && per_fte > thresholds[s];
        withheld += isnan (per_fte);
      }

  /* an active title: what the chart shows */
  title = g_strdup_printf (g_dngettext (NULL, "%u worker above their service's caseload threshold",
                                        "%u workers above their service's caseload threshold", above),
                           above);
  fh_chart_set_title (FH_CHART (self->chart), title);
  fh_strip_chart_set_axis_label (self->chart, _("Open episodes per FTE, each dot a worker"));
  fh_chart_set_caption (FH_CHART (self->chart), caption);
  gtk_label_set_text (self->detail, _("Point at a dot, or focus the chart and use the arrow keys, to see the worker."));
  fh_chart_keyboard_update_accessible (GTK_WIDGET (self->view), FH_CHART (self->chart));
}

static void
on_motion (GtkEventControllerMotion *motion, double x, double y, FhCaseloadDistribution *self)
{
  double cx, cy;
  int i;

  fh_chart_view_to_chart (self->view, x, y, &cx, &cy);
  i = fh_strip_chart_hit_test (self->chart, cx, cy);
  if (i >= 0 && i != fh_strip_chart_get_selected (self->chart))
    fh_caseload_distribution_select (self, i);
}

static gboolean
on_key (GtkEventControllerKey *keys, guint keyval, guint keycode, GdkModifierType state,
        FhCaseloadDistribution *self)
{
  int n = self->workers ? (int) self->workers->len : 0;
  int i = fh_strip_chart_get_selected (self->chart);

  if (n == 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Right: case GDK_KEY_Down: i = i < 0 ? 0 : MIN (i + 1, n - 1); break;
    case GDK_KEY_Left: case GDK_KEY_Up: i = i < 0 ? 0 : MAX (i - 1, 0); break;
    case GDK_KEY_Home: i = 0; break;
    case GDK_KEY_End: i = n - 1; break;
    default: return FALSE;
    }
  fh_caseload_distribution_select (self, i);
  return TRUE;
}

static void
fh_caseload_distribution_dispose (GObject *object)
{
  FhCaseloadDistribution *self = FH_CASELOAD_DISTRIBUTION (object);
  GtkWidget *child;

  g_clear_pointer (&self->workers, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), FH_TYPE_CASELOAD_DISTRIBUTION);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (fh_caseload_distribution_parent_class)->dispose (object);
}

static void
fh_caseload_distribution_class_init (FhCaseloadDistributionClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = fh_caseload_distribution_dispose;

  g_type_ensure (FH_TYPE_CHART_VIEW);
  g_type_ensure (FH_TYPE_STRIP_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/familyhelp/Dashboard/fh-caseload-distribution.ui");
  gtk_widget_class_bind_template_child (widget_class, FhCaseloadDistribution, view);
  gtk_widget_class_bind_template_child (widget_class, FhCaseloadDistribution, chart);
  gtk_widget_class_bind_template_child (widget_class, FhCaseloadDistribution, detail);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fh_caseload_distribution_init (FhCaseloadDistribution *self)
{
  GtkEventController *motion, *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (GTK_WIDGET (self->view), motion);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->view), keys);
  g_signal_connect (self->view, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
}
