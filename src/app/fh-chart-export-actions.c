/* fh-chart-export-actions.c — export, copy and print any chart on screen
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "fh-accels.h"
#include "fh-chart-export-actions.h"
#include "fh-chart-menu.h"
#include "fh-chart-print.h"
#include "fh-chart-view.h"
#include "fh-page.h"
#include "fh-window.h"

#define CLIPBOARD_DPI 150.0
#define FALLBACK_WIDTH_PT 595.0
#define FALLBACK_HEIGHT_PT 420.0

static const struct {
  const char    *id;
  const char    *label;
  const char    *menu_label;
  FhChartFormat  format;
  double         dpi;
} formats[] = {
  { "png-96", N_("PNG image, 96 dpi (screen)"), N_("PNG Image, 96 dpi (Screen)…"), FH_CHART_FORMAT_PNG, 96 },
  { "png-150", N_("PNG image, 150 dpi"), N_("PNG Image, 150 dpi…"), FH_CHART_FORMAT_PNG, 150 },
  { "png-300", N_("PNG image, 300 dpi (print)"), N_("PNG Image, 300 dpi (Print)…"), FH_CHART_FORMAT_PNG, 300 },
  { "svg", N_("SVG drawing"), N_("SVG Drawing…"), FH_CHART_FORMAT_SVG, 0 },
  { "pdf", N_("PDF document"), N_("PDF Document…"), FH_CHART_FORMAT_PDF, 0 },
  { "csv", N_("CSV data (the chart’s figures)"), N_("Save Data as CSV…"), FH_CHART_FORMAT_CSV, 0 },
};
#define DEFAULT_FORMAT 1   /* png-150 */

static GFile *last_folder;

static int
find_format (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (formats[i].id, id) == 0)
      return i;
  return -1;
}

guint
fh_chart_export_n_formats (void)
{
  return G_N_ELEMENTS (formats);
}

/* The id, menu label, format and whether it is the default of format @i. */
const char *
fh_chart_export_format_info (guint          i,
                             const char   **menu_label,
                             FhChartFormat *format,
                             gboolean      *is_default)
{
  g_return_val_if_fail (i < G_N_ELEMENTS (formats), NULL);

  *menu_label = _(formats[i].menu_label);
  *format = formats[i].format;
  *is_default = i == DEFAULT_FORMAT;
  return formats[i].id;
}

/* ---- what and whether ------------------------------------------------------ */

void
fh_chart_export_get_size (GtkWidget *chart_view,
                          double    *width_pt,
                          double    *height_pt)
{
  int width, height;

  g_return_if_fail (FH_IS_CHART_VIEW (chart_view));

  width = gtk_widget_get_width (chart_view);
  height = gtk_widget_get_height (chart_view);
  if (width <= 0 || height <= 0)
    {
      *width_pt = FALLBACK_WIDTH_PT;
      *height_pt = FALLBACK_HEIGHT_PT;
      return;
    }
  /* What is on screen, in the chart's own units: points. */
  fh_chart_view_to_chart (FH_CHART_VIEW (chart_view), width, height, width_pt, height_pt);
  *width_pt = round (*width_pt);
  *height_pt = round (*height_pt);
}

static void
set_last_error (GtkWidget  *chart_view,
                const char *message)
{
  g_object_set_data_full (G_OBJECT (chart_view), "fh-export-last-error", g_strdup (message), g_free);
}

const char *
fh_chart_export_get_last_error (GtkWidget *chart_view)
{
  g_return_val_if_fail (FH_IS_CHART_VIEW (chart_view), NULL);
  return g_object_get_data (G_OBJECT (chart_view), "fh-export-last-error");
}

gboolean
fh_chart_export_check_allowed (GtkWidget  *chart_view,
                               GError    **error)
{
  GtkRoot *root;
  GtkWidget *page;

  g_return_val_if_fail (FH_IS_CHART_VIEW (chart_view), FALSE);

  if (fh_chart_view_get_chart (FH_CHART_VIEW (chart_view)) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("There is no chart to export."));
      return FALSE;
    }
  root = gtk_widget_get_root (chart_view);
  if (FH_IS_WINDOW (root) &&
      fh_publication_view_may_show_exact (fh_window_get_publication_view (FH_WINDOW (root))))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                           _("Exports always carry published figures, with small numbers suppressed, "
                             "but this screen shows exact figures. Turn on Publication view, wait "
                             "for the figures to reload, and export again."));
      return FALSE;
    }
  page = gtk_widget_get_ancestor (chart_view, FH_TYPE_PAGE);
  if (page != NULL && fh_page_get_state (FH_PAGE (page)) != FH_DATA_VIEW_CONTENT)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PENDING,
                           _("The chart has no figures yet: wait for the page to load, then export."));
      return FALSE;
    }
  return TRUE;
}

