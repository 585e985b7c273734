/* fh-window.c — the main window
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A header bar with the page switcher and the main menu; the pages, each
 * an FhPage in the template's stack (the window knows no page by name); a
 * status line naming the database, when its data was extracted and whether
 * the last refresh worked. win.refresh (F5, Ctrl+R) reloads every page.
 */
#include <glib/gi18n.h>

#include "fh-accels.h"
#include "fh-authority-chooser.h"
#include "fh-chart-export-actions.h"
#include "fh-a11y.h"
#include "fh-page-stack.h"
#include "fh-publication-view.h"
#include "fh-refresh-status.h"
#include "fh-session-privileges.h"
#include "fh-settings.h"
#include "fh-window-actions.h"
#include "fh-window.h"

struct _FhWindow
{
  GtkApplicationWindow  parent_instance;

  GtkStack             *stack;
  GtkWidget            *menu_button;
  GtkLabel             *status_label;
  GtkInfoBar           *privilege_bar;
  GtkLabel             *privilege_label;
  GtkDropDown          *authority_dropdown;
  GtkStringList        *authority_names;
  GtkToggleButton      *publication_toggle;
  FhPublicationView    *publication;

  GSettings            *settings;
  FhDatabase           *database;
  GCancellable         *cancellable;
  GCancellable         *extract_cancellable;
  int                   authority_id;
  char                 *authority_name;
  FhAuthorityChooser   *authority_chooser;
  GDateTime            *extracted_at;
  GDateTime            *refreshed_at;
  GDateTime            *failed_at;
  guint                 refresh_count;
  gboolean              refreshing;
  gboolean              role_known;   /* this database's privileges have answered */
};

G_DEFINE_FINAL_TYPE (FhWindow, fh_window, GTK_TYPE_APPLICATION_WINDOW)

static void
update_status (FhWindow *self)
{
  gboolean loading;
  FhRefreshStatus status = {
    .authority_name = self->authority_name,
    .description = self->database ? fh_database_get_description (self->database) : NULL,
    .extracted_at = self->extracted_at,
    .refreshed_at = self->refreshed_at,
    .failed_at = self->failed_at,
    .refreshing = self->refreshing,
  };
  g_autofree char *text = NULL;

  fh_page_stack_get_states (self->stack, &loading, &status.failed);
  text = fh_refresh_status_format (&status);
  gtk_label_set_text (self->status_label, text);
}

static void
on_page_shown (FhWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  fh_page_stack_load_shown (self->stack);
  /* the application opens the next window on it */
  if (name != NULL)
    g_settings_set_string (self->settings, "last-page", name);
}

/* A page finished (or started) loading: a refresh is over when none is loading. */
static void
on_page_state (FhWindow *self)
{
  GtkWidget *shown = gtk_stack_get_visible_child (self->stack);
  gboolean loading, failed;

  /* the page shown has its figures (or cannot): the others' turn */
  if (!FH_IS_PAGE (shown) || fh_page_get_state (FH_PAGE (shown)) != FH_DATA_VIEW_LOADING)
    fh_page_stack_load_waiting (self->stack);
  /* exact figures refused: this role gets published ones, ask for those */
  if (fh_page_stack_has_error (self->stack, FH_DATABASE_ERROR, FH_DATABASE_ERROR_EXACT_FIGURES))
    fh_publication_view_exact_refused (self->publication);
  fh_page_stack_get_states (self->stack, &loading, &failed);
  if (failed)
    {
      if (self->failed_at == NULL || self->refreshing)
        {
          g_clear_pointer (&self->failed_at, g_date_time_unref);
          self->failed_at = g_date_time_new_now_local ();
        }
      self->refreshing = loading;
    }
  else if (self->refreshing && !loading)
    {
      self->refreshing = FALSE;
      g_clear_pointer (&self->failed_at, g_date_time_unref);
      g_clear_pointer (&self->refreshed_at, g_date_time_unref);
      self->refreshed_at = g_date_time_new_now_local ();
      fh_publication_view_reloaded (self->publication);
    }
  update_status (self);
}

static void
load_pages (FhWindow *self)
{
  fh_page_stack_load (self->stack, self->database, self->authority_id);
  on_page_state (self);
}

