/* fh-publication-view.c — whether the window shows exact or published figures
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "fh-publication-view.h"

struct _FhPublicationView
{
  GObject          parent_instance;

  GtkToggleButton *toggle;        /* the window's, unowned */
  GSettings       *settings;
  FhDatabase      *database;
  char            *role_name;
  gboolean         exact_allowed;
  gboolean         exact;         /* what the database is asked for */
  gboolean         exact_shown;   /* exact figures may still be on screen */
  gulong           toggled_id;
  guint            refused_id;    /* the update after exact figures were refused */
};

G_DEFINE_FINAL_TYPE (FhPublicationView, fh_publication_view, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The toggle shows what applies: on and insensitive for a role that only
 * ever gets suppressed figures, the setting otherwise. */
static void
update (FhPublicationView *self)
{
  gboolean wanted = g_settings_get_boolean (self->settings, "publication-view");
  gboolean exact = self->exact_allowed && !wanted;

  g_signal_handler_block (self->toggle, self->toggled_id);
  gtk_toggle_button_set_active (self->toggle, !exact);
  g_signal_handler_unblock (self->toggle, self->toggled_id);
  gtk_widget_set_sensitive (GTK_WIDGET (self->toggle), self->exact_allowed);
  gtk_button_set_icon_name (GTK_BUTTON (self->toggle),
                            exact ? "changes-allow-symbolic" : "changes-prevent-symbolic");
  if (self->exact_allowed)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->toggle),
                                 exact ? _("Publication view is off: exact figures are shown, "
                                           "for your screen only. Turn it on to show small numbers "
                                           "suppressed, as every export prints them.")
                                       : _("Publication view: small numbers (1 to 5) are suppressed "
                                           "and shown as “c”, as every export prints them."));
  else
    {
      g_autofree char *text = NULL;

      if (self->role_name != NULL)
        text = g_strdup_printf (_("Always in publication view: the role “%s” gets small numbers "
                                  "suppressed (shown as “c”). Only a service manager’s login "
                                  "(fh_manager) may see exact figures."), self->role_name);
      else
        text = g_strdup (_("Always in publication view until the connection’s role is known: "
                           "small numbers are suppressed (shown as “c”)."));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->toggle), text);
    }

  if (exact == self->exact)
    return;
  self->exact = exact;
  if (exact)
    self->exact_shown = TRUE;
  if (self->database != NULL)
    fh_database_set_exact_figures (self->database, exact);
  g_debug ("publication view %s: the pages ask for %s figures", exact ? "off" : "on",
           exact ? "exact" : "suppressed");
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_toggled (FhPublicationView *self)
{
  if (!self->exact_allowed)
    return;
  g_settings_set_boolean (self->settings, "publication-view", gtk_toggle_button_get_active (self->toggle));
}

static void
fh_publication_view_dispose (GObject *object)
{
  FhPublicationView *self = FH_PUBLICATION_VIEW (object);

  if (self->toggle != NULL)
    g_clear_signal_handler (&self->toggled_id, self->toggle);
  g_clear_weak_pointer (&self->toggle);
  g_clear_object (&self->settings);
  g_clear_object (&self->database);
  g_clear_pointer (&self->role_name, g_free);

  G_OBJECT_CLASS (fh_publication_view_parent_class)->dispose (object);
}

static void
fh_publication_view_class_init (FhPublicationViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = fh_publication_view_dispose;

  /* The figures asked for changed: reload every page. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
fh_publication_view_init (FhPublicationView *self)
{
}

FhPublicationView *
fh_publication_view_new (GtkToggleButton *toggle,
                         GSettings       *settings)
{
  FhPublicationView *self;

  g_return_val_if_fail (GTK_IS_TOGGLE_BUTTON (toggle), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (FH_TYPE_PUBLICATION_VIEW, NULL);
  g_set_weak_pointer (&self->toggle, toggle);
  self->settings = g_object_ref (settings);
  self->toggled_id = g_signal_connect_swapped (toggle, "toggled", G_CALLBACK (on_toggled), self);
  g_signal_connect_object (settings, "changed::publication-view", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  update (self);
  return self;
}

void
fh_publication_view_set_database (FhPublicationView *self,
                                  FhDatabase        *database)
{
  g_return_if_fail (FH_IS_PUBLICATION_VIEW (self));
  g_return_if_fail (database == NULL || FH_IS_DATABASE (database));

  g_set_object (&self->database, database);
  g_clear_pointer (&self->role_name, g_free);
  self->exact_allowed = FALSE;
  if (database != NULL)
    fh_database_set_exact_figures (database, FALSE);
  /* the old connection's figures are still on screen until the reload */
  self->exact = FALSE;
  update (self);
}

void
fh_publication_view_set_role (FhPublicationView *self,
                              const char        *role_name,
                              gboolean           exact_allowed)
{
  g_return_if_fail (FH_IS_PUBLICATION_VIEW (self));

  g_free (self->role_name);
  self->role_name = g_strdup (role_name);
  self->exact_allowed = exact_allowed;
  update (self);
}

static gboolean
refused_update (gpointer data)
{
  FhPublicationView *self = data;

  self->refused_id = 0;
  update (self);
  return G_SOURCE_REMOVE;
}

void
fh_publication_view_exact_refused (FhPublicationView *self)
{
  g_return_if_fail (FH_IS_PUBLICATION_VIEW (self));

  if (!self->exact_allowed)
    return;
  g_debug ("the database refused exact figures: publication view stays on");
  self->exact_allowed = FALSE;
  /* not now: this comes from a page showing its error, and "changed"
   * reloads every page */
  if (self->refused_id == 0)
    self->refused_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refused_update,
                                        g_object_ref (self), g_object_unref);
}

void
fh_publication_view_reloaded (FhPublicationView *self)
{
  g_return_if_fail (FH_IS_PUBLICATION_VIEW (self));

  if (!self->exact)
    self->exact_shown = FALSE;
}

gboolean
fh_publication_view_get_exact (FhPublicationView *self)
{
  g_return_val_if_fail (FH_IS_PUBLICATION_VIEW (self), FALSE);
  return self->exact;
}

gboolean
fh_publication_view_may_show_exact (FhPublicationView *self)
{
  g_return_val_if_fail (FH_IS_PUBLICATION_VIEW (self), TRUE);
  return self->exact || self->exact_shown;
}