gboolean
fh_chart_export_update_enabled (GtkWidget  *chart_view,
                                GError    **error)
{
  static const char *actions[] = { "chart.export", "chart.copy", "chart.print", "chart.print-preview" };
  gboolean allowed = fh_chart_export_check_allowed (chart_view, error);

  /* export-to and print-to stay enabled: they check and say why themselves */
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (chart_view, actions[i], allowed);
  return allowed;
}

/* ---- names ------------------------------------------------------------------- */

static char *
slugify (const char *text,
         guint       max_words)
{
  g_autofree char *ascii = g_str_to_ascii (text ? text : "", NULL);
  GString *slug = g_string_new (NULL);
  guint words = 0;
  gboolean dash = FALSE;

  for (const char *p = ascii; *p != '\0' && words < max_words; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && slug->len > 0)
            g_string_append_c (slug, '-');
          dash = FALSE;
          g_string_append_c (slug, g_ascii_tolower (*p));
        }
      else if (!dash && slug->len > 0)
        {
          dash = TRUE;
          if (*p == ' ')
            words++;
        }
    }
  return g_string_free (slug, FALSE);
}

void
fh_chart_export_set_period_label (GtkWidget  *ancestor,
                                  const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (ancestor));
  g_object_set_data_full (G_OBJECT (ancestor), "fh-export-period", g_strdup (label), g_free);
}

char *
fh_chart_export_default_name (GtkWidget     *chart_view,
                              FhChartFormat  format)
{
  const char *name;
  g_autofree char *slug = NULL;
  g_autofree char *period = NULL;

  g_return_val_if_fail (FH_IS_CHART_VIEW (chart_view), NULL);

  /* The template names each chart view ("demand-by-ward"); else its title. */
  name = gtk_widget_get_name (chart_view);
  if (name != NULL && *name != '\0' && g_strcmp0 (name, G_OBJECT_TYPE_NAME (chart_view)) != 0)
    slug = slugify (name, G_MAXUINT);
  else
    slug = slugify (fh_chart_get_title (fh_chart_view_get_chart (FH_CHART_VIEW (chart_view))), 6);
  if (slug == NULL || *slug == '\0')
    {
      g_free (slug);
      slug = g_strdup ("chart");
    }

  for (GtkWidget *w = chart_view; w != NULL && period == NULL; w = gtk_widget_get_parent (w))
    {
      const char *label = g_object_get_data (G_OBJECT (w), "fh-export-period");

      if (label != NULL)
        period = slugify (label, G_MAXUINT);
    }
  if (period != NULL && *period != '\0')
    return g_strdup_printf ("%s-%s.%s", slug, period, fh_chart_format_get_extension (format));
  return g_strdup_printf ("%s.%s", slug, fh_chart_format_get_extension (format));
}

/* ---- doing it ------------------------------------------------------------------ */

