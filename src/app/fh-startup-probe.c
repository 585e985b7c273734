/* fh-startup-probe.c — how long until the first page is painted with figures
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The time is the wall clock when the frame after the figures arrived was
 * painted; bench/startup.sh subtracts the time it launched the program, and
 * measures an empty GTK window (bench/fh-empty-window.c) the same way.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fh-startup-probe.h"

typedef struct {
  GApplication *application;
  GtkWindow    *window;
  gulong        paint_id;
} Probe;

static long
resident_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line ? strtol (line + 6, NULL, 10) : -1;
}

static void
on_after_paint (GdkFrameClock *clock,
                Probe         *probe)
{
  g_signal_handler_disconnect (clock, probe->paint_id);
  printf ("first-frame realtime_us=%" G_GINT64_FORMAT " rss_kb=%ld\n", g_get_real_time (), resident_kb ());
  fflush (stdout);
  g_application_quit (probe->application);
}

static void
watch_next_paint (Probe *probe)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (probe->window));

  probe->paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), probe);
  gtk_widget_queue_draw (GTK_WIDGET (probe->window));
}

/* the window is shown only once its page has figures (fh-present-when-ready.c) */
static void
on_realize (GtkWidget *window,
            Probe     *probe)
{
  g_signal_handlers_disconnect_by_func (window, on_realize, probe);
  watch_next_paint (probe);
}

static void
on_state (FhPage     *page,
          GParamSpec *pspec,
          Probe      *probe)
{
  switch (fh_page_get_state (page))
    {
    case FH_DATA_VIEW_CONTENT:
    case FH_DATA_VIEW_EMPTY:
      g_signal_handlers_disconnect_by_func (page, on_state, probe);
      if (gtk_widget_get_realized (GTK_WIDGET (probe->window)))
        watch_next_paint (probe);
      else
        g_signal_connect (probe->window, "realize", G_CALLBACK (on_realize), probe);
      break;
    case FH_DATA_VIEW_ERROR:
      g_printerr ("first-frame: the page shows an error\n");
      exit (1);
    case FH_DATA_VIEW_LOADING:
    default:
      break;
    }
}

void
fh_startup_probe_watch (GApplication *application,
                        GtkWindow    *window,
                        FhPage       *page)
{
  Probe *probe;

  if (g_getenv ("FH_BENCH_FIRST_FRAME") == NULL || page == NULL)
    return;

  probe = g_new0 (Probe, 1);   /* lives until the process quits */
  probe->application = application;
  probe->window = window;
  g_signal_connect (page, "notify::state", G_CALLBACK (on_state), probe);
}
