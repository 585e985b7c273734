/* fh-connection-dialog.c — choosing the database to connect to
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tries the connection before closing: an error stays in the dialog, next to
 * what the user typed, and the window keeps its current database.
 */
#include <glib/gi18n.h>

#include "fh-connection-dialog.h"

struct _FhConnectionDialog
{
  GtkWindow     parent_instance;

  GtkEntry     *conninfo_entry;
  GtkWidget    *error_box;
  GtkLabel     *error_label;
  GtkExpander  *error_expander;
  GtkLabel     *error_detail;
  GtkSpinner   *spinner;
  GtkButton    *connect_button;

  GCancellable *cancellable;
  FhDatabase   *database;
};

G_DEFINE_FINAL_TYPE (FhConnectionDialog, fh_connection_dialog, GTK_TYPE_WINDOW)

enum {
  CONNECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_busy (FhConnectionDialog *self,
          gboolean            busy)
{
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->connect_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->conninfo_entry), !busy);
}

static void
on_connected (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(FhConnectionDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!fh_database_connect_finish (FH_DATABASE (source), result, &error))
    {
      g_autofree char *summary = NULL;
      g_autofree char *detail = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      summary = fh_error_get_summary (error);
      detail = fh_error_get_detail (error);
      set_busy (self, FALSE);
      gtk_label_set_text (self->error_label, summary);
      gtk_label_set_text (self->error_detail, detail ? detail : "");
      gtk_widget_set_visible (GTK_WIDGET (self->error_expander), detail != NULL);
      gtk_widget_set_visible (self->error_box, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->conninfo_entry));
      return;
    }

  set_busy (self, FALSE);
  g_signal_emit (self, signals[CONNECTED], 0, self->database);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
connect_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  FhConnectionDialog *self = FH_CONNECTION_DIALOG (widget);
  g_autofree char *conninfo = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->conninfo_entry)));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_object (&self->database);
  self->database = fh_database_new (g_strstrip (conninfo));

  gtk_widget_set_visible (self->error_box, FALSE);
  set_busy (self, TRUE);
  fh_database_connect_async (self->database, self->cancellable, on_connected, g_object_ref (self));
}

static gboolean
close_on_escape (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  gtk_window_close (GTK_WINDOW (widget));
  return TRUE;
}

static void
fh_connection_dialog_dispose (GObject *object)
{
  FhConnectionDialog *self = FH_CONNECTION_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->database);
  gtk_widget_dispose_template (GTK_WIDGET (object), FH_TYPE_CONNECTION_DIALOG);

  G_OBJECT_CLASS (fh_connection_dialog_parent_class)->dispose (object);
}

static void
fh_connection_dialog_class_init (FhConnectionDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = fh_connection_dialog_dispose;

  signals[CONNECTED] = g_signal_new ("connected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, FH_TYPE_DATABASE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/familyhelp/Dashboard/fh-connection-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FhConnectionDialog, conninfo_entry);
  gtk_widget_class_bind_template_child (widget_class, FhConnectionDialog, error_box);
  gtk_widget_class_bind_template_child (widget_class, FhConnectionDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, FhConnectionDialog, error_expander);
  gtk_widget_class_bind_template_child (widget_class, FhConnectionDialog, error_detail);
  gtk_widget_class_bind_template_child (widget_class, FhConnectionDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, FhConnectionDialog, connect_button);
  gtk_widget_class_install_action (widget_class, "dialog.connect", NULL, connect_action);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, close_on_escape, NULL);
}

static void
on_entry_activate (FhConnectionDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.connect", NULL);
}

static void
fh_connection_dialog_init (FhConnectionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->conninfo_entry, "activate", G_CALLBACK (on_entry_activate), self);
}

FhConnectionDialog *
fh_connection_dialog_new (GtkWindow  *parent,
                          const char *conninfo)
{
  FhConnectionDialog *self = g_object_new (FH_TYPE_CONNECTION_DIALOG,
                                           "transient-for", parent,
                                           "modal", TRUE,
                                           NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->conninfo_entry), conninfo ? conninfo : "");
  return self;
}

const char *
fh_connection_dialog_get_error (FhConnectionDialog *self)
{
  g_return_val_if_fail (FH_IS_CONNECTION_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (self->error_box))
    return NULL;
  return gtk_label_get_text (self->error_label);
}
