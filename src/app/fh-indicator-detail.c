/* fh-indicator-detail.c — one indicator in depth
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart (series, baseline, target, trajectory, RAG bands, latest value,
 * comparators), the status with its reason, the values with numerator and
 * denominator, and the data team's commentary, newest first.
 */
#include <glib/gi18n.h>
#include <math.h>

#include "fh-chart-table.h"
#include "fh-chart-view.h"
#include "fh-indicator-detail.h"
#include "fh-indicator-row.h"
#include "fh-table.h"

struct _FhIndicatorDetail
{
  GtkWidget         parent_instance;

  GtkLabel         *title_label;
  GtkLabel         *context_label;
  GtkWidget        *badge;
  GtkLabel         *symbol_label;
  GtkLabel         *status_label;
  GtkLabel         *reason_label;
  FhIndicatorChart *chart;
  FhChartView      *chart_view;
  GtkGrid          *values_grid;
  GtkBox           *commentary_box;

  char             *code;
  char             *unit;
  FhRagStatus       status;
  guint             n_values;
};

G_DEFINE_FINAL_TYPE (FhIndicatorDetail, fh_indicator_detail, GTK_TYPE_WIDGET)

static char *
format_month (GDateTime *date)
{
  return date ? g_date_time_format (date, "%b %Y") : g_strdup (FH_FORMAT_MISSING);
}

static void
show_commentary (FhIndicatorDetail *self, GPtrArray *commentary)
{
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->commentary_box))) != NULL)
    gtk_box_remove (self->commentary_box, child);
  for (guint i = 0; commentary != NULL && i < commentary->len; i++)
    {
      FhIndicatorCommentary *c = g_ptr_array_index (commentary, i);
      g_autofree char *when = NULL, *heading = NULL;
      GtkWidget *h, *body;

      if (g_strcmp0 (c->indicator_code, self->code) != 0)
        continue;
      when = format_month (c->period_end);
      /* TRANSLATORS: "Sep 2026 · Performance and data team" */
      heading = g_strdup_printf (_("%s · %s"), when, c->written_by ? c->written_by : "");
      h = gtk_label_new (heading);
      gtk_label_set_xalign (GTK_LABEL (h), 0);
      gtk_widget_add_css_class (h, "heading");
      body = gtk_label_new (c->commentary);
      gtk_label_set_xalign (GTK_LABEL (body), 0);
      gtk_label_set_wrap (GTK_LABEL (body), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (body), 90);
      gtk_label_set_selectable (GTK_LABEL (body), TRUE);
      gtk_box_append (self->commentary_box, h);
      gtk_box_append (self->commentary_box, body);
      shown++;
    }
  if (shown == 0)
    {
      GtkWidget *none = gtk_label_new (_("No commentary has been written for this indicator."));
      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (self->commentary_box, none);
    }
}

static void
add_comparators (FhIndicatorDetail *self, GPtrArray *comparators)
{
  static const char *order[] = { "england", "region", "statistical_neighbours" };

  fh_indicator_chart_clear_comparators (self->chart);
  for (guint k = 0; comparators != NULL && k < G_N_ELEMENTS (order); k++)
    {
      g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (FhRagPoint));

      for (guint i = 0; i < comparators->len; i++)
        {
          FhIndicatorComparator *c = g_ptr_array_index (comparators, i);
          FhRagPoint p = { c->period_end, c->value };

          if (g_strcmp0 (c->indicator_code, self->code) == 0 && g_strcmp0 (c->comparator, order[k]) == 0)
            g_array_append_val (points, p);
        }
      if (points->len > 0)
        fh_indicator_chart_add_comparator (self->chart, fh_comparator_get_label (order[k]),
                                           (FhRagPoint *) points->data, points->len);
    }
}

