/* fh-a11y.h — names and visibility for assistive technologies
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 leaves some controls nameless for a screen reader: a drop-down
 * (focus lands on its inner toggle button) and its rows, a menu button's
 * inner button. These helpers name them, and keep the pages a stack is not
 * showing out of the accessible tree.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* @label ("Measure") names the drop-down; its button reads "Measure:
 * Referrals" and each row its own text. The model is a GtkStringList. */
void fh_a11y_label_dropdown     (GtkDropDown *dropdown,
                                 const char  *label);
/* Names @widget and the button inside it (a GtkMenuButton's toggle). */
void fh_a11y_label_button       (GtkWidget   *widget,
                                 const char  *label);
/* Marks every page of @stack but the visible one hidden, now and on change. */
void fh_a11y_hide_hidden_pages  (GtkStack    *stack);

G_END_DECLS
