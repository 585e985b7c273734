/* fh-png-writer.c — a cairo image as a PNG that knows its DPI, quickly
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A PNG is a signature and a list of chunks (length, type, data, CRC-32);
 * the pixels are rows, each prefixed with its filter type, in one zlib stream
 * split over IDAT chunks. A row equal to the one above is written with filter
 * type 2, "up" (all zeros); any other with type 1, "sub" (each byte minus the
 * one a pixel to its left: flat colour becomes zeros). The rows are deflated
 * by the small encoder below rather than by zlib (which only checksums here):
 * a chart's filtered rows are nearly all runs of zeros, and this encoder
 * spends its time on the few bytes that are not, so a PNG costs about its
 * drawing instead of three to five times it. A large image is cut into
 * horizontal bands deflated on several threads, each band ending on a byte
 * boundary so the pieces join into one stream, as pigz does; the Adler-32
 * checksums are combined. Measured in bench/fh-bench-export.c.
 */
#include <glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "fh-png-writer.h"

#define IDAT_SIZE   (256 * 1024)
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

/* cairo keeps native-endian premultiplied ARGB; PNG wants straight (not
 * premultiplied) R, G, B, A bytes. This converts a row with transparency and
 * applies filter type 1, "sub" (each byte minus the byte one pixel to its
 * left: flat colour becomes zeros), in one pass. */
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

/* ---- deflate ----------------------------------------------------------
 *
 * zlib, even at its fastest level, looks for a match at every byte and
 * Huffman-codes every byte; a chart at 150 dpi is 3.2 MB of filtered bytes,
 * nearly all of them zeros, and that per-byte work alone (zlib level 0, which
 * compresses nothing) cost more than drawing the bar chart. This encoder looks
 * only for what a chart has: runs of zero bytes (a row like the one above, or
 * flat colour under "sub", found by comparing pixels) become a literal zero
 * and copies of distance 1, up to 258 bytes a symbol; bytes that repeat those
 * a row back (pixels equal to those above) become copies from a row back;
 * anything else is a literal. The Adler-32 of a run of zeros is computed
 * without reading it. Each block gets its own Huffman codes from its counts
 * (a dynamic block, RFC 1951 §3.2.7), so that a literal zero or a copy costs
 * a few bits. */

#define MAX_BITS       15
#define MAX_CL_BITS    7
#define LITLEN_CODES   286
#define DIST_CODES     30
#define CODELEN_CODES  19
#define END_OF_BLOCK   256
#define BLOCK_TOKENS   (64 * 1024)
#define MATCH          0x80000000u    /* token: MATCH | distance << 9 | length */
#define ADLER_MOD      65521

static const guint16 length_base[29] = {
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
  67, 83, 99, 115, 131, 163, 195, 227, 258,
};
static const guint8 length_extra[29] = {
  0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
};
static const guint8 codelen_order[CODELEN_CODES] = {
  16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
};

/* The length symbol (257 to 285) of a copy of 3 to 258 bytes. */
static guint16 length_symbol[259];

static void
init_length_symbols (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (int c = 0; c < 28; c++)
        for (int l = length_base[c]; l < length_base[c] + (1 << length_extra[c]) && l < 258; l++)
          length_symbol[l] = 257 + c;
      length_symbol[258] = 285;
      g_once_init_leave (&done, 1);
    }
}

/* The distance code (0 to 29) of a distance of 1 to 32768, and its extra bits. */
static inline guint
distance_code (guint dist, guint *n_extra, guint *extra)
{
  guint d = dist - 1, top;

  if (d < 4)
    {
      *n_extra = *extra = 0;
      return d;
    }
  top = g_bit_storage (d) - 1;           /* index of the highest bit set, 2 or more */
  *n_extra = top - 1;
  *extra = d & ((1u << (top - 1)) - 1);
  return 2 * top + ((d >> (top - 1)) & 1);
}

typedef struct {
  guint32  *tokens;
  guint     n_tokens, max_tokens;
  guint32   lit_freq[LITLEN_CODES];
  guint32   dist_freq[DIST_CODES];
  guint64   a, b;           /* Adler-32 halves, reduced after each row */
  guint8   *buf;            /* raw deflate */
  gsize     len, cap;
  guint64   bits;           /* bits not yet in buf, the oldest lowest */
  int       n_bits;
} Deflater;

