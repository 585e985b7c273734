/* fh-png-writer.c — a cairo image as a PNG that knows its DPI, quickly
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <math.h>
#include <png.h>
#include <zlib.h>

#include "fh-png-writer.h"

typedef struct {
  FhPngWriteFunc  write_func;
  gpointer        user_data;
  gboolean        sink_failed;
  char            message[200];
} Sink;

static void
on_write (png_structp png, png_bytep data, png_size_t len)
{
  Sink *sink = png_get_io_ptr (png);

  if (!sink->write_func (sink->user_data, data, len))
    {
      sink->sink_failed = TRUE;
      png_error (png, "write failed");
    }
}

static void
on_flush (png_structp png)
{
}

static void
on_error (png_structp png, png_const_charp message)
{
  Sink *sink = png_get_error_ptr (png);

  g_strlcpy (sink->message, message, sizeof sink->message);
  png_longjmp (png, 1);
}

static void
on_warning (png_structp png, png_const_charp message)
{
}

static gboolean
is_opaque (const guint8 *data, int stride, int width, int height)
{
  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * stride);

      for (int x = 0; x < width; x++)
        if ((row[x] >> 24) != 0xff)
          return FALSE;
    }
  return TRUE;
}

/* cairo keeps native-endian premultiplied ARGB; PNG wants bytes in order,
 * with straight alpha. */
static void
convert_row (const guint32 *in, guint8 *out, int width, gboolean opaque)
{
  if (opaque)
    {
      for (int x = 0; x < width; x++, out += 3)
        {
          guint32 p = in[x];

          out[0] = (p >> 16) & 0xff;
          out[1] = (p >> 8) & 0xff;
          out[2] = p & 0xff;
        }
      return;
    }

  for (int x = 0; x < width; x++, out += 4)
    {
      guint32 p = in[x];
      guint a = p >> 24;

      if (a == 0)
        {
          out[0] = out[1] = out[2] = out[3] = 0;
          continue;
        }
      out[0] = (((p >> 16) & 0xff) * 255 + a / 2) / a;
      out[1] = (((p >> 8) & 0xff) * 255 + a / 2) / a;
      out[2] = ((p & 0xff) * 255 + a / 2) / a;
      out[3] = a;
    }
}

static void
add_text (png_text *text, int *n, const char *key, const char *value)
{
  if (value == NULL || *value == '\0' || !g_utf8_validate (value, -1, NULL))
    return;
  text[*n].compression = PNG_ITXT_COMPRESSION_NONE;
  text[*n].key = (char *) key;
  text[*n].text = (char *) value;
  text[*n].lang = (char *) "";
  text[*n].lang_key = (char *) "";
  (*n)++;
}

/* The encoding itself, apart so that nothing it changes lives across the
 * setjmp in a register: every variable here is set before it. */
static gboolean
encode (png_structp      png,
        png_infop        info,
        cairo_surface_t *image,
        double           dpi,
        png_text        *text,
        int              n_text,
        guint8          *row)
{
  const guint8 *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  /* RGB24's top byte is undefined: such an image is opaque by definition. */
  gboolean opaque = cairo_image_surface_get_format (image) == CAIRO_FORMAT_RGB24 ||
                    is_opaque (data, stride, width, height);
  png_uint_32 per_metre = (png_uint_32) lround (dpi / 0.0254);

  if (setjmp (png_jmpbuf (png)))
    return FALSE;

  png_set_IHDR (png, info, width, height, 8,
                opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGB_ALPHA,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_pHYs (png, info, per_metre, per_metre, PNG_RESOLUTION_METER);
  if (n_text > 0)
    png_set_text (png, info, text, n_text);

  /* Fastest zlib level and a single filter: charts are flat colour, where
   * "sub" does nearly as well as adaptive filtering for a fraction of the
   * time. Measured in bench/fh-bench-export.c. */
  png_set_compression_level (png, Z_BEST_SPEED);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_SUB);

  png_write_info (png, info);
  for (int y = 0; y < height; y++)
    {
      convert_row ((const guint32 *) (data + (gsize) y * stride), row, width, opaque);
      png_write_row (png, row);
    }
  png_write_end (png, info);
  return TRUE;
}

/**
 * fh_png_write:
 * @image: an ARGB32 or RGB24 image surface
 * @dpi: stored in a pHYs chunk, in pixels per metre
 * @title: (nullable): stored as an iTXt "Title"
 * @description: (nullable): stored as an iTXt "Description"
 * @write_func: receives the encoded bytes
 *
 * Returns: %FALSE when @write_func refused (then @error is not set: the sink
 *   knows why) or the encoder failed (then @error says so).
 */
gboolean
fh_png_write (cairo_surface_t  *image,
              double            dpi,
              const char       *title,
              const char       *description,
              FhPngWriteFunc    write_func,
              gpointer          user_data,
              GError          **error)
{
  Sink sink = { write_func, user_data, FALSE, "" };
  png_structp png;
  png_infop info;
  png_text text[3];
  int n_text = 0;
  g_autofree guint8 *row = NULL;
  gboolean ok;

  g_return_val_if_fail (image != NULL, FALSE);
  g_return_val_if_fail (cairo_surface_get_type (image) == CAIRO_SURFACE_TYPE_IMAGE, FALSE);
  g_return_val_if_fail (cairo_image_surface_get_format (image) == CAIRO_FORMAT_ARGB32 ||
                        cairo_image_surface_get_format (image) == CAIRO_FORMAT_RGB24, FALSE);
  g_return_val_if_fail (dpi > 0, FALSE);
  g_return_val_if_fail (write_func != NULL, FALSE);

  cairo_surface_flush (image);

  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, &sink, on_error, on_warning);
  if (png == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Out of memory."));
      return FALSE;
    }
  info = png_create_info_struct (png);
  if (info == NULL)
    {
      png_destroy_write_struct (&png, NULL);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Out of memory."));
      return FALSE;
    }

  add_text (text, &n_text, "Title", title);
  add_text (text, &n_text, "Description", description);
  add_text (text, &n_text, "Software", "Family Help Dashboard");
  row = g_malloc ((gsize) cairo_image_surface_get_width (image) * 4);
  png_set_write_fn (png, &sink, on_write, on_flush);

  ok = encode (png, info, image, dpi, text, n_text, row);
  png_destroy_write_struct (&png, &info);

  if (!ok && !sink.sink_failed)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 _("The PNG could not be made (%s)."), sink.message);
  return ok;
}
