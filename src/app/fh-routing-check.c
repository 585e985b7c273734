/* fh-routing-check.c — adolescents in Core whose needs meet the Adolescence criteria
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Open Core episodes of a child aged 10 or over with a need connected to
 * exploitation, missing episodes, anti-social behaviour, criminality or
 * education: counts by the team holding them for everyone, and for the
 * fh_manager role the pseudonymous episode references to review. The
 * database refuses the list to anyone else; this section does not ask.
 */
#include <glib/gi18n.h>

#include "fh-caseload-queries.h"
#include "fh-filter.h"
#include "fh-number-format.h"
#include "fh-routing-check.h"
#include "fh-session-privileges.h"
#include "fh-table.h"

#define SECTION_KEY "fh-routing-check"

struct _FhRoutingCheck
{
  GtkWidget     parent_instance;

  GtkGrid      *team_grid;
  GtkWidget    *review_box;
  GtkGrid      *review_grid;

  GCancellable *cancellable;   /* the manager's list, outside the page's round */
  FhDatabase   *database;
  int           authority_id;
  GDateTime    *as_at;
};

G_DEFINE_FINAL_TYPE (FhRoutingCheck, fh_routing_check, GTK_TYPE_WIDGET)

static void
show_teams (FhRoutingCheck *self,
            GPtrArray      *rows)
{
  static const FhColumnKind kinds[] = { FH_COLUMN_TEXT, FH_COLUMN_NUMBER };
  const char *headers[] = { _("Core team"), _("Episodes to review") };

  fh_table_reset (self->team_grid, headers, kinds, G_N_ELEMENTS (headers));
  for (guint i = 0; i < rows->len; i++)
    {
      FhRoutingTeam *t = g_ptr_array_index (rows, i);
      g_autofree char *n = fh_format_count (t->episodes);
      const char *team = t->is_total ? _("All Core teams") : t->team_name ? t->team_name : _("Not allocated");
      const char *cells[] = { team, n };
      GtkWidget *first = fh_table_add_row (self->team_grid, i, cells, kinds, G_N_ELEMENTS (cells));

      if (t->is_total)
        gtk_widget_add_css_class (first, "heading");
    }
}

static void
on_review (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(FhRoutingCheck) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = fh_database_routing_review_finish (FH_DATABASE (source), result, &error);
  static const FhColumnKind kinds[] = { FH_COLUMN_TEXT, FH_COLUMN_TEXT, FH_COLUMN_NUMBER, FH_COLUMN_TEXT,
                                        FH_COLUMN_NUMBER, FH_COLUMN_TEXT };
  const char *headers[] = { _("Episode"), _("Team"), _("Age"), _("Started"), _("Days open"), _("Needs") };

  if (rows == NULL)
    {
      /* not for this role after all, or cancelled: the list stays hidden */
      g_debug ("routing review: %s", error->message);
      return;
    }
  fh_table_reset (self->review_grid, headers, kinds, G_N_ELEMENTS (headers));
  for (guint i = 0; i < rows->len; i++)
    {
      FhRoutingEpisode *e = g_ptr_array_index (rows, i);
      g_autofree char *age = fh_format_count (e->age);
      g_autofree char *started = e->started_on ? fh_date_to_iso (e->started_on) : g_strdup (FH_FORMAT_MISSING);
      g_autofree char *days = fh_format_count (e->days_open);
      const char *cells[] = { e->episode_ref, e->team_name ? e->team_name : _("Not allocated"), age, started,
                              days, e->needs ? e->needs : "" };

      fh_table_add_row (self->review_grid, i, cells, kinds, G_N_ELEMENTS (cells));
    }
  gtk_widget_set_visible (self->review_box, TRUE);
}

static gboolean
finish_teams (gpointer      page,
              GObject      *source,
              GAsyncResult *result,
              GError      **error)
{
  g_autoptr(GPtrArray) rows = fh_database_routing_check_finish (FH_DATABASE (source), result, error);

  if (rows == NULL)
    return FALSE;
  show_teams (g_object_get_data (G_OBJECT (page), SECTION_KEY), rows);
  return TRUE;
}

static gboolean
finish_privileges (gpointer      page,
                   GObject      *source,
                   GAsyncResult *result,
                   GError      **error)
{
  FhRoutingCheck *self = g_object_get_data (G_OBJECT (page), SECTION_KEY);
  g_autoptr(FhSessionPrivileges) privileges = fh_database_session_privileges_finish (FH_DATABASE (source),
                                                                                     result, error);

  if (privileges == NULL)
    return FALSE;
  if (privileges->exact_allowed)
    fh_database_routing_review_async (self->database, self->authority_id, self->as_at, self->cancellable,
                                      on_review, g_object_ref (self));
  return TRUE;
}

void
fh_routing_check_load (FhRoutingCheck *self,
                       FhPage         *page,
                       GDateTime      *as_at)
{
  g_return_if_fail (FH_IS_ROUTING_CHECK (self));
  g_return_if_fail (FH_IS_PAGE (page));
  g_return_if_fail (as_at != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_set_object (&self->database, fh_page_get_database (page));
  self->authority_id = fh_page_get_authority_id (page);
  g_clear_pointer (&self->as_at, g_date_time_unref);
  self->as_at = g_date_time_ref (as_at);
  gtk_widget_set_visible (self->review_box, FALSE);

  g_object_set_data (G_OBJECT (page), SECTION_KEY, self);
  fh_database_routing_check_async (self->database, self->authority_id, as_at,
                                   FH_PAGE_QUERY (page, "routing_check", finish_teams));
  fh_database_session_privileges_async (self->database,
                                        FH_PAGE_QUERY (page, "session_privileges", finish_privileges));
}

static void
fh_routing_check_dispose (GObject *object)
{
  FhRoutingCheck *self = FH_ROUTING_CHECK (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->database);
  g_clear_pointer (&self->as_at, g_date_time_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), FH_TYPE_ROUTING_CHECK);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (fh_routing_check_parent_class)->dispose (object);
}

static void
fh_routing_check_class_init (FhRoutingCheckClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = fh_routing_check_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/familyhelp/Dashboard/fh-routing-check.ui");
  gtk_widget_class_bind_template_child (widget_class, FhRoutingCheck, team_grid);
  gtk_widget_class_bind_template_child (widget_class, FhRoutingCheck, review_box);
  gtk_widget_class_bind_template_child (widget_class, FhRoutingCheck, review_grid);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fh_routing_check_init (FhRoutingCheck *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
