/* fh-window-actions.c — the window's actions that need nothing of its insides
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * win.connect opens the connection dialog and hands the database it
 * connected to the window; win.fullscreen (F11) is for the projector view
 * in a meeting. Both go through FhWindow's public API only.
 */
#include "fh-connection-dialog.h"
#include "fh-conninfo.h"
#include "fh-settings.h"
#include "fh-window.h"
#include "fh-window-actions.h"

static void
on_dialog_connected (FhConnectionDialog *dialog,
                     FhDatabase         *database,
                     FhWindow           *window)
{
  /* Remembered without its password, whatever was typed: passwords belong
   * in ~/.pgpass or PGPASSWORD, never in the settings. */
  g_autofree char *kept = fh_conninfo_without_password (fh_database_get_conninfo (database));

  if (kept != NULL)
    {
      g_autoptr(GSettings) settings = fh_settings_new ();

      g_settings_set_string (settings, "conninfo", kept);
    }
  fh_window_use_database (window, database);
}

static void
connect_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  FhDatabase *database = fh_window_get_database (FH_WINDOW (widget));
  FhConnectionDialog *dialog = fh_connection_dialog_new (GTK_WINDOW (widget),
                                                         database ? fh_database_get_conninfo (database) : "");

  g_signal_connect_object (dialog, "connected", G_CALLBACK (on_dialog_connected), widget, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
fullscreen_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  if (gtk_window_is_fullscreen (GTK_WINDOW (widget)))
    gtk_window_unfullscreen (GTK_WINDOW (widget));
  else
    gtk_window_fullscreen (GTK_WINDOW (widget));
}

void
fh_window_actions_install (GtkWidgetClass *widget_class)
{
  g_return_if_fail (GTK_IS_WIDGET_CLASS (widget_class));

  gtk_widget_class_install_action (widget_class, "win.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "win.fullscreen", NULL, fullscreen_action);
}
