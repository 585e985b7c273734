/* fh-a11y.c — names and visibility for assistive technologies
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fh-a11y.h"

#define DROPDOWN_LABEL "fh-a11y-label"

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* shown whole when there is room (its natural width); shortened with "…"
   * rather than pushing the window past the screen at large text sizes */
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  GtkStringObject *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *text = row ? gtk_string_object_get_string (row) : "";

  GtkWidget *row_widget = gtk_widget_get_parent (label);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  /* the row itself (GTK 4.8 gives it no name), and in the drop-down's own
   * button the item shown is not a second tab stop inside the button */
  if (row_widget != NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (row_widget), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
      if (gtk_widget_get_ancestor (row_widget, GTK_TYPE_BUTTON) != NULL)
        gtk_widget_set_focusable (row_widget, FALSE);
    }
}

static GtkWidget *
inner_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      return child;
  return NULL;
}

static void
update_dropdown_button (GtkDropDown *dropdown)
{
  const char *label = g_object_get_data (G_OBJECT (dropdown), DROPDOWN_LABEL);
  GtkStringObject *row = gtk_drop_down_get_selected_item (dropdown);
  GtkWidget *button = inner_button (GTK_WIDGET (dropdown));
  g_autofree char *name = NULL;

  if (button == NULL)
    return;
  name = row ? g_strdup_printf ("%s: %s", label, gtk_string_object_get_string (row)) : g_strdup (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

void
fh_a11y_label_dropdown (GtkDropDown *dropdown,
                        const char  *label)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));
  g_return_if_fail (label != NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_drop_down_set_factory (dropdown, factory);
  g_object_set_data_full (G_OBJECT (dropdown), DROPDOWN_LABEL, g_strdup (label), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  if (g_signal_handler_find (dropdown, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, update_dropdown_button, NULL) == 0)
    g_signal_connect (dropdown, "notify::selected-item", G_CALLBACK (update_dropdown_button), NULL);
  update_dropdown_button (dropdown);
}

void
fh_a11y_label_button (GtkWidget  *widget,
                      const char *label)
{
  GtkWidget *button;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (label != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  if ((button = inner_button (widget)) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
update_pages (GtkStack *stack)
{
  GtkWidget *shown = gtk_stack_get_visible_child (stack);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack)); child;
       child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, child != shown, -1);
}

void
fh_a11y_hide_hidden_pages (GtkStack *stack)
{
  g_return_if_fail (GTK_IS_STACK (stack));

  g_signal_connect (stack, "notify::visible-child", G_CALLBACK (update_pages), NULL);
  update_pages (stack);
}
