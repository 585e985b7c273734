/* fh-png-writer.c — a cairo image as a PNG that knows its DPI, quickly
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A PNG is a signature and a list of chunks (length, type, data, CRC-32);
 * the pixels are rows, each prefixed with its filter type, in one zlib stream
 * split over IDAT chunks. A row equal to the one above is written with filter
 * type 2, "up" (all zeros); any other with type 1, "sub" (each byte minus the
 * one a pixel to its left: flat colour becomes zeros). Rows are deflated at
 * zlib's fastest level a strip at a time, so that nothing large is allocated
 * (a fresh 13 MB buffer costs more in page faults than its compression). A
 * large image is cut into horizontal bands deflated on several threads, each
 * band ending in a sync flush so the pieces join into one stream, as pigz
 * does; the Adler-32 checksums are combined. Measured in bench/fh-bench-export.c.
 */
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "fh-png-writer.h"

#define IDAT_SIZE   (256 * 1024)
#define STRIP_BYTES (128 * 1024)     /* filtered rows compressed at a time: stays in cache */
#define MAX_THREADS 4
#define MIN_PARALLEL_PIXELS (512 * 1024)

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
  crc = crc32 (0, head + 4, 4);
  if (len > 0)
    crc = crc32 (crc, data, len);
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
 * the AND of all the pixels: its top byte is 0xff when every one was opaque. */
