/* test-export.c — export, copy, print and publication view, under Xvfb
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the real window on the demo data (FH_TEST_CONNINFO) and drives the
 * chart actions of the demand page's ward bar chart with the file chooser
 * bypassed (chart.export-to and chart.print-to take a path), then reads the
 * files back: the PNG's pixel size and pHYs follow the DPI, the SVG is
 * well-formed XML with the chart's title, pdftotext finds title and caption
 * in the PDF and the printed PDF, the CSV is the chart's own and parses per
 * RFC 4180 into the bars the chart drew; the clipboard holds an image of the
 * expected size; a vanished or read-only folder leaves nothing behind and the
 * error names the file. As fh_manager with publication view off, nothing
 * can be exported; with it on, every export equals the reader's.
 */
#include <gtk/gtk.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "fh-bar-chart.h"
#include "fh-chart-export-actions.h"
#include "fh-chart-view.h"
#include "fh-demand-page.h"
#include "fh-settings.h"
#include "fh-window.h"

static const char *conninfo;
static gboolean have_display;

static void
iterate_until (gboolean (*done) (gpointer), gpointer data, guint seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
page_has_content (gpointer page)
{
  return fh_page_get_state (FH_PAGE (page)) == FH_DATA_VIEW_CONTENT;
}

static GtkWidget *
find_named_view (GtkWidget *widget, const char *name)
{
  if (FH_IS_CHART_VIEW (widget) && g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named_view (c, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A window on @user's connection (NULL: the test's), showing the demand
 * page with its figures; returns the ward bar chart's view. */
/* As the window's own key bindings see a key (GTK 4 cannot synthesise one):
 * the shortcut bound to it among the widget's controllers, activated. */
static gboolean
press_key (GtkWidget *widget, guint keyval, GdkModifierType modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

static gboolean
has_size (gpointer widget)
{
  return gtk_widget_get_width (widget) > 0 && gtk_widget_get_height (widget) > 0;
}

static GtkWidget *
open_window (const char *user, FhWindow **out)
{
  GtkWidget *view;
  g_autofree char *full = user ? g_strdup_printf ("%s user=%s", conninfo, user) : g_strdup (conninfo);
  FhWindow *window = fh_window_new (NULL, full);
  GtkWidget *page = fh_window_get_page (window, "demand");

  gtk_window_present (GTK_WINDOW (window));
  iterate_until (page_has_content, page, 60);
  g_assert_cmpint (fh_page_get_state (FH_PAGE (page)), ==, FH_DATA_VIEW_CONTENT);
  *out = window;
  view = find_named_view (page, "demand-by-ward");
  g_assert_nonnull (view);
  /* exports take the chart's size on screen: wait until it has one */
  iterate_until (has_size, view, 10);
  g_assert_true (has_size (view));
  return view;
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static char *
run_pdftotext (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* All runs of white space as one space, so wrapped lines compare. */
static char *
squeeze (const char *text)
{
  GString *s = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && s->len > 0)
            g_string_append_c (s, ' ');
          space = FALSE;
          g_string_append_c (s, *p);
        }
    }
  return g_string_free (s, FALSE);
}

typedef struct {
  gboolean in_title;
  GString *title;
} SvgState;

static void
svg_start (GMarkupParseContext *c, const char *name, const char **an, const char **av, gpointer data, GError **e)
{
  ((SvgState *) data)->in_title = g_str_equal (name, "title");
}

static void
svg_end (GMarkupParseContext *c, const char *name, gpointer data, GError **e)
{
  ((SvgState *) data)->in_title = FALSE;
}

static void
svg_text (GMarkupParseContext *c, const char *text, gsize len, gpointer data, GError **e)
{
  SvgState *state = data;

  if (state->in_title && state->title->len == 0)
    g_string_append_len (state->title, text, len);
}

/* RFC 4180 (as tests/charts/test-export.c): rows of fields, or a failure. */
static GPtrArray *
parse_csv (const char *csv)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = csv;

  while (*p)
    {
      if (*p == '"')
        {
          for (p++; ; p++)
            {
              g_assert_true (*p != '\0');
              if (*p == '"' && p[1] == '"')
                g_string_append_c (field, *p++);
              else if (*p == '"')
                break;
              else
                g_string_append_c (field, *p);
            }
          p++;
          g_assert_true (*p == ',' || (p[0] == '\r' && p[1] == '\n'));
        }
      else
        while (*p && *p != ',' && *p != '\r')
          {
            g_assert_true (*p != '"' && *p != '\n');
            g_string_append_c (field, *p++);
          }
      g_ptr_array_add (fields, g_strdup (field->str));
      g_string_truncate (field, 0);
      if (*p == ',')
        p++;
      else
        {
          g_assert_true (p[0] == '\r' && p[1] == '\n');
          p += 2;
          g_ptr_array_add (fields, NULL);
          g_ptr_array_add (rows, g_strdupv ((char **) fields->pdata));
          g_ptr_array_set_size (fields, 0);
        }
    }
  return rows;
}

static void
export_ok (GtkWidget *view, const char *format, const char *path)
{
  g_assert_true (gtk_widget_activate_action (view, "chart.export-to", "(ss)", format, path));
  g_assert_cmpstr (fh_chart_export_get_last_error (view), ==, NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
check_png (const char *path, double width_pt, double height_pt, double dpi)
{
  g_autofree guint8 *data = NULL;
  gsize len;
  const guint8 *phys;

  g_assert_true (g_file_get_contents (path, (char **) &data, &len, NULL));
  g_assert_cmpuint (len, >, 33);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (data + 12, 4, "IHDR", 4);
  g_assert_cmpuint (read_be32 (data + 16), ==, (guint32) ceil (width_pt * dpi / 72.0 - 1e-6));
  g_assert_cmpuint (read_be32 (data + 20), ==, (guint32) ceil (height_pt * dpi / 72.0 - 1e-6));
  /* pHYs: pixels per metre, both ways, unit 1 */
  phys = NULL;
  for (gsize i = 8; i + 17 <= len && phys == NULL; i++)
    if (memcmp (data + i, "pHYs", 4) == 0)
      phys = data + i;
  g_assert_nonnull (phys);
  g_assert_cmpuint (read_be32 (phys + 4), ==, (guint32) lround (dpi / 0.0254));
  g_assert_cmpuint (read_be32 (phys + 8), ==, (guint32) lround (dpi / 0.0254));
  g_assert_cmpuint (phys[12], ==, 1);
}

static gboolean
chattr (const char *path, const char *flag)
{
  const char *argv[] = { "chattr", flag, path, NULL };
  int status;

  return g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL
                       | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL)
         && g_spawn_check_wait_status (status, NULL);
}

static gboolean
no_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);

  return d != NULL && g_dir_read_name (d) == NULL;
}

static void
close_error_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* GTK's own */

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i - 1);

      if (g_strcmp0 (gtk_widget_get_name (w), "fh-export-error") == 0)
        gtk_dialog_response (GTK_DIALOG (w), GTK_RESPONSE_CLOSE);   /* as the Close button */
    }
}

