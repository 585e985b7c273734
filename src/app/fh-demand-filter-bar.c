/* fh-demand-filter-bar.c — the demand page's measure, period and filters
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each drop-down lists the values of one enum (fh-demand-query.h) in order,
 * so its row is the value, and is bound to the GSettings key of that enum
 * (the schema's enums are generated from the same header). "changed" says
 * whether the choice needs new figures (a filter, the measure, the period)
 * or only a new look (rate or count, the map's style).
 */
#include <glib/gi18n.h>

#include "fh-a11y.h"
#include "fh-demand-filter-bar.h"
#include "fh-enums.h"
#include "fh-settings.h"

struct _FhDemandFilterBar
{
  GtkWidget    parent_instance;

  GtkDropDown *measure_dropdown;
  GtkDropDown *unit_dropdown;
  GtkDropDown *period_dropdown;
  GtkEntry    *from_entry;
  GtkEntry    *to_entry;
  GtkDropDown *level_dropdown;
  GtkDropDown *service_dropdown;
  GtkDropDown *need_dropdown;
  GtkDropDown *source_dropdown;
  GtkDropDown *age_dropdown;
  GtkDropDown *map_style_dropdown;

  GSettings   *settings;
};

G_DEFINE_FINAL_TYPE (FhDemandFilterBar, fh_demand_filter_bar, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct {
  const char *key;
  GType     (*get_type) (void);
  gsize       offset;       /* of the GtkDropDown * */
  gboolean    requery;
} Choice;

#define CHOICE(key, type, field, requery) \
  { key, type, G_STRUCT_OFFSET (FhDemandFilterBar, field), requery }
static const Choice choices[] = {
  CHOICE ("demand-measure", fh_demand_measure_get_type, measure_dropdown, TRUE),
  CHOICE ("demand-show-count", fh_demand_unit_get_type, unit_dropdown, FALSE),
  CHOICE ("demand-period", fh_demand_period_get_type, period_dropdown, TRUE),
  CHOICE ("demand-level", fh_demand_level_get_type, level_dropdown, TRUE),
  CHOICE ("demand-service", fh_demand_service_get_type, service_dropdown, TRUE),
  CHOICE ("demand-need", fh_demand_need_get_type, need_dropdown, TRUE),
  CHOICE ("demand-source", fh_demand_source_get_type, source_dropdown, TRUE),
  CHOICE ("demand-age-band", fh_demand_age_band_get_type, age_dropdown, TRUE),
  CHOICE ("demand-map-style", fh_demand_map_style_get_type, map_style_dropdown, FALSE),
};

static GtkDropDown *
dropdown (FhDemandFilterBar *self, const Choice *c)
{
  return G_STRUCT_MEMBER (GtkDropDown *, self, c->offset);
}

static guint
selected (FhDemandFilterBar *self, const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    if (g_str_equal (choices[i].key, key))
      {
        guint row = gtk_drop_down_get_selected (dropdown (self, &choices[i]));
        return row == GTK_INVALID_LIST_POSITION ? 0 : row;
      }
  g_return_val_if_reached (0);
}

/* The key's enum nick ↔ the drop-down's row (= the enum's value). A boolean
 * key (show counts) is the row of FALSE, TRUE. */
static gboolean
row_from_setting (GValue *value, GVariant *variant, gpointer user_data)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *v;

  if (g_variant_is_of_type (variant, G_VARIANT_TYPE_BOOLEAN))
    {
      g_value_set_uint (value, g_variant_get_boolean (variant) ? 1 : 0);
      return TRUE;
    }
  klass = g_type_class_ref (GPOINTER_TO_SIZE (user_data));
  v = g_enum_get_value_by_nick (klass, g_variant_get_string (variant, NULL));
  if (v == NULL)
    return FALSE;
  g_value_set_uint (value, v->value);
  return TRUE;
}

static GVariant *
setting_from_row (const GValue *value, const GVariantType *expected_type, gpointer user_data)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (GPOINTER_TO_SIZE (user_data));
  GEnumValue *v = g_enum_get_value (klass, g_value_get_uint (value));

  if (v == NULL)
    return NULL;
  if (g_variant_type_equal (expected_type, G_VARIANT_TYPE_BOOLEAN))
    return g_variant_new_boolean (v->value != 0);
  return g_variant_new_string (v->value_nick);
}

/* The date entries belong to the custom period only. */
static void
show_custom_entries (FhDemandFilterBar *self)
{
  gboolean custom = selected (self, "demand-period") == FH_DEMAND_PERIOD_CUSTOM;

  gtk_widget_set_visible (GTK_WIDGET (self->from_entry), custom);
  gtk_widget_set_visible (GTK_WIDGET (self->to_entry), custom);
}

static void
on_selected (GtkDropDown       *changed,
             GParamSpec        *pspec,
             FhDemandFilterBar *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    if (dropdown (self, &choices[i]) == changed)
      {
        show_custom_entries (self);
        g_signal_emit (self, signals[CHANGED], 0, choices[i].requery);
      }
}