/* Closed once: GTK may emit "response" again while the dialog is destroyed. */
static void
on_message_response (GtkWidget *dialog)
{
  g_signal_handlers_disconnect_by_func (dialog, on_message_response, NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

void
fh_chart_export_show_error (GtkWidget    *chart_view,
            const char   *primary,
            const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (chart_view);
  GtkWidget *dialog;

  set_last_error (chart_view, error->message);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_debug ("%s: %s", primary, error->message);
  dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", primary);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  gtk_widget_set_name (dialog, "fh-export-error");
  g_signal_connect (dialog, "response", G_CALLBACK (on_message_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
fh_chart_export_view_to (GtkWidget   *chart_view,
                         const char  *format_id,
                         const char  *path,
                         GError     **error)
{
  int f = find_format (format_id);
  double width, height;

  g_return_val_if_fail (FH_IS_CHART_VIEW (chart_view), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (f < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("“%s” is not a format the chart can be saved in."),
                   format_id);
      return FALSE;
    }
  if (!fh_chart_export_check_allowed (chart_view, error))
    return FALSE;
  fh_chart_export_get_size (chart_view, &width, &height);
  return fh_chart_export (fh_chart_view_get_chart (FH_CHART_VIEW (chart_view)), formats[f].format, path,
                          width, height, formats[f].dpi, NULL, error);
}

static void
export_to (GtkWidget  *chart_view,
           const char *format_id,
           const char *path)
{
  g_autoptr(GError) error = NULL;

  if (fh_chart_export_view_to (chart_view, format_id, path, &error))
    {
      set_last_error (chart_view, NULL);
      g_debug ("exported %s", path);
      return;
    }
  {
    g_autofree char *base = g_path_get_basename (path);
    g_autofree char *primary = g_strdup_printf (_("“%s” was not saved"), base);

    fh_chart_export_show_error (chart_view, primary, error);
  }
}

/* The format: the extension typed, when it is one and the name was edited;
 * the chooser's format otherwise (and the extension made to match). */
static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     GtkWidget       *chart_view)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *base = NULL;
  const char *untouched = g_object_get_data (G_OBJECT (chooser), "fh-default-name");
  const char *choice;
  int f;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file ? g_file_get_path (file) : NULL;
  if (path == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                     _("Charts can only be saved in a local folder."));
      fh_chart_export_show_error (chart_view, _("The chart was not saved"), error);
      goto out;
    }
  g_clear_object (&last_folder);
  last_folder = g_file_get_parent (file);

  choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "format");
  f = find_format (choice);
  if (f < 0)
    f = DEFAULT_FORMAT;
  base = g_path_get_basename (path);
  {
    const char *dot = strrchr (base, '.');
    int typed = -1;

    for (guint i = 0; dot != NULL && i < G_N_ELEMENTS (formats); i++)
      if (g_ascii_strcasecmp (dot + 1, fh_chart_format_get_extension (formats[i].format)) == 0)
        {
          typed = i;
          break;
        }
    if (typed >= 0 && formats[typed].format != formats[f].format && g_strcmp0 (base, untouched) != 0)
      f = typed;
    else if (typed < 0 || formats[typed].format != formats[f].format)
      {
        g_autofree char *stem = dot && typed >= 0 ? g_strndup (path, strlen (path) - strlen (dot)) : g_strdup (path);

        g_free (path);
        path = g_strdup_printf ("%s.%s", stem, fh_chart_format_get_extension (formats[f].format));
      }
  }
  export_to (chart_view, formats[f].id, path);

out:
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  GtkRoot *root = gtk_widget_get_root (widget);
  const char *ids[G_N_ELEMENTS (formats) + 1] = { NULL };
  const char *labels[G_N_ELEMENTS (formats) + 1] = { NULL };
  int f = find_format (g_variant_get_string (parameter, NULL));

  if (!fh_chart_export_check_allowed (widget, &error))
    {
      fh_chart_export_show_error (widget, _("The chart cannot be exported now"), error);
      return;
    }
  if (f < 0)
    f = DEFAULT_FORMAT;
  name = fh_chart_export_default_name (widget, formats[f].format);

  chooser = gtk_file_chooser_native_new (formats[f].format == FH_CHART_FORMAT_CSV ? _("Save Chart Data")
                                                                                  : _("Export Chart"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      ids[i] = formats[i].id;
      labels[i] = _(formats[i].label);
    }
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "format", _("Format"), ids, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "format", formats[f].id);
  if (last_folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), last_folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "fh-default-name", g_steal_pointer (&name), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_to_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  const char *format_id, *path;

  g_variant_get (parameter, "(&s&s)", &format_id, &path);
  export_to (widget, format_id, path);
}

static gboolean
copy_image (GtkWidget  *chart_view,
            GError    **error)
{
  double width, height, scale = CLIPBOARD_DPI / 72.0;
  cairo_surface_t *surface;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width_px, height_px, stride;

  if (!fh_chart_export_check_allowed (chart_view, error))
    return FALSE;
  fh_chart_export_get_size (chart_view, &width, &height);
  width_px = (int) ceil (width * scale);
  height_px = (int) ceil (height * scale);
  /* The PNG exporter's renderer; GDK offers it as image/png (and more),
   * which a word processor pastes as a picture. */
  surface = fh_chart_render_image (fh_chart_view_get_chart (FH_CHART_VIEW (chart_view)),
                                   width_px, height_px, scale);
  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface), (gsize) stride * height_px,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (width_px, height_px, GDK_MEMORY_DEFAULT, bytes, stride);
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (chart_view), texture);
  return TRUE;
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  if (!copy_image (widget, &error))
    fh_chart_export_show_error (widget, _("The chart was not copied"), error);
  else
    set_last_error (widget, NULL);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;
  GtkPrintOperationAction action = g_str_equal (action_name, "chart.print-preview")
                                   ? GTK_PRINT_OPERATION_ACTION_PREVIEW
                                   : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG;

  if (!fh_chart_print (widget, action, NULL, &error))
    fh_chart_export_show_error (widget, _("The chart was not printed"), error);
}

static void
print_to_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  if (!fh_chart_print (widget, GTK_PRINT_OPERATION_ACTION_EXPORT, g_variant_get_string (parameter, NULL), &error))
    fh_chart_export_show_error (widget, _("The chart was not printed"), error);
  else
    set_last_error (widget, NULL);
}

void
fh_chart_export_actions_install (GtkWidgetClass *chart_view_class)
{
  gtk_widget_class_install_action (chart_view_class, "chart.export", "s", export_action);
  gtk_widget_class_install_action (chart_view_class, "chart.export-to", "(ss)", export_to_action);
  gtk_widget_class_install_action (chart_view_class, "chart.copy", NULL, copy_action);
  gtk_widget_class_install_action (chart_view_class, "chart.print", NULL, print_action);
  gtk_widget_class_install_action (chart_view_class, "chart.print-preview", NULL, print_action);
  gtk_widget_class_install_action (chart_view_class, "chart.print-to", "s", print_to_action);
  gtk_widget_class_install_action (chart_view_class, "chart.menu", NULL, fh_chart_menu_action);
  fh_accels_add_to_widget_class (chart_view_class, "chart.");
}

