/* fh-indicator-row.c — one indicator on a priority's card
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Status by colour, symbol and word; the latest value with its period;
 * baseline and target; direction of travel by the indicator's polarity; a
 * sparkline; and the success measures it serves. Activating the row (click
 * or Enter) opens the indicator's detail.
 */
#include <glib/gi18n.h>
#include <math.h>

#include "fh-chart-export-actions.h"
#include "fh-chart-view.h"
#include "fh-indicator-chart.h"
#include "fh-indicator-row.h"

struct _FhIndicatorRow
{
  GtkListBoxRow     parent_instance;

  GtkLabel         *symbol_label;
  GtkLabel         *status_label;
  GtkWidget        *badge;
  GtkLabel         *name_label;
  GtkLabel         *measure_label;
  GtkLabel         *plan_label;
  FhIndicatorChart *sparkline;
  GtkWidget        *sparkline_view;
  GtkLabel         *latest_label;
  GtkLabel         *period_label;
  GtkLabel         *direction_label;

  char             *code;
  char             *latest_text;
  FhRagStatus       status;
};

G_DEFINE_FINAL_TYPE (FhIndicatorRow, fh_indicator_row, GTK_TYPE_LIST_BOX_ROW)

const char *
fh_rag_status_get_css_class (FhRagStatus status)
{
  switch (status)
    {
    case FH_RAG_GREEN: return "rag-green";
    case FH_RAG_AMBER: return "rag-amber";
    case FH_RAG_RED:   return "rag-red";
    case FH_RAG_GREY:
    default:           return "rag-grey";
    }
}

char *
fh_indicator_format_latest (const FhPriorityIndicator *indicator)
{
  g_return_val_if_fail (indicator != NULL, NULL);

  if (indicator->value_suppressed)
    return g_strdup (FH_FORMAT_SUPPRESSED);
  return fh_priority_format_value (indicator->latest_value, indicator->unit);
}

static char *
format_month (GDateTime *date)
{
  return date ? g_date_time_format (date, "%b %Y") : g_strdup (FH_FORMAT_MISSING);
}

void
fh_indicator_row_set (FhIndicatorRow            *self,
                      const FhPriorityIndicator *indicator,
                      GPtrArray                 *series,
                      const char                *measures)
{
  g_autofree FhRagPoint *points = NULL;
  g_autofree char *baseline = NULL, *baseline_when = NULL, *target = NULL, *target_when = NULL;
  g_autofree char *plan = NULL, *period = NULL, *direction = NULL, *a11y = NULL;
  FhRagAssessment a;
  FhDirection dir;
  FhRagRule rule;
  gsize n = 0;

  g_return_if_fail (FH_IS_INDICATOR_ROW (self));
  g_return_if_fail (indicator != NULL && indicator->indicator_code != NULL);
  g_return_if_fail (series != NULL);

  g_free (self->code);
  self->code = g_strdup (indicator->indicator_code);
  fh_priority_indicator_assess (indicator, series, &a, &dir);
  gtk_widget_remove_css_class (self->badge, fh_rag_status_get_css_class (self->status));
  self->status = a.status;
  gtk_widget_add_css_class (self->badge, fh_rag_status_get_css_class (a.status));
  gtk_label_set_label (self->symbol_label, fh_rag_status_get_symbol (a.status));
  gtk_label_set_label (self->status_label, fh_rag_status_get_label (a.status));
  gtk_widget_set_tooltip_text (self->badge, fh_rag_reason_get_description (a.reason));

  gtk_label_set_label (self->name_label, indicator->indicator_name);
  if (measures != NULL)
    {
      /* TRANSLATORS: the strategy's success measures an indicator serves */
      g_autofree char *m = g_strdup_printf (_("Success measure: %s"), measures);
      gtk_label_set_label (self->measure_label, m);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->measure_label), measures != NULL);

  baseline = fh_priority_format_value (indicator->baseline, indicator->unit);
  baseline_when = format_month (indicator->baseline_period);
  target = fh_priority_format_value (indicator->target, indicator->unit);
  target_when = format_month (indicator->target_date);
  /* TRANSLATORS: "Baseline 24.0% (Mar 2022) · target 18.0% by Mar 2027 · lower is better" */
  plan = g_strdup_printf (_("Baseline %s (%s) · target %s by %s · %s"), baseline, baseline_when,
                          target, target_when,
                          indicator->higher_is_better ? _("higher is better") : _("lower is better"));
  gtk_label_set_label (self->plan_label, plan);

  g_free (self->latest_text);
  self->latest_text = fh_indicator_format_latest (indicator);
  gtk_label_set_label (self->latest_label, self->latest_text);
  period = indicator->latest_period ? format_month (indicator->latest_period) : g_strdup (_("no data yet"));
  gtk_label_set_label (self->period_label, period);
  direction = g_strdup_printf ("%s %s", fh_direction_get_symbol (dir, indicator->higher_is_better),
                               fh_direction_get_label (dir));
  gtk_label_set_label (self->direction_label, g_strstrip (direction));

  fh_priority_indicator_get_rule (indicator, &rule);
  points = fh_priority_points_for (series, indicator->indicator_code, &n);
  /* the sparkline draws no title, but its accessible name, print job and
   * export file name come from it */
  fh_chart_set_title (FH_CHART (self->sparkline), indicator->indicator_name);
  fh_indicator_chart_set_unit (self->sparkline, indicator->unit);
  fh_indicator_chart_set_data (self->sparkline, &rule, points, n);

  a11y = g_strdup_printf ("%s: %s, %s %s, %s", indicator->indicator_name,
                          fh_rag_status_get_label (a.status), self->latest_text, period,
                          fh_direction_get_label (dir));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
}

