/* fh-chart-menu.c — how a chart's export actions are reached
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The menu button over a chart's corner, its context menu (right click,
 * Menu, Shift+F10) and the window's shortcuts, which act on the focused
 * chart or the shown page's main one. The actions themselves are in
 * fh-chart-export-actions.c.
 */
#include <glib/gi18n.h>

#include "fh-accels.h"
#include "fh-chart-export-actions.h"
#include "fh-chart-menu.h"
#include "fh-chart-view.h"
#include "fh-page.h"
#include "fh-window.h"

/* ---- menus ------------------------------------------------------------------- */

static GMenuModel *
build_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) images = g_menu_new ();
  g_autoptr(GMenu) data = g_menu_new ();
  g_autoptr(GMenu) other = g_menu_new ();

  for (guint i = 0; i < fh_chart_export_n_formats (); i++)
    {
      const char *label;
      FhChartFormat format;
      gboolean is_default;
      const char *id = fh_chart_export_format_info (i, &label, &format, &is_default);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);
      const char *accel = fh_accels_get_primary (format == FH_CHART_FORMAT_CSV ? "win.save-chart-data"
                                                 : is_default ? "win.export-chart" : NULL);

      g_menu_item_set_action_and_target (item, "chart.export", "s", id);
      if (accel != NULL)
        g_menu_item_set_attribute (item, "accel", "s", accel);
      g_menu_append_item (format == FH_CHART_FORMAT_CSV ? data : images, item);
    }
  {
    g_autoptr(GMenuItem) copy = g_menu_item_new (_("_Copy Image"), "chart.copy");
    g_autoptr(GMenuItem) print = g_menu_item_new (_("_Print…"), "chart.print");
    g_autoptr(GMenuItem) preview = g_menu_item_new (_("Print Pre_view"), "chart.print-preview");
    const char *accel;

    if ((accel = fh_accels_get_primary ("win.copy-chart")) != NULL)
      g_menu_item_set_attribute (copy, "accel", "s", accel);
    if ((accel = fh_accels_get_primary ("win.print-chart")) != NULL)
      g_menu_item_set_attribute (print, "accel", "s", accel);
    g_menu_append_item (other, copy);
    g_menu_append_item (other, print);
    g_menu_append_item (other, preview);
  }
  g_menu_append_section (menu, _("Export Chart As"), G_MENU_MODEL (images));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (data));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (other));
  return G_MENU_MODEL (menu);
}

static void
popup_context_menu (GtkWidget *chart_view,
                    double     x,
                    double     y)
{
  GtkWidget *popover = g_object_get_data (G_OBJECT (chart_view), "fh-context-menu");

  fh_chart_export_update_enabled (chart_view, NULL);

  if (popover == NULL)
    {
      g_autoptr(GMenuModel) model = build_menu ();

      popover = gtk_popover_menu_new_from_model (model);
      gtk_widget_set_parent (popover, chart_view);
      gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
      gtk_widget_set_halign (popover, GTK_ALIGN_START);
      g_object_set_data (G_OBJECT (chart_view), "fh-context-menu", popover);
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
on_secondary_click (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    GtkWidget       *chart_view)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_context_menu (chart_view, x, y);
}

void
fh_chart_menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  popup_context_menu (widget, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 4.0);
}

/* As the menu opens: made the first time (a page has many charts, and a
 * menu each made up front was a tenth of the window's making), its items
 * enabled or not, and the button says why not. */
static void
on_menu_button_popup (GtkMenuButton *button,
                      GtkWidget     *chart_view)
{
  g_autoptr(GError) error = NULL;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    {
      g_autoptr(GMenuModel) model = build_menu ();

      gtk_menu_button_set_menu_model (button, model);
    }

  if (fh_chart_export_update_enabled (chart_view, &error))
    gtk_widget_set_tooltip_text (GTK_WIDGET (button), _("Export, copy or print this chart"));
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (button), error->message);
}

void
fh_chart_export_actions_attach (GtkWidget *chart_view)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  g_return_if_fail (FH_IS_CHART_VIEW (chart_view));

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "document-save-symbolic");
  gtk_widget_set_tooltip_text (button, _("Export, copy or print this chart"));
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button),
                                         (GtkMenuButtonCreatePopupFunc) on_menu_button_popup,
                                         chart_view, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Export, copy or print this chart"), -1);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (button, 6);
  gtk_widget_set_margin_end (button, 6);
  gtk_widget_add_css_class (button, "chart-export-button");
  gtk_widget_set_parent (button, chart_view);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_secondary_click), chart_view, 0);
  gtk_widget_add_controller (chart_view, GTK_EVENT_CONTROLLER (click));
}

void
fh_chart_export_actions_set_button_visible (GtkWidget *chart_view,
                                            gboolean   visible)
{
  g_return_if_fail (FH_IS_CHART_VIEW (chart_view));

  for (GtkWidget *child = gtk_widget_get_first_child (chart_view); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_MENU_BUTTON (child) && gtk_widget_has_css_class (child, "chart-export-button"))
      gtk_widget_set_visible (child, visible);
}

/* ---- the window's shortcuts ------------------------------------------------------ */

static GtkWidget *
first_chart_view (GtkWidget *widget)
{
  if (FH_IS_CHART_VIEW (widget) && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_chart_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
fh_chart_export_find_chart_view (GtkWidget *window)
{
  GtkWidget *focus;
  FhPage *page;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);

  focus = gtk_root_get_focus (GTK_ROOT (window));
  if (focus != NULL)
    {
      GtkWidget *view = FH_IS_CHART_VIEW (focus) ? focus : gtk_widget_get_ancestor (focus, FH_TYPE_CHART_VIEW);

      if (view != NULL)
        return view;
    }
  page = FH_IS_WINDOW (window) ? fh_window_get_visible_page (FH_WINDOW (window)) : NULL;
  return first_chart_view (page ? GTK_WIDGET (page) : window);
}

static void
window_chart_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GtkWidget *view = fh_chart_export_find_chart_view (widget);
  g_autoptr(GError) error = NULL;

  if (view == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  if (!fh_chart_export_update_enabled (view, &error))
    {
      fh_chart_export_show_error (view, _("The chart cannot be exported now"), error);
      return;
    }
  if (g_str_equal (action_name, "win.export-chart"))
    gtk_widget_activate_action (view, "chart.export", "s", "");
  else if (g_str_equal (action_name, "win.save-chart-data"))
    gtk_widget_activate_action (view, "chart.export", "s", "csv");
  else if (g_str_equal (action_name, "win.copy-chart"))
    gtk_widget_activate_action (view, "chart.copy", NULL);
  else if (g_str_equal (action_name, "win.print-chart"))
    gtk_widget_activate_action (view, "chart.print", NULL);
}

void
fh_chart_export_actions_install_window (GtkWidgetClass *window_class)
{
  gtk_widget_class_install_action (window_class, "win.export-chart", NULL, window_chart_action);
  gtk_widget_class_install_action (window_class, "win.save-chart-data", NULL, window_chart_action);
  gtk_widget_class_install_action (window_class, "win.copy-chart", NULL, window_chart_action);
  gtk_widget_class_install_action (window_class, "win.print-chart", NULL, window_chart_action);
}
