/* test-export.c — what the exported files hold, and that a failure leaves nothing behind
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PNG: chunks parsed and CRC-checked, the IDAT stream inflated by zlib (which
 * checks its Adler-32) to exactly the filtered rows, pHYs = DPI in pixels per
 * metre, pixel size = width_pt / 72 × dpi, pixels decoded by libpng equal to
 * the chart drawn in memory; so are noise, a skewed mix of bytes that needs
 * codes longer than deflate's 15 bits, and very wide, narrow and tall images.
 * SVG: well-formed XML with <title> and <desc>. PDF: pdftotext finds title
 * and caption, pdffonts says every font is embedded, pdfinfo has the title.
 * CSV: parsed back per RFC 4180 and compared with the chart's own model.
 * Failures (no folder, cancelled, a full tmpfs, a read-only folder): the
 * error names the file and the reason, the old file keeps its bytes and the
 * folder holds nothing new. The tmpfs cases need root (mount); else skipped.
 */
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "fh-atomic-file.h"
#include "fh-bar-chart.h"
#include "fh-chart-export.h"
#include "fh-line-chart.h"
#include "fh-map-chart.h"
#include "fh-scatter-chart.h"
#include "fh-png-writer.h"
#include "fh-svg-metadata.h"

static const char *title = "Demand is highest in “Aspley” & <Bulwell>";
static const char *caption = "Source: test data, 2025-26. c = 1 to 5, suppressed.";

static const char *labels[] = {
  "Aspley", "Bulwell", "Hyson Green & Arboretum", "Lenton, Wollaton East",
  "The \"Meadows\"", "St Ann’s", "Two\r\nlines", "Castle",
};
static const double values[] = { 3532.1, 3101.25, 2950, 1461.2, 2210.4, 2800, 1999.9, NAN };
#define N_BARS G_N_ELEMENTS (labels)
#define SUPPRESSED_BAR 3

static FhBarChart *
bar_chart (void)
{
  FhBarChart *chart = fh_bar_chart_new ();

  fh_chart_set_title (FH_CHART (chart), title);
  fh_chart_set_caption (FH_CHART (chart), caption);
  fh_chart_set_value_label (FH_CHART (chart), "Referrals per 10,000 children");
  fh_bar_chart_set_bars (chart, labels, values, N_BARS);
  fh_bar_chart_set_suppressed (chart, SUPPRESSED_BAR, TRUE);
  fh_bar_chart_set_sort_descending (chart, TRUE);
  return chart;
}

static char *
read_file (const char *path, gsize *len)
{
  char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, len, &error));
  g_assert_no_error (error);
  return contents;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Every name in @dir, sorted and joined by spaces. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (d == NULL)
    return g_strdup ("(no folder)");
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* ---- PNG ----------------------------------------------------------------- */

static guint32
crc32_of (const guint8 *data, gsize len, guint32 crc)
{
  crc = ~crc;
  for (gsize i = 0; i < len; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xEDB88320u & -(crc & 1));
    }
  return ~crc;
}

static guint32
get_u32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

typedef struct {
  guint32 width, height;
  guint8  color_type;
  guint32 phys_x, phys_y;
  guint8  phys_unit;
  char   *text_title;
  char   *text_description;
  GString *order;            /* chunk types in order, "IHDR pHYs …" */
  gsize    filtered_len;     /* bytes the IDAT stream inflates to */
} PngInfo;

static void
png_info_clear (PngInfo *info)
{
  g_free (info->text_title);
  g_free (info->text_description);
  g_string_free (info->order, TRUE);
}

/* Inflates the IDAT stream with zlib, which checks the Adler-32 and the end
 * of the stream, and checks that it holds every row with its filter byte. */
static gsize
inflate_idat (GByteArray *idat, const PngInfo *info)
{
  gsize bpp = info->color_type == 6 ? 4 : 3;
  gsize expected = (gsize) info->height * (info->width * bpp + 1);
  g_autofree guint8 *out = g_malloc (expected + 1);
  uLongf out_len = expected + 1;

  g_assert_cmpint (uncompress (out, &out_len, idat->data, idat->len), ==, Z_OK);
  g_assert_cmpuint (out_len, ==, expected);
  for (guint32 y = 0; y < info->height; y++)
    g_assert_cmpuint (out[y * (info->width * bpp + 1)], <=, 4);   /* a filter type */
  return out_len;
}

/* Walks the chunks, checking each CRC; fills @info. */
static void
parse_png (const guint8 *data, gsize len, PngInfo *info)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autoptr(GByteArray) idat = g_byte_array_new ();
  gsize pos = 8;

  memset (info, 0, sizeof *info);
  info->order = g_string_new (NULL);
  g_assert_cmpuint (len, >, 8);
  g_assert_cmpmem (data, 8, signature, 8);

  while (pos + 12 <= len)
    {
      guint32 n = get_u32 (data + pos);
      const guint8 *type = data + pos + 4, *body = data + pos + 8;
      guint32 crc;

      g_assert_cmpuint (pos + 12 + n, <=, len);
      crc = crc32_of (type, 4 + n, 0);
      g_assert_cmphex (crc, ==, get_u32 (body + n));
      g_string_append_printf (info->order, "%s%.4s", info->order->len ? " " : "", type);

      if (memcmp (type, "IHDR", 4) == 0)
        {
          g_assert_cmpuint (n, ==, 13);
          info->width = get_u32 (body);
          info->height = get_u32 (body + 4);
          g_assert_cmpuint (body[8], ==, 8);
          info->color_type = body[9];
        }
      else if (memcmp (type, "pHYs", 4) == 0)
        {
          g_assert_cmpuint (n, ==, 9);
          info->phys_x = get_u32 (body);
          info->phys_y = get_u32 (body + 4);
          info->phys_unit = body[8];
        }
      else if (memcmp (type, "iTXt", 4) == 0)
        {
          /* keyword NUL flag method language NUL translated NUL text */
          const char *keyword = (const char *) body;
          gsize k = strnlen (keyword, n);
          const guint8 *p = body + k + 3, *end = body + n;

          g_assert_cmpuint (body[k + 1], ==, 0);       /* not compressed */
          p = memchr (p, 0, end - p) + 1;               /* language tag */
          p = memchr (p, 0, end - p) + 1;               /* translated keyword */
          if (g_strcmp0 (keyword, "Title") == 0)
            info->text_title = g_strndup ((const char *) p, end - p);
          else if (g_strcmp0 (keyword, "Description") == 0)
            info->text_description = g_strndup ((const char *) p, end - p);
        }
      else if (memcmp (type, "IDAT", 4) == 0)
        g_byte_array_append (idat, body, n);
      pos += 12 + n;
    }
  g_assert_cmpuint (pos, ==, len);
  info->filtered_len = inflate_idat (idat, info);
}

typedef struct {
  const guint8 *data;
  gsize         len, pos;
} Reader;

static cairo_status_t
read_bytes (void *closure, unsigned char *out, unsigned int n)
{
  Reader *r = closure;

  if (r->pos + n > r->len)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (out, r->data + r->pos, n);
  r->pos += n;
  return CAIRO_STATUS_SUCCESS;
}

