/* fh-png-writer.c — a cairo image as a PNG that knows its DPI, quickly
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A PNG is a signature and a list of chunks (length, type, data, CRC-32);
 * the pixels are rows, each prefixed with its filter type, in one zlib stream
 * split over IDAT chunks. We filter every row with "sub" (each byte minus the
 * one a pixel to its left: flat colour becomes zeros) and compress the whole
 * image at once with libdeflate at its fastest level. Measured against libpng
 * at zlib level 1 in bench/fh-bench-export.c.
 */
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <libdeflate.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fh-png-writer.h"

#define IDAT_SIZE (256 * 1024)

static int
compression_level (void)
{
  static int level = -1;

  /* FH_PNG_LEVEL (1 to 12) is for measuring only; 1 is the fastest. */
  if (level < 0)
    {
      const char *env = g_getenv ("FH_PNG_LEVEL");
      level = env ? CLAMP (atoi (env), 1, 12) : 1;
    }
  return level;
}

static void
put_u32 (guint8 *p, guint32 v)
{
  p[0] = v >> 24;
  p[1] = v >> 16;
  p[2] = v >> 8;
  p[3] = v;
}

static gboolean
write_chunk (FhPngWriteFunc  write_func,
             gpointer        user_data,
             const char     *type,
             const guint8   *data,
             gsize           len)
{
  guint8 head[8], tail[4];
  guint32 crc;

  put_u32 (head, (guint32) len);
  memcpy (head + 4, type, 4);
  crc = libdeflate_crc32 (0, head + 4, 4);
  if (len > 0)
    crc = libdeflate_crc32 (crc, data, len);
  put_u32 (tail, crc);

  return write_func (user_data, head, 8) &&
         (len == 0 || write_func (user_data, data, len)) &&
         write_func (user_data, tail, 4);
}

/* iTXt: keyword, NUL, not compressed (0, 0), no language tag, NUL, no
 * translated keyword, NUL, UTF-8 text. */
static gboolean
write_text (FhPngWriteFunc  write_func,
            gpointer        user_data,
            const char     *keyword,
            const char     *text)
{
  g_autoptr(GByteArray) chunk = NULL;
  static const guint8 zeros[4] = { 0, 0, 0, 0 };

  if (text == NULL || *text == '\0')
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL))
    return TRUE;

  chunk = g_byte_array_new ();
  g_byte_array_append (chunk, (const guint8 *) keyword, strlen (keyword));
  g_byte_array_append (chunk, zeros, 1);     /* end of keyword */
  g_byte_array_append (chunk, zeros, 2);     /* flag, method */
  g_byte_array_append (chunk, zeros, 2);     /* empty language, empty translation */
  g_byte_array_append (chunk, (const guint8 *) text, strlen (text));
  return write_chunk (write_func, user_data, "iTXt", chunk->data, chunk->len);
}

/* cairo keeps native-endian premultiplied ARGB; PNG wants R, G, B bytes. This
 * converts a row and applies filter type 1, "sub" (each byte minus the byte
 * one pixel to its left: flat colour becomes zeros), in one pass, and returns
 * the AND of every pixel so the caller learns whether all were opaque. */
static guint32
filter_row_rgb (const guint32 *in, guint8 *out, int width)
{
  guint32 all = 0xffffffff, prev = 0;

  *out++ = 1;
  for (int x = 0; x < width; x++, out += 3)
    {
      guint32 p = in[x];

      all &= p;
      out[0] = (guint8) ((p >> 16) - (prev >> 16));
      out[1] = (guint8) ((p >> 8) - (prev >> 8));
      out[2] = (guint8) (p - prev);
      prev = p;
    }
  return all;
}

