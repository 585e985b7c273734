/* fh-renderer.c — which GTK renderer to ask for where there is no GPU
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Without a GPU (no DRM render node: a virtual desktop, a remote session, a
 * VM, Xvfb) GTK 4.8's GL renderer runs on Mesa's software rasteriser, which
 * compiles its shaders and runs them on the CPU: on the development machine
 * that was over half of painting the first page (perf), and the start-up
 * took 0.79 s against 0.45 s with the cairo renderer, which also takes 80 MB
 * less memory. The pages are charts drawn with cairo and text, so nothing is
 * lost. With a render node GTK chooses as it always does, and GSK_RENDERER,
 * when set, is the user's choice and is kept.
 *
 * On X11 GDK also sets up GL when it opens the display, to choose the
 * window's visual, whatever the renderer: that loads Mesa's software
 * driver and LLVM and relocates them, about 90 ms of a 420 ms start
 * (bench/startup.sh, perf: the dynamic linker and Mesa). With the cairo
 * renderer nothing uses GL, so it is turned off as GTK documents,
 * GDK_DEBUG=gl-disable, unless the user has set GDK_DEBUG.
 */
#include "fh-renderer.h"

const char *
fh_renderer_for_devices (const char *dri_dir)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (dri_dir != NULL, NULL);

  dir = g_dir_open (dri_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "renderD"))
      return NULL;
  return "cairo";
}

void
fh_renderer_apply_for_devices (const char *dri_dir)
{
  const char *renderer;

  g_return_if_fail (dri_dir != NULL);

  if (g_getenv ("GSK_RENDERER") != NULL)
    return;
  renderer = fh_renderer_for_devices (dri_dir);
  if (renderer == NULL)
    return;
  g_setenv ("GSK_RENDERER", renderer, FALSE);
  /* nothing will draw with GL: GDK need not set it up */
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
}

void
fh_renderer_apply_default (void)
{
  fh_renderer_apply_for_devices ("/dev/dri");
}
