/* fh-data-view.h — loading, empty, error and content states of a page
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  FH_DATA_VIEW_LOADING,
  FH_DATA_VIEW_EMPTY,
  FH_DATA_VIEW_ERROR,
  FH_DATA_VIEW_CONTENT,
} FhDataViewState;

/* How long loading goes on before the spinner turns. */
#define FH_DATA_VIEW_SPINNER_DELAY_MS 500

#define FH_TYPE_DATA_VIEW (fh_data_view_get_type ())
G_DECLARE_FINAL_TYPE (FhDataView, fh_data_view, FH, DATA_VIEW, GtkWidget)

void             fh_data_view_set_content     (FhDataView   *self,
                                               GtkWidget    *content);
GtkWidget       *fh_data_view_get_content     (FhDataView   *self);
void             fh_data_view_show_loading    (FhDataView   *self);
void             fh_data_view_show_empty      (FhDataView   *self,
                                               const char   *message);
void             fh_data_view_show_error      (FhDataView   *self,
                                               const GError *error);
void             fh_data_view_show_content    (FhDataView   *self);
FhDataViewState  fh_data_view_get_state       (FhDataView   *self);
/* Whether the loading state's spinner turns: from
 * FH_DATA_VIEW_SPINNER_DELAY_MS into loading until it ends. */
gboolean         fh_data_view_get_spinning    (FhDataView   *self);

G_END_DECLS
