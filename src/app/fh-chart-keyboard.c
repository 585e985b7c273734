/* fh-chart-keyboard.c — a chart you can reach, move through and hear
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Arrow keys move in space, not in data order: Left/Right go to the next
 * item by its left edge (then its top), Up/Down by its top edge (then its
 * left), so on the ranked bars Down is the next bar, on the map Right is the
 * next ward across and on a line the next month. Home and End go to the
 * first and the last item in Left/Right order (the leftmost, the rightmost).
 */
#include <glib/gi18n.h>
#include <math.h>

#include "fh-chart-keyboard.h"
#include "fh-chart-view.h"

static guint item_activated_signal;

typedef struct {
  guint  item;
  double x, y;
  gboolean placed;
} Place;

static int
compare_across (gconstpointer a, gconstpointer b)
{
  const Place *p = a, *q = b;
  double dx = round (p->x) - round (q->x), dy = round (p->y) - round (q->y);

  if (p->placed != q->placed)
    return p->placed ? -1 : 1;
  if (dx != 0)
    return dx < 0 ? -1 : 1;
  if (dy != 0)
    return dy < 0 ? -1 : 1;
  return (int) p->item - (int) q->item;
}

static int
compare_down (gconstpointer a, gconstpointer b)
{
  const Place *p = a, *q = b;
  double dx = round (p->x) - round (q->x), dy = round (p->y) - round (q->y);

  if (p->placed != q->placed)
    return p->placed ? -1 : 1;
  if (dy != 0)
    return dy < 0 ? -1 : 1;
  if (dx != 0)
    return dx < 0 ? -1 : 1;
  return (int) p->item - (int) q->item;
}

/* The item @delta steps from the focused one along @across (else down);
 * G_MININT / G_MAXINT mean the first / the last. */
static int
step (FhChart *chart, gboolean across, int delta)
{
  guint n = fh_chart_get_n_items (chart);
  int focused = fh_chart_get_focused_item (chart);
  g_autofree Place *places = NULL;
  int pos = -1, next;

  if (n == 0)
    return -1;
  places = g_new0 (Place, n);
  for (guint i = 0; i < n; i++)
    {
      double w, h;

      places[i].item = i;
      places[i].placed = fh_chart_get_item_bounds (chart, i, &places[i].x, &places[i].y, &w, &h);
    }
  qsort (places, n, sizeof (Place), across ? compare_across : compare_down);
  for (guint i = 0; i < n; i++)
    if ((int) places[i].item == focused)
      pos = i;

  if (delta == G_MININT)
    next = 0;
  else if (delta == G_MAXINT)
    next = n - 1;
  else if (pos < 0)
    next = delta > 0 ? 0 : (int) n - 1;
  else
    next = CLAMP (pos + delta, 0, (int) n - 1);
  return places[next].item;
}

static FhChart *
view_chart (GtkWidget *view)
{
  return fh_chart_view_get_chart (FH_CHART_VIEW (view));
}

static void
move_action (GtkWidget  *view,
             const char *action_name,
             GVariant   *parameter)
{
  FhChart *chart = view_chart (view);
  /* Home and End are the ends of what Left and Right walk through, so on a
   * line Home is the first month (not the highest point) and Right goes on
   * from it to the next */
  gboolean across = !g_str_has_suffix (action_name, "below") && !g_str_has_suffix (action_name, "above");
  int delta;

  if (chart == NULL)
    return;
  if (g_str_has_suffix (action_name, "first"))
    delta = G_MININT;
  else if (g_str_has_suffix (action_name, "last"))
    delta = G_MAXINT;
  else if (g_str_has_suffix (action_name, "next") || g_str_has_suffix (action_name, "below"))
    delta = 1;
  else
    delta = -1;
  fh_chart_set_focused_item (chart, step (chart, across, delta));
  fh_chart_keyboard_update_accessible (view, chart);   /* announced now */
}

