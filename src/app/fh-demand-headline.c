/* fh-demand-headline.c — the authority's figure for the chosen measure
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The period against the same one a year earlier, the rate per 10,000
 * children and the count, and the change on the year before.
 */
#include <glib/gi18n.h>

#include "fh-demand-headline.h"
#include "fh-number-format.h"

struct _FhDemandHeadline
{
  GtkWidget  parent_instance;

  GtkLabel  *period_label;
  GtkLabel  *rate_label;
  GtkLabel  *rate_caption;
  GtkLabel  *count_label;
  GtkLabel  *count_caption;
  GtkLabel  *change_label;
};

G_DEFINE_FINAL_TYPE (FhDemandHeadline, fh_demand_headline, GTK_TYPE_WIDGET)

void
fh_demand_headline_show (FhDemandHeadline      *self,
                         const FhDemandChoices *choices,
                         const FhPeriod        *period,
                         const FhPeriod        *previous,
                         const FhWardDemand    *city,
                         const FhWardDemand    *city_before)
{
  g_autofree char *period_text = NULL, *previous_text = NULL;
  g_autofree char *rate = NULL, *count = NULL, *change = NULL, *text = NULL;
  gint64 n;

  g_return_if_fail (FH_IS_DEMAND_HEADLINE (self));
  g_return_if_fail (choices != NULL && period != NULL && previous != NULL && city != NULL);

  period_text = fh_period_get_label (period);
  previous_text = fh_period_get_label (previous);
  n = fh_demand_measure_count (choices->measure, city);
  rate = fh_format_rate (fh_demand_measure_rate (choices->measure, city), n, 1);
  count = fh_format_count (n);
  gtk_label_set_text (self->rate_label, rate);
  gtk_label_set_text (self->count_label, count);
  gtk_label_set_text (self->count_caption, fh_demand_measure_get_name (choices->measure));

  if (city->population_year > 0)
    /* Translators: "per 10,000 children · Nottingham City (mid-2025 population)" */
    text = g_strdup_printf (_("per 10,000 children · %s (mid-%d population)"), city->ward_name,
                            city->population_year);
  else
    text = g_strdup_printf (_("per 10,000 children · %s"), city->ward_name);
  gtk_label_set_text (self->rate_caption, text);
  g_free (text);
  /* a change on a suppressed count would give it away: withheld, "c" */
  if (n == FH_COUNT_SUPPRESSED || fh_demand_measure_count (choices->measure, city_before) == FH_COUNT_SUPPRESSED)
    change = g_strdup (FH_FORMAT_SUPPRESSED);
  else
    change = fh_demand_choices_format_change (choices, city, city_before);
  text = g_strdup_printf (_("%s on %s"), change, previous_text);
  gtk_label_set_text (self->change_label, text);
  g_free (text);
  /* Translators: "2025-26 · compared with 2024-25 · SSD: contacts with a decision" */
  text = g_strdup_printf (_("%s · compared with %s · %s"), period_text, previous_text,
                          fh_demand_measure_get_equivalent (choices->measure));
  gtk_label_set_text (self->period_label, text);
}

const char *
fh_demand_headline_get_rate (FhDemandHeadline *self)
{
  g_return_val_if_fail (FH_IS_DEMAND_HEADLINE (self), NULL);
  return gtk_label_get_text (self->rate_label);
}

const char *
fh_demand_headline_get_count (FhDemandHeadline *self)
{
  g_return_val_if_fail (FH_IS_DEMAND_HEADLINE (self), NULL);
  return gtk_label_get_text (self->count_label);
}

static void
fh_demand_headline_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), FH_TYPE_DEMAND_HEADLINE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (fh_demand_headline_parent_class)->dispose (object);
}

static void
fh_demand_headline_class_init (FhDemandHeadlineClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = fh_demand_headline_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/familyhelp/Dashboard/fh-demand-headline.ui");
  gtk_widget_class_bind_template_child (widget_class, FhDemandHeadline, period_label);
  gtk_widget_class_bind_template_child (widget_class, FhDemandHeadline, rate_label);
  gtk_widget_class_bind_template_child (widget_class, FhDemandHeadline, rate_caption);
  gtk_widget_class_bind_template_child (widget_class, FhDemandHeadline, count_label);
  gtk_widget_class_bind_template_child (widget_class, FhDemandHeadline, count_caption);
  gtk_widget_class_bind_template_child (widget_class, FhDemandHeadline, change_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fh_demand_headline_init (FhDemandHeadline *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
