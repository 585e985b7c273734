/* fh-chart-export.c — a chart as PNG, SVG, PDF, CSV or an image in memory
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One renderer for every format: fh_chart_draw() on a cairo surface. What
 * differs is only how the bytes reach the disk, and that always goes through
 * FhAtomicFile, so the target is replaced whole or not at all.
 */
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "fh-atomic-file.h"
#include "fh-chart-export.h"
#include "fh-png-writer.h"
#include "fh-svg-metadata.h"

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

/**
 * fh_chart_export_summary:
 *
 * Returns: (transfer full): what the chart shows in a sentence or two (its
 *   alt text) followed by its caption, for an SVG's <desc>, a PDF's subject
 *   and a PNG's description.
 */
char *
fh_chart_export_summary (FhChart *chart)
{
  g_autofree char *alt = NULL;
  g_autofree char *caption = NULL;

  g_return_val_if_fail (FH_IS_CHART (chart), NULL);

  alt = fh_chart_get_alt_text (chart);
  /* with the suppression note when it applies */
  caption = fh_chart_dup_full_caption (chart);
  if (caption == NULL || *caption == '\0')
    return g_steal_pointer (&alt);
  if (alt == NULL || *alt == '\0')
    return g_steal_pointer (&caption);
  return g_strconcat (alt, "\n", caption, NULL);
}

const char *
fh_chart_format_get_extension (FhChartFormat format)
{
  switch (format)
    {
    case FH_CHART_FORMAT_PNG: return "png";
    case FH_CHART_FORMAT_SVG: return "svg";
    case FH_CHART_FORMAT_PDF: return "pdf";
    case FH_CHART_FORMAT_CSV: return "csv";
    default: g_return_val_if_reached (NULL);
    }
}

/* A failure of cairo itself (not of the disk), in words for the file. */
static void
fail_drawing (FhAtomicFile   *file,
              cairo_status_t  status)
{
  g_autofree char *name = g_filename_display_name (fh_atomic_file_get_path (file));

  fh_atomic_file_fail (file, g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                                          _("Could not save “%s”: the chart could not be drawn (%s)."),
                                          name, cairo_status_to_string (status)));
}

static cairo_status_t
write_to_file (void                *closure,
               const unsigned char *data,
               unsigned int         len)
{
  return fh_atomic_file_write (closure, data, len) ? CAIRO_STATUS_SUCCESS
                                                   : CAIRO_STATUS_WRITE_ERROR;
}

typedef struct {
  GString      *text;
  GCancellable *cancellable;
} Memory;

static cairo_status_t
write_to_memory (void                *closure,
                 const unsigned char *data,
                 unsigned int         len)
{
  Memory *memory = closure;

  if (g_cancellable_is_cancelled (memory->cancellable))
    return CAIRO_STATUS_WRITE_ERROR;
  g_string_append_len (memory->text, (const char *) data, len);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
png_sink (gpointer      user_data,
          const guint8 *data,
          gsize         len)
{
  return fh_atomic_file_write (user_data, data, len);
}

/* Draws one page on a vector @surface and finishes it; every status checked. */
static void
draw_page (FhChart         *chart,
           cairo_surface_t *surface,
           FhAtomicFile    *file,
           double           width_pt,
           double           height_pt)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    {
      cairo_t *cr = cairo_create (surface);

      fh_chart_draw (chart, cr, width_pt, height_pt);
      cairo_show_page (cr);
      status = cairo_status (cr);
      cairo_destroy (cr);
    }
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);

  /* A write error is the file's to explain (disk full, …); anything else is cairo's. */
  if (status != CAIRO_STATUS_SUCCESS && !fh_atomic_file_has_failed (file))
    fail_drawing (file, status);
}

static void
write_png (FhChart      *chart,
           FhAtomicFile *file,
           double        width_pt,
           double        height_pt,
           double        dpi)
{
  /* width_pt / 72 × dpi pixels; the small tolerance keeps 600 pt at 150 dpi
   * at 1250 px even when the product rounds up in binary. */
  int width_px = (int) ceil (width_pt * dpi / 72.0 - 1e-6);
  int height_px = (int) ceil (height_pt * dpi / 72.0 - 1e-6);
  cairo_surface_t *image;
  g_autofree char *summary = NULL;
  g_autoptr(GError) local_error = NULL;

  image = fh_chart_render_image (chart, MAX (width_px, 1), MAX (height_px, 1), dpi / 72.0);
  if (cairo_surface_status (image) != CAIRO_STATUS_SUCCESS)
    {
      fail_drawing (file, cairo_surface_status (image));
      cairo_surface_destroy (image);
      return;
    }

  summary = fh_chart_export_summary (chart);
  if (!fh_png_write (image, dpi, fh_chart_get_title (chart), summary, png_sink, file, &local_error)
      && local_error != NULL)
    {
      g_autofree char *name = g_filename_display_name (fh_atomic_file_get_path (file));

      fh_atomic_file_fail (file, g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                                              _("Could not save “%s”: %s"),
                                              name, local_error->message));
    }
  cairo_surface_destroy (image);
}

