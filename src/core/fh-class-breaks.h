/* fh-class-breaks.h — classes for a choropleth's sequential colour scale
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Quantile classes (about the same number of wards in each, so a few extreme
 * wards do not wash every other ward into one colour), with each break
 * rounded to two significant figures so the legend reads "1,500 to under
 * 1,800" rather than "1,487.3 to under 1,811.9". Rounding can merge breaks,
 * so there may be fewer classes than asked for. Missing values (NAN) are in
 * no class: a map draws them as "no data", never as the lowest class. When
 * every value is the same (every ward 0, say) there is one class, labelled
 * "All 0"; one class over a spread too narrow to split reads "1,500 to
 * 1,540". Neither is "… and over", which would promise higher classes.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _FhClassBreaks FhClassBreaks;

FhClassBreaks *fh_class_breaks_new           (const double  *values,
                                              guint          n_values,
                                              guint          n_classes);
void           fh_class_breaks_free          (FhClassBreaks *self);
guint          fh_class_breaks_get_n_classes (FhClassBreaks *self);
/* TRUE when there is one class and every value in it is the same: nothing
 * stands out, so a map draws it in its lightest colour */
gboolean       fh_class_breaks_is_uniform    (FhClassBreaks *self);
/* the lower bound of class @i (class 0's is the minimum value) */
double         fh_class_breaks_get_lower     (FhClassBreaks *self,
                                              guint          i);
/* -1 for NAN */
int            fh_class_breaks_classify      (FhClassBreaks *self,
                                              double         value);
/* "1,500 to under 1,800", "1,800 and over", "Under 1,500"; with one class
 * "All 0" or "1,500 to 1,540" */
char          *fh_class_breaks_get_label     (FhClassBreaks *self,
                                              guint          i,
                                              guint          decimals);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FhClassBreaks, fh_class_breaks_free)

G_END_DECLS
