/* fh-priorities-page.c — progress against the strategy's four priorities
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three views of the same figures: the overview (a card per priority, a
 * row per indicator: status, latest value, plan, direction, sparkline);
 * an indicator's detail (activate its row: click or Enter); and "Are we on
 * track?", every priority on one screen for a projector (F11 makes the
 * window full screen). Escape goes back to the overview. The statuses are
 * worked out in core (fh-rag.c) from what the reporting layer returns.
 */
#include <glib/gi18n.h>
#include <math.h>

#include "fh-priorities-page.h"
#include "fh-priority-queries.h"

struct _FhPrioritiesPage
{
  FhPage               parent_instance;

  GtkStack            *view_stack;
  GtkBox              *cards_box;
  FhIndicatorDetail   *detail;
  FhPriorityProjector *projector;

  GPtrArray           *overview;      /* FhPriorityIndicator */
  GPtrArray           *series;        /* FhPriorityPoint */
  GPtrArray           *comparators;   /* FhIndicatorComparator */
  GPtrArray           *commentary;    /* FhIndicatorCommentary */
  GPtrArray           *measures;      /* FhSuccessMeasure */
  GHashTable          *measures_by_code;
  FhPriorityCard      *cards[5];
  GCancellable        *detail_cancellable;
};

G_DEFINE_FINAL_TYPE (FhPrioritiesPage, fh_priorities_page, FH_TYPE_PAGE)

char *
fh_indicator_format_value (double      value,
                           const char *unit)
{
  if (isnan (value))
    return g_strdup (_("no data"));
  return fh_priority_format_value (value, unit);
}

/* ---- queries ------------------------------------------------------------- */

#define FINISH(name, field)                                                          \
  static gboolean                                                                   \
  finish_##name (FhPrioritiesPage *self, GObject *source, GAsyncResult *result,     \
                 GError **error)                                                    \
  {                                                                                 \
    g_clear_pointer (&self->field, g_ptr_array_unref);                              \
    self->field = fh_database_##name##_finish (FH_DATABASE (source), result, error); \
    return self->field != NULL;                                                     \
  }

FINISH (priority_overview, overview)
FINISH (priority_series, series)
FINISH (indicator_comparators, comparators)
FINISH (indicator_commentary, commentary)
FINISH (success_measures, measures)

static void
fh_priorities_page_load (FhPage *page)
{
  FhDatabase *db = fh_page_get_database (page);
  int authority = fh_page_get_authority_id (page);

  fh_database_priority_overview_async (db, authority, FH_PAGE_QUERY (page, "priority_overview", finish_priority_overview));
  fh_database_priority_series_async (db, authority, FH_PAGE_QUERY (page, "priority_series", finish_priority_series));
  fh_database_indicator_comparators_async (db, authority, NULL,
                                           FH_PAGE_QUERY (page, "indicator_comparators", finish_indicator_comparators));
  fh_database_indicator_commentary_async (db, authority, NULL,
                                          FH_PAGE_QUERY (page, "indicator_commentary", finish_indicator_commentary));
  fh_database_success_measures_async (db, authority, FH_PAGE_QUERY (page, "success_measures", finish_success_measures));
}

/* indicator code → "Title; Title" of the success measures it serves */
static GHashTable *
index_measures (GPtrArray *measures)
{
  GHashTable *by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < measures->len; i++)
    {
      FhSuccessMeasure *m = g_ptr_array_index (measures, i);
      const char *before;

      if (m->indicator_code == NULL)
        continue;
      before = g_hash_table_lookup (by_code, m->indicator_code);
      g_hash_table_insert (by_code, g_strdup (m->indicator_code),
                           before ? g_strdup_printf ("%s; %s", before, m->title) : g_strdup (m->title));
    }
  return by_code;
}

static void
on_indicator_activated (FhPrioritiesPage *self, const char *code)
{
  fh_priorities_page_show_indicator (self, code);
}

static void
fh_priorities_page_loaded (FhPage *page)
{
  FhPrioritiesPage *self = FH_PRIORITIES_PAGE (page);
  GtkWidget *child;

  if (self->overview->len == 0)
    {
      fh_page_show_empty (page, _("No indicators are recorded for this authority."));
      return;
    }

  g_clear_pointer (&self->measures_by_code, g_hash_table_unref);
  self->measures_by_code = index_measures (self->measures);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box))) != NULL)
    gtk_box_remove (self->cards_box, child);
  for (int n = 1; n <= 4; n++)
    {
      GtkWidget *card = fh_priority_card_new ();

      fh_priority_card_set (FH_PRIORITY_CARD (card), n, self->overview, self->series, self->measures_by_code);
      g_signal_connect_swapped (card, "indicator-activated", G_CALLBACK (on_indicator_activated), self);
      gtk_box_append (self->cards_box, card);
      self->cards[n] = FH_PRIORITY_CARD (card);
    }
  fh_priority_projector_show (self->projector, self->overview, self->series);

  /* a reload keeps the indicator in view */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "detail") == 0
      && fh_indicator_detail_get_code (self->detail) != NULL)
    fh_priorities_page_show_indicator (self, fh_indicator_detail_get_code (self->detail));
  fh_page_show_content (page);
}

