/* fh-priority-projector.c — "Are we on track?": every priority on one screen
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Made for a meeting-room projector at 1280×720: the four priorities in a
 * two-by-two grid, black on white, large type; each with its summary line
 * and every indicator's status as a symbol and a word on its colour, the
 * indicator's name and latest value. Nothing needs a hover or a click.
 */
#include <glib/gi18n.h>

#include "fh-indicator-row.h"
#include "fh-priority-projector.h"
#include "fh-priority-results.h"

struct _FhPriorityProjector
{
  GtkWidget  parent_instance;

  GtkGrid   *grid;
  GtkLabel  *heading_label;

  char      *summaries[5];
};

G_DEFINE_FINAL_TYPE (FhPriorityProjector, fh_priority_projector, GTK_TYPE_WIDGET)

static GtkWidget *
label (const char *text, const char *css_class, float xalign)
{
  GtkWidget *l = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (l), xalign);
  /* large text (200%) wraps rather than widening the window */
  gtk_label_set_wrap (GTK_LABEL (l), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (l, css_class);
  return l;
}

static GtkWidget *
indicator_line (const FhPriorityIndicator *p, GPtrArray *series)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *status = NULL, *latest = fh_indicator_format_latest (p);
  GtkWidget *badge, *name;
  FhRagAssessment a;
  FhDirection direction;

  fh_priority_indicator_assess (p, series, &a, &direction);
  status = g_strdup_printf ("%s %s", fh_rag_status_get_symbol (a.status), fh_rag_status_get_label (a.status));
  badge = label (status, "projector-badge", 0);
  gtk_widget_add_css_class (badge, fh_rag_status_get_css_class (a.status));
  gtk_widget_set_size_request (badge, 178, -1);
  name = label (p->indicator_name, "projector-name", 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), label (latest, "projector-value", 1));
  return box;
}

void
fh_priority_projector_show (FhPriorityProjector *self,
                            GPtrArray           *overview,
                            GPtrArray           *series)
{
  GtkWidget *child;

  g_return_if_fail (FH_IS_PRIORITY_PROJECTOR (self));
  g_return_if_fail (overview != NULL && series != NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);

  for (int number = 1; number <= 4; number++)
    {
      GtkWidget *panel = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      g_autofree char *title = NULL;
      FhRagCounts c;

      for (guint i = 0; i < overview->len; i++)
        {
          FhPriorityIndicator *p = g_ptr_array_index (overview, i);

          if (p->priority_number != number)
            continue;
          if (title == NULL)
            {
              title = g_strdup_printf (_("%d. %s"), number, p->priority_title);
              gtk_box_append (GTK_BOX (panel), label (title, "projector-title", 0));
              gtk_label_set_wrap (GTK_LABEL (gtk_widget_get_last_child (panel)), TRUE);
              fh_priority_count_statuses (overview, series, number, &c);
              g_free (self->summaries[number]);
              self->summaries[number] = fh_rag_summary_describe (c.n_green, c.n_amber, c.n_red,
                                                                 c.n_no_data, c.n_no_target);
              gtk_box_append (GTK_BOX (panel), label (self->summaries[number], "projector-summary", 0));
            }
          if (p->indicator_code != NULL)
            gtk_box_append (GTK_BOX (panel), indicator_line (p, series));
        }
      if (title == NULL)
        continue;
      gtk_widget_add_css_class (panel, "projector-panel");
      gtk_widget_set_hexpand (panel, TRUE);
      gtk_widget_set_valign (panel, GTK_ALIGN_FILL);
      gtk_grid_attach (self->grid, panel, (number - 1) % 2, (number - 1) / 2, 1, 1);
    }
}

const char *
fh_priority_projector_get_summary (FhPriorityProjector *self,
                                   int                  number)
{
  g_return_val_if_fail (FH_IS_PRIORITY_PROJECTOR (self), NULL);
  g_return_val_if_fail (number >= 1 && number <= 4, NULL);
  return self->summaries[number];
}

static void
fh_priority_projector_dispose (GObject *object)
{
  FhPriorityProjector *self = FH_PRIORITY_PROJECTOR (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->summaries); i++)
    g_clear_pointer (&self->summaries[i], g_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), FH_TYPE_PRIORITY_PROJECTOR);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
      gtk_widget_unparent (child);
  }

  G_OBJECT_CLASS (fh_priority_projector_parent_class)->dispose (object);
}

static void
fh_priority_projector_class_init (FhPriorityProjectorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = fh_priority_projector_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/familyhelp/Dashboard/fh-priority-projector.ui");
  gtk_widget_class_bind_template_child (widget_class, FhPriorityProjector, grid);
  gtk_widget_class_bind_template_child (widget_class, FhPriorityProjector, heading_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fh_priority_projector_init (FhPriorityProjector *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
