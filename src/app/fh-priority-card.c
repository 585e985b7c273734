/* fh-priority-card.c — one strategic priority and its indicators
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The priority's title, its summary line ("3 of 5 on track, 1 no data",
 * counted in core by fh_priority_count_statuses()) and a row per
 * indicator. Activating a row emits "indicator-activated" with its code.
 */
#include <glib/gi18n.h>

#include "fh-priority-card.h"

struct _FhPriorityCard
{
  GtkWidget   parent_instance;

  GtkLabel   *title_label;
  GtkLabel   *summary_label;
  GtkListBox *list;

  int         number;
  char       *summary;
  GPtrArray  *rows;       /* FhIndicatorRow, borrowed from the list */
};

G_DEFINE_FINAL_TYPE (FhPriorityCard, fh_priority_card, GTK_TYPE_WIDGET)

enum {
  INDICATOR_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_row_activated (FhPriorityCard *self, GtkListBoxRow *row)
{
  if (FH_IS_INDICATOR_ROW (row))
    g_signal_emit (self, signals[INDICATOR_ACTIVATED], 0, fh_indicator_row_get_code (FH_INDICATOR_ROW (row)));
}

void
fh_priority_card_set (FhPriorityCard *self,
                      int             number,
                      GPtrArray      *overview,
                      GPtrArray      *series,
                      GHashTable     *measures)
{
  g_autofree char *title = NULL;
  FhRagCounts counts;
  GtkWidget *child;

  g_return_if_fail (FH_IS_PRIORITY_CARD (self));
  g_return_if_fail (overview != NULL && series != NULL);

  self->number = number;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < overview->len; i++)
    {
      FhPriorityIndicator *p = g_ptr_array_index (overview, i);
      GtkWidget *row;

      if (p->priority_number != number)
        continue;
      if (title == NULL)
        /* TRANSLATORS: "Priority 1: Strengthen whole-family resilience…" */
        title = g_strdup_printf (_("Priority %d: %s"), number, p->priority_title);
      if (p->indicator_code == NULL)
        continue;
      row = fh_indicator_row_new ();
      fh_indicator_row_set (FH_INDICATOR_ROW (row), p, series,
                            measures ? g_hash_table_lookup (measures, p->indicator_code) : NULL);
      gtk_list_box_append (self->list, row);
      g_ptr_array_add (self->rows, row);
    }

  gtk_label_set_label (self->title_label, title ? title : "");
  /* the list of indicators is named by its priority for assistive technology */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  self->title_label, NULL, -1);
  fh_priority_count_statuses (overview, series, number, &counts);
  g_free (self->summary);
  self->summary = fh_rag_summary_describe (counts.n_green, counts.n_amber, counts.n_red,
                                           counts.n_no_data, counts.n_no_target);
  gtk_label_set_label (self->summary_label, self->summary);
}

int
fh_priority_card_get_number (FhPriorityCard *self)
{
  g_return_val_if_fail (FH_IS_PRIORITY_CARD (self), 0);
  return self->number;
}

const char *
fh_priority_card_get_summary (FhPriorityCard *self)
{
  g_return_val_if_fail (FH_IS_PRIORITY_CARD (self), NULL);
  return self->summary;
}

guint
fh_priority_card_get_n_rows (FhPriorityCard *self)
{
  g_return_val_if_fail (FH_IS_PRIORITY_CARD (self), 0);
  return self->rows->len;
}

FhIndicatorRow *
fh_priority_card_get_row (FhPriorityCard *self,
                          guint           i)
{
  g_return_val_if_fail (FH_IS_PRIORITY_CARD (self), NULL);
  g_return_val_if_fail (i < self->rows->len, NULL);
  return g_ptr_array_index (self->rows, i);
}

static void
fh_priority_card_dispose (GObject *object)
{
  FhPriorityCard *self = FH_PRIORITY_CARD (object);

  g_ptr_array_set_size (self->rows, 0);
  gtk_widget_dispose_template (GTK_WIDGET (object), FH_TYPE_PRIORITY_CARD);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
      gtk_widget_unparent (child);
  }

  G_OBJECT_CLASS (fh_priority_card_parent_class)->dispose (object);
}

static void
fh_priority_card_finalize (GObject *object)
{
  FhPriorityCard *self = FH_PRIORITY_CARD (object);

  g_ptr_array_unref (self->rows);
  g_free (self->summary);

  G_OBJECT_CLASS (fh_priority_card_parent_class)->finalize (object);
}

static void
fh_priority_card_class_init (FhPriorityCardClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = fh_priority_card_dispose;
  G_OBJECT_CLASS (klass)->finalize = fh_priority_card_finalize;

  signals[INDICATOR_ACTIVATED] =
    g_signal_new ("indicator-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/familyhelp/Dashboard/fh-priority-card.ui");
  gtk_widget_class_bind_template_child (widget_class, FhPriorityCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, FhPriorityCard, summary_label);
  gtk_widget_class_bind_template_child (widget_class, FhPriorityCard, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fh_priority_card_init (FhPriorityCard *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
fh_priority_card_new (void)
{
  return g_object_new (FH_TYPE_PRIORITY_CARD, NULL);
}