/* Decoded by libpng (through cairo), independently of our encoder. */
static cairo_surface_t *
decode_png (const guint8 *data, gsize len)
{
  Reader r = { data, len, 0 };
  cairo_surface_t *s = cairo_image_surface_create_from_png_stream (read_bytes, &r);

  g_assert_cmpint (cairo_surface_status (s), ==, CAIRO_STATUS_SUCCESS);
  return s;
}

static void
assert_same_pixels (cairo_surface_t *a, cairo_surface_t *b, int tolerance)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, w);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, h);
  cairo_surface_flush (a);
  cairo_surface_flush (b);
  for (int y = 0; y < h; y++)
    {
      const guint8 *ra = cairo_image_surface_get_data (a) + y * cairo_image_surface_get_stride (a);
      const guint8 *rb = cairo_image_surface_get_data (b) + y * cairo_image_surface_get_stride (b);

      if (tolerance == 0)
        {
          if (memcmp (ra, rb, (gsize) w * 4) != 0)
            g_error ("row %d differs", y);
          continue;
        }
      for (int i = 0; i < w * 4; i++)
        if (ABS ((int) ra[i] - (int) rb[i]) > tolerance)
          g_error ("pixel byte %d of row %d: %d against %d", i, y, ra[i], rb[i]);
    }
}

static void
test_png (void)
{
  g_autoptr(FhBarChart) chart = bar_chart ();
  g_autofree char *dir = g_dir_make_tmp ("fh-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
  static const double dpis[] = { 96, 150, 300, 72 };
  static const double sizes[][2] = { { 600, 400 }, { 595.28, 419.53 }, { 560, 480 }, { 500, 300 } };

  for (guint i = 0; i < G_N_ELEMENTS (dpis); i++)
    {
      double dpi = dpis[i], w = sizes[i][0], h = sizes[i][1];
      g_autoptr(GError) error = NULL;
      g_autofree guint8 *data = NULL;
      gsize len;
      PngInfo info;
      cairo_surface_t *decoded, *drawn;
      guint32 expected_w = (guint32) ceil (w / 72 * dpi - 1e-6);
      guint32 expected_h = (guint32) ceil (h / 72 * dpi - 1e-6);

      g_assert_true (fh_chart_export_png (FH_CHART (chart), path, w, h, dpi, &error));
      g_assert_no_error (error);
      data = (guint8 *) read_file (path, &len);
      parse_png (data, len, &info);

      g_assert_cmpuint (info.width, ==, expected_w);
      g_assert_cmpuint (info.height, ==, expected_h);
      g_assert_true (g_str_has_prefix (info.order->str, "IHDR pHYs "));
      g_assert_true (g_str_has_suffix (info.order->str, " IDAT IEND"));
      g_assert_cmpuint (info.phys_unit, ==, 1);                       /* metre */
      g_assert_cmpuint (info.phys_x, ==, (guint32) lround (dpi / 0.0254));
      g_assert_cmpuint (info.phys_y, ==, info.phys_x);
      g_assert_cmpuint (info.color_type, ==, 2);                      /* RGB: the page is opaque */
      g_assert_cmpstr (info.text_title, ==, title);
      g_assert_nonnull (strstr (info.text_description, caption));
      /* a word processor sizes the image from pHYs: back to the points asked for */
      g_assert_cmpfloat (fabs (info.width / (info.phys_x * 0.0254) * 72 - w), <, 72.0 / dpi + 0.5);

      /* what libpng decodes is exactly what the chart drew */
      decoded = decode_png (data, len);
      drawn = fh_chart_render_image (FH_CHART (chart), expected_w, expected_h, dpi / 72);
      assert_same_pixels (decoded, drawn, 0);
      cairo_surface_destroy (decoded);
      cairo_surface_destroy (drawn);
      png_info_clear (&info);
    }
  g_unlink (path);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static gboolean append_bytes (gpointer user_data, const guint8 *data, gsize len);

/* The image deflated in 1 to 4 bands (threads) is the same image. */
static void
test_png_bands (void)
{
  g_autoptr(FhBarChart) chart = bar_chart ();
  cairo_surface_t *drawn = fh_chart_render_image (FH_CHART (chart), 1001, 677, 1.7);
  gsize sizes[5] = { 0 };

  for (int n = 1; n <= 4; n++)
    {
      g_autofree char *value = g_strdup_printf ("%d", n);
      g_autoptr(GByteArray) bytes = g_byte_array_new ();
      g_autoptr(GError) error = NULL;
      cairo_surface_t *decoded;
      PngInfo info;

      g_setenv ("FH_PNG_THREADS", value, TRUE);
      g_assert_true (fh_png_write (drawn, 122.4, "t", NULL, append_bytes, bytes, &error));
      g_assert_no_error (error);
      parse_png (bytes->data, bytes->len, &info);
      g_assert_cmpuint (info.width, ==, 1001);
      g_assert_cmpuint (info.phys_x, ==, 4819);     /* 122.4 / 0.0254 = 4818.9 */
      decoded = decode_png (bytes->data, bytes->len);
      assert_same_pixels (decoded, drawn, 0);
      cairo_surface_destroy (decoded);
      png_info_clear (&info);
      sizes[n] = bytes->len;
    }
  g_unsetenv ("FH_PNG_THREADS");
  /* each band has its own blocks and codes: a little bigger or smaller, no more */
  for (int n = 2; n <= 4; n++)
    {
      g_assert_cmpuint (sizes[n], <, sizes[1] * 11 / 10);
      g_assert_cmpuint (sizes[n], >, sizes[1] * 9 / 10);
    }
  cairo_surface_destroy (drawn);
}

static gboolean
append_bytes (gpointer user_data, const guint8 *data, gsize len)
{
  g_byte_array_append (user_data, data, len);
  return TRUE;
}

/* An image with transparency is written as straight-alpha RGBA. */
static void
test_png_alpha (void)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 61, 33);
  cairo_t *cr = cairo_create (image);
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  cairo_surface_t *decoded;
  PngInfo info;

  cairo_set_source_rgba (cr, 0.2, 0.5, 0.9, 0.5);
  cairo_arc (cr, 30, 16, 14, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_set_source_rgba (cr, 1, 0.1, 0, 1);
  cairo_rectangle (cr, 0, 0, 10, 10);
  cairo_fill (cr);
  cairo_destroy (cr);

  g_assert_true (fh_png_write (image, 144, NULL, NULL, append_bytes, bytes, &error));
  g_assert_no_error (error);
  parse_png (bytes->data, bytes->len, &info);
  g_assert_cmpuint (info.color_type, ==, 6);
  g_assert_cmpuint (info.phys_x, ==, 5669);     /* 144 / 0.0254 */
  g_assert_null (info.text_title);
  decoded = decode_png (bytes->data, bytes->len);
  /* premultiplied → straight → premultiplied loses at most a step */
  assert_same_pixels (decoded, image, 1);
  cairo_surface_destroy (decoded);
  cairo_surface_destroy (image);
  png_info_clear (&info);

  /* opaque but for a few transparent black pixels (0x00000000, the value
   * left of a row's first pixel) at the start of one row */
  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 40, 20);
  cr = cairo_create (image);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_rectangle (cr, 0, 7, 5, 1);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_byte_array_set_size (bytes, 0);
  g_assert_true (fh_png_write (image, 96, NULL, NULL, append_bytes, bytes, &error));
  parse_png (bytes->data, bytes->len, &info);
  g_assert_cmpuint (info.color_type, ==, 6);
  decoded = decode_png (bytes->data, bytes->len);
  assert_same_pixels (decoded, image, 0);
  cairo_surface_destroy (decoded);
  cairo_surface_destroy (image);
  png_info_clear (&info);
}

