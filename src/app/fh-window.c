/* fh-window.c — the main window
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A header bar with the page switcher and the main menu; the four pages;
 * a status line naming the database, when its data was extracted and when
 * the window last refreshed. win.refresh (F5, Ctrl+R) reloads every page.
 */
#include <glib/gi18n.h>

#include "fh-board-pack-page.h"
#include "fh-caseload-page.h"
#include "fh-connection-dialog.h"
#include "fh-conninfo.h"
#include "fh-demand-page.h"
#include "fh-page.h"
#include "fh-priorities-page.h"
#include "fh-session-privileges.h"
#include "fh-settings.h"
#include "fh-window.h"

struct _FhWindow
{
  GtkApplicationWindow  parent_instance;

  GtkStack             *stack;
  GtkLabel             *status_label;
  GtkInfoBar           *privilege_bar;
  GtkLabel             *privilege_label;
  GtkDropDown          *authority_dropdown;
  GtkStringList        *authority_names;
  FhDemandPage         *demand_page;
  FhCaseloadPage       *caseload_page;
  FhPrioritiesPage     *priorities_page;
  FhBoardPackPage      *board_pack_page;

  GSettings            *settings;
  FhDatabase           *database;
  GCancellable         *cancellable;
  GCancellable         *extract_cancellable;
  int                   authority_id;
  char                 *authority_name;
  GPtrArray            *authorities;
  GDateTime            *extracted_at;
  GDateTime            *refreshed_at;
  guint                 refresh_count;
  gboolean              filling_authorities;
};

G_DEFINE_FINAL_TYPE (FhWindow, fh_window, GTK_TYPE_APPLICATION_WINDOW)

static void
update_status (FhWindow *self)
{
  g_autoptr(GString) status = g_string_new (NULL);
  const char *description = self->database ? fh_database_get_description (self->database) : NULL;

  if (description == NULL)
    {
      gtk_label_set_text (self->status_label, _("Not connected"));
      return;
    }

  if (self->authority_name != NULL)
    g_string_append_printf (status, "%s · ", self->authority_name);
  g_string_append (status, description);
  if (self->extracted_at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (self->extracted_at);
      g_autofree char *when = g_date_time_format (local, "%-d %b %Y %H:%M");
      g_string_append_printf (status, _(" · data extracted %s"), when);
    }
  if (self->refreshed_at != NULL)
    {
      g_autofree char *when = g_date_time_format (self->refreshed_at, "%H:%M:%S");
      g_string_append_printf (status, _(" · refreshed %s"), when);
    }
  gtk_label_set_text (self->status_label, status->str);
}

static void
load_pages (FhWindow *self)
{
  GtkWidget *pages[] = { GTK_WIDGET (self->demand_page), GTK_WIDGET (self->caseload_page),
                         GTK_WIDGET (self->priorities_page), GTK_WIDGET (self->board_pack_page) };

  g_clear_pointer (&self->refreshed_at, g_date_time_unref);
  self->refreshed_at = g_date_time_new_now_local ();
  self->refresh_count++;
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    fh_page_load (FH_PAGE (pages[i]), self->database, self->authority_id);
  update_status (self);
}

static void
show_error_everywhere (FhWindow     *self,
                       const GError *error)
{
  fh_data_view_show_error (fh_demand_page_get_data_view (self->demand_page), error);
  fh_data_view_show_error (fh_caseload_page_get_data_view (self->caseload_page), error);
  fh_data_view_show_error (fh_priorities_page_get_data_view (self->priorities_page), error);
  fh_data_view_show_error (fh_board_pack_page_get_data_view (self->board_pack_page), error);
  update_status (self);
}

