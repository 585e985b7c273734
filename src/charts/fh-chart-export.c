/* fh-chart-export.c — a chart as PNG, SVG, PDF, CSV or an image in memory
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <math.h>

#include "fh-chart-export.h"

static gboolean
check_surface (cairo_surface_t  *surface,
               const char       *path,
               GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
  return FALSE;
}

cairo_surface_t *
fh_chart_render_image (FhChart *chart,
                       int      width_px,
                       int      height_px,
                       double   scale)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (FH_IS_CHART (chart), NULL);
  g_return_val_if_fail (width_px > 0 && height_px > 0 && scale > 0, NULL);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width_px, height_px);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  fh_chart_draw (chart, cr, width_px / scale, height_px / scale);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

gboolean
fh_chart_export_png (FhChart     *chart,
                     const char  *path,
                     double       width_pt,
                     double       height_pt,
                     double       dpi,
                     GError     **error)
{
  double scale = dpi / 72.0;
  cairo_surface_t *surface;
  cairo_status_t status;

  g_return_val_if_fail (FH_IS_CHART (chart), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (dpi >= 36 && dpi <= 1200, FALSE);

  surface = fh_chart_render_image (chart, (int) ceil (width_pt * scale),
                                   (int) ceil (height_pt * scale), scale);
  status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static gboolean
export_vector (FhChart          *chart,
               cairo_surface_t  *surface,
               const char       *path,
               double            width_pt,
               double            height_pt,
               GError          **error)
{
  cairo_t *cr;
  gboolean ok;

  if (!check_surface (surface, path, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }

  cr = cairo_create (surface);
  fh_chart_draw (chart, cr, width_pt, height_pt);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = check_surface (surface, path, error);
  cairo_surface_destroy (surface);
  return ok;
}

gboolean
fh_chart_export_svg (FhChart     *chart,
                     const char  *path,
                     double       width_pt,
                     double       height_pt,
                     GError     **error)
{
  g_return_val_if_fail (FH_IS_CHART (chart), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return export_vector (chart, cairo_svg_surface_create (path, width_pt, height_pt),
                        path, width_pt, height_pt, error);
}

gboolean
fh_chart_export_pdf (FhChart     *chart,
                     const char  *path,
                     double       width_pt,
                     double       height_pt,
                     GError     **error)
{
  cairo_surface_t *surface;

  g_return_val_if_fail (FH_IS_CHART (chart), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  surface = cairo_pdf_surface_create (path, width_pt, height_pt);
  if (fh_chart_get_title (chart) != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, fh_chart_get_title (chart));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Family Help Dashboard");
  return export_vector (chart, surface, path, width_pt, height_pt, error);
}

gboolean
fh_chart_export_csv (FhChart     *chart,
                     const char  *path,
                     GError     **error)
{
  g_autofree char *csv = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (FH_IS_CHART (chart), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  csv = fh_chart_to_csv (chart);
  if (!g_file_set_contents (path, csv, -1, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  return TRUE;
}
