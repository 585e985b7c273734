/* fh-ward-profile-view.c — one ward's people, deprivation and demand
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For commissioners: residents and children by age band, the deprivation
 * score and rank, the share of Global Majority residents, the three demand
 * rates and the needs most recorded in the ward's episodes.
 */
#include <glib/gi18n.h>
#include <math.h>

#include "fh-number-format.h"
#include "fh-ward-profile-view.h"

struct _FhWardProfileView
{
  GtkWidget  parent_instance;

  GtkGrid   *grid;
};

G_DEFINE_FINAL_TYPE (FhWardProfileView, fh_ward_profile_view, GTK_TYPE_WIDGET)

static void
add_row (GtkGrid *grid, guint row, const char *name, const char *value)
{
  GtkWidget *n = gtk_label_new (name);
  GtkWidget *v = gtk_label_new (value);

  gtk_label_set_xalign (GTK_LABEL (n), 0);
  gtk_label_set_xalign (GTK_LABEL (v), 1);
  gtk_label_set_wrap (GTK_LABEL (v), TRUE);
  gtk_widget_add_css_class (n, "dim-label");
  gtk_widget_add_css_class (v, "numeric");
  gtk_grid_attach (grid, n, 0, row, 1, 1);
  gtk_grid_attach (grid, v, 1, row, 1, 1);
}

/* "1,234 (21.5%)" */
static char *
share (gint64 part, gint64 whole)
{
  g_autofree char *n = fh_format_count (part);
  g_autofree char *p = fh_format_number (whole > 0 && part >= 0 ? 100.0 * part / whole : NAN, 1);
  return g_strdup_printf ("%s (%s%%)", n, p);
}

void
fh_ward_profile_view_show (FhWardProfileView   *self,
                           const FhWardProfile *p,
                           const FhWardDemand  *d,
                           guint                rank,
                           guint                n_wards,
                           GPtrArray           *needs)
{
  GtkGrid *grid;
  GtkWidget *child;
  guint row = 0;

  g_return_if_fail (FH_IS_WARD_PROFILE_VIEW (self));

  grid = self->grid;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);

  if (p == NULL)
    {
      GtkWidget *hint = gtk_label_new (_("Select a ward on the map, the bars or the scatter to see its profile."));
      gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
      gtk_label_set_xalign (GTK_LABEL (hint), 0);
      gtk_widget_add_css_class (hint, "dim-label");
      gtk_grid_attach (grid, hint, 0, 0, 2, 1);
      return;
    }

  {
    GtkWidget *heading = gtk_label_new (p->ward_name);
    gtk_label_set_xalign (GTK_LABEL (heading), 0);
    gtk_widget_add_css_class (heading, "title-3");
    gtk_grid_attach (grid, heading, 0, row++, 2, 1);
  }
  {
    g_autofree char *all = fh_format_count (p->population_total);
    g_autofree char *kids = fh_format_count (p->children_0_17);
    g_autofree char *b1 = share (p->children_0_4, p->children_0_17);
    g_autofree char *b2 = share (p->children_5_9, p->children_0_17);
    g_autofree char *b3 = share (p->children_10_17, p->children_0_17);
    g_autofree char *imd = fh_format_number (p->imd_score, 1);
    g_autofree char *imd_text = g_strdup_printf (_("%s (%u of %u wards, most deprived first)"), imd, rank, n_wards);
    g_autofree char *gm_text = fh_format_percent (p->pct_global_majority, 1);
    g_autofree char *r1 = fh_format_rate (d ? d->referral_rate : NAN, d ? d->referrals : FH_COUNT_MISSING, 1);
    g_autofree char *r2 = fh_format_rate (d ? d->started_rate : NAN, d ? d->episodes_started : FH_COUNT_MISSING, 1);
    g_autofree char *r3 = fh_format_rate (d ? d->open_rate : NAN, d ? d->episodes_open : FH_COUNT_MISSING, 1);

    if (p->locality)
      add_row (grid, row++, _("Locality"), p->locality);
    add_row (grid, row++, _("Residents"), all);
    add_row (grid, row++, _("Children aged 0–17"), kids);
    add_row (grid, row++, _("aged 0–4"), b1);
    add_row (grid, row++, _("aged 5–9"), b2);
    add_row (grid, row++, _("aged 10–17"), b3);
    add_row (grid, row++, _("Deprivation (IMD 2019 score)"), imd_text);
    add_row (grid, row++, _("Global Majority residents"), gm_text);
    add_row (grid, row++, _("Referrals per 10,000 children"), r1);
    add_row (grid, row++, _("Episodes started per 10,000"), r2);
    add_row (grid, row++, _("Open at period end per 10,000"), r3);
  }
  if (needs != NULL)
    {
      g_autoptr(GString) top = g_string_new (NULL);

      for (guint i = 0; i < needs->len; i++)
        {
          FhNeedCount *n = g_ptr_array_index (needs, i);
          g_autofree char *count = fh_format_count (n->episodes);
          g_string_append_printf (top, "%s%s (%s)", i ? "\n" : "", fh_need_get_label (n->need), count);
        }
      add_row (grid, row++, _("Top needs (episodes started)"), top->len ? top->str : _("none recorded"));
    }
}

static void
fh_ward_profile_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), FH_TYPE_WARD_PROFILE_VIEW);

  G_OBJECT_CLASS (fh_ward_profile_view_parent_class)->dispose (object);
}

static void
fh_ward_profile_view_class_init (FhWardProfileViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = fh_ward_profile_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/familyhelp/Dashboard/fh-ward-profile-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FhWardProfileView, grid);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fh_ward_profile_view_init (FhWardProfileView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
