/* fh-page-stack.c — the window's pages, found in its stack, loaded in turn
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window knows no page by name: a page is any FhPage in its stack.
 * The page shown loads first, so its queries and its tables are not kept
 * waiting behind those of pages nobody is looking at yet.
 */
#include "fh-page-stack.h"

#define WAITING "fh-page-stack-waiting"
#define AFTER_PAINT "fh-page-stack-after-paint"

GPtrArray *
fh_page_stack_get_pages (GtkStack *stack)
{
  GPtrArray *pages = g_ptr_array_new ();

  g_return_val_if_fail (GTK_IS_STACK (stack), pages);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (FH_IS_PAGE (child))
      g_ptr_array_add (pages, child);
  return pages;
}

void
fh_page_stack_get_states (GtkStack *stack,
                          gboolean *loading,
                          gboolean *failed)
{
  g_autoptr(GPtrArray) pages = fh_page_stack_get_pages (stack);

  *loading = *failed = FALSE;
  for (guint i = 0; i < pages->len; i++)
    {
      FhDataViewState state = fh_page_get_state (g_ptr_array_index (pages, i));

      *loading |= state == FH_DATA_VIEW_LOADING;
      *failed |= state == FH_DATA_VIEW_ERROR;
    }
}

gboolean
fh_page_stack_has_error (GtkStack *stack,
                         GQuark    domain,
                         int       code)
{
  g_autoptr(GPtrArray) pages = fh_page_stack_get_pages (stack);

  for (guint i = 0; i < pages->len; i++)
    if (g_error_matches (fh_page_get_error (g_ptr_array_index (pages, i)), domain, code))
      return TRUE;
  return FALSE;
}

static void
load_if_waiting (GtkStack  *stack,
                 GtkWidget *page)
{
  FhDatabase *database = g_object_get_data (G_OBJECT (stack), "fh-database");

  if (FH_IS_PAGE (page) && database != NULL && g_object_steal_data (G_OBJECT (page), WAITING) != NULL)
    fh_page_load (FH_PAGE (page), database,
                  GPOINTER_TO_INT (g_object_get_data (G_OBJECT (stack), "fh-authority-id")));
}

void
fh_page_stack_load_shown (GtkStack *stack)
{
  g_return_if_fail (GTK_IS_STACK (stack));

  load_if_waiting (stack, gtk_stack_get_visible_child (stack));
}

static void
load_all_waiting (GtkStack *stack)
{
  g_autoptr(GPtrArray) pages = fh_page_stack_get_pages (stack);

  for (guint i = 0; i < pages->len; i++)
    load_if_waiting (stack, g_ptr_array_index (pages, i));
}

static void
on_after_paint (GdkFrameClock *clock,
                GtkStack      *stack)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, stack);
  g_object_set_data (G_OBJECT (stack), AFTER_PAINT, NULL);
  load_all_waiting (stack);
}

/* The shown page's figures are painted first: the other pages' queries and
 * tables would otherwise share the cores with that paint (at start-up, the
 * dearest of all). */
void
fh_page_stack_load_waiting (GtkStack *stack)
{
  GdkFrameClock *clock;

  g_return_if_fail (GTK_IS_STACK (stack));

  clock = gtk_widget_get_mapped (GTK_WIDGET (stack)) ? gtk_widget_get_frame_clock (GTK_WIDGET (stack)) : NULL;
  if (clock == NULL)
    {
      load_all_waiting (stack);
      return;
    }
  if (g_object_get_data (G_OBJECT (stack), AFTER_PAINT) != NULL)
    return;
  g_object_set_data (G_OBJECT (stack), AFTER_PAINT, GINT_TO_POINTER (TRUE));
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_after_paint), stack, 0);
  gtk_widget_queue_draw (GTK_WIDGET (stack));
}

void
fh_page_stack_load (GtkStack   *stack,
                    FhDatabase *database,
                    int         authority_id)
{
  g_autoptr(GPtrArray) pages = fh_page_stack_get_pages (stack);

  g_return_if_fail (FH_IS_DATABASE (database));

  g_object_set_data_full (G_OBJECT (stack), "fh-database", g_object_ref (database), g_object_unref);
  g_object_set_data (G_OBJECT (stack), "fh-authority-id", GINT_TO_POINTER (authority_id));
  for (guint i = 0; i < pages->len; i++)
    {
      g_object_set_data (g_ptr_array_index (pages, i), WAITING, GINT_TO_POINTER (TRUE));
      fh_page_show_loading (g_ptr_array_index (pages, i));
    }
  fh_page_stack_load_shown (stack);
}

void
fh_page_stack_show_loading (GtkStack *stack)
{
  g_autoptr(GPtrArray) pages = fh_page_stack_get_pages (stack);

  for (guint i = 0; i < pages->len; i++)
    fh_page_show_loading (g_ptr_array_index (pages, i));
}

void
fh_page_stack_show_error (GtkStack     *stack,
                          const GError *error)
{
  g_autoptr(GPtrArray) pages = fh_page_stack_get_pages (stack);

  for (guint i = 0; i < pages->len; i++)
    {
      FhPage *page = g_ptr_array_index (pages, i);

      g_object_set_data (G_OBJECT (page), WAITING, NULL);
      fh_query_group_cancel (fh_page_get_queries (page));
      fh_page_show_error (page, error);
    }
}