static void
write_svg (FhChart      *chart,
           FhAtomicFile *file,
           double        width_pt,
           double        height_pt,
           GCancellable *cancellable)
{
  g_autoptr(GString) text = g_string_sized_new (64 * 1024);
  Memory memory = { text, cancellable };
  g_autofree char *summary = NULL;
  cairo_surface_t *surface;

  /* In memory first: cairo writes the document in one piece, and the title
   * must go inside it before anything reaches the disk. */
  surface = cairo_svg_surface_create_for_stream (write_to_memory, &memory, width_pt, height_pt);
  draw_page (chart, surface, file, width_pt, height_pt);
  cairo_surface_destroy (surface);
  if (fh_atomic_file_has_failed (file))
    return;

  summary = fh_chart_export_summary (chart);
  fh_svg_add_title (text, fh_chart_get_title (chart), summary);
  fh_atomic_file_write (file, text->str, text->len);
}

static void
write_pdf (FhChart      *chart,
           FhAtomicFile *file,
           double        width_pt,
           double        height_pt)
{
  g_autofree char *summary = fh_chart_export_summary (chart);
  const char *title = fh_chart_get_title (chart);
  cairo_surface_t *surface;

  surface = cairo_pdf_surface_create_for_stream (write_to_file, file, width_pt, height_pt);
  if (title != NULL && *title != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  if (summary != NULL && *summary != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, summary);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Family Help Dashboard");
  draw_page (chart, surface, file, width_pt, height_pt);
  cairo_surface_destroy (surface);
}

static void
write_csv (FhChart      *chart,
           FhAtomicFile *file)
{
  g_autofree char *csv = fh_chart_to_csv (chart);

  if (csv != NULL)
    fh_atomic_file_write (file, csv, strlen (csv));
}

/**
 * fh_chart_export:
 * @format: which file to make
 * @path: where; replaced whole, or left as it was on failure
 * @width_pt: page width in points (not used for CSV)
 * @height_pt: page height in points (not used for CSV)
 * @dpi: pixels per inch for PNG (36 to 1200); not used otherwise
 * @cancellable: (nullable): stops the export, leaving nothing behind
 *
 * Returns: %TRUE when the complete file is in place.
 */
gboolean
fh_chart_export (FhChart       *chart,
                 FhChartFormat  format,
                 const char    *path,
                 double         width_pt,
                 double         height_pt,
                 double         dpi,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(FhAtomicFile) file = NULL;

  g_return_val_if_fail (FH_IS_CHART (chart), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format == FH_CHART_FORMAT_CSV || (width_pt > 0 && height_pt > 0), FALSE);
  g_return_val_if_fail (format != FH_CHART_FORMAT_PNG || (dpi >= 36 && dpi <= 1200), FALSE);
  g_return_val_if_fail (format <= FH_CHART_FORMAT_CSV, FALSE);

  file = fh_atomic_file_new (path, cancellable, error);
  if (file == NULL)
    return FALSE;

  switch (format)
    {
    case FH_CHART_FORMAT_PNG:
      write_png (chart, file, width_pt, height_pt, dpi);
      break;
    case FH_CHART_FORMAT_SVG:
      write_svg (chart, file, width_pt, height_pt, cancellable);
      break;
    case FH_CHART_FORMAT_PDF:
      write_pdf (chart, file, width_pt, height_pt);
      break;
    case FH_CHART_FORMAT_CSV:
      write_csv (chart, file);
      break;
    default:
      g_assert_not_reached ();
    }

  return fh_atomic_file_commit (file, error);
}

gboolean
fh_chart_export_png (FhChart     *chart,
                     const char  *path,
                     double       width_pt,
                     double       height_pt,
                     double       dpi,
                     GError     **error)
{
  g_return_val_if_fail (FH_IS_CHART (chart), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (dpi >= 36 && dpi <= 1200, FALSE);

  return fh_chart_export (chart, FH_CHART_FORMAT_PNG, path, width_pt, height_pt, dpi, NULL, error);
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

  return fh_chart_export (chart, FH_CHART_FORMAT_SVG, path, width_pt, height_pt, 0, NULL, error);
}

gboolean
fh_chart_export_pdf (FhChart     *chart,
                     const char  *path,
                     double       width_pt,
                     double       height_pt,
                     GError     **error)
{
  g_return_val_if_fail (FH_IS_CHART (chart), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return fh_chart_export (chart, FH_CHART_FORMAT_PDF, path, width_pt, height_pt, 0, NULL, error);
}

gboolean
fh_chart_export_csv (FhChart     *chart,
                     const char  *path,
                     GError     **error)
{
  g_return_val_if_fail (FH_IS_CHART (chart), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return fh_chart_export (chart, FH_CHART_FORMAT_CSV, path, 0, 0, 0, NULL, error);
}