/* Encodes @image (opaque) in one band and in three, and checks that libpng
 * decodes exactly its pixels; returns the size of the one-band PNG. */
static gsize
assert_round_trip (cairo_surface_t *image)
{
  gsize size = 0;

  for (int n = 1; n <= 3; n += 2)
    {
      g_autofree char *value = g_strdup_printf ("%d", n);
      g_autoptr(GByteArray) bytes = g_byte_array_new ();
      g_autoptr(GError) error = NULL;
      cairo_surface_t *decoded;
      PngInfo info;

      g_setenv ("FH_PNG_THREADS", value, TRUE);
      g_assert_true (fh_png_write (image, 96, NULL, NULL, append_bytes, bytes, &error));
      g_assert_no_error (error);
      parse_png (bytes->data, bytes->len, &info);
      g_assert_cmpuint (info.width, ==, cairo_image_surface_get_width (image));
      g_assert_cmpuint (info.height, ==, cairo_image_surface_get_height (image));
      g_assert_cmpuint (info.color_type, ==, 2);
      decoded = decode_png (bytes->data, bytes->len);
      assert_same_pixels (decoded, image, 0);
      cairo_surface_destroy (decoded);
      png_info_clear (&info);
      if (n == 1)
        size = bytes->len;
    }
  g_unsetenv ("FH_PNG_THREADS");
  return size;
}

static cairo_surface_t *
opaque_image (int width, int height)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

  g_assert_cmpint (cairo_image_surface_get_stride (image), ==, width * 4);
  return image;
}

/* What a chart never has, so the encoder's rare paths are tried: every
 * byte different (all literals, a Huffman code over all 256 values), byte
 * frequencies so skewed that optimal codes are 18 bits long and must be cut
 * to deflate's 15, a row of 20,000 pixels (more symbols
 * than a block usually holds), copies from a row back at deflate's longest
 * distance, one pixel wide, one row high, and a long flat
 * image (runs of zeros far longer than a copy's 258 bytes, many blocks). */
static void
test_png_hard_images (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  cairo_surface_t *image;
  guint32 *px;
  gsize size;

  /* noise: incompressible, so about its raw size (3 bytes a pixel) */
  image = opaque_image (301, 157);
  px = (guint32 *) cairo_image_surface_get_data (image);
  for (int i = 0; i < 301 * 157; i++)
    px[i] = 0xff000000u | (g_rand_int (rand) & 0xffffff);
  cairo_surface_mark_dirty (image);
  size = assert_round_trip (image);
  g_assert_cmpuint (size, >, 301 * 157 * 3);
  g_assert_cmpuint (size, <, 301 * 157 * 3 * 21 / 20);
  cairo_surface_destroy (image);

  /* skewed frequencies: the delta 19 - k appears f(k) times, f = 1, 1, 3,
   * 5, 9… (each more than the two before together, so that no tie lets the
   * tree stay shallow: optimal codes up to 18 bits), shuffled; 1, also
   * every row's filter type, the most often; the rest of the image is 1s;
   * each pixel is its left neighbour plus the next three deltas */
  {
    g_autoptr(GArray) deltas = g_array_new (FALSE, FALSE, 1);
    guint32 f0 = 1, f1 = 1;
    int w = 123, h, k = 0;

    for (guint8 v = 18; v >= 1; v--)
      {
        guint32 f = f0;

        for (guint32 i = 0; i < f; i++)
          g_array_append_val (deltas, v);
        f0 = f1;
        f1 += f + 1;
      }
    h = (deltas->len + w * 3 - 1) / (w * 3);
    while (deltas->len < (guint) (w * h * 3))
      {
        guint8 one = 1;
        g_array_append_val (deltas, one);
      }
    for (guint i = deltas->len - 1; i > 0; i--)
      {
        guint j = g_rand_int_range (rand, 0, i + 1);
        guint8 t = deltas->data[i];

        deltas->data[i] = deltas->data[j];
        deltas->data[j] = t;
      }
    image = opaque_image (w, h);
    px = (guint32 *) cairo_image_surface_get_data (image);
    for (int y = 0; y < h; y++)
      {
        guint8 r = 0, g = 0, b = 0;

        for (int x = 0; x < w; x++, k += 3)
          {
            r += (guint8) deltas->data[k];
            g += (guint8) deltas->data[k + 1];
            b += (guint8) deltas->data[k + 2];
            px[y * w + x] = 0xff000000u | (guint32) r << 16 | (guint32) g << 8 | b;
          }
      }
    cairo_surface_mark_dirty (image);
    /* about 2.5 bits a byte (the entropy): far below 8, so the codes fit */
    size = assert_round_trip (image);
    g_assert_cmpuint (size, <, (gsize) w * h * 3 / 2);
    cairo_surface_destroy (image);
  }

  /* 20,000 pixels wide, stripes of noise and flat colour */
  image = opaque_image (20000, 5);
  px = (guint32 *) cairo_image_surface_get_data (image);
  for (int i = 0; i < 20000 * 5; i++)
    px[i] = (i / 700) % 2 ? 0xff000000u | (g_rand_int (rand) & 0xffffff) : 0xff336699u;
  cairo_surface_mark_dirty (image);
  assert_round_trip (image);
  cairo_surface_destroy (image);

  /* rows that differ only in their first 50 pixels, the rest noise the
   * same in every row: copied from a row back, at the longest distance
   * deflate allows (32,767 bytes: 10,922 pixels and the filter byte), so the
   * image costs about one row of noise, not six */
  {
    const int w = 10922, h = 6;
    g_autofree guint32 *noise = g_new (guint32, w);

    for (int x = 0; x < w; x++)
      noise[x] = 0xff000000u | (g_rand_int (rand) & 0xffffff);
    image = opaque_image (w, h);
    px = (guint32 *) cairo_image_surface_get_data (image);
    for (int y = 0; y < h; y++)
      for (int x = 0; x < w; x++)
        px[y * w + x] = x < 50 ? 0xff000000u | (g_rand_int (rand) & 0xffffff) : noise[x];
    cairo_surface_mark_dirty (image);
    size = assert_round_trip (image);
    g_assert_cmpuint (size, <, (gsize) w * 3 * 3 / 2);
    cairo_surface_destroy (image);
  }

  /* one pixel wide, and one row high */
  image = opaque_image (1, 300);
  px = (guint32 *) cairo_image_surface_get_data (image);
  for (int i = 0; i < 300; i++)
    px[i] = 0xff000000u | (i % 7 == 0 ? g_rand_int (rand) & 0xffffff : 0xffffff);
  cairo_surface_mark_dirty (image);
  assert_round_trip (image);
  cairo_surface_destroy (image);
  image = opaque_image (999, 1);
  px = (guint32 *) cairo_image_surface_get_data (image);
  for (int i = 0; i < 999; i++)
    px[i] = i < 500 ? 0xffffffffu : 0xff000000u | (guint32) i;
  cairo_surface_mark_dirty (image);
  assert_round_trip (image);
  cairo_surface_destroy (image);

  /* flat, with a dot every 97 rows: 2,000 × 3,000 in a few KB */
  image = opaque_image (2000, 3000);
  px = (guint32 *) cairo_image_surface_get_data (image);
  for (int i = 0; i < 2000 * 3000; i++)
    px[i] = (i / 2000) % 97 == 0 && i % 2000 == 1234 ? 0xff000000u : 0xfff0f0f0u;
  cairo_surface_mark_dirty (image);
  size = assert_round_trip (image);
  g_assert_cmpuint (size, <, 40 * 1024);
  cairo_surface_destroy (image);
}