static gboolean
error_dialog_shown (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* GTK's own */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_widget_get_name (w), "fh-export-error") == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_export_files (void)
{
  FhWindow *window;
  GtkWidget *view = open_window (NULL, &window);
  FhChart *chart = fh_chart_view_get_chart (FH_CHART_VIEW (view));
  g_autofree char *dir = g_dir_make_tmp ("fh-export-ui-XXXXXX", NULL);
  g_autofree char *name = fh_chart_export_default_name (view, FH_CHART_FORMAT_SVG);
  g_autoptr(GRegex) name_re = g_regex_new ("^demand-by-ward-[0-9]{4}-[0-9]{2}\\.svg$", 0, 0, NULL);
  double w, h;
  static const double dpis[] = { 96, 150, 300 };
  static const char *dpi_ids[] = { "png-96", "png-150", "png-300" };

  /* the reader's toggle: on, and not to be changed */
  g_assert_false (fh_publication_view_may_show_exact (fh_window_get_publication_view (window)));
  g_assert_true (g_regex_match (name_re, name, 0, NULL));
  g_test_message ("default name: %s", name);

  /* the size on screen, in points (the view draws at 1.3 px per point) */
  fh_chart_export_get_size (view, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, round (gtk_widget_get_width (view) / 1.3), 1e-9);
  g_assert_cmpfloat_with_epsilon (h, round (gtk_widget_get_height (view) / 1.3), 1e-9);

  for (guint i = 0; i < G_N_ELEMENTS (dpis); i++)
    {
      g_autofree char *path = g_build_filename (dir, dpi_ids[i], NULL);

      export_ok (view, dpi_ids[i], path);
      check_png (path, w, h, dpis[i]);
      g_unlink (path);
    }

  /* SVG: well-formed, the chart's title as <title> */
  {
    g_autofree char *path = g_build_filename (dir, name, NULL);
    g_autofree char *svg = NULL;
    SvgState state = { FALSE, g_string_new (NULL) };
    GMarkupParser parser = { svg_start, svg_end, svg_text, NULL, NULL };
    g_autoptr(GMarkupParseContext) ctx = g_markup_parse_context_new (&parser, 0, &state, NULL);
    g_autoptr(GError) error = NULL;
    const char *body;

    export_ok (view, "svg", path);
    g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
    body = strstr (svg, "<svg");
    g_assert_nonnull (body);
    g_assert_true (g_markup_parse_context_parse (ctx, body, -1, &error) &&
                   g_markup_parse_context_end_parse (ctx, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (state.title->str, ==, fh_chart_get_title (chart));
    g_string_free (state.title, TRUE);
    g_unlink (path);
  }

  /* PDF, exported and printed: title and caption are text */
  {
    const char *kinds[] = { "pdf", "print" };

    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        g_autofree char *path = g_build_filename (dir, "chart.pdf", NULL);
        g_autofree char *text = NULL, *flat = NULL, *title = NULL, *caption = NULL;

        if (k == 0)
          export_ok (view, "pdf", path);
        else
          {
            g_assert_true (gtk_widget_activate_action (view, "chart.print-to", "s", path));
            g_assert_cmpstr (fh_chart_export_get_last_error (view), ==, NULL);
          }
        text = run_pdftotext (path);
        flat = squeeze (text);
        title = squeeze (fh_chart_get_title (chart));
        caption = squeeze (fh_chart_get_caption (chart));
        g_assert_cmpuint (strlen (caption), >, 20);
        g_assert_nonnull (strstr (flat, title));
        g_assert_nonnull (strstr (flat, caption));
        g_unlink (path);
      }
  }

  /* CSV: the chart's own, and the bars it drew */
  {
    g_autofree char *path = g_build_filename (dir, "chart.csv", NULL);
    g_autofree char *csv = NULL, *model_csv = fh_chart_to_csv (chart);
    g_autoptr(GPtrArray) rows = NULL;
    gsize len;
    guint n;

    export_ok (view, "csv", path);
    g_assert_true (g_file_get_contents (path, &csv, &len, NULL));
    g_assert_true (g_utf8_validate (csv, len, NULL));
    g_assert_cmpstr (csv, ==, model_csv);
    rows = parse_csv (csv);
    n = fh_bar_chart_get_n_bars (FH_BAR_CHART (chart));
    g_assert_cmpuint (n, >=, 20);
    g_assert_cmpuint (rows->len, >=, n + 1);
    g_assert_cmpstr (((char **) rows->pdata[0])[0], ==, "Name");
    for (guint i = 0; i < n; i++)
      {
        FhChartBar bar;
        char **row;

        g_assert_true (fh_bar_chart_get_bar (FH_BAR_CHART (chart), i, &bar));
        row = rows->pdata[bar.index + 1];
        g_assert_cmpstr (row[0], ==, bar.label);
        if (bar.suppressed)
          g_assert_cmpstr (row[1], ==, "c");
        else if (!bar.no_data)
          g_assert_cmpfloat_with_epsilon (g_ascii_strtod (row[1], NULL), bar.value, 0.05 + 1e-9);
      }
    g_unlink (path);
  }

  /* the menu button over the chart's corner opens the export menu */
  {
    GtkWidget *button = NULL;
    GtkPopover *popover;

    for (GtkWidget *c = gtk_widget_get_first_child (view); c != NULL; c = gtk_widget_get_next_sibling (c))
      if (GTK_IS_MENU_BUTTON (c))
        button = c;
    g_assert_nonnull (button);
    g_assert_true (gtk_widget_get_mapped (button));
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
    for (int i = 0; i < 200 && !gtk_widget_get_mapped (GTK_WIDGET (popover)); i++)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
    gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  }

  /* the clipboard: an image, 150 dpi, offered as PNG */
  {
    GdkClipboard *clipboard = gtk_widget_get_clipboard (view);
    GdkContentFormats *offered;
    GdkContentProvider *content;
    GValue value = G_VALUE_INIT;
    GdkTexture *texture;

    fh_chart_export_get_size (view, &w, &h);
    /* Ctrl+Shift+C on the window: nothing focused, so the page's first chart (the map) */
    gdk_clipboard_set_text (clipboard, "before");
    gtk_root_set_focus (GTK_ROOT (window), NULL);
    g_assert_true (press_key (GTK_WIDGET (window), GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
    g_assert_true (gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard), GDK_TYPE_TEXTURE));
    g_assert_true (fh_chart_export_find_chart_view (GTK_WIDGET (window)) != view);
    /* with the bar chart focused, it is the one copied */
    gtk_widget_set_focusable (view, TRUE);
    gtk_widget_grab_focus (view);
    g_assert_true (fh_chart_export_find_chart_view (GTK_WIDGET (window)) == view);
    g_assert_true (gtk_widget_activate_action (view, "chart.copy", NULL));
    offered = gdk_clipboard_get_formats (clipboard);
    g_assert_true (gdk_content_formats_contain_gtype (offered, GDK_TYPE_TEXTURE));
    g_assert_true (gdk_content_formats_contain_mime_type (offered, "image/png"));
    content = gdk_clipboard_get_content (clipboard);
    g_assert_nonnull (content);
    g_value_init (&value, GDK_TYPE_TEXTURE);
    g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
    texture = g_value_get_object (&value);
    g_assert_cmpint (gdk_texture_get_width (texture), ==, (int) ceil (w * 150 / 72.0));
    g_assert_cmpint (gdk_texture_get_height (texture), ==, (int) ceil (h * 150 / 72.0));
    g_value_unset (&value);
  }

  /* a folder that vanished: nothing written, the file named in the error */
  {
    g_autofree char *gone = g_build_filename (dir, "gone", NULL);
    g_autofree char *path = g_build_filename (gone, "chart.png", NULL);

    g_assert_true (gtk_widget_activate_action (view, "chart.export-to", "(ss)", "png-150", path));
    g_assert_nonnull (fh_chart_export_get_last_error (view));
    g_assert_nonnull (strstr (fh_chart_export_get_last_error (view), "chart.png"));
    g_test_message ("vanished folder: %s", fh_chart_export_get_last_error (view));
    g_assert_true (error_dialog_shown ());
    close_error_dialogs ();
    g_assert_false (g_file_test (gone, G_FILE_TEST_EXISTS));
  }

  /* a read-only folder, with a good file in it that must survive */
  {
    g_autofree char *ro = g_build_filename (dir, "read-only", NULL);
    g_autofree char *path = g_build_filename (ro, "chart.csv", NULL);
    g_autofree char *before = NULL;
    gboolean immutable = FALSE;

    g_assert_cmpint (g_mkdir (ro, 0755), ==, 0);
    g_assert_true (g_file_set_contents (path, "old,file\r\n", -1, NULL));
    g_assert_cmpint (g_chmod (ro, 0555), ==, 0);
    /* root writes anywhere: an immutable folder (chattr +i) refuses even root */
    if (access (ro, W_OK) == 0)
      immutable = chattr (ro, "+i");
    if (access (ro, W_OK) == 0 && !immutable)
      g_test_message ("running as root without chattr: the read-only case is skipped");
    else
      {
        g_assert_true (gtk_widget_activate_action (view, "chart.export-to", "(ss)", "csv", path));
        g_assert_nonnull (fh_chart_export_get_last_error (view));
        g_assert_nonnull (strstr (fh_chart_export_get_last_error (view), "chart.csv"));
        g_test_message ("read-only folder: %s", fh_chart_export_get_last_error (view));
        g_assert_true (error_dialog_shown ());
        close_error_dialogs ();
        g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
        g_assert_cmpstr (before, ==, "old,file\r\n");
        {
          g_autoptr(GDir) d = g_dir_open (ro, 0, NULL);
          g_assert_cmpstr (g_dir_read_name (d), ==, "chart.csv");
          g_assert_null (g_dir_read_name (d));
        }
      }
    if (immutable)
      g_assert_true (chattr (ro, "-i"));
    g_chmod (ro, 0755);
    g_unlink (path);
    g_rmdir (ro);
  }

  g_assert_true (no_entries (dir));
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
shows_exact (gpointer window)
{
  FhPublicationView *pv = fh_window_get_publication_view (window);
  GtkWidget *page = fh_window_get_page (window, "demand");

  return fh_publication_view_get_exact (pv) && page_has_content (page);
}

static gboolean
shows_published (gpointer window)
{
  FhPublicationView *pv = fh_window_get_publication_view (window);
  GtkWidget *page = fh_window_get_page (window, "demand");

  return !fh_publication_view_may_show_exact (pv) && page_has_content (page);
}

static char *
export_csv (GtkWidget *view, const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *csv = NULL;

  export_ok (view, "csv", path);
  g_assert_true (g_file_get_contents (path, &csv, NULL, NULL));
  g_unlink (path);
  return csv;
}

static void
test_publication_view (void)
{
  g_autoptr(GSettings) settings = fh_settings_new ();
  g_autofree char *dir = g_dir_make_tmp ("fh-export-pub-XXXXXX", NULL);
  g_autofree char *refused = g_build_filename (dir, "exact.csv", NULL);
  g_autofree char *manager_csv = NULL, *reader_csv = NULL, *manager_map = NULL, *reader_map = NULL;
  FhWindow *manager, *reader;
  GtkWidget *view;

  /* a manager with publication view off: exact figures, and no export */
  g_settings_set_boolean (settings, "publication-view", FALSE);
  view = open_window ("fh_manager", &manager);
  iterate_until (shows_exact, manager, 60);
  g_assert_true (shows_exact (manager));
  g_assert_true (fh_database_get_exact_figures (fh_window_get_database (manager)));
  g_assert_true (gtk_widget_activate_action (view, "chart.export-to", "(ss)", "csv", refused));
  g_assert_nonnull (fh_chart_export_get_last_error (view));
  g_assert_nonnull (strstr (fh_chart_export_get_last_error (view), "Publication view"));
  g_test_message ("exact on screen: %s", fh_chart_export_get_last_error (view));
  close_error_dialogs ();
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));
  g_assert_true (gtk_widget_activate_action (view, "chart.copy", NULL));
  g_assert_nonnull (fh_chart_export_get_last_error (view));
  close_error_dialogs ();

  /* publication view on: the pages reload suppressed, and may export */
  g_settings_set_boolean (settings, "publication-view", TRUE);
  g_assert_false (fh_database_get_exact_figures (fh_window_get_database (manager)));
  g_assert_true (fh_publication_view_may_show_exact (fh_window_get_publication_view (manager)));
  iterate_until (shows_published, manager, 60);
  g_assert_true (shows_published (manager));
  manager_csv = export_csv (view, dir, "manager.csv");
  manager_map = export_csv (find_named_view (fh_window_get_page (manager, "demand"), "demand-map"), dir, "m.csv");

  /* the reader's exports are the same, figure for figure */
  view = open_window (NULL, &reader);
  g_assert_false (fh_database_get_exact_figures (fh_window_get_database (reader)));
  reader_csv = export_csv (view, dir, "reader.csv");
  reader_map = export_csv (find_named_view (fh_window_get_page (reader, "demand"), "demand-map"), dir, "r.csv");
  g_assert_cmpuint (strlen (reader_csv), >, 200);
  g_assert_cmpstr (manager_csv, ==, reader_csv);
  g_assert_cmpstr (manager_map, ==, reader_map);

  g_settings_set_boolean (settings, "publication-view", FALSE);
  gtk_window_destroy (GTK_WINDOW (reader));
  gtk_window_destroy (GTK_WINDOW (manager));
  g_assert_true (no_entries (dir));
  g_rmdir (dir);
}

static void
note_error (GObject *page, GParamSpec *pspec, guint *errors)
{
  if (fh_page_get_state (FH_PAGE (page)) == FH_DATA_VIEW_ERROR)
    (*errors)++;
}

/* A reader whose window thinks it may have exact figures (a stale role
 * check) asks for them; the database refuses (42501 from
 * reporting.exact_figures) and the window goes back to publication view on
 * its own: published figures on screen, the padlock locked and saying why. */
static void
test_exact_refused (void)
{
  g_autoptr(GSettings) settings = fh_settings_new ();
  FhWindow *reader;
  FhPublicationView *pv;
  GtkWidget *page, *toggle;
  g_autofree char *tooltip = NULL;
  guint errors = 0;

  g_settings_set_boolean (settings, "publication-view", FALSE);
  open_window (NULL, &reader);
  pv = fh_window_get_publication_view (reader);
  page = fh_window_get_page (reader, "demand");
  g_assert_false (fh_publication_view_get_exact (pv));
  g_signal_connect (page, "notify::state", G_CALLBACK (note_error), &errors);

  fh_publication_view_set_role (pv, "fh_reader", TRUE);
  g_assert_true (fh_publication_view_get_exact (pv));
  g_assert_true (fh_database_get_exact_figures (fh_window_get_database (reader)));
  /* the reload asked for exact figures: refused, then published */
  iterate_until (shows_published, reader, 60);
  g_assert_true (shows_published (reader));
  g_assert_cmpuint (errors, >=, 1);
  g_assert_false (fh_publication_view_get_exact (pv));
  g_assert_false (fh_database_get_exact_figures (fh_window_get_database (reader)));

  {
    /* the header's padlock: the toggle button with a padlock icon (the
     * page tabs are toggle buttons too) */
    g_autoptr(GPtrArray) stack = g_ptr_array_new ();

    toggle = NULL;
    g_ptr_array_add (stack, gtk_window_get_titlebar (GTK_WINDOW (reader)));
    while (stack->len > 0)
      {
        GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

        if (GTK_IS_TOGGLE_BUTTON (w) && g_str_has_prefix (gtk_button_get_icon_name (GTK_BUTTON (w)) ?: "", "changes-"))
          toggle = w;
        for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
          g_ptr_array_add (stack, c);
      }
  }
  g_assert_nonnull (toggle);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  g_assert_false (gtk_widget_get_sensitive (toggle));
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (toggle)), ==, "changes-prevent-symbolic");
  tooltip = g_strdup (gtk_widget_get_tooltip_text (toggle));
  g_assert_true (g_str_has_prefix (tooltip, "Always in publication view: the role “fh_reader”"));

  g_signal_handlers_disconnect_by_func (page, note_error, &errors);
  g_settings_reset (settings, "publication-view");
  gtk_window_destroy (GTK_WINDOW (reader));
}

