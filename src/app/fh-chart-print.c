/* fh-chart-print.c — a chart on paper, through GtkPrintOperation
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "fh-chart-export-actions.h"
#include "fh-chart-print.h"
#include "fh-chart-view.h"

typedef struct {
  FhChart *chart;
  double   width;       /* the chart's size in points, as on screen */
  double   height;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->chart);
  g_free (job);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double page_width = gtk_print_context_get_width (context);
  double page_height = gtk_print_context_get_height (context);
  double scale = MIN (page_width / job->width, page_height / job->height);

  /* The whole chart, its caption too, as large as the page allows, centred
   * across the page and at its top, so text stays text (vector). */
  cairo_save (cr);
  cairo_translate (cr, (page_width - job->width * scale) / 2, 0);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, job->width, job->height);
  cairo_clip (cr);
  fh_chart_draw (job->chart, cr, job->width, job->height);
  cairo_restore (cr);
}

/* Closed once: GTK may emit "response" again while the dialog is destroyed. */
static void
on_message_response (GtkWidget *dialog)
{
  g_signal_handlers_disconnect_by_func (dialog, on_message_response, NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
on_done (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         GtkWidget               *view)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (operation, &error);
  if (error != NULL)
    {
      GtkRoot *root = gtk_widget_get_root (view);
      GtkWidget *dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                                  GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                                  _("The chart could not be printed"));

      gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
      g_signal_connect (dialog, "response", G_CALLBACK (on_message_response), NULL);
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

gboolean
fh_chart_print (GtkWidget                *chart_view,
                GtkPrintOperationAction   action,
                const char               *pdf_path,
                GError                  **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  GtkRoot *root;
  PrintJob *job;
  const char *title;
  GtkPrintOperationResult result;

  g_return_val_if_fail (FH_IS_CHART_VIEW (chart_view), FALSE);
  g_return_val_if_fail (action != GTK_PRINT_OPERATION_ACTION_EXPORT || pdf_path != NULL, FALSE);

  if (!fh_chart_export_check_allowed (chart_view, error))
    return FALSE;

  job = g_new0 (PrintJob, 1);
  job->chart = g_object_ref (fh_chart_view_get_chart (FH_CHART_VIEW (chart_view)));
  fh_chart_export_get_size (chart_view, &job->width, &job->height);

  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), "fh-print-job", job, (GDestroyNotify) print_job_free);
  title = fh_chart_get_title (job->chart);
  gtk_print_operation_set_job_name (operation, title != NULL && *title != '\0' ? title : _("Chart"));
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  setup = gtk_page_setup_new ();
  gtk_page_setup_set_orientation (setup, job->width > job->height ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                                  : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);

  if (action == GTK_PRINT_OPERATION_ACTION_EXPORT)
    gtk_print_operation_set_export_filename (operation, pdf_path);
  else
    {
      gtk_print_operation_set_allow_async (operation, TRUE);
      g_signal_connect_object (operation, "done", G_CALLBACK (on_done), chart_view, 0);
    }

  root = gtk_widget_get_root (chart_view);
  result = gtk_print_operation_run (operation, action, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}