void
fh_indicator_detail_show (FhIndicatorDetail         *self,
                          const FhPriorityIndicator *indicator,
                          GPtrArray                 *series,
                          GPtrArray                 *comparators,
                          GPtrArray                 *commentary,
                          const char                *measures)
{
  g_autofree FhRagPoint *points = NULL;
  g_autofree gboolean *suppressed = NULL;
  g_autofree char *context = NULL, *reason = NULL, *title = NULL, *caption = NULL;
  const FhRagAssessment *a;
  FhDirection direction;
  FhRagRule rule;
  gsize n = 0;

  g_return_if_fail (FH_IS_INDICATOR_DETAIL (self));
  g_return_if_fail (indicator != NULL && indicator->indicator_code != NULL);
  g_return_if_fail (series != NULL);

  g_free (self->code);
  self->code = g_strdup (indicator->indicator_code);
  g_free (self->unit);
  self->unit = g_strdup (indicator->unit);

  gtk_label_set_label (self->title_label, indicator->indicator_name);
  if (measures != NULL)
    /* TRANSLATORS: "Priority 1 · Success measure: … · Source: …" */
    context = g_strdup_printf (_("Priority %d · Success measure: %s · Source: %s"),
                               indicator->priority_number, measures,
                               indicator->source ? indicator->source : FH_FORMAT_MISSING);
  else
    context = g_strdup_printf (_("Priority %d · Source: %s"), indicator->priority_number,
                               indicator->source ? indicator->source : FH_FORMAT_MISSING);
  gtk_label_set_label (self->context_label, context);

  fh_priority_indicator_get_rule (indicator, &rule);
  points = fh_priority_points_for (series, indicator->indicator_code, &n);
  suppressed = g_new0 (gboolean, n + 1);
  /* the same points in the same order as fh_priority_points_for() */
  for (guint i = 0, k = 0; i < series->len && k < n; i++)
    {
      FhPriorityPoint *p = g_ptr_array_index (series, i);

      if (g_strcmp0 (p->indicator_code, indicator->indicator_code) == 0)
        suppressed[k++] = p->value_suppressed;
    }
  fh_indicator_chart_set_unit (self->chart, indicator->unit);
  fh_indicator_chart_set_data_full (self->chart, &rule, points, suppressed, n);
  add_comparators (self, comparators);
  a = fh_indicator_chart_get_assessment (self->chart);
  direction = fh_direction_of_travel (indicator->higher_is_better, points, n);

  gtk_widget_remove_css_class (self->badge, fh_rag_status_get_css_class (self->status));
  self->status = a->status;
  gtk_widget_add_css_class (self->badge, fh_rag_status_get_css_class (a->status));
  gtk_label_set_label (self->symbol_label, fh_rag_status_get_symbol (a->status));
  gtk_label_set_label (self->status_label, fh_rag_status_get_label (a->status));
  {
    g_autofree char *latest = fh_indicator_format_latest (indicator);
    g_autofree char *when = format_month (indicator->latest_period);
    g_autofree char *expected = fh_priority_format_value (a->expected, indicator->unit);
    g_autofree char *tolerance = fh_priority_format_value (a->tolerance, indicator->unit);

    /* TRANSLATORS: the status's reason, then the figures behind it */
    reason = g_strdup_printf (_("%s Latest %s (%s); the trajectory expects %s, tolerance %s. Direction: %s %s."),
                              fh_rag_reason_get_description (a->reason), latest, when, expected, tolerance,
                              fh_direction_get_symbol (direction, indicator->higher_is_better),
                              fh_direction_get_label (direction));
  }
  gtk_label_set_label (self->reason_label, reason);

  title = g_strdup_printf ("%s: %s", indicator->indicator_name, fh_rag_status_get_label (a->status));
  fh_chart_set_title (FH_CHART (self->chart), title);
  fh_chart_set_value_label (FH_CHART (self->chart), indicator->higher_is_better ? _("Higher is better") : _("Lower is better"));
  caption = g_strdup_printf (_("Source: %s."), indicator->source ? indicator->source : FH_FORMAT_MISSING);
  fh_chart_set_caption (FH_CHART (self->chart), caption);

  show_commentary (self, commentary);
  fh_indicator_detail_set_values (self, NULL);
}