static void
on_extract_time (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(FhWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GDateTime *when = fh_database_extract_time_finish (FH_DATABASE (source), result, &error);

  if (error != NULL)
    return;  /* the pages show any real problem */
  g_clear_pointer (&self->extracted_at, g_date_time_unref);
  self->extracted_at = when;
  update_status (self);
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
  fh_database_extract_time_async (self->database, self->authority_id, self->extract_cancellable,
                                  on_extract_time, g_object_ref (self));
  load_pages (self);
}

static void
on_authorities (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(FhWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) authorities = fh_database_authorities_finish (FH_DATABASE (source), result, &error);
  int wanted = self->settings ? g_settings_get_int (self->settings, "authority-id") : 1;
  FhAuthority *chosen;
  guint chosen_index = 0;

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

  g_clear_pointer (&self->authorities, g_ptr_array_unref);
  self->authorities = g_ptr_array_ref (authorities);

  /* Rebuilding the list is not a choice: block the handler meanwhile. */
  self->filling_authorities = TRUE;
  gtk_string_list_splice (self->authority_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->authority_names)), NULL);
  for (guint i = 0; i < authorities->len; i++)
    {
      FhAuthority *a = g_ptr_array_index (authorities, i);

      gtk_string_list_append (self->authority_names, a->name);
      if (a->authority_id == wanted)
        chosen_index = i;
    }
  gtk_drop_down_set_selected (self->authority_dropdown, chosen_index);
  self->filling_authorities = FALSE;
  /* One authority is the usual case: nothing to choose, nothing shown. */
  gtk_widget_set_visible (GTK_WIDGET (self->authority_dropdown), authorities->len > 1);

  chosen = g_ptr_array_index (authorities, chosen_index);
  self->authority_id = chosen->authority_id;
  g_free (self->authority_name);
  self->authority_name = g_strdup (chosen->name);
  refresh (self);
}

static void
on_authority_selected (FhWindow *self)
{
  guint index = gtk_drop_down_get_selected (self->authority_dropdown);
  FhAuthority *chosen;

  if (self->filling_authorities || self->authorities == NULL || index >= self->authorities->len)
    return;
  chosen = g_ptr_array_index (self->authorities, index);
  if (chosen->authority_id == self->authority_id)
    return;

  self->authority_id = chosen->authority_id;
  g_free (self->authority_name);
  self->authority_name = g_strdup (chosen->name);
  if (self->settings != NULL)
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
  gboolean excessive;

  if (privileges == NULL)
    return;  /* the pages show any real problem */
  excessive = fh_session_privileges_is_excessive (privileges);
  if (excessive)
    {
      g_autofree char *text = NULL;

      if (privileges->is_superuser)
        text = g_strdup_printf (_("Connected as “%s”, a database superuser. The dashboard only needs "
                                  "the read-only role fh_reader: ask your data team for a login with "
                                  "that role and connect with it."), privileges->role_name);
      else
        text = g_strdup_printf (_("Connected as “%s”, which can change the Family Help data. The "
                                  "dashboard only needs the read-only role fh_reader: ask your data "
                                  "team for a login with that role and connect with it."),
                                privileges->role_name);
      gtk_label_set_text (self->privilege_label, text);
    }
  gtk_info_bar_set_revealed (self->privilege_bar, excessive);
  update_status (self);
}

static void
start_with_database (FhWindow *self)
{
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
  g_set_object (&self->database, database);
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
  fh_data_view_show_loading (fh_demand_page_get_data_view (self->demand_page));
  fh_data_view_show_loading (fh_caseload_page_get_data_view (self->caseload_page));
  fh_data_view_show_loading (fh_priorities_page_get_data_view (self->priorities_page));
  fh_data_view_show_loading (fh_board_pack_page_get_data_view (self->board_pack_page));
  gtk_label_set_text (self->status_label, _("Connecting…"));
  fh_window_use_database (self, database);
}

/* ---- actions ------------------------------------------------------------ */

static void
refresh_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  refresh (FH_WINDOW (widget));
}

