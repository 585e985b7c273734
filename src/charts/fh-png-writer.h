/* fh-png-writer.c — a cairo image as a PNG that knows its DPI, quickly
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cairo_surface_write_to_png() stores no resolution (a word processor then
 * places a 150-dpi chart at twice its size) and compresses at zlib's default
 * level, which costs many times the drawing. This writer makes the chunks
 * itself: a pHYs chunk with the DPI in pixels per metre, the title and
 * summary as UTF-8 iTXt chunks, and the pixels filtered for flat colour and
 * deflated by its own run-length encoder with Huffman codes fitted to each
 * block, on several threads for a large image (see bench/fh-bench-export.c).
 * An opaque image is written as RGB, anything else as straight-alpha RGBA.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Returns FALSE to stop the encoder (the sink keeps its own reason). */
typedef gboolean (*FhPngWriteFunc) (gpointer      user_data,
                                    const guint8 *data,
                                    gsize         len);

gboolean fh_png_write (cairo_surface_t  *image,
                       double            dpi,
                       const char       *title,
                       const char       *description,
                       FhPngWriteFunc    write_func,
                       gpointer          user_data,
                       GError          **error);

G_END_DECLS
