/* fh-caseload-whatif-panel.c — what if a service or team had more or fewer FTE?
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per service: where the FTE change goes (the whole service or one
 * team), how many FTE, and today's median per FTE and workers above the
 * threshold beside the projection (FhCaseloadWhatIf). Nothing leaves the
 * panel: no query, no setting.
 */
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "fh-caseload-stats.h"
#include "fh-caseload-whatif.h"
#include "fh-a11y.h"
#include "fh-caseload-whatif-panel.h"
#include "fh-number-format.h"

#define N_SERVICES G_N_ELEMENTS (fh_caseload_services)

struct _FhCaseloadWhatIfPanel
{
  GtkWidget         parent_instance;

  GtkGrid          *grid;
  GtkSpinButton    *move_spin;
  GtkDropDown      *move_from;
  GtkDropDown      *move_to;
  GtkLabel         *note;

  GtkDropDown      *where[N_SERVICES];
  GtkSpinButton    *delta[N_SERVICES];
  GtkLabel         *result[N_SERVICES];
  GPtrArray        *teams[N_SERVICES];   /* owned strings, in the drop-down's order after "whole service" */

  FhCaseloadWhatIf *whatif;
  double            thresholds[N_SERVICES];
  gboolean          updating;
};

G_DEFINE_FINAL_TYPE (FhCaseloadWhatIfPanel, fh_caseload_whatif_panel, GTK_TYPE_WIDGET)

static char *
format_stat (double value)
{
  return fh_format_number (value, 1);
}

static void
recompute (FhCaseloadWhatIfPanel *self)
{
  GString *refused = g_string_new (NULL);
  guint from, to;
  gint64 moved;

  if (self->whatif == NULL || self->updating)
    {
      g_string_free (refused, TRUE);
      return;
    }
  fh_caseload_whatif_reset (self->whatif);
  for (guint s = 0; s < N_SERVICES; s++)
    {
      double d = gtk_spin_button_get_value (self->delta[s]);
      guint where = gtk_drop_down_get_selected (self->where[s]);
      const char *team = where > 0 && where - 1 < self->teams[s]->len
                         ? g_ptr_array_index (self->teams[s], where - 1) : NULL;

      if (d != 0 && !fh_caseload_whatif_change_fte (self->whatif, fh_caseload_services[s], team, d))
        g_string_append_printf (refused, _("%s: that would leave no FTE, so it is left out. "),
                                team ? team : fh_caseload_service_label (fh_caseload_services[s]));
    }
  moved = (gint64) gtk_spin_button_get_value (self->move_spin);
  from = gtk_drop_down_get_selected (self->move_from);
  to = gtk_drop_down_get_selected (self->move_to);
  if (moved > 0 && from < N_SERVICES && to < N_SERVICES
      && !fh_caseload_whatif_move_episodes (self->whatif, fh_caseload_services[from],
                                            fh_caseload_services[to], moved))
    g_string_append (refused, _("The move is left out: a service can only give episodes its workers "
                                "hold, and to another service with workers. "));

  for (guint s = 0; s < N_SERVICES; s++)
    {
      FhCaseloadStats today, then;
      g_autofree char *m0 = NULL, *m1 = NULL, *a0 = NULL, *a1 = NULL, *t = NULL, *fte0 = NULL, *fte1 = NULL;
      g_autofree char *text = NULL;

      fh_caseload_whatif_project (self->whatif, fh_caseload_services[s], self->thresholds[s], &today, &then);
      if (today.counted == 0)
        {
          gtk_label_set_text (self->result[s], _("No workers with a known caseload"));
          continue;
        }
      m0 = format_stat (today.median);
      m1 = format_stat (then.median);
      a0 = fh_format_count (today.above);
      a1 = fh_format_count (then.above);
      t = fh_format_number (self->thresholds[s], 0);
      fte0 = fh_format_number (today.fte, 1);
      fte1 = fh_format_number (then.fte, 1);
      /* Translators: today → projected: "Median 18.0 → 15.2 per FTE · above 20: 11 → 6 · 24.5 → 26.5 FTE" */
      text = g_strdup_printf (_("Median %s → %s per FTE · above %s: %s → %s · %s → %s FTE"),
                              m0, m1, t, a0, a1, fte0, fte1);
      gtk_label_set_text (self->result[s], text);
    }
  gtk_label_set_text (self->note, refused->str);
  g_string_free (refused, TRUE);
}

