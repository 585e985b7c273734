/* fh-chart-table.c — a chart's figures as a real, sortable table
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "fh-a11y.h"
#include "fh-chart-table.h"
#include "fh-number-format.h"

/* ---- one row: the cells as shown, and numbers to sort by ------------------- */

#define FH_TYPE_CHART_TABLE_ROW (fh_chart_table_row_get_type ())
G_DECLARE_FINAL_TYPE (FhChartTableRow, fh_chart_table_row, FH, CHART_TABLE_ROW, GObject)

struct _FhChartTableRow
{
  GObject  parent_instance;
  GStrv    cells;      /* as shown */
  double  *numbers;    /* NAN where not a number ("c", missing, text) */
  guint    n;
};

G_DEFINE_FINAL_TYPE (FhChartTableRow, fh_chart_table_row, G_TYPE_OBJECT)

static void
fh_chart_table_row_finalize (GObject *object)
{
  FhChartTableRow *self = FH_CHART_TABLE_ROW (object);

  g_strfreev (self->cells);
  g_free (self->numbers);
  G_OBJECT_CLASS (fh_chart_table_row_parent_class)->finalize (object);
}

static void
fh_chart_table_row_class_init (FhChartTableRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fh_chart_table_row_finalize;
}

static void
fh_chart_table_row_init (FhChartTableRow *self)
{
}

/* ---- CSV (RFC 4180, as fh_csv_append_field writes it) ---------------------- */

static GPtrArray *
parse_csv (const char *csv)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = csv;

  while (p != NULL && *p)
    {
      if (*p == '"')
        {
          for (p++; *p; p++)
            {
              if (*p == '"' && p[1] == '"')
                g_string_append_c (field, *p++);
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p);
            }
          continue;
        }
      if (*p == ',' || *p == '\r' || *p == '\n')
        {
          gboolean end_of_row = *p != ',';

          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          if (*p == '\r' && p[1] == '\n')
            p++;
          p++;
          if (end_of_row)
            {
              /* the strings go to @rows; @row, emptied, takes the next row */
              g_ptr_array_add (row, NULL);
              g_ptr_array_add (rows, g_ptr_array_steal (row, NULL));
            }
          continue;
        }
      g_string_append_c (field, *p++);
    }
  return rows;
}

static gboolean
parse_number (const char *text, double *value, guint *decimals)
{
  char *end = NULL;
  const char *dot;

  if (text == NULL || *text == '\0')
    return FALSE;
  *value = g_ascii_strtod (text, &end);
  if (end == NULL || *end != '\0' || isnan (*value))
    return FALSE;
  dot = strchr (text, '.');
  *decimals = dot ? (guint) strlen (dot + 1) : 0;
  return TRUE;
}

/* ---- the table ------------------------------------------------------------- */

typedef struct {
  FhChart       *chart;
  GListStore    *rows;
  GtkColumnView *view;
  GtkWidget     *widget;       /* the scrolled window that owns the table */
  gulong         changed_id;
  gboolean       stale;        /* the chart changed since the rows were made */
  guint          idle_id;
  guint          n_columns;
} Table;

static void
table_free (gpointer data)
{
  Table *t = data;

  g_clear_signal_handler (&t->changed_id, t->chart);
  g_clear_handle_id (&t->idle_id, g_source_remove);
  g_clear_object (&t->chart);
  g_clear_object (&t->rows);
  g_free (t);
}

static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "numeric")) ? 1 : 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  FhChartTableRow *row = gtk_list_item_get_item (item);
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  const char *text = column < row->n ? row->cells[column] : "";

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

/* Numbers in order, "c" and missing below every number (so last when
 * sorted from the highest); text by collation. */
static int
compare_rows (gconstpointer a, gconstpointer b, gpointer data)
{
  const FhChartTableRow *x = a, *y = b;
  guint column = GPOINTER_TO_UINT (data);
  double u = column < x->n ? x->numbers[column] : NAN;
  double v = column < y->n ? y->numbers[column] : NAN;

  if (!isnan (u) || !isnan (v))
    {
      if (isnan (u))
        return GTK_ORDERING_SMALLER;
      if (isnan (v))
        return GTK_ORDERING_LARGER;
      return u < v ? GTK_ORDERING_SMALLER : u > v ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
    }
  return gtk_ordering_from_cmpfunc (g_utf8_collate (column < x->n ? x->cells[column] : "",
                                                    column < y->n ? y->cells[column] : ""));
}

