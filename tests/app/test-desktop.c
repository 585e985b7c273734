/* test-desktop.c — the app's desktop habits, under Xvfb
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shortcuts window lists every shortcut of fh-accels.c and nothing
 * else; the preferences dialog writes and follows its settings; the About
 * dialog carries the version, the licence and the data credits; the window
 * remembers its size (after a real resize of its X window) and its page,
 * and the application opens on the page remembered. Needs a display (none:
 * skipped), not a database: the windows are pointed at a server that is not
 * there.
 */
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif
#include <string.h>

#include "fh-about-dialog.h"
#include "fh-accels.h"
#include "fh-application.h"
#include "fh-data-view.h"
#include "fh-preferences-dialog.h"
#include "fh-renderer.h"
#include "fh-settings.h"
#include "fh-shortcuts-window.h"
#include "fh-window.h"

#define NOWHERE "host=/nonexistent-fh-dir port=5999 dbname=x connect_timeout=1"

static gboolean have_display;

static gboolean
can_run_ui (void)
{
  if (!have_display)
    g_test_skip ("no display: run under Xvfb (build-aux/check.sh does)");
  return have_display;
}

static void
iterate (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
assert_setting_string (GSettings *settings, const char *key, const char *expected)
{
  g_autofree char *value = g_settings_get_string (settings, key);

  g_assert_cmpstr (value, ==, expected);
}

static gboolean
strv_has (char **v, const char *s)
{
  return v != NULL && g_strv_contains ((const char * const *) v, s);
}

/* Every accelerator of fh-accels.c is in the window, and every one in the
 * window is bound in fh-accels.c, compared as gtk_accelerator_name() gives
 * them so "<Ctrl>" and "<Control>" are the same key. */
static void
test_shortcuts_window_lists_every_accel (void)
{
  GtkWindow *window;
  g_auto(GStrv) shown = NULL;
  g_auto(GStrv) actions = fh_accels_list_actions ();
  g_autoptr(GStrvBuilder) bound_builder = g_strv_builder_new ();
  g_auto(GStrv) bound = NULL;

  if (!can_run_ui ())
    return;
  window = fh_shortcuts_window_new (NULL);
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (window));
  shown = fh_shortcuts_window_list_accels (window);
  g_assert_cmpuint (g_strv_length (shown), >=, 10);

  for (guint i = 0; actions[i] != NULL; i++)
    {
      const char * const *keys = fh_accels_get_for_action (actions[i]);

      g_assert_nonnull (keys);
      for (guint k = 0; k < 3 && keys[k] != NULL; k++)
        {
          guint key;
          GdkModifierType mods;
          g_autofree char *name = NULL;

          g_assert_true (gtk_accelerator_parse (keys[k], &key, &mods));
          name = gtk_accelerator_name (key, mods);
          if (!strv_has (shown, name))
            g_error ("%s (%s) is bound in src/app/fh-accels.c but not listed in ui/fh-shortcuts-window.ui",
                     keys[k], actions[i]);
          g_strv_builder_add (bound_builder, name);
        }
    }
  bound = g_strv_builder_end (bound_builder);
  for (guint i = 0; shown[i] != NULL; i++)
    if (!strv_has (bound, shown[i]))
      g_error ("%s is listed in ui/fh-shortcuts-window.ui but bound nowhere in src/app/fh-accels.c", shown[i]);

  /* the window opens where a user asks for it */
  g_assert_cmpstr (fh_accels_get_for_action ("app.shortcuts")[0], ==, "<Control>question");
  g_assert_cmpstr (fh_accels_get_for_action ("app.preferences")[0], ==, "<Control>comma");
  gtk_window_present (window);
  iterate (100);
  gtk_window_destroy (window);
}