static void
show_error_everywhere (FhWindow     *self,
                       const GError *error)
{
  self->refreshing = TRUE;
  fh_page_stack_show_error (self->stack, error);
  on_page_state (self);
}

static void
on_extract_time (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(FhWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GDateTime *when = fh_database_extract_time_finish (FH_DATABASE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* The pages measure "latest complete" periods from the data's extraction,
   * not the clock; without one (an error, or none recorded) they use today,
   * and show any real problem themselves. */
  g_clear_pointer (&self->extracted_at, g_date_time_unref);
  self->extracted_at = when;
  {
    g_autoptr(GPtrArray) pages = fh_page_stack_get_pages (self->stack);

    for (guint i = 0; i < pages->len; i++)
      fh_page_set_extract_date (g_ptr_array_index (pages, i), when);
  }
  update_status (self);
  load_pages (self);
}

static void
refresh (FhWindow *self)
{
  if (self->database == NULL || !fh_database_is_connected (self->database))
    {
      if (self->database != NULL)
        fh_window_connect (self, fh_database_get_conninfo (self->database));
      return;
    }
  /* A refresh supersedes the last one's question, which may be for another authority. */
  g_cancellable_cancel (self->extract_cancellable);
  g_clear_object (&self->extract_cancellable);
  self->extract_cancellable = g_cancellable_new ();
  self->refresh_count++;
  self->refreshing = TRUE;
  fh_page_stack_show_loading (self->stack);
  on_page_state (self);
  /* the extraction time first: it says which periods are complete */
  fh_database_extract_time_async (self->database, self->authority_id, self->extract_cancellable,
                                  on_extract_time, g_object_ref (self));
}

static void
on_authorities (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(FhWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) authorities = fh_database_authorities_finish (FH_DATABASE (source), result, &error);
  int wanted = g_settings_get_int (self->settings, "authority-id");
  const FhAuthority *chosen;

  if (authorities == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error_everywhere (self, error);
      return;
    }
  if (authorities->len == 0)
    {
      g_autoptr(GError) empty = g_error_new_literal (FH_DATABASE_ERROR, FH_DATABASE_ERROR_SCHEMA,
                                                     _("The database has no authorities in it yet. "
                                                       "Ask your data team to load the data."));
      show_error_everywhere (self, empty);
      return;
    }

  chosen = fh_authority_chooser_set_authorities (self->authority_chooser, authorities, wanted);
  g_free (self->authority_name);
  self->authority_name = g_strdup (chosen->name);
  /* The pages started on the remembered authority; only another needs a reload. */
  if (chosen->authority_id != self->authority_id)
    {
      self->authority_id = chosen->authority_id;
      refresh (self);
    }
  update_status (self);
}

static void
on_authority_chosen (FhWindow          *self,
                     const FhAuthority *chosen)
{
  if (chosen->authority_id == self->authority_id)
    return;
  self->authority_id = chosen->authority_id;
  g_free (self->authority_name);
  self->authority_name = g_strdup (chosen->name);
  g_settings_set_int (self->settings, "authority-id", chosen->authority_id);
  g_clear_pointer (&self->extracted_at, g_date_time_unref);
  refresh (self);
}

/* The dashboard needs no more than fh_reader: say so, and keep saying it,
 * when the login could change the data or is a superuser. */
static void
on_privileges (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(FhWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FhSessionPrivileges) privileges = fh_database_session_privileges_finish (FH_DATABASE (source),
                                                                                      result, &error);
  g_autofree char *text = NULL;
  guint refreshes = self->refresh_count;
  gboolean first = !self->role_known;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->role_known = TRUE;
  if (privileges != NULL)   /* else the pages show any real problem */
    {
      /* a manager's role may turn exact figures on: that refreshes */
      fh_publication_view_set_role (self->publication, privileges->role_name, privileges->exact_allowed);
      text = fh_session_privileges_describe_excess (privileges);
      if (text != NULL)
        gtk_label_set_text (self->privilege_label, text);
      gtk_info_bar_set_revealed (self->privilege_bar, text != NULL);
    }
  if (first && self->refresh_count == refreshes)
    refresh (self);
  update_status (self);
}

static void
start_with_database (FhWindow *self)
{
  g_debug ("connected: asking for the role's privileges and the authorities");
  /* The role first, on the worker that is already connected (a few ms):
   * a manager's pages ask for exact figures, and loading them before the
   * role is known loaded the first page twice. The remembered authority is
   * loaded then; the list of authorities comes on another worker. */
  self->authority_id = g_settings_get_int (self->settings, "authority-id");
  self->role_known = FALSE;
  fh_database_session_privileges_async (self->database, self->cancellable, on_privileges, g_object_ref (self));
  fh_database_authorities_async (self->database, self->cancellable, on_authorities, g_object_ref (self));
}

static void
on_connected (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(FhWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!fh_database_connect_finish (FH_DATABASE (source), result, &error))
    {
      g_debug ("not connected: %s", error->message);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error_everywhere (self, error);
      return;
    }
  start_with_database (self);
}

void
fh_window_use_database (FhWindow   *self,
                        FhDatabase *database)
{
  g_return_if_fail (FH_IS_WINDOW (self));
  g_return_if_fail (FH_IS_DATABASE (database));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_cancellable_cancel (self->extract_cancellable);
  /* the old database's running queries are of no use any more */
  if (self->database != NULL && self->database != database)
    fh_database_close (self->database);
  g_set_object (&self->database, database);
  fh_publication_view_set_database (self->publication, database);
  g_clear_pointer (&self->extracted_at, g_date_time_unref);
  gtk_info_bar_set_revealed (self->privilege_bar, FALSE);

  if (fh_database_is_connected (database))
    start_with_database (self);
  else
    fh_database_connect_async (database, self->cancellable, on_connected, g_object_ref (self));
}

void
fh_window_connect (FhWindow   *self,
                   const char *conninfo)
{
  g_autoptr(FhDatabase) database = NULL;

  g_return_if_fail (FH_IS_WINDOW (self));

  database = fh_database_new (conninfo);
  fh_page_stack_show_loading (self->stack);
  gtk_label_set_text (self->status_label, _("Connecting…"));
  fh_window_use_database (self, database);
}

/* ---- actions ------------------------------------------------------------ */

static void
refresh_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  refresh (FH_WINDOW (widget));
}

/* The nth page (from 1) in the switcher's order. */
static void
show_nth_page_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  FhWindow *self = FH_WINDOW (widget);
  g_autoptr(GPtrArray) pages = fh_page_stack_get_pages (self->stack);
  int n = g_variant_get_int32 (parameter);

  if (n >= 1 && (guint) n <= pages->len)
    gtk_stack_set_visible_child (self->stack, g_ptr_array_index (pages, n - 1));
}