static void
reserve (Deflater *d, gsize n)
{
  if (d->len + n > d->cap)
    {
      d->cap = MAX (d->cap * 2, d->len + n);
      d->buf = g_realloc (d->buf, d->cap);
    }
}

/* Appends @n bits (at most 32) of @value; the caller has reserved room. */
static inline void
put_bits (Deflater *d, guint32 value, guint n)
{
  d->bits |= (guint64) value << d->n_bits;
  d->n_bits += n;
  if (d->n_bits >= 32)
    {
      guint8 *p = d->buf + d->len;

      p[0] = (guint8) d->bits;
      p[1] = (guint8) (d->bits >> 8);
      p[2] = (guint8) (d->bits >> 16);
      p[3] = (guint8) (d->bits >> 24);
      d->len += 4;
      d->bits >>= 32;
      d->n_bits -= 32;
    }
}

/* Pads with zero bits to a byte boundary and writes out what is pending. */
static void
flush_bits (Deflater *d)
{
  for (; d->n_bits > 0; d->n_bits -= 8)
    {
      d->buf[d->len++] = (guint8) d->bits;
      d->bits >>= 8;
    }
  d->n_bits = 0;
  d->bits = 0;
}

typedef struct {
  guint32 freq;
  guint16 symbol;
} SymbolFreq;

static int
compare_freq (const void *a, const void *b)
{
  const SymbolFreq *x = a, *y = b;

  if (x->freq != y->freq)
    return x->freq < y->freq ? -1 : 1;
  return (int) x->symbol - (int) y->symbol;
}

/* Optimal code lengths of symbols sorted by ascending frequency, in place
 * (Moffat and Katajainen, "In-place calculation of minimum-redundancy
 * codes", 1995): on return key[i] is the length of the i-th symbol. */
static void
minimum_redundancy (guint32 *key, int n)
{
  int root, leaf, next, avail, used, depth;

  key[0] += key[1];
  root = 0;
  leaf = 2;
  for (next = 1; next < n - 1; next++)
    {
      if (leaf >= n || key[root] < key[leaf])
        {
          key[next] = key[root];
          key[root++] = next;
        }
      else
        key[next] = key[leaf++];
      if (leaf >= n || (root < next && key[root] < key[leaf]))
        {
          key[next] += key[root];
          key[root++] = next;
        }
      else
        key[next] += key[leaf++];
    }
  key[n - 2] = 0;
  for (next = n - 3; next >= 0; next--)
    key[next] = key[key[next]] + 1;

  avail = 1;
  used = depth = 0;
  root = n - 2;
  next = n - 1;
  while (avail > 0)
    {
      while (root >= 0 && (int) key[root] == depth)
        {
          used++;
          root--;
        }
      while (avail > used)
        {
          key[next--] = depth;
          avail--;
        }
      avail = 2 * used;
      depth++;
      used = 0;
    }
}

/* Huffman code lengths of at most @max_bits for @n symbols; unused symbols
 * get 0. Too long codes are shortened as miniz does: fold them into the
 * longest allowed length, then split shorter codes until Kraft's sum is 1. */
static void
huffman_lengths (const guint32 *freq, int n, int max_bits, guint8 *lengths)
{
  SymbolFreq sorted[LITLEN_CODES];
  guint32 key[LITLEN_CODES];
  int count[LITLEN_CODES + 1] = { 0 };
  guint32 total = 0;
  int m = 0, j;

  memset (lengths, 0, n);
  for (int i = 0; i < n; i++)
    if (freq[i] != 0)
      sorted[m++] = (SymbolFreq) { freq[i], (guint16) i };
  if (m == 0)
    return;
  if (m == 1)
    {
      lengths[sorted[0].symbol] = 1;
      return;
    }
  qsort (sorted, m, sizeof *sorted, compare_freq);
  for (int i = 0; i < m; i++)
    key[i] = sorted[i].freq;
  minimum_redundancy (key, m);

  for (int i = 0; i < m; i++)
    count[key[i]]++;
  for (int i = max_bits + 1; i <= m; i++)
    {
      count[max_bits] += count[i];
      count[i] = 0;
    }
  for (int i = max_bits; i > 0; i--)
    total += (guint32) count[i] << (max_bits - i);
  while (total != 1u << max_bits)
    {
      count[max_bits]--;
      for (int i = max_bits - 1; i > 0; i--)
        if (count[i] != 0)
          {
            count[i]--;
            count[i + 1] += 2;
            break;
          }
      total--;
    }

  /* the most frequent symbols get the shortest codes */
  j = m;
  for (int bits = 1; bits <= max_bits; bits++)
    for (int k = count[bits]; k > 0; k--)
      lengths[sorted[--j].symbol] = bits;
}