static guint32
filter_row_rgb (const guint32 *in, guint8 *out, int width)
{
  guint32 prev = 0, all = 0xffffffff;

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

typedef struct {
  const guint8 *data;
  int           stride, width;
  int           first_row, n_rows;
  gboolean      opaque;
  gboolean      check_alpha; /* opaque is a guess: stop on a transparent pixel */
  gboolean      saw_alpha;
  gboolean      last;
  GByteArray   *out;        /* raw deflate, ending byte-aligned */
  uLong         adler;      /* of this band's filtered bytes */
  uLong         raw_len;
  gboolean      failed;
} Band;

/* Adler-32 after a row of @len bytes that is 2 (filter "up") and then zeros,
 * without reading it: a = a + 2, then b grows by the new a for every byte. */
static uLong
adler32_up_row (uLong adler, gsize len)
{
  guint64 a = adler & 0xffff, b = adler >> 16;

  a = (a + 2) % 65521;
  b = (b + (len % 65521) * a) % 65521;
  return (uLong) (b << 16 | a);
}

/* Deflates one band of rows: raw deflate (no zlib header), ending with a sync
 * flush, or with the final block when it is the last band. */
static gpointer
deflate_band (gpointer user_data)
{
  Band *band = user_data;
  gsize row_len = (gsize) band->width * (band->opaque ? 3 : 4) + 1;
  int rows_per_strip = MAX (1, (int) (STRIP_BYTES / row_len));
  g_autofree guint8 *strip = g_malloc (row_len * rows_per_strip);
  guint8 chunk[64 * 1024];
  z_stream zs = { 0 };

  band->adler = adler32 (0, NULL, 0);
  if (deflateInit2 (&zs, Z_BEST_SPEED, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    {
      band->failed = TRUE;
      return NULL;
    }

  for (int y = 0; y < band->n_rows; y += rows_per_strip)
    {
      int n = MIN (rows_per_strip, band->n_rows - y);
      gboolean end = y + n >= band->n_rows;
      int flush = !end ? Z_NO_FLUSH : band->last ? Z_FINISH : Z_SYNC_FLUSH;
      int status;

      for (int r = 0; r < n; r++)
        {
          int row = band->first_row + y + r;
          const guint8 *in = band->data + (gsize) row * band->stride;
          guint8 *out = strip + row_len * r;

          /* A row like the one above (a bar's body, white space) is all
           * zeros under filter type 2, "up": nearly free to compress. */
          if (row > 0 && memcmp (in, in - band->stride, (gsize) band->width * 4) == 0)
            {
              out[0] = 2;
              memset (out + 1, 0, row_len - 1);
              band->adler = adler32_up_row (band->adler, row_len);
              continue;
            }
          if (!band->opaque)
            filter_row_rgba ((const guint32 *) in, out, band->width);
          else if ((filter_row_rgb ((const guint32 *) in, out, band->width) >> 24) != 0xff &&
                   band->check_alpha)
            {
              band->saw_alpha = TRUE;
              deflateEnd (&zs);
              return NULL;
            }
          band->adler = adler32 (band->adler, out, row_len);
        }
      band->raw_len += row_len * n;

      zs.next_in = strip;
      zs.avail_in = row_len * n;
      do
        {
          zs.next_out = chunk;
          zs.avail_out = sizeof chunk;
          status = deflate (&zs, flush);
          if (status == Z_STREAM_ERROR)
            {
              band->failed = TRUE;
              deflateEnd (&zs);
              return NULL;
            }
          g_byte_array_append (band->out, chunk, sizeof chunk - zs.avail_out);
        }
      while (zs.avail_out == 0 || zs.avail_in > 0);
    }
  deflateEnd (&zs);
  return NULL;
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
  /* zlib header: deflate, 32 KB window, fastest; 0x7801 is a multiple of 31 */
  static const guint8 zlib_header[2] = { 0x78, 0x01 };
  Band bands[MAX_THREADS];
  GThread *threads[MAX_THREADS] = { NULL };
  const guint8 *data;
  int stride, width, height, n_bands;
  gboolean opaque, rgb24, ok;
  g_autoptr(GByteArray) idat = NULL;
  guint8 ihdr[13], phys[9], trailer[4];
  guint32 per_metre;
  uLong adler;

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
  g_return_val_if_fail (width > 0 && height > 0, FALSE);   /* PNG has no empty image */

  /* Bands of rows, deflated side by side when the image is large enough to
   * be worth a thread. */
  n_bands = (gint64) width * height >= MIN_PARALLEL_PIXELS ? (int) g_get_num_processors () : 1;
  if (g_getenv ("FH_PNG_THREADS") != NULL)       /* for tests: every band count */
    n_bands = atoi (g_getenv ("FH_PNG_THREADS"));
  n_bands = CLAMP (n_bands, 1, MAX_THREADS);
  n_bands = MIN (n_bands, height);

  /* Charts are drawn on a white page: encode as RGB, and only if a band meets
   * a transparent pixel, start again as RGBA. RGB24's top byte is undefined:
   * such an image is opaque by definition. */
  rgb24 = cairo_image_surface_get_format (image) == CAIRO_FORMAT_RGB24;
  opaque = TRUE;
  for (int attempt = 0; attempt < 2; attempt++)
    {
      gboolean saw_alpha = FALSE;

      for (int b = 0; b < n_bands; b++)
        {
          int first = (int) ((gint64) height * b / n_bands);
          int next = (int) ((gint64) height * (b + 1) / n_bands);

          bands[b] = (Band) { data, stride, width, first, next - first, opaque,
                              opaque && !rgb24, FALSE, b == n_bands - 1,
                              g_byte_array_new (), 0, 0, FALSE };
        }
      for (int b = 1; b < n_bands; b++)
        threads[b] = g_thread_new ("fh-png", deflate_band, &bands[b]);
      deflate_band (&bands[0]);
      for (int b = 1; b < n_bands; b++)
        g_thread_join (threads[b]);

      for (int b = 0; b < n_bands; b++)
        saw_alpha |= bands[b].saw_alpha;
      if (!saw_alpha)
        break;
      for (int b = 0; b < n_bands; b++)
        g_byte_array_unref (bands[b].out);
      opaque = FALSE;
    }

  put_u32 (ihdr, width);
  put_u32 (ihdr + 4, height);
  ihdr[8] = 8;                        /* bits per sample */
  ihdr[9] = opaque ? 2 : 6;           /* RGB : RGBA */
  ihdr[10] = ihdr[11] = ihdr[12] = 0; /* deflate, adaptive filtering, no interlace */
  per_metre = (guint32) lround (dpi / 0.0254);
  put_u32 (phys, per_metre);
  put_u32 (phys + 4, per_metre);
  phys[8] = 1;                        /* unit: metre */

  ok = write_func (user_data, signature, sizeof signature) &&
       write_chunk (write_func, user_data, "IHDR", ihdr, sizeof ihdr) &&
       write_chunk (write_func, user_data, "pHYs", phys, sizeof phys) &&
       write_text (write_func, user_data, "Title", title) &&
       write_text (write_func, user_data, "Description", description) &&
       write_text (write_func, user_data, "Software", "Family Help Dashboard");

  adler = adler32 (0, NULL, 0);
  for (int b = 0; b < n_bands; b++)
    {
      ok = ok && !bands[b].failed;
      adler = adler32_combine (adler, bands[b].adler, (z_off_t) bands[b].raw_len);
    }
  put_u32 (trailer, (guint32) adler);

  /* One zlib stream: header, the bands in order, Adler-32; cut into IDATs. */
  idat = g_byte_array_sized_new (IDAT_SIZE + 8);
  g_byte_array_append (idat, zlib_header, 2);
  for (int b = 0; b < n_bands && ok; b++)
    {
      GByteArray *out = bands[b].out;

      for (gsize off = 0; off < out->len && ok; )
        {
          gsize n = MIN (out->len - off, IDAT_SIZE - idat->len);

          g_byte_array_append (idat, out->data + off, n);
          off += n;
          if (idat->len == IDAT_SIZE)
            {
              ok = write_chunk (write_func, user_data, "IDAT", idat->data, idat->len);
              g_byte_array_set_size (idat, 0);
            }
        }
    }
  g_byte_array_append (idat, trailer, 4);
  for (int b = 0; b < n_bands; b++)
    g_byte_array_unref (bands[b].out);

  if (!ok)
    {
      gboolean encoder_failed = FALSE;

      for (int b = 0; b < n_bands; b++)
        encoder_failed |= bands[b].failed;
      if (encoder_failed)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                             _("the image could not be compressed."));
      return FALSE;
    }
  return write_chunk (write_func, user_data, "IDAT", idat->data, idat->len) &&
         write_chunk (write_func, user_data, "IEND", NULL, 0);
}
