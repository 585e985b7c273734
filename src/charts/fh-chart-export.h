/* fh-chart-export.h — a chart as PNG, SVG, PDF, CSV or an image in memory
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sizes are in points (1/72 inch); the PNG's pixel size follows from @dpi.
 */
#pragma once

#include "fh-chart.h"

G_BEGIN_DECLS

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