/* Canonical codes for @lengths (RFC 1951 §3.2.2), bit-reversed because
 * deflate sends a Huffman code's first bit first. */
static void
huffman_codes (const guint8 *lengths, int n, guint16 *codes)
{
  int count[MAX_BITS + 1] = { 0 };
  guint next[MAX_BITS + 1];
  guint code = 0;

  for (int i = 0; i < n; i++)
    count[lengths[i]]++;
  count[0] = 0;
  for (int bits = 1; bits <= MAX_BITS; bits++)
    {
      code = (code + count[bits - 1]) << 1;
      next[bits] = code;
    }
  for (int i = 0; i < n; i++)
    {
      guint c, r = 0;

      if (lengths[i] == 0)
        continue;
      c = next[lengths[i]]++;
      for (int k = 0; k < lengths[i]; k++, c >>= 1)
        r = (r << 1) | (c & 1);
      codes[i] = (guint16) r;
    }
}

/* At least two symbols in use: zlib's inflate rejects an incomplete code. */
static void
two_symbols_at_least (guint32 *freq, int n)
{
  int used = 0;

  for (int i = 0; i < n; i++)
    used += freq[i] != 0;
  for (int i = 0; used < 2 && i < n; i++)
    if (freq[i] == 0)
      {
        freq[i] = 1;
        used++;
      }
}

/* The code lengths of both alphabets as code-length symbols: 16 repeats the
 * last length 3 to 6 times, 17 and 18 are runs of zeros (RFC 1951 §3.2.7). */
static int
code_length_symbols (const guint8 *lengths, int n, guint8 *symbols, guint8 *extras,
                     guint32 *freq)
{
  int m = 0;

#define EMIT(sym, extra) G_STMT_START { symbols[m] = (sym); extras[m++] = (extra); freq[sym]++; } G_STMT_END
  for (int i = 0; i < n; )
    {
      int v = lengths[i], run = 1;

      while (i + run < n && lengths[i + run] == v)
        run++;
      i += run;
      if (v == 0)
        {
          for (; run >= 11; )
            {
              int r = MIN (run, 138);
              EMIT (18, r - 11);
              run -= r;
            }
          if (run >= 3)
            {
              EMIT (17, run - 3);
              run = 0;
            }
        }
      else
        {
          EMIT (v, 0);
          run--;
          for (; run >= 3; )
            {
              int r = MIN (run, 6);
              EMIT (16, r - 3);
              run -= r;
            }
        }
      for (; run > 0; run--)
        EMIT (v, 0);
    }
#undef EMIT
  return m;
}