static void
on_changed (FhCaseloadWhatIfPanel *self)
{
  recompute (self);
}

static void
reset_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  FhCaseloadWhatIfPanel *self = FH_CASELOAD_WHATIF_PANEL (widget);

  self->updating = TRUE;
  for (guint s = 0; s < N_SERVICES; s++)
    {
      gtk_spin_button_set_value (self->delta[s], 0);
      gtk_drop_down_set_selected (self->where[s], 0);
    }
  gtk_spin_button_set_value (self->move_spin, 0);
  self->updating = FALSE;
  recompute (self);
}

void
fh_caseload_whatif_panel_set_workers (FhCaseloadWhatIfPanel *self,
                                      GPtrArray             *workers,
                                      const double           thresholds[3])
{
  g_return_if_fail (FH_IS_CASELOAD_WHATIF_PANEL (self));
  g_return_if_fail (workers != NULL);

  g_clear_pointer (&self->whatif, fh_caseload_whatif_free);
  self->whatif = fh_caseload_whatif_new (workers);
  memcpy (self->thresholds, thresholds, sizeof self->thresholds);

  self->updating = TRUE;
  for (guint s = 0; s < N_SERVICES; s++)
    {
      g_autoptr(GPtrArray) teams = fh_caseload_whatif_list_teams (self->whatif, fh_caseload_services[s]);
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

      g_ptr_array_set_size (self->teams[s], 0);
      gtk_string_list_append (names, _("Whole service"));
      for (guint i = 0; i < teams->len; i++)
        {
          g_ptr_array_add (self->teams[s], g_strdup (g_ptr_array_index (teams, i)));
          gtk_string_list_append (names, g_ptr_array_index (teams, i));
        }
      gtk_drop_down_set_model (self->where[s], G_LIST_MODEL (names));
      gtk_drop_down_set_selected (self->where[s], 0);
      gtk_spin_button_set_value (self->delta[s], 0);
    }
  gtk_spin_button_set_value (self->move_spin, 0);
  self->updating = FALSE;
  recompute (self);
}

gboolean
fh_caseload_whatif_panel_set_change (FhCaseloadWhatIfPanel *self,
                                     const char            *service,
                                     const char            *team,
                                     double                 delta)
{
  g_return_val_if_fail (FH_IS_CASELOAD_WHATIF_PANEL (self), FALSE);

  for (guint s = 0; s < N_SERVICES; s++)
    if (g_strcmp0 (service, fh_caseload_services[s]) == 0)
      {
        guint where = 0;

        for (guint i = 0; team != NULL && i < self->teams[s]->len; i++)
          if (g_strcmp0 (g_ptr_array_index (self->teams[s], i), team) == 0)
            where = i + 1;
        if (team != NULL && where == 0)
          return FALSE;
        self->updating = TRUE;
        gtk_drop_down_set_selected (self->where[s], where);
        gtk_spin_button_set_value (self->delta[s], delta);
        self->updating = FALSE;
        recompute (self);
        return TRUE;
      }
  return FALSE;
}

const char *
fh_caseload_whatif_panel_get_result (FhCaseloadWhatIfPanel *self,
                                     const char            *service)
{
  g_return_val_if_fail (FH_IS_CASELOAD_WHATIF_PANEL (self), NULL);

  for (guint s = 0; s < N_SERVICES; s++)
    if (g_strcmp0 (service, fh_caseload_services[s]) == 0)
      return gtk_label_get_text (self->result[s]);
  return NULL;
}