/* The parser of the window's accelerator text: ranges and lists. */
static void
test_shortcuts_range_expanded (void)
{
  GtkWindow *window;
  g_auto(GStrv) shown = NULL;

  if (!can_run_ui ())
    return;
  window = fh_shortcuts_window_new (NULL);
  shown = fh_shortcuts_window_list_accels (window);
  g_assert_true (strv_has (shown, "<Alt>1"));
  g_assert_true (strv_has (shown, "<Alt>5"));
  g_assert_true (strv_has (shown, "<Alt>9"));
  g_assert_true (strv_has (shown, "F5"));
  g_assert_true (strv_has (shown, "<Control>r"));
  g_assert_false (strv_has (shown, "<Alt>0"));
  gtk_window_destroy (window);
}

static GtkWidget *
find_by_type (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
find_all_by_type (GtkWidget *widget, GType type, GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    find_all_by_type (child, type, out);
}

/* Line breaks count as spaces: they are layout, not words. */
static gboolean
has_label_containing (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget))
    {
      g_autofree char *label = g_strdup (gtk_label_get_label (GTK_LABEL (widget)));

      g_strdelimit (label, "\n", ' ');
      if (strstr (label, text) != NULL)
        return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_label_containing (child, text))
      return TRUE;
  return FALSE;
}

/* Each control writes its key, and follows it when another part of the app
 * (the demand page's period drop-down) changes it. */