/* The same for an image with transparency: straight (not premultiplied) RGBA. */
static void
filter_row_rgba (const guint32 *in, guint8 *out, int width)
{
  guint8 prev[4] = { 0, 0, 0, 0 };

  *out++ = 1;
  for (int x = 0; x < width; x++, out += 4)
    {
      guint32 p = in[x];
      guint a = p >> 24;
      guint8 px[4] = { 0, 0, 0, 0 };

      if (a != 0)
        {
          px[0] = (((p >> 16) & 0xff) * 255 + a / 2) / a;
          px[1] = (((p >> 8) & 0xff) * 255 + a / 2) / a;
          px[2] = ((p & 0xff) * 255 + a / 2) / a;
          px[3] = a;
        }
      for (int i = 0; i < 4; i++)
        {
          out[i] = px[i] - prev[i];
          prev[i] = px[i];
        }
    }
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
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  struct libdeflate_compressor *compressor;
  const guint8 *data;
  int stride, width, height;
  gboolean opaque;
  gboolean rgb24;
  gsize raw_len, bound, compressed_len;
  g_autofree guint8 *raw = NULL;
  g_autofree guint8 *compressed = NULL;
  guint8 ihdr[13], phys[9];
  guint32 per_metre;

  g_return_val_if_fail (image != NULL, FALSE);
  g_return_val_if_fail (cairo_surface_get_type (image) == CAIRO_SURFACE_TYPE_IMAGE, FALSE);
  g_return_val_if_fail (cairo_image_surface_get_format (image) == CAIRO_FORMAT_ARGB32 ||
                        cairo_image_surface_get_format (image) == CAIRO_FORMAT_RGB24, FALSE);
  g_return_val_if_fail (dpi > 0, FALSE);
  g_return_val_if_fail (write_func != NULL, FALSE);

  cairo_surface_flush (image);
  data = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);
  width = cairo_image_surface_get_width (image);
  height = cairo_image_surface_get_height (image);
  /* Filter every row into one buffer, then compress it in one go. Charts are
   * drawn on a white page, so try RGB first; on a transparent pixel start
   * again with RGBA. RGB24's top byte is undefined: such an image is opaque. */
  rgb24 = cairo_image_surface_get_format (image) == CAIRO_FORMAT_RGB24;
  raw_len = ((gsize) width * 4 + 1) * (gsize) height;
  raw = g_try_malloc (raw_len);
  compressor = libdeflate_alloc_compressor (compression_level ());
  if (raw == NULL || compressor == NULL)
    {
      if (compressor != NULL)
        libdeflate_free_compressor (compressor);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("there is not enough memory for an image this large."));
      return FALSE;
    }
  opaque = TRUE;
  for (int y = 0; y < height && opaque; y++)
    {
      guint32 all = filter_row_rgb ((const guint32 *) (data + (gsize) y * stride),
                                    raw + ((gsize) width * 3 + 1) * y, width);
      opaque = rgb24 || (all >> 24) == 0xff;
    }
  if (!opaque)
    for (int y = 0; y < height; y++)
      filter_row_rgba ((const guint32 *) (data + (gsize) y * stride),
                       raw + ((gsize) width * 4 + 1) * y, width);
  raw_len = ((gsize) width * (opaque ? 3 : 4) + 1) * (gsize) height;

  bound = libdeflate_zlib_compress_bound (compressor, raw_len);
  compressed = g_try_malloc (bound);
  compressed_len = compressed ? libdeflate_zlib_compress (compressor, raw, raw_len, compressed, bound)
                              : 0;
  libdeflate_free_compressor (compressor);
  g_clear_pointer (&raw, g_free);
  if (compressed_len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("there is not enough memory for an image this large."));
      return FALSE;
    }

  put_u32 (ihdr, width);
  put_u32 (ihdr + 4, height);
  ihdr[8] = 8;                      /* bits per sample */
  ihdr[9] = opaque ? 2 : 6;         /* RGB : RGBA */
  ihdr[10] = ihdr[11] = ihdr[12] = 0; /* deflate, adaptive filtering, no interlace */
  per_metre = (guint32) lround (dpi / 0.0254);
  put_u32 (phys, per_metre);
  put_u32 (phys + 4, per_metre);
  phys[8] = 1;                      /* unit: metre */

  if (!write_func (user_data, signature, sizeof signature) ||
      !write_chunk (write_func, user_data, "IHDR", ihdr, sizeof ihdr) ||
      !write_chunk (write_func, user_data, "pHYs", phys, sizeof phys) ||
      !write_text (write_func, user_data, "Title", title) ||
      !write_text (write_func, user_data, "Description", description) ||
      !write_text (write_func, user_data, "Software", "Family Help Dashboard"))
    return FALSE;
  for (gsize off = 0; off < compressed_len; off += IDAT_SIZE)
    if (!write_chunk (write_func, user_data, "IDAT", compressed + off,
                      MIN (IDAT_SIZE, compressed_len - off)))
      return FALSE;
  return write_chunk (write_func, user_data, "IEND", NULL, 0);
}