/* ---- SVG ----------------------------------------------------------------- */

typedef struct {
  int      depth;
  GString *element_path;
  char    *title;
  char    *desc;
  char    *root;
  char    *role;
} SvgScan;

static void
on_start (GMarkupParseContext *ctx, const char *name, const char **attr_names,
          const char **attr_values, gpointer data, GError **error)
{
  SvgScan *scan = data;

  if (scan->depth == 0)
    {
      scan->root = g_strdup (name);
      for (guint i = 0; attr_names[i]; i++)
        if (g_str_equal (attr_names[i], "role"))
          scan->role = g_strdup (attr_values[i]);
    }
  scan->depth++;
}

static void
on_end (GMarkupParseContext *ctx, const char *name, gpointer data, GError **error)
{
  ((SvgScan *) data)->depth--;
}

static void
on_text (GMarkupParseContext *ctx, const char *text, gsize len, gpointer data, GError **error)
{
  SvgScan *scan = data;
  const char *element = g_markup_parse_context_get_element (ctx);

  /* only the root's own <title> and <desc> name the picture */
  if (scan->depth != 2)
    return;
  if (g_strcmp0 (element, "title") == 0 && scan->title == NULL)
    scan->title = g_strndup (text, len);
  else if (g_strcmp0 (element, "desc") == 0 && scan->desc == NULL)
    scan->desc = g_strndup (text, len);
}

static gboolean
run (const char * const *argv, char **out, GError **error)
{
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, out, NULL, &status, error))
    return FALSE;
  return g_spawn_check_wait_status (status, error);
}