/* Writes the tokens gathered so far as one block with its own codes. */
static void
write_block (Deflater *d, gboolean final)
{
  static const guint8 cl_extra_bits[3] = { 2, 3, 7 };  /* symbols 16, 17, 18 */
  guint8 lit_len[LITLEN_CODES], dist_len[DIST_CODES], cl_len[CODELEN_CODES];
  guint16 lit_code[LITLEN_CODES], dist_code[DIST_CODES], cl_code[CODELEN_CODES];
  guint8 lengths[LITLEN_CODES + DIST_CODES];
  guint8 cl_symbols[LITLEN_CODES + DIST_CODES], cl_extras[LITLEN_CODES + DIST_CODES];
  guint32 cl_freq[CODELEN_CODES] = { 0 };
  int hlit, hdist, hclen, n_cl;

  d->lit_freq[END_OF_BLOCK]++;
  two_symbols_at_least (d->lit_freq, LITLEN_CODES);
  two_symbols_at_least (d->dist_freq, DIST_CODES);
  huffman_lengths (d->lit_freq, LITLEN_CODES, MAX_BITS, lit_len);
  huffman_lengths (d->dist_freq, DIST_CODES, MAX_BITS, dist_len);
  huffman_codes (lit_len, LITLEN_CODES, lit_code);
  huffman_codes (dist_len, DIST_CODES, dist_code);

  for (hlit = LITLEN_CODES; hlit > 257 && lit_len[hlit - 1] == 0; hlit--)
    ;
  for (hdist = DIST_CODES; hdist > 1 && dist_len[hdist - 1] == 0; hdist--)
    ;
  memcpy (lengths, lit_len, hlit);
  memcpy (lengths + hlit, dist_len, hdist);
  n_cl = code_length_symbols (lengths, hlit + hdist, cl_symbols, cl_extras, cl_freq);
  two_symbols_at_least (cl_freq, CODELEN_CODES);
  huffman_lengths (cl_freq, CODELEN_CODES, MAX_CL_BITS, cl_len);
  huffman_codes (cl_len, CODELEN_CODES, cl_code);
  for (hclen = CODELEN_CODES; hclen > 4 && cl_len[codelen_order[hclen - 1]] == 0; hclen--)
    ;

  /* a token is at most 15 + 5 + 15 + 13 bits; the header under 1 KB */
  reserve (d, (gsize) d->n_tokens * 6 + 1024);
  put_bits (d, final ? 1 : 0, 1);
  put_bits (d, 2, 2);                    /* dynamic Huffman codes */
  put_bits (d, hlit - 257, 5);
  put_bits (d, hdist - 1, 5);
  put_bits (d, hclen - 4, 4);
  for (int i = 0; i < hclen; i++)
    put_bits (d, cl_len[codelen_order[i]], 3);
  for (int i = 0; i < n_cl; i++)
    {
      guint s = cl_symbols[i];

      put_bits (d, cl_code[s], cl_len[s]);
      if (s >= 16)
        put_bits (d, cl_extras[i], cl_extra_bits[s - 16]);
    }

  for (guint i = 0; i < d->n_tokens; i++)
    {
      guint32 t = d->tokens[i];

      if ((t & MATCH) == 0)
        put_bits (d, lit_code[t], lit_len[t]);
      else
        {
          guint length = t & 0x1ff, dist = (t >> 9) & 0xffff;
          guint s = length_symbol[length], n_extra, extra, dc;

          put_bits (d, lit_code[s], lit_len[s]);
          if (length_extra[s - 257] != 0)
            put_bits (d, length - length_base[s - 257], length_extra[s - 257]);
          dc = distance_code (dist, &n_extra, &extra);
          put_bits (d, dist_code[dc], dist_len[dc]);
          if (n_extra != 0)
            put_bits (d, extra, n_extra);
        }
    }
  put_bits (d, lit_code[END_OF_BLOCK], lit_len[END_OF_BLOCK]);

  d->n_tokens = 0;
  memset (d->lit_freq, 0, sizeof d->lit_freq);
  memset (d->dist_freq, 0, sizeof d->dist_freq);
}

static inline void
emit_literal (Deflater *d, guint8 value)
{
  d->tokens[d->n_tokens++] = value;
  d->lit_freq[value]++;
}

/* @run zero bytes: a literal zero, then copies of the byte before. */
static inline void
emit_zeros (Deflater *d, gsize run)
{
  emit_literal (d, 0);
  for (run--; run >= 3; )
    {
      guint length = (guint) MIN (run, 258);

      d->tokens[d->n_tokens++] = MATCH | 1u << 9 | length;
      d->lit_freq[length_symbol[length]]++;
      d->dist_freq[0]++;                     /* distance 1 */
      run -= length;
    }
  for (; run > 0; run--)
    emit_literal (d, 0);
}

/* A copy of @length (3 or more) bytes from @dist bytes back. */
static inline void
emit_copy (Deflater *d, gsize length, guint dist)
{
  guint n_extra, extra, code = distance_code (dist, &n_extra, &extra);

  while (length > 0)
    {
      guint l = length <= 258 ? (guint) length : length - 258 < 3 ? (guint) length - 3 : 258;

      d->tokens[d->n_tokens++] = MATCH | dist << 9 | l;
      d->lit_freq[length_symbol[l]]++;
      d->dist_freq[code]++;
      length -= l;
    }
}

/* One filtered row. The Adler-32 sums stay below 2^63 for any row cairo can
 * make (2^15 pixels of 4 bytes), so they are reduced once a row. */