/* ---- GObject ------------------------------------------------------------ */

static void
fh_window_dispose (GObject *object)
{
  FhWindow *self = FH_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->extract_cancellable);
  g_clear_object (&self->extract_cancellable);
  if (self->database != NULL)
    fh_database_close (self->database);
  g_clear_object (&self->database);
  g_clear_object (&self->publication);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->authority_name, g_free);
  g_clear_object (&self->authority_chooser);
  g_clear_pointer (&self->extracted_at, g_date_time_unref);
  g_clear_pointer (&self->refreshed_at, g_date_time_unref);
  g_clear_pointer (&self->failed_at, g_date_time_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), FH_TYPE_WINDOW);

  G_OBJECT_CLASS (fh_window_parent_class)->dispose (object);
}

static void
fh_window_class_init (FhWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = fh_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/familyhelp/Dashboard/fh-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FhWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, FhWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, FhWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, FhWindow, privilege_bar);
  gtk_widget_class_bind_template_child (widget_class, FhWindow, privilege_label);
  gtk_widget_class_bind_template_child (widget_class, FhWindow, authority_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FhWindow, authority_names);
  gtk_widget_class_bind_template_child (widget_class, FhWindow, publication_toggle);

  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  fh_window_actions_install (widget_class);

  gtk_widget_class_install_action (widget_class, "win.show-nth-page", "i", show_nth_page_action);
  fh_chart_export_actions_install_window (widget_class);
  fh_accels_add_to_window_class (widget_class);
}