static void
collect_views (GtkWidget *widget, GPtrArray *views)
{
  if (FH_IS_CHART_VIEW (widget))
    g_ptr_array_add (views, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_views (c, views);
}

/* Every chart of every page, in every format: each file is there and is
 * what its format says. FH_EXPORT_KEEP_DIR keeps them, to be looked at. */
static void
test_every_chart (void)
{
  const char *keep = g_getenv ("FH_EXPORT_KEEP_DIR");
  g_autofree char *dir = keep ? g_strdup (keep) : g_dir_make_tmp ("fh-export-all-XXXXXX", NULL);
  static const char *ids[] = { "png-150", "svg", "pdf", "csv" };
  static const char *magic[] = { "\x89PNG", "<?xml", "%PDF-", "" };
  FhWindow *window;
  guint n_views = 0;

  open_window (NULL, &window);
  g_mkdir_with_parents (dir, 0755);
  for (guint p = 0; p < 4; p++)
    {
      static const char *pages[] = { "demand", "caseloads", "priorities", "board-pack" };
      GtkWidget *page = fh_window_get_page (window, pages[p]);
      g_autoptr(GPtrArray) views = g_ptr_array_new ();

      if (page == NULL)
        continue;
      fh_window_show_page (window, pages[p]);
      iterate_until (page_has_content, page, 60);
      collect_views (page, views);
      for (guint v = 0; v < views->len; v++)
        {
          GtkWidget *view = g_ptr_array_index (views, v);

          iterate_until (has_size, view, 10);
          for (guint f = 0; f < G_N_ELEMENTS (ids); f++)
            {
              FhChartFormat format = f == 0 ? FH_CHART_FORMAT_PNG : f == 1 ? FH_CHART_FORMAT_SVG
                                     : f == 2 ? FH_CHART_FORMAT_PDF : FH_CHART_FORMAT_CSV;
              g_autofree char *name = fh_chart_export_default_name (view, format);
              g_autofree char *path = g_build_filename (dir, name, NULL);
              g_autofree char *data = NULL;
              gsize len;

              export_ok (view, ids[f], path);
              g_assert_true (g_file_get_contents (path, &data, &len, NULL));
              /* an indicator with no values yet has a CSV of its header row
               * alone; every other file is more than a stub */
              if (f == 3)
                g_assert_true (len > 0 && data[len - 1] == '\n' && strchr (data, ',') != NULL);
              else
                g_assert_cmpuint (len, >, 100);
              g_assert_true (g_str_has_prefix (data, magic[f]));
              if (keep == NULL)
                g_unlink (path);
            }
          if (keep != NULL)
            {
              g_autofree char *stem = fh_chart_export_default_name (view, FH_CHART_FORMAT_PDF);
              g_autofree char *printed = g_strdup_printf ("%s/printed-%s", dir, stem);

              g_assert_true (gtk_widget_activate_action (view, "chart.print-to", "s", printed));
              g_assert_true (g_file_test (printed, G_FILE_TEST_IS_REGULAR));
            }
          n_views++;
        }
    }
  /* the demand page alone has five: map, bars, trend, scatter, funnel */
  g_assert_cmpuint (n_views, >=, 5);
  if (keep == NULL)
    {
      g_assert_true (no_entries (dir));
      g_rmdir (dir);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
run_ui_test (gconstpointer data)
{
  void (*test) (void) = (void (*) (void)) data;

  if (!have_display)
    g_test_skip ("no display: run under Xvfb (build-aux/check.sh does)");
  else if (conninfo == NULL)
    g_test_skip ("FH_TEST_CONNINFO is not set: run through build-aux/check.sh");
  else
    test ();
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  conninfo = g_getenv ("FH_TEST_CONNINFO");
  if (conninfo != NULL && *conninfo == '\0')
    conninfo = NULL;
  have_display = gtk_init_check ();

  g_test_add_data_func ("/app/export/files", (gconstpointer) test_export_files, run_ui_test);
  g_test_add_data_func ("/app/export/every-chart", (gconstpointer) test_every_chart, run_ui_test);
  g_test_add_data_func ("/app/export/publication-view", (gconstpointer) test_publication_view, run_ui_test);
  g_test_add_data_func ("/app/export/exact-refused", (gconstpointer) test_exact_refused, run_ui_test);

  return g_test_run ();
}
