/* fh-front-door.c — where MASH decisions send families, and how fast
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * MASH referrals received in the last twelve whole months by decision, for
 * the authority as bars and per ward as a table with the share decided
 * within one working day (weekends and bank holidays are not working days);
 * and Core against Adolescence by the child's age.
 */
#include <glib/gi18n.h>
#include <math.h>

#include "fh-bar-chart.h"
#include "fh-caseload-queries.h"
#include "fh-chart-view.h"
#include "fh-filter.h"
#include "fh-front-door.h"
#include "fh-number-format.h"
#include "fh-table.h"

#define SECTION_KEY "fh-front-door"
#define N_DECISIONS 6

struct _FhFrontDoor
{
  GtkWidget    parent_instance;

  FhBarChart  *decision_chart;
  GtkLabel    *speed_label;
  GtkGrid     *ward_grid;
  GtkGrid     *path_grid;
};

G_DEFINE_FINAL_TYPE (FhFrontDoor, fh_front_door, GTK_TYPE_WIDGET)

static const struct { const char *code; const char *label; } decisions[N_DECISIONS] = {
  { "nfa", N_("No further action") },
  { "universal", N_("Universal services") },
  { "early_help", N_("Early Family Help") },
  { "targeted_core", N_("Targeted: Core") },
  { "targeted_adolescence", N_("Targeted: Adolescence") },
  { "statutory", N_("Statutory social care") },
};

static int
decision_index (const char *code)
{
  for (int i = 0; i < N_DECISIONS; i++)
    if (g_strcmp0 (decisions[i].code, code) == 0)
      return i;
  return -1;
}

static char *
format_share (FhFrontDoorCell *c)
{
  if (c->within_one_day == FH_COUNT_SUPPRESSED)
    return g_strdup (FH_FORMAT_SUPPRESSED);
  return fh_format_percent (c->pct_within_one_day, 1);
}

static void
show_cells (FhFrontDoor *self,
            GPtrArray   *rows)
{
  static const FhColumnKind kinds[] = { FH_COLUMN_TEXT, FH_COLUMN_NUMBER, FH_COLUMN_NUMBER,
                                        FH_COLUMN_NUMBER, FH_COLUMN_NUMBER, FH_COLUMN_NUMBER };
  const char *headers[] = { _("Ward"), _("Referrals"), _("Targeted: Core"), _("Targeted: Adolescence"),
                            _("Statutory"), _("Decided within one working day") };
  const char *labels[N_DECISIONS + 1];
  double values[N_DECISIONS] = { NAN, NAN, NAN, NAN, NAN, NAN };
  gboolean hidden[N_DECISIONS] = { FALSE };
  guint row = 0;

  /* rows come seven to a ward, the authority last */
  fh_table_reset (self->ward_grid, headers, kinds, G_N_ELEMENTS (headers));
  for (guint i = 0; i + N_DECISIONS < rows->len; i += N_DECISIONS + 1)
    {
      FhFrontDoorCell *all = g_ptr_array_index (rows, i + N_DECISIONS);
      FhFrontDoorCell *core = g_ptr_array_index (rows, i + 3);
      FhFrontDoorCell *adol = g_ptr_array_index (rows, i + 4);
      FhFrontDoorCell *stat = g_ptr_array_index (rows, i + 5);
      g_autofree char *n = fh_format_count (all->referrals);
      g_autofree char *nc = fh_format_count (core->referrals);
      g_autofree char *na = fh_format_count (adol->referrals);
      g_autofree char *ns = fh_format_count (stat->referrals);
      g_autofree char *share = format_share (all);
      const char *cells[] = { all->ward_name ? all->ward_name : _("Whole authority"), n, nc, na, ns, share };
      GtkWidget *first = fh_table_add_row (self->ward_grid, row++, cells, kinds, G_N_ELEMENTS (cells));

      if (all->ward_code == NULL)
        {
          g_autofree char *text = NULL;

          gtk_widget_add_css_class (first, "heading");
          for (guint d = 0; d < N_DECISIONS; d++)
            {
              FhFrontDoorCell *c = g_ptr_array_index (rows, i + d);
              int k = decision_index (c->decision);

              if (k < 0)
                continue;
              values[k] = c->referrals < 0 ? NAN : (double) c->referrals;
              hidden[k] = c->referrals == FH_COUNT_SUPPRESSED;
            }
          /* Translators: e.g. "88.5% of MASH referrals were decided within one working day." */
          text = g_strdup_printf (_("%s of MASH referrals were decided within one working day "
                                    "(weekends and bank holidays are not working days)."), share);
          gtk_label_set_text (self->speed_label, text);
        }
    }

  for (guint k = 0; k < N_DECISIONS; k++)
    labels[k] = _(decisions[k].label);
  labels[N_DECISIONS] = NULL;
  fh_bar_chart_set_sort_descending (self->decision_chart, FALSE);
  fh_bar_chart_set_bars (self->decision_chart, labels, values, N_DECISIONS);
  for (guint k = 0; k < N_DECISIONS; k++)
    if (hidden[k])
      fh_bar_chart_set_suppressed (self->decision_chart, k, TRUE);
}