void
fh_indicator_detail_set_values (FhIndicatorDetail *self,
                                GPtrArray         *points)
{
  static const FhColumnKind kinds[] = { FH_COLUMN_TEXT, FH_COLUMN_NUMBER, FH_COLUMN_NUMBER, FH_COLUMN_NUMBER };
  const char *headers[] = { _("Period"), _("Value"), _("Numerator"), _("Denominator") };
  guint row = 0;

  g_return_if_fail (FH_IS_INDICATOR_DETAIL (self));

  fh_table_reset (self->values_grid, headers, kinds, G_N_ELEMENTS (headers));
  self->n_values = 0;
  if (points == NULL)
    return;
  /* newest first, as the commentary */
  for (guint i = points->len; i-- > 0;)
    {
      FhPriorityPoint *p = g_ptr_array_index (points, i);
      g_autofree char *when = format_month (p->period_end);
      g_autofree char *value = p->value_suppressed ? g_strdup (FH_FORMAT_SUPPRESSED)
                                                   : fh_priority_format_value (p->value, self->unit);
      g_autofree char *num = fh_format_count (p->numerator);
      g_autofree char *den = fh_format_count (p->denominator);
      const char *cells[] = { when, value, num, den };

      if (g_strcmp0 (p->indicator_code, self->code) != 0)
        continue;
      fh_table_add_row (self->values_grid, row++, cells, kinds, G_N_ELEMENTS (cells));
    }
  self->n_values = row;
}

guint
fh_indicator_detail_get_n_values (FhIndicatorDetail *self)
{
  g_return_val_if_fail (FH_IS_INDICATOR_DETAIL (self), 0);
  return self->n_values;
}

const char *
fh_indicator_detail_get_code (FhIndicatorDetail *self)
{
  g_return_val_if_fail (FH_IS_INDICATOR_DETAIL (self), NULL);
  return self->code;
}

FhIndicatorChart *
fh_indicator_detail_get_chart (FhIndicatorDetail *self)
{
  g_return_val_if_fail (FH_IS_INDICATOR_DETAIL (self), NULL);
  return self->chart;
}

static void
fh_indicator_detail_dispose (GObject *object)
{
  FhIndicatorDetail *self = FH_INDICATOR_DETAIL (object);

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->unit, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), FH_TYPE_INDICATOR_DETAIL);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
      gtk_widget_unparent (child);
  }

  G_OBJECT_CLASS (fh_indicator_detail_parent_class)->dispose (object);
}

static void
fh_indicator_detail_class_init (FhIndicatorDetailClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = fh_indicator_detail_dispose;

  g_type_ensure (FH_TYPE_CHART_VIEW);
  g_type_ensure (FH_TYPE_INDICATOR_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/familyhelp/Dashboard/fh-indicator-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, FhIndicatorDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, FhIndicatorDetail, context_label);
  gtk_widget_class_bind_template_child (widget_class, FhIndicatorDetail, badge);
  gtk_widget_class_bind_template_child (widget_class, FhIndicatorDetail, symbol_label);
  gtk_widget_class_bind_template_child (widget_class, FhIndicatorDetail, status_label);
  gtk_widget_class_bind_template_child (widget_class, FhIndicatorDetail, reason_label);
  gtk_widget_class_bind_template_child (widget_class, FhIndicatorDetail, chart);
  gtk_widget_class_bind_template_child (widget_class, FhIndicatorDetail, chart_view);
  gtk_widget_class_bind_template_child (widget_class, FhIndicatorDetail, values_grid);
  gtk_widget_class_bind_template_child (widget_class, FhIndicatorDetail, commentary_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fh_indicator_detail_init (FhIndicatorDetail *self)
{
  self->status = FH_RAG_GREY;
  gtk_widget_init_template (GTK_WIDGET (self));
  /* its figures as a table too, as every other page's charts */
  fh_chart_table_add_toggle (self->chart_view);
}
