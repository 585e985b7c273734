/* fh-application.c — the application: options, start-up, windows
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <stdlib.h>

#include "fh-about-dialog.h"
#include "fh-accels.h"
#include "fh-application.h"
#include "fh-conninfo.h"
#include "fh-preferences-dialog.h"
#include "fh-settings.h"
#include "fh-shortcuts-window.h"
#include "fh-present-when-ready.h"
#include "fh-startup-probe.h"
#include "fh-window.h"

/* a new window waits at most this long for its first page to send its queries */
#define PRESENT_WAIT_MS 300

struct _FhApplication
{
  GtkApplication  parent_instance;
  char           *conninfo_option;
  char           *page_option;
};

G_DEFINE_FINAL_TYPE (FhApplication, fh_application, GTK_TYPE_APPLICATION)

char *
fh_application_choose_conninfo (const char *option,
                                const char *environment,
                                const char *remembered)
{
  if (option != NULL)
    return g_strdup (option);
  if (environment != NULL && *environment != '\0')
    return g_strdup (environment);
  if (remembered != NULL)
    return g_strdup (remembered);
  return g_strdup ("");
}

static int
fh_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  FhApplication *self = FH_APPLICATION (app);
  const char *conninfo = NULL;

  /* Answered here, before start-up: no display, schema or database needed. */
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "conninfo", "&s", &conninfo))
    self->conninfo_option = g_strdup (conninfo);
  if (g_variant_dict_lookup (options, "page", "&s", &conninfo))
    self->page_option = g_strdup (conninfo);

  return -1;
}

static void
fh_application_activate (GApplication *app)
{
  FhApplication *self = FH_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *remembered = NULL;
  g_autofree char *conninfo = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  settings = fh_settings_new ();
  remembered = g_settings_get_string (settings, "conninfo");
  /* An older version may have kept a typed password: drop it now. */
  if (fh_conninfo_has_password (remembered))
    {
      g_autofree char *kept = fh_conninfo_without_password (remembered);

      g_settings_set_string (settings, "conninfo", kept ? kept : "");
      g_free (remembered);
      remembered = g_strdup (kept ? kept : "");
    }
  conninfo = fh_application_choose_conninfo (self->conninfo_option, g_getenv ("FH_CONNINFO"), remembered);

  window = GTK_WINDOW (fh_window_new (GTK_APPLICATION (app), conninfo));
  /* --page, else the page shown when the window was last closed. */
  if (self->page_option != NULL)
    fh_window_show_page (FH_WINDOW (window), self->page_option);
  else
    {
      g_autofree char *last_page = g_settings_get_string (settings, "last-page");

      fh_window_show_page (FH_WINDOW (window), last_page);
    }
  fh_startup_probe_watch (app, window, fh_window_get_visible_page (FH_WINDOW (window)));
  fh_present_when_ready (window, fh_window_get_visible_page (FH_WINDOW (window)), PRESENT_WAIT_MS);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (fh_about_dialog_new (parent)));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (fh_preferences_dialog_new (parent)));
}

static void
shortcuts_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (fh_shortcuts_window_new (parent));
}

static void
fh_application_startup (GApplication *app)
{
  static const GActionEntry actions[] = {
    { "about", about_activated },
    { "preferences", preferences_activated },
    { "shortcuts", shortcuts_activated },
  };
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  g_autoptr(GSimpleAction) quit = g_simple_action_new ("quit", NULL);
  GSettingsSchemaSource *schemas = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = schemas ? g_settings_schema_source_lookup (schemas, APP_ID, TRUE) : NULL;

  G_APPLICATION_CLASS (fh_application_parent_class)->startup (app);

  /* The choices and the window's size live in the schema: without it
   * nothing works as documented, so say so plainly rather than half-run. */
  if (schema == NULL)
    {
      g_printerr (_("The settings schema %s is not installed. Install the app (meson install), "
                    "or run it from the build with GSETTINGS_SCHEMA_DIR=_build/data.\n"), APP_ID);
      exit (1);
    }

  g_signal_connect_object (quit, "activate", G_CALLBACK (quit_activated), app, 0);
  g_action_map_add_action (G_ACTION_MAP (app), G_ACTION (quit));
  g_action_map_add_action_entries (G_ACTION_MAP (app), actions, G_N_ELEMENTS (actions), app);

  gtk_css_provider_load_from_resource (css, "/org/familyhelp/Dashboard/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  fh_accels_add_to_application (GTK_APPLICATION (app));
}

static void
fh_application_finalize (GObject *object)
{
  g_free (FH_APPLICATION (object)->conninfo_option);
  g_free (FH_APPLICATION (object)->page_option);

  G_OBJECT_CLASS (fh_application_parent_class)->finalize (object);
}

static void
fh_application_class_init (FhApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = fh_application_finalize;
  app_class->activate = fh_application_activate;
  app_class->startup = fh_application_startup;
  app_class->handle_local_options = fh_application_handle_local_options;
}

static void
fh_application_init (FhApplication *self)
{
  static const GOptionEntry entries[] = {
    { "conninfo", 'c', 0, G_OPTION_ARG_STRING, NULL,
      N_("Database connection: a connection string, postgresql:// address or service=NAME"),
      N_("TEXT") },
    { "page", 'p', 0, G_OPTION_ARG_STRING, NULL,
      N_("Open on a page: demand, caseloads, priorities or board-pack"), N_("PAGE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the name and version, and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

FhApplication *
fh_application_new (void)
{
  return g_object_new (FH_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       NULL);
}