static void
deflate_row (Deflater *d, const guint8 *p, gsize n)
{
  guint64 a = d->a, b = d->b;
  gsize i = 0;

  if (d->n_tokens + n > d->max_tokens)
    write_block (d, FALSE);
  while (i < n)
    {
      gsize j;

      if (p[i] != 0)
        {
          a += p[i];
          b += a;
          emit_literal (d, p[i]);
          i++;
          continue;
        }
      for (j = i + 1; j + 8 <= n; j += 8)
        {
          guint64 word;

          memcpy (&word, p + j, 8);
          if (word != 0)
            break;
        }
      while (j < n && p[j] == 0)
        j++;
      b += (j - i) * a;
      emit_zeros (d, j - i);
      i = j;
    }
  d->a = a % ADLER_MOD;
  d->b = b % ADLER_MOD;
}

/* One opaque row, converted, filtered and deflated in one pass: filter type
 * 1, "sub", makes each of R, G and B the difference from the pixel to its
 * left, so a run of equal pixels (most of a chart) is a run of zeros, found
 * by comparing pixels, not bytes. Returns the AND of all the pixels: its top
 * byte is 0xff when every one was opaque. */
static guint32
deflate_rgb_row (Deflater *d, const guint32 *in, const guint32 *up, int width)
{
  guint dist = (guint) width * 3 + 1;
  guint64 a = d->a, b = d->b;
  guint32 prev = 0, all = 0xffffffff;
  gsize zeros = 0;

#define PUT_BYTE(value) G_STMT_START {                  \
    guint8 v_ = (value);                                \
    if (v_ == 0)                                        \
      zeros++;                                          \
    else                                                \
      {                                                 \
        if (zeros != 0)                                 \
          {                                             \
            b += zeros * a;                             \
            emit_zeros (d, zeros);                      \
            zeros = 0;                                  \
          }                                             \
        a += v_;                                        \
        b += a;                                         \
        emit_literal (d, v_);                           \
      }                                                 \
  } G_STMT_END

  if (d->n_tokens + (gsize) width * 3 + 1 > d->max_tokens)
    write_block (d, FALSE);
  PUT_BYTE (1);
  for (int x = 0; x < width; )
    {
      guint32 p = in[x];

      if (p == prev)
        {
          int run = 1;

          while (x + run < width && in[x + run] == p)
            run++;
          all &= p;
          zeros += (gsize) run * 3;
          x += run;
          continue;
        }
      all &= p;
      /* Where this pixel and the one to its left are those above, the
       * filtered bytes are those a row back: one copy for all of them
       * (a bar's edges beside a label, a hatch's lines one pixel on). */
      if (up != NULL && p == up[x] && x + 1 < width && in[x + 1] == up[x + 1] &&
          (x == 0 || in[x - 1] == up[x - 1]))
        {
          int end;

          if (zeros != 0)
            {
              b += zeros * a;
              emit_zeros (d, zeros);
              zeros = 0;
            }
          /* the copied bytes still count in the Adler-32; a pixel like
           * its left neighbour is three zeros */
          for (end = x; end < width && in[end] == up[end]; end++)
            {
              guint32 q = in[end];

              all &= q;
              if (q == prev)
                {
                  zeros += 3;
                  continue;
                }
              b += zeros * a;
              zeros = 0;
              a += (guint8) ((q >> 16) - (prev >> 16));
              b += a;
              a += (guint8) ((q >> 8) - (prev >> 8));
              b += a;
              a += (guint8) (q - prev);
              b += a;
              prev = q;
            }
          b += zeros * a;
          zeros = 0;
          emit_copy (d, (gsize) (end - x) * 3, dist);
          x = end;
          continue;
        }
      PUT_BYTE ((guint8) ((p >> 16) - (prev >> 16)));
      PUT_BYTE ((guint8) ((p >> 8) - (prev >> 8)));
      PUT_BYTE ((guint8) (p - prev));
      prev = p;
      x++;
    }
  if (zeros != 0)
    {
      b += zeros * a;
      emit_zeros (d, zeros);
    }
#undef PUT_BYTE
  d->a = a % ADLER_MOD;
  d->b = b % ADLER_MOD;
  return all;
}

/* A row equal to the one above: filter type 2, "up", and then zeros. */
static void
deflate_up_row (Deflater *d, gsize n)
{
  if (d->n_tokens + n > d->max_tokens)
    write_block (d, FALSE);
  emit_literal (d, 2);
  emit_zeros (d, n - 1);
  d->a = (d->a + 2) % ADLER_MOD;
  d->b = (d->b + d->a + (n - 1) % ADLER_MOD * d->a) % ADLER_MOD;
}

