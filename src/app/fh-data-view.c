/* fh-data-view.c — loading, empty, error and content states of a page
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every page puts its content inside one of these, so a slow, empty or
 * failed query looks the same everywhere. The error state shows the part of
 * the message a manager can act on, libpq's words under "Details", and a
 * Retry button that activates the window's refresh action.
 *
 * The loading state says so in words at once, and adds a spinner only once
 * loading has taken FH_DATA_VIEW_SPINNER_DELAY_MS: most loads are over
 * sooner, and a spinner that flashes on and off says nothing. (Its icon is
 * also an SVG: drawing it loads librsvg, about 8 MB resident with its
 * libraries, which a start that ends in time now never does.)
 */
#include <glib/gi18n.h>

#include "fh-data-view.h"
#include "fh-error.h"

struct _FhDataView
{
  GtkWidget        parent_instance;

  GtkStack        *stack;
  GtkSpinner      *spinner;
  GtkLabel        *empty_label;
  GtkLabel        *error_summary;
  GtkLabel        *error_detail;
  GtkExpander     *error_expander;
  GtkWidget       *content_slot;
  GtkWidget       *content;
  FhDataViewState  state;
  guint            spinner_id;
};

G_DEFINE_FINAL_TYPE (FhDataView, fh_data_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
start_spinner (gpointer data)
{
  FhDataView *self = data;

  self->spinner_id = 0;
  gtk_spinner_set_spinning (self->spinner, TRUE);
  return G_SOURCE_REMOVE;
}

static void
set_state (FhDataView      *self,
           FhDataViewState  state,
           const char      *child)
{
  self->state = state;
  if (state != FH_DATA_VIEW_LOADING)
    {
      g_clear_handle_id (&self->spinner_id, g_source_remove);
      gtk_spinner_set_spinning (self->spinner, FALSE);
    }
  else if (self->spinner_id == 0 && !gtk_spinner_get_spinning (self->spinner))
    self->spinner_id = g_timeout_add (FH_DATA_VIEW_SPINNER_DELAY_MS, start_spinner, self);
  gtk_stack_set_visible_child_name (self->stack, child);
}

void
fh_data_view_show_loading (FhDataView *self)
{
  g_return_if_fail (FH_IS_DATA_VIEW (self));

  set_state (self, FH_DATA_VIEW_LOADING, "loading");
}

void
fh_data_view_show_empty (FhDataView *self,
                         const char *message)
{
  g_return_if_fail (FH_IS_DATA_VIEW (self));

  gtk_label_set_text (self->empty_label, message ? message : _("There is no data for this selection."));
  set_state (self, FH_DATA_VIEW_EMPTY, "empty");
}

void
fh_data_view_show_error (FhDataView   *self,
                         const GError *error)
{
  g_autofree char *summary = NULL;
  g_autofree char *detail = NULL;

  g_return_if_fail (FH_IS_DATA_VIEW (self));
  g_return_if_fail (error != NULL);

  summary = fh_error_get_summary (error);
  detail = fh_error_get_detail (error);
  gtk_label_set_text (self->error_summary, summary);
  gtk_label_set_text (self->error_detail, detail ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_expander), detail != NULL);
  set_state (self, FH_DATA_VIEW_ERROR, "error");
}

void
fh_data_view_show_content (FhDataView *self)
{
  g_return_if_fail (FH_IS_DATA_VIEW (self));

  set_state (self, FH_DATA_VIEW_CONTENT, "content");
}

FhDataViewState
fh_data_view_get_state (FhDataView *self)
{
  g_return_val_if_fail (FH_IS_DATA_VIEW (self), FH_DATA_VIEW_LOADING);

  return self->state;
}

void
fh_data_view_set_content (FhDataView *self,
                          GtkWidget  *content)
{
  g_return_if_fail (FH_IS_DATA_VIEW (self));

  if (self->content != NULL)
    gtk_box_remove (GTK_BOX (self->content_slot), self->content);
  self->content = content;
  if (content != NULL)
    {
      gtk_widget_set_vexpand (content, TRUE);
      gtk_box_append (GTK_BOX (self->content_slot), content);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT]);
}

GtkWidget *
fh_data_view_get_content (FhDataView *self)
{
  g_return_val_if_fail (FH_IS_DATA_VIEW (self), NULL);

  return self->content;
}

gboolean
fh_data_view_get_spinning (FhDataView *self)
{
  g_return_val_if_fail (FH_IS_DATA_VIEW (self), FALSE);

  return gtk_spinner_get_spinning (self->spinner);
}

static void
fh_data_view_dispose (GObject *object)
{
  FhDataView *self = FH_DATA_VIEW (object);

  g_clear_handle_id (&self->spinner_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), FH_TYPE_DATA_VIEW);

  G_OBJECT_CLASS (fh_data_view_parent_class)->dispose (object);
}

static void
fh_data_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTENT:
      g_value_set_object (value, FH_DATA_VIEW (object)->content);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fh_data_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTENT:
      fh_data_view_set_content (FH_DATA_VIEW (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fh_data_view_class_init (FhDataViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fh_data_view_dispose;
  object_class->get_property = fh_data_view_get_property;
  object_class->set_property = fh_data_view_set_property;

  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/familyhelp/Dashboard/fh-data-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FhDataView, stack);
  gtk_widget_class_bind_template_child (widget_class, FhDataView, spinner);
  gtk_widget_class_bind_template_child (widget_class, FhDataView, empty_label);
  gtk_widget_class_bind_template_child (widget_class, FhDataView, error_summary);
  gtk_widget_class_bind_template_child (widget_class, FhDataView, error_detail);
  gtk_widget_class_bind_template_child (widget_class, FhDataView, error_expander);
  gtk_widget_class_bind_template_child (widget_class, FhDataView, content_slot);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fh_data_view_init (FhDataView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fh_data_view_show_loading (self);
}