static void
rebuild (Table *t)
{
  g_autofree char *csv = fh_chart_to_csv (t->chart);
  g_autoptr(GPtrArray) rows = parse_csv (csv);
  GStrv header;
  guint n_columns;
  g_autofree gboolean *numeric = NULL;

  g_list_store_remove_all (t->rows);
  while (g_list_model_get_n_items (gtk_column_view_get_columns (t->view)) > 0)
    {
      g_autoptr(GtkColumnViewColumn) c = g_list_model_get_item (gtk_column_view_get_columns (t->view), 0);
      gtk_column_view_remove_column (t->view, c);
    }
  if (rows->len == 0)
    return;

  header = g_ptr_array_index (rows, 0);
  n_columns = g_strv_length (header);
  numeric = g_new0 (gboolean, n_columns);
  /* a column is numeric when every cell is a number, "c" or empty, and one is a number */
  for (guint c = 0; c < n_columns; c++)
    {
      gboolean any = FALSE, all = TRUE;

      for (guint r = 1; r < rows->len; r++)
        {
          GStrv cells = g_ptr_array_index (rows, r);
          const char *cell = c < g_strv_length (cells) ? cells[c] : "";
          double v;
          guint d;

          if (parse_number (cell, &v, &d))
            any = TRUE;
          else if (*cell != '\0' && strcmp (cell, FH_FORMAT_SUPPRESSED) != 0)
            all = FALSE;
        }
      numeric[c] = any && all;
    }

  for (guint r = 1; r < rows->len; r++)
    {
      GStrv cells = g_ptr_array_index (rows, r);
      g_autoptr(FhChartTableRow) row = g_object_new (FH_TYPE_CHART_TABLE_ROW, NULL);

      row->n = n_columns;
      row->cells = g_new0 (char *, n_columns + 1);
      row->numbers = g_new (double, n_columns);
      for (guint c = 0; c < n_columns; c++)
        {
          const char *cell = c < g_strv_length (cells) ? cells[c] : "";
          double v;
          guint d;

          row->numbers[c] = NAN;
          if (numeric[c] && parse_number (cell, &v, &d))
            {
              row->numbers[c] = v;
              row->cells[c] = fh_format_number (v, d);
            }
          else if (numeric[c] && *cell == '\0')
            row->cells[c] = g_strdup (FH_FORMAT_MISSING);
          else
            row->cells[c] = g_strdup (cell);
        }
      g_list_store_append (t->rows, row);
    }

  for (guint c = 0; c < n_columns; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;
      GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows, GUINT_TO_POINTER (c), NULL));

      g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (c));
      g_object_set_data (G_OBJECT (factory), "numeric", GUINT_TO_POINTER (numeric[c]));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), NULL);
      column = gtk_column_view_column_new (header[c], factory);
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_expand (column, !numeric[c]);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (t->view, column);
      g_object_unref (sorter);
      g_object_unref (column);
    }
  t->n_columns = n_columns;
}

/* The rows are made when the table is looked at, not on every change of a
 * chart nobody has turned into a table: a page fills its charts a point at
 * a time, and rebuilding a column view per point was most of a start-up. */
static void
ensure_rows (Table *t)
{
  if (!t->stale)
    return;
  t->stale = FALSE;
  rebuild (t);
}

static gboolean
rebuild_when_idle (gpointer data)
{
  Table *t = data;

  t->idle_id = 0;
  ensure_rows (t);
  return G_SOURCE_REMOVE;
}

static void
on_chart_changed (Table *t)
{
  t->stale = TRUE;
  if (t->idle_id == 0 && gtk_widget_get_mapped (t->widget))
    t->idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebuild_when_idle, t, NULL);
}

static void
on_map (GtkWidget *widget, Table *t)
{
  ensure_rows (t);
}

