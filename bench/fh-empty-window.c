/* fh-empty-window.c — an empty GTK 4 window, measured as the app is
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The baseline for bench/startup.sh: a GtkApplication opens an empty
 * window of the app's size and, after its first painted frame, prints
 * "first-frame realtime_us=… rss_kb=…" as the app's probe does, and quits.
 * With --as-app it first sets up GTK's renderer as the app does
 * (fh_renderer_apply_default: cairo, and no GL, where there is no GPU).
 */
#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fh-renderer.h"

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
on_after_paint (GdkFrameClock *clock, GApplication *app)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, app);
  printf ("first-frame realtime_us=%" G_GINT64_FORMAT " rss_kb=%ld\n", g_get_real_time (), resident_kb ());
  fflush (stdout);
  g_application_quit (app);
}

static void
on_map (GtkWidget *window, GApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint), app);
}

static void
on_activate (GtkApplication *app)
{
  GtkWidget *window = gtk_application_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  g_signal_connect (window, "map", G_CALLBACK (on_map), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  g_autoptr(GtkApplication) app = NULL;

  if (argc > 1 && strcmp (argv[1], "--as-app") == 0)
    {
      fh_renderer_apply_default ();
      argv[1] = argv[0];
      argc--;
      argv++;
    }
  app = gtk_application_new ("org.familyhelp.EmptyWindow", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