static void
show_path (FhFrontDoor *self,
           GPtrArray   *rows)
{
  static const FhColumnKind kinds[] = { FH_COLUMN_TEXT, FH_COLUMN_NUMBER, FH_COLUMN_NUMBER };
  const char *headers[] = { _("Age at referral"), _("Targeted: Core"), _("Targeted: Adolescence") };

  fh_table_reset (self->path_grid, headers, kinds, G_N_ELEMENTS (headers));
  for (guint i = 0; i < rows->len; i++)
    {
      FhFrontDoorPath *p = g_ptr_array_index (rows, i);
      /* Translators: an age band, e.g. "10–13" */
      g_autofree char *band = g_strdup_printf (_("%d–%d"), p->min_age, p->max_age);
      g_autofree char *core = fh_format_count (p->targeted_core);
      g_autofree char *adol = fh_format_count (p->targeted_adolescence);
      const char *cells[] = { band, core, adol };

      fh_table_add_row (self->path_grid, i, cells, kinds, G_N_ELEMENTS (cells));
    }
}

#define DEFINE_FINISH(name, finish_func, show_func)                                          \
  static gboolean                                                                          \
  name (gpointer page, GObject *source, GAsyncResult *result, GError **error)               \
  {                                                                                        \
    g_autoptr(GPtrArray) rows = finish_func (FH_DATABASE (source), result, error);          \
                                                                                           \
    if (rows == NULL)                                                                      \
      return FALSE;                                                                        \
    show_func (g_object_get_data (G_OBJECT (page), SECTION_KEY), rows);                    \
    return TRUE;                                                                           \
  }

DEFINE_FINISH (finish_cells, fh_database_front_door_finish, show_cells)
DEFINE_FINISH (finish_path, fh_database_front_door_path_finish, show_path)

void
fh_front_door_load (FhFrontDoor *self,
                    FhPage      *page,
                    GDateTime   *as_at)
{
  g_autoptr(GDateTime) next = NULL, month = NULL, to = NULL, from = NULL;
  g_autofree char *first = NULL, *last = NULL, *caption = NULL;
  FhDatabase *database;
  int authority_id;

  g_return_if_fail (FH_IS_FRONT_DOOR (self));
  g_return_if_fail (FH_IS_PAGE (page));
  g_return_if_fail (as_at != NULL);

  /* twelve whole months, the last of them whole on the date */
  next = g_date_time_add_days (as_at, 1);
  month = fh_date_new (g_date_time_get_year (next), g_date_time_get_month (next), 1);
  to = g_date_time_add_days (month, -1);
  from = g_date_time_add_months (month, -12);

  first = g_date_time_format (from, "%B %Y");
  last = g_date_time_format (to, "%B %Y");
  /* Translators: the chart's caption; the two dates are months, e.g. "November 2025 to October 2026" */
  caption = g_strdup_printf (_("Source: Family Help reporting data. Referrals received through the MASH from %s "
                               "to %s that have a decision, by the decision; counts of 1 to 5 shown as c."),
                             first, last);
  fh_chart_set_caption (FH_CHART (self->decision_chart), caption);

  database = fh_page_get_database (page);
  authority_id = fh_page_get_authority_id (page);
  g_object_set_data (G_OBJECT (page), SECTION_KEY, self);
  fh_database_front_door_async (database, authority_id, from, to,
                                FH_PAGE_QUERY (page, "front_door", finish_cells));
  fh_database_front_door_path_async (database, authority_id, from, to,
                                     FH_PAGE_QUERY (page, "front_door_path", finish_path));
}

static void
fh_front_door_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), FH_TYPE_FRONT_DOOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (fh_front_door_parent_class)->dispose (object);
}

static void
fh_front_door_class_init (FhFrontDoorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = fh_front_door_dispose;

  g_type_ensure (FH_TYPE_CHART_VIEW);
  g_type_ensure (FH_TYPE_BAR_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/familyhelp/Dashboard/fh-front-door.ui");
  gtk_widget_class_bind_template_child (widget_class, FhFrontDoor, decision_chart);
  gtk_widget_class_bind_template_child (widget_class, FhFrontDoor, speed_label);
  gtk_widget_class_bind_template_child (widget_class, FhFrontDoor, ward_grid);
  gtk_widget_class_bind_template_child (widget_class, FhFrontDoor, path_grid);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fh_front_door_init (FhFrontDoor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fh_chart_set_title (FH_CHART (self->decision_chart), _("Where MASH decisions sent families"));
  fh_chart_set_value_label (FH_CHART (self->decision_chart), _("Referrals"));
  fh_chart_set_value_decimals (FH_CHART (self->decision_chart), 0);
}