static void
test_preferences_bound (void)
{
  g_autoptr(GSettings) settings = fh_settings_new ();
  FhPreferencesDialog *dialog;
  g_autoptr(GPtrArray) spins = g_ptr_array_new ();
  GtkDropDown *period;
  GtkSwitch *publication;

  if (!can_run_ui ())
    return;
  g_settings_reset (settings, "caseload-threshold-core");
  g_settings_reset (settings, "caseload-threshold-adolescence");
  g_settings_reset (settings, "caseload-threshold-early-help");
  g_settings_reset (settings, "demand-period");
  g_settings_reset (settings, "publication-view");

  dialog = fh_preferences_dialog_new (NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  find_all_by_type (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON, spins);
  g_assert_cmpuint (spins->len, ==, 3);
  /* in the template's order: Core, Adolescence, Early Help; the schema's defaults */
  g_assert_cmpfloat (gtk_spin_button_get_value (g_ptr_array_index (spins, 0)), ==, 20);
  g_assert_cmpfloat (gtk_spin_button_get_value (g_ptr_array_index (spins, 1)), ==, 15);
  g_assert_cmpfloat (gtk_spin_button_get_value (g_ptr_array_index (spins, 2)), ==, 25);

  gtk_spin_button_set_value (g_ptr_array_index (spins, 0), 18.5);
  gtk_spin_button_set_value (g_ptr_array_index (spins, 1), 12);
  gtk_spin_button_set_value (g_ptr_array_index (spins, 2), 30);
  g_assert_cmpfloat (g_settings_get_double (settings, "caseload-threshold-core"), ==, 18.5);
  g_assert_cmpfloat (g_settings_get_double (settings, "caseload-threshold-adolescence"), ==, 12);
  g_assert_cmpfloat (g_settings_get_double (settings, "caseload-threshold-early-help"), ==, 30);
  g_settings_set_double (settings, "caseload-threshold-adolescence", 14);
  g_assert_cmpfloat (gtk_spin_button_get_value (g_ptr_array_index (spins, 1)), ==, 14);

  period = GTK_DROP_DOWN (find_by_type (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN));
  g_assert_nonnull (period);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (period)), ==, 5);
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (period)), ==,
                   "Latest financial year");
  gtk_drop_down_set_selected (period, 1);
  assert_setting_string (settings, "demand-period", "quarter");
  g_settings_set_string (settings, "demand-period", "rolling-12-months");
  g_assert_cmpuint (gtk_drop_down_get_selected (period), ==, 3);

  publication = GTK_SWITCH (find_by_type (GTK_WIDGET (dialog), GTK_TYPE_SWITCH));
  g_assert_false (gtk_switch_get_active (publication));
  gtk_switch_set_active (publication, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "publication-view"));

  /* the rule that cannot be changed is said, not offered */
  g_assert_true (has_label_containing (GTK_WIDGET (dialog), "counts of 1 to 5"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_settings_reset (settings, "demand-period");
  g_settings_reset (settings, "publication-view");
}

static void
test_about (void)
{
  GtkAboutDialog *about;

  if (!can_run_ui ())
    return;
  about = fh_about_dialog_new (NULL);
  g_assert_cmpstr (gtk_about_dialog_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpstr (gtk_about_dialog_get_program_name (about), ==, "Family Help Dashboard");
  g_assert_cmpint (gtk_about_dialog_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (gtk_about_dialog_get_logo_icon_name (about), ==, APP_ID);
  gtk_window_present (GTK_WINDOW (about));
  iterate (100);
  /* the credits page, as built from the credit sections when first shown */
  {
    GtkStack *stack = GTK_STACK (find_by_type (GTK_WIDGET (about), GTK_TYPE_STACK));

    g_assert_nonnull (gtk_stack_get_child_by_name (stack, "credits"));
    gtk_stack_set_visible_child_name (stack, "credits");
    iterate (100);
  }
  g_assert_true (has_label_containing (GTK_WIDGET (about),
                                       "Contains National Statistics data © Crown copyright and database "
                                       "right; Office for National Statistics, licensed under the Open "
                                       "Government Licence v3.0"));
  g_assert_true (has_label_containing (GTK_WIDGET (about), "ONS Open Geography"));
  gtk_window_destroy (GTK_WINDOW (about));
}

/* The size comes from the settings, and a resize made outside GTK (as a
 * window manager or the user does) is written back; so is the page shown. */
static void
test_window_remembers_size_and_page (void)
{
  g_autoptr(GSettings) settings = fh_settings_new ();
  FhWindow *window;
  int width, height;

  if (!can_run_ui ())
    return;
  g_settings_set_int (settings, "window-width", 1000);
  g_settings_set_int (settings, "window-height", 700);
  g_settings_set_boolean (settings, "window-maximized", FALSE);
  window = fh_window_new (NULL, NOWHERE);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 700);
  gtk_window_present (GTK_WINDOW (window));
  iterate (300);

#ifdef GDK_WINDOWING_X11
  {
    GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
    gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    if (GDK_IS_X11_SURFACE (surface))
      {
        Display *dpy = gdk_x11_display_get_xdisplay (gdk_surface_get_display (surface));

        XResizeWindow (dpy, gdk_x11_surface_get_xid (surface), 1100, 720);
        XFlush (dpy);
        while (g_settings_get_int (settings, "window-width") != 1100 && g_get_monotonic_time () < deadline)
          iterate (20);
        g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1100);
        g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 720);
      }
  }
#endif

  fh_window_show_page (window, "priorities");
  assert_setting_string (settings, "last-page", "priorities");
  fh_window_show_page (window, "caseloads");
  assert_setting_string (settings, "last-page", "caseloads");
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

/* ---- the application opens on the page remembered ----------------------- */

typedef struct {
  const char *expected;
  gboolean    checked;
} PageCheck;

static gboolean
check_page_and_quit (gpointer user_data)
{
  GApplication *app = user_data;
  PageCheck *check = g_object_get_data (G_OBJECT (app), "check");
  FhWindow *window = FH_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));

  g_assert_nonnull (window);
  g_assert_true ((GtkWidget *) fh_window_get_visible_page (window) == fh_window_get_page (window, check->expected));
  check->checked = TRUE;
  g_application_quit (app);
  return G_SOURCE_REMOVE;
}

static void
on_window_added (GtkApplication *app, GtkWindow *window)
{
  g_idle_add_full (G_PRIORITY_LOW, check_page_and_quit, app, NULL);
}