typedef struct {
  const guint8 *data;
  int           stride, width;
  int           first_row, n_rows;
  gboolean      opaque;
  gboolean      check_alpha; /* opaque is a guess: stop on a transparent pixel */
  gboolean      saw_alpha;
  gboolean      last;
  guint8       *out;        /* raw deflate, ending byte-aligned */
  gsize         out_len;
  uLong         adler;      /* of this band's filtered bytes */
  uLong         raw_len;
} Band;

/* Deflates one band of rows: raw deflate (no zlib header), ending with an
 * empty stored block as zlib's Z_SYNC_FLUSH does, so that the next band
 * starts on a byte, or with the final block when it is the last band. */
static gpointer
deflate_band (gpointer user_data)
{
  Band *band = user_data;
  gsize row_len = (gsize) band->width * (band->opaque ? 3 : 4) + 1;
  g_autofree guint8 *row_buf = band->opaque ? NULL : g_malloc (row_len);
  Deflater d = { 0 };
  gboolean above_sub = FALSE;   /* the row above is in this band, filtered "sub" */

  d.max_tokens = MAX (BLOCK_TOKENS, row_len);
  d.tokens = g_new (guint32, d.max_tokens);
  d.a = 1;
  d.b = 0;

  for (int y = 0; y < band->n_rows; y++)
    {
      int row = band->first_row + y;
      const guint8 *in = band->data + (gsize) row * band->stride;

      /* A row like the one above (a bar's body, white space) is all zeros
       * under filter type 2, "up": nearly free to compress. */
      if (row > 0 && memcmp (in, in - band->stride, (gsize) band->width * 4) == 0)
        {
          deflate_up_row (&d, row_len);
          above_sub = FALSE;
        }
      else if (!band->opaque)
        {
          filter_row_rgba ((const guint32 *) in, row_buf, band->width);
          deflate_row (&d, row_buf, row_len);
        }
      else
        {
          /* copies reach 32 KB back: a row of up to 10,922 pixels */
          const guint32 *up = above_sub && row_len <= 32768 ? (const guint32 *) (in - band->stride)
                                                            : NULL;

          if ((deflate_rgb_row (&d, (const guint32 *) in, up, band->width) >> 24) != 0xff &&
              band->check_alpha)
            {
              band->saw_alpha = TRUE;
              g_free (d.tokens);
              g_free (d.buf);
              return NULL;
            }
          above_sub = TRUE;
        }
    }
  band->raw_len = row_len * band->n_rows;

  write_block (&d, band->last);
  if (!band->last)
    {
      static const guint8 sync[4] = { 0, 0, 0xff, 0xff };

      reserve (&d, 16);
      put_bits (&d, 0, 3);                  /* not final, stored */
      flush_bits (&d);
      memcpy (d.buf + d.len, sync, 4);      /* length 0, its complement */
      d.len += 4;
    }
  else
    flush_bits (&d);

  band->out = d.buf;
  band->out_len = d.len;
  band->adler = (uLong) (d.b << 16 | d.a);
  g_free (d.tokens);
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
 * @error: not set by the encoder, which cannot fail (it only allocates);
 *   kept so that the caller tells a refused write from other failures
 *
 * Returns: %FALSE when @write_func refused (then @error is not set: the sink
 *   knows why).
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
  init_length_symbols ();

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
                              NULL, 0, 0, 0 };
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
        g_free (bands[b].out);
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
    adler = adler32_combine (adler, bands[b].adler, (z_off_t) bands[b].raw_len);
  put_u32 (trailer, (guint32) adler);

  /* One zlib stream: header, the bands in order, Adler-32; cut into IDATs. */
  idat = g_byte_array_sized_new (IDAT_SIZE + 8);
  g_byte_array_append (idat, zlib_header, 2);
  for (int b = 0; b < n_bands && ok; b++)
    {
      for (gsize off = 0; off < bands[b].out_len && ok; )
        {
          gsize n = MIN (bands[b].out_len - off, IDAT_SIZE - idat->len);

          g_byte_array_append (idat, bands[b].out + off, n);
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
    g_free (bands[b].out);

  return ok &&
         write_chunk (write_func, user_data, "IDAT", idat->data, idat->len) &&
         write_chunk (write_func, user_data, "IEND", NULL, 0);
}