static void
test_svg (void)
{
  g_autoptr(FhBarChart) chart = bar_chart ();
  g_autofree char *dir = g_dir_make_tmp ("fh-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "chart.svg", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  GMarkupParser parser = { on_start, on_end, on_text, NULL, NULL };
  SvgScan scan = { 0 };
  GMarkupParseContext *ctx;
  gsize len;

  g_assert_true (fh_chart_export_svg (FH_CHART (chart), path, 600, 400, &error));
  g_assert_no_error (error);
  svg = read_file (path, &len);
  g_assert_true (g_str_has_prefix (svg, "<?xml"));

  /* GMarkup rejects what is not well-formed; the <?xml?> prolog is passed over */
  ctx = g_markup_parse_context_new (&parser, 0, &scan, NULL);
  g_assert_true (g_markup_parse_context_parse (ctx, svg, len, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (ctx, &error));
  g_assert_no_error (error);
  g_markup_parse_context_free (ctx);

  g_assert_cmpstr (scan.root, ==, "svg");
  g_assert_cmpstr (scan.role, ==, "img");
  g_assert_cmpstr (scan.title, ==, title);          /* “&” and “<>” escaped and read back */
  g_assert_nonnull (scan.desc);
  g_assert_nonnull (strstr (scan.desc, caption));
  g_assert_nonnull (strstr (scan.desc, "1 suppressed (c = 1 to 5"));
  /* <title> is the root's first child, as SVG 1.1 asks */
  g_assert_nonnull (strstr (svg, "version=\"1.1\" role=\"img\">\n<title>"));

  if (xmllint != NULL)
    {
      const char *argv[] = { "xmllint", "--noout", path, NULL };
      g_assert_true (run (argv, NULL, &error));
      g_assert_no_error (error);
    }
  else
    g_test_message ("xmllint not installed: checked with GMarkup only");

  g_free (scan.title); g_free (scan.desc); g_free (scan.root); g_free (scan.role);
  g_unlink (path);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_svg_escaping (void)
{
  g_autoptr(GString) svg = g_string_new ("<?xml version=\"1.0\"?>\n<svg width=\"1pt\">\n</svg>\n");

  g_assert_true (fh_svg_add_title (svg, "a & b < c > \"d\"\x01", "line 1\nline 2 ]]>"));
  g_assert_cmpstr (svg->str, ==,
                   "<?xml version=\"1.0\"?>\n<svg width=\"1pt\" role=\"img\">\n"
                   "<title>a &amp; b &lt; c &gt; &quot;d&quot; </title>\n"
                   "<desc>line 1\nline 2 ]]&gt;</desc>\n</svg>\n");
}

/* ---- PDF ----------------------------------------------------------------- */

static char *
squash_spaces (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\r\n\f", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; words[i]; i++)
    if (*words[i])
      g_string_append_printf (out, "%s%s", out->len ? " " : "", words[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_pdf (void)
{
  g_autoptr(FhBarChart) chart = bar_chart ();
  g_autofree char *dir = g_dir_make_tmp ("fh-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL, *flat = NULL, *fonts = NULL, *info = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_fonts = 0;

  g_assert_true (fh_chart_export_pdf (FH_CHART (chart), path, 600, 400, &error));
  g_assert_no_error (error);

  if (pdftotext == NULL)
    {
      g_unlink (path);
      g_rmdir (dir);
      g_test_skip ("pdftotext is not installed (Debian: poppler-utils)");
      return;
    }

  {
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
    g_assert_true (run (argv, &text, &error));
    g_assert_no_error (error);
  }
  flat = squash_spaces (text);
  g_assert_nonnull (strstr (flat, title));
  g_assert_nonnull (strstr (flat, caption));
  g_assert_nonnull (strstr (flat, "Hyson Green & Arboretum"));

  {
    const char *argv[] = { "pdffonts", path, NULL };
    g_assert_true (run (argv, &fonts, &error));
    g_assert_no_error (error);
  }
  /* name type encoding emb sub uni object-id: "emb" is the fifth from the end */
  lines = g_strsplit (fonts, "\n", -1);
  for (guint i = 2; lines[i]; i++)
    {
      g_auto(GStrv) cols = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      g_autoptr(GPtrArray) words = g_ptr_array_new ();

      for (guint k = 0; cols[k]; k++)
        if (*cols[k])
          g_ptr_array_add (words, cols[k]);
      if (words->len < 6)
        continue;
      g_assert_cmpstr (g_ptr_array_index (words, words->len - 5), ==, "yes");
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >, 0);

  {
    const char *argv[] = { "pdfinfo", "-enc", "UTF-8", path, NULL };
    g_autoptr(GHashTable) fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    g_auto(GStrv) info_lines = NULL;

    g_assert_true (run (argv, &info, &error));
    g_assert_no_error (error);
    info_lines = g_strsplit (info, "\n", -1);
    for (guint i = 0; info_lines[i]; i++)
      {
        char *colon = strchr (info_lines[i], ':');
        if (colon != NULL && !g_ascii_isspace (info_lines[i][0]))
          g_hash_table_insert (fields, g_strndup (info_lines[i], colon - info_lines[i]),
                               g_strstrip (g_strdup (colon + 1)));
      }
    g_assert_cmpstr (g_hash_table_lookup (fields, "Title"), ==, title);
    g_assert_cmpstr (g_hash_table_lookup (fields, "Pages"), ==, "1");
    g_assert_cmpstr (g_hash_table_lookup (fields, "Page size"), ==, "600 x 400 pts");
    /* the Title is the title; the Subject the summary sentence */
    g_assert_true (g_str_has_prefix (g_hash_table_lookup (fields, "Subject"), "Highest in "));
  }

  g_unlink (path);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* ---- CSV ----------------------------------------------------------------- */

/* RFC 4180: records end in CRLF; a field is quoted when it holds a comma, a
 * quote or a line break, and a quote inside is doubled. Returns rows of
 * fields, or fails the test on anything malformed. */
static GPtrArray *
parse_csv (const char *csv)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = csv;

  while (*p)
    {
      if (*p == '"')
        {
          for (p++; ; p++)
            {
              g_assert_true (*p != '\0');                /* unterminated quote */
              if (*p == '"' && p[1] == '"')
                g_string_append_c (field, *p++);
              else if (*p == '"')
                break;
              else
                g_string_append_c (field, *p);
            }
          p++;
          g_assert_true (*p == ',' || (p[0] == '\r' && p[1] == '\n'));
        }
      else
        {
          while (*p && *p != ',' && *p != '\r')
            {
              g_assert_true (*p != '"' && *p != '\n');   /* must have been quoted */
              g_string_append_c (field, *p++);
            }
        }

      g_ptr_array_add (fields, g_strdup (field->str));
      g_string_truncate (field, 0);
      if (*p == ',')
        p++;
      else
        {
          g_assert_true (p[0] == '\r' && p[1] == '\n');  /* every record ends in CRLF */
          p += 2;
          g_ptr_array_add (fields, NULL);
          g_ptr_array_add (rows, g_strdupv ((char **) fields->pdata));
          g_ptr_array_set_size (fields, 0);
        }
    }
  g_assert_cmpuint (fields->len, ==, 0);
  return rows;
}

static void
test_csv_bar (void)
{
  g_autoptr(FhBarChart) chart = bar_chart ();
  g_autofree char *dir = g_dir_make_tmp ("fh-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "chart.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL, *model_csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gsize len;

  g_assert_true (fh_chart_export_csv (FH_CHART (chart), path, &error));
  g_assert_no_error (error);
  csv = read_file (path, &len);
  g_assert_true (g_utf8_validate (csv, len, NULL));
  model_csv = fh_chart_to_csv (FH_CHART (chart));
  g_assert_cmpstr (csv, ==, model_csv);
  rows = parse_csv (csv);

  g_assert_cmpuint (rows->len, ==, N_BARS + 1);
  g_assert_cmpstr (((char **) rows->pdata[0])[0], ==, "Name");
  g_assert_cmpstr (((char **) rows->pdata[0])[1], ==, "Referrals per 10,000 children");
  /* a suppressed bar: a last "Note" column (fh_csv_append_note()) */
  g_assert_cmpuint (g_strv_length (rows->pdata[0]), ==, 3);
  g_assert_cmpstr (((char **) rows->pdata[0])[2], ==, "Note");

  /* the chart's own model: each bar as laid out for drawing, in whatever order */
  cairo_surface_destroy (fh_chart_render_image (FH_CHART (chart), 600, 400, 1));
  g_assert_cmpuint (fh_bar_chart_get_n_bars (chart), ==, N_BARS);
  for (guint i = 0; i < N_BARS; i++)
    {
      FhChartBar bar;
      char **row;

      g_assert_true (fh_bar_chart_get_bar (chart, i, &bar));
      row = rows->pdata[bar.index + 1];
      g_assert_cmpuint (g_strv_length (row), ==, 3);
      g_assert_cmpstr (row[2], ==, bar.suppressed ? "c = 1 to 5, suppressed" : "");
      g_assert_cmpstr (row[0], ==, bar.label);
      g_assert_cmpstr (row[0], ==, labels[bar.index]);
      if (bar.suppressed)
        {
          g_assert_cmpuint (bar.index, ==, SUPPRESSED_BAR);
          g_assert_cmpstr (row[1], ==, "c");
        }
      else if (bar.no_data)
        {
          g_assert_true (isnan (values[bar.index]));
          g_assert_cmpstr (row[1], ==, "");
        }
      else
        {
          char *end = NULL;
          double v = g_ascii_strtod (row[1], &end);

          g_assert_true (*end == '\0');
          g_assert_cmpfloat_with_epsilon (v, bar.value, 0.05 + 1e-9);
          g_assert_cmpfloat_with_epsilon (v, values[bar.index], 0.05 + 1e-9);
        }
    }
  g_unlink (path);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_csv_map (void)
{
  g_autoptr(FhMapChart) map = fh_map_chart_new ();
  g_autofree char *dir = g_dir_make_tmp ("fh-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "map.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  fh_chart_set_title (FH_CHART (map), title);
  fh_chart_set_value_label (FH_CHART (map), "Rate, per 10,000");
  for (guint i = 0; i < N_BARS; i++)
    {
      g_autofree char *code = g_strdup_printf ("E0501227%u", i);
      fh_map_chart_add_ward (map, code, labels[i], values[i], NULL, -1.2 + i * 0.01, 52.95);
    }
  g_assert_true (fh_chart_export_csv (FH_CHART (map), path, &error));
  g_assert_no_error (error);
  csv = read_file (path, NULL);
  rows = parse_csv (csv);

  g_assert_cmpuint (rows->len, ==, fh_map_chart_get_n_wards (map) + 1);
  g_assert_cmpstr (((char **) rows->pdata[0])[2], ==, "Rate, per 10,000");
  for (guint i = 0; i < fh_map_chart_get_n_wards (map); i++)
    {
      char **row = rows->pdata[i + 1];
      FhMapWard ward;

      g_assert_true (fh_map_chart_get_ward (map, i, &ward));
      g_assert_cmpuint (g_strv_length (row), ==, 3);
      g_assert_cmpstr (row[0], ==, ward.code);
      g_assert_cmpstr (row[1], ==, ward.name);
      if (isnan (ward.value))
        g_assert_cmpstr (row[2], ==, "");
      else
        g_assert_cmpfloat_with_epsilon (g_ascii_strtod (row[2], NULL), ward.value, 0.05 + 1e-9);
    }
  g_unlink (path);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The line chart: a month column, one per series, low and high for a band;
 * every figure as given (to one decimal), gaps empty. */
static void
test_csv_line (void)
{
  g_autoptr(FhLineChart) chart = fh_line_chart_new ();
  g_autofree char *dir = g_dir_make_tmp ("fh-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "line.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  double actual[14], forecast[4], low[4], high[4];

  for (guint i = 0; i < 14; i++)
    actual[i] = i == 6 ? NAN : 300 + i * 7.25;
  for (guint i = 0; i < 4; i++)
    {
      forecast[i] = 400 + i;
      low[i] = 380 - i * 2.5;
      high[i] = 420 + i * 2.5;
    }
  fh_chart_set_title (FH_CHART (chart), title);
  fh_line_chart_set_first_month (chart, 2025, 11);
  fh_line_chart_add_series (chart, "Referrals, all", 0, actual, 14, 0, FH_LINE_SOLID);
  fh_line_chart_add_band (chart, "80% \"likely\"", 14, low, high, 4, 0);
  fh_line_chart_add_series (chart, "Forecast", 14, forecast, 4, 0, FH_LINE_DASHED);

  g_assert_true (fh_chart_export_csv (FH_CHART (chart), path, &error));
  g_assert_no_error (error);
  csv = read_file (path, NULL);
  rows = parse_csv (csv);

  g_assert_cmpuint (rows->len, ==, 18 + 1);
  {
    /* the series in whatever order the chart keeps them (bands are drawn first) */
    char **header = rows->pdata[0];
    int c_actual = -1, c_low = -1, c_high = -1, c_forecast = -1;

    g_assert_cmpuint (g_strv_length (header), ==, 5);
    g_assert_cmpstr (header[0], ==, "Month");
    for (int c = 1; c < 5; c++)
      {
        if (g_str_equal (header[c], "Referrals, all")) c_actual = c;
        if (g_str_equal (header[c], "80% \"likely\" (low)")) c_low = c;
        if (g_str_equal (header[c], "80% \"likely\" (high)")) c_high = c;
        if (g_str_equal (header[c], "Forecast")) c_forecast = c;
      }
    g_assert_true (c_actual > 0 && c_low > 0 && c_high == c_low + 1 && c_forecast > 0);

    for (guint m = 0; m < 18; m++)
      {
        char **row = rows->pdata[m + 1];
        g_autofree char *month = g_strdup_printf ("%04u-%02u", 2025 + (10 + m) / 12, (10 + m) % 12 + 1);

        g_assert_cmpuint (g_strv_length (row), ==, 5);
        g_assert_cmpstr (row[0], ==, month);
        if (m < 14 && !isnan (actual[m]))
          g_assert_cmpfloat_with_epsilon (g_ascii_strtod (row[c_actual], NULL), actual[m], 0.05 + 1e-9);
        else
          g_assert_cmpstr (row[c_actual], ==, "");
        if (m >= 14)
          {
            g_assert_cmpfloat_with_epsilon (g_ascii_strtod (row[c_low], NULL), low[m - 14], 0.05 + 1e-9);
            g_assert_cmpfloat_with_epsilon (g_ascii_strtod (row[c_high], NULL), high[m - 14], 0.05 + 1e-9);
            g_assert_cmpfloat_with_epsilon (g_ascii_strtod (row[c_forecast], NULL), forecast[m - 14], 0.05 + 1e-9);
          }
        else
          {
            g_assert_cmpstr (row[c_low], ==, "");
            g_assert_cmpstr (row[c_high], ==, "");
            g_assert_cmpstr (row[c_forecast], ==, "");
          }
      }
  }
  g_unlink (path);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_csv_scatter (void)
{
  g_autoptr(FhScatterChart) chart = fh_scatter_chart_new ();
  g_autofree char *dir = g_dir_make_tmp ("fh-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "scatter.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  fh_chart_set_title (FH_CHART (chart), title);
  fh_scatter_chart_set_axes (chart, "IMD 2019, average score", "Referrals per 10,000");
  for (guint i = 0; i < N_BARS; i++)
    {
      g_autofree char *id = g_strdup_printf ("W%u", i);
      fh_scatter_chart_add_point (chart, id, labels[i], 10 + i * 3.5, isnan (values[i]) ? 1000 : values[i]);
    }
  g_assert_true (fh_chart_export_csv (FH_CHART (chart), path, &error));
  g_assert_no_error (error);
  csv = read_file (path, NULL);
  rows = parse_csv (csv);

  g_assert_cmpuint (rows->len, ==, N_BARS + 1);
  g_assert_cmpstr (((char **) rows->pdata[0])[1], ==, "IMD 2019, average score");
  g_assert_cmpstr (((char **) rows->pdata[0])[2], ==, "Referrals per 10,000");
  for (guint i = 0; i < N_BARS; i++)
    {
      char **row = rows->pdata[i + 1];

      g_assert_cmpuint (g_strv_length (row), ==, 3);
      g_assert_cmpstr (row[0], ==, labels[i]);
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (row[1], NULL), 10 + i * 3.5, 0.05 + 1e-9);
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (row[2], NULL),
                                      isnan (values[i]) ? 1000 : values[i], 0.05 + 1e-9);
    }
  g_unlink (path);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* ---- failures ------------------------------------------------------------ */

static const FhChartFormat all_formats[] = {
  FH_CHART_FORMAT_PNG, FH_CHART_FORMAT_SVG, FH_CHART_FORMAT_PDF, FH_CHART_FORMAT_CSV,
};

static const char old_bytes[] = "the previous good export, which must survive\n";

static char *
write_old_file (const char *dir, FhChartFormat format)
{
  g_autofree char *name = g_strdup_printf ("chart.%s", fh_chart_format_get_extension (format));
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, old_bytes, -1, NULL));
  return path;
}

typedef struct {
  gboolean  ok;
  GError   *error;
  char     *contents;
  char     *listing;
} Outcome;

static void
outcome_clear (Outcome *o)
{
  g_clear_error (&o->error);
  g_free (o->contents);
  g_free (o->listing);
}

/* Exports over @path (300 dpi for PNG, so it is large) and records what is left. */
static void
export_over (FhChart *chart, FhChartFormat format, const char *path, GCancellable *cancellable,
             Outcome *o)
{
  g_autofree char *dir = g_path_get_dirname (path);

  memset (o, 0, sizeof *o);
  o->ok = fh_chart_export (chart, format, path, 600, 400, 300, cancellable, &o->error);
  g_file_get_contents (path, &o->contents, NULL, NULL);
  o->listing = list_dir (dir);
}

static void
assert_nothing_left (Outcome *o, const char *path, const char *expected_listing,
                     GIOErrorEnum code, const char *reason)
{
  g_autofree char *name = g_filename_display_name (path);

  g_assert_false (o->ok);
  g_assert_error (o->error, G_IO_ERROR, (int) code);
  g_test_message ("%s", o->error->message);
  g_assert_nonnull (strstr (o->error->message, name));
  g_assert_nonnull (strstr (o->error->message, reason));
  g_assert_cmpstr (o->contents, ==, old_bytes);          /* the old file untouched */
  g_assert_cmpstr (o->listing, ==, expected_listing);    /* no temporary file */
}

static void
test_missing_folder (void)
{
  g_autoptr(FhBarChart) chart = bar_chart ();
  g_autofree char *dir = g_dir_make_tmp ("fh-export-XXXXXX", NULL);
  g_autofree char *gone = g_build_filename (dir, "gone", NULL);

  for (guint f = 0; f < G_N_ELEMENTS (all_formats); f++)
    {
      g_autofree char *path = g_strdup_printf ("%s/chart.%s", gone,
                                               fh_chart_format_get_extension (all_formats[f]));
      g_autoptr(GError) error = NULL;
      g_autofree char *listing = NULL;

      g_assert_false (fh_chart_export (FH_CHART (chart), all_formats[f], path, 600, 400, 96,
                                       NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
      g_assert_nonnull (strstr (error->message, path));
      g_assert_nonnull (strstr (error->message, "does not exist"));
      listing = list_dir (dir);
      g_assert_cmpstr (listing, ==, "");
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_cancelled (void)
{
  g_autoptr(FhBarChart) chart = bar_chart ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dir = g_dir_make_tmp ("fh-export-XXXXXX", NULL);

  g_cancellable_cancel (cancellable);
  for (guint f = 0; f < G_N_ELEMENTS (all_formats); f++)
    {
      g_autofree char *path = write_old_file (dir, all_formats[f]);
      g_autofree char *expected = g_path_get_basename (path);
      Outcome o;

      export_over (FH_CHART (chart), all_formats[f], path, cancellable, &o);
      assert_nothing_left (&o, path, expected, G_IO_ERROR_CANCELLED, "cancelled");
      outcome_clear (&o);
      g_unlink (path);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A replaced file keeps its permissions, and the new one is complete. */
static void
test_replace_keeps_mode (void)
{
  g_autoptr(FhBarChart) chart = bar_chart ();
  g_autofree char *dir = g_dir_make_tmp ("fh-export-XXXXXX", NULL);

  for (guint f = 0; f < G_N_ELEMENTS (all_formats); f++)
    {
      g_autofree char *path = write_old_file (dir, all_formats[f]);
      g_autofree char *expected = g_path_get_basename (path);
      g_autoptr(GError) error = NULL;
      g_autofree char *listing = NULL, *contents = NULL;
      GStatBuf st;

      g_assert_cmpint (g_chmod (path, 0640), ==, 0);
      g_assert_true (fh_chart_export (FH_CHART (chart), all_formats[f], path, 600, 400, 96,
                                      NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0640);
      contents = read_file (path, NULL);
      g_assert_cmpstr (contents, !=, old_bytes);
      listing = list_dir (dir);
      g_assert_cmpstr (listing, ==, expected);
      g_unlink (path);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static gboolean
mount_tmpfs (const char *dir, const char *options)
{
  const char *argv[] = { "mount", "-t", "tmpfs", "-o", options, "tmpfs", dir, NULL };
  g_autoptr(GError) error = NULL;

  if (geteuid () != 0)
    return FALSE;
  if (!run (argv, NULL, &error))
    {
      g_test_message ("mount: %s", error->message);
      return FALSE;
    }
  return TRUE;
}

static void
unmount (const char *dir)
{
  const char *argv[] = { "umount", dir, NULL };
  g_autoptr(GError) error = NULL;

  if (!run (argv, NULL, &error))
    g_error ("could not unmount %s: %s", dir, error->message);
}

/* Fills the filesystem at @dir with one file, then frees @leave bytes of it. */
static void
fill_up (const char *dir, gsize leave)
{
  g_autofree char *filler = g_build_filename (dir, "filler", NULL);
  static const char block[4096] = { 0 };
  int fd = g_open (filler, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  off_t size = 0;

  g_assert_cmpint (fd, >=, 0);
  for (;;)
    {
      gssize n = write (fd, block, sizeof block);
      if (n <= 0)
        {
          g_assert_cmpint (errno, ==, ENOSPC);
          break;
        }
      size += n;
    }
  g_assert_cmpint (ftruncate (fd, size > (off_t) leave ? size - (off_t) leave : 0), ==, 0);
  close (fd);
}

static void
test_full_disk (void)
{
  g_autoptr(FhBarChart) chart = bar_chart ();
  g_autofree char *dir = g_dir_make_tmp ("fh-export-full-XXXXXX", NULL);
  /* nothing free, and a little free: a partial write must not survive either */
  static const gsize leaves[] = { 0, 8192 };
  Outcome outcomes[G_N_ELEMENTS (leaves)][G_N_ELEMENTS (all_formats)];
  char *paths[G_N_ELEMENTS (all_formats)];

  if (!mount_tmpfs (dir, "size=64k"))
    {
      g_rmdir (dir);
      g_test_skip ("a full disk is simulated with a 64 KB tmpfs, which needs root and mount");
      return;
    }

  memset (outcomes, 0, sizeof outcomes);
  for (guint l = 0; l < G_N_ELEMENTS (leaves); l++)
    for (guint f = 0; f < G_N_ELEMENTS (all_formats); f++)
      {
        g_autofree char *filler = g_build_filename (dir, "filler", NULL);

        paths[f] = write_old_file (dir, all_formats[f]);
        fill_up (dir, leaves[l]);
        export_over (FH_CHART (chart), all_formats[f], paths[f], NULL, &outcomes[l][f]);
        g_unlink (filler);
        g_unlink (paths[f]);
        if (l + 1 < G_N_ELEMENTS (leaves))
          g_free (paths[f]);
      }
  /* unmounted before any assertion can abort */
  unmount (dir);
  g_assert_cmpint (g_rmdir (dir), ==, 0);

  for (guint l = 0; l < G_N_ELEMENTS (leaves); l++)
    for (guint f = 0; f < G_N_ELEMENTS (all_formats); f++)
      {
        g_autofree char *base = g_path_get_basename (paths[f]);
        g_autofree char *expected = g_strdup_printf ("%s filler", base);

        /* the CSV is smaller than what is left free: then it simply succeeds */
        if (all_formats[f] == FH_CHART_FORMAT_CSV && leaves[l] > 0)
          g_assert_true (outcomes[l][f].ok);
        else
          assert_nothing_left (&outcomes[l][f], paths[f], expected, G_IO_ERROR_NO_SPACE,
                               "the disk is full");
        outcome_clear (&outcomes[l][f]);
      }
  for (guint f = 0; f < G_N_ELEMENTS (all_formats); f++)
    g_free (paths[f]);
}

static void
test_read_only_folder (void)
{
  g_autoptr(FhBarChart) chart = bar_chart ();
  g_autofree char *dir = g_dir_make_tmp ("fh-export-ro-XXXXXX", NULL);
  gboolean mounted;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  Outcome outcomes[G_N_ELEMENTS (all_formats)];
  g_autofree char *expected = NULL;
  GIOErrorEnum code;
  const char *reason;

  /* root ignores permissions, so as root the folder is a tmpfs mounted
   * read-only; otherwise it is a plain folder without write permission */
  mounted = mount_tmpfs (dir, "size=64k");
  if (!mounted && geteuid () == 0)
    {
      g_rmdir (dir);
      g_test_skip ("as root a read-only folder needs a read-only mount, and mount failed");
      return;
    }
  for (guint f = 0; f < G_N_ELEMENTS (all_formats); f++)
    g_ptr_array_add (paths, write_old_file (dir, all_formats[f]));
  expected = list_dir (dir);

  if (mounted)
    {
      const char *argv[] = { "mount", "-o", "remount,ro", dir, NULL };
      g_autoptr(GError) error = NULL;

      if (!run (argv, NULL, &error))
        {
          unmount (dir);
          g_rmdir (dir);
          g_test_skip ("could not remount the tmpfs read-only");
          return;
        }
      code = G_IO_ERROR_READ_ONLY;
      reason = "cannot be written to";
    }
  else
    {
      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
      code = G_IO_ERROR_PERMISSION_DENIED;
      reason = "you do not have permission to write in";
    }

  for (guint f = 0; f < G_N_ELEMENTS (all_formats); f++)
    export_over (FH_CHART (chart), all_formats[f], paths->pdata[f], NULL, &outcomes[f]);

  if (mounted)
    unmount (dir);
  else
    g_chmod (dir, 0755);
  if (!mounted)
    for (guint f = 0; f < paths->len; f++)
      g_unlink (paths->pdata[f]);
  g_assert_cmpint (g_rmdir (dir), ==, 0);

  for (guint f = 0; f < G_N_ELEMENTS (all_formats); f++)
    {
      assert_nothing_left (&outcomes[f], paths->pdata[f], expected, code, reason);
      g_assert_nonnull (strstr (outcomes[f].error->message, dir));
      outcome_clear (&outcomes[f]);
    }
}

/* ---- the atomic file on its own ------------------------------------------ */

static void
test_atomic_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fh-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "a.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL, *listing = NULL;
  g_autoptr(GString) big = g_string_new (NULL);
  FhAtomicFile *file;

  /* bigger than the buffer, in pieces of odd sizes */
  for (guint i = 0; big->len < 300000; i++)
    g_string_append_printf (big, "line %u\n", i);
  file = fh_atomic_file_new (path, NULL, &error);
  g_assert_no_error (error);
  for (gsize off = 0; off < big->len; off += 7777)
    g_assert_true (fh_atomic_file_write (file, big->str + off, MIN (7777, big->len - off)));
  /* nothing at the target until commit; only the hidden temporary file */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  listing = list_dir (dir);
  g_assert_true (g_str_has_prefix (listing, ".a.txt."));
  g_clear_pointer (&listing, g_free);
  g_assert_true (fh_atomic_file_commit (file, &error));
  g_assert_no_error (error);
  fh_atomic_file_free (file);
  contents = read_file (path, NULL);
  g_assert_cmpstr (contents, ==, big->str);

  /* a producer's failure discards the file and is what the caller hears */
  file = fh_atomic_file_new (path, NULL, &error);
  fh_atomic_file_write (file, "x", 1);
  fh_atomic_file_fail (file, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "encoder broke"));
  g_assert_false (fh_atomic_file_write (file, "y", 1));
  g_assert_false (fh_atomic_file_commit (file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "encoder broke");
  g_clear_error (&error);
  fh_atomic_file_free (file);

  /* cancelled after it began: has_failed says so (a cairo write error then
   * is not reported as one) and commit names the cancel */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    file = fh_atomic_file_new (path, cancellable, &error);
    g_assert_true (fh_atomic_file_write (file, "w", 1));
    g_assert_false (fh_atomic_file_has_failed (file));
    g_cancellable_cancel (cancellable);
    g_assert_true (fh_atomic_file_has_failed (file));
    g_assert_false (fh_atomic_file_commit (file, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    fh_atomic_file_free (file);
  }

  /* freed without commit: as if never begun */
  file = fh_atomic_file_new (path, NULL, &error);
  fh_atomic_file_write (file, "z", 1);
  fh_atomic_file_free (file);

  g_free (contents);
  contents = read_file (path, NULL);
  g_assert_cmpstr (contents, ==, big->str);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "a.txt");
  g_unlink (path);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The folder is removed while the file is being written. */
static void
test_folder_vanished (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fh-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = NULL;
  FhAtomicFile *file;
  const char *name;

  file = fh_atomic_file_new (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (fh_atomic_file_write (file, "%PDF-1.5\n", 9));
  /* someone deletes the folder, our temporary file with it */
  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);
      g_unlink (p);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);

  g_assert_false (fh_atomic_file_commit (file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "does not exist (any more)"));
  fh_atomic_file_free (file);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

/* FH_CHART_SAMPLE_DIR=/tmp/x keeps one export in each format to look at. */
static void
test_samples_for_eyes (void)
{
  const char *dir = g_getenv ("FH_CHART_SAMPLE_DIR");
  g_autoptr(FhBarChart) chart = bar_chart ();

  if (dir == NULL)
    {
      g_test_skip ("FH_CHART_SAMPLE_DIR not set");
      return;
    }
  for (guint f = 0; f < G_N_ELEMENTS (all_formats); f++)
    {
      g_autofree char *name = g_strdup_printf ("export.%s", fh_chart_format_get_extension (all_formats[f]));
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GError) error = NULL;

      g_assert_true (fh_chart_export (FH_CHART (chart), all_formats[f], path, 600, 400, 150,
                                      NULL, &error));
      g_assert_no_error (error);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/export/png", test_png);
  g_test_add_func ("/charts/export/png-alpha", test_png_alpha);
  g_test_add_func ("/charts/export/png-bands", test_png_bands);
  g_test_add_func ("/charts/export/png-hard-images", test_png_hard_images);
  g_test_add_func ("/charts/export/svg", test_svg);
  g_test_add_func ("/charts/export/svg-escaping", test_svg_escaping);
  g_test_add_func ("/charts/export/pdf", test_pdf);
  g_test_add_func ("/charts/export/csv-bar", test_csv_bar);
  g_test_add_func ("/charts/export/csv-map", test_csv_map);
  g_test_add_func ("/charts/export/csv-line", test_csv_line);
  g_test_add_func ("/charts/export/csv-scatter", test_csv_scatter);
  g_test_add_func ("/charts/export/atomic-file", test_atomic_file);
  g_test_add_func ("/charts/export/replace-keeps-mode", test_replace_keeps_mode);
  g_test_add_func ("/charts/export/missing-folder", test_missing_folder);
  g_test_add_func ("/charts/export/cancelled", test_cancelled);
  g_test_add_func ("/charts/export/folder-vanished", test_folder_vanished);
  g_test_add_func ("/charts/export/full-disk", test_full_disk);
  g_test_add_func ("/charts/export/read-only-folder", test_read_only_folder);
  g_test_add_func ("/charts/export/samples-for-eyes", test_samples_for_eyes);

  return g_test_run ();
}
