/* fh-chart-export.h — a chart as PNG, SVG, PDF, CSV or an image in memory
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sizes are in points (1/72 inch); the PNG's pixel size follows from @dpi.
 */
#pragma once

#include <gio/gio.h>

#include "fh-chart.h"

G_BEGIN_DECLS

/* Every export is written to a hidden temporary file in the target's folder
 * and renamed over the target only when complete, so a failure (full disk, no
 * permission, cancelled, a folder that vanished) leaves no partial file and an
 * existing file untouched; the GError (G_IO_ERROR) names the file and says why
 * in plain words. PNG records its DPI (pHYs) and carries title and summary;
 * SVG carries them as <title> and <desc>; PDF text is selectable, fonts are
 * embedded, and title and summary are in its metadata. */
typedef enum {
  FH_CHART_FORMAT_PNG,
  FH_CHART_FORMAT_SVG,
  FH_CHART_FORMAT_PDF,
  FH_CHART_FORMAT_CSV,
} FhChartFormat;

gboolean         fh_chart_export        (FhChart       *chart,
                                         FhChartFormat  format,
                                         const char    *path,
                                         double         width_pt,
                                         double         height_pt,
                                         double         dpi,
                                         GCancellable  *cancellable,
                                         GError       **error);
const char      *fh_chart_format_get_extension (FhChartFormat format);
char            *fh_chart_export_summary       (FhChart       *chart);

gboolean         fh_chart_export_png    (FhChart     *chart,
                                         const char  *path,
                                         double       width_pt,
                                         double       height_pt,
                                         double       dpi,
                                         GError     **error);
gboolean         fh_chart_export_svg    (FhChart     *chart,
                                         const char  *path,
                                         double       width_pt,
                                         double       height_pt,
                                         GError     **error);
gboolean         fh_chart_export_pdf    (FhChart     *chart,
                                         const char  *path,
                                         double       width_pt,
                                         double       height_pt,
                                         GError     **error);
gboolean         fh_chart_export_csv    (FhChart     *chart,
                                         const char  *path,
                                         GError     **error);
cairo_surface_t *fh_chart_render_image  (FhChart     *chart,
                                         int          width_px,
                                         int          height_px,
                                         double       scale);

G_END_DECLS