static void
fh_window_init (FhWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fh_a11y_label_dropdown (self->authority_dropdown, _("Authority"));
  fh_a11y_label_button (self->menu_button, _("Main menu"));
  fh_a11y_hide_hidden_pages (self->stack);
  self->authority_chooser = fh_authority_chooser_new (self->authority_dropdown, self->authority_names);
  g_signal_connect_object (self->authority_chooser, "chosen", G_CALLBACK (on_authority_chosen), self,
                           G_CONNECT_SWAPPED);

  self->authority_id = 1;
  self->cancellable = g_cancellable_new ();
  self->settings = fh_settings_new ();
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  self->publication = fh_publication_view_new (self->publication_toggle, self->settings);
  g_signal_connect_object (self->publication, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);

  {
    g_autoptr(GPtrArray) pages = fh_page_stack_get_pages (self->stack);

    for (guint i = 0; i < pages->len; i++)
      g_signal_connect_object (g_ptr_array_index (pages, i), "notify::state",
                               G_CALLBACK (on_page_state), self, G_CONNECT_SWAPPED);
  }
  g_signal_connect_swapped (self->stack, "notify::visible-child", G_CALLBACK (on_page_shown), self);
}

FhWindow *
fh_window_new (GtkApplication *application,
               const char     *conninfo)
{
  g_autoptr(FhDatabase) database = fh_database_new (conninfo);
  FhWindow *self;

  /* Start connecting first: the server's session starts on a worker
   * thread while the main thread builds the window. If it is ready by
   * then, the first page's queries go out at once; if not, the window's
   * own connect below runs beside it on a second worker. */
  fh_database_connect_async (database, NULL, NULL, NULL);
  g_debug ("building the window");
  self = g_object_new (FH_TYPE_WINDOW, "application", application, NULL);
  g_debug ("window built, %s", fh_database_is_connected (database) ? "connected" : "connecting");
  fh_page_stack_show_loading (self->stack);
  gtk_label_set_text (self->status_label, _("Connecting…"));
  fh_window_use_database (self, database);
  return self;
}

FhDatabase *
fh_window_get_database (FhWindow *self)
{
  g_return_val_if_fail (FH_IS_WINDOW (self), NULL);
  return self->database;
}

GtkWidget *
fh_window_get_page (FhWindow   *self,
                    const char *name)
{
  g_return_val_if_fail (FH_IS_WINDOW (self), NULL);
  return gtk_stack_get_child_by_name (self->stack, name);
}

void
fh_window_show_page (FhWindow   *self,
                     const char *name)
{
  g_return_if_fail (FH_IS_WINDOW (self));

  if (name != NULL && gtk_stack_get_child_by_name (self->stack, name) != NULL)
    gtk_stack_set_visible_child_name (self->stack, name);
}

FhPage *
fh_window_get_visible_page (FhWindow *self)
{
  GtkWidget *child;

  g_return_val_if_fail (FH_IS_WINDOW (self), NULL);
  child = gtk_stack_get_visible_child (self->stack);
  return FH_IS_PAGE (child) ? FH_PAGE (child) : NULL;
}

const char *
fh_window_get_privilege_warning (FhWindow *self)
{
  g_return_val_if_fail (FH_IS_WINDOW (self), NULL);

  if (!gtk_info_bar_get_revealed (self->privilege_bar))
    return NULL;
  return gtk_label_get_text (self->privilege_label);
}

const char *
fh_window_get_status_text (FhWindow *self)
{
  g_return_val_if_fail (FH_IS_WINDOW (self), NULL);
  return gtk_label_get_text (self->status_label);
}

guint
fh_window_get_refresh_count (FhWindow *self)
{
  g_return_val_if_fail (FH_IS_WINDOW (self), 0);
  return self->refresh_count;
}

int
fh_window_get_authority_id (FhWindow *self)
{
  g_return_val_if_fail (FH_IS_WINDOW (self), 0);
  return self->authority_id;
}

GtkDropDown *
fh_window_get_authority_dropdown (FhWindow *self)
{
  g_return_val_if_fail (FH_IS_WINDOW (self), NULL);
  return self->authority_dropdown;
}

FhPublicationView *
fh_window_get_publication_view (FhWindow *self)
{
  g_return_val_if_fail (FH_IS_WINDOW (self), NULL);
  return self->publication;
}