static void
activate_action (GtkWidget  *view,
                 const char *action_name,
                 GVariant   *parameter)
{
  FhChart *chart = view_chart (view);
  int item = chart ? fh_chart_get_focused_item (chart) : -1;

  if (item >= 0)
    g_signal_emit (view, item_activated_signal, 0, (guint) item);
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            GtkWidget       *view)
{
  FhChart *chart = view_chart (view);
  double cx, cy;
  int item;

  if (chart == NULL)
    return;
  gtk_widget_grab_focus (view);
  fh_chart_view_to_chart (FH_CHART_VIEW (view), x, y, &cx, &cy);
  item = fh_chart_hit_item (chart, cx, cy);
  if (item < 0)
    return;
  fh_chart_set_focused_item (chart, item);
  fh_chart_keyboard_update_accessible (view, chart);
  g_signal_emit (view, item_activated_signal, 0, (guint) item);
}

static void
on_focus_changed (GtkWidget *view)
{
  /* the ring is drawn only while focused */
  gtk_widget_queue_draw (view);
}

void
fh_chart_keyboard_class_init (GtkWidgetClass *widget_class)
{
  static const struct { const char *action; guint key, keypad; } moves[] = {
    { "chart.next",     GDK_KEY_Right, GDK_KEY_KP_Right },
    { "chart.previous", GDK_KEY_Left,  GDK_KEY_KP_Left },
    { "chart.below",    GDK_KEY_Down,  GDK_KEY_KP_Down },
    { "chart.above",    GDK_KEY_Up,    GDK_KEY_KP_Up },
    { "chart.first",    GDK_KEY_Home,  GDK_KEY_KP_Home },
    { "chart.last",     GDK_KEY_End,   GDK_KEY_KP_End },
  };

  /**
   * FhChartView::item-activated:
   * @item: the item's index in the chart (FhChart's item API)
   *
   * A click on an item, or Enter or Space on the focused one.
   */
  item_activated_signal = g_signal_new ("item-activated", G_TYPE_FROM_CLASS (widget_class),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_UINT);

  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      gtk_widget_class_install_action (widget_class, moves[i].action, NULL, move_action);
      gtk_widget_class_add_binding_action (widget_class, moves[i].key, 0, moves[i].action, NULL);
      gtk_widget_class_add_binding_action (widget_class, moves[i].keypad, 0, moves[i].action, NULL);
    }
  gtk_widget_class_install_action (widget_class, "chart.activate", NULL, activate_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "chart.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "chart.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, 0, "chart.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "chart.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Space, 0, "chart.activate", NULL);

  gtk_widget_class_set_css_name (widget_class, "chartview");
}

void
fh_chart_keyboard_init (GtkWidget *view)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_set_focusable (view, TRUE);
  gtk_widget_set_focus_on_click (view, TRUE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), view);
  gtk_widget_add_controller (view, GTK_EVENT_CONTROLLER (click));
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_focus_changed), view);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_changed), view);
  gtk_widget_add_controller (view, focus);
}

void
fh_chart_keyboard_update_accessible (GtkWidget *view,
                                     FhChart   *chart)
{
  g_autofree char *summary = fh_chart_get_alt_text (chart);
  g_autofree char *item = NULL;
  g_autofree char *description = NULL;
  const char *title = fh_chart_get_title (chart);
  int focused = fh_chart_get_focused_item (chart);

  if (focused >= 0)
    item = fh_chart_get_item_label (chart, focused);
  description = item ? g_strdup_printf ("%s. %s", item, summary ? summary : "") : g_strdup (summary ? summary : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title && *title ? title : _("Chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

void
fh_chart_keyboard_snapshot (GtkWidget   *view,
                            FhChart     *chart,
                            GtkSnapshot *snapshot,
                            double       scale)
{
  int focused = fh_chart_get_focused_item (chart);
  double x, y, w, h;
  GdkRGBA color;
  GskRoundedRect ring;
  float widths[4] = { 3, 3, 3, 3 };
  GdkRGBA colors[4];

  if (focused < 0 || !gtk_widget_has_focus (view)
      || !fh_chart_get_item_bounds (chart, focused, &x, &y, &w, &h))
    return;
  /* the text colour: its contrast with the background is the theme's own */
  gtk_style_context_get_color (gtk_widget_get_style_context (view), &color);
  for (guint i = 0; i < 4; i++)
    colors[i] = color;
  gsk_rounded_rect_init_from_rect (&ring, &GRAPHENE_RECT_INIT (x * scale - 3, y * scale - 3,
                                                               w * scale + 6, h * scale + 6), 3);
  gtk_snapshot_append_border (snapshot, &ring, widths, colors);
}