GtkWidget *
fh_chart_table_new (FhChart *chart)
{
  Table *t;
  GtkWidget *scrolled;
  GtkSortListModel *sorted;
  GtkNoSelection *selection;
  const char *title;

  g_return_val_if_fail (FH_IS_CHART (chart), NULL);

  t = g_new0 (Table, 1);
  t->chart = g_object_ref (chart);
  t->rows = g_list_store_new (FH_TYPE_CHART_TABLE_ROW);
  t->view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (t->rows)),
                                    g_object_ref (gtk_column_view_get_sorter (t->view)));
  selection = gtk_no_selection_new (G_LIST_MODEL (sorted));
  gtk_column_view_set_model (t->view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  gtk_column_view_set_show_column_separators (t->view, TRUE);
  gtk_column_view_set_show_row_separators (t->view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (t->view), "data-table");

  title = fh_chart_get_title (chart);
  gtk_accessible_update_property (GTK_ACCESSIBLE (t->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title && *title ? title : _("Chart figures"), -1);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (t->view));
  gtk_widget_set_vexpand (scrolled, TRUE);
  g_object_set_data_full (G_OBJECT (scrolled), "fh-chart-table", t, table_free);
  t->widget = scrolled;
  t->stale = TRUE;
  t->changed_id = g_signal_connect_swapped (chart, "changed", G_CALLBACK (on_chart_changed), t);
  g_signal_connect (scrolled, "map", G_CALLBACK (on_map), t);
  return scrolled;
}

GtkColumnView *
fh_chart_table_get_column_view (GtkWidget *table)
{
  Table *t = g_object_get_data (G_OBJECT (table), "fh-chart-table");

  g_return_val_if_fail (t != NULL, NULL);
  ensure_rows (t);
  return t->view;
}

char *
fh_chart_table_dup_cell (GtkWidget *table,
                         guint      row,
                         guint      column)
{
  Table *t = g_object_get_data (G_OBJECT (table), "fh-chart-table");
  g_autoptr(FhChartTableRow) r = NULL;

  g_return_val_if_fail (t != NULL, NULL);
  ensure_rows (t);
  r = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (t->view)), row);
  if (r == NULL || column >= r->n)
    return NULL;
  return g_strdup (r->cells[column]);
}

/* ---- the toggle ------------------------------------------------------------ */

static void
on_toggled (GtkToggleButton *toggle, GtkStack *stack)
{
  gtk_stack_set_visible_child_name (stack, gtk_toggle_button_get_active (toggle) ? "table" : "chart");
}

GtkToggleButton *
fh_chart_table_add_toggle (FhChartView *view)
{
  GtkWidget *frame, *box, *toggle, *stack, *table;

  g_return_val_if_fail (FH_IS_CHART_VIEW (view), NULL);
  frame = gtk_widget_get_parent (GTK_WIDGET (view));
  g_return_val_if_fail (GTK_IS_FRAME (frame), NULL);
  g_return_val_if_fail (fh_chart_view_get_chart (view) != NULL, NULL);

  g_object_ref (view);
  gtk_frame_set_child (GTK_FRAME (frame), NULL);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  toggle = gtk_toggle_button_new_with_label (_("Show as table"));
  gtk_widget_set_halign (toggle, GTK_ALIGN_END);
  gtk_widget_set_margin_top (toggle, 6);
  gtk_widget_set_margin_end (toggle, 6);
  gtk_widget_add_css_class (toggle, "flat");
  stack = gtk_stack_new ();
  gtk_stack_set_vhomogeneous (GTK_STACK (stack), TRUE);
  gtk_stack_add_named (GTK_STACK (stack), GTK_WIDGET (view), "chart");
  table = fh_chart_table_new (fh_chart_view_get_chart (view));
  gtk_stack_add_named (GTK_STACK (stack), table, "table");
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "chart");
  fh_a11y_hide_hidden_pages (GTK_STACK (stack));
  g_signal_connect (toggle, "toggled", G_CALLBACK (on_toggled), stack);
  gtk_box_append (GTK_BOX (box), toggle);
  gtk_box_append (GTK_BOX (box), stack);
  gtk_frame_set_child (GTK_FRAME (frame), box);
  g_object_unref (view);
  return GTK_TOGGLE_BUTTON (toggle);
}
