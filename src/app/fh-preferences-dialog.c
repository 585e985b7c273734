/* fh-preferences-dialog.c — the app's preferences (Ctrl+,)
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each control is bound to its key with g_settings_bind, so the pages that
 * watch the keys follow at once and there is nothing to apply or save. The
 * small-number rule is shown, not offered: it is one rule in the reporting
 * layer (counts 1–5 suppressed, secondary suppression), enforced for every
 * client, and a setting here could only make the screen disagree with it.
 */
#include <glib/gi18n.h>

#include "fh-demand-query.h"
#include "fh-enums.h"
#include "fh-preferences-dialog.h"
#include "fh-settings.h"

struct _FhPreferencesDialog
{
  GtkWindow      parent_instance;

  GtkSpinButton *core_spin;
  GtkSpinButton *adolescence_spin;
  GtkSpinButton *early_help_spin;
  GtkDropDown   *period_dropdown;
  GtkSwitch     *publication_switch;

  GSettings     *settings;
};

G_DEFINE_FINAL_TYPE (FhPreferencesDialog, fh_preferences_dialog, GTK_TYPE_WINDOW)

/* The period key's enum nick ↔ the drop-down's row (= the enum's value). */
static gboolean
row_from_period (GValue *value, GVariant *variant, gpointer user_data)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (FH_TYPE_DEMAND_PERIOD);
  GEnumValue *v = g_enum_get_value_by_nick (klass, g_variant_get_string (variant, NULL));

  if (v == NULL)
    return FALSE;
  g_value_set_uint (value, v->value);
  return TRUE;
}

static GVariant *
period_from_row (const GValue *value, const GVariantType *expected_type, gpointer user_data)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (FH_TYPE_DEMAND_PERIOD);
  GEnumValue *v = g_enum_get_value (klass, g_value_get_uint (value));

  return v ? g_variant_new_string (v->value_nick) : NULL;
}

static gboolean
close_on_escape (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (widget));
  return TRUE;
}

static void
fh_preferences_dialog_dispose (GObject *object)
{
  FhPreferencesDialog *self = FH_PREFERENCES_DIALOG (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (object), FH_TYPE_PREFERENCES_DIALOG);

  G_OBJECT_CLASS (fh_preferences_dialog_parent_class)->dispose (object);
}

static void
fh_preferences_dialog_class_init (FhPreferencesDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = fh_preferences_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/familyhelp/Dashboard/fh-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FhPreferencesDialog, core_spin);
  gtk_widget_class_bind_template_child (widget_class, FhPreferencesDialog, adolescence_spin);
  gtk_widget_class_bind_template_child (widget_class, FhPreferencesDialog, early_help_spin);
  gtk_widget_class_bind_template_child (widget_class, FhPreferencesDialog, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FhPreferencesDialog, publication_switch);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, close_on_escape, NULL);
}

static void
fh_preferences_dialog_init (FhPreferencesDialog *self)
{
  g_autoptr(GEnumClass) periods = NULL;
  g_autoptr(GtkStringList) rows = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = fh_settings_new ();

  periods = g_type_class_ref (FH_TYPE_DEMAND_PERIOD);
  for (guint v = 0; v < periods->n_values; v++)
    gtk_string_list_append (rows, fh_demand_choice_get_label (FH_TYPE_DEMAND_PERIOD, v));
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (rows));

  g_settings_bind (self->settings, "caseload-threshold-core", self->core_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "caseload-threshold-adolescence", self->adolescence_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "caseload-threshold-early-help", self->early_help_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "demand-period", self->period_dropdown, "selected",
                                G_SETTINGS_BIND_DEFAULT, row_from_period, period_from_row, NULL, NULL);
  g_settings_bind (self->settings, "publication-view", self->publication_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}

FhPreferencesDialog *
fh_preferences_dialog_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (FH_TYPE_PREFERENCES_DIALOG,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
}
