/* fh-authority-chooser.c — the header's list of authorities
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fills the window's drop-down with the authorities the database holds,
 * selects the one wanted (the one shown last time), hides itself when there
 * is only one to choose from, and emits "chosen" with the FhAuthority when
 * the user picks another — never while it is being filled.
 */
#include "fh-authority-chooser.h"

struct _FhAuthorityChooser
{
  GObject        parent_instance;
  GtkDropDown   *dropdown;
  GtkStringList *names;
  GPtrArray     *authorities;   /* FhAuthority, in the drop-down's order */
  gboolean       filling;
};

G_DEFINE_FINAL_TYPE (FhAuthorityChooser, fh_authority_chooser, G_TYPE_OBJECT)

enum { CHOSEN, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
on_selected (FhAuthorityChooser *self)
{
  guint index = gtk_drop_down_get_selected (self->dropdown);

  if (self->filling || self->authorities == NULL || index >= self->authorities->len)
    return;
  g_signal_emit (self, signals[CHOSEN], 0, g_ptr_array_index (self->authorities, index));
}

/**
 * fh_authority_chooser_set_authorities:
 * @authorities: (element-type FhAuthority): at least one
 * @wanted_id: the authority to select if it is there; else the first
 *
 * Returns: (transfer none): the authority now selected
 */
const FhAuthority *
fh_authority_chooser_set_authorities (FhAuthorityChooser *self,
                                      GPtrArray          *authorities,
                                      int                 wanted_id)
{
  guint chosen = 0;

  g_return_val_if_fail (FH_IS_AUTHORITY_CHOOSER (self), NULL);
  g_return_val_if_fail (authorities != NULL && authorities->len > 0, NULL);

  g_clear_pointer (&self->authorities, g_ptr_array_unref);
  self->authorities = g_ptr_array_ref (authorities);
  /* rebuilding the list is not a choice */
  self->filling = TRUE;
  gtk_string_list_splice (self->names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->names)), NULL);
  for (guint i = 0; i < authorities->len; i++)
    {
      FhAuthority *a = g_ptr_array_index (authorities, i);

      gtk_string_list_append (self->names, a->name);
      if (a->authority_id == wanted_id)
        chosen = i;
    }
  gtk_drop_down_set_selected (self->dropdown, chosen);
  self->filling = FALSE;
  /* one authority is the usual case: nothing to choose, nothing shown */
  gtk_widget_set_visible (GTK_WIDGET (self->dropdown), authorities->len > 1);
  return g_ptr_array_index (authorities, chosen);
}

static void
fh_authority_chooser_dispose (GObject *object)
{
  FhAuthorityChooser *self = FH_AUTHORITY_CHOOSER (object);

  if (self->dropdown != NULL)
    g_signal_handlers_disconnect_by_func (self->dropdown, on_selected, self);
  g_clear_object (&self->dropdown);
  g_clear_object (&self->names);
  g_clear_pointer (&self->authorities, g_ptr_array_unref);

  G_OBJECT_CLASS (fh_authority_chooser_parent_class)->dispose (object);
}

static void
fh_authority_chooser_class_init (FhAuthorityChooserClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = fh_authority_chooser_dispose;

  /* the user picked another authority: an FhAuthority, owned by the chooser */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
fh_authority_chooser_init (FhAuthorityChooser *self)
{
}

FhAuthorityChooser *
fh_authority_chooser_new (GtkDropDown   *dropdown,
                          GtkStringList *names)
{
  FhAuthorityChooser *self;

  g_return_val_if_fail (GTK_IS_DROP_DOWN (dropdown), NULL);
  g_return_val_if_fail (GTK_IS_STRING_LIST (names), NULL);

  self = g_object_new (FH_TYPE_AUTHORITY_CHOOSER, NULL);
  self->dropdown = g_object_ref (dropdown);
  self->names = g_object_ref (names);
  g_signal_connect_swapped (dropdown, "notify::selected", G_CALLBACK (on_selected), self);
  return self;
}