static void
run_app_expecting_page (const char *extra_arg, const char *expected)
{
  g_autoptr(FhApplication) app = fh_application_new ();
  char *argv[] = { (char *) "family-help-dashboard", (char *) "--conninfo=" NOWHERE, (char *) extra_arg, NULL };
  PageCheck check = { expected, FALSE };

  g_object_set_data (G_OBJECT (app), "check", &check);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), extra_arg ? 3 : 2, argv), ==, 0);
  g_assert_true (check.checked);
}

static void
test_app_opens_last_page (void)
{
  g_autoptr(GSettings) settings = fh_settings_new ();

  if (!can_run_ui ())
    return;
  g_settings_set_string (settings, "last-page", "priorities");
  run_app_expecting_page (NULL, "priorities");
  /* --page wins over the page remembered */
  g_settings_set_string (settings, "last-page", "priorities");
  run_app_expecting_page ("--page=board-pack", "board-pack");
  /* a page that is gone is no page: the first */
  g_settings_set_string (settings, "last-page", "no-such-page");
  run_app_expecting_page (NULL, "demand");
  g_settings_reset (settings, "last-page");
}

/* No DRM render node: the cairo renderer; one: GTK's own choice. */
static void
test_renderer_without_gpu (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fh-dri-XXXXXX", NULL);
  g_autofree char *card = g_build_filename (dir, "card0", NULL);
  g_autofree char *node = g_build_filename (dir, "renderD128", NULL);

  g_assert_nonnull (dir);
  g_assert_cmpstr (fh_renderer_for_devices (dir), ==, "cairo");
  /* a display card alone is no render node (and a missing folder is none) */
  g_assert_true (g_file_set_contents (card, "", 0, NULL));
  g_assert_cmpstr (fh_renderer_for_devices (dir), ==, "cairo");
  g_assert_cmpstr (fh_renderer_for_devices ("/nonexistent/dri"), ==, "cairo");
  g_assert_true (g_file_set_contents (node, "", 0, NULL));
  g_assert_null (fh_renderer_for_devices (dir));
  g_remove (node);
  g_remove (card);
  g_rmdir (dir);
}

/* Sets @name to @value, or unsets it when @value is NULL. */
static void
set_or_unset_env (const char *name,
                  const char *value)
{
  if (value != NULL)
    g_setenv (name, value, TRUE);
  else
    g_unsetenv (name);
}

/* The environment fh_renderer_apply_for_devices () leaves, from a clean one
 * with @renderer and @debug as the user's GSK_RENDERER and GDK_DEBUG. */
static void
assert_applied (const char *dri_dir,
                const char *renderer,
                const char *debug,
                const char *expected_renderer,
                const char *expected_debug)
{
  set_or_unset_env ("GSK_RENDERER", renderer);
  set_or_unset_env ("GDK_DEBUG", debug);
  fh_renderer_apply_for_devices (dri_dir);
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, expected_renderer);
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, expected_debug);
}

/* With cairo chosen GDK sets up no GL; a GPU, or the user's own
 * settings, are left to GTK and the user. */
static void
test_renderer_environment (void)
{
  g_autofree char *renderer_before = g_strdup (g_getenv ("GSK_RENDERER"));
  g_autofree char *debug_before = g_strdup (g_getenv ("GDK_DEBUG"));
  g_autofree char *dir = g_dir_make_tmp ("fh-dri-XXXXXX", NULL);
  g_autofree char *node = g_build_filename (dir, "renderD128", NULL);

  g_assert_nonnull (dir);
  assert_applied (dir, NULL, NULL, "cairo", "gl-disable");
  assert_applied (dir, NULL, "interactive", "cairo", "interactive");
  assert_applied (dir, "gl", NULL, "gl", NULL);
  assert_applied (dir, "cairo", NULL, "cairo", NULL);
  g_assert_true (g_file_set_contents (node, "", 0, NULL));
  assert_applied (dir, NULL, NULL, NULL, NULL);
  g_remove (node);
  g_rmdir (dir);

  set_or_unset_env ("GSK_RENDERER", renderer_before);
  set_or_unset_env ("GDK_DEBUG", debug_before);
}

