/* fh-present-when-ready.c — show a new window once, with its figures
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first paint of a window is its dearest (it sets up the renderer).
 * Presented at once, the window paints its loading frame while the answer
 * that lets the first page send its queries (the data's extraction date)
 * waits behind that paint, so the queries start a paint late. Presented
 * once the page has sent them instead, the paint and the queries run side
 * by side. A slow or absent database never hides the window for longer
 * than @max_wait_ms.
 */
#include "fh-present-when-ready.h"

typedef struct {
  GtkWindow *window;
  FhPage    *page;
  gulong     state_id;
  gulong     load_id;
  guint      timeout_id;
} Waiting;

static void
present (Waiting *w)
{
  g_clear_handle_id (&w->timeout_id, g_source_remove);
  g_clear_signal_handler (&w->state_id, w->page);
  g_clear_signal_handler (&w->load_id, w->page);
  g_debug ("presenting the window");
  gtk_window_present (w->window);
  g_object_unref (w->page);
  g_object_unref (w->window);
  g_free (w);
}

static gboolean
on_timeout (gpointer data)
{
  Waiting *w = data;

  w->timeout_id = 0;
  present (w);
  return G_SOURCE_REMOVE;
}

static void
on_load_started (FhPage     *page,
                 GParamSpec *pspec,
                 Waiting    *w)
{
  present (w);
}

/* it could not load at all: not connected, say */
static void
on_state (FhPage     *page,
          GParamSpec *pspec,
          Waiting    *w)
{
  if (fh_page_get_state (page) != FH_DATA_VIEW_LOADING)
    present (w);
}

/**
 * fh_present_when_ready:
 * @window: a window not yet shown
 * @page: (nullable): the page it will show first
 * @max_wait_ms: the longest the window may stay hidden
 *
 * Presents @window as soon as @page has sent its queries or cannot load,
 * or after @max_wait_ms, whichever comes first; at once without a page.
 */
void
fh_present_when_ready (GtkWindow *window,
                       FhPage    *page,
                       guint      max_wait_ms)
{
  Waiting *w;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (page == NULL || FH_IS_PAGE (page));

  if (page == NULL || max_wait_ms == 0)
    {
      gtk_window_present (window);
      return;
    }
  w = g_new0 (Waiting, 1);
  w->window = g_object_ref (window);
  w->page = g_object_ref (page);
  w->state_id = g_signal_connect (page, "notify::state", G_CALLBACK (on_state), w);
  w->load_id = g_signal_connect (page, "notify::load-count", G_CALLBACK (on_load_started), w);
  w->timeout_id = g_timeout_add (max_wait_ms, on_timeout, w);
}