static void
fh_caseload_whatif_panel_dispose (GObject *object)
{
  FhCaseloadWhatIfPanel *self = FH_CASELOAD_WHATIF_PANEL (object);
  GtkWidget *child;

  g_clear_pointer (&self->whatif, fh_caseload_whatif_free);
  for (guint s = 0; s < N_SERVICES; s++)
    g_clear_pointer (&self->teams[s], g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), FH_TYPE_CASELOAD_WHATIF_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (fh_caseload_whatif_panel_parent_class)->dispose (object);
}

static void
fh_caseload_whatif_panel_class_init (FhCaseloadWhatIfPanelClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = fh_caseload_whatif_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/familyhelp/Dashboard/fh-caseload-whatif-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, FhCaseloadWhatIfPanel, grid);
  gtk_widget_class_bind_template_child (widget_class, FhCaseloadWhatIfPanel, move_spin);
  gtk_widget_class_bind_template_child (widget_class, FhCaseloadWhatIfPanel, move_from);
  gtk_widget_class_bind_template_child (widget_class, FhCaseloadWhatIfPanel, move_to);
  gtk_widget_class_bind_template_child (widget_class, FhCaseloadWhatIfPanel, note);
  gtk_widget_class_install_action (widget_class, "whatif.reset", NULL, reset_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fh_caseload_whatif_panel_init (FhCaseloadWhatIfPanel *self)
{
  g_autoptr(GtkStringList) services = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint s = 0; s < N_SERVICES; s++)
    {
      GtkWidget *label = gtk_label_new (fh_caseload_service_label (fh_caseload_services[s]));
      GtkWidget *where = gtk_drop_down_new (NULL, NULL);
      GtkWidget *delta = gtk_spin_button_new_with_range (-50, 50, 0.5);
      GtkWidget *result = gtk_label_new (NULL);
      g_autofree char *where_name = g_strdup_printf (_("Where the %s FTE change goes"),
                                                     fh_caseload_service_label (fh_caseload_services[s]));
      g_autofree char *delta_name = g_strdup_printf (_("FTE added to %s (negative: removed)"),
                                                     fh_caseload_service_label (fh_caseload_services[s]));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "heading");
      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (delta), 1);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (delta), 0);
      gtk_label_set_xalign (GTK_LABEL (result), 0);
      gtk_label_set_wrap (GTK_LABEL (result), TRUE);
      gtk_widget_set_hexpand (result, TRUE);
      fh_a11y_label_dropdown (GTK_DROP_DOWN (where), where_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (delta), GTK_ACCESSIBLE_PROPERTY_LABEL, delta_name, -1);
      gtk_grid_attach (self->grid, label, 0, s, 1, 1);
      gtk_grid_attach (self->grid, where, 1, s, 1, 1);
      gtk_grid_attach (self->grid, delta, 2, s, 1, 1);
      gtk_grid_attach (self->grid, gtk_label_new (_("FTE")), 3, s, 1, 1);
      gtk_grid_attach (self->grid, result, 4, s, 1, 1);
      self->where[s] = GTK_DROP_DOWN (where);
      self->delta[s] = GTK_SPIN_BUTTON (delta);
      self->result[s] = GTK_LABEL (result);
      self->teams[s] = g_ptr_array_new_with_free_func (g_free);
      g_signal_connect_swapped (where, "notify::selected", G_CALLBACK (on_changed), self);
      g_signal_connect_swapped (delta, "value-changed", G_CALLBACK (on_changed), self);
      gtk_string_list_append (services, fh_caseload_service_label (fh_caseload_services[s]));
    }
  gtk_drop_down_set_model (self->move_from, G_LIST_MODEL (services));
  gtk_drop_down_set_model (self->move_to, G_LIST_MODEL (services));
  gtk_drop_down_set_selected (self->move_to, 1);
  fh_a11y_label_dropdown (self->move_from, _("Move from service"));
  fh_a11y_label_dropdown (self->move_to, _("Move to service"));
  g_signal_connect_swapped (self->move_spin, "value-changed", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (self->move_from, "notify::selected", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (self->move_to, "notify::selected", G_CALLBACK (on_changed), self);
}