static void
on_dialog_connected (FhConnectionDialog *dialog,
                     FhDatabase         *database,
                     FhWindow           *self)
{
  /* Remembered without its password, whatever was typed: passwords belong
   * in ~/.pgpass or PGPASSWORD, never in the settings. */
  g_autofree char *kept = fh_conninfo_without_password (fh_database_get_conninfo (database));

  if (self->settings != NULL && kept != NULL)
    g_settings_set_string (self->settings, "conninfo", kept);
  fh_window_use_database (self, database);
}

static void
connect_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  FhWindow *self = FH_WINDOW (widget);
  FhConnectionDialog *dialog = fh_connection_dialog_new (GTK_WINDOW (self),
                                                         self->database ? fh_database_get_conninfo (self->database) : "");

  g_signal_connect_object (dialog, "connected", G_CALLBACK (on_dialog_connected), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
about_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  const char *authors[] = { _("The Family Help Dashboard authors"), NULL };

  gtk_show_about_dialog (GTK_WINDOW (widget),
                         "program-name", _("Family Help Dashboard"),
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Demand, caseloads and progress for Family Help services"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", authors,
                         NULL);
}

static void
show_page_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  fh_window_show_page (FH_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
on_threshold_changed (FhWindow *self)
{
  double threshold = g_settings_get_double (self->settings, "caseload-threshold");

  fh_caseload_page_set_threshold (self->caseload_page, threshold);
  fh_board_pack_page_set_threshold (self->board_pack_page, threshold);
  if (self->database != NULL && fh_database_is_connected (self->database))
    load_pages (self);
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
  g_clear_object (&self->database);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->authority_name, g_free);
  g_clear_pointer (&self->authorities, g_ptr_array_unref);
  g_clear_pointer (&self->extracted_at, g_date_time_unref);
  g_clear_pointer (&self->refreshed_at, g_date_time_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), FH_TYPE_WINDOW);

  G_OBJECT_CLASS (fh_window_parent_class)->dispose (object);
}

static void
fh_window_class_init (FhWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = fh_window_dispose;

  g_type_ensure (FH_TYPE_DEMAND_PAGE);
  g_type_ensure (FH_TYPE_CASELOAD_PAGE);
  g_type_ensure (FH_TYPE_PRIORITIES_PAGE);
  g_type_ensure (FH_TYPE_BOARD_PACK_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/familyhelp/Dashboard/fh-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FhWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, FhWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, FhWindow, privilege_bar);
  gtk_widget_class_bind_template_child (widget_class, FhWindow, privilege_label);
  gtk_widget_class_bind_template_child (widget_class, FhWindow, authority_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FhWindow, authority_names);
  gtk_widget_class_bind_template_child (widget_class, FhWindow, demand_page);
  gtk_widget_class_bind_template_child (widget_class, FhWindow, caseload_page);
  gtk_widget_class_bind_template_child (widget_class, FhWindow, priorities_page);
  gtk_widget_class_bind_template_child (widget_class, FhWindow, board_pack_page);

  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "win.about", NULL, about_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);

  /* Alt+1 … Alt+4 go to the pages, in the switcher's order. */
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-page", "s", "demand");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-page", "s", "caseloads");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-page", "s", "priorities");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.show-page", "s", "board-pack");
}

static void
fh_window_init (FhWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->authority_dropdown, "notify::selected",
                            G_CALLBACK (on_authority_selected), self);

  self->authority_id = 1;
  self->cancellable = g_cancellable_new ();
  self->settings = fh_settings_new ();
  if (self->settings != NULL)
    {
      double threshold = g_settings_get_double (self->settings, "caseload-threshold");

      fh_caseload_page_set_threshold (self->caseload_page, threshold);
      fh_board_pack_page_set_threshold (self->board_pack_page, threshold);
      g_signal_connect_object (self->settings, "changed::caseload-threshold",
                               G_CALLBACK (on_threshold_changed), self, G_CONNECT_SWAPPED);
      g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
    }
}

FhWindow *
fh_window_new (GtkApplication *application,
               const char     *conninfo)
{
  FhWindow *self = g_object_new (FH_TYPE_WINDOW, "application", application, NULL);

  fh_window_connect (self, conninfo);
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