const char *
fh_indicator_row_get_code (FhIndicatorRow *self)
{
  g_return_val_if_fail (FH_IS_INDICATOR_ROW (self), NULL);
  return self->code;
}

FhRagStatus
fh_indicator_row_get_status (FhIndicatorRow *self)
{
  g_return_val_if_fail (FH_IS_INDICATOR_ROW (self), FH_RAG_GREY);
  return self->status;
}

const char *
fh_indicator_row_get_latest_text (FhIndicatorRow *self)
{
  g_return_val_if_fail (FH_IS_INDICATOR_ROW (self), NULL);
  return self->latest_text;
}

static void
fh_indicator_row_dispose (GObject *object)
{
  FhIndicatorRow *self = FH_INDICATOR_ROW (object);

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->latest_text, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), FH_TYPE_INDICATOR_ROW);

  G_OBJECT_CLASS (fh_indicator_row_parent_class)->dispose (object);
}

static void
fh_indicator_row_class_init (FhIndicatorRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = fh_indicator_row_dispose;

  g_type_ensure (FH_TYPE_CHART_VIEW);
  g_type_ensure (FH_TYPE_INDICATOR_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/familyhelp/Dashboard/fh-indicator-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FhIndicatorRow, symbol_label);
  gtk_widget_class_bind_template_child (widget_class, FhIndicatorRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, FhIndicatorRow, badge);
  gtk_widget_class_bind_template_child (widget_class, FhIndicatorRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, FhIndicatorRow, measure_label);
  gtk_widget_class_bind_template_child (widget_class, FhIndicatorRow, plan_label);
  gtk_widget_class_bind_template_child (widget_class, FhIndicatorRow, sparkline);
  gtk_widget_class_bind_template_child (widget_class, FhIndicatorRow, sparkline_view);
  gtk_widget_class_bind_template_child (widget_class, FhIndicatorRow, latest_label);
  gtk_widget_class_bind_template_child (widget_class, FhIndicatorRow, period_label);
  gtk_widget_class_bind_template_child (widget_class, FhIndicatorRow, direction_label);
}

static void
fh_indicator_row_init (FhIndicatorRow *self)
{
  self->status = FH_RAG_GREY;
  gtk_widget_init_template (GTK_WIDGET (self));
  fh_indicator_chart_set_compact (self->sparkline, TRUE);
  /* 132 × 44 px: the export button would cover the latest value */
  fh_chart_export_actions_set_button_visible (self->sparkline_view, FALSE);
  /* It has no items to move through, and the row itself (focusable,
   * activated for the detail, where the full chart is) says what it
   * shows: a Tab stop of its own on each of 24 rows only slowed the
   * keyboard down. A screen reader still finds it, named, in the row. */
  gtk_widget_set_focusable (self->sparkline_view, FALSE);
}

GtkWidget *
fh_indicator_row_new (void)
{
  return g_object_new (FH_TYPE_INDICATOR_ROW, NULL);
}
