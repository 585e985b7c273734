/* fh-class-breaks.c — classes for a choropleth's sequential colour scale
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fh-class-breaks.h"
#include "fh-number-format.h"

struct _FhClassBreaks
{
  GArray *lower;     /* double: lower bound of each class, ascending */
  double  max;       /* the highest value classed; NAN: none */
};

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
round_significant (double value, int figures)
{
  double magnitude;

  if (value == 0)
    return 0;
  magnitude = pow (10, figures - 1 - (int) floor (log10 (fabs (value))));
  return round (value * magnitude) / magnitude;
}

FhClassBreaks *
fh_class_breaks_new (const double *values,
                     guint         n_values,
                     guint         n_classes)
{
  FhClassBreaks *self = g_new0 (FhClassBreaks, 1);
  g_autofree double *sorted = g_new (double, MAX (n_values, 1));
  guint n = 0;

  g_return_val_if_fail (n_classes >= 1, self);

  self->lower = g_array_new (FALSE, FALSE, sizeof (double));
  self->max = NAN;
  for (guint i = 0; i < n_values; i++)
    if (!isnan (values[i]))
      sorted[n++] = values[i];
  if (n == 0)
    return self;

  qsort (sorted, n, sizeof (double), compare_doubles);
  g_array_append_val (self->lower, sorted[0]);
  self->max = sorted[n - 1];

  for (guint c = 1; c < n_classes; c++)
    {
      double q = sorted[(guint) floor ((double) c * n / n_classes)];
      double b = round_significant (q, 2);
      double last = g_array_index (self->lower, double, self->lower->len - 1);

      /* A rounded break must still split the data and keep increasing. */
      if (b <= last || b <= sorted[0] || b > sorted[n - 1])
        continue;
      g_array_append_val (self->lower, b);
    }
  return self;
}

void
fh_class_breaks_free (FhClassBreaks *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->lower);
  g_free (self);
}

gboolean
fh_class_breaks_is_uniform (FhClassBreaks *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->lower->len == 1 && g_array_index (self->lower, double, 0) == self->max;
}

guint
fh_class_breaks_get_n_classes (FhClassBreaks *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->lower->len;
}

double
fh_class_breaks_get_lower (FhClassBreaks *self,
                           guint          i)
{
  g_return_val_if_fail (self != NULL && i < self->lower->len, NAN);
  return g_array_index (self->lower, double, i);
}

int
fh_class_breaks_classify (FhClassBreaks *self,
                          double         value)
{
  g_return_val_if_fail (self != NULL, -1);

  if (isnan (value) || self->lower->len == 0)
    return -1;
  for (int i = self->lower->len - 1; i > 0; i--)
    if (value >= g_array_index (self->lower, double, i))
      return i;
  return 0;
}

char *
fh_class_breaks_get_label (FhClassBreaks *self,
                           guint          i,
                           guint          decimals)
{
  g_autofree char *lower = NULL;
  g_autofree char *upper = NULL;

  g_return_val_if_fail (self != NULL && i < self->lower->len, NULL);

  if (self->lower->len == 1)
    {
      double min = g_array_index (self->lower, double, 0);

      lower = fh_format_number (min, decimals);
      upper = fh_format_number (self->max, decimals);
      /* one value, or values too close to split once rounded: not "and
       * over", which says there are higher classes */
      if (min == self->max || g_strcmp0 (lower, upper) == 0)
        /* Translators: the only class of a map whose wards all have one
         * value, "All 0" */
        return g_strdup_printf (_("All %s"), lower);
      /* Translators: the only class of a map, from the lowest value to
       * the highest, "1,500 to 1,540" */
      return g_strdup_printf (_("%s to %s"), lower, upper);
    }
  if (i + 1 == self->lower->len)
    {
      lower = fh_format_number (g_array_index (self->lower, double, i), decimals);
      return g_strdup_printf (_("%s and over"), lower);
    }
  upper = fh_format_number (g_array_index (self->lower, double, i + 1), decimals);
  if (i == 0)
    return g_strdup_printf (_("Under %s"), upper);
  lower = fh_format_number (g_array_index (self->lower, double, i), decimals);
  /* Translators: a class of a map's colour scale, "1,500 to under 1,800" */
  return g_strdup_printf (_("%s to under %s"), lower, upper);
}