/* ---- the detail ---------------------------------------------------------- */

static void
detail_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(FhPrioritiesPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) points = fh_database_indicator_detail_finish (FH_DATABASE (source), result, &error);

  if (points == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Indicator detail: %s", error->message);
      return;
    }
  fh_indicator_detail_set_values (self->detail, points);
}

void
fh_priorities_page_show_indicator (FhPrioritiesPage *self,
                                   const char       *indicator_code)
{
  g_autofree char *code = g_strdup (indicator_code);

  g_return_if_fail (FH_IS_PRIORITIES_PAGE (self));
  g_return_if_fail (indicator_code != NULL);

  if (self->overview == NULL)
    return;
  for (guint i = 0; i < self->overview->len; i++)
    {
      FhPriorityIndicator *p = g_ptr_array_index (self->overview, i);

      if (g_strcmp0 (p->indicator_code, code) != 0)
        continue;
      fh_indicator_detail_show (self->detail, p, self->series, self->comparators, self->commentary,
                                g_hash_table_lookup (self->measures_by_code, code));
      gtk_stack_set_visible_child_name (self->view_stack, "detail");

      g_cancellable_cancel (self->detail_cancellable);
      g_clear_object (&self->detail_cancellable);
      self->detail_cancellable = g_cancellable_new ();
      fh_database_indicator_detail_async (fh_page_get_database (FH_PAGE (self)),
                                          fh_page_get_authority_id (FH_PAGE (self)), code,
                                          self->detail_cancellable, detail_done, g_object_ref (self));
      return;
    }
}

/* ---- actions ------------------------------------------------------------- */

static void
show_view_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  FhPrioritiesPage *self = FH_PRIORITIES_PAGE (widget);

  gtk_stack_set_visible_child_name (self->view_stack, g_variant_get_string (parameter, NULL));
}

static void
show_indicator_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  fh_priorities_page_show_indicator (FH_PRIORITIES_PAGE (widget), g_variant_get_string (parameter, NULL));
}

const char *
fh_priorities_page_get_view (FhPrioritiesPage *self)
{
  g_return_val_if_fail (FH_IS_PRIORITIES_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->view_stack);
}

FhPriorityCard *
fh_priorities_page_get_card (FhPrioritiesPage *self,
                             int               number)
{
  g_return_val_if_fail (FH_IS_PRIORITIES_PAGE (self), NULL);
  g_return_val_if_fail (number >= 1 && number <= 4, NULL);
  return self->cards[number];
}

FhIndicatorDetail *
fh_priorities_page_get_detail (FhPrioritiesPage *self)
{
  g_return_val_if_fail (FH_IS_PRIORITIES_PAGE (self), NULL);
  return self->detail;
}

FhPriorityProjector *
fh_priorities_page_get_projector (FhPrioritiesPage *self)
{
  g_return_val_if_fail (FH_IS_PRIORITIES_PAGE (self), NULL);
  return self->projector;
}

/* ---- GObject ------------------------------------------------------------- */

static void
fh_priorities_page_dispose (GObject *object)
{
  FhPrioritiesPage *self = FH_PRIORITIES_PAGE (object);

  g_cancellable_cancel (self->detail_cancellable);
  g_clear_object (&self->detail_cancellable);
  g_clear_pointer (&self->overview, g_ptr_array_unref);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->comparators, g_ptr_array_unref);
  g_clear_pointer (&self->commentary, g_ptr_array_unref);
  g_clear_pointer (&self->measures, g_ptr_array_unref);
  g_clear_pointer (&self->measures_by_code, g_hash_table_unref);
  memset (self->cards, 0, sizeof self->cards);

  G_OBJECT_CLASS (fh_priorities_page_parent_class)->dispose (object);
}

static void
fh_priorities_page_class_init (FhPrioritiesPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = fh_priorities_page_dispose;
  FH_PAGE_CLASS (klass)->load = fh_priorities_page_load;
  FH_PAGE_CLASS (klass)->loaded = fh_priorities_page_loaded;

  g_type_ensure (FH_TYPE_INDICATOR_DETAIL);
  g_type_ensure (FH_TYPE_PRIORITY_PROJECTOR);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/familyhelp/Dashboard/fh-priorities-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FhPrioritiesPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, FhPrioritiesPage, cards_box);
  gtk_widget_class_bind_template_child (widget_class, FhPrioritiesPage, detail);
  gtk_widget_class_bind_template_child (widget_class, FhPrioritiesPage, projector);

  gtk_widget_class_install_action (widget_class, "priorities.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "priorities.show-indicator", "s", show_indicator_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "priorities.show-view", "s", "overview");
}

static void
fh_priorities_page_init (FhPrioritiesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