/* The app icon at the sizes an X11 window icon is made of is a PNG, so no
 * window loads an SVG renderer (librsvg, about 8 MB) for its icon. The
 * resource path is the one GtkApplication adds for the app's id. */
static void
test_app_icon_sizes_are_png (void)
{
  GtkIconTheme *theme;
  const int sizes[] = { 16, 32, 48, 64, 128 };

  if (!can_run_ui ())
    return;
  theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  gtk_icon_theme_add_resource_path (theme, "/org/familyhelp/Dashboard/icons");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GtkIconPaintable) icon = gtk_icon_theme_lookup_icon (theme, APP_ID, NULL, sizes[i], 1,
                                                                     GTK_TEXT_DIR_LTR, 0);
      g_autoptr(GFile) file = gtk_icon_paintable_get_file (icon);
      g_autofree char *uri = file ? g_file_get_uri (file) : NULL;
      g_autofree char *expected = g_strdup_printf ("/%dx%d/apps/" APP_ID ".png", sizes[i], sizes[i]);

      g_assert_nonnull (uri);
      if (!g_str_has_suffix (uri, expected))
        g_error ("the %d px app icon is %s, not a PNG of that size", sizes[i], uri);
    }
}

/* Runs the main loop for @ms milliseconds. */
static void
run_for (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

/* Loading says so at once; the spinner turns only once it has gone on for
 * FH_DATA_VIEW_SPINNER_DELAY_MS, and stops with it. */
static void
test_data_view_spinner_delay (void)
{
  FhDataView *view;
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "gone");

  if (!can_run_ui ())
    return;
  view = g_object_ref_sink (g_object_new (FH_TYPE_DATA_VIEW, NULL));
  g_assert_cmpint (fh_data_view_get_state (view), ==, FH_DATA_VIEW_LOADING);
  g_assert_false (fh_data_view_get_spinning (view));
  run_for (FH_DATA_VIEW_SPINNER_DELAY_MS / 2);
  g_assert_false (fh_data_view_get_spinning (view));
  run_for (FH_DATA_VIEW_SPINNER_DELAY_MS);
  g_assert_true (fh_data_view_get_spinning (view));

  /* loading again starts the wait again */
  fh_data_view_show_content (view);
  g_assert_false (fh_data_view_get_spinning (view));
  fh_data_view_show_loading (view);
  g_assert_false (fh_data_view_get_spinning (view));

  /* a load that ends in time never shows it */
  fh_data_view_show_error (view, error);
  run_for (FH_DATA_VIEW_SPINNER_DELAY_MS * 3 / 2);
  g_assert_false (fh_data_view_get_spinning (view));
  g_assert_cmpint (fh_data_view_get_state (view), ==, FH_DATA_VIEW_ERROR);

  /* disposed while waiting: the wait goes with it */
  fh_data_view_show_loading (view);
  g_object_unref (view);
  run_for (FH_DATA_VIEW_SPINNER_DELAY_MS * 3 / 2);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();

  g_test_add_func ("/desktop/renderer/without-gpu", test_renderer_without_gpu);
  g_test_add_func ("/desktop/renderer/environment", test_renderer_environment);
  g_test_add_func ("/desktop/data-view/spinner-delay", test_data_view_spinner_delay);
  g_test_add_func ("/desktop/icon/png-sizes", test_app_icon_sizes_are_png);
  g_test_add_func ("/desktop/shortcuts/every-accel-listed", test_shortcuts_window_lists_every_accel);
  g_test_add_func ("/desktop/shortcuts/range-expanded", test_shortcuts_range_expanded);
  g_test_add_func ("/desktop/preferences/bound", test_preferences_bound);
  g_test_add_func ("/desktop/about", test_about);
  g_test_add_func ("/desktop/window/size-and-page", test_window_remembers_size_and_page);
  g_test_add_func ("/desktop/app/last-page", test_app_opens_last_page);

  return g_test_run ();
}