static void
on_date_activated (FhDemandFilterBar *self)
{
  g_signal_emit (self, signals[CHANGED], 0, TRUE);
}

void
fh_demand_filter_bar_get_choices (FhDemandFilterBar *self,
                                  FhDemandChoices   *c)
{
  g_return_if_fail (FH_IS_DEMAND_FILTER_BAR (self));
  g_return_if_fail (c != NULL);

  c->measure = selected (self, "demand-measure");
  c->unit = selected (self, "demand-show-count");
  c->period = selected (self, "demand-period");
  c->level = selected (self, "demand-level");
  c->service = selected (self, "demand-service");
  c->need = selected (self, "demand-need");
  c->source = selected (self, "demand-source");
  c->age_band = selected (self, "demand-age-band");
  c->map_style = selected (self, "demand-map-style");
  g_free (c->custom_from);
  g_free (c->custom_to);
  c->custom_from = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->from_entry)));
  c->custom_to = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->to_entry)));
}

void
fh_demand_filter_bar_set_range_valid (FhDemandFilterBar *self,
                                      gboolean           valid)
{
  GtkWidget *entries[] = { GTK_WIDGET (self->from_entry), GTK_WIDGET (self->to_entry) };

  g_return_if_fail (FH_IS_DEMAND_FILTER_BAR (self));

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    if (valid)
      gtk_widget_remove_css_class (entries[i], "error");
    else
      gtk_widget_add_css_class (entries[i], "error");
}

void
fh_demand_filter_bar_set_boundaries_available (FhDemandFilterBar *self,
                                               gboolean           available)
{
  g_return_if_fail (FH_IS_DEMAND_FILTER_BAR (self));

  gtk_widget_set_visible (GTK_WIDGET (self->map_style_dropdown), available);
}

void
fh_demand_filter_bar_set_index (FhDemandFilterBar *self,
                                const char        *key,
                                guint              index)
{
  g_return_if_fail (FH_IS_DEMAND_FILTER_BAR (self));

  if (g_str_equal (key, "demand-unit"))
    key = "demand-show-count";
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    if (g_str_equal (choices[i].key, key))
      {
        g_return_if_fail (index < g_list_model_get_n_items (gtk_drop_down_get_model (dropdown (self, &choices[i]))));
        gtk_drop_down_set_selected (dropdown (self, &choices[i]), index);
        return;
      }
  g_return_if_reached ();
}

static void
fh_demand_filter_bar_dispose (GObject *object)
{
  FhDemandFilterBar *self = FH_DEMAND_FILTER_BAR (object);
  GtkWidget *child;

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (object), FH_TYPE_DEMAND_FILTER_BAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (fh_demand_filter_bar_parent_class)->dispose (object);
}

static void
fh_demand_filter_bar_class_init (FhDemandFilterBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = fh_demand_filter_bar_dispose;

  /**
   * FhDemandFilterBar::changed:
   * @requery: whether the choice needs new figures from the database
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/familyhelp/Dashboard/fh-demand-filter-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, FhDemandFilterBar, measure_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FhDemandFilterBar, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FhDemandFilterBar, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FhDemandFilterBar, from_entry);
  gtk_widget_class_bind_template_child (widget_class, FhDemandFilterBar, to_entry);
  gtk_widget_class_bind_template_child (widget_class, FhDemandFilterBar, level_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FhDemandFilterBar, service_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FhDemandFilterBar, need_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FhDemandFilterBar, source_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FhDemandFilterBar, age_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FhDemandFilterBar, map_style_dropdown);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fh_demand_filter_bar_init (FhDemandFilterBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = fh_settings_new ();

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      GType type = choices[i].get_type ();
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      g_autoptr(GtkStringList) rows = gtk_string_list_new (NULL);

      for (guint v = 0; v < klass->n_values; v++)
        gtk_string_list_append (rows, fh_demand_choice_get_label (type, v));
      gtk_drop_down_set_model (dropdown (self, &choices[i]), G_LIST_MODEL (rows));
      /* the tooltip ("Measure") is the name a screen reader says */
      fh_a11y_label_dropdown (dropdown (self, &choices[i]),
                              gtk_widget_get_tooltip_text (GTK_WIDGET (dropdown (self, &choices[i]))));
      g_settings_bind_with_mapping (self->settings, choices[i].key, dropdown (self, &choices[i]), "selected",
                                    G_SETTINGS_BIND_DEFAULT, row_from_setting, setting_from_row,
                                    GSIZE_TO_POINTER (type), NULL);
      g_signal_connect (dropdown (self, &choices[i]), "notify::selected", G_CALLBACK (on_selected), self);
    }
  g_settings_bind (self->settings, "demand-custom-from", self->from_entry, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "demand-custom-to", self->to_entry, "text", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_swapped (self->from_entry, "activate", G_CALLBACK (on_date_activated), self);
  g_signal_connect_swapped (self->to_entry, "activate", G_CALLBACK (on_date_activated), self);
  show_custom_entries (self);
}
